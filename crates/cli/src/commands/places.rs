//! `sitrep places`: every place mention with its resolution, and the
//! modifiers beside them: place names that say something about an actor
//! rather than where something happened ("U.S. forces", "the Kabul
//! government") and demonyms ("Russian", "Palestinians"), marked with
//! `"role": "modifier"`. The event coder sees only the places.

use std::io::{self, Write};

use serde::Serialize;
use sitrep_geo::Resolved;
use sitrep_model::PlaceMention;

use crate::args::{OutputFormat, PlacesArgs};
use crate::batch::{self, Summary};
use crate::output::{choose, jsonl};
use sitrep_pipeline::{Located, Pipeline, Resources};

/// One place mention (`docs/cli.md`, "places"), `null`s when unresolved.
#[derive(Debug, Serialize)]
pub struct PlaceRecord {
    pub doc_id: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// `place` (where something is or happens) or `modifier` (a place
    /// named as part of an actor, or a demonym).
    pub role: &'static str,
    pub name: Option<String>,
    pub country: Option<String>,
    pub admin1: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub gazetteer_id: Option<String>,
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub why: Option<Vec<String>>,
}

fn record(p: &Located, m: &PlaceMention, r: Option<&Resolved>, role: &'static str, explain: bool) -> PlaceRecord {
    let place = r.map(|r| &r.place);
    PlaceRecord {
        doc_id: p.doc.id.to_string(),
        start: m.span.start,
        end: m.span.end,
        text: p.doc.slice(m.span).to_owned(),
        role,
        name: place.map(|p| p.name.clone()),
        country: place.and_then(|p| p.country).map(|c| c.to_string()),
        admin1: place.and_then(|p| p.admin1.clone()),
        lat: place.map(|p| p.lat.rounded()),
        lon: place.map(|p| p.lon.rounded()),
        gazetteer_id: place.map(|p| p.gazetteer_id.to_string()),
        kind: place.and_then(|p| serde_json::to_value(p.kind).ok()).and_then(|v| v.as_str().map(str::to_owned)),
        why: explain.then(|| r.map(|r| r.why.iter().map(ToString::to_string).collect()).unwrap_or_default()),
    }
}

fn records(p: &Located, explain: bool) -> Vec<PlaceRecord> {
    let places = p.places.iter().zip(&p.resolved).map(|(m, r)| record(p, m, r.as_ref(), "place", explain));
    let mods = p.modifiers.iter().map(|(m, r)| record(p, m, r.as_ref(), "modifier", explain));
    let mut out: Vec<PlaceRecord> = places.chain(mods).collect();
    out.sort_by_key(|r| (r.start, r.end));
    out
}

/// Run `places`.
///
/// # Errors
/// When writing the output fails.
pub fn run(
    args: &PlacesArgs,
    res: &Resources,
    out: &mut dyn Write,
    report: &mut dyn FnMut(&str),
) -> io::Result<Summary> {
    let pipeline = Pipeline::new(res);
    let (inputs, limits) = super::inputs(&args.read);
    let format = choose(args.format.map(OutputFormat::from));
    batch::run(
        &inputs,
        &limits,
        |raw| pipeline.locate(raw).map_err(|e| super::clean_failure(&e)),
        |p| {
            let recs = records(&p, args.explain);
            for r in &recs {
                match format {
                    OutputFormat::Table => writeln!(
                        out,
                        "{}:{}-{}  {:<24} -> {} ({}, {}){}",
                        r.doc_id,
                        r.start,
                        r.end,
                        r.text,
                        r.name.as_deref().unwrap_or("unresolved"),
                        r.kind.as_deref().unwrap_or("-"),
                        r.country.as_deref().unwrap_or("-"),
                        if r.role == "modifier" { " [modifier]" } else { "" }
                    )?,
                    _ => jsonl(out, r)?,
                }
            }
            Ok(recs.len())
        },
        report,
    )
}
