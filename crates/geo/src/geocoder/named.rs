//! The areas a document names, for the rules that make a document's
//! mentions agree with each other beyond the qualifier next to a name: a
//! place inside an area the document names elsewhere ("Springfield" in a
//! story that says "Missouri"), and an area that contains a place the
//! document names ("Walker County" in a story about Huntsville, Texas).
//!
//! Evidence comes from every candidate of the other mentions (not only the
//! winners), so that it holds before anything is chosen; mentions of the
//! same name and loose matches give none.

use sitrep_model::{PlaceCandidate, PlaceKind};

use super::Candidate;

/// Per area entry, the names (mention name numbers) that point at it.
type ByArea = sitrep_model::fnv::FnvHashMap<PlaceCandidate, Vec<u32>>;

/// The areas named by a document's mentions, and the areas its places lie in.
#[derive(Debug, Default)]
pub(super) struct NamedAreas {
    /// Admin-1 and admin-2 candidates of the mentions, with the names that have them.
    named: ByArea,
    /// Admin-1 and admin-2 areas the mentions' candidates lie in, with those names.
    holding: ByArea,
}

fn add(map: &mut ByArea, area: PlaceCandidate, name: u32) {
    let names = map.entry(area).or_default();
    if !names.contains(&name) {
        names.push(name);
    }
}

/// True when `names` has a name other than `name`.
fn other(names: Option<&Vec<u32>>, name: u32) -> bool {
    names.is_some_and(|n| n.iter().any(|x| *x != name))
}

impl NamedAreas {
    /// Collect the areas of every mention (`(name, loose, candidates)`).
    pub(super) fn of<'a>(mentions: impl Iterator<Item = (u32, bool, &'a [Candidate])>) -> Self {
        let mut n = NamedAreas::default();
        for (name, _, cands) in mentions.filter(|(_, loose, _)| !loose) {
            for c in cands {
                if matches!(c.entry.kind, PlaceKind::Admin1 | PlaceKind::Admin2) {
                    add(&mut n.named, c.id, name);
                }
                for area in [c.entry.admin1, c.entry.admin2].into_iter().flatten().filter(|a| *a != c.id) {
                    add(&mut n.holding, area, name);
                }
            }
        }
        n
    }

    /// The area candidate `c` of a mention named `name` lies in that another
    /// mention names, if any (admin-2 first: the tighter fit).
    pub(super) fn named_area_of(&self, c: &Candidate, name: u32) -> Option<PlaceCandidate> {
        [c.entry.admin2, c.entry.admin1]
            .into_iter()
            .flatten()
            .filter(|a| *a != c.id)
            .find(|a| other(self.named.get(a), name))
    }

    /// True when area candidate `c` of a mention named `name` holds a
    /// candidate of another mention.
    pub(super) fn holds_named(&self, c: &Candidate, name: u32) -> bool {
        matches!(c.entry.kind, PlaceKind::Admin1 | PlaceKind::Admin2) && other(self.holding.get(&c.id), name)
    }
}
