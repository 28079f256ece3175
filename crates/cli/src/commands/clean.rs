//! `sitrep clean`: one JSON object per document, main content only.

use std::io::{self, Write};

use serde::Serialize;
use sitrep_model::Doc;

use crate::args::{CleanArgs, OutputFormat};
use crate::batch::{self, Summary};
use crate::output::{choose, clip, jsonl};

/// The wire form of a cleaned document (`docs/cli.md`, "clean").
#[derive(Debug, Serialize)]
pub struct CleanRecord<'a> {
    pub id: &'a str,
    pub title: Option<&'a str>,
    pub published: Option<String>,
    pub outlet: Option<&'a str>,
    pub byline: Option<&'a str>,
    pub url: Option<&'a str>,
    pub text: &'a str,
}

impl<'a> From<&'a Doc> for CleanRecord<'a> {
    fn from(d: &'a Doc) -> Self {
        Self {
            id: d.id.as_str(),
            title: d.title.as_deref(),
            published: d.published.map(|p| p.format("%Y-%m-%d").to_string()),
            outlet: d.outlet.as_deref(),
            byline: d.byline.as_deref(),
            url: d.url.as_deref(),
            text: &d.text,
        }
    }
}

/// Run `clean`.
///
/// # Errors
/// When writing the output fails.
pub fn run(args: &CleanArgs, out: &mut dyn Write, report: &mut dyn FnMut(&str)) -> io::Result<Summary> {
    let (inputs, limits) = super::inputs(&args.read);
    let format = choose(args.format.map(OutputFormat::from));
    batch::run(
        &inputs,
        &limits,
        |raw| sitrep_clean::clean(raw).map_err(|e| super::clean_failure(&e)),
        |doc| {
            let rec = CleanRecord::from(&doc);
            match format {
                OutputFormat::Table => writeln!(
                    out,
                    "{}  {}  {}  {}  {} paragraphs, {} sentences",
                    rec.id,
                    rec.published.as_deref().unwrap_or("-"),
                    rec.outlet.unwrap_or("-"),
                    clip(rec.title.unwrap_or("-"), 60),
                    doc.paragraphs.len(),
                    doc.sentences.len()
                )?,
                _ => jsonl(out, &rec)?,
            }
            Ok(1)
        },
        report,
    )
}
