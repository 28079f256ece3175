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
//!   match a transliteration skeleton ("Bgelia" for "Al Bogeleyyah"); such a
//!   match is kept only when the context says it is a place (a cue or a
//!   qualifier).
//!
//! Filters: a stop list (`data/dictionaries/place_stopwords.txt`) removes
//! capitalised common words that are also place names ("However", "Mobile",
//! "Police"), unless a cue such as "the town of" says otherwise; a name inside
//! a longer actor mention ("Syrian Arab Army"), followed by an actor noun
//! ("Kabul government", "Turkish army") or by "-backed", "-led" is not an event
//! place. Cues ([`PlaceCue`]) are read from the words around the name, and a
//! qualifier is the next name when only "," / "in" / "of" (perhaps after a kind
//! word) stand between them: "Alexandria, Louisiana", "Mreya in Deir ez Zor
//! province", "the Kanjak area of Imam Sahib district, Kunduz".

use std::collections::HashSet;

use regex::Regex;
use sitrep_model::{ActorMention, Doc, PlaceCandidate, PlaceCue, PlaceMention, Span};

use crate::normalise;

/// A gazetteer name found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameMatch {
    pub span: Span,
    pub candidates: Vec<PlaceCandidate>,
    /// True when the name matched only by its loose skeleton key.
    pub loose: bool,
}

/// A gazetteer seen as a matcher of names in text.
pub trait PlaceLexicon: Send + Sync {
    /// Gazetteer names in `text` (leftmost-longest, at word boundaries, first
    /// and last word capitalised as described in the module doc); spans are
    /// byte offsets into `text`.
    fn find_names(&self, text: &str) -> Vec<NameMatch>;
}

const STOPWORDS: &str = include_str!("../../../data/dictionaries/place_stopwords.txt");

/// Cue patterns read on the text before a name (anchored at its end).
const BEFORE: &[(PlaceCue, &str)] = &[
    (PlaceCue::Settlement, r"(?i)\b(?:village|town|city|hamlet|township|villages|towns|cities)\s+of\s+(?:the\s+)?$"),
    (PlaceCue::Province, r"(?i)\b(?:province|governorate|region|state|provinces|governorates)\s+of\s+(?:the\s+)?$"),
    (PlaceCue::District, r"(?i)\b(?:district|county|parish|sub-?district|districts)\s+of\s+(?:the\s+)?$"),
    (
        PlaceCue::Near,
        r"(?i)\b(?:near|nearby|around|outside|close\s+to|outskirts\s+of|vicinity\s+of|countryside\s+of|suburbs?\s+of|environs\s+of|(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+of)\s+(?:the\s+)?(?:\w+\s+)?(?:(?:village|town|city|area)\s+of\s+)?$",
    ),
    (PlaceCue::Landform, r"(?i)\b(?:mount|mt\.?|mountains?\s+of)\s+$"),
    (PlaceCue::Border, r"(?i)\bborders?\s+(?:with|of)\s+$"),
];

/// Cue patterns read on the text after a name (anchored at its start).
const AFTER: &[(PlaceCue, &str)] = &[
    (PlaceCue::Settlement, r"(?i)^[\s-]*(?:\([^)]{1,40}\)\s*)?(?:village|town|city|hamlet|villages|towns)\b"),
    (PlaceCue::Province, r"(?i)^\s*(?:\([^)]{1,40}\)\s*)?(?:province|governorate|region|state|provinces|governorates|oblast)\b"),
    (PlaceCue::District, r"(?i)^\s*(?:\([^)]{1,40}\)\s*)?(?:district|county|parish|sub-?district|districts|counties)\b"),
    (PlaceCue::Near, r"(?i)^\s*(?:\([^)]{1,40}\)\s*)?(?:countryside|area|outskirts|suburbs|environs|vicinity|surroundings)\b"),
    (PlaceCue::Landform, r"(?i)^\s*(?:\([^)]{1,40}\)\s*)?(?:mountains?|valley|hills?|plain|plateau|range)\b"),
    (PlaceCue::Border, r"(?i)^(?:\s*-\s*\w+)?\s+border\b"),
];

