//! geo stage (to be written).
