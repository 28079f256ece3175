//! The geocoder: one gazetteer entry per place mention, chosen the way a
//! careful reader would, from the document's context.
//!
//! Every candidate of a mention is scored by the rules of [`rules`] (kind,
//! population, prominence and capital priors, cue fit, the document's country
//! focus (its places' countries, and its actors' when the caller gives them:
//! [`Geocoder::resolve_with`]), a town named only by another of its names
//! while a namesake bears it as its own, a containing qualifier, areas the
//! document names elsewhere, senses that lie near some sense of the
//! document's other names ([`neighbours`]), the state or province the document
//! is about, closeness to the document's other places, loose-spelling
//! penalty) and the best one wins. Resolution runs twice: the first pass
//! resolves every mention without the rules that need winners (area focus,
//! closeness), the second uses the first pass's winners as the document's
//! other places. The winner's reasons are kept as `why`, for `sitrep places
//! --explain`.
//!
//! Cost. All rules but closeness look only at the candidate, its mention and
//! the document's country votes, so they are summed once per candidate
//! ([`Candidate::before_proximity`]) and serve both passes. Closeness is a
//! distance to every other mention's winner; the second pass visits
//! candidates from the best score down and stops as soon as the best possible
//! closeness bonus ([`rules::MAX_PROXIMITY`]) cannot lift the next one over
//! the leader, so most candidates never measure a distance. Scores are plain
//! numbers; reasons are built only for winners, and are words only when shown.

mod named;
mod neighbours;
mod own_name;
pub mod rules;

use std::collections::HashMap;

use sitrep_model::fnv::FnvHashMap;

use sitrep_model::{Doc, Iso2, Place, PlaceCandidate, PlaceKind, PlaceMention, Span};

pub use rules::Reason;

use crate::gazetteer::{Entry, Gazetteer};
use crate::normalise::Words;
use own_name::{is_area, Named, OwnNames};

/// The most candidates of one mention that are scored.
const MAX_CANDIDATES: usize = 400;
/// A winner must score at least this much to count as resolved.
const MIN_SCORE: f64 = 0.5;
/// What an actor's country weighs in the document's country focus (a place
/// whose candidates all lie in one country weighs one).
const ACTOR_VOTE: f64 = 1.0;
/// How many links of a qualifier chain ("X, Y district, Z province") the
/// containing-qualifier rules follow.
const CHAIN: usize = 3;
/// Slack for the rounding of sums when comparing a bound with a score.
const BOUND_SLACK: f64 = 1e-9;

/// Words between a name and its qualifier that say "lies in".
const INSIDE_WORDS: &[&str] = &[
    "of",
    "in",
    "area",
    "district",
    "village",
    "town",
    "city",
    "province",
    "county",
    "parish",
    "governorate",
    "region",
    "countryside",
    "suburb",
    "outskirts",
];

/// A resolved mention: the place, the candidate it came from, and why it won
/// (each [`Reason`] displays as one phrase).
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    pub place: Place,
    pub candidate: PlaceCandidate,
    pub why: Vec<Reason>,
}

/// Resolves place mentions against a gazetteer.
#[derive(Debug)]
pub struct Geocoder<'g> {
    gazetteer: &'g Gazetteer,
}

/// A point prepared for great-circle distances: radians and the latitude's
/// cosine, computed once per entry instead of once per pair.
#[derive(Debug, Clone, Copy)]
struct Point {
    lat: f64,
    lon: f64,
    cos_lat: f64,
}

impl Point {
    fn of(e: &Entry) -> Point {
        let lat = e.lat.to_radians();
        Point { lat, lon: e.lon.to_radians(), cos_lat: lat.cos() }
    }

    /// Kilometres to `other`: the same haversine, in the same order of
    /// operations, as [`Entry::distance_km`], so the same number.
    fn km(&self, other: &Point) -> f64 {
        let h = ((other.lat - self.lat) / 2.0).sin().powi(2)
            + self.cos_lat * other.cos_lat * ((other.lon - self.lon) / 2.0).sin().powi(2);
        2.0 * 6371.0088 * h.sqrt().min(1.0).asin()
    }
}

/// One candidate of a mention, with what scoring it needs.
#[derive(Debug, Clone)]
struct Candidate {
    id: PlaceCandidate,
    entry: Entry,
    at: Point,
    /// True when the entry's own name folds to the mention's text.
    primary: bool,
    /// True when the mention names the entry by its own name, or (for an
    /// admin area or region) by its own name without the kind word: not by
    /// an alias ("Addis Ababa" is an alias of the Oromia region).
    own_name: bool,
    /// The sum of the rules before closeness, in rule order (see [`Geocoder::points`]).
    before_proximity: f64,
    /// Support from senses of the document's other names near this one
    /// ([`neighbours::fill`]).
    near_names: f64,
}

