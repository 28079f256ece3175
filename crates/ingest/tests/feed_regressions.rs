//! Inputs the `feed` fuzz target (fuzz/) found to crash `parse_feed`: each
//! must now be read (or refused as an invalid feed) without a panic. The
//! inputs are kept in fuzz/regressions/feed/.

#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use sitrep_ingest::{parse_feed, Problem};

fn regression(name: &str) -> Vec<u8> {
    let path = format!("{}/../../fuzz/regressions/feed/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// quick-xml 0.42 (under feed-rs) panicked on a declaration naming a new
/// encoding once its 64-byte sniffing window was read: here a second
/// declaration in the middle of an RDF feed.
#[test]
fn a_second_declaration_is_no_panic() {
    match parse_feed(&regression("second-declaration-windows-1252.xml"), None) {
        Ok(_) | Err(Problem::InvalidFeed { .. }) => {}
        Err(e) => panic!("unexpected error {e}"),
    }
}

/// The same with a well-formed feed whose only declaration is longer than
/// 64 bytes: it is read, in the encoding it declares.
#[test]
fn a_long_declaration_is_honoured() {
    let mut bytes = b"<?xml version=\"1.0\" encoding=\"windows-1252\" standalone=\"yes\"   ?>".to_vec();
    assert!(bytes.len() > 64);
    bytes.extend_from_slice(b"<rss version=\"2.0\"><channel><title>Caf\xe9 Desk</title>");
    bytes.extend_from_slice(b"<item><title>A</title><description>x</description></item></channel></rss>");
    let feed = parse_feed(&bytes, None).unwrap();
    assert_eq!(feed.title.as_deref(), Some("Caf\u{e9} Desk"));
    assert_eq!(feed.entries.len(), 1);
    assert!(parse_feed(&regression("long-declaration-windows-1252.xml"), None).is_ok());
}

/// A 10-minute run found a declaration behind a byte that is no UTF-8
/// ("<\xdc?xml … encoding=\"windows-1251\"?>" after 20 bytes of text):
/// quick-xml still read it as a declaration, late, and panicked.
#[test]
fn an_undecodable_byte_before_a_declaration_is_no_panic() {
    match parse_feed(&regression("undecodable-byte-before-declaration.xml"), None) {
        Ok(_) | Err(Problem::InvalidFeed { .. }) => {}
        Err(e) => panic!("unexpected error {e}"),
    }
}
