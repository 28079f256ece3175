//! ingest stage (to be written).
