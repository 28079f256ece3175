//! `sitrep report --date D [--area A] [--format md|html]`: the daily
//! situation report from the store. Also holds the error type the
//! front-end commands (`report`, `export`, `serve`) share.

use std::io::{self, Write};
use std::path::Path;

use crate::args::{ReportArgs, ReportFormat};
use chrono::NaiveDate;
use sitrep_report::{DailyReport, ReportError, ReportRequest};
use sitrep_store::{SqliteStore, StoreError};
use thiserror::Error;

/// Why `report`, `export` or `serve` failed.
#[derive(Debug, Error)]
pub enum FrontEndError {
    /// A malformed argument or a missing store (exit code 2).
    #[error("{0}")]
    Usage(String),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Report(#[from] ReportError),
    #[error(transparent)]
    Export(#[from] sitrep_report::ExportError),
    #[error(transparent)]
    Serve(#[from] sitrep_serve::ServeError),
    #[error(transparent)]
    Io(#[from] io::Error),
}

impl FrontEndError {
    /// Whether the user asked for something malformed (exit code 2).
    #[must_use]
    pub fn is_usage(&self) -> bool {
        matches!(self, Self::Usage(_) | Self::Store(StoreError::Filter(_)))
            || matches!(self, Self::Export(sitrep_report::ExportError::Store(StoreError::Filter(_))))
            || matches!(self, Self::Export(sitrep_report::ExportError::ParquetDisabled))
    }
}

/// An existing store, opened read-only (these commands never write).
///
/// # Errors
/// [`FrontEndError::Usage`] when the file does not exist.
pub fn open_store(db: &Path) -> Result<SqliteStore, FrontEndError> {
    if !db.exists() {
        return Err(FrontEndError::Usage(format!("{}: no such store (run `sitrep ingest` first)", db.display())));
    }
    Ok(SqliteStore::open_read_only(db)?)
}

/// Run `report`.
///
/// # Errors
/// A bad date, a missing store, or a failed read or write.
pub fn run(args: &ReportArgs, out: &mut dyn Write) -> Result<(), FrontEndError> {
    let date = NaiveDate::parse_from_str(&args.date, "%Y-%m-%d")
        .map_err(|_| FrontEndError::Usage(format!("--date {:?}: expected a date as YYYY-MM-DD", args.date)))?;
    let store = open_store(&args.db)?;
    let req = ReportRequest { date, area: args.area.clone(), link_base: args.link_base.clone() };
    let report = DailyReport::build(&store, &req)?;
    let text = match args.format {
        ReportFormat::Md => sitrep_report::daily::markdown::render(&report)?,
        ReportFormat::Html => sitrep_report::daily::html::render(&report)?,
    };
    out.write_all(text.as_bytes())?;
    Ok(())
}
