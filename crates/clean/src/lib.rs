//! clean stage (to be written).
