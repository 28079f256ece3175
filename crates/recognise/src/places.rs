//! The place recogniser: gazetteer names in a document, with the context cues
//! and qualifiers the geocoder needs to choose among their candidates.
//!
//! Matching semantics. The gazetteer (behind [`PlaceLexicon`], implemented by
//! `sitrep-geo`) is matched over the folded text of [`crate::normalise`], word
//! by word:
//! - **Word boundaries**: a match starts and ends at word boundaries; it never
//!   covers part of a word.
//! - **Leftmost-longest**: scanning left to right, the longest name starting at
//!   the first word that starts any name wins, and scanning resumes after it
//!   ("Deir ez-Zor" not "Deir"; "Imam Sahib" not "Imam").
//! - **Case**: a name's first and last words must be written with a capital
//!   (or all capitals, or in a script without case); lower-case words are
//!   allowed inside ("Deir ez-Zor") and a lower-case article may lead
//!   ("al-Baghiliyah"). So "may", "march", "deal" or "hit" written in lower case
//!   never match. All-capital words of up to four letters in mixed-case text
//!   are acronyms ("SAA", "YPG"), not places; in an all-capital sentence (a
//!   headline) capitals say nothing, and the stop list does the work.
//! - **Loose matches**: where the folded key finds nothing, the lexicon may
//!   match a transliteration skeleton ("Kafranbil" for "Kafr Nabl"); such a
//!   match is kept only when the context says it is a place (a cue or a
//!   qualifier).
//!
//! Filters: a stop list (`data/dictionaries/place_stopwords.txt`) removes
//! capitalised common words that are also place names ("However", "Mobile",
//! "Police"), unless a cue such as "the town of" says otherwise; a name inside
//! a longer actor mention ("Syrian Arab Army"), followed by an actor noun
//! ("Kabul government", "Turkish army") or by "-backed", "-led" is not an event
//! place; a one-word name right after a capitalised word reads as a surname
//! ("Jim Harrison of the chamber") and is not a place either, with the
//! exceptions of [`person`]; nor is a name inside a person's full name
//! next to a title ("the monitor's head Tarek Abu Salem", [`titled`]). Cues ([`PlaceCue`]) are read from the words
//! around the name, and a qualifier is the next name when only "," / "in" / "of" (perhaps after a kind
//! word) stand between them: "Alexandria, Louisiana", "Marzaf in Deir ez Zor
//! province", "the Kanjak area of Imam Sahib district, Kunduz".
//!
//! Cost. Context patterns are regular expressions, and most of them match
//! nowhere near most names; each pattern is listed with the keyword stems it
//! cannot match without ([`Stems`]), and runs only when one of them is there.

mod group_name;
mod name_head;
mod person;
mod source_name;
mod titled;

use std::collections::HashSet;

use regex::Regex;
use sitrep_model::{ActorMention, Doc, Iso2, PlaceCandidate, PlaceCue, PlaceMention, Span};

use crate::normalise::{self, Words};

/// A gazetteer name found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameMatch {
    pub span: Span,
    pub candidates: Vec<PlaceCandidate>,
    /// True when the name matched only by its loose skeleton key.
    pub loose: bool,
    /// True when every candidate is a place only a bulk gazetteer of
    /// hamlets lists: kept, like a loose match, only where the context says
    /// it is a place (a cue, or any qualifier, a comma included).
    pub unattested: bool,
    /// True when the text is a known abbreviation as written ("Kan.",
    /// "U.S.", "UK"): not an unknown acronym, not a common word.
    pub abbreviation: bool,
    /// For a loose match that won over a shorter exact one, that exact
    /// match: taken instead when the recogniser drops the loose one.
    pub fallback: Option<Box<NameMatch>>,
}

/// A gazetteer seen as a matcher of names in text.
pub trait PlaceLexicon: Send + Sync {
    /// Gazetteer names in `text` (leftmost-longest, at word boundaries, first
    /// and last word capitalised as described in the module doc); spans are
    /// byte offsets into `text`.
    fn find_names(&self, text: &str) -> Vec<NameMatch>;

    /// Demonyms and nationality adjectives in `text` ("Russian",
    /// "Palestinians"), each with the candidates of the place it names.
    fn find_demonyms(&self, _text: &str) -> Vec<NameMatch> {
        Vec::new()
    }

    /// [`PlaceLexicon::find_names`] and [`PlaceLexicon::find_demonyms`]
    /// together (a lexicon may read the text's words once for both).
    fn find_names_and_demonyms(&self, text: &str) -> (Vec<NameMatch>, Vec<NameMatch>) {
        (self.find_names(text), self.find_demonyms(text))
    }

    /// True when some candidate is a country or a state (an admin-1 area):
    /// a name that stays a place after a capitalised word ("Northeast
    /// Georgia"). Asked only of names that read as a surname.
    fn names_region(&self, _candidates: &[PlaceCandidate]) -> bool {
        false
    }

    /// True when `word` is a demonym ("Kurdish", "Syrian"): a place name
    /// after it is not a surname. Asked only of names that read as one.
    fn is_demonym(&self, _word: &str) -> bool {
        false
    }

    /// The countries a name or demonym says the text is about: the country
    /// of each candidate that is itself a country or a state ("Syria",
    /// "Syrian", "Idlib Governorate"); empty for a settlement.
    fn countries_named(&self, _candidates: &[PlaceCandidate]) -> Vec<Iso2> {
        Vec::new()
    }

    /// The country of each candidate, where the gazetteer knows it.
    fn countries_of(&self, _candidates: &[PlaceCandidate]) -> Vec<Iso2> {
        Vec::new()
    }
}

/// What [`PlaceRecogniser::accepted`] said of a name, with what it was
/// asked on: the place accepted before it and its [`Patterns::post_mask`].
#[derive(Debug, Clone)]
struct Verdict {
    prev: Option<Span>,
    post: u32,
    cues: Result<Vec<PlaceCue>, Rejected>,
}

/// Why a gazetteer name is not taken for an event place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rejected {
    /// It names a place as part of an actor ("Syrian Arab Army", "Kabul
    /// government", "Ankara-backed"): a modifier, evidence about the actor.
    Actor,
    /// An acronym or a common word, not a place at all.
    NotAPlace,
}

const STOPWORDS: &str = include_str!("../../../data/dictionaries/place_stopwords.txt");

/// A context pattern: the cue it gives, the keyword stems it needs (one of
/// them starts a run of letters in every text it matches), the pattern.
type CuePattern = (PlaceCue, &'static [&'static str], &'static str);

/// For each [`BEFORE`] pattern, the most runs of non-space characters its
/// match spans, counted from the end: "village of the " is three, "close to
/// the old village of " six, "mountains of " two. A stem further back
/// cannot be part of a match.
const BEFORE_CHUNKS: [usize; 6] = [3, 3, 3, 6, 2, 2];

