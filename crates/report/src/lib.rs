//! sitrep's outputs for analysts, read from the store.
//!
//! - [`daily`]: the daily situation report: per area, what happened (merged
//!   events with their counts of sorties, targets, strikes and fatalities),
//!   who acted, and what is only claimed or speculated, with a small static
//!   SVG map and links back to the evidence; rendered as Markdown or as
//!   print-ready HTML.
//! - [`export`]: the store's events as CSV with ACLED's column names,
//!   GeoJSON (RFC 7946) and, with the `parquet` feature, Parquet.
//! - [`basemap`]: the shipped Natural Earth basemap (TopoJSON), which the
//!   report's map draws and the web page serves.
//!
//! Not for: querying (that is `store`) or HTTP (that is `serve`). Nothing
//! here prints; every function writes to the writer it is given.

pub mod basemap;
mod country;
pub mod daily;
pub mod escape;
pub mod export;

pub use country::{country_name, country_numeric};
pub use daily::{DailyReport, ReportError, ReportRequest};
pub use export::{ExportError, ExportFormat};
