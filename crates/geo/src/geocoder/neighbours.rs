//! Rule: namesakes near the document's other names.
//!
//! What it does: a candidate gains points for every *other* name of the
//! document that has some candidate (any of its senses, not only the one
//! that wins) within [`REACH_KM`] of it, more the nearer it is.
//!
//! Why: local news names places that lie together. "Brandon", "Albany" and
//! "Douglas County" each have namesakes in many states, but only in a few
//! of them do all three lie within a short drive of each other; a reader
//! takes the sense that makes the story hang together. The closeness rule
//! ([`super::rules::proximity`]) measures distance to the first pass's
//! *winners*, so when the big namesakes win the first pass (Albany, New
//! York) it only confirms them; this rule looks at every sense of every
//! other name before anything is chosen, so it can pull a whole story to
//! where its names meet. Two senses of unrelated names rarely fall within
//! a few tens of kilometres by chance, so the evidence is strong.
//!
//! Example: "Rollover near Brandon injures Albany driver ... the Douglas
//! County Sheriff's Office": the Minnesota senses of the three names are
//! within 80 km of each other and win together.
//!
//! Senses of unattested places (a hamlet only Who's On First lists) give
//! no support, though they may receive it, unless their country is one the
//! document is about: a bulk gazetteer holds some hamlet of most names near
//! any point, so only the document's own country makes them evidence.
//!
//! Names that share a sense ("Dublin" and "Dublin City") count as one: a
//! name said two ways is not two pieces of evidence. Weighting a name by
//! how many senses it has (chance coincidences grow with them) was tried
//! and did worse on LGL (Acc@161 of found 0.857 against 0.860).
//!
//! Cost: the senses are sorted by one-degree cell once per document; a
//! candidate looks only at the nine cells around it (three binary
//! searches), and the support is kept on the candidate, with no hashing.

use sitrep_model::{Iso2, PlaceCandidate, PlaceKind};

use super::rules::{Points, Reason};
use super::{Mention, Point};

/// The share of the document's country votes that makes an unattested
/// sense evidence (as for loose spellings and unattested villages).
pub const FOCUS_SHARE: f64 = 0.2;
/// Senses further apart than this (km) say nothing about each other.
pub const REACH_KM: f64 = 60.0;
/// The distance (km) over which one name's support fades by a factor e.
const FADE_KM: f64 = 30.0;
/// Points per unit of support, and the most the rule gives.
const POINTS_PER_NAME: f64 = 1.0;
pub const MAX_NEIGHBOURS: f64 = 2.0;

/// One-degree cell of a point, by latitude and longitude.
type Cell = (i32, i32);

/// A sense of a name: its cell, the name's group and where it is.
#[derive(Debug, Clone, Copy)]
struct Sense {
    cell: Cell,
    group: u32,
    at: Point,
}

/// Kinds whose point stands for where the place is (a town, a county, a
/// hill), not the middle of a large area.
fn is_point_like(kind: PlaceKind) -> bool {
    matches!(
        kind,
        PlaceKind::PopulatedPlace
            | PlaceKind::Neighbourhood
            | PlaceKind::Admin2
            | PlaceKind::Facility
            | PlaceKind::Landform
    )
}

fn cell_of(at: &Point) -> Cell {
    (at.lat.to_degrees().floor() as i32, at.lon.to_degrees().floor() as i32)
}

