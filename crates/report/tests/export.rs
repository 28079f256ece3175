//! Exports: the CSV reads back with ACLED's columns and types, the GeoJSON
//! keeps RFC 7946's rules, and both hold exactly the store's events.
#![allow(clippy::unwrap_used)]

mod common;

use std::collections::HashMap;

use serde_json::Value;
use sitrep_report::export::{export, ExportFormat, CSV_COLUMNS};
use sitrep_store::{EventFilter, EventQuery, EventStore};

fn run(format: ExportFormat, query: &EventQuery) -> (Vec<u8>, u64) {
    let store = common::store();
    export(&store, query, format, Vec::new()).unwrap()
}

#[test]
fn csv_has_acled_columns_and_types() {
    let (bytes, n) = run(ExportFormat::Csv, &EventQuery::default());
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(header, CSV_COLUMNS);
    for acled in [
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
    ] {
        assert!(header.iter().any(|h| h == acled), "ACLED's {acled}");
    }
    let rows: Vec<HashMap<String, String>> = reader.deserialize().map(Result::unwrap).collect();
    assert_eq!(rows.len() as u64, n);
    assert_eq!(n, 8);
    for row in &rows {
        assert!(row["fatalities"].parse::<u32>().is_ok(), "fatalities is an integer: {row:?}");
        assert_eq!(row["year"], &row["event_date"][..4]);
        assert_eq!(row["source"], "Test Front", "the outlet");
        if !row["latitude"].is_empty() {
            assert!(row["latitude"].parse::<f64>().is_ok() && row["longitude"].parse::<f64>().is_ok());
            assert_eq!((row["country"].as_str(), row["iso"].as_str()), ("Syria", "760"));
            assert!(["1", "2", "3"].contains(&row["geo_precision"].as_str()));
        }
    }
    let strike = rows.iter().find(|r| r["admin1"] == "Hama" && !r["quantities"].is_empty()).unwrap();
    assert_eq!(strike["quantities"], "16 sorties; 57 targets");
    assert!(rows.iter().any(|r| r["notes"].contains("<script>")), "CSV holds the text as it is");
}

#[test]
fn geojson_follows_rfc_7946() {
    let (bytes, n) = run(ExportFormat::GeoJson, &EventQuery::default());
    let fc: Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(fc["type"], "FeatureCollection");
    assert!(fc.get("crs").is_none(), "RFC 7946 drops crs");
    let features = fc["features"].as_array().unwrap();
    assert_eq!(features.len() as u64, n);
    let mut nulls = 0;
    for f in features {
        assert_eq!(f["type"], "Feature");
        assert!(f["properties"].is_object() && f["id"].is_string());
        match &f["geometry"] {
            Value::Null => nulls += 1,
            g => {
                assert_eq!(g["type"], "Point");
                let c = g["coordinates"].as_array().unwrap();
                let (lon, lat) = (c[0].as_f64().unwrap(), c[1].as_f64().unwrap());
                assert_eq!(
                    (lon, lat),
                    (
                        f["properties"]["location"]["lon"].as_f64().unwrap(),
                        f["properties"]["location"]["lat"].as_f64().unwrap()
                    ),
                    "lon, lat"
                );
                assert!((-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat));
            }
        }
    }
    assert_eq!(nulls, 2, "the unlocated events have null geometry");
}

#[test]
fn exports_hold_the_filtered_events_in_order_up_to_the_limit() {
    let store = common::store();
    let day = EventFilter {
        since: Some(common::day("2016-01-20")),
        until: Some(common::day("2016-01-20")),
        ..EventFilter::default()
    };
    let want: Vec<String> = store.events(&day).unwrap().into_iter().map(|r| r.event_id).collect();
    let (bytes, n) = run(ExportFormat::GeoJson, &EventQuery::of(day.clone()));
    let fc: Value = serde_json::from_slice(&bytes).unwrap();
    let got: Vec<String> =
        fc["features"].as_array().unwrap().iter().map(|f| f["id"].as_str().unwrap().to_owned()).collect();
    assert_eq!((got, n), (want.clone(), 7));
    let (_, n) = run(ExportFormat::Csv, &EventQuery::of(EventFilter { limit: Some(3), ..day }));
    assert_eq!(n, 3);
}

#[cfg(not(feature = "parquet"))]
#[test]
fn parquet_needs_its_feature() {
    let store = common::store();
    let e = export(&store, &EventQuery::default(), ExportFormat::Parquet, Vec::new()).unwrap_err();
    assert!(e.to_string().contains("--features parquet"), "{e}");
}

#[cfg(feature = "parquet")]
#[test]
fn parquet_reads_back_with_types() {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    let (bytes, n) = run(ExportFormat::Parquet, &EventQuery::default());
    assert_eq!(&bytes[..4], b"PAR1");
    let reader = SerializedFileReader::new(bytes::Bytes::from(bytes)).unwrap();
    let meta = reader.metadata();
    assert_eq!(meta.file_metadata().num_rows() as u64, n);
    let schema = meta.file_metadata().schema_descr();
    let names: Vec<&str> = schema.columns().iter().map(|c| c.name()).collect();
    assert_eq!(names, CSV_COLUMNS);
    let physical = |name: &str| schema.columns().iter().find(|c| c.name() == name).unwrap().physical_type();
    assert_eq!(physical("latitude"), parquet::basic::Type::DOUBLE);
    assert_eq!(physical("fatalities"), parquet::basic::Type::INT32);
    assert_eq!(physical("event_date"), parquet::basic::Type::INT32, "a DATE is an INT32 of days");
}
