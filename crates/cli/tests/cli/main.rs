//! The CLI's integration tests, one test binary: each binary links the
//! whole pipeline with its embedded gazetteer (about 200 MB in a debug
//! build), so one binary instead of one per file saves CI gigabytes of
//! disk and ten links. Each module is one concern.

mod common;

mod cameo_eval;
mod commands;
mod corpus;
mod events;
mod front_end;
mod gold;
mod lgl_eval;
mod merge;
mod warc;
mod watch;
