//! places (being written).
