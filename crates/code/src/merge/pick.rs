//! The canonical event's fields, chosen from its reports by rules that do not
//! depend on their order: the most frequent value, ties broken by a fixed
//! order; the most precise place; the most conservative (lowest) death toll,
//! as event datasets do when sources disagree; and the strongest modality
//! (asserted by one report is asserted).

use std::cmp::Ordering;
use std::collections::BTreeMap;

use sitrep_model::{Actor, Event, EventId, Modality};

use super::Report;

/// The order of reports inside a group: factual before not, the most precise
/// place first, then [`total`].
#[must_use]
pub fn order(a: &Report, b: &Report) -> Ordering {
    let key =
        |r: &Report| (!r.event.modality.is_factual(), r.event.location.as_ref().map_or(9, |l| u8::from(l.precision)));
    key(a).cmp(&key(b)).then_with(|| total(a, b))
}

/// A total order on reports: by event id and document, then (only for the
/// anomaly of two different events under one id) by their whole content.
#[must_use]
pub fn total(a: &Report, b: &Report) -> Ordering {
    (a.event.id.as_str(), a.event.doc_id.as_str())
        .cmp(&(b.event.id.as_str(), b.event.doc_id.as_str()))
        .then_with(|| format!("{a:?}").cmp(&format!("{b:?}")))
}

/// The most frequent of the values (ties: the smallest key).
fn mode<K: Ord + Clone, V: Clone>(items: impl Iterator<Item = (K, V)>) -> Option<V> {
    let mut count: BTreeMap<K, (usize, V)> = BTreeMap::new();
    for (k, v) in items {
        count.entry(k).or_insert((0, v)).0 += 1;
    }
    let best = count.values().map(|(n, _)| *n).max()?;
    count.into_values().find(|(n, _)| *n == best).map(|(_, v)| v)
}

fn actor_mode<'a>(group: &'a [Report], get: impl Fn(&'a Event) -> Option<&'a Actor>) -> Option<Actor> {
    mode(group.iter().filter_map(|r| get(&r.event)).map(|a| (a.code.as_str().to_owned(), a.clone())))
}

/// The representative event of a group sorted by [`order`].
#[must_use]
pub fn representative(group: &[Report]) -> Event {
    let first = &group[0].event;
    let ids: Vec<&EventId> = group.iter().map(|r| &r.event.id).collect();
    let modality = strongest(group);
    let attributions: Vec<String> = group
        .iter()
        .filter_map(|r| r.event.attribution.clone())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    Event {
        id: EventId::of_members(&ids),
        sub_event_type: mode(group.iter().map(|r| (r.event.sub_event_type, r.event.sub_event_type)))
            .unwrap_or(first.sub_event_type),
        date: mode(group.iter().filter_map(|r| r.event.date).map(|d| (d, d))),
        actor1: actor_mode(group, |e| e.actor1.as_ref()),
        actor2: actor_mode(group, |e| e.actor2.as_ref()),
        fatalities: group.iter().filter(|r| r.event.modality.is_factual()).filter_map(|r| r.event.fatalities).min(),
        attribution: (modality == Modality::Attributed && !attributions.is_empty()).then(|| attributions.join("; ")),
        modality,
        ..first.clone()
    }
}

/// Asserted if any report asserts it, else attributed, else the most
/// frequent modality.
fn strongest(group: &[Report]) -> Modality {
    let has = |m: Modality| group.iter().any(|r| r.event.modality == m);
    if has(Modality::Asserted) {
        Modality::Asserted
    } else if has(Modality::Attributed) {
        Modality::Attributed
    } else {
        mode(group.iter().map(|r| (r.event.modality, r.event.modality))).unwrap_or(Modality::Speculative)
    }
}
