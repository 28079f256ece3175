//! Counted things: fatalities, sorties, targets, strikes.

use serde::{Deserialize, Serialize};

/// What a number counts. The variants are the units the coder reasons about;
/// anything else keeps its noun in [`Unit::Other`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    /// People killed.
    Killed,
    /// People wounded or injured.
    Injured,
    Sorties,
    Targets,
    Strikes,
    /// Missiles, rockets or shells fired.
    Projectiles,
    Displaced,
    Arrested,
    Abducted,
    /// People counted without saying what befell them ("two children").
    People,
    /// Any other counted noun, lower-cased ("vehicles", "positions").
    Other(String),
}

impl Unit {
    /// The unit as the record spells it (`"sorties"`, `"killed"`, or the noun).
    #[must_use]
    pub fn as_str(&self) -> &str {
        match self {
            Self::Killed => "killed",
            Self::Injured => "injured",
            Self::Sorties => "sorties",
            Self::Targets => "targets",
            Self::Strikes => "strikes",
            Self::Projectiles => "projectiles",
            Self::Displaced => "displaced",
            Self::Arrested => "arrested",
            Self::Abducted => "abducted",
            Self::People => "people",
            Self::Other(noun) => noun,
        }
    }

    /// Parse the record's spelling back.
    #[must_use]
    pub fn parse(s: &str) -> Self {
        match s {
            "killed" => Self::Killed,
            "injured" => Self::Injured,
            "sorties" => Self::Sorties,
            "targets" => Self::Targets,
            "strikes" => Self::Strikes,
            "projectiles" => Self::Projectiles,
            "displaced" => Self::Displaced,
            "arrested" => Self::Arrested,
            "abducted" => Self::Abducted,
            "people" => Self::People,
            other => Self::Other(other.to_owned()),
        }
    }
}

/// How exact a number is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exact,
    /// "at least", "more than", "over": `value` is a lower bound.
    AtLeast,
    /// "about", "some", "nearly", "dozens": an estimate.
    About,
    /// "up to", "at most".
    AtMost,
}

/// A counted quantity. `max` is set for ranges ("10 to 15": value 10, max 15).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Quantity {
    pub value: u32,
    pub max: Option<u32>,
    pub qualifier: Qualifier,
    pub unit: Unit,
}

impl Quantity {
    #[must_use]
    pub fn exact(value: u32, unit: Unit) -> Self {
        Self { value, max: None, qualifier: Qualifier::Exact, unit }
    }
}
