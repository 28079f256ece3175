//! When two reported events are the same event.

use sitrep_model::place::distance_km;
use sitrep_model::{Actor, ActorRole, DatePrecision, Event, EventDate, Location, PlaceKind, Precision};

/// Greatest distance, in kilometres, between two reports of one event.
pub const MAX_KM: f64 = 10.0;

/// True when `a` and `b` report the same event (see the module doc of
/// `merge`).
#[must_use]
pub fn same_event(a: &Event, b: &Event) -> bool {
    a.doc_id != b.doc_id && alike(a, b)
}

/// [`same_event`] but for the documents: what two reports say agrees
/// (type, day, place, actors), wherever they were read.
#[must_use]
pub fn alike(a: &Event, b: &Event) -> bool {
    a.sub_event_type.event_type() == b.sub_event_type.event_type()
        && same_day(a.date, b.date)
        && same_place(a.location.as_ref(), b.location.as_ref())
        && actors_agree(a, b)
}

/// The same day, or within the span of a coarser date.
fn same_day(a: Option<EventDate>, b: Option<EventDate>) -> bool {
    let (Some(a), Some(b)) = (a, b) else { return false };
    let span = |d: EventDate| match d.precision {
        DatePrecision::Day => 0,
        DatePrecision::Week => 7,
        DatePrecision::Month => 31,
        DatePrecision::Year => 366,
    };
    a.days_apart(b) <= span(a).max(span(b))
}

/// Within 10 km, or the same region when one is only known to the region.
fn same_place(a: Option<&Location>, b: Option<&Location>) -> bool {
    let (Some(a), Some(b)) = (a, b) else { return false };
    if distance_km(a.place.point(), b.place.point()) <= MAX_KM {
        return true;
    }
    let coarse = a.precision == Precision::Region || b.precision == Precision::Region;
    coarse && a.place.country == b.place.country && region(a).is_some() && region(a) == region(b)
}

/// The admin-1 region a location lies in (its own name for a province).
pub(super) fn region(l: &Location) -> Option<&str> {
    match l.place.kind {
        PlaceKind::Admin1 => Some(l.place.name.as_str()),
        _ => l.place.admin1.as_deref(),
    }
}

/// Actors do not contradict: each named party of one report is a party of
/// the other, in either role, or unnamed there.
fn actors_agree(a: &Event, b: &Event) -> bool {
    let parties_b = [b.actor1.as_ref(), b.actor2.as_ref()];
    let parties_a = [a.actor1.as_ref(), a.actor2.as_ref()];
    let fits = |x: Option<&Actor>, others: &[Option<&Actor>; 2]| {
        x.is_none_or(|x| others.iter().all(Option::is_none) || others.iter().flatten().any(|y| same_party(x, y)))
    };
    fits(a.actor1.as_ref(), &parties_b) && fits(b.actor1.as_ref(), &parties_a)
}

/// One party: the same code, or the same state's forces named differently
/// ("Military Forces of Syria" and "Government of Syria").
fn same_party(x: &Actor, y: &Actor) -> bool {
    let state = |a: &Actor| {
        matches!(a.role, ActorRole::Military | ActorRole::Police | ActorRole::Government | ActorRole::State)
    };
    x.code == y.code || (state(x) && state(y) && x.country.is_some() && x.country == y.country)
}
