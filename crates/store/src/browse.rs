//! What the analyst front end (HTTP API, web page, daily report, exports)
//! asks the store for beyond an [`EventFilter`]: pages read by cursor, the
//! extra conditions of the page's filter box (text, admin-1 area, one
//! document), counts by day, type or area, and the actors and documents
//! lists. The types are backend-neutral; each backend answers them in its
//! own query language.

use chrono::NaiveDate;
use sitrep_model::record::EventRecord;

use crate::error::FilterError;
use crate::filter::{EventFilter, Resolved};

/// An [`EventFilter`] and the conditions the front end adds. All conditions
/// must hold. Pages come in the order of [`crate::EventStore::events`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventQuery {
    /// The filter. `limit` is the page size (`None`: all events), `offset`
    /// is applied after `after`.
    pub filter: EventFilter,
    /// A substring of the evidence sentence or of the place name. Case is
    /// ignored for ASCII letters only (other letters must match exactly),
    /// the same rule as SQL's `lower`.
    pub text: Option<String>,
    /// The location's admin-1 area (province, governorate, state), whole,
    /// ignoring ASCII case: "deir ez-zor" matches "Deir ez-Zor".
    pub admin1: Option<String>,
    /// Only the events read from this document.
    pub doc_id: Option<String>,
    /// Only events after this one, named by its `event_id`, in answer order:
    /// the cursor [`EventPage::next`] gives for the next page.
    pub after: Option<String>,
}

/// One page of events.
#[derive(Debug, Clone, PartialEq)]
pub struct EventPage {
    pub events: Vec<EventRecord>,
    /// The cursor of the next page (the last event's id), `None` when this
    /// page is the last.
    pub next: Option<String>,
}

/// What [`crate::EventStore::counts`] groups events by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CountBy {
    /// The event date, `YYYY-MM-DD`; undated events have no key.
    Day,
    /// The ACLED event type ("Battles").
    EventType,
    /// The ACLED sub-event type ("Air/drone strike").
    SubEventType,
    /// The modality ("asserted", "speculative", ...).
    Modality,
    /// The location's country (ISO alpha-2); events without one have no key.
    Country,
    /// The location's admin-1 area, with its country in [`Count::country`].
    Admin1,
}

impl CountBy {
    /// Every grouping, for interfaces that list them.
    pub const ALL: [Self; 6] =
        [Self::Day, Self::EventType, Self::SubEventType, Self::Modality, Self::Country, Self::Admin1];

    /// The name interfaces use (`day`, `event_type`, ...).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Day => "day",
            Self::EventType => "event_type",
            Self::SubEventType => "sub_event_type",
            Self::Modality => "modality",
            Self::Country => "country",
            Self::Admin1 => "admin1",
        }
    }

    /// The grouping a name stands for.
    ///
    /// # Errors
    /// [`FilterError::UnknownGrouping`] naming the value.
    pub fn parse(name: &str) -> Result<Self, FilterError> {
        Self::ALL
            .into_iter()
            .find(|c| c.as_str().eq_ignore_ascii_case(name.trim()))
            .ok_or_else(|| FilterError::UnknownGrouping(name.to_owned()))
    }
}

/// What [`crate::EventStore::counts`] adds up. Events alone are counted
/// from indexes; fatalities make the store read every event's row (about
/// ten times slower over a million events).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Measure {
    Events,
    EventsAndFatalities,
}

/// How many events share one key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Count {
    /// The key (a day, a type, an area); `None` for events without one.
    pub key: Option<String>,
    /// The country (ISO alpha-2) of an admin-1 key; `None` for other groupings.
    pub country: Option<String>,
    pub events: u64,
    /// The sum of the events' fatalities (unknown counts as 0), when the
    /// [`Measure`] asks for it.
    pub fatalities: Option<u64>,
}

/// An actor and how many events name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorSummary {
    pub name: String,
    pub code: String,
    /// ISO 3166 alpha-3, when the actor belongs to a country.
    pub country: Option<String>,
    /// Events naming it as actor1 or actor2.
    pub mentions: u64,
}

/// Which actors to list: the most mentioned first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActorListQuery {
    /// A case-insensitive substring of the name, or a whole code, as in
    /// [`EventFilter::actor`]. `None`: every actor.
    pub contains: Option<String>,
    /// At most this many. `None`: all.
    pub limit: Option<usize>,
}

/// A stored document without its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentSummary {
    pub doc_id: String,
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// How many events were read from it.
    pub events: u64,
}

/// Which documents to list, in `doc_id` order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocumentQuery {
    /// Only these documents. `None`: every document.
    pub ids: Option<Vec<String>>,
    /// Only documents whose id sorts after this one (the cursor of the next page).
    pub after: Option<String>,
    /// At most this many. `None`: all.
    pub limit: Option<usize>,
}

impl EventQuery {
    /// A query of just `filter`.
    #[must_use]
    pub fn of(filter: EventFilter) -> Self {
        Self { filter, ..Self::default() }
    }

    /// Check every value without querying anything.
    ///
    /// # Errors
    /// The first value that is wrong, named.
    pub fn validate(&self) -> Result<(), FilterError> {
        self.resolve().map(|_| ())
    }

    pub(crate) fn resolve(&self) -> Result<Resolved, FilterError> {
        let mut r = self.filter.resolve()?;
        r.text = self.text.as_deref().map(str::trim).filter(|t| !t.is_empty()).map(str::to_ascii_lowercase);
        r.admin1 = self.admin1.as_deref().map(|a| a.trim().to_owned());
        r.doc_id.clone_from(&self.doc_id);
        r.after.clone_from(&self.after);
        Ok(r)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn groupings_parse_by_name() {
        for c in CountBy::ALL {
            assert_eq!(CountBy::parse(c.as_str()).unwrap(), c);
        }
        assert_eq!(CountBy::parse(" DAY ").unwrap(), CountBy::Day);
        assert_eq!(CountBy::parse("week"), Err(FilterError::UnknownGrouping("week".into())));
    }

    #[test]
    fn blank_text_is_no_condition_and_text_folds_ascii() {
        let q = |t: &str| EventQuery { text: Some(t.into()), ..EventQuery::default() }.resolve().unwrap().text;
        assert_eq!(q("  "), None);
        assert_eq!(q(" Deir EZ "), Some("deir ez".into()));
        assert_eq!(q("ÉTAT"), Some("État".to_ascii_lowercase()));
    }
}