/// Cue patterns read on the text before a name (anchored at its end).
const BEFORE: &[CuePattern] = &[
    (
        PlaceCue::Settlement,
        &["village", "town", "city", "cities", "hamlet"],
        r"(?i)\b(?:village|town|city|hamlet|township|villages|towns|cities)\s+of\s+(?:the\s+)?$",
    ),
    (
        PlaceCue::Province,
        &["province", "governorate", "region", "state"],
        r"(?i)\b(?:province|governorate|region|state|provinces|governorates)\s+of\s+(?:the\s+)?$",
    ),
    (
        PlaceCue::District,
        &["district", "county", "parish", "sub"],
        r"(?i)\b(?:district|county|parish|sub-?district|districts)\s+of\s+(?:the\s+)?$",
    ),
    (
        PlaceCue::Near,
        &[
            "near",
            "around",
            "outside",
            "close",
            "outskirts",
            "vicinity",
            "countryside",
            "suburb",
            "environs",
            "north",
            "south",
            "east",
            "west",
        ],
        r"(?i)\b(?:near|nearby|around|outside|close\s+to|outskirts\s+of|vicinity\s+of|countryside\s+of|suburbs?\s+of|environs\s+of|(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+of)\s+(?:the\s+)?(?:\w+\s+)?(?:(?:village|town|city|area)\s+of\s+)?$",
    ),
    (PlaceCue::Landform, &["mount", "mt"], r"(?i)\b(?:mount|mt\.?|mountains?\s+of)\s+$"),
    (PlaceCue::Border, &["border"], r"(?i)\bborders?\s+(?:with|of)\s+$"),
];

/// Cue patterns read on the text after a name (anchored at its start).
const AFTER: &[CuePattern] = &[
    (
        PlaceCue::Settlement,
        &["village", "town", "city", "hamlet"],
        r"(?i)^[\s-]*(?:\([^)]{1,40}\)\s*)?(?:village|town|city|hamlet|villages|towns)\b",
    ),
    (
        PlaceCue::Province,
        &["province", "governorate", "region", "state", "oblast"],
        r"(?i)^\s*(?:\([^)]{1,40}\)\s*)?(?:province|governorate|region|state|provinces|governorates|oblast)\b",
    ),
    (
        PlaceCue::District,
        &["district", "county", "parish", "sub", "counties"],
        r"(?i)^\s*(?:\([^)]{1,40}\)\s*)?(?:district|county|parish|sub-?district|districts|counties)\b",
    ),
    (
        PlaceCue::Near,
        &["countryside", "area", "outskirts", "suburbs", "environs", "vicinity", "surroundings"],
        r"(?i)^\s*(?:\([^)]{1,40}\)\s*)?(?:countryside|area|outskirts|suburbs|environs|vicinity|surroundings)\b",
    ),
    (
        PlaceCue::Landform,
        &["mountain", "valley", "hill", "plain", "plateau", "range"],
        r"(?i)^\s*(?:\([^)]{1,40}\)\s*)?(?:mountains?|valley|hills?|plain|plateau|range)\b",
    ),
    (PlaceCue::Border, &["border"], r"(?i)^(?:\s*-\s*\w+)?\s+border\b"),
];

/// A plural kind word after the last of coordinated names applies to all
/// ("Latakia and Deir ez-Zor provinces").
const PLURAL_AFTER: &str =
    r"(?i)^\s*(?:\([^)]{1,40}\)\s*)?(?:provinces|governorates|districts|villages|towns|counties|regions)\b";
/// The stems [`PLURAL_AFTER`] needs.
const PLURAL_STEMS: &[&str] = &["province", "governorate", "district", "village", "town", "counties", "region"];
/// What may stand between two coordinated names.
const COORDINATION: &str = r"(?i)^\s*(?:,\s*(?:and\s+)?|and\s+)$";
/// What may stand between a name and its qualifier.
const QUALIFIED_BY: &str = r"(?i)^\)?\s*(?:\([^)]{1,40}\)\s*)?(?:(?:village|town|city|district|area|province|county|parish|governorate|region|countryside)\s*)?(?:,|\bin\b|\bof\b)\s*(?:the\s+)?$";
/// Words after a name that make it part of an actor's name or an adjective.
const ACTOR_AFTER: &str = r"(?i)^(?:-(?:backed|led|based|controlled|held|supported|allied|aligned|sponsored|born)\b|\s+(?:army|armed\s+forces|forces|force|troops|jets|warplanes|militia|militias|government|regime|authorities|ministry|military|police|officials)\b)";
/// The stems [`ACTOR_AFTER`] needs.
const ACTOR_STEMS: &[&str] = &[
    "backed",
    "led",
    "based",
    "controlled",
    "held",
    "supported",
    "allied",
    "aligned",
    "sponsored",
    "born",
    "army",
    "armed",
    "force",
    "troops",
    "jets",
    "warplanes",
    "militia",
    "government",
    "regime",
    "authorities",
    "ministry",
    "military",
    "police",
    "officials",
];
/// The stems [`QUALIFIED_BY`] needs besides a comma.
const QUALIFIED_STEMS: &[&str] = &["in", "of"];

/// Generic words that end the English name of a natural or man-made
/// feature: with them, the words before are part of the feature's name
/// ("Squirrel Hill", "Black Sea", "Kish River"), not a place of their own.
const FEATURE_WORDS: &[&str] = &[
    "river",
    "creek",
    "brook",
    "stream",
    "lake",
    "pond",
    "sea",
    "bay",
    "gulf",
    "ocean",
    "strait",
    "harbor",
    "harbour",
    "canal",
    "island",
    "islands",
    "peninsula",
    "beach",
    "hill",
    "hills",
    "mountain",
    "mountains",
    "valley",
    "canyon",
    "falls",
    "springs",
    "park",
    "forest",
    "desert",
    "plain",
    "plateau",
    "reservoir",
];

/// True when `name` ends with a [`FEATURE_WORDS`] word.
fn names_feature(name: &str) -> bool {
    let last = name.rsplit(|c: char| !c.is_alphanumeric()).find(|w| !w.is_empty()).unwrap_or("");
    FEATURE_WORDS.contains(&last.to_lowercase().as_str())
}

/// Leading words of a name that make it a landform.
const LANDFORM_WORDS: &[&str] = &["mount", "jabal", "jebel", "djebel", "jabl"];

