//! Compiles the shipped gazetteer sources (`data/gazetteer/`, see
//! `data/SOURCES.md`) into the binary index that the library embeds with
//! `include_bytes!`, so that loading the gazetteer at run time costs nothing.

#[path = "../recognise/src/normalise.rs"]
#[allow(dead_code)]
mod normalise;

#[path = "src/build/mod.rs"]
#[allow(dead_code)]
mod build;

use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR")?);
    let data = manifest.join("../../data");
    for rel in build::SOURCES {
        println!("cargo:rerun-if-changed={}", data.join(rel).display());
    }
    for rel in build::wof_files(&data)? {
        println!("cargo:rerun-if-changed={}", data.join(rel).display());
    }
    println!("cargo:rerun-if-changed={}", data.join("gazetteer").display());
    println!("cargo:rerun-if-changed=src/build");
    println!("cargo:rerun-if-changed=../recognise/src/normalise.rs");
    let bytes = build::build_index(&data)?;
    let out = PathBuf::from(std::env::var("OUT_DIR")?).join("gazetteer.idx");
    std::fs::write(out, bytes)?;
    Ok(())
}
