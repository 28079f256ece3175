//! `sitrep extract`: the whole pipeline, no store; event records out.

use std::io::{self, Write};

use sitrep_model::record::EventRecord;

use crate::args::ExtractArgs;
use crate::batch::{self, Summary};
use crate::output::{choose, EventWriter};
use crate::pipeline::{Pipeline, Resources};

/// Run `extract`.
///
/// # Errors
/// When writing the output fails.
pub fn run(args: &ExtractArgs, res: &Resources, out: &mut dyn Write, report: &mut dyn FnMut(&str)) -> io::Result<Summary> {
    let pipeline = Pipeline::new(res);
    let (inputs, limits) = super::inputs(&args.read);
    let mut writer = EventWriter::new(out, choose(args.read.format))?;
    let summary = batch::run(
        &inputs,
        &limits,
        |raw| pipeline.process(raw).map_err(|e| super::clean_failure(&e)),
        |p| {
            let records: Vec<EventRecord> =
                p.events.iter().filter(|e| !args.factual || e.modality.is_factual()).map(EventRecord::from).collect();
            for r in &records {
                writer.write(r)?;
            }
            Ok(records.len())
        },
        report,
    )?;
    writer.finish()?;
    Ok(summary)
}