impl Candidate {
    /// The score with the second pass's rules (area focus, closeness) worth
    /// `later` points (if any), summed in rule order.
    fn score(&self, later: Option<f64>) -> f64 {
        let mut s = self.before_proximity;
        if let Some(p) = later {
            s += p;
        }
        if let Some((p, _)) = rules::primary_name(self.primary) {
            s += p;
        }
        s
    }
}

/// What the geocoder knows about one mention.
#[derive(Debug)]
struct Mention<'m> {
    mention: &'m PlaceMention,
    /// Equal for mentions whose texts fold alike.
    name: u32,
    candidates: Vec<Candidate>,
    /// The largest population (0 when unknown) of the candidates that bear
    /// the mention's text as their own name, if any do.
    owner: Option<u64>,
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
    /// Votes per country, in order of first vote (a document names few),
    /// and whether a place (not only an actor) voted for it.
    votes: Vec<(Iso2, f64, bool)>,
    total: f64,
    /// The share of the country the document is most about, among those
    /// its places name: an actor alone ("Russian jets") says whose forces
    /// act, not that the document is about their country.
    top_share: f64,
    /// The countries the document names by their own name ("Russia").
    named_countries: Vec<Iso2>,
    /// The admin areas the document names and those its places lie in.
    named: named::NamedAreas,
    /// The votes each name cast (name, country, weight).
    by_name: Vec<(u32, Iso2, f64)>,
}