/// Keyword stems of a few patterns, for a cheap test that rules patterns
/// out before they run.
///
/// Every keyword of our patterns follows `\b`, a space, a hyphen or a
/// bracket, so in any text a pattern matches, one of its stems starts a run
/// of ASCII letters (compared ASCII-case-insensitively). `(?i)` matches two
/// non-ASCII characters to ASCII letters, `ſ` (s) and the Kelvin sign (k):
/// text with either may match every pattern.
#[derive(Debug)]
struct Stems {
    /// Per first two letters (`aa`, `ab`, …, `zz`): (stem, bit of its pattern).
    by_pair: Vec<Vec<(&'static [u8], u32)>>,
    all: u32,
}

/// The index of a pair of ASCII letters in [`Stems::by_pair`].
fn pair(a: u8, b: u8) -> usize {
    usize::from(a.to_ascii_lowercase().wrapping_sub(b'a')) * 26 + usize::from(b.to_ascii_lowercase().wrapping_sub(b'a'))
}

impl Stems {
    /// Stems of patterns `0..lists.len()` (at most 32).
    fn new(lists: &[&'static [&'static str]]) -> Self {
        let mut by_pair = vec![Vec::new(); 26 * 26];
        let mut all = 0;
        for (k, stems) in lists.iter().enumerate().take(32) {
            all |= 1 << k;
            for stem in *stems {
                if let [a, b, ..] = stem.as_bytes() {
                    if let Some(list) = by_pair.get_mut(pair(*a, *b)) {
                        list.push((stem.as_bytes(), 1 << k));
                    }
                }
            }
        }
        Stems { by_pair, all }
    }

    /// The bits of the patterns that may match a text of which `hay` is the
    /// part a match can lie in.
    fn mask(&self, hay: &str) -> u32 {
        if !hay.is_ascii() && hay.contains(['\u{17F}', '\u{212A}']) {
            return self.all;
        }
        let b = hay.as_bytes();
        let mut mask = 0;
        let mut i = 0;
        while i < b.len() {
            if !b[i].is_ascii_alphabetic() {
                i += 1;
                continue;
            }
            let stems = b.get(i + 1).filter(|c| c.is_ascii_alphabetic()).and_then(|c| self.by_pair.get(pair(b[i], *c)));
            for (stem, bit) in stems.into_iter().flatten() {
                if b.get(i..i + stem.len()).is_some_and(|w| w.eq_ignore_ascii_case(stem)) {
                    mask |= bit;
                }
            }
            i += 1;
            while b.get(i).is_some_and(u8::is_ascii_alphabetic) {
                i += 1;
            }
        }
        mask
    }

    fn may_match(&self, hay: &str) -> bool {
        self.mask(hay) != 0
    }
}

/// The bits of [`Patterns::post_stems`] beyond those of [`AFTER`].
const PLURAL_BIT: u32 = 1 << AFTER.len();
const ACTOR_BIT: u32 = 1 << (AFTER.len() + 1);
/// How much text after a name the patterns read (bytes).
const POST_LEN: usize = 60;

/// Cue patterns compiled, with their stems.
#[derive(Debug)]
struct CuePatterns {
    list: Vec<(PlaceCue, Regex)>,
    stems: Stems,
}

impl CuePatterns {
    fn new(list: &[CuePattern]) -> Option<Self> {
        let compiled = list.iter().map(|(c, _, p)| Some((*c, Regex::new(p).ok()?))).collect::<Option<Vec<_>>>()?;
        let stems: Vec<&'static [&'static str]> = list.iter().map(|(_, s, _)| *s).collect();
        Some(CuePatterns { list: compiled, stems: Stems::new(&stems) })
    }

    /// The cues of the patterns that match `text`; only patterns whose bit
    /// is in `mask` run.
    fn matching<'a>(&'a self, text: &'a str, mask: u32) -> impl Iterator<Item = PlaceCue> + 'a {
        let run =
            move |(k, (c, r)): (usize, &(PlaceCue, Regex))| (mask & (1 << k) != 0 && r.is_match(text)).then_some(*c);
        self.list.iter().enumerate().filter_map(run)
    }
}

/// The compiled context patterns.
#[derive(Debug)]
struct Patterns {
    before: CuePatterns,
    after: CuePatterns,
    plural_after: Regex,
    coordination: Regex,
    qualified_by: Regex,
    qualified_stems: Stems,
    actor_after: Regex,
    /// The stems of everything read after a name, in one table: [`AFTER`],
    /// then [`PLURAL_BIT`] and [`ACTOR_BIT`].
    post_stems: Stems,
}

impl Patterns {
    /// Compile the constant patterns; a pattern that fails to compile is
    /// caught by the tests, so `None` here never happens in a release.
    fn new() -> Option<Self> {
        Some(Patterns {
            before: CuePatterns::new(BEFORE)?,
            after: CuePatterns::new(AFTER)?,
            plural_after: Regex::new(PLURAL_AFTER).ok()?,
            coordination: Regex::new(COORDINATION).ok()?,
            qualified_by: Regex::new(QUALIFIED_BY).ok()?,
            qualified_stems: Stems::new(&[QUALIFIED_STEMS]),
            actor_after: Regex::new(ACTOR_AFTER).ok()?,
            post_stems: Stems::new(&post_stems()),
        })
    }

    /// The bits of the patterns read after a name that may match there.
    fn post_mask(&self, text: &str, end: usize) -> u32 {
        self.post_stems.mask(after(text, end, POST_LEN))
    }

    /// True when `gap` between two names makes the second qualify the first.
    fn qualifies(&self, gap: &str) -> bool {
        (gap.contains(',') || self.qualified_stems.may_match(gap)) && self.qualified_by.is_match(gap)
    }
}

/// The stem lists of [`Patterns::post_stems`].
fn post_stems() -> Vec<&'static [&'static str]> {
    let mut lists: Vec<&'static [&'static str]> = AFTER.iter().map(|(_, s, _)| *s).collect();
    lists.push(PLURAL_STEMS);
    lists.push(ACTOR_STEMS);
    lists
}

/// Finds place mentions in documents.
pub struct PlaceRecogniser<'a> {
    lexicon: &'a dyn PlaceLexicon,
    patterns: Option<Patterns>,
    stopwords: HashSet<String>,
    preceders: person::Preceders,
    titles: titled::Titles,
}

impl std::fmt::Debug for PlaceRecogniser<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PlaceRecogniser").field("stopwords", &self.stopwords.len()).finish_non_exhaustive()
    }
}

/// The text up to `n` bytes before `at`, cut at a character boundary.
fn before(text: &str, at: usize, n: usize) -> &str {
    let mut from = at.saturating_sub(n);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    text.get(from..at).unwrap_or("")
}

/// The text up to `n` bytes after `at`, cut at a character boundary.
fn after(text: &str, at: usize, n: usize) -> &str {
    let mut to = (at + n).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    text.get(at..to).unwrap_or("")
}

