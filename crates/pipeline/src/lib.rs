//! sitrep's stages joined, as a library: what the command line, the
//! server's ingest, evaluation and the Python package all call.
//!
//! 1. [`Resources::load`]: the shipped data (gazetteer, dictionaries, rule
//!    tables), once per process; read-only, shared by every thread.
//! 2. [`Pipeline::new`]: the stages over those resources.
//! 3. [`Pipeline::process`]: one raw document to its cleaned text, mentions,
//!    resolved places and coded events ([`Processed`]);
//!    [`Pipeline::extract`] the same when only the events are wanted (a
//!    document with no trigger of the coder is not recognised or geocoded),
//!    and [`Pipeline::process_batch`] that for a batch, in parallel, in
//!    order.
//! 4. [`merge`]: the reports of one happening across documents become one
//!    canonical event with every report as a source ([`Report`] is an
//!    event with its outlet).
//!
//! ```no_run
//! use sitrep_model::{DocId, Format, Hints, RawDoc};
//! use sitrep_pipeline::{merge, Pipeline, Report, Resources};
//!
//! let res = Resources::load().expect("the shipped data loads");
//! let pipeline = Pipeline::new(&res);
//! let raw = RawDoc {
//!     id: DocId::new("d1"),
//!     origin: "example".into(),
//!     format: Format::Text,
//!     body: "Gunmen killed two police officers in Kunduz on Monday.".into(),
//!     hints: Hints::default(),
//! };
//! let processed = pipeline.process(&raw).expect("the document has text");
//! let reports = processed.events.into_iter().map(|event| Report { event, outlet: None }).collect();
//! let canonical = merge(reports);
//! let reports_of_first = canonical.first().map_or(0, |c| c.sources.len());
//! ```

mod resources;
mod stages;

pub use resources::{LoadError, Resources};
pub use sitrep_code::merge::{merge, Report};
pub use stages::{Located, Pipeline, Processed};
