//! Writers for the record formats: JSONL (the record of `docs/record.md`), CSV
//! with ACLED's column names, GeoJSON (RFC 7946: lon, lat) and a readable
//! table for terminals.

use std::io::{self, IsTerminal, Write};

use serde::Serialize;
use sitrep_model::record::EventRecord;

use crate::args::OutputFormat;

/// The format to write: the one asked for, else a table on a terminal and
/// JSONL in a pipe.
#[must_use]
pub fn choose(asked: Option<OutputFormat>) -> OutputFormat {
    asked.unwrap_or_else(|| if io::stdout().is_terminal() { OutputFormat::Table } else { OutputFormat::Jsonl })
}

/// One JSON object per line.
///
/// # Errors
/// When writing fails.
pub fn jsonl<T: Serialize>(out: &mut dyn Write, item: &T) -> io::Result<()> {
    // Serialised into a buffer first: serde writes many small pieces, and
    // each through `dyn Write` is a call of its own.
    let mut line = Vec::with_capacity(1024);
    serde_json::to_writer(&mut line, item).map_err(io::Error::other)?;
    line.push(b'\n');
    out.write_all(&line)
}

/// ACLED's column names, in the order the CSV export writes them (the
/// export's own list, in `sitrep-report`).
pub use sitrep_report::export::CSV_COLUMNS;

/// Writes event records in one of the formats.
pub struct EventWriter<'w> {
    out: &'w mut dyn Write,
    format: OutputFormat,
    features: usize,
}

impl std::fmt::Debug for EventWriter<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EventWriter").field("format", &self.format).finish_non_exhaustive()
    }
}

impl<'w> EventWriter<'w> {
    /// Start writing (headers for CSV and tables, the collection for GeoJSON).
    ///
    /// # Errors
    /// When writing fails.
    pub fn new(out: &'w mut dyn Write, format: OutputFormat) -> io::Result<Self> {
        let mut w = Self { out, format, features: 0 };
        match format {
            OutputFormat::Csv => w.csv_record(CSV_COLUMNS.iter().map(|c| (*c).to_owned()).collect())?,
            OutputFormat::Geojson => w.out.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[\n")?,
            OutputFormat::Table => writeln!(
                w.out,
                "{:<10}  {:<34}  {:<30}  {:<24}  {:<11}  evidence",
                "date", "sub_event_type", "actor1", "location", "modality"
            )?,
            OutputFormat::Jsonl => {}
        }
        Ok(w)
    }

    /// Write one record.
    ///
    /// # Errors
    /// When writing fails.
    pub fn write(&mut self, r: &EventRecord) -> io::Result<()> {
        match self.format {
            OutputFormat::Jsonl => jsonl(self.out, r),
            OutputFormat::Csv => self.csv_record(sitrep_report::export::csv_row(r, None)),
            OutputFormat::Geojson => self.feature(r),
            OutputFormat::Table => writeln!(self.out, "{}", table_row(r)),
        }
    }

    /// Close the collection (GeoJSON) and flush.
    ///
    /// # Errors
    /// When writing fails.
    pub fn finish(self) -> io::Result<()> {
        if self.format == OutputFormat::Geojson {
            self.out.write_all(b"\n]}\n")?;
        }
        self.out.flush()
    }

    fn csv_record(&mut self, fields: Vec<String>) -> io::Result<()> {
        let mut w = csv::Writer::from_writer(&mut *self.out);
        w.write_record(&fields).map_err(io::Error::other)?;
        w.flush()
    }

    fn feature(&mut self, r: &EventRecord) -> io::Result<()> {
        let feature = sitrep_report::export::feature(r);
        if self.features > 0 {
            self.out.write_all(b",\n")?;
        }
        self.features += 1;
        serde_json::to_writer(&mut *self.out, &feature).map_err(io::Error::other)
    }
}

fn table_row(r: &EventRecord) -> String {
    let actor = r.actor1.as_ref().map_or("-", |a| a.name.as_str());
    let place = r.location.as_ref().map_or_else(|| "-".to_owned(), |l| format!("{} ({})", l.name, l.precision));
    format!(
        "{:<10}  {:<34}  {:<30}  {:<24}  {:<11}  {}",
        r.date.as_deref().unwrap_or("-"),
        clip(&r.sub_event_type, 34),
        clip(actor, 30),
        clip(&place, 24),
        r.modality,
        clip(&r.evidence.text, 90)
    )
}

/// At most `n` characters, with an ellipsis when cut.
#[must_use]
pub fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        let cut: String = s.chars().take(n.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}