/// `text` split before its last run of non-space characters: (the text
/// before it, the run with the spaces after it).
fn split_last_chunk(text: &str) -> (&str, &str) {
    let body = text.trim_end();
    let start = body.char_indices().rev().find(|(_, c)| c.is_whitespace()).map_or(0, |(i, c)| i + c.len_utf8());
    (text.get(..start).unwrap_or(""), text.get(start..).unwrap_or(""))
}

/// The bits of the [`BEFORE`] patterns that may match `pre`: each pattern's
/// stems are looked for in its last [`BEFORE_CHUNKS`] runs only.
fn before_mask(stems: &Stems, pre: &str) -> u32 {
    let most = BEFORE_CHUNKS.iter().copied().max().unwrap_or(0);
    let (mut mask, mut rest) = (0, pre);
    for n in 1..=most {
        if rest.is_empty() {
            break;
        }
        let (head, chunk) = split_last_chunk(rest);
        let allowed = BEFORE_CHUNKS.iter().enumerate().filter(|(_, m)| **m >= n).fold(0, |a, (k, _)| a | 1 << k);
        mask |= stems.mask(chunk) & allowed;
        rest = head;
    }
    mask
}

/// True when most letters of `s` are capitals (a headline, a shouted line).
fn mostly_upper(s: &str) -> bool {
    let (upper, letters) =
        s.chars().filter(|c| c.is_alphabetic()).fold((0, 0), |(u, n), c| (u + usize::from(c.is_uppercase()), n + 1));
    letters > 0 && upper * 10 >= letters * 6
}

impl<'a> PlaceRecogniser<'a> {
    #[must_use]
    pub fn new(lexicon: &'a dyn PlaceLexicon) -> Self {
        let stopwords = STOPWORDS
            .lines()
            .map(|l| l.split('#').next().unwrap_or("").trim())
            .filter(|l| !l.is_empty())
            .map(normalise::fold)
            .collect();
        PlaceRecogniser {
            lexicon,
            patterns: Patterns::new(),
            stopwords,
            preceders: person::Preceders::embedded(),
            titles: titled::Titles::embedded(),
        }
    }

    /// Place mentions in `doc`, sorted by span. `actors` are the actor
    /// mentions already found in `doc` (may be empty): a place name that is
    /// only part of an actor ("Russian jets", "Turkish army", "Syrian Arab
    /// Army") or a demonym is not an event place.
    #[must_use]
    pub fn find(&self, doc: &Doc, actors: &[ActorMention]) -> Vec<PlaceMention> {
        let (names, demonyms) = self.lexicon.find_names_and_demonyms(&doc.text);
        let countries = self.countries_named(&doc.text, &names, &demonyms);
        self.collect(doc, actors, names, (None, &countries))
    }

    /// Place names that are not event places but say something about an
    /// actor, sorted by span: names inside or before an actor ("Russian
    /// jets" aside, "U.S. forces", "Kabul government") and demonyms
    /// ("Russian", "Palestinians", with their country as the candidate).
    /// `sitrep places` reports them apart from the places; the coder never
    /// sees them.
    #[must_use]
    pub fn find_modifiers(&self, doc: &Doc, actors: &[ActorMention]) -> Vec<PlaceMention> {
        self.find_with_modifiers(doc, actors).1
    }

    /// [`PlaceRecogniser::find`] and [`PlaceRecogniser::find_modifiers`]
    /// in one pass over the text: (places, modifiers), each sorted by span.
    #[must_use]
    pub fn find_with_modifiers(&self, doc: &Doc, actors: &[ActorMention]) -> (Vec<PlaceMention>, Vec<PlaceMention>) {
        let mut out = Vec::new();
        let (names, demonyms) = self.lexicon.find_names_and_demonyms(&doc.text);
        let countries = self.countries_named(&doc.text, &names, &demonyms);
        let places = self.collect(doc, actors, names, (Some(&mut out), &countries));
        let taken = |s: Span, out: &[PlaceMention]| places.iter().chain(out).any(|m| m.span.overlaps(s));
        for m in demonyms {
            if !taken(m.span, &out) {
                out.push(PlaceMention { span: m.span, candidates: m.candidates, cues: Vec::new(), qualifier: None });
            }
        }
        out.sort_by_key(|m| m.span);
        (places, out)
    }

    /// The place mentions of [`PlaceRecogniser::find`] among the lexicon's
    /// `names` in the document; names rejected as part of an actor go to
    /// `modifiers` when it is given.
    ///
    /// A loose match that is dropped (no context says a guess at a
    /// spelling is a place) gives way to the exact name it covered: a
    /// guess should not take a sure name with it ("Georgia Bureau of
    /// Investigation", loosely a hamlet's name, still names Georgia). Not
    /// when the loose match ends with a feature word: "Squirrel Hill" names
    /// a hill, not a place called Squirrel.
    fn collect(
        &self,
        doc: &Doc,
        actors: &[ActorMention],
        mut names: Vec<NameMatch>,
        (mut modifiers, countries): (Option<&mut Vec<PlaceMention>>, &[Iso2]),
    ) -> Vec<PlaceMention> {
        let fallback = |m: &mut NameMatch| m.fallback.take().map(|f| *f).filter(|_| !names_feature(doc.slice(m.span)));
        let fallbacks: Vec<Option<NameMatch>> = names.iter_mut().map(fallback).collect();
        let mut memo = vec![None; names.len()];
        if fallbacks.iter().all(Option::is_none) {
            return self.collect_once(doc, actors, names, (modifiers, countries), &mut memo).0;
        }
        let mark = modifiers.as_deref().map(Vec::len);
        let (kept, dropped) =
            self.collect_once(doc, actors, names.clone(), (modifiers.as_deref_mut(), countries), &mut memo);
        let mut retry = false;
        for (i, fallback) in fallbacks.into_iter().enumerate() {
            if let Some(f) = fallback.filter(|_| dropped.contains(&i)) {
                names[i] = f;
                memo[i] = None;
                retry = true;
            }
        }
        if !retry {
            return kept;
        }
        if let (Some(out), Some(mark)) = (modifiers.as_deref_mut(), mark) {
            out.truncate(mark);
        }
        self.collect_once(doc, actors, names, (modifiers, countries), &mut memo).0
    }

