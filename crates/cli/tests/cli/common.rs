//! Shared by the CLI's test files: the shipped resources, loaded once per test
//! binary, and a pipeline over them.

use std::path::PathBuf;
use std::sync::LazyLock;

use sitrep_pipeline::{Pipeline, Resources};

pub static RESOURCES: LazyLock<Resources> = LazyLock::new(|| Resources::load().expect("shipped data loads"));

pub fn pipeline() -> Pipeline<'static> {
    Pipeline::new(&RESOURCES)
}

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}
