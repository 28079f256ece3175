//! `sitrep export --format csv|geojson|parquet [filters]`: the store's
//! events for R, pandas, QGIS, DuckDB or Spark, read page by page.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};

use sitrep_report::export::{export, ExportFormat};
use sitrep_store::EventQuery;

use super::report::{open_store, FrontEndError};
use crate::args::{EventsArgs, ExportArgs, ExportFormatArg};

impl From<ExportFormatArg> for ExportFormat {
    fn from(f: ExportFormatArg) -> Self {
        match f {
            ExportFormatArg::Csv => Self::Csv,
            ExportFormatArg::Geojson => Self::GeoJson,
            ExportFormatArg::Parquet => Self::Parquet,
        }
    }
}

/// The query the flags ask for, validated as `sitrep events` validates its own.
fn query(args: &ExportArgs) -> Result<EventQuery, FrontEndError> {
    let as_events =
        EventsArgs { db: args.db.clone(), filter: args.filter.clone(), near: None, limit: None, format: None };
    let filter = super::events::filter(&as_events).map_err(|e| FrontEndError::Usage(e.to_string()))?;
    filter.validate().map_err(|e| FrontEndError::Usage(e.to_string()))?;
    Ok(EventQuery::of(filter))
}

/// Run `export`.
///
/// # Errors
/// A bad flag, a missing store, Parquet asked of a build without it, or a
/// failed read or write.
pub fn run(args: &ExportArgs) -> Result<(), FrontEndError> {
    let query = query(args)?;
    let format = ExportFormat::from(args.format);
    if format == ExportFormat::Parquet && args.output.is_none() && io::stdout().is_terminal() {
        return Err(FrontEndError::Usage("Parquet is binary: give --output FILE or redirect standard output".into()));
    }
    if !format.available() {
        // Refused before the output file is created: no empty file is left.
        return Err(FrontEndError::Usage(
            "this sitrep was built without Parquet; build with `--features parquet`, or export csv or geojson".into(),
        ));
    }
    let store = open_store(&args.db)?;
    let out: Box<dyn Write + Send> = match &args.output {
        Some(path) => {
            Box::new(File::create(path).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?)
        }
        None => Box::new(io::stdout()),
    };
    let written =
        export(&store, &query, format, BufWriter::new(out)).map_err(FrontEndError::from).and_then(|(mut out, _)| {
            match out.flush() {
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
                other => Ok(other?),
            }
        });
    if let (Err(_), Some(path)) = (&written, &args.output) {
        // A failed export leaves no truncated file that looks like a result.
        let _ = std::fs::remove_file(path);
    }
    written
}
