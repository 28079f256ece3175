//! `sitrep eval`: score extraction against answers. A gold JSON file or a
//! directory of them (this project's format, `gold/dev/`), an ACLED CSV
//! (`notes` in, the row's fields as the answer), or a FA-KES CSV
//! (`article_content` in, the main event's governorate as the answer).
//! Coded sentence sets score the CAMEO verb coder: a PLOVER gold JSON array
//! (`event`, `text`) and PETRARCH2 validation records (`<Validation>` XML).
//! An LGL XML (`<articles>`) scores the geoparser on its gold toponyms.

pub mod acled;
pub mod fakes;
pub mod gold;
pub mod lgl;
pub mod matching;
pub mod petrarch;
pub mod plover;
mod text;

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;
use sitrep_ingest::{documents, Input, Limits};
use sitrep_model::RawDoc;
use thiserror::Error;

use sitrep_code::cameo::CameoCoder;

use crate::args::EvalArgs;
use sitrep_pipeline::{Pipeline, Resources};

/// Why an evaluation could not run.
#[derive(Debug, Error)]
pub enum EvalError {
    #[error("{0}: {1}")]
    Io(String, io::Error),
    #[error("{0}: {1}")]
    Parse(String, String),
    #[error("{0}: {1}")]
    Document(String, String),
    #[error("{0}: not a gold JSON file, a directory of them, an ACLED CSV, a FA-KES CSV, a PLOVER gold JSON, a PETRARCH validation XML or an LGL XML")]
    Unknown(String),
}

impl EvalError {
    fn io(p: &Path, e: io::Error) -> Self {
        Self::Io(p.display().to_string(), e)
    }
    fn parse(p: &Path, e: impl ToString) -> Self {
        Self::Parse(p.display().to_string(), e.to_string())
    }
}

/// One CSV row by column name.
#[derive(Debug, Clone)]
pub struct Row(HashMap<String, String>);

impl Row {
    #[must_use]
    pub fn get(&self, column: &str) -> Option<&str> {
        self.0.get(column).map(String::as_str)
    }
}

/// Every row of a CSV file.
///
/// # Errors
/// When the file cannot be read or parsed.
pub fn csv_rows(path: &Path) -> Result<Vec<Row>, EvalError> {
    let file = File::open(path).map_err(|e| EvalError::io(path, e))?;
    let mut reader = csv::Reader::from_reader(file);
    let headers = reader.headers().map_err(|e| EvalError::parse(path, e))?.clone();
    reader
        .records()
        .map(|r| {
            let r = r.map_err(|e| EvalError::parse(path, e))?;
            Ok(Row(headers.iter().map(str::to_owned).zip(r.iter().map(str::to_owned)).collect()))
        })
        .collect()
}

/// Read one document file.
///
/// # Errors
/// When it cannot be read.
pub fn read_one(path: &Path) -> Result<RawDoc, EvalError> {
    documents(&[Input::Path(path.to_owned())], &Limits::default())
        .next()
        .ok_or_else(|| EvalError::Document(path.display().to_string(), "no document".to_owned()))?
        .map_err(|e| EvalError::Document(path.display().to_string(), e.to_string()))
}

/// The scores of one evaluation run.
#[derive(Debug, Default, Serialize)]
pub struct Report {
    pub gold: Vec<gold::GoldScore>,
    pub acled: Vec<acled::AcledScore>,
    pub fakes: Vec<fakes::FakesScore>,
    pub plover: Vec<plover::PloverScore>,
    pub petrarch: Vec<petrarch::PetrarchScore>,
    pub lgl: Vec<lgl::LglScore>,
}

/// What kind of answer file a path is.
enum Kind {
    Gold(PathBuf),
    Acled(PathBuf),
    Fakes(PathBuf),
    Plover(PathBuf),
    Petrarch(PathBuf),
    Lgl(PathBuf),
}

