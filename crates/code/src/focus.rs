//! The document's country focus: the country most of its resolved places lie
//! in. It completes actors named without a country ("rebels", "regime
//! forces", "civilians" in a report about Syria).

use std::collections::HashMap;

use sitrep_model::{Iso2, Place, PlaceKind};

/// The country of most resolved places (a country named as such counts
/// double); ties go to the country named first.
#[must_use]
pub fn country(places: &[Option<Place>]) -> Option<Iso2> {
    let mut votes: HashMap<Iso2, (usize, usize)> = HashMap::new();
    for (i, p) in places.iter().flatten().enumerate() {
        if let Some(c) = p.country {
            let weight = if p.kind == PlaceKind::Country { 2 } else { 1 };
            let e = votes.entry(c).or_insert((0, i));
            e.0 += weight;
        }
    }
    votes.into_iter().max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1))).map(|(c, _)| c)
}

/// The country the document's actors most often belong to ("Nigerian
/// troops", "Somali police"): the focus when no place resolves.
#[must_use]
pub fn actor_country(actors: &[sitrep_model::ActorMention]) -> Option<sitrep_model::Iso3> {
    use sitrep_model::ActorRole;
    let mut votes: HashMap<sitrep_model::Iso3, (usize, usize)> = HashMap::new();
    let national = |r: ActorRole| {
        matches!(
            r,
            ActorRole::Military | ActorRole::Police | ActorRole::Government | ActorRole::State | ActorRole::Civilian
        )
    };
    for (i, a) in actors.iter().enumerate().filter(|(_, a)| national(a.actor.role)) {
        if let Some(c) = a.actor.country {
            votes.entry(c).or_insert((0, i)).0 += 1;
        }
    }
    votes.into_iter().max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1))).map(|(c, _)| c)
}
