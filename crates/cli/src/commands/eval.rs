//! `sitrep eval`: the thin command over `sitrep_eval`. The library scores
//! the answer files and returns typed figures; this module formats them as
//! tables (`--json` is written by `main` from the same figures).

use std::collections::BTreeMap;
use std::io::{self, Write};

use sitrep_eval::{acled, gold, lgl, petrarch, plover, EvalError, Report};
use sitrep_pipeline::Resources;

use crate::args::EvalArgs;

/// Run `eval`: score every answer file named in `args`.
///
/// # Errors
/// When an answer file cannot be read or is of no known kind.
pub fn run(args: &EvalArgs, res: &Resources) -> Result<Report, EvalError> {
    sitrep_eval::run(&args.gold, args.root.as_deref(), res)
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
    report.plover.iter().try_for_each(|p| print_plover(p, verbose, out))?;
    report.petrarch.iter().try_for_each(|p| print_petrarch(p, verbose, out))?;
    report.lgl.iter().try_for_each(|l| print_lgl(l, verbose, out))?;
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

/// A PLOVER score as a table.
fn print_plover(p: &plover::PloverScore, verbose: bool, out: &mut dyn Write) -> io::Result<()> {
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    writeln!(out, "{}: {} sentences", p.file, p.sentences)?;
    writeln!(out, "  PLOVER category (first event)  {}/{} = {:.1} %", p.correct, p.sentences, 100.0 * p.accuracy)?;
    writeln!(
        out,
        "  category among any event       {}/{} = {:.1} %",
        p.any_event_correct,
        p.sentences,
        pct(p.any_event_correct, p.sentences)
    )?;
    writeln!(out, "  no event coded                 {}", p.no_event)?;
    writeln!(out, "  source matches gold actor      {}/{} with a source", p.source_correct, p.with_source)?;
    for c in &p.per_category {
        writeln!(
            out,
            "    {:<26} {:>3}/{:<3} {:>5.1} %",
            c.category,
            c.correct,
            c.sentences,
            pct(c.correct, c.sentences)
        )?;
    }
    writeln!(out, "  top confusions (gold → coded):")?;
    for c in &p.confusion {
        writeln!(out, "    {:<10} → {:<10} {}", c.gold, c.coded, c.count)?;
    }
    if verbose {
        p.misses.iter().try_for_each(|m| writeln!(out, "  miss {m}"))?;
    }
    Ok(())
}

/// The PETRARCH2 coverage figures.
fn print_petrarch(p: &petrarch::PetrarchScore, verbose: bool, out: &mut dyn Write) -> io::Result<()> {
    let pct = |a: usize, b: usize| format!("{a}/{b} = {:.1} %", 100.0 * a as f64 / b.max(1) as f64);
    writeln!(
        out,
        "{}: {} records, {} codings ({} with a CAMEO root; the rest use validation-only codes)",
        p.file, p.records, p.codings, p.cameo_codings
    )?;
    writeln!(out, "  root code found         {}", pct(p.root_found, p.cameo_codings))?;
    writeln!(
        out,
        "  source found            {} scored ({} actor codes aligned to words)",
        pct(p.source_found, p.source_scored),
        p.aligned_codes
    )?;
    writeln!(out, "  target found            {} scored", pct(p.target_found, p.target_scored))?;
    writeln!(out, "  actors found, any code  {}", pct(p.actors_found, p.cameo_codings))?;
    writeln!(out, "  root + actors found     {}", pct(p.full_found, p.cameo_codings))?;
    writeln!(out, "  no-event records kept without a PLOVER event  {}", pct(p.no_event_kept, p.no_event_records))?;
    writeln!(out, "  negated records marked negated or rejected    {}", pct(p.negation_marked, p.negation_records))?;
    writeln!(out, "  by group (codings: root found, actors found, root + actors found):")?;
    for g in &p.groups {
        writeln!(out, "    {:<10} {:>3}: {:>3} {:>3} {:>3}", g.group, g.codings, g.root, g.actors, g.full)?;
    }
    if verbose {
        p.misses.iter().try_for_each(|m| writeln!(out, "  miss {m}"))?;
    }
    Ok(())
}

/// The LGL figures.
fn print_lgl(s: &lgl::LglScore, verbose: bool, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{}: {} articles, {} gold toponyms with coordinates", s.file, s.articles, s.toponyms)?;
    writeln!(
        out,
        "  recall (mention overlaps gold)   {:.3} ({}/{}, {} as modifiers)",
        s.recall, s.found, s.toponyms, s.found_as_modifier
    )?;
    writeln!(out, "  Acc@161 of found                 {:.3} ({}/{})", s.acc161_found, s.within_161, s.found)?;
    writeln!(out, "  Acc@161 of all                   {:.3}", s.acc161_all)?;
    writeln!(out, "  error km, mean / median          {:.0} / {:.1}", s.mean_km, s.median_km)?;
    writeln!(out, "  mentions overlapping no toponym  {}", s.unmatched_mentions)?;
    let kinds = |m: &BTreeMap<String, usize>| {
        let mut v: Vec<_> = m.iter().collect();
        v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        v.iter().map(|(k, n)| format!("{k} {n}")).collect::<Vec<_>>().join(", ")
    };
    writeln!(out, "  missed by kind: {}", kinds(&s.missed_by_kind))?;
    writeln!(out, "  wrong by kind:  {}", kinds(&s.wrong_by_kind))?;
    if verbose {
        s.misses.iter().try_for_each(|m| writeln!(out, "  {m}"))?;
    }
    Ok(())
}