/// A plural kind word after the last of coordinated names applies to all
/// ("Latakia and Deir ez-Zor provinces").
const PLURAL_AFTER: &str = r"(?i)^\s*(?:\([^)]{1,40}\)\s*)?(?:provinces|governorates|districts|villages|towns|counties|regions)\b";
/// What may stand between two coordinated names.
const COORDINATION: &str = r"(?i)^\s*(?:,\s*(?:and\s+)?|and\s+)$";
/// What may stand between a name and its qualifier.
const QUALIFIED_BY: &str = r"(?i)^\)?\s*(?:\([^)]{1,40}\)\s*)?(?:(?:village|town|city|district|area|province|county|parish|governorate|region|countryside)\s*)?(?:,|\bin\b|\bof\b)\s*(?:the\s+)?$";
/// Words after a name that make it part of an actor's name or an adjective.
const ACTOR_AFTER: &str = r"(?i)^(?:-(?:backed|led|based|controlled|held|supported|allied|aligned|sponsored|born)\b|\s+(?:army|armed\s+forces|forces|force|troops|jets|warplanes|militia|militias|government|regime|authorities|ministry|military|police|officials)\b)";

/// Leading words of a name that make it a landform.
const LANDFORM_WORDS: &[&str] = &["mount", "jabal", "jebel", "djebel", "jabl"];

/// The compiled context patterns.
#[derive(Debug)]
struct Patterns {
    before: Vec<(PlaceCue, Regex)>,
    after: Vec<(PlaceCue, Regex)>,
    plural_after: Regex,
    coordination: Regex,
    qualified_by: Regex,
    actor_after: Regex,
}

fn compile(list: &[(PlaceCue, &str)]) -> Vec<(PlaceCue, Regex)> {
    list.iter().filter_map(|(c, p)| Some((*c, Regex::new(p).ok()?))).collect()
}

impl Patterns {
    /// Compile the constant patterns; a pattern that fails to compile is
    /// caught by the tests, so `None` here never happens in a release.
    fn new() -> Option<Self> {
        Some(Patterns {
            before: compile(BEFORE),
            after: compile(AFTER),
            plural_after: Regex::new(PLURAL_AFTER).ok()?,
            coordination: Regex::new(COORDINATION).ok()?,
            qualified_by: Regex::new(QUALIFIED_BY).ok()?,
            actor_after: Regex::new(ACTOR_AFTER).ok()?,
        })
    }
}

/// Finds place mentions in documents.
pub struct PlaceRecogniser<'a> {
    lexicon: &'a dyn PlaceLexicon,
    patterns: Option<Patterns>,
    stopwords: HashSet<String>,
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

/// True when most letters of `s` are capitals (a headline, a shouted line).
fn mostly_upper(s: &str) -> bool {
    let (upper, letters) = s.chars().filter(|c| c.is_alphabetic()).fold((0, 0), |(u, n), c| {
        (u + usize::from(c.is_uppercase()), n + 1)
    });
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
        PlaceRecogniser { lexicon, patterns: Patterns::new(), stopwords }
    }

    /// Place mentions in `doc`, sorted by span. `actors` are the actor
    /// mentions already found in `doc` (may be empty): a place name that is
    /// only part of an actor ("Russian jets", "Turkish army", "Syrian Arab
    /// Army") or a demonym is not an event place.
    #[must_use]
    pub fn find(&self, doc: &Doc, actors: &[ActorMention]) -> Vec<PlaceMention> {
        let Some(p) = &self.patterns else { return Vec::new() };
        let text = doc.text.as_str();
        let matches: Vec<NameMatch> =
            self.lexicon.find_names(text).into_iter().filter(|m| !self.rejected(doc, m, actors, p)).collect();
        let mut mentions: Vec<PlaceMention> = matches
            .iter()
            .map(|m| PlaceMention { span: m.span, candidates: m.candidates.clone(), cues: cues(text, m.span, p), qualifier: None })
            .collect();
        spread_plural_cues(text, &mut mentions, p);
        link_qualifiers(text, &mut mentions, p);
        let keep: Vec<bool> = matches.iter().zip(&mentions).map(|(m, pm)| !m.loose || has_context(text, pm)).collect();
        let mut kept: Vec<PlaceMention> = mentions.into_iter().zip(keep).filter(|(_, k)| *k).map(|(m, _)| m).collect();
        kept.sort_by_key(|m| m.span);
        kept
    }

    /// True when the match is not an event place: an acronym, a stop word
    /// without a cue, part of an actor, or an adjective before an actor noun.
    fn rejected(&self, doc: &Doc, m: &NameMatch, actors: &[ActorMention], p: &Patterns) -> bool {
        let text = doc.text.as_str();
        let name = doc.slice(m.span);
        let folded = normalise::fold(name);
        let stop = self.stopwords.contains(&folded) && !has_kind_cue(&cues(text, m.span, p));
        stop || is_acronym(doc, m.span, name)
            || inside_actor(m.span, actors)
            || p.actor_after.is_match(after(text, m.span.end, 40))
    }
}

