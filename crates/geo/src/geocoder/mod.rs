//! The geocoder: one gazetteer entry per place mention, chosen the way a
//! careful reader would, from the document's context.
//!
//! Every candidate of a mention is scored by the rules of [`rules`] (kind and
//! population priors, cue fit, the document's country focus, a containing
//! qualifier, closeness to the document's other places, loose-spelling
//! penalty) and the best one wins. Resolution runs twice: the first pass
//! resolves every mention without the closeness rule, the second uses the
//! first pass's winners as the document's other places. The winner's reasons
//! are kept as `why`, for `sitrep places --explain`.

pub mod rules;

use std::collections::HashMap;

use sitrep_model::{Doc, Iso2, Place, PlaceCandidate, PlaceKind, PlaceMention, Span};

use crate::gazetteer::{Entry, Gazetteer};
use crate::normalise;

/// The most candidates of one mention that are scored.
const MAX_CANDIDATES: usize = 400;
/// A winner must score at least this much to count as resolved.
const MIN_SCORE: f64 = 0.5;

/// Words between a name and its qualifier that say "lies in".
const INSIDE_WORDS: &[&str] = &[
    "of", "in", "area", "district", "village", "town", "city", "province", "county", "parish", "governorate",
    "region", "countryside", "suburb", "outskirts",
];

/// A resolved mention: the place, the candidate it came from, and why it won.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    pub place: Place,
    pub candidate: PlaceCandidate,
    pub why: Vec<String>,
}

/// Resolves place mentions against a gazetteer.
#[derive(Debug)]
pub struct Geocoder<'g> {
    gazetteer: &'g Gazetteer,
}

/// What the geocoder knows about one mention.
#[derive(Debug)]
struct Mention<'m> {
    mention: &'m PlaceMention,
    folded: String,
    candidates: Vec<(PlaceCandidate, Entry)>,
    loose: bool,
    /// Index of the mention that qualifies this one.
    qualifier: Option<usize>,
    /// True when this mention qualifies another one.
    is_qualifier: bool,
    /// True when the text says this place lies in its qualifier ("of", "in",
    /// or a kind word before the comma), not just a comma between names.
    strict_qualifier: bool,
}

/// The document's countries: how much of it each one is about.
#[derive(Debug, Default)]
struct Focus {
    votes: HashMap<Iso2, f64>,
    total: f64,
}

impl Focus {
    /// Each mention votes for a country: a country's own name twice, a name
    /// whose candidates all lie in one country once; loose matches not at all.
    fn of(mentions: &[Mention<'_>]) -> Focus {
        let mut f = Focus::default();
        for m in mentions.iter().filter(|m| !m.loose) {
            let country_name = m.candidates.iter().find(|(_, e)| e.kind == PlaceKind::Country);
            let vote = match country_name {
                Some((_, e)) => e.country.map(|c| (c, 2.0)),
                None => single_country(&m.candidates).map(|c| (c, 1.0)),
            };
            if let Some((c, w)) = vote {
                *f.votes.entry(c).or_default() += w;
                f.total += w;
            }
        }
        f
    }

    /// The share of the country the document is most about.
    fn top_share(&self) -> f64 {
        self.votes.values().fold(0.0, |a: f64, v| a.max(*v)) / self.total.max(1.0)
    }

    fn share(&self, c: Iso2) -> f64 {
        if self.total > 0.0 {
            self.votes.get(&c).copied().unwrap_or(0.0) / self.total
        } else {
            0.0
        }
    }
}

/// True when the text between a name and its qualifier says "lies in".
fn strict_gap(gap: &str) -> bool {
    normalise::tokens(gap).iter().any(|t| INSIDE_WORDS.contains(&t.folded.as_str()))
}

/// The country of all candidates, when they agree on one.
fn single_country(cands: &[(PlaceCandidate, Entry)]) -> Option<Iso2> {
    let first = cands.first()?.1.country?;
    cands.iter().all(|(_, e)| e.country == Some(first)).then_some(first)
}

/// A scored candidate: its position in the mention's list, score, reasons.
#[derive(Debug, Clone)]
struct Scored {
    at: usize,
    score: f64,
    why: Vec<String>,
}

impl<'g> Geocoder<'g> {
    #[must_use]
    pub fn new(gazetteer: &'g Gazetteer) -> Self {
        Geocoder { gazetteer }
    }

    /// One entry per mention, in order; `None` when unresolved.
    #[must_use]
    pub fn resolve(&self, doc: &Doc, mentions: &[PlaceMention]) -> Vec<Option<Resolved>> {
        let infos = self.mentions(doc, mentions);
        let focus = Focus::of(&infos);
        let first = self.pass(&infos, &focus, None);
        let second = self.pass(&infos, &focus, Some(&first));
        second.into_iter().zip(&infos).map(|(s, m)| self.resolved(s?, m)).collect()
    }