/// Sets every candidate's support from the other names ([`near_other_names`]
/// turns it into points). Loose matches neither give nor take it.
pub(super) fn fill(ms: &mut [Mention<'_>], in_focus: impl Fn(Iso2) -> bool) {
    let groups = Groups::of(ms);
    let senses = senses(ms, &groups, &in_focus);
    let mut best: Vec<(u32, f64)> = Vec::new();
    for i in 0..ms.len() {
        if ms[i].loose {
            continue;
        }
        if let Some(j) = (0..i).find(|&j| same_candidates(&ms[j], &ms[i])) {
            let done: Vec<f64> = ms[j].candidates.iter().map(|c| c.near_names).collect();
            ms[i].candidates.iter_mut().zip(done).for_each(|(c, s)| c.near_names = s);
            continue;
        }
        let group = groups.of_name(ms[i].name);
        for c in ms[i].candidates.iter_mut().filter(|c| is_point_like(c.entry.kind)) {
            c.near_names = support_of(&senses, group, &c.at, &mut best);
        }
    }
}

/// True when two mentions are of one name with the same candidates.
fn same_candidates(a: &Mention<'_>, b: &Mention<'_>) -> bool {
    !a.loose
        && a.name == b.name
        && a.candidates.len() == b.candidates.len()
        && a.candidates.iter().zip(&b.candidates).all(|(x, y)| x.id == y.id)
}

/// The point-like senses of every name (once per name), sorted by cell.
fn senses(ms: &[Mention<'_>], groups: &Groups, in_focus: &dyn Fn(Iso2) -> bool) -> Vec<Sense> {
    let mut out = Vec::new();
    let mut seen: Vec<u32> = Vec::new();
    for m in ms.iter().filter(|m| !m.loose) {
        if seen.contains(&m.name) {
            continue;
        }
        seen.push(m.name);
        let group = groups.of_name(m.name);
        // A sense only a bulk gazetteer lists gives support only in the
        // document's country: with every hamlet indexed, some hamlet of a
        // name lies near anything.
        let gives = |c: &&super::Candidate| !c.entry.unattested || c.entry.country.is_some_and(in_focus);
        let point_like = m.candidates.iter().filter(|c| is_point_like(c.entry.kind)).filter(gives);
        out.extend(point_like.map(|c| Sense { cell: cell_of(&c.at), group, at: c.at }));
    }
    out.sort_unstable_by_key(|s| s.cell);
    out
}

/// The sum, over the other groups with a sense within reach of `at`, of
/// the nearest such sense's weight (`best` is scratch space).
fn support_of(senses: &[Sense], group: u32, at: &Point, best: &mut Vec<(u32, f64)>) -> f64 {
    best.clear();
    let (la, lo) = cell_of(at);
    for row in la - 1..=la + 1 {
        let from = senses.partition_point(|s| s.cell < (row, lo - 1));
        let to = senses.partition_point(|s| s.cell <= (row, lo + 1));
        for s in senses[from..to.max(from)].iter().filter(|s| s.group != group) {
            let km = at.km(&s.at);
            if km > REACH_KM {
                continue;
            }
            let w = (-km / FADE_KM).exp();
            match best.iter_mut().find(|(g, _)| *g == s.group) {
                Some((_, b)) => *b = b.max(w),
                None => best.push((s.group, w)),
            }
        }
    }
    best.iter().map(|(_, w)| w).sum()
}

/// Names that share a sense are one name said two ways ("Dublin" and
/// "Dublin City"), not two pieces of evidence: each name maps to the
/// smallest name of its group. (Name numbers are mention indices.)
#[derive(Debug)]
struct Groups {
    parent: Vec<u32>,
}

impl Groups {
    fn of(ms: &[Mention<'_>]) -> Self {
        let mut g = Groups { parent: (0..ms.len()).map(|i| u32::try_from(i).unwrap_or(u32::MAX)).collect() };
        let mut ids: Vec<(PlaceCandidate, u32)> = Vec::new();
        for m in ms.iter().filter(|m| !m.loose) {
            ids.extend(m.candidates.iter().map(|c| (c.id, m.name)));
        }
        ids.sort_unstable();
        for w in ids.windows(2).filter(|w| w[0].0 == w[1].0) {
            g.join(w[0].1, w[1].1);
        }
        g
    }

    fn of_name(&self, mut name: u32) -> u32 {
        while let Some(&p) = self.parent.get(name as usize).filter(|p| **p != name) {
            name = p;
        }
        name
    }

    fn join(&mut self, a: u32, b: u32) {
        let (ra, rb) = (self.of_name(a), self.of_name(b));
        if let Some(slot) = self.parent.get_mut(ra.max(rb) as usize) {
            *slot = ra.min(rb);
        }
    }
}

/// The rule's points for a candidate with `support` (see the module doc).
pub fn near_other_names(support: f64) -> Option<Points> {
    let p = (POINTS_PER_NAME * support).min(MAX_NEIGHBOURS);
    (p >= 0.05).then_some((p, Reason::NearOtherNames { support, points: p }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn support_is_capped_and_fades() {
        assert_eq!(near_other_names(0.0), None);
        assert!(near_other_names(0.5).is_some_and(|p| (p.0 - 0.5).abs() < 1e-9));
        assert!(near_other_names(7.0).is_some_and(|p| (p.0 - MAX_NEIGHBOURS).abs() < 1e-9));
        assert!((-REACH_KM / FADE_KM).exp() < (-1.0 / FADE_KM).exp());
    }
}
