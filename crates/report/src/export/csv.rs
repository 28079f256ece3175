//! CSV with ACLED's column names, so a user's ACLED scripts read it
//! unchanged: `event_date` is ISO 8601, `year`, `time_precision`, `iso`,
//! `geo_precision` and `fatalities` are integers, `latitude`/`longitude`
//! decimal degrees, `country` the country's name. sitrep's own fields
//! (`modality`, `attribution`, `quantities`, `cameo`, `plover`, `doc_id`)
//! follow ACLED's columns.

use std::io::{self, Write};

use sitrep_model::record::EventRecord;

use crate::country::{country_name, country_numeric};

/// The columns, in order: ACLED's names first, then sitrep's.
pub const CSV_COLUMNS: &[&str] = &[
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "iso",
    "country",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
    "modality",
    "attribution",
    "quantities",
    "cameo",
    "plover",
    "doc_id",
];

/// A CSV writer that has written the header.
pub(crate) fn writer<W: Write>(out: W) -> io::Result<csv::Writer<W>> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(CSV_COLUMNS).map_err(io_error)?;
    Ok(w)
}

pub(crate) fn io_error(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// One record's fields, in the order of [`CSV_COLUMNS`]; `source` is the
/// outlet (the document id when it is unknown). Unknown fatalities are 0,
/// as in ACLED.
#[must_use]
pub fn csv_row(r: &EventRecord, source: Option<&str>) -> Vec<String> {
    let loc = r.location.as_ref();
    let iso2 = loc.and_then(|l| l.country.as_deref());
    let text = |s: Option<&str>| s.unwrap_or_default().to_owned();
    vec![
        r.event_id.clone(),
        text(r.date.as_deref()),
        r.date.as_deref().and_then(|d| d.get(..4)).unwrap_or_default().to_owned(),
        text(r.date_precision.as_deref().map(time_precision)),
        r.event_type.clone(),
        r.sub_event_type.clone(),
        text(r.actor1.as_ref().map(|a| a.name.as_str())),
        text(r.actor2.as_ref().map(|a| a.name.as_str())),
        iso2.and_then(country_numeric).map(|n| n.to_string()).unwrap_or_default(),
        text(iso2.map(|c| country_name(c).unwrap_or(c))),
        text(loc.and_then(|l| l.admin1.as_deref())),
        text(loc.and_then(|l| l.admin2.as_deref())),
        text(loc.map(|l| l.name.as_str())),
        loc.map(|l| l.lat.to_string()).unwrap_or_default(),
        loc.map(|l| l.lon.to_string()).unwrap_or_default(),
        loc.map(|l| l.precision.to_string()).unwrap_or_default(),
        source.unwrap_or(&r.doc_id).to_owned(),
        r.evidence.text.clone(),
        r.fatalities.unwrap_or(0).to_string(),
        r.modality.clone(),
        text(r.attribution.as_deref()),
        quantities(r),
        r.cameo.clone(),
        r.plover.clone(),
        r.doc_id.clone(),
    ]
}

/// ACLED's time_precision: 1 a day, 2 a week, 3 a month or longer.
fn time_precision(p: &str) -> &'static str {
    match p {
        "day" => "1",
        "week" => "2",
        _ => "3",
    }
}

/// "16 sorties; 57 targets", with ranges as "10-15".
fn quantities(r: &EventRecord) -> String {
    let one = |q: &sitrep_model::record::QuantityRecord| match q.max {
        Some(max) => format!("{}-{max} {}", q.value, q.unit),
        None => format!("{} {}", q.value, q.unit),
    };
    r.quantities.iter().map(one).collect::<Vec<_>>().join("; ")
}
