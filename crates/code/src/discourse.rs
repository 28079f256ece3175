//! What a report carries from one sentence to the next: the date it is
//! talking about, and the last event (its acting party, type and place, and
//! which records it became), so that "Also, … were targeted" after "The
//! Russian Air Force destroyed …" is an air strike by the Russian Air Force,
//! and "six militants were also killed" adds to the last event's toll.

use std::ops::Range;

use sitrep_model::{Actor, EventDate, Location, SubEventType};

/// The last factual event coded, as later sentences may continue it.
#[derive(Debug, Clone, PartialEq)]
pub struct Last {
    pub actor1: Option<Actor>,
    pub actor2: Option<Actor>,
    pub sub_event_type: SubEventType,
    pub aerial: bool,
    /// The event was told as fighting ("clashed"), not only as an attack.
    pub fought: bool,
    pub locations: Vec<Location>,
    pub paragraph: usize,
    pub sentence: usize,
    /// The records it became, as indices into the document's events.
    pub events: Range<usize>,
}

/// The running state of a report.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Discourse {
    /// The date the report last named.
    pub date: Option<EventDate>,
    pub last: Option<Last>,
}

impl Discourse {
    /// The last event when the sentence at (`paragraph`, `sentence`) can
    /// continue it: same or next paragraph, at most three sentences on.
    #[must_use]
    pub fn continuable(&self, paragraph: usize, sentence: usize) -> Option<&Last> {
        self.last.as_ref().filter(|l| paragraph <= l.paragraph + 1 && sentence <= l.sentence + 3)
    }
}