impl Focus {
    /// Each mention votes for a country ([`vote`]): a country's own name
    /// twice, a name whose candidates all lie in one country once; loose
    /// matches not at all. Each of `actors` (the countries of the document's
    /// actors: "Syrian opposition", "Russian jets", "Afghan forces") once.
    ///
    /// A name that only unattested villages ([`rules::unattested_village`])
    /// bear only corroborates: it votes for a country something else already
    /// voted for, never first, so that a capitalised word that happens to be
    /// a hamlet's name does not make a story about that hamlet's country.
    fn of(mentions: &[Mention<'_>], actors: &[Iso2]) -> Focus {
        let mut f = Focus::default();
        // A name says its country once, however often it is repeated.
        let mut seen = Vec::new();
        let votes: Vec<(u32, Vote)> = mentions
            .iter()
            .filter(|m| !m.loose)
            .filter(|m| {
                let first = !seen.contains(&m.name);
                seen.push(m.name);
                first
            })
            .filter_map(|m| Some((m.name, vote(&m.candidates)?)))
            .collect();
        for (name, v) in votes.iter().filter(|(_, v)| v.first) {
            f.vote(v.country, v.weight, true);
            f.by_name.push((*name, v.country, v.weight));
        }
        for c in actors {
            f.vote(*c, ACTOR_VOTE, false);
        }
        let known: Vec<Iso2> = f.votes.iter().map(|(c, _, _)| *c).collect();
        for (name, v) in votes.iter().filter(|(_, v)| !v.first && known.contains(&v.country)) {
            f.vote(v.country, v.weight, true);
            f.by_name.push((*name, v.country, v.weight));
        }
        let top = f.votes.iter().filter(|(_, _, place)| *place).fold(0.0, |a: f64, (_, v, _)| a.max(*v));
        f.top_share = top / f.total.max(1.0);
        f.named_countries = named_countries(mentions);
        f.named = named::NamedAreas::of(mentions.iter().map(|m| (m.name, m.loose, m.candidates.as_slice())));
        f
    }

    /// True when the document names country `c` by its own name.
    fn names(&self, c: Iso2) -> bool {
        self.named_countries.contains(&c)
    }

    fn vote(&mut self, c: Iso2, w: f64, place: bool) {
        match self.votes.iter_mut().find(|(v, _, _)| *v == c) {
            Some((_, n, p)) => (*n, *p) = (*n + w, *p || place),
            None => self.votes.push((c, w, place)),
        }
        self.total += w;
    }

    /// [`Focus::share`] without the vote of name `name` itself: a name is
    /// no context for its own reading.
    fn share_without(&self, c: Iso2, name: u32) -> f64 {
        let own = self.by_name.iter().filter(|(n, _, _)| *n == name);
        let own_total: f64 = own.clone().map(|(_, _, w)| w).sum();
        let own_c: f64 = own.filter(|(_, v, _)| *v == c).map(|(_, _, w)| w).sum();
        let total = self.total - own_total;
        if total > 0.0 {
            (self.votes.iter().find(|(v, _, _)| *v == c).map_or(0.0, |(_, n, _)| *n) - own_c) / total
        } else {
            0.0
        }
    }

    /// [`Focus::top_share`] without the vote of name `name` itself.
    fn top_share_without(&self, name: u32) -> f64 {
        let placed = self.votes.iter().filter(|(_, _, place)| *place);
        placed.map(|(c, _, _)| self.share_without(*c, name)).fold(0.0, f64::max)
    }

    fn share(&self, c: Iso2) -> f64 {
        if self.total > 0.0 {
            self.votes.iter().find(|(v, _, _)| *v == c).map_or(0.0, |(_, n, _)| *n) / self.total
        } else {
            0.0
        }
    }
}

/// The document's admin-1 areas (states, provinces): how much of it each
/// one is about, from the first pass's winners.
#[derive(Debug, Default)]
struct AreaFocus {
    votes: Vec<(PlaceCandidate, f64)>,
    total: f64,
}

impl AreaFocus {
    /// A mention whose first-pass winner is an admin-1 area votes for it
    /// twice; any other winner votes once for the admin-1 area it lies in,
    /// even when the name has namesakes in other states (the first pass
    /// has already weighed them, with the neighbours rule). Loose matches
    /// and countries do not vote.
    fn of(ms: &[Mention<'_>], winners: &[Option<Scored>]) -> AreaFocus {
        let mut f = AreaFocus::default();
        for (m, w) in ms.iter().zip(winners) {
            let Some(c) = w.and_then(|w| m.candidates.get(w.at)).filter(|_| !m.loose) else { continue };
            let vote = match c.entry.kind {
                PlaceKind::Admin1 => Some((c.id, 2.0)),
                _ => c.entry.admin1.map(|a| (a, 1.0)),
            };
            if let Some((a, w)) = vote {
                match f.votes.iter_mut().find(|(v, _)| *v == a) {
                    Some((_, n)) => *n += w,
                    None => f.votes.push((a, w)),
                }
                f.total += w;
            }
        }
        f
    }

    /// The share of the document about admin-1 area `a` (0 to 1).
    fn share(&self, a: Option<PlaceCandidate>) -> f64 {
        let n = a.and_then(|a| self.votes.iter().find(|(v, _)| *v == a)).map_or(0.0, |(_, n)| *n);
        if self.total > 0.0 {
            n / self.total
        } else {
            0.0
        }
    }
}

/// True when the text between a name and its qualifier says "lies in".
fn strict_gap(gap: &str) -> bool {
    let words = Words::of(gap);
    (0..words.len()).any(|k| INSIDE_WORDS.contains(&words.folded(k)))
}

/// A place name's vote in the document's country focus.
#[derive(Debug, Clone, Copy)]
struct Vote {
    country: Iso2,
    weight: f64,
    /// False when it may only corroborate another vote.
    first: bool,
}

/// A name's country vote: a country's own name votes twice, a name whose
/// candidates agree on one country ([`single_country`]) once.
///
/// A name that a province or state bears as its own, in one country only,
/// votes for that country though towns abroad bear it too: the
/// first-order division is the name's salient sense ("Ontario" is the
/// province before the Californian city, "Lagos" the Nigerian state before
/// the Portuguese town), as a country's name is.
fn vote(cands: &[Candidate]) -> Option<Vote> {
    match cands.iter().find(|c| c.entry.kind == PlaceKind::Country) {
        Some(c) => c.entry.country.map(|country| Vote { country, weight: 2.0, first: true }),
        None => single_country(cands)
            .or_else(|| sole_province(cands).map(|c| (c, true)))
            .map(|(country, first)| Vote { country, weight: 1.0, first }),
    }
}

/// The country of the admin-1 areas that bear the name as their own, when
/// they lie in one.
fn sole_province(cands: &[Candidate]) -> Option<Iso2> {
    let provinces: Vec<&Candidate> = cands.iter().filter(|c| c.entry.kind == PlaceKind::Admin1 && c.own_name).collect();
    agreed(&provinces)
}

/// The countries that mentions name by their own name (not loosely), in
/// order of first mention.
fn named_countries(mentions: &[Mention<'_>]) -> Vec<Iso2> {
    let mut out = Vec::new();
    let cands = mentions.iter().filter(|m| !m.loose).flat_map(|m| m.candidates.iter());
    for c in cands.filter(|c| c.entry.kind == PlaceKind::Country && c.own_name).filter_map(|c| c.entry.country) {
        if !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

/// The country of a name's candidates, when they agree on one, and
/// whether it may cast a vote of its own (`true`) or only corroborate one
/// (`false`).
///
/// A vote needs a candidate that bears the name as its own: a town known
/// by it only through an alias, or a hamlet that lists it among the
/// translations of a word, cannot make a name say a country ("But" is an
/// alias of Buta in Congo; a Burmese village lists "law" in a hundred
/// languages). Such candidates still disagree: a name that a town bears as
/// its own and another as an alias is ambiguous. Only a spelling no
/// candidate bears as its own (one only aliases know) is decided by them.
///
/// Unattested candidates (a hamlet only a bulk gazetteer lists) do not
/// disagree: a name whose towns all lie in one country still says that
/// country, though some hamlet abroad bears it too. A name whose deciding
/// candidates are all unattested only corroborates.
fn single_country(cands: &[Candidate]) -> Option<(Iso2, bool)> {
    let any_own = cands.iter().any(|c| c.own_name);
    let attested: Vec<&Candidate> = cands.iter().filter(|c| !c.entry.unattested).collect();
    if attested.iter().any(|c| c.own_name) || (!any_own && !attested.is_empty()) {
        return agreed(&attested).map(|c| (c, true));
    }
    let hamlets: Vec<&Candidate> = cands.iter().filter(|c| c.entry.unattested && (c.own_name || !any_own)).collect();
    agreed(&hamlets).map(|c| (c, false))
}

/// The country of `cands`, when they all lie in one.
fn agreed(cands: &[&Candidate]) -> Option<Iso2> {
    let first = cands.first()?.entry.country?;
    cands.iter().all(|c| c.entry.country == Some(first)).then_some(first)
}

/// The nearest other place of a candidate: kilometres and its entry.
type Nearest = Option<(f64, PlaceCandidate)>;

/// A pass's choice for one mention: the index of the winning candidate,
/// and its nearest other place when the pass measured it.
#[derive(Debug, Clone, Copy)]
struct Scored {
    at: usize,
    nearest: Option<Nearest>,
}

impl Scored {
    fn at(at: usize) -> Self {
        Scored { at, nearest: None }
    }
}

/// A first-pass winner that other mentions may be close to (not a country,
/// not a loose match), with the mentions that chose it, in document order.
#[derive(Debug)]
struct Anchor {
    id: PlaceCandidate,
    at: Point,
    /// (mention index, mention name) of every mention that chose it.
    chosen_by: Vec<(usize, u32)>,
}

/// The document's places for the closeness rule: the first pass's winners
/// (and the admin-1 areas they are about).
#[derive(Debug)]
struct Anchors<'a> {
    winners: &'a [Option<Scored>],
    areas: AreaFocus,
    places: Vec<Anchor>,
    /// [`Anchors::nearest`] by mention name and candidate: a document
    /// repeats its names.
    seen: FnvHashMap<(u32, PlaceCandidate), Nearest>,
}

impl<'a> Anchors<'a> {
    fn of(ms: &[Mention<'_>], winners: &'a [Option<Scored>]) -> Self {
        let mut places: Vec<Anchor> = Vec::new();
        for (j, s) in winners.iter().enumerate() {
            let Some(c) = s.and_then(|s| ms[j].candidates.get(s.at)) else { continue };
            if ms[j].loose || c.entry.kind == PlaceKind::Country {
                continue;
            }
            match places.iter_mut().find(|a| a.id == c.id) {
                Some(a) => a.chosen_by.push((j, ms[j].name)),
                None => places.push(Anchor { id: c.id, at: c.at, chosen_by: vec![(j, ms[j].name)] }),
            }
        }
        Anchors { winners, places, areas: AreaFocus::of(ms, winners), seen: FnvHashMap::default() }
    }

    /// [`Anchors::nearest_to`] candidate `c` of mention `i`, remembered.
    fn nearest(&mut self, ms: &[Mention<'_>], i: usize, c: &Candidate) -> Nearest {
        if let Some(n) = self.seen.get(&(ms[i].name, c.id)) {
            return *n;
        }
        let n = self.nearest_to(ms, i, &c.at);
        self.seen.insert((ms[i].name, c.id), n);
        n
    }

    /// The nearest place to `at` chosen by a mention of another name than
    /// mention `i`: kilometres and its candidate. Among equally near places
    /// the one chosen first in the document. (Mention `i` counts only by its
    /// name, so mentions of one name share the answer.)
    fn nearest_to(&self, ms: &[Mention<'_>], i: usize, at: &Point) -> Nearest {
        let name = ms[i].name;
        let mut best: Option<(f64, usize, PlaceCandidate)> = None;
        for a in &self.places {
            let Some(&(first, _)) = a.chosen_by.iter().find(|(j, n)| *j != i && *n != name) else { continue };
            let km = at.km(&a.at);
            let closer = best.is_none_or(|(b, f, _)| km.total_cmp(&b).then(first.cmp(&f)).is_lt());
            if closer {
                best = Some((km, first, a.id));
            }
        }
        best.map(|(km, _, id)| (km, id))
    }
}

/// True when score `a` of candidate `ka` beats score `b` of candidate `kb`:
/// higher, or equal and listed first.
fn beats((a, ka): (f64, usize), (b, kb): (f64, usize)) -> bool {
    a.total_cmp(&b).then(kb.cmp(&ka)).is_gt()
}

impl<'g> Geocoder<'g> {
    #[must_use]
    pub fn new(gazetteer: &'g Gazetteer) -> Self {
        Geocoder { gazetteer }
    }

    /// One entry per mention, in order; `None` when unresolved.
    #[must_use]
    pub fn resolve(&self, doc: &Doc, mentions: &[PlaceMention]) -> Vec<Option<Resolved>> {
        self.resolve_with(doc, mentions, &[])
    }

    /// [`Geocoder::resolve`], with the countries of the document's actors
    /// (one per actor mention) as evidence of what country it is about.
    #[must_use]
    pub fn resolve_with(&self, doc: &Doc, mentions: &[PlaceMention], actors: &[Iso2]) -> Vec<Option<Resolved>> {
        self.resolve_some(doc, mentions, actors, |_| true)
    }

    /// [`Geocoder::resolve_with`] for the mentions `wanted` names (by index),
    /// `None` for the others. Every mention is still the document's context:
    /// the wanted ones resolve exactly as in [`Geocoder::resolve_with`].
    #[must_use]
    pub fn resolve_some(
        &self,
        doc: &Doc,
        mentions: &[PlaceMention],
        actors: &[Iso2],
        wanted: impl Fn(usize) -> bool,
    ) -> Vec<Option<Resolved>> {
        let mut infos = self.mentions(doc, mentions);
        let focus = Focus::of(&infos, actors);
        neighbours::fill(&mut infos, |c| focus.share(c) >= neighbours::FOCUS_SHARE);
        self.score_before_proximity(&mut infos, &focus);
        let first: Vec<Option<Scored>> = infos.iter().map(first_pass).collect();
        let mut anchors = Anchors::of(&infos, &first);
        (0..infos.len())
            .map(|i| {
                if !wanted(i) {
                    return None;
                }
                let s = self.second_pass(&infos, i, &mut anchors)?;
                self.resolved(&infos, i, s, &focus, &mut anchors)
            })
            .collect()
    }

    fn resolved(
        &self,
        ms: &[Mention<'_>],
        i: usize,
        s: Scored,
        focus: &Focus,
        anchors: &mut Anchors<'_>,
    ) -> Option<Resolved> {
        let c = ms[i].candidates.get(s.at)?;
        let place = self.gazetteer.place(c.id)?;
        let nearest = s.nearest.unwrap_or_else(|| anchors.nearest(ms, i, c));
        let points = self.points(ms, (i, s.at), focus, Some((anchors.winners, &anchors.areas)), nearest);
        let why = points.into_iter().flatten().map(|(_, r)| r).collect();
        Some(Resolved { place, candidate: c.id, why })
    }

    /// What the geocoder needs of every mention. A mention whose text folds
    /// like an earlier one's and has the same candidates shares its facts.
    fn mentions<'m>(&self, doc: &Doc, mentions: &'m [PlaceMention]) -> Vec<Mention<'m>> {
        let mut first: HashMap<String, usize> = HashMap::new();
        let (mut words, mut scratch) = (Words::default(), Words::default());
        let mut out: Vec<Mention<'m>> = Vec::with_capacity(mentions.len());
        for m in mentions {
            words.read(doc.slice(m.span));
            let prior = first.get(words.key()).map(|j| &out[*j]);
            let info = match prior {
                Some(o) if o.mention.candidates == m.candidates => {
                    Mention { mention: m, candidates: o.candidates.clone(), ..*o }
                }
                Some(o) => self.mention(m, o.name, &words, &mut scratch),
                None => {
                    first.insert(words.key().to_owned(), out.len());
                    self.mention(m, u32::try_from(out.len()).unwrap_or(u32::MAX), &words, &mut scratch)
                }
            };
            out.push(info);
        }
        for i in 0..out.len() {
            let q = mentions[i].qualifier.and_then(|span| mentions.iter().position(|m| m.span == span));
            out[i].qualifier = q;
            out[i].strict_qualifier =
                q.is_some_and(|q| strict_gap(doc.slice(Span::new(mentions[i].span.end, mentions[q].span.start))));
            if let Some(q) = q {
                out[q].is_qualifier = true;
            }
        }
        out
    }

    /// The facts of mention `m` (`words` holds its words), named `name`;
    /// `name_words` is scratch space.
    fn mention<'m>(&self, m: &'m PlaceMention, name: u32, words: &Words, name_words: &mut Words) -> Mention<'m> {
        let folded = words.key();
        let exact = self.gazetteer.lookup_folded(folded);
        // Attested places first, so that when a loose spelling meets more
        // hamlets than are scored, the towns and UCDP's villages stay in
        // (read only then: it costs a lookup per candidate).
        let attested = |c: &&PlaceCandidate| self.gazetteer.entry(**c).is_some_and(|e| !e.unattested);
        let order: Box<dyn Iterator<Item = &PlaceCandidate>> = if m.candidates.len() <= MAX_CANDIDATES {
            Box::new(m.candidates.iter())
        } else {
            Box::new(m.candidates.iter().filter(attested).chain(m.candidates.iter().filter(|c| !attested(c))))
        };
        let mut names = OwnNames::new(self.gazetteer, folded, name_words);
        let mut candidates = Vec::with_capacity(m.candidates.len().min(MAX_CANDIDATES));
        candidates.extend(order.take(MAX_CANDIDATES).filter_map(|c| {
            let entry = self.gazetteer.entry(*c)?;
            let Named { primary, own_name } = names.of(*c, entry.kind);
            Some(Candidate {
                id: *c,
                entry,
                at: Point::of(&entry),
                primary,
                own_name,
                before_proximity: 0.0,
                near_names: 0.0,
            })
        }));
        let countries =
            !candidates.is_empty() && candidates.iter().all(|c: &Candidate| c.entry.kind == PlaceKind::Country);
        let loose = !countries && !m.candidates.iter().any(|c| exact.contains(c));
        let owner = candidates.iter().filter(|c| c.own_name).map(|c| c.entry.population.unwrap_or(0)).max();
        Mention {
            mention: m,
            name,
            candidates,
            owner,
            loose,
            qualifier: None,
            is_qualifier: false,
            strict_qualifier: false,
        }
    }

    /// Sum, for every candidate, the rules that do not depend on a pass.
    fn score_before_proximity(&self, ms: &mut [Mention<'_>], focus: &Focus) {
        for i in 0..ms.len() {
            for k in 0..ms[i].candidates.len() {
                let points = self.points(ms, (i, k), focus, None, None);
                let sum = points[..PROXIMITY].iter().flatten().fold(0.0, |s, (p, _)| s + p);
                ms[i].candidates[k].before_proximity = sum;
            }
        }
    }

    /// The second pass's winner for mention `i`: candidates in order of
    /// their score without closeness, stopping when even the full closeness
    /// bonus cannot beat the leader.
    fn second_pass(&self, ms: &[Mention<'_>], i: usize, anchors: &mut Anchors<'_>) -> Option<Scored> {
        let cands = &ms[i].candidates;
        if let [only] = cands.as_slice() {
            if only.score(None) >= MIN_SCORE {
                return Some(Scored::at(0));
            }
        }
        let mut order: Vec<(f64, usize)> = cands.iter().enumerate().map(|(k, c)| (c.score(None), k)).collect();
        order.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut best: Option<(f64, usize, Nearest)> = None;
        for (without, k) in order {
            if best.is_some_and(|(b, _, _)| without + rules::MAX_PROXIMITY + rules::MAX_AREA_FOCUS + BOUND_SLACK < b) {
                break;
            }
            let nearest = anchors.nearest(ms, i, &cands[k]);
            let area = rules::area_focus(cands[k].entry.kind, anchors.areas.share(cands[k].entry.admin1))
                .map_or(0.0, |(p, _)| p);
            let near = rules::proximity(nearest.map(|(km, _)| (km, ""))).map_or(0.0, |(p, _)| p);
            let score = cands[k].score(Some(area + near));
            if best.is_none_or(|(b, kb, _)| beats((score, k), (b, kb))) {
                best = Some((score, k, nearest));
            }
        }
        best.filter(|(s, _, _)| *s >= MIN_SCORE).map(|(_, at, nearest)| Scored { at, nearest: Some(nearest) })
    }

    /// The rules' points for candidate `k` of mention `i`, in rule order:
    /// `winners` are the first pass's (if known), `nearest` the nearest
    /// other place (kilometres and entry) if closeness counts.
    fn points(
        &self,
        ms: &[Mention<'_>],
        (i, k): (usize, usize),
        focus: &Focus,
        second: Option<(&[Option<Scored>], &AreaFocus)>,
        nearest: Nearest,
    ) -> [Option<rules::Points>; RULES] {
        let m = &ms[i];
        let c = &m.candidates[k];
        let e = &c.entry;
        let share = e.country.map_or(0.0, |c| focus.share(c));
        let container = self.container(ms, m, e, second.map(|s| s.0));
        let area = second.and_then(|(_, a)| rules::area_focus(e.kind, a.share(e.admin1)));
        let named_area = focus.named.named_area_of(c, m.name).map(|a| self.gazetteer.name(a));
        let nearest = nearest.map(|(km, id)| (km, self.gazetteer.name(id)));
        [
            Some(rules::kind_prior(e.kind)),
            rules::population_prior(e.population.filter(|_| c.own_name || !is_area(e.kind))),
            rules::prominence(if c.own_name || !is_area(e.kind) { e.names } else { 1 }),
            rules::capital(e.capital),
            rules::cue_fit(e.kind, &m.mention.cues),
            rules::country_focus(e.country, |c| focus.share(c)),
            rules::loose_match(m.loose, share),
            rules::other_name(e.kind, c.own_name, e.population, m.owner),
            rules::qualifier_fit(container),
            rules::qualifier_miss(m.strict_qualifier, container.is_some()),
            rules::out_of_focus(
                e.kind,
                e.country.map_or(0.0, |c| focus.share_without(c, m.name)),
                focus.top_share_without(m.name),
                e.country.is_some_and(|c| focus.names(c)),
            ),
            rules::qualifier_role(m.is_qualifier, e.kind),
            rules::in_named_area(named_area),
            rules::unattested_village(e.unattested, share, container.is_some() || named_area.is_some(), c.near_names),
            rules::holds_named_place(focus.named.holds_named(c, m.name)),
            neighbours::near_other_names(c.near_names),
            area,
            rules::proximity(nearest),
            rules::primary_name(c.primary),
        ]
    }

    /// The name of the entry of the qualifier chain that contains `e`, if
    /// any. "X, Y, Z" and "X (Y, Z)" name a place with its district and
    /// province: a candidate inside Z is inside what the writer named even
    /// where no link ties it to Y. Each link is tried with its own winner
    /// first when known, else any of its candidates; the chain is followed
    /// [`CHAIN`] links at most.
    fn container(
        &self,
        ms: &[Mention<'_>],
        m: &Mention<'_>,
        e: &Entry,
        winners: Option<&[Option<Scored>]>,
    ) -> Option<&'static str> {
        let mut at = m.qualifier;
        for _ in 0..CHAIN {
            let qi = at?;
            let q = &ms[qi];
            let winner = winners.and_then(|a| a.get(qi)?.as_ref()).map(|s| s.at);
            let order = winner.into_iter().chain(0..q.candidates.len());
            let found = order.filter_map(|k| q.candidates.get(k)).find(|qc| rules::inside(e, &qc.entry, qc.id));
            if let Some(qc) = found {
                return Some(self.gazetteer.name(qc.id));
            }
            at = q.qualifier.filter(|next| *next != qi);
        }
        None
    }
}

/// The number of rules, and the position of closeness among them.
const RULES: usize = 19;
const PROXIMITY: usize = 16;

/// The first pass's winner for a mention: the best score without closeness.
fn first_pass(m: &Mention<'_>) -> Option<Scored> {
    let mut best: Option<(f64, usize)> = None;
    for (k, c) in m.candidates.iter().enumerate() {
        let s = c.score(None);
        if best.is_none_or(|b| beats((s, k), b)) {
            best = Some((s, k));
        }
    }
    best.filter(|(s, _)| *s >= MIN_SCORE).map(|(_, at)| Scored::at(at))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn prepared_distances_equal_the_haversine() {
        let points = [(34.5, 69.2), (-33.9, 151.2), (0.0, 0.0), (35.3, 40.1), (89.9, -179.9), (-12.0, 180.0)];
        for a in points {
            for b in points {
                let ea = Entry { lat: a.0, lon: a.1, ..entry() };
                let eb = Entry { lat: b.0, lon: b.1, ..entry() };
                assert_eq!(Point::of(&ea).km(&Point::of(&eb)).to_bits(), ea.distance_km(&eb).to_bits(), "{a:?} {b:?}");
            }
        }
    }

    fn entry() -> Entry {
        Entry {
            kind: PlaceKind::PopulatedPlace,
            country: None,
            lat: 0.0,
            lon: 0.0,
            population: None,
            admin1: None,
            admin2: None,
            skeleton: false,
            names: 1,
            capital: false,
            unattested: false,
        }
    }

    /// Candidate `id`, in admin-1 area `a`.
    fn in_area(id: u32, a: u32) -> Candidate {
        let entry = Entry { admin1: Some(PlaceCandidate(a)), ..entry() };
        Candidate {
            id: PlaceCandidate(id),
            entry,
            at: Point::of(&entry),
            primary: true,
            own_name: true,
            before_proximity: 0.0,
            near_names: 0.0,
        }
    }

    #[test]
    fn every_winner_votes_for_its_admin1_area() {
        let pm = PlaceMention { span: Span::new(0, 1), candidates: Vec::new(), cues: Vec::new(), qualifier: None };
        let mention = |name: u32, candidates: Vec<Candidate>| Mention {
            mention: &pm,
            name,
            candidates,
            owner: None,
            loose: false,
            qualifier: None,
            is_qualifier: false,
            strict_qualifier: false,
        };
        // A name with namesakes in areas 7 and 8 whose first pass chose the
        // one in 8, a name only in 8 and a name only in 7: 8 has two votes of three.
        let ms = [
            mention(0, vec![in_area(1, 7), in_area(2, 8)]),
            mention(1, vec![in_area(3, 8)]),
            mention(2, vec![in_area(4, 7)]),
        ];
        let f = AreaFocus::of(&ms, &[Some(Scored::at(1)), Some(Scored::at(0)), Some(Scored::at(0))]);
        assert!((f.share(Some(PlaceCandidate(8))) - 2.0 / 3.0).abs() < 1e-9, "{f:?}");
        assert!((f.share(Some(PlaceCandidate(7))) - 1.0 / 3.0).abs() < 1e-9, "{f:?}");
    }

    /// A candidate in `country`, bearing the name as its own or not,
    /// attested or not.
    fn sense(country: &str, own: bool, unattested: bool) -> Candidate {
        let entry = Entry { country: Some(Iso2::new(country).unwrap()), unattested, ..entry() };
        Candidate { entry, primary: own, own_name: own, ..in_area(0, 0) }
    }

    #[test]
    fn a_name_says_the_country_of_the_places_called_so() {
        let gb = Iso2::new("GB").unwrap();
        let (own, alias, hamlet) = (|c| sense(c, true, false), |c| sense(c, false, false), |c| sense(c, true, true));
        // (candidates, the vote: country and whether it may vote first)
        type Case = (Vec<Candidate>, Option<(Iso2, bool)>);
        let cases: Vec<Case> = vec![
            // Towns of one country, hamlets abroad: the towns' country.
            (vec![own("GB"), own("GB"), hamlet("MM"), hamlet("SS")], Some((gb, true))),
            // A town's own name and another's alias: ambiguous.
            (vec![own("GB"), alias("NG")], None),
            // Only an alias of a town ("But" for Buta), hamlets called so:
            // the alias casts nothing, the hamlets disagree.
            (vec![alias("CD"), hamlet("AF"), hamlet("PK")], None),
            // ... or agree, and only corroborate.
            (vec![alias("CD"), hamlet("PK"), hamlet("PK")], Some((Iso2::new("PK").unwrap(), false))),
            // A spelling no place bears as its own: the aliases decide.
            (vec![alias("GB"), alias("GB"), sense("MM", false, true)], Some((gb, true))),
            (vec![own("GB"), own("US")], None),
        ];
        for (i, (cands, want)) in cases.into_iter().enumerate() {
            assert_eq!(single_country(&cands), want, "case {i}");
        }
    }

    #[test]
    fn ties_go_to_the_first_candidate() {
        assert!(beats((1.0, 3), (0.5, 0)));
        assert!(beats((1.0, 0), (1.0, 3)));
        assert!(!beats((1.0, 3), (1.0, 0)));
    }
}
