//! GeoJSON per RFC 7946: one `FeatureCollection`, one `Feature` per event,
//! a `Point` geometry with coordinates in the order longitude, latitude
//! (WGS 84, no `crs` member), `null` geometry for an event without a
//! location, and the event record (`docs/record.md`) as properties.

use std::io::{self, Write};

use serde::Serialize;
use sitrep_model::record::EventRecord;

/// One event as a GeoJSON `Feature`, serialised straight from the record
/// (no intermediate JSON tree: a month of a country is thousands of them).
#[derive(Debug, Serialize)]
pub struct Feature<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    id: &'a str,
    geometry: Option<Point>,
    properties: &'a EventRecord,
}

/// A GeoJSON `Point`: coordinates longitude first.
#[derive(Debug, Serialize)]
struct Point {
    #[serde(rename = "type")]
    kind: &'static str,
    coordinates: [f64; 2],
}

/// One event as a GeoJSON `Feature`.
#[must_use]
pub fn feature(r: &EventRecord) -> Feature<'_> {
    let geometry = r.location.as_ref().map(|l| Point { kind: "Point", coordinates: [l.lon, l.lat] });
    Feature { kind: "Feature", id: &r.event_id, geometry, properties: r }
}

/// Writes a `FeatureCollection` one feature at a time.
#[derive(Debug)]
pub struct GeoJsonWriter<W: Write> {
    out: W,
    features: usize,
}

impl<W: Write> GeoJsonWriter<W> {
    /// Open the collection.
    ///
    /// # Errors
    /// When writing fails.
    pub fn new(mut out: W) -> io::Result<Self> {
        out.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[\n")?;
        Ok(Self { out, features: 0 })
    }

    /// Write one feature.
    ///
    /// # Errors
    /// When writing fails.
    pub fn write(&mut self, r: &EventRecord) -> io::Result<()> {
        if self.features > 0 {
            self.out.write_all(b",\n")?;
        }
        self.features += 1;
        serde_json::to_writer(&mut self.out, &feature(r)).map_err(io::Error::other)
    }

    /// Close the collection, flush, and hand back the writer.
    ///
    /// # Errors
    /// When writing fails.
    pub fn finish(mut self) -> io::Result<W> {
        self.out.write_all(b"\n]}\n")?;
        self.out.flush()?;
        Ok(self.out)
    }
}
