//! store stage (to be written).
