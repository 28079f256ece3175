//! Scoring extraction against answers, the library behind `sitrep eval`.
//! [`run`] tells each answer file's kind by its form and hands it to the
//! scorer of that kind, one module each, each with one metric (named at
//! the top of its file):
//!
//! - [`gold`]: this project's gold JSON files (`gold/dev/`), or a directory
//!   of them: required-event recall.
//! - [`acled`]: an ACLED CSV (`notes` in, the row's fields as the answer):
//!   field accuracy per note.
//! - [`fakes`]: a FA-KES CSV (`article_content` in): main-event governorate
//!   accuracy.
//! - [`lgl`]: an LGL XML (root `<articles>`): the geoparser's Acc@161.
//! - [`plover`]: a PLOVER gold JSON array (`event`, `text`): the CAMEO
//!   coder's PLOVER category accuracy.
//! - [`petrarch`]: PETRARCH2 validation records (root `<Validation>`): the
//!   CAMEO coder's root-and-actors coverage.
//!
//! [`cameo`] is the CAMEO verb coder that [`plover`] and [`petrarch`] score
//! (no record takes its code from it: records map their sub-event type).
//! [`matching`] holds how a system record is compared with an answer, and
//! [`xml`] the XML reading the two XML sets share (roxmltree). The library
//! returns typed figures ([`Report`], serialisable as JSON); it prints
//! nothing: the binary formats them.

pub mod acled;
pub mod cameo;
mod doc;
pub mod fakes;
pub mod gold;
pub mod lgl;
pub mod matching;
pub mod petrarch;
pub mod plover;
mod xml;

use std::collections::HashMap;
use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

use serde::Serialize;
use sitrep_ingest::{documents, Input, Limits};
use sitrep_model::RawDoc;
use thiserror::Error;

use crate::cameo::CameoCoder;

use sitrep_pipeline::{Pipeline, Resources};

/// Why an evaluation could not run.
#[derive(Debug, Error)]
pub enum EvalError {
    #[error("{0}: {1}")]
    Io(String, io::Error),
    #[error("{0}: {1}")]
    Parse(String, String),
    #[error("{0}: {1}")]
    Document(String, String),
    #[error("{0}: not a gold JSON file, a directory of them, an ACLED CSV, a FA-KES CSV, a PLOVER gold JSON, a PETRARCH validation XML or an LGL XML")]
    Unknown(String),
}

impl EvalError {
    pub(crate) fn io(p: &Path, e: io::Error) -> Self {
        Self::Io(p.display().to_string(), e)
    }
    pub(crate) fn parse(p: &Path, e: impl ToString) -> Self {
        Self::Parse(p.display().to_string(), e.to_string())
    }
}

/// One CSV row by column name.
#[derive(Debug, Clone)]
pub struct Row(HashMap<String, String>);

impl Row {
    #[must_use]
    pub fn get(&self, column: &str) -> Option<&str> {
        self.0.get(column).map(String::as_str)
    }
}

/// Every row of a CSV file.
///
/// # Errors
/// When the file cannot be read or parsed.
pub fn csv_rows(path: &Path) -> Result<Vec<Row>, EvalError> {
    let file = File::open(path).map_err(|e| EvalError::io(path, e))?;
    let mut reader = csv::Reader::from_reader(file);
    let headers = reader.headers().map_err(|e| EvalError::parse(path, e))?.clone();
    reader
        .records()
        .map(|r| {
            let r = r.map_err(|e| EvalError::parse(path, e))?;
            Ok(Row(headers.iter().map(str::to_owned).zip(r.iter().map(str::to_owned)).collect()))
        })
        .collect()
}

/// Read one document file.
///
/// # Errors
/// When it cannot be read.
pub fn read_one(path: &Path) -> Result<RawDoc, EvalError> {
    documents(&[Input::Path(path.to_owned())], &Limits::default())
        .next()
        .ok_or_else(|| EvalError::Document(path.display().to_string(), "no document".to_owned()))?
        .map_err(|e| EvalError::Document(path.display().to_string(), e.to_string()))
}

/// The scores of one evaluation run.
#[derive(Debug, Default, Serialize)]
pub struct Report {
    pub gold: Vec<gold::GoldScore>,
    pub acled: Vec<acled::AcledScore>,
    pub fakes: Vec<fakes::FakesScore>,
    pub plover: Vec<plover::PloverScore>,
    pub petrarch: Vec<petrarch::PetrarchScore>,
    pub lgl: Vec<lgl::LglScore>,
}

/// What kind of answer file a path is.
enum Kind {
    Gold(PathBuf),
    Acled(PathBuf),
    Fakes(PathBuf),
    Plover(PathBuf),
    Petrarch(PathBuf),
    Lgl(PathBuf),
}

