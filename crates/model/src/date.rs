//! Event dates with their precision.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How precisely a date is known. A `week` date is the week's first day the
/// text allows, a `month` date the first of the month, a `year` date 1 January.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    Day,
    Week,
    Month,
    Year,
}

impl DatePrecision {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Day => "day",
            Self::Week => "week",
            Self::Month => "month",
            Self::Year => "year",
        }
    }
}

/// The day an event happened, and how precisely the text gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct EventDate {
    pub day: NaiveDate,
    pub precision: DatePrecision,
}

impl EventDate {
    #[must_use]
    pub fn day(day: NaiveDate) -> Self {
        Self { day, precision: DatePrecision::Day }
    }

    /// Whole days between two dates (always non-negative).
    #[must_use]
    pub fn days_apart(self, other: EventDate) -> i64 {
        (self.day - other.day).num_days().abs()
    }
}
