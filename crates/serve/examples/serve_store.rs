//! Serve a store read-only without the rest of sitrep: the load test's
//! server when the whole binary cannot be built, and a small example of
//! embedding `sitrep-serve`. Takes the same arguments as `sitrep serve`
//! (a leading `serve` is ignored): `--db FILE --addr ADDR:PORT --readers N`.
#![allow(clippy::print_stderr)]

use std::sync::Arc;

use sitrep_serve::{AppState, OpenStore, Pool, ServeConfig};
use sitrep_store::SqliteStore;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "serve").collect();
    let value = |flag: &str| args.iter().position(|a| a == flag).and_then(|i| args.get(i + 1)).cloned();
    let db = value("--db").ok_or("--db FILE is required")?;
    let mut config = ServeConfig::default();
    if let Some(addr) = value("--addr") {
        config.addr = addr.parse()?;
    }
    if let Some(n) = value("--readers") {
        config.readers = n.parse()?;
    }
    let path = db.clone();
    let open: OpenStore = Box::new(move || Ok(Box::new(SqliteStore::open_read_only(&path)?)));
    let pool = Arc::new(Pool::new(open, config.readers)?);
    let state = AppState { pool, config: Arc::new(config), ingestor: None };
    sitrep_serve::serve(state, |addr| eprintln!("serve_store: serving {db} on http://{addr}/ (read-only)"))?;
    Ok(())
}
