//! `sitrep extract`: the whole pipeline, no store; event records out. With
//! `--merge`, reports of the same event across documents become one canonical
//! event with every report as a source (JSONL: the record plus `sources`).

use std::io::{self, Write};

use sitrep_model::record::{CanonicalRecord, EventRecord};
use sitrep_pipeline::{merge, Report};

use crate::args::{ExtractArgs, OutputFormat};
use crate::batch::{self, Summary};
use crate::output::{choose, jsonl, EventWriter};
use sitrep_pipeline::{Pipeline, Processed, Resources};

/// Run `extract`.
///
/// # Errors
/// When writing the output fails.
pub fn run(
    args: &ExtractArgs,
    res: &Resources,
    out: &mut dyn Write,
    report: &mut dyn FnMut(&str),
) -> io::Result<Summary> {
    let pipeline = Pipeline::new(res);
    let (inputs, limits) = super::inputs(&args.read);
    let format = choose(args.format);
    let keep = |p: &Processed| {
        p.events.iter().filter(|e| !args.factual || e.modality.is_factual()).cloned().collect::<Vec<_>>()
    };
    let work = |raw: &sitrep_model::RawDoc| pipeline.extract(raw).map_err(|e| super::clean_failure(&e));
    if args.merge {
        let mut reports = Vec::new();
        let mut summary = batch::run(
            &inputs,
            &limits,
            work,
            |p| {
                let outlet = p.doc.outlet.clone();
                reports.extend(keep(&p).into_iter().map(|event| Report { event, outlet: outlet.clone() }));
                Ok(0)
            },
            report,
        )?;
        summary.emitted = write_merged(merge(reports), format, out)?;
        return Ok(summary);
    }
    let mut writer = EventWriter::new(out, format)?;
    let summary = batch::run(
        &inputs,
        &limits,
        work,
        |p| {
            let records: Vec<EventRecord> = keep(&p).iter().map(EventRecord::from).collect();
            records.iter().try_for_each(|r| writer.write(r))?;
            Ok(records.len())
        },
        report,
    )?;
    writer.finish()?;
    Ok(summary)
}

/// Canonical events: JSONL with their sources, other formats as records.
fn write_merged(events: Vec<sitrep_model::Canonical>, format: OutputFormat, out: &mut dyn Write) -> io::Result<usize> {
    if format == OutputFormat::Jsonl {
        events.iter().try_for_each(|c| jsonl(out, &CanonicalRecord::from(c)))?;
        return Ok(events.len());
    }
    let mut writer = EventWriter::new(out, format)?;
    events.iter().try_for_each(|c| writer.write(&EventRecord::from(&c.event)))?;
    writer.finish()?;
    Ok(events.len())
}
