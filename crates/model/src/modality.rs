//! How sure the text is that an event happened.

use serde::{Deserialize, Serialize};

/// The epistemic status of an event in its source (`docs/ontology.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// Told as fact.
    Asserted,
    /// Told as someone's statement; the event's `attribution` names who.
    Attributed,
    /// Possibility, expectation, indication, opinion or hypothesis.
    Speculative,
    /// Denied, or said not to have happened.
    Negated,
    /// Intended, planned, prepared, threatened or in the future.
    Planned,
}

impl Modality {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Asserted => "asserted",
            Self::Attributed => "attributed",
            Self::Speculative => "speculative",
            Self::Negated => "negated",
            Self::Planned => "planned",
        }
    }

    /// True when the text reports the event as having happened (asserted or
    /// reported by a named source), as opposed to possible, denied or planned.
    #[must_use]
    pub fn is_factual(self) -> bool {
        matches!(self, Self::Asserted | Self::Attributed)
    }
}
