//! quantities (being written).
