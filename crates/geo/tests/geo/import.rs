//! `sitrep gazetteer import` as a library call: small dumps of each kind
//! written here, a shipped file, and bad input (the error names the file and
//! line, and nothing is returned).

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use std::path::{Path, PathBuf};

use sitrep_geo::import::import;
use sitrep_geo::Gazetteer;
use sitrep_model::PlaceKind;

/// A fresh directory for one test's files.
fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("sitrep-geo-import-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

/// The gazetteer of an import of `files` into the embedded one.
fn imported(files: &[PathBuf]) -> Gazetteer {
    let base = Gazetteer::embedded().unwrap();
    let (bytes, _) = import(&base, files, &mut |_| {}).unwrap();
    Gazetteer::from_bytes(Box::leak(bytes.into_boxed_slice())).unwrap()
}

/// (name looked up, kind, country) of the first candidate that is not in the embedded index.
fn found(g: &Gazetteer, name: &str) -> Option<(PlaceKind, String)> {
    let base = Gazetteer::embedded().unwrap();
    let known: Vec<String> =
        base.lookup_exact(name).into_iter().filter_map(|c| base.place(c)).map(|p| p.gazetteer_id.to_string()).collect();
    g.lookup_exact(name)
        .into_iter()
        .filter_map(|c| g.place(c))
        .find(|p| !known.contains(&p.gazetteer_id.to_string()))
        .map(|p| (p.kind, p.country.map(|c| c.to_string()).unwrap_or_default()))
}

const GEONAMES: &str = "99000001\tQaryat Zzyzxiyah\tQaryat Zzyzxiyah\tZzyzxiyah,Zuzuxiya\t35.1\t40.2\tP\tPPL\tSY\t\t07\t\t\t\t1200\t\t200\tAsia/Damascus\t2020-01-01\n\
99000002\tJabal Zzyzx\tJabal Zzyzx\t\t35.2\t40.3\tT\tMT\tSY\t\t07\t\t\t\t0\t\t800\tAsia/Damascus\t2020-01-01\n\
99000003\tSome Bus Stop\tSome Bus Stop\t\t35.2\t40.3\tZ\tZZZ\tSY\t\t07\t\t\t\t0\t\t800\tAsia/Damascus\t2020-01-01\n";

#[test]
fn geonames_rows_and_alternate_names_are_merged() {
    let d = dir("geonames");
    let main = write(&d, "SY.txt", GEONAMES);
    let alt = write(
        &d,
        "alternateNamesV2.txt",
        "1\t99000001\ten\tZzyzx Village\t1\t\t\t\t\t\n2\t99000001\tpost\t12345\t\t\t\t\t\t\n",
    );
    let g = imported(&[main, alt]);
    assert_eq!(found(&g, "Qaryat Zzyzxiyah"), Some((PlaceKind::PopulatedPlace, "SY".into())));
    assert_eq!(found(&g, "Zuzuxiya"), Some((PlaceKind::PopulatedPlace, "SY".into())), "alias of the dump");
    assert_eq!(found(&g, "Zzyzx Village"), Some((PlaceKind::PopulatedPlace, "SY".into())), "alternate name");
    assert_eq!(found(&g, "Jabal Zzyzx"), Some((PlaceKind::Landform, "SY".into())));
    assert_eq!(found(&g, "Some Bus Stop"), None, "feature classes the gazetteer does not keep");
    let c = g.lookup_exact("Qaryat Zzyzxiyah")[0];
    assert_eq!(g.place(c).unwrap().admin1.as_deref(), Some("Deir ez-Zor"), "linked to its admin-1 area by code");
}

#[test]
fn simple_tsv_and_whos_on_first_rows_are_merged() {
    let d = dir("tsv");
    let simple = write(&d, "mine.tsv", "name\taliases\tlat\tlon\tkind\tcountry\tadmin1\nZzyzx Springs\tZzyzx Spa|Soda Zzyzx\t35.14\t-116.10\tplace\tUS\tCalifornia\n");
    let wof = write(&d, "wof.tsv", "id\tplacetype\tname\tlat\tlon\tcountry\tnames\tgeonames\twikidata\n1999999999\tlocality\tKili Zzyzx\t36.5\t67.1\tAF\tKili Zzyzx|کلی\t\t\n");
    let g = imported(&[simple, wof]);
    assert_eq!(found(&g, "Soda Zzyzx"), Some((PlaceKind::PopulatedPlace, "US".into())));
    assert_eq!(found(&g, "Kili Zzyzx"), Some((PlaceKind::PopulatedPlace, "AF".into())));
    let c = g.lookup_exact("Zzyzx Springs")[0];
    assert_eq!(g.place(c).unwrap().admin1.as_deref(), Some("California"), "admin-1 by name");
}

#[test]
fn whos_on_first_region_and_county_columns_become_parents() {
    let d = dir("wof-parents");
    let head = "wof_id\tplacetype\tname\tlat\tlon\tcountry\tnames\tgeonames_id\twikidata\tpath\tregion\tcounty\n";
    let rows = "1999999991\tcounty\tZzyzx Wuluswali\t36.6\t66.9\tAF\t\t\t\tp\tBalkh\t\n\
                1999999992\tlocality\tKili Qwertz\t36.62\t66.95\tAF\t\t\t\tp\tBalkh\tZzyzx Wuluswali\n";
    let wof = write(&d, "wof_af.tsv", &format!("{head}{rows}"));
    let g = imported(&[wof]);
    let c = g.lookup_exact("Kili Qwertz")[0];
    let place = g.place(c).unwrap();
    assert_eq!(place.admin1.as_deref(), Some("Balkh"), "region by name");
    assert_eq!(place.admin2.as_deref(), Some("Zzyzx Wuluswali"), "a district GeoNames lacks, by its id");
}

#[test]
fn a_shipped_file_imports_without_growing_the_index_much() {
    let wof = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/gazetteer/wof_sy.tsv.gz");
    let base = Gazetteer::embedded().unwrap();
    let (bytes, summary) = import(&base, &[wof], &mut |_| {}).unwrap();
    assert!(summary.read > 10_000, "{summary:?}");
    assert!(
        summary.entries >= base.len() && summary.entries < base.len() + 200,
        "the shipped places merge with themselves: {summary:?}"
    );
    let g = Gazetteer::from_bytes(Box::leak(bytes.into_boxed_slice())).unwrap();
    assert!(!g.lookup_exact("Manbij").is_empty());
}

#[test]
fn bad_input_names_the_line_and_imports_nothing() {
    let d = dir("bad");
    let cases: Vec<(&str, Vec<u8>, usize, &str)> = vec![
        ("SY.txt", b"99000001\tX\tX\t\t35.1\t40.2\tP\tPPL\tSY\n".to_vec(), 1, "columns"),
        ("SY.txt", GEONAMES.replace("35.2\t40.3", "95.2\t40.3").into_bytes(), 2, "coordinates"),
        (
            "mine.tsv",
            b"name\taliases\tlat\tlon\tkind\tcountry\tadmin1\nA\t\t1\t2\tplace\tUS\t\nB\t\t1\t2\tcastle\tUS\t\n"
                .to_vec(),
            3,
            "kind",
        ),
        (
            "mine.tsv",
            b"name\taliases\tlat\tlon\tkind\tcountry\tadmin1\nA\t\t1\t2\tplace\tUS\t\n\xff\xfe\t\t1\t2\tplace\tUS\t\n"
                .to_vec(),
            3,
            "UTF-8",
        ),
        ("SY.txt", b"x99\tX\tX\t\t35.1\t40.2\tP\tPPL\tSY\t\t07\t\t\t\t1\t\t1\tA\t2020\n".to_vec(), 1, "geonameid"),
    ];
    let base = Gazetteer::embedded().unwrap();
    for (name, bytes, line, word) in cases {
        let p = d.join(name);
        std::fs::write(&p, &bytes).unwrap();
        let e = import(&base, std::slice::from_ref(&p), &mut |_| {}).unwrap_err();
        assert_eq!(e.line, line, "{name}: {e}");
        assert!(e.to_string().contains(word) && e.to_string().contains(name), "{e}");
    }
}