fn classify(path: &Path) -> Result<Vec<Kind>, EvalError> {
    if path.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(|e| EvalError::io(path, e))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        files.sort();
        return Ok(files.into_iter().map(Kind::Gold).collect());
    }
    let ext = path.extension().and_then(|x| x.to_str()).unwrap_or("");
    match ext {
        "json" if plover::is_plover(path) => Ok(vec![Kind::Plover(path.to_owned())]),
        "json" => Ok(vec![Kind::Gold(path.to_owned())]),
        "xml" if petrarch::is_petrarch(path) => Ok(vec![Kind::Petrarch(path.to_owned())]),
        "xml" if lgl::is_lgl(path) => Ok(vec![Kind::Lgl(path.to_owned())]),
        "csv" => {
            let header = csv::Reader::from_path(path)
                .and_then(|mut r| r.headers().cloned())
                .map_err(|e| EvalError::parse(path, e))?;
            if header.iter().any(|h| h == "notes") {
                Ok(vec![Kind::Acled(path.to_owned())])
            } else if header.iter().any(|h| h == "article_content") {
                Ok(vec![Kind::Fakes(path.to_owned())])
            } else {
                Err(EvalError::Unknown(path.display().to_string()))
            }
        }
        _ if !path.exists() => Err(EvalError::io(path, io::Error::from(io::ErrorKind::NotFound))),
        _ => Err(EvalError::Unknown(path.display().to_string())),
    }
}

/// Run `eval`.
///
/// # Errors
/// When an answer file cannot be read.
pub fn run(args: &EvalArgs, res: &Resources) -> Result<Report, EvalError> {
    let pipeline = Pipeline::new(res);
    let mut report = Report::default();
    let mut cameo: Option<CameoCoder> = None;
    for path in &args.gold {
        for kind in classify(path)? {
            match kind {
                Kind::Gold(p) => report.gold.push(gold::score(&p, args.root.as_deref(), &pipeline)?),
                Kind::Acled(p) => report.acled.push(acled::score(&p, &pipeline)?),
                Kind::Fakes(p) => report.fakes.push(fakes::score(&p, &pipeline, &res.gazetteer)?),
                Kind::Plover(p) => report.plover.push(plover::score(&p, &pipeline, cameo_coder(&mut cameo)?)?),
                Kind::Petrarch(p) => report.petrarch.push(petrarch::score(&p, &pipeline, cameo_coder(&mut cameo)?)?),
                Kind::Lgl(p) => report.lgl.push(lgl::score(&p, &pipeline)?),
            }
        }
    }
    Ok(report)
}

/// The CAMEO verb coder, built the first time a coded sentence set needs it
/// (the other commands never load its dictionary).
fn cameo_coder(slot: &mut Option<CameoCoder>) -> Result<&CameoCoder, EvalError> {
    if slot.is_none() {
        let coder = CameoCoder::new().map_err(|e| EvalError::Parse("CAMEO verb dictionary".into(), e.to_string()))?;
        *slot = Some(coder);
    }
    slot.as_ref().ok_or_else(|| EvalError::Parse("CAMEO verb dictionary".into(), "not loaded".into()))
}

/// Print a report as tables.
///
/// # Errors
/// When writing fails.
pub fn print(report: &Report, verbose: bool, out: &mut dyn Write) -> io::Result<()> {
    for g in &report.gold {
        print_gold(g, verbose, out)?;
    }
    print_gold_total(&report.gold, out)?;
    for a in &report.acled {
        print_acled(a, verbose, out)?;
    }
    for f in &report.fakes {
        writeln!(
            out,
            "{}: {} articles, {} failed, {} with events, {} events",
            f.file, f.articles, f.failed, f.with_events, f.events
        )?;
        writeln!(out, "  main event governorate = location: {:.1} %", 100.0 * f.governorate_match)?;
        if verbose {
            f.misses.iter().try_for_each(|m| writeln!(out, "  miss {m}"))?;
        }
    }
    report.plover.iter().try_for_each(|p| plover::print(p, verbose, out))?;
    report.petrarch.iter().try_for_each(|p| petrarch::print(p, verbose, out))?;
    report.lgl.iter().try_for_each(|l| lgl::print(l, verbose, out))?;
    Ok(())
}

