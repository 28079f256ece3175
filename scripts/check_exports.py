#!/usr/bin/env python3
"""Check sitrep's exports the way their users read them.

- CSV: pandas reads it with ACLED's column names, in ACLED's order, and
  ACLED's dtypes (integers, decimal degrees, ISO dates).
- GeoJSON: a valid RFC 7946 FeatureCollection: Point coordinates are
  [longitude, latitude] (checked against each feature's own record and
  against the CSV row of the same event), no `crs` member.
- Parquet (when a binary built with `--features parquet` is given): pyarrow
  reads it back with the CSV's columns and types, and the same rows.

Usage:
  scripts/check_exports.py --sitrep BIN --db STORE [--parquet-sitrep BIN] [-- export filters...]
Example:
  scripts/check_exports.py --sitrep target/debug/sitrep --db corpus.db \\
      --parquet-sitrep target/parquet/debug/sitrep -- --country SY

Needs python3 with pandas and pyarrow. Exits 1 at the first failed check.
"""
import argparse
import json
import math
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd

# ACLED's columns, in ACLED's order (its export and API), then sitrep's own.
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "actor2", "iso", "country", "admin1", "admin2", "location", "latitude",
    "longitude", "geo_precision", "source", "notes", "fatalities",
]
SITREP_COLUMNS = ["modality", "attribution", "quantities", "cameo", "plover", "doc_id"]
# ACLED's numeric columns and the pandas dtype they must read as. A column
# with an empty field (an event without a location) reads as float64, the
# only way pandas holds a missing number; then its values must be integral.
INTEGERS = ["year", "time_precision", "iso", "geo_precision", "fatalities"]
FLOATS = ["latitude", "longitude"]


def fail(message):
    print(f"FAIL: {message}")
    sys.exit(1)


def export(sitrep, db, fmt, out, filters):
    subprocess.run([sitrep, "export", "--db", db, "--format", fmt, "--output", str(out), *filters], check=True)


def check_csv(path):
    df = pd.read_csv(path, keep_default_na=False, na_values=[""])
    if list(df.columns) != ACLED_COLUMNS + SITREP_COLUMNS:
        fail(f"CSV columns {list(df.columns)}")
    if df.empty:
        fail("CSV has no rows")
    for c in INTEGERS:
        if df[c].dtype == "int64":
            continue
        if df[c].dtype != "float64" or not df[c].dropna().map(float.is_integer).all():
            fail(f"CSV column {c} reads as {df[c].dtype}")
    for c in FLOATS:
        if df[c].dtype != "float64":
            fail(f"CSV column {c} reads as {df[c].dtype}")
    dates = pd.to_datetime(df["event_date"], format="%Y-%m-%d", errors="coerce")
    if dates[df["event_date"].notna()].isna().any():
        fail("CSV event_date not ISO 8601 (YYYY-MM-DD)")
    if not (dates.dt.year.dropna() == df.loc[dates.notna(), "year"]).all():
        fail("CSV year differs from event_date")
    if not df["fatalities"].dtype == "int64":
        fail("CSV fatalities must be integers (0 when unknown, as in ACLED)")
    dtypes = {c: str(df[c].dtype) for c in INTEGERS + FLOATS}
    print(f"CSV: {len(df)} rows, ACLED's {len(ACLED_COLUMNS)} columns in order + {len(SITREP_COLUMNS)} sitrep columns; dtypes {dtypes}")
    return df


def check_position(pos, where):
    if not isinstance(pos, list) or len(pos) not in (2, 3) or not all(isinstance(v, (int, float)) for v in pos):
        fail(f"{where}: a position is 2 or 3 numbers, got {pos!r}")
    lon, lat = pos[0], pos[1]
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        fail(f"{where}: position {pos} out of range (lon, lat)")


def check_feature(f, i):
    where = f"feature {i}"
    if f.get("type") != "Feature" or "geometry" not in f or "properties" not in f:
        fail(f"{where}: needs type Feature, geometry and properties")
    if "id" in f and not isinstance(f["id"], (str, int, float)):
        fail(f"{where}: id must be a string or number")
    g, props = f["geometry"], f["properties"]
    if g is None:
        return None
    if g.get("type") != "Point":
        fail(f"{where}: geometry type {g.get('type')}")
    check_position(g.get("coordinates"), where)
    loc = (props or {}).get("location") or {}
    if loc and (g["coordinates"][0], g["coordinates"][1]) != (loc.get("lon"), loc.get("lat")):
        fail(f"{where}: coordinates {g['coordinates']} are not [lon, lat] of {loc}")
    return g["coordinates"]


def check_geojson(path, csv):
    fc = json.loads(Path(path).read_text(encoding="utf-8"))
    if fc.get("type") != "FeatureCollection" or not isinstance(fc.get("features"), list):
        fail("GeoJSON is not a FeatureCollection with a features array")
    if "crs" in fc:
        fail("GeoJSON has a crs member (RFC 7946 removed it: WGS 84 only)")
    points = {}
    for i, f in enumerate(fc["features"]):
        coordinates = check_feature(f, i)
        if coordinates is not None:
            points[f["id"]] = coordinates
    by_id = csv.set_index("event_id_cnty")
    for event_id, (lon, lat) in points.items():
        row = by_id.loc[event_id]
        if not (math.isclose(row["longitude"], lon) and math.isclose(row["latitude"], lat)):
            fail(f"GeoJSON {event_id} at {lon},{lat}; CSV says lon {row['longitude']}, lat {row['latitude']}")
    if len(fc["features"]) != len(csv):
        fail(f"GeoJSON has {len(fc['features'])} features, CSV {len(csv)} rows")
    print(f"GeoJSON: {len(fc['features'])} features, {len(points)} points, [lon, lat] matching the records and the CSV; no crs")


def check_parquet(path, csv):
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    if table.schema.names != ACLED_COLUMNS + SITREP_COLUMNS:
        fail(f"Parquet columns {table.schema.names}")
    types = {f.name: str(f.type) for f in table.schema}
    want = {"event_date": "date32[day]", "latitude": "double", "longitude": "double", "notes": "string"}
    want.update({c: "int32" for c in INTEGERS})
    wrong = {c: types[c] for c in want if types[c] != want[c]}
    if wrong:
        fail(f"Parquet types {wrong}")
    df = table.to_pandas()
    if len(df) != len(csv) or list(df["event_id_cnty"]) != list(csv["event_id_cnty"]):
        fail("Parquet rows differ from the CSV's")
    for c in INTEGERS + FLOATS:
        if not df[c].fillna(-1).astype(float).equals(csv[c].fillna(-1).astype(float)):
            fail(f"Parquet column {c} differs from the CSV's")
    print(f"Parquet: {table.num_rows} rows, {table.num_columns} columns, types {want}; values equal to the CSV's")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sitrep", required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--parquet-sitrep", help="a sitrep built with --features parquet")
    ap.add_argument("filters", nargs="*", help="export filters, after --")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        export(args.sitrep, args.db, "csv", work / "e.csv", args.filters)
        export(args.sitrep, args.db, "geojson", work / "e.geojson", args.filters)
        csv = check_csv(work / "e.csv")
        check_geojson(work / "e.geojson", csv)
        if args.parquet_sitrep:
            export(args.parquet_sitrep, args.db, "parquet", work / "e.parquet", args.filters)
            check_parquet(work / "e.parquet", csv)
        else:
            print("Parquet: not checked (no --parquet-sitrep)")
    print("OK")


if __name__ == "__main__":
    main()
