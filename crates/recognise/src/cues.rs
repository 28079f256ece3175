//! cues (being written).