fn classify(path: &Path) -> Result<Vec<Kind>, EvalError> {
    if path.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(|e| EvalError::io(path, e))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        files.sort();
        return Ok(files.into_iter().map(Kind::Gold).collect());
    }
    let ext = path.extension().and_then(|x| x.to_str()).unwrap_or("");
    match ext {
        "json" if plover::is_plover(path) => Ok(vec![Kind::Plover(path.to_owned())]),
        "json" => Ok(vec![Kind::Gold(path.to_owned())]),
        "xml" if path.exists() => match xml::root_name(path)?.as_str() {
            petrarch::ROOT => Ok(vec![Kind::Petrarch(path.to_owned())]),
            lgl::ROOT => Ok(vec![Kind::Lgl(path.to_owned())]),
            _ => Err(EvalError::Unknown(path.display().to_string())),
        },
        "csv" => {
            let header = csv::Reader::from_path(path)
                .and_then(|mut r| r.headers().cloned())
                .map_err(|e| EvalError::parse(path, e))?;
            if header.iter().any(|h| h == "notes") {
                Ok(vec![Kind::Acled(path.to_owned())])
            } else if header.iter().any(|h| h == "article_content") {
                Ok(vec![Kind::Fakes(path.to_owned())])
            } else {
                Err(EvalError::Unknown(path.display().to_string()))
            }
        }
        _ if !path.exists() => Err(EvalError::io(path, io::Error::from(io::ErrorKind::NotFound))),
        _ => Err(EvalError::Unknown(path.display().to_string())),
    }
}

/// Score every answer file (or directory of gold files) in `paths`; `root`
/// is where gold files' `file` fields are relative to (default: each gold
/// file's grandparent directory).
///
/// # Errors
/// When an answer file cannot be read, or is of no known kind.
pub fn run(paths: &[PathBuf], root: Option<&Path>, res: &Resources) -> Result<Report, EvalError> {
    let pipeline = Pipeline::new(res);
    let mut report = Report::default();
    let mut cameo: Option<CameoCoder> = None;
    for path in paths {
        for kind in classify(path)? {
            match kind {
                Kind::Gold(p) => report.gold.push(gold::score(&p, root, &pipeline)?),
                Kind::Acled(p) => report.acled.push(acled::score(&p, &pipeline)?),
                Kind::Fakes(p) => report.fakes.push(fakes::score(&p, &pipeline, &res.gazetteer)?),
                Kind::Plover(p) => report.plover.push(plover::score(&p, &pipeline, cameo_coder(&mut cameo)?)?),
                Kind::Petrarch(p) => report.petrarch.push(petrarch::score(&p, &pipeline, cameo_coder(&mut cameo)?)?),
                Kind::Lgl(p) => report.lgl.push(lgl::score(&p, &pipeline)?),
            }
        }
    }
    Ok(report)
}

/// The CAMEO verb coder, built the first time a coded sentence set needs it
/// (the other commands never load its dictionary).
fn cameo_coder(slot: &mut Option<CameoCoder>) -> Result<&CameoCoder, EvalError> {
    if slot.is_none() {
        let coder = CameoCoder::new().map_err(|e| EvalError::Parse("CAMEO verb dictionary".into(), e.to_string()))?;
        *slot = Some(coder);
    }
    slot.as_ref().ok_or_else(|| EvalError::Parse("CAMEO verb dictionary".into(), "not loaded".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `body` in a file of the temporary directory named `name`.
    fn temp(name: &str, body: &str) -> PathBuf {
        let path = std::env::temp_dir().join(format!("sitrep-eval-{}-{name}", std::process::id()));
        std::fs::write(&path, body).expect("temporary file");
        path
    }

    #[test]
    fn xml_files_are_told_by_their_root_element() {
        let lgl = temp("lgl.xml", "<?xml version=\"1.0\"?>\n<!-- <Validation> --><articles></articles>");
        let petrarch = temp("petr.xml", "<Validation><Sentences/></Validation>");
        let other = temp("other.xml", "<articles-not><articles/></articles-not>");
        let broken = temp("broken.xml", "<Validation><Sentence></Validation>");
        assert!(matches!(classify(&lgl).as_deref(), Ok([Kind::Lgl(_)])));
        assert!(matches!(classify(&petrarch).as_deref(), Ok([Kind::Petrarch(_)])));
        assert!(matches!(classify(&other), Err(EvalError::Unknown(_))));
        assert!(matches!(classify(&broken), Err(EvalError::Parse(..))), "not well-formed is a parse error");
        assert!(matches!(classify(Path::new("/nonexistent/x.xml")), Err(EvalError::Io(..))));
        for p in [lgl, petrarch, other, broken] {
            let _ = std::fs::remove_file(p);
        }
    }
}
