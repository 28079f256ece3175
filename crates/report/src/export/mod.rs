//! The store's events in the formats analysts load into R, pandas, QGIS,
//! DuckDB or Spark: CSV with ACLED's column names ([`csv`]), GeoJSON
//! features per RFC 7946 ([`geojson`]) and, with the `parquet` feature,
//! Parquet with typed columns ([`parquet`](mod@self)).
//!
//! [`Exporter`] writes records one at a time in any of them; [`export`]
//! reads a query's events from a store page by page (so a million events
//! never sit in memory at once) and fills ACLED's `source` column with each
//! document's outlet.

pub mod csv;
pub mod geojson;
#[cfg(feature = "parquet")]
pub mod parquet;

use std::collections::HashMap;
use std::io::{self, Write};

use sitrep_model::record::EventRecord;
use sitrep_store::{DocumentQuery, EventQuery, EventStore, StoreError};
use thiserror::Error;

pub use self::csv::{csv_row, CSV_COLUMNS};
pub use self::geojson::feature;

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    GeoJson,
    /// Needs the `parquet` feature; without it [`Exporter::new`] refuses it.
    Parquet,
}

impl ExportFormat {
    /// True when this build can write the format (Parquet needs the
    /// `parquet` feature).
    #[must_use]
    pub fn available(self) -> bool {
        self != Self::Parquet || cfg!(feature = "parquet")
    }

    /// The MIME type a server answers with.
    #[must_use]
    pub fn media_type(self) -> &'static str {
        match self {
            Self::Csv => "text/csv; charset=utf-8",
            Self::GeoJson => "application/geo+json",
            Self::Parquet => "application/vnd.apache.parquet",
        }
    }
}

/// Why an export failed.
#[derive(Debug, Error)]
pub enum ExportError {
    #[error("writing the export: {0}")]
    Io(#[from] io::Error),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("this sitrep was built without Parquet support (build it with `--features parquet`)")]
    ParquetDisabled,
    #[error("writing Parquet: {0}")]
    Parquet(String),
}

/// Writes event records in one format. `W` is `Send` because the Parquet
/// writer requires it.
pub struct Exporter<W: Write + Send> {
    sink: Sink<W>,
}

enum Sink<W: Write + Send> {
    Csv(Box<::csv::Writer<W>>),
    GeoJson(geojson::GeoJsonWriter<W>),
    #[cfg(feature = "parquet")]
    Parquet(Box<parquet::ParquetWriter<W>>),
}

impl<W: Write + Send> std::fmt::Debug for Exporter<W> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = match &self.sink {
            Sink::Csv(_) => "csv",
            Sink::GeoJson(_) => "geojson",
            #[cfg(feature = "parquet")]
            Sink::Parquet(_) => "parquet",
        };
        f.debug_struct("Exporter").field("format", &kind).finish_non_exhaustive()
    }
}

impl<W: Write + Send> Exporter<W> {
    /// Start an export (the CSV header, the GeoJSON collection's opening).
    ///
    /// # Errors
    /// When writing fails, or Parquet is asked of a build without it.
    pub fn new(out: W, format: ExportFormat) -> Result<Self, ExportError> {
        let sink = match format {
            ExportFormat::Csv => Sink::Csv(Box::new(csv::writer(out)?)),
            ExportFormat::GeoJson => Sink::GeoJson(geojson::GeoJsonWriter::new(out)?),
            #[cfg(feature = "parquet")]
            ExportFormat::Parquet => Sink::Parquet(Box::new(parquet::ParquetWriter::new(out)?)),
            #[cfg(not(feature = "parquet"))]
            ExportFormat::Parquet => return Err(ExportError::ParquetDisabled),
        };
        Ok(Self { sink })
    }

    /// Write one record; `source` is ACLED's `source` column (the outlet).
    ///
    /// # Errors
    /// When writing fails.
    pub fn write(&mut self, r: &EventRecord, source: Option<&str>) -> Result<(), ExportError> {
        match &mut self.sink {
            Sink::Csv(w) => w.write_record(csv_row(r, source)).map_err(csv::io_error)?,
            Sink::GeoJson(w) => w.write(r)?,
            #[cfg(feature = "parquet")]
            Sink::Parquet(w) => w.write(r, source)?,
        }
        Ok(())
    }

    /// Close the export (the GeoJSON collection, the Parquet footer), flush,
    /// and hand back the writer.
    ///
    /// # Errors
    /// When writing fails.
    pub fn finish(self) -> Result<W, ExportError> {
        match self.sink {
            Sink::Csv(w) => (*w).into_inner().map_err(|e| ExportError::Io(io::Error::other(e.to_string()))),
            Sink::GeoJson(w) => Ok(w.finish()?),
            #[cfg(feature = "parquet")]
            Sink::Parquet(w) => w.finish(),
        }
    }
}

/// Events read from the store per page of an [`export`].
const PAGE: usize = 10_000;

/// Export every event `query` selects (at most its `limit`, after its
/// `offset`), with each document's outlet as `source`, reading the store
/// [`PAGE`] events at a time. Returns the writer and how many events were
/// written.
///
/// # Errors
/// A store failure (a bad filter included) or a write failure.
pub fn export<W: Write + Send>(
    store: &dyn EventStore,
    query: &EventQuery,
    format: ExportFormat,
    out: W,
) -> Result<(W, u64), ExportError> {
    let mut exporter = Exporter::new(out, format)?;
    let cap = query.filter.limit.unwrap_or(usize::MAX);
    let mut q = query.clone();
    let mut written = 0usize;
    while written < cap {
        q.filter.limit = Some(PAGE.min(cap - written));
        let page = store.events_page(&q)?;
        let outlets = outlets(store, &page.events)?;
        for r in &page.events {
            exporter.write(r, outlets.get(&r.doc_id).map(String::as_str))?;
        }
        written += page.events.len();
        match page.next {
            Some(next) => (q.after, q.filter.offset) = (Some(next), 0),
            None => break,
        }
    }
    Ok((exporter.finish()?, u64::try_from(written).unwrap_or(u64::MAX)))
}

/// The outlet of every document the records name.
fn outlets(store: &dyn EventStore, records: &[EventRecord]) -> Result<HashMap<String, String>, StoreError> {
    let mut ids: Vec<String> = records.iter().map(|r| r.doc_id.clone()).collect();
    ids.sort_unstable();
    ids.dedup();
    let docs = store.documents(&DocumentQuery { ids: Some(ids), ..DocumentQuery::default() })?;
    Ok(docs.into_iter().filter_map(|d| Some((d.doc_id, d.outlet?))).collect())
}