    /// [`PlaceRecogniser::collect`] without fallbacks: the mentions kept,
    /// and the indices of the `names` that are not (sorted).
    /// `memo` holds, per name, what an earlier pass found for it (a retry
    /// asks again only about the names it replaced, or whose previous
    /// place changed), and is filled in.
    fn collect_once(
        &self,
        doc: &Doc,
        actors: &[ActorMention],
        names: Vec<NameMatch>,
        (mut modifiers, countries): (Option<&mut Vec<PlaceMention>>, &[Iso2]),
        memo: &mut [Option<Verdict>],
    ) -> (Vec<PlaceMention>, Vec<usize>) {
        let Some(p) = &self.patterns else { return (Vec::new(), (0..names.len()).collect()) };
        let text = doc.text.as_str();
        let mut name = Words::default();
        let (mut mentions, mut dropped, mut origin) = (Vec::new(), Vec::new(), Vec::new());
        let (mut loose, mut plural, mut bulk) = (Vec::new(), Vec::new(), Vec::new());
        for (i, m) in names.into_iter().enumerate() {
            let prev = mentions.last().map(|pm: &PlaceMention| pm.span);
            let known = memo.get(i).and_then(Option::as_ref).filter(|v| v.prev == prev).cloned();
            let verdict = known.unwrap_or_else(|| {
                name.read(doc.slice(m.span));
                let post = p.post_mask(text, m.span.end);
                Verdict { prev, post, cues: self.accepted(doc, &m, (&name, post), (actors, prev), p) }
            });
            if let Some(slot) = memo.get_mut(i) {
                *slot = Some(verdict.clone());
            }
            let post = verdict.post;
            let cues = match verdict.cues {
                Ok(cues) => cues,
                Err(Rejected::Actor) if !m.loose => {
                    if let Some(out) = modifiers.as_deref_mut() {
                        out.push(PlaceMention {
                            span: m.span,
                            candidates: m.candidates,
                            cues: Vec::new(),
                            qualifier: None,
                        });
                    }
                    continue;
                }
                Err(_) => {
                    dropped.push(i);
                    continue;
                }
            };
            origin.push(i);
            loose.push(m.loose);
            bulk.push(m.unattested);
            plural.push(post & PLURAL_BIT != 0);
            mentions.push(PlaceMention { span: m.span, candidates: m.candidates, cues, qualifier: None });
        }
        spread_plural_cues(text, &mut mentions, &plural, p);
        link_qualifiers(text, &mut mentions, p);
        let keep: Vec<bool> = (0..mentions.len())
            .map(|i| {
                let pm = &mentions[i];
                let qualified = pm.qualifier.is_some() || mentions.iter().any(|o| o.qualifier == Some(pm.span));
                let about = || self.in_countries(text, pm, countries);
                (!loose[i] || has_context(text, pm)) && (!bulk[i] || qualified || has_context(text, pm) || about())
            })
            .collect();
        dropped.extend(origin.iter().zip(&keep).filter(|(_, k)| !**k).map(|(i, _)| *i));
        dropped.sort_unstable();
        let mut kept: Vec<PlaceMention> = mentions.into_iter().zip(keep).filter(|(_, k)| *k).map(|(m, _)| m).collect();
        kept.sort_by_key(|m| m.span);
        (kept, dropped)
    }