/// A single all-capital word of up to four letters in mixed-case text.
fn is_acronym(doc: &Doc, span: Span, name: &str) -> bool {
    let toks = normalise::tokens(name);
    let short_caps = toks.len() == 1
        && toks[0].case == normalise::Case::Upper
        && name.chars().filter(|c| c.is_alphabetic()).count() <= 4;
    let sentence = doc.sentence_at(span.start).and_then(|i| doc.sentences.get(i)).map_or(name, |s| doc.slice(s.span));
    short_caps && !mostly_upper(sentence)
}

/// True when the span lies inside (or straddles) a longer actor mention.
fn inside_actor(span: Span, actors: &[ActorMention]) -> bool {
    actors.iter().any(|a| a.span != span && a.span.overlaps(span) && !span.contains(a.span))
}

/// Cues that say what kind of place this is (not just "near").
fn has_kind_cue(cues: &[PlaceCue]) -> bool {
    cues.iter().any(|c| matches!(c, PlaceCue::Settlement | PlaceCue::Province | PlaceCue::District | PlaceCue::Landform))
}

/// True when a loose match has the context that makes it a place: a cue
/// (other than "border"), or a qualifier introduced by more than a comma
/// ("Mreya in Deir ez Zor"; a bare comma may just be a list).
fn has_context(text: &str, m: &PlaceMention) -> bool {
    let qualified = m.qualifier.is_some_and(|q| text.get(m.span.end..q.start).is_some_and(|gap| gap.trim() != ","));
    qualified || m.cues.iter().any(|c| *c != PlaceCue::Border)
}

/// The cues around one name.
fn cues(text: &str, span: Span, p: &Patterns) -> Vec<PlaceCue> {
    let (pre, post) = (before(text, span.start, 100), after(text, span.end, 60));
    let mut out: Vec<PlaceCue> = p.before.iter().filter(|(_, r)| r.is_match(pre)).map(|(c, _)| *c).collect();
    out.extend(p.after.iter().filter(|(_, r)| r.is_match(post)).map(|(c, _)| *c));
    let first = normalise::tokens(text.get(span.start..span.end).unwrap_or(""));
    if first.first().is_some_and(|t| LANDFORM_WORDS.contains(&t.folded.as_str())) {
        out.push(PlaceCue::Landform);
    }
    out.sort_by_key(|c| *c as u8);
    out.dedup();
    out
}