    fn resolved(&self, s: Scored, m: &Mention<'_>) -> Option<Resolved> {
        let (candidate, _) = m.candidates.get(s.at)?;
        let place = self.gazetteer.place(*candidate)?;
        Some(Resolved { place, candidate: *candidate, why: s.why })
    }

    fn mentions<'m>(&self, doc: &Doc, mentions: &'m [PlaceMention]) -> Vec<Mention<'m>> {
        let mut out: Vec<Mention<'m>> = mentions.iter().map(|m| self.mention(doc, m)).collect();
        for i in 0..out.len() {
            let q = mentions[i].qualifier.and_then(|span| mentions.iter().position(|m| m.span == span));
            out[i].qualifier = q;
            out[i].strict_qualifier = q.is_some_and(|q| strict_gap(doc.slice(Span::new(mentions[i].span.end, mentions[q].span.start))));
            if let Some(q) = q {
                out[q].is_qualifier = true;
            }
        }
        out
    }

    fn mention<'m>(&self, doc: &Doc, m: &'m PlaceMention) -> Mention<'m> {
        let text = doc.slice(m.span);
        let folded = normalise::fold(text);
        let exact = self.gazetteer.lookup_exact(text);
        let candidates = m
            .candidates
            .iter()
            .take(MAX_CANDIDATES)
            .filter_map(|c| Some((*c, self.gazetteer.entry(*c)?)))
            .collect();
        let loose = !m.candidates.iter().any(|c| exact.contains(c));
        Mention { mention: m, folded, candidates, loose, qualifier: None, is_qualifier: false, strict_qualifier: false }
    }

    /// Score every mention; `anchors` are the winners of a previous pass.
    fn pass(&self, ms: &[Mention<'_>], focus: &Focus, anchors: Option<&[Option<Scored>]>) -> Vec<Option<Scored>> {
        (0..ms.len())
            .map(|i| {
                let scored = (0..ms[i].candidates.len()).map(|k| self.score(ms, i, k, focus, anchors));
                let best = scored.max_by(|a, b| a.score.total_cmp(&b.score).then(b.at.cmp(&a.at)))?;
                (best.score >= MIN_SCORE).then_some(best)
            })
            .collect()
    }

    /// The score of candidate `k` of mention `i`, with its reasons.
    fn score(&self, ms: &[Mention<'_>], i: usize, k: usize, focus: &Focus, anchors: Option<&[Option<Scored>]>) -> Scored {
        let m = &ms[i];
        let (cand, e) = m.candidates[k];
        let share = e.country.map_or(0.0, |c| focus.share(c));
        let is_primary = normalise::fold(self.gazetteer.name(cand)) == m.folded;
        let container = self.container(ms, m, &e, anchors);
        let points = [
            Some(rules::kind_prior(e.kind)),
            rules::population_prior(e.population),
            rules::cue_fit(e.kind, &m.mention.cues),
            rules::country_focus(e.country, |c| focus.share(c)),
            rules::loose_match(m.loose, share),
            rules::qualifier_fit(container),
            rules::qualifier_miss(m.strict_qualifier, container.is_some()),
            rules::out_of_focus(e.kind, share, focus.top_share()),
            rules::qualifier_role(m.is_qualifier, e.kind),
            rules::proximity(anchors.and_then(|a| self.nearest(ms, i, &e, a))),
            rules::primary_name(is_primary),
        ];
        let (score, why) = points.into_iter().flatten().fold((0.0, Vec::new()), |(s, mut w), (p, r)| {
            w.push(r);
            (s + p, w)
        });
        Scored { at: k, score, why }
    }

    /// The name of the qualifier's entry that contains `e`, if any: the
    /// qualifier's own winner when known, else any of its candidates.
    fn container(&self, ms: &[Mention<'_>], m: &Mention<'_>, e: &Entry, anchors: Option<&[Option<Scored>]>) -> Option<&'g str> {
        let q = &ms[m.qualifier?];
        let winner = anchors.and_then(|a| a.get(m.qualifier?)?.as_ref()).map(|s| s.at);
        let order = winner.into_iter().chain(0..q.candidates.len());
        order
            .filter_map(|k| q.candidates.get(k))
            .find(|(qc, qe)| rules::inside(e, qe, *qc))
            .map(|(qc, _)| self.gazetteer.name(*qc))
    }

    /// The nearest winner of another mention (not a country, not the same
    /// name), with its name.
    fn nearest(&self, ms: &[Mention<'_>], i: usize, e: &Entry, anchors: &[Option<Scored>]) -> Option<(f64, &'g str)> {
        let others = anchors.iter().enumerate().filter(|(j, _)| *j != i && ms[*j].folded != ms[i].folded && !ms[*j].loose);
        others
            .filter_map(|(j, s)| ms[j].candidates.get(s.as_ref()?.at))
            .filter(|(_, oe)| oe.kind != PlaceKind::Country)
            .map(|(oc, oe)| (e.distance_km(oe), self.gazetteer.name(*oc)))
            .min_by(|a, b| a.0.total_cmp(&b.0))
    }
}