    /// The countries the document names, as a country or state or by a
    /// demonym ("Syria", "Syrian army"): what tells a reader that an
    /// obscure village name is meant (see [`NameMatch::unattested`]).
    /// Read only when some name of more than one word is hamlet-only, the
    /// one case [`PlaceRecogniser::in_countries`] asks about.
    fn countries_named(&self, text: &str, names: &[NameMatch], demonyms: &[NameMatch]) -> Vec<Iso2> {
        let asked = |m: &NameMatch| m.unattested && word_count(text, m.span) > 1;
        if !names.iter().any(|m| asked(m) || m.fallback.as_deref().is_some_and(asked)) {
            return Vec::new();
        }
        // Each name once (a story repeats its places), and no hamlet-only
        // name: it names no country or state.
        let mut seen = std::collections::HashSet::new();
        let mut out: Vec<Iso2> = names
            .iter()
            .chain(demonyms)
            .filter(|m| !m.unattested && seen.insert((text.get(m.span.start..m.span.end), m.candidates.first())))
            .flat_map(|m| self.lexicon.countries_named(&m.candidates))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// True when a hamlet-only name has a candidate in a country the
    /// document names: a story about Syria that says "Urum al-Kubra" means
    /// the Syrian village, and the geocoder weighs it with the rest.
    fn in_countries(&self, text: &str, m: &PlaceMention, countries: &[Iso2]) -> bool {
        word_count(text, m.span) > 1
            && !countries.is_empty()
            && self.lexicon.countries_of(&m.candidates).iter().any(|c| countries.contains(c))
    }

    /// The cues of a match that is an event place (`name` holds its words,
    /// `post` is its [`Patterns::post_mask`]); an error for an acronym or a
    /// stop word without a cue, and for part of an actor or an adjective
    /// before an actor noun.
    /// `prev` is the place accepted before this one, if any.
    fn accepted(
        &self,
        doc: &Doc,
        m: &NameMatch,
        (name, post): (&Words, u32),
        (actors, prev): (&[ActorMention], Option<Span>),
        p: &Patterns,
    ) -> Result<Vec<PlaceCue>, Rejected> {
        let text = doc.text.as_str();
        let actor_after = || post & ACTOR_BIT != 0 && p.actor_after.is_match(after(text, m.span.end, 40));
        if !m.abbreviation && is_acronym(doc, m.span, name) {
            return Err(Rejected::NotAPlace);
        }
        let listed = prev.is_some_and(|prev| person::listed_after(text, prev, m.span));
        if !m.abbreviation && !listed && self.surname(doc, m, name) {
            return Err(Rejected::NotAPlace);
        }
        if !m.abbreviation && titled::titled(text, m.span, &self.titles) {
            return Err(Rejected::NotAPlace);
        }
        if source_name::is_source(text, m.span) {
            return Err(Rejected::NotAPlace); // "sources told Al-Manar"
        }
        if inside_actor(m.span, actors) || actor_after() || group_name::in_group_name(text, m.span) {
            return Err(Rejected::Actor);
        }
        if (m.loose && self.lost_apostrophe(doc.slice(m.span))) || name_head::heads_longer_name(text, m.span) {
            return Err(Rejected::NotAPlace);
        }
        let cues = cues(text, m.span, (name, post), p);
        let stop = !m.abbreviation && self.stopwords.contains(name.key()) && !has_kind_cue(&cues);
        if stop {
            Err(Rejected::NotAPlace)
        } else {
            Ok(cues)
        }
    }

    /// True when `word` is a country's or a state's name with a possessive
    /// whose apostrophe was lost ("Syrias second city", "Russias
    /// military"): pages flattened to text drop apostrophes, and the
    /// loose spelling of a hamlet ("Sarisah") must not take the country's
    /// place.
    fn lost_apostrophe(&self, word: &str) -> bool {
        let Some(stem) = word.strip_suffix('s').filter(|s| !s.is_empty() && !s.contains(' ')) else { return false };
        let whole = |n: &NameMatch| n.span.start == 0 && n.span.end == stem.len() && !n.loose;
        self.lexicon.find_names(stem).iter().any(|n| whole(n) && self.lexicon.names_region(&n.candidates))
    }

    /// True when the name of match `m` (its words in `name`) is a person's
    /// surname ([`person`]).
    fn surname(&self, doc: &Doc, m: &NameMatch, name: &Words) -> bool {
        let sentence = || sentence_of(doc, m.span).unwrap_or("");
        let Some(given) = person::given_name(&doc.text, m.span, name, sentence, &self.preceders) else { return false };
        !self.lexicon.is_demonym(given) && !self.lexicon.names_region(&m.candidates)
    }
}

/// A single all-capital word of up to four letters in mixed-case text
/// (`name` holds the words of the name at `span`).
fn is_acronym(doc: &Doc, span: Span, name: &Words) -> bool {
    let text = doc.slice(span);
    let short_caps = name.len() == 1
        && name.as_slice()[0].case == normalise::Case::Upper
        && text.chars().filter(|c| c.is_alphabetic()).count() <= 4;
    short_caps && !mostly_upper(sentence_of(doc, span).unwrap_or(text))
}

/// The text of the sentence that holds `span`.
fn sentence_of(doc: &Doc, span: Span) -> Option<&str> {
    doc.sentence_at(span.start).and_then(|i| doc.sentences.get(i)).map(|s| doc.slice(s.span))
}

/// True when the span lies inside (or straddles) a longer actor mention.
fn inside_actor(span: Span, actors: &[ActorMention]) -> bool {
    actors.iter().any(|a| a.span != span && a.span.overlaps(span) && !span.contains(a.span))
}

/// Cues that say what kind of place this is (not just "near").
fn has_kind_cue(cues: &[PlaceCue]) -> bool {
    cues.iter()
        .any(|c| matches!(c, PlaceCue::Settlement | PlaceCue::Province | PlaceCue::District | PlaceCue::Landform))
}

/// True when a loose match has the context that makes it a place: a cue
/// (other than "border"), or a qualifier introduced by more than a comma
/// ("Marzaf in Deir ez Zor"; a bare comma may just be a list).
fn has_context(text: &str, m: &PlaceMention) -> bool {
    let qualified = m.qualifier.is_some_and(|q| text.get(m.span.end..q.start).is_some_and(|gap| gap.trim() != ","));
    qualified || m.cues.iter().any(|c| *c != PlaceCue::Border)
}

/// The cues around one name (`name` holds its words, `post_mask` is its
/// [`Patterns::post_mask`]).
fn cues(text: &str, span: Span, (name, post_mask): (&Words, u32), p: &Patterns) -> Vec<PlaceCue> {
    let (pre, post) = (before(text, span.start, 100), after(text, span.end, POST_LEN));
    let pre_mask = before_mask(&p.before.stems, pre);
    let mut out: Vec<PlaceCue> = p.before.matching(pre, pre_mask).collect();
    out.extend(p.after.matching(post, post_mask));
    if !name.is_empty() && LANDFORM_WORDS.contains(&name.folded(0)) {
        out.push(PlaceCue::Landform);
    }
    out.sort_by_key(|c| *c as u8);
    out.dedup();
    out
}

/// Give a plural kind word's cue to every name coordinated before it
/// (`maybe_plural[i]`: the plural pattern may match after mention `i`).
fn spread_plural_cues(text: &str, mentions: &mut [PlaceMention], maybe_plural: &[bool], p: &Patterns) {
    for i in (1..mentions.len()).rev() {
        let post = after(text, mentions[i].span.end, 40);
        let gap = text.get(mentions[i - 1].span.end..mentions[i].span.start).unwrap_or("");
        let plural = maybe_plural.get(i).is_some_and(|m| *m) && p.plural_after.is_match(post);
        if plural && p.coordination.is_match(gap) {
            let add: Vec<PlaceCue> = mentions[i].cues.iter().filter(|c| **c != PlaceCue::Near).copied().collect();
            for c in add {
                if !mentions[i - 1].cues.contains(&c) {
                    mentions[i - 1].cues.push(c);
                }
            }
        }
    }
}

/// Link each name to the next one when the text between them qualifies it.
/// A name in brackets right after another is its alternative name, and the
/// qualifier is looked for after it ("Shinwar (Ghani Khel) district, Nangarhar");
/// but two names in brackets are the place's admin chain, smallest first
/// ("Tarin (Dara, Kandahar)"): the first qualifies it, the second the first.
fn link_qualifiers(text: &str, mentions: &mut [PlaceMention], p: &Patterns) {
    let gap = |a: Span, b: Span| text.get(a.end..b.start).unwrap_or("");
    for i in 0..mentions.len() {
        let mut j = i + 1;
        if j < mentions.len() && gap(mentions[i].span, mentions[j].span).trim() == "(" {
            if bracketed_chain(text, &mentions[j..]) {
                mentions[i].qualifier = Some(mentions[j].span);
                continue;
            }
            j += 1;
        }
        let Some(next) = mentions.get(j).map(|m| m.span) else { continue };
        let between = gap(mentions[i].span, next);
        if between.len() <= 60 && p.qualifies(between) {
            mentions[i].qualifier = Some(next);
        }
    }
}

/// True when `ms` starts with two names in brackets separated by a comma,
/// the bracket closing after the second: "(Y, Z)".
fn bracketed_chain(text: &str, ms: &[PlaceMention]) -> bool {
    let [y, z, ..] = ms else { return false };
    let comma = text.get(y.span.end..z.span.start).is_some_and(|g| g.trim() == ",");
    comma && text.get(z.span.end..).is_some_and(|rest| rest.trim_start().starts_with(')'))
}

/// The words of `text[span]`, split at spaces and hyphens.
fn word_count(text: &str, span: Span) -> usize {
    text.get(span.start..span.end).map_or(0, |s| s.split([' ', '-']).filter(|w| !w.is_empty()).count())
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_model::{Actor, DocId, Paragraph, Sentence};

    /// A toy lexicon: each name matched by its folded key, candidates by index.
    struct Toy(Vec<&'static str>);

    impl Toy {
        /// The entry named by words `i..=j`, capitalised at both ends.
        fn find(&self, toks: &[normalise::Token], i: usize, j: usize) -> Option<usize> {
            let key = normalise::join(&toks[i..=j]);
            let n = self.0.iter().position(|n| normalise::fold(n) == key)?;
            let ok = toks[i].case != normalise::Case::Lower && toks[j].case != normalise::Case::Lower;
            ok.then_some(n)
        }

        /// The match of words `i..=j` with entry `n` ('~' marks a loose
        /// entry, '^' an unattested one).
        fn name_match(&self, toks: &[normalise::Token], (i, j): (usize, usize), n: usize) -> NameMatch {
            NameMatch {
                span: Span::new(toks[i].start, toks[j].end),
                candidates: vec![PlaceCandidate(u32::try_from(n).unwrap_or(0))],
                loose: self.0[n].starts_with('~'),
                unattested: self.0[n].starts_with('^'),
                abbreviation: false,
                fallback: None,
            }
        }
    }

    impl PlaceLexicon for Toy {
        /// "Syria" is the toy's only country, and every hamlet is in it.
        fn countries_named(&self, candidates: &[PlaceCandidate]) -> Vec<Iso2> {
            let syria = |c: &&PlaceCandidate| self.0.get(c.0 as usize) == Some(&"Syria");
            candidates.iter().filter(syria).filter_map(|_| Iso2::new("SY").ok()).collect()
        }

        fn names_region(&self, candidates: &[PlaceCandidate]) -> bool {
            candidates.iter().any(|c| self.0.get(c.0 as usize) == Some(&"Syria"))
        }

        fn countries_of(&self, candidates: &[PlaceCandidate]) -> Vec<Iso2> {
            let hamlet = |c: &&PlaceCandidate| self.0.get(c.0 as usize).is_some_and(|n| n.starts_with('^'));
            candidates.iter().filter(hamlet).filter_map(|_| Iso2::new("SY").ok()).collect()
        }

        fn find_names(&self, text: &str) -> Vec<NameMatch> {
            let toks = normalise::tokens(text);
            let mut out = Vec::new();
            let mut i = 0;
            while i < toks.len() {
                let best = (i..toks.len().min(i + 4)).rev().find_map(|j| Some((j, self.find(&toks, i, j)?)));
                match best {
                    Some((j, n)) => {
                        let mut m = self.name_match(&toks, (i, j), n);
                        if m.loose {
                            // The lexicon's walk keeps the shorter exact
                            // name a longer loose one won over.
                            let exact = (i..j).rev().find_map(|k| {
                                Some((k, self.find(&toks, i, k).filter(|n| !self.0[*n].starts_with('~'))?))
                            });
                            m.fallback = exact.map(|(k, e)| Box::new(self.name_match(&toks, (i, k), e)));
                        }
                        out.push(m);
                        i = j + 1;
                    }
                    None => i += 1,
                }
            }
            out
        }
    }

    fn doc(text: &str) -> Doc {
        Doc {
            paragraphs: vec![Paragraph { span: Span::new(0, text.len()) }],
            sentences: vec![Sentence { span: Span::new(0, text.len()), paragraph: 0 }],
            ..Doc::bare(DocId::new("t"), text)
        }
    }

    fn lexicon() -> Toy {
        Toy(vec![
            "^Qwertz",
            "Deir ez-Zor",
            "Latakia",
            "Marzaf",
            "Hazzan",
            "Jabal al-Zawiya",
            "Syria",
            "Turkey",
            "Arab",
            "Mobile",
            "Alexandria",
            "Louisiana",
            "Dawlat Abad",
            "Balkh",
            "Kanjak",
            "Imam Sahib",
            "Kunduz",
            "Manbij",
            "Kabul",
            "SAA",
            "~Zzyzx",
            "Georgia",
            "~Georgia Bureau",
            "Squirrel",
            "~Squirrel Hill",
            "^Urum al-Kubra",
            "~Syrias",
        ])
    }

    /// (text, expected [(mention text, cues, qualifier text)]).
    type Case = (&'static str, Vec<(&'static str, Vec<PlaceCue>, Option<&'static str>)>);

    fn cases() -> Vec<Case> {
        use PlaceCue::*;
        vec![
            (
                "Strikes hit Latakia and Deir ez-Zor provinces.",
                vec![("Latakia", vec![Province], None), ("Deir ez-Zor", vec![Province], None)],
            ),
            (
                "in the vicinity of the village of Marzaf in Deir ez Zor province",
                vec![("Marzaf", vec![Settlement, Near], Some("Deir ez Zor")), ("Deir ez Zor", vec![Province], None)],
            ),
            (
                "the Russian jets hit the terrorists near Jabal al-Zawiya",
                vec![("Jabal al-Zawiya", vec![Near, Landform], None)],
            ),
            ("along the Turkey-Syria border", vec![("Turkey", vec![Border], None), ("Syria", vec![Border], None)]),
            ("attacked by the Syrian Arab Army (SAA)", vec![]),
            ("However, Mobile said in may", vec![]),
            ("the town of Mobile was hit", vec![("Mobile", vec![Settlement], None)]),
            ("Alexandria, Louisiana", vec![("Alexandria", vec![], Some("Louisiana")), ("Louisiana", vec![], None)]),
            (
                "in Dawlat Abad district, Balkh.",
                vec![("Dawlat Abad", vec![District], Some("Balkh")), ("Balkh", vec![], None)],
            ),
            (
                "in Imam Sahib (Kanjak) district, Kunduz.",
                vec![
                    ("Imam Sahib", vec![District], Some("Kunduz")),
                    ("Kanjak", vec![], Some("Kunduz")),
                    ("Kunduz", vec![], None),
                ],
            ),
            (
                "in the Kanjak area of Imam Sahib district, Kunduz",
                vec![
                    ("Kanjak", vec![Near], Some("Imam Sahib")),
                    ("Imam Sahib", vec![District], Some("Kunduz")),
                    ("Kunduz", vec![], None),
                ],
            ),
            (
                "fighting in Kanjak (Imam Sahib, Kunduz) went on",
                vec![
                    ("Kanjak", vec![], Some("Imam Sahib")),
                    ("Imam Sahib", vec![], Some("Kunduz")),
                    ("Kunduz", vec![], None),
                ],
            ),
            ("the ISIS-controlled town of Manbij", vec![("Manbij", vec![Settlement], None)]),
            ("Qwertz said the talks went well", vec![]),
            ("the village of Qwertz burned", vec![("Qwertz", vec![Settlement], None)]),
            ("in Qwertz, Latakia, shots", vec![("Qwertz", vec![], Some("Latakia")), ("Latakia", vec![], None)]),
            ("the Kabul government and Ankara-backed groups", vec![]),
            ("Zzyzx was quiet, but the village of Zzyzx burned", vec![("Zzyzx", vec![Settlement], None)]),
            (
                "Zzyzx, Kabul and Zzyzx in Kabul",
                vec![("Kabul", vec![], None), ("Zzyzx", vec![], Some("Kabul")), ("Kabul", vec![], None)],
            ),
            ("LATAKIA: STRIKES ON SAA", vec![("LATAKIA", vec![], None), ("SAA", vec![], None)]),
            ("agents of the Georgia Bureau raided it", vec![("Georgia", vec![], None)]),
            ("the village of Georgia Bureau burned", vec![("Georgia Bureau", vec![Settlement], None)]),
            ("a Squirrel Hill resident", vec![]),
            // A hamlet's name of more than one word in a story that names
            // the hamlet's country is a place; one word needs a cue.
            ("Syria said jets struck Urum al-Kubra", vec![("Syria", vec![], None), ("Urum al-Kubra", vec![], None)]),
            ("Jets struck Urum al-Kubra on Friday", vec![]),
            ("Syria said jets struck Qwertz", vec![("Syria", vec![], None)]),
            // A country's possessive without its apostrophe is no hamlet.
            ("Jets struck near Syrias second city", vec![]),
        ]
    }

    #[test]
    fn recognises_places_cues_and_qualifiers() {
        let lex = lexicon();
        let rec = PlaceRecogniser::new(&lex);
        for (text, want) in cases() {
            let d = doc(text);
            let got: Vec<(&str, Vec<PlaceCue>, Option<&str>)> = rec
                .find(&d, &[])
                .into_iter()
                .map(|m| (d.slice(m.span), m.cues, m.qualifier.map(|q| d.slice(q))))
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn places_inside_actor_mentions_are_dropped() {
        let lex = lexicon();
        let rec = PlaceRecogniser::new(&lex);
        let d = doc("Forces of Syria Command struck Syria.");
        let code = sitrep_model::ActorCode::new("SYRMIL").unwrap_or_else(|_| unreachable!());
        let actor = Actor {
            name: "Military Forces of Syria".into(),
            code,
            country: None,
            role: sitrep_model::ActorRole::Military,
        };
        let actor = ActorMention { span: Span::new(0, 23), actor };
        let got: Vec<&str> = rec.find(&d, &[actor]).iter().map(|m| d.slice(m.span)).collect();
        assert_eq!(got, vec!["Syria"], "the Syria inside the actor's name is dropped");
    }

    #[test]
    fn all_patterns_compile() {
        let p = Patterns::new();
        assert!(p.is_some());
        let p = p.unwrap_or_else(|| unreachable!());
        assert_eq!(p.before.list.len(), BEFORE.len());
        assert_eq!(p.after.list.len(), AFTER.len());
    }

    /// Words, phrases and separators that make up the texts around names in
    /// the stem-filter property below: keywords, their near misses, `ſ` and
    /// the Kelvin sign, brackets and Unicode spaces.
    const PIECES: &[&str] = &[
        "village of ",
        "Towns of the ",
        "CITIES of ",
        "province of ",
        "sub-district of ",
        "near ",
        "close to the ",
        "northwestern ",
        "of ",
        "Mt. ",
        "mountains of ",
        "borders with ",
        " area",
        " ſtate",
        " \u{212A}abul",
        "-led",
        "-backed",
        " army",
        " armed forces",
        ", in the ",
        " (old) ",
        " provinces",
        " counties",
        " regions",
        " hills",
        " valley",
        " outskirts",
        " border",
        "x",
        "3",
        "é",
        "\u{a0}",
        "\u{2009}",
        "\n",
        " ",
        "-",
        "(",
        ")",
        ",",
    ];

    /// The stem filter never rules out a pattern that matches: for every
    /// pattern and text, a match implies its bit.
    fn stems_are_sound(pre: &str, post: &str, gap: &str) -> Result<(), String> {
        let p = Patterns::new().ok_or("patterns")?;
        let pre_mask = before_mask(&p.before.stems, pre);
        for (k, (cue, r)) in p.before.list.iter().enumerate() {
            if r.is_match(pre) && pre_mask & (1 << k) == 0 {
                return Err(format!("{cue:?} before {pre:?}"));
            }
        }
        let post_mask = p.post_stems.mask(post);
        let after_patterns = p.after.list.iter().map(|(_, r)| r).chain([&p.plural_after, &p.actor_after]);
        for (k, r) in after_patterns.enumerate() {
            if r.is_match(post) && post_mask & (1 << k) == 0 {
                return Err(format!("pattern {k} after {post:?}"));
            }
        }
        if p.qualified_by.is_match(gap) && !(gap.contains(',') || p.qualified_stems.may_match(gap)) {
            return Err(format!("qualifier {gap:?}"));
        }
        Ok(())
    }

    fn pieces(n: std::ops::Range<usize>) -> impl proptest::strategy::Strategy<Value = String> {
        proptest::collection::vec(proptest::sample::select(PIECES), n).prop_map(|v| v.join(""))
    }

    use proptest::strategy::Strategy as _;

    /// Every keyword of every pattern, in the context that pattern reads.
    #[test]
    fn stems_are_sound_for_every_keyword() {
        let before = "village town city hamlet township villages towns cities province governorate region state \
            provinces governorates district county parish subdistrict sub-district districts";
        let near =
            "near|nearby|around|outside|close\tto|outskirts\nof|vicinity\u{a0}of|countryside of|suburb of|suburbs of|\
            environs of|north of|southern of|east of|westERN of|northeast of|northwestern of|southeast of|southwest of|\
            mount|mt.|Mt|mountains of|borders with|border of";
        let after = "village town city hamlet villages towns province governorate region state provinces governorates \
            oblast district county parish sub-district subdistrict districts counties countryside area outskirts suburbs \
            environs vicinity surroundings mountain mountains valley hill hills plain plateau range";
        let actor = "-backed -led -based -controlled -held -supported -allied -aligned -sponsored -born";
        let actor_nouns =
            "army armed\u{2009}forces forces force troops jets warplanes militia militias government regime \
            authorities ministry military police officials";
        let mut cases = Vec::new();
        for w in before.split(' ') {
            cases.push((format!("x {} of the ", w.to_uppercase()), String::new()));
        }
        for w in near.split('|') {
            cases.push((format!("(the {w} "), String::new()));
            cases.push((format!("(the {w} the old village of "), String::new()));
        }
        for w in after.split(' ').chain(["(x) Provinces", "- Syria border"]) {
            cases.push((String::new(), format!(" {w} ")));
        }
        cases.extend(actor.split(' ').map(|w| (String::new(), w.to_owned())));
        cases.extend(actor_nouns.split(' ').map(|w| (String::new(), format!("\t{w}"))));
        for (pre, post) in &cases {
            assert_eq!(stems_are_sound(pre, post, " district of the "), Ok(()), "{pre:?} {post:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn stems_never_rule_out_a_match(pre in pieces(0..16), post in pieces(0..12), gap in pieces(0..6)) {
            proptest::prop_assert_eq!(stems_are_sound(&pre, &post, &gap), Ok(()));
        }

        #[test]
        fn never_panics_on_random_text(text in "\\PC{0,120}") {
            let lex = lexicon();
            let rec = PlaceRecogniser::new(&lex);
            let d = doc(&text);
            for m in rec.find(&d, &[]) {
                proptest::prop_assert!(d.text.get(m.span.start..m.span.end).is_some());
            }
        }
    }
}