fn print_gold(g: &gold::GoldScore, verbose: bool, out: &mut dyn Write) -> io::Result<()> {
    let yes = |b: bool| if b { "ok" } else { "WRONG" };
    writeln!(out, "{}", g.doc_id)?;
    writeln!(out, "  title {}, published {}, outlet {}", yes(g.title_ok), yes(g.published_ok), yes(g.outlet_ok))?;
    writeln!(
        out,
        "  content markers kept {}/{}, boilerplate markers left {}",
        g.content_markers_kept, g.content_markers, g.boilerplate_markers_left
    )?;
    writeln!(
        out,
        "  required events found {}/{}, optional {}/{}",
        g.required_found, g.required, g.optional_found, g.optional
    )?;
    writeln!(
        out,
        "  asserted events from non-event sentences {}, events matching nothing {}",
        g.asserted_non_events, g.unmatched_events
    )?;
    if verbose || g.required_found < g.required {
        g.misses.iter().try_for_each(|m| writeln!(out, "  miss {m}"))?;
    }
    g.speculation.iter().try_for_each(|m| writeln!(out, "  as fact {m}"))?;
    g.extras.iter().try_for_each(|m| writeln!(out, "  extra {m}"))
}

/// The sums over several gold files, when there are more than one.
fn print_gold_total(gold: &[gold::GoldScore], out: &mut dyn Write) -> io::Result<()> {
    if gold.len() < 2 {
        return Ok(());
    }
    let sum = |f: fn(&gold::GoldScore) -> usize| gold.iter().map(f).sum::<usize>();
    writeln!(
        out,
        "total over {} gold files: required {}/{}, optional {}/{}, asserted from non-event sentences {}, matching nothing {}",
        gold.len(),
        sum(|g| g.required_found),
        sum(|g| g.required),
        sum(|g| g.optional_found),
        sum(|g| g.optional),
        sum(|g| g.asserted_non_events),
        sum(|g| g.unmatched_events)
    )?;
    Ok(())
}

/// The per-country table of an ACLED score: one line per country.
fn print_countries(rows: &[acled::Shares], out: &mut dyn Write) -> io::Result<()> {
    if rows.len() < 2 {
        return Ok(());
    }
    writeln!(
        out,
        "  {:<24} {:>5} {:>6} {:>6} {:>6} {:>6} {:>6}",
        "country", "notes", "type", "sub", "actor1", "25km", "161km"
    )?;
    for r in rows {
        let p = |x: f64| format!("{:.1}", 100.0 * x);
        let label = if r.label.is_empty() { "(none)" } else { r.label.as_str() };
        writeln!(
            out,
            "  {:<24} {:>5} {:>6} {:>6} {:>6} {:>6} {:>6}",
            label,
            r.notes,
            p(r.event_type),
            p(r.sub_event_type),
            p(r.actor1),
            p(r.location_25km),
            p(r.location_161km)
        )?;
    }
    Ok(())
}

fn print_acled(a: &acled::AcledScore, verbose: bool, out: &mut dyn Write) -> io::Result<()> {
    let pct = |x: f64| format!("{:.1} %", 100.0 * x);
    writeln!(
        out,
        "{}: {} notes{}{}",
        a.file,
        a.notes,
        if a.old_schema { " (old schema)" } else { "" },
        if a.failed > 0 { format!(", {} failed", a.failed) } else { String::new() }
    )?;
    writeln!(out, "  event found        {}", pct(a.event_found))?;
    writeln!(out, "  event_type         {}", pct(a.event_type))?;
    if let Some(s) = a.sub_event_type {
        writeln!(out, "  sub_event_type     {}", pct(s))?;
    }
    writeln!(out, "  actor1             {}", pct(a.actor1))?;
    writeln!(out, "  location ≤ 25 km   {}", pct(a.location_25km))?;
    writeln!(out, "  location ≤ 161 km  {}", pct(a.location_161km))?;
    writeln!(out, "  fatalities exact   {}", pct(a.fatalities_exact))?;
    writeln!(out, "  date exact         {}", pct(a.date_exact))?;
    writeln!(out, "  events per note    {:.2}", a.events_per_note)?;
    let n = &a.named;
    writeln!(
        out,
        "  notes naming their place: {}, ≤ 25 km {}, ≤ 161 km {}",
        n.notes,
        pct(n.location_25km),
        pct(n.location_161km)
    )?;
    print_countries(&a.countries, out)?;
    if verbose {
        a.misses.iter().try_for_each(|m| writeln!(out, "  miss {m}"))?;
    }
    Ok(())
}
