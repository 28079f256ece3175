//! `sitrep gazetteer import FILE…`: merge GeoNames dumps, Who's On First
//! exports or a simple TSV with the gazetteer in use into a new index file.
//!
//! Where the index goes: `--output PATH`, else `$XDG_DATA_HOME/sitrep/
//! gazetteer.idx` (`~/.local/share/sitrep/gazetteer.idx`). It is used by
//! every command when the environment variable `SITREP_GAZETTEER` names it
//! (an explicit switch, so that the same inputs give the same output unless
//! the user asks otherwise). Imports stack: the base is the gazetteer in use,
//! so a second import adds to the first. The file is written whole or not
//! at all (to a temporary name, then renamed).

use std::path::{Path, PathBuf};

use crate::args::{GazetteerArgs, GazetteerCommand};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use sitrep_geo::gazetteer::INDEX_VAR;
use sitrep_geo::import::{import, ImportError};
use sitrep_geo::{Gazetteer, GeoError};
use thiserror::Error;

/// Why `gazetteer` failed.
#[derive(Debug, Error)]
pub enum GazetteerError {
    #[error(transparent)]
    Import(#[from] ImportError),
    #[error(transparent)]
    Load(#[from] GeoError),
    #[error("writing {0}: {1}")]
    Write(String, std::io::Error),
}

impl GazetteerError {
    /// Bad input files are the user's to fix (exit 2); the rest are failures.
    #[must_use]
    pub fn is_usage(&self) -> bool {
        matches!(self, GazetteerError::Import(_))
    }
}

/// The default index path: `$XDG_DATA_HOME/sitrep/gazetteer.idx`, else
/// under `$HOME/.local/share`, else in the current directory.
#[must_use]
pub fn default_index_path() -> PathBuf {
    let data = std::env::var_os("XDG_DATA_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")));
    data.map_or_else(|| PathBuf::from("gazetteer.idx"), |d| d.join("sitrep/gazetteer.idx"))
}

/// Run `gazetteer`; `report` gets one line for the user.
///
/// # Errors
/// When a file cannot be imported or the index cannot be written.
pub fn run(args: &GazetteerArgs, report: &mut dyn FnMut(&str)) -> Result<(), GazetteerError> {
    let GazetteerCommand::Import(a) = &args.command;
    let base = Gazetteer::load()?;
    let bar = progress_bar();
    let (bytes, summary) = import(&base, &a.files, &mut |lines| bar.set_position(lines))?;
    bar.finish_and_clear();
    let out = a.output.clone().unwrap_or_else(default_index_path);
    write_whole(&out, &bytes).map_err(|e| GazetteerError::Write(out.display().to_string(), e))?;
    report(&format!(
        "{} entries and {} alternate names read; {} entries in {} ({} bytes); use it with {INDEX_VAR}={}",
        summary.read,
        summary.names,
        summary.entries,
        out.display(),
        bytes.len(),
        out.display()
    ));
    Ok(())
}

/// Write `bytes` to a temporary file beside `path`, then rename it.
fn write_whole(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let tmp = path.with_extension("idx.partial");
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path)
}

/// A spinner with the lines read, on standard error when it is a terminal.
fn progress_bar() -> ProgressBar {
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr_with_hz(4));
    let style = ProgressStyle::with_template("{spinner} importing: {pos} lines read, {elapsed}")
        .unwrap_or_else(|_| ProgressStyle::default_spinner());
    bar.set_style(style);
    bar
}
