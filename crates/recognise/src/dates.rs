//! dates (being written).