/// Give a plural kind word's cue to every name coordinated before it.
fn spread_plural_cues(text: &str, mentions: &mut [PlaceMention], p: &Patterns) {
    for i in (1..mentions.len()).rev() {
        let post = after(text, mentions[i].span.end, 40);
        let plural = p.plural_after.is_match(post);
        let gap = text.get(mentions[i - 1].span.end..mentions[i].span.start).unwrap_or("");
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
/// qualifier is looked for after it ("Shinwar (Ghani Khel) district, Nangarhar").
fn link_qualifiers(text: &str, mentions: &mut [PlaceMention], p: &Patterns) {
    let gap = |a: Span, b: Span| text.get(a.end..b.start).unwrap_or("");
    for i in 0..mentions.len() {
        let mut j = i + 1;
        if j < mentions.len() && gap(mentions[i].span, mentions[j].span).trim() == "(" {
            j += 1;
        }
        let Some(next) = mentions.get(j).map(|m| m.span) else { continue };
        let between = gap(mentions[i].span, next);
        if between.len() <= 60 && p.qualified_by.is_match(between) {
            mentions[i].qualifier = Some(next);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_model::{Actor, DocId, Paragraph, Sentence};

    /// A toy lexicon: each name matched by its folded key, candidates by index.
    struct Toy(Vec<&'static str>);

    impl PlaceLexicon for Toy {
        fn find_names(&self, text: &str) -> Vec<NameMatch> {
            let toks = normalise::tokens(text);
            let mut out = Vec::new();
            let mut i = 0;
            while i < toks.len() {
                let best = (i..toks.len().min(i + 4)).rev().find_map(|j| {
                    let key = normalise::join(&toks[i..=j]);
                    let n = self.0.iter().position(|n| normalise::fold(n) == key)?;
                    let ok = toks[i].case != normalise::Case::Lower && toks[j].case != normalise::Case::Lower;
                    ok.then_some((j, n))
                });
                match best {
                    Some((j, n)) => {
                        let loose = self.0[n].starts_with('~');
                        let cand = vec![PlaceCandidate(u32::try_from(n).unwrap_or(0))];
                        out.push(NameMatch { span: Span::new(toks[i].start, toks[j].end), candidates: cand, loose });
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
            id: DocId::new("t"),
            title: None,
            published: None,
            outlet: None,
            byline: None,
            url: None,
            text: text.into(),
            paragraphs: vec![Paragraph { span: Span::new(0, text.len()) }],
            sentences: vec![Sentence { span: Span::new(0, text.len()), paragraph: 0 }],
        }
    }

    fn lexicon() -> Toy {
        Toy(vec![
            "Deir ez-Zor", "Latakia", "Mreya", "Bgelia", "Jabal al-Akrad", "Syria", "Turkey", "Arab",
            "Mobile", "Alexandria", "Louisiana", "Dawlat Abad", "Balkh", "Kanjak", "Imam Sahib", "Kunduz",
            "Manbij", "Kabul", "SAA", "~Zzyzx",
        ])
    }

    /// (text, expected [(mention text, cues, qualifier text)]).
    type Case = (&'static str, Vec<(&'static str, Vec<PlaceCue>, Option<&'static str>)>);

    fn cases() -> Vec<Case> {
        use PlaceCue::*;
        vec![
            ("Strikes hit Latakia and Deir ez-Zor provinces.", vec![("Latakia", vec![Province], None), ("Deir ez-Zor", vec![Province], None)]),
            ("in the vicinity of the village of Mreya in Deir ez Zor province", vec![("Mreya", vec![Settlement, Near], Some("Deir ez Zor")), ("Deir ez Zor", vec![Province], None)]),
            ("the Russian jets hit the terrorists near Jabal al-Akrad", vec![("Jabal al-Akrad", vec![Near, Landform], None)]),
            ("along the Turkey-Syria border", vec![("Turkey", vec![Border], None), ("Syria", vec![Border], None)]),
            ("attacked by the Syrian Arab Army (SAA)", vec![]),
            ("However, Mobile said in may", vec![]),
            ("the town of Mobile was hit", vec![("Mobile", vec![Settlement], None)]),
            ("Alexandria, Louisiana", vec![("Alexandria", vec![], Some("Louisiana")), ("Louisiana", vec![], None)]),
            ("in Dawlat Abad district, Balkh.", vec![("Dawlat Abad", vec![District], Some("Balkh")), ("Balkh", vec![], None)]),
            ("in Imam Sahib (Kanjak) district, Kunduz.", vec![("Imam Sahib", vec![District], Some("Kunduz")), ("Kanjak", vec![], Some("Kunduz")), ("Kunduz", vec![], None)]),
            ("in the Kanjak area of Imam Sahib district, Kunduz", vec![("Kanjak", vec![Near], Some("Imam Sahib")), ("Imam Sahib", vec![District], Some("Kunduz")), ("Kunduz", vec![], None)]),
            ("the ISIS-controlled town of Manbij", vec![("Manbij", vec![Settlement], None)]),
            ("the Kabul government and Ankara-backed groups", vec![]),
            ("Zzyzx was quiet, but the village of Zzyzx burned", vec![("Zzyzx", vec![Settlement], None)]),
            ("Zzyzx, Kabul and Zzyzx in Kabul", vec![("Kabul", vec![], None), ("Zzyzx", vec![], Some("Kabul")), ("Kabul", vec![], None)]),
            ("LATAKIA: STRIKES ON SAA", vec![("LATAKIA", vec![], None), ("SAA", vec![], None)]),
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
        let actor = Actor { name: "Military Forces of Syria".into(), code, country: None, role: sitrep_model::ActorRole::Military };
        let actor = ActorMention { span: Span::new(0, 23), actor };
        let got: Vec<&str> = rec.find(&d, &[actor]).iter().map(|m| d.slice(m.span)).collect();
        assert_eq!(got, vec!["Syria"], "the Syria inside the actor's name is dropped");
    }

    #[test]
    fn all_patterns_compile() {
        let p = Patterns::new();
        assert!(p.is_some());
        let p = p.unwrap_or_else(|| unreachable!());
        assert_eq!(p.before.len(), BEFORE.len());
        assert_eq!(p.after.len(), AFTER.len());
    }

    proptest::proptest! {
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
