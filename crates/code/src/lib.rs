//! code stage (to be written).
