//! normalise (being written).
