//! Grammar coverage against PETRARCH2's validation records: an XML file
//! (`<Validation>`) of `<Sentence id category>` records, each with its
//! `<Text>` and `<EventCoding sourcecode targetcode eventcode>` answers (or
//! `noevents`), written with fictional actors (Arnor, Gondor, ...).
//!
//! The metric: **root-and-actors coverage** (`full_found` over
//! `cameo_codings`), the share of the answers with a CAMEO root for which
//! one event sitrep codes has the answer's root and every scored actor as
//! its source and target. The figures below it are its parts.
//!
//! What is scored, and why:
//! - Root codes: an answer is found when some event sitrep codes for the
//!   sentence has the same CAMEO root (first two digits). Answers whose code
//!   is not a CAMEO root (901, 174K: codes made up for PETRARCH's own
//!   validation verb dictionary, which is not shipped) are counted apart.
//! - Actors: the validation actor dictionary is not shipped either, so
//!   actor codes are aligned to words from the file itself: for each code's
//!   three-letter prefix, the capitalised word that co-occurs with it most
//!   specifically across the records (highest Dice coefficient, at least
//!   0.3: ARN → "Arnor"). A source or target is right when the words sitrep
//!   chose contain that word. Codes starting `---` or `###` (no actor) are
//!   not scored; a quoted code (a new actor's text) is compared with that
//!   text.
//! - The grammar figure, independent of the verb dictionary: an answer's
//!   actors are found when one event (whatever its code) has every scored
//!   actor as its source and target. An answer is fully found when one
//!   event has its root and every scored actor. Figures are given per
//!   record group (the id's prefix: PASSIVE,
//!   COMPOUND, SYNSET, ...). Negation is reported as the records with "not",
//!   "n't" or "never" whose negated verb sitrep marked negated or coded as a
//!   rejection.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use rayon::prelude::*;
use serde::Serialize;

use crate::cameo::{CameoCoder, CameoEvent};
use crate::doc::process_sentence;
use crate::{xml, EvalError};
use roxmltree::{Document, Node};
use sitrep_pipeline::Pipeline;

/// The root element of a PETRARCH2 validation file.
pub const ROOT: &str = "Validation";

/// The least Dice coefficient for a word to stand for an actor code.
const MIN_DICE: f64 = 0.3;

/// One `<EventCoding>` answer.
#[derive(Debug, Clone)]
struct Coding {
    source: String,
    target: String,
    code: String,
}

/// One `<Sentence>` record.
#[derive(Debug, Clone)]
struct Record {
    id: String,
    group: String,
    text: String,
    codings: Vec<Coding>,
    no_events: bool,
}

/// Counts for one record group.
#[derive(Debug, Default, Serialize)]
pub struct GroupScore {
    pub group: String,
    pub codings: usize,
    pub root: usize,
    pub actors: usize,
    pub full: usize,
}

/// The coverage figures of one validation file.
#[derive(Debug, Default, Serialize)]
pub struct PetrarchScore {
    pub file: String,
    pub records: usize,
    /// Every `<EventCoding>` with an event code.
    pub codings: usize,
    /// Of those, the ones whose code has a CAMEO root (00–20).
    pub cameo_codings: usize,
    pub root_found: usize,
    pub source_scored: usize,
    pub source_found: usize,
    pub target_scored: usize,
    pub target_found: usize,
    /// Every scored actor on one event, whatever its code.
    pub actors_found: usize,
    /// Root and every scored actor on one event.
    pub full_found: usize,
    pub no_event_records: usize,
    pub no_event_kept: usize,
    pub negation_records: usize,
    pub negation_marked: usize,
    pub aligned_codes: usize,
    pub groups: Vec<GroupScore>,
    pub misses: Vec<String>,
}

/// What one answer scored.
#[derive(Debug, Default, Clone, Copy)]
struct Found {
    cameo: bool,
    root: bool,
    source: Option<bool>,
    target: Option<bool>,
    actors: bool,
    full: bool,
}

/// True when the file is a PETRARCH validation file: XML whose root is
/// `<Validation>`.
#[must_use]
pub fn is_petrarch(path: &Path) -> bool {
    xml::root_name(path).is_ok_and(|n| n == ROOT)
}

/// Score a validation file.
///
/// # Errors
/// When the file cannot be read or is not well-formed XML.
pub fn score(path: &Path, pipeline: &Pipeline<'_>, cameo: &CameoCoder) -> Result<PetrarchScore, EvalError> {
    let text = xml::read(path)?;
    let records = records(&xml::parse(path, &text)?);
    let align = align(&records);
    let coded: Vec<Vec<(CameoEvent, String, String)>> = records.par_iter().map(|r| code(r, pipeline, cameo)).collect();
    let mut score = PetrarchScore {
        file: path.display().to_string(),
        records: records.len(),
        aligned_codes: align.len(),
        ..PetrarchScore::default()
    };
    let mut groups: BTreeMap<String, GroupScore> = BTreeMap::new();
    for (r, events) in records.iter().zip(&coded) {
        tally_record(&mut score, &mut groups, r, events, &align);
    }
    score.groups = groups.into_values().collect();
    Ok(score)
}

/// Add one record's answers to the tallies.
fn tally_record(
    score: &mut PetrarchScore,
    groups: &mut BTreeMap<String, GroupScore>,
    r: &Record,
    events: &[(CameoEvent, String, String)],
    align: &HashMap<String, String>,
) {
    if r.no_events {
        score.no_event_records += 1;
        score.no_event_kept += usize::from(events.iter().all(|(e, _, _)| e.plover.is_none()));
    }
    if negated_text(&r.text) {
        score.negation_records += 1;
        score.negation_marked += usize::from(events.iter().any(|(e, _, _)| e.negated || e.code.root() == 12));
    }
    for c in &r.codings {
        let f = found(c, events, align);
        score.codings += 1;
        let g = groups
            .entry(r.group.clone())
            .or_insert_with(|| GroupScore { group: r.group.clone(), ..GroupScore::default() });
        if !f.cameo {
            continue;
        }
        score.cameo_codings += 1;
        g.codings += 1;
        score.root_found += usize::from(f.root);
        g.root += usize::from(f.root);
        score.full_found += usize::from(f.full);
        g.full += usize::from(f.full);
        score.actors_found += usize::from(f.actors);
        g.actors += usize::from(f.actors);
        score.source_scored += usize::from(f.source.is_some());
        score.source_found += usize::from(f.source == Some(true));
        score.target_scored += usize::from(f.target.is_some());
        score.target_found += usize::from(f.target == Some(true));
        if !f.full {
            score.misses.push(describe(r, c, events));
        }
    }
}

/// Whether the events cover one answer.
fn found(c: &Coding, events: &[(CameoEvent, String, String)], align: &HashMap<String, String>) -> Found {
    let Some(root) = root_of(&c.code) else { return Found::default() };
    let (src, tgt) = (actor_word(&c.source, align), actor_word(&c.target, align));
    let side = |w: &Option<String>, pick: fn(&(CameoEvent, String, String)) -> &str| {
        w.as_ref().map(|w| events.iter().any(|e| matches_actor(pick(e), w)))
    };
    let both = |e: &&(CameoEvent, String, String)| {
        let ok = |w: &Option<String>, text: &str| w.as_ref().is_none_or(|w| matches_actor(text, w));
        ok(&src, &e.1) && ok(&tgt, &e.2)
    };
    let rooted = |e: &&(CameoEvent, String, String)| e.0.code.root() == root;
    let scored = src.is_some() || tgt.is_some();
    Found {
        cameo: true,
        root: events.iter().any(|e| rooted(&e)),
        source: side(&src, |e| &e.1),
        target: side(&tgt, |e| &e.2),
        actors: scored && events.iter().any(|e| both(&e)),
        full: events.iter().any(|e| rooted(&e) && both(&e)),
    }
}

/// The CAMEO root of an answer code, if it has one (00–20).
fn root_of(code: &str) -> Option<u8> {
    let root: u8 = code.get(..2)?.parse().ok()?;
    (root <= 20 && code.len() >= 2).then_some(root)
}

/// The word that stands for an actor code, or the text of a quoted one.
fn actor_word(code: &str, align: &HashMap<String, String>) -> Option<String> {
    let code = code.trim();
    if let Some(text) = code.strip_prefix('"') {
        return Some(text.trim_end_matches('"').to_ascii_lowercase());
    }
    align.get(code.get(..3)?).cloned()
}

/// True when the chosen words name the actor: they contain its word, or
/// (for a quoted actor) share a word with it.
fn matches_actor(chosen: &str, word: &str) -> bool {
    let chosen = chosen.to_ascii_lowercase();
    if word.contains(' ') {
        return word
            .split(' ')
            .filter(|w| w.len() > 2)
            .any(|w| chosen.split(|c: char| !c.is_alphanumeric()).any(|c| c == w));
    }
    chosen.split(|c: char| !c.is_alphanumeric()).any(|c| c == word)
}

/// The pipeline and the CAMEO coder on one record: events with the text
/// of their source and target.
fn code(r: &Record, pipeline: &Pipeline<'_>, cameo: &CameoCoder) -> Vec<(CameoEvent, String, String)> {
    let p = process_sentence(pipeline, &r.id, &r.text);
    let text = |s: Option<crate::cameo::Party>| s.map_or(String::new(), |s| p.doc.slice(s.span).to_owned());
    p.doc
        .sentences
        .iter()
        .flat_map(|s| cameo.code(&p.doc, s.span, &p.mentions))
        .map(|e| (e, text(e.source), text(e.target)))
        .collect()
}

fn describe(r: &Record, c: &Coding, events: &[(CameoEvent, String, String)]) -> String {
    let got: Vec<String> =
        events.iter().map(|(e, s, t)| format!("{} {s}>{t}{}", e.code, if e.negated { " not" } else { "" })).collect();
    format!("{} want {} {}>{} got [{}]: {}", r.id, c.code, c.source, c.target, got.join("; "), r.text)
}

fn negated_text(text: &str) -> bool {
    let t = format!(" {} ", text.to_ascii_lowercase());
    [" not ", "n't ", " never "].iter().any(|n| t.contains(n))
}

/// Each actor code's word: the capitalised word most specific to the
/// records that carry the code.
fn align(records: &[Record]) -> HashMap<String, String> {
    let mut code_n: HashMap<String, usize> = HashMap::new();
    let mut word_n: HashMap<String, usize> = HashMap::new();
    let mut pair_n: HashMap<(String, String), usize> = HashMap::new();
    for r in records {
        let words = names(&r.text);
        let codes: HashSet<String> =
            r.codings.iter().flat_map(|c| [&c.source, &c.target]).filter_map(|c| plain_code(c)).collect();
        for w in &words {
            *word_n.entry(w.clone()).or_default() += 1;
        }
        for c in &codes {
            *code_n.entry(c.clone()).or_default() += 1;
            for w in &words {
                *pair_n.entry((c.clone(), w.clone())).or_default() += 1;
            }
        }
    }
    let mut best: HashMap<String, (f64, String)> = HashMap::new();
    for ((c, w), n) in pair_n {
        let dice = 2.0 * n as f64 / (code_n[&c] + word_n[&w]) as f64;
        let e = best.entry(c).or_insert((0.0, String::new()));
        if dice > e.0 || (dice == e.0 && w < e.1) {
            *e = (dice, w);
        }
    }
    best.into_iter().filter(|(_, (d, _))| *d >= MIN_DICE).map(|(c, (_, w))| (c, w)).collect()
}

/// The three-letter actor prefix of a code, unless it names no actor.
fn plain_code(code: &str) -> Option<String> {
    let p = code.trim().get(..3)?;
    p.bytes().all(|b| b.is_ascii_uppercase()).then(|| p.to_owned())
}

/// The capitalised words of a text, lower-cased, possessives dropped.
fn names(text: &str) -> HashSet<String> {
    const SKIP: &[&str] = &["the", "a", "an", "in", "on", "and", "it", "its", "he", "she", "they", "neither"];
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .map(|w| w.trim_end_matches("'s").trim_matches(['\'', '-']))
        .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
        .map(str::to_ascii_lowercase)
        .filter(|w| !SKIP.contains(&w.as_str()))
        .collect()
}

/// The records of a validation file: its `<Sentence>` elements.
fn records(doc: &Document<'_>) -> Vec<Record> {
    xml::elements(doc.root_element(), "Sentence").filter_map(record).collect()
}

/// A record with its `id` and `<Text>` (whitespace runs made one space), or
/// `None` without them.
fn record(node: Node<'_, '_>) -> Option<Record> {
    let id = node.attribute("id")?.to_owned();
    let category = node.attribute("category").unwrap_or_default();
    let text = xml::text_of(node, "Text")?.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut codings = Vec::new();
    let mut no_events = false;
    for tag in xml::elements(node, "EventCoding") {
        no_events |= tag.attribute("noevents").is_some_and(|v| v.eq_ignore_ascii_case("true"));
        if let Some(code) = tag.attribute("eventcode") {
            let attr = |name: &str| tag.attribute(name).unwrap_or_default().to_owned();
            codings.push(Coding { source: attr("sourcecode"), target: attr("targetcode"), code: code.to_owned() });
        }
    }
    Some(Record { group: group_of(&id, category), id, text, codings, no_events })
}

/// The record group: the id's capital-letter prefix ("PASSIVE" of
/// "PASSIVE-01"), else the category attribute.
fn group_of(id: &str, category: &str) -> String {
    match id.split_once('-') {
        Some((p, _)) if !p.is_empty() && p.bytes().all(|b| b.is_ascii_uppercase()) => p.to_owned(),
        _ => category.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const XML: &str = r#"<Validation><Sentences>
<Sentence date="19950101" id="PASSIVE-01" category="MODIFY" sentence="true">
<EventCoding sourcecode="VAL" targetcode="KES" eventcode="112"></EventCoding>
<Text>
Kestria was opposed by Valdoria &amp; friends.
</Text>
</Sentence>
<Sentence date = "20080801" id ="X0808-2" category="PARSING"  sentence="true">
<EventCoding noevents = "True"></EventCoding>
<Text>Nothing at all.</Text>
</Sentence>
<Sentence date="19950101" id="COMPOUND-01" category="COMPOUND" sentence="true">
<EventCoding sourcecode='"NEW ACTOR"' targetcode="KES" eventcode="174K"></EventCoding>
<EventCoding sourcecode="---GOV" targetcode="VAL" eventcode="042"></EventCoding>
<Text>Valdoria met Kestria.</Text>
</Sentence>
<Sentence date="19950101" id="DEMO-01" category="DEMO" sentence="true">
<EventCoding sourcecode="VAL" targetcode="NOR" eventcode="042"></EventCoding>
<Text>Valdoria met Norland.</Text>
</Sentence>
</Sentences></Validation>"#;

    #[test]
    fn reads_records_and_attributes() {
        let rs = records(&xml::parse_str(XML).expect("well-formed"));
        let summary: Vec<(String, String, usize, bool)> =
            rs.iter().map(|r| (r.id.clone(), r.group.clone(), r.codings.len(), r.no_events)).collect();
        assert_eq!(
            summary,
            [
                ("PASSIVE-01".into(), "PASSIVE".into(), 1, false),
                ("X0808-2".into(), "PARSING".into(), 0, true),
                ("COMPOUND-01".into(), "COMPOUND".into(), 2, false),
                ("DEMO-01".into(), "DEMO".into(), 1, false)
            ]
        );
        assert_eq!(rs[0].text, "Kestria was opposed by Valdoria & friends.");
        assert_eq!(rs[2].codings[0].source, "\"NEW ACTOR\"");
    }

    #[test]
    fn codes_align_to_their_words() {
        let a = align(&records(&xml::parse_str(XML).expect("well-formed")));
        assert_eq!(a.get("KES").map(String::as_str), Some("kestria"));
        assert_eq!(a.get("VAL").map(String::as_str), Some("valdoria"));
        assert!(!a.contains_key("---"), "no-actor codes are not aligned");
        assert_eq!(root_of("174K"), Some(17));
        assert_eq!(root_of("901"), None);
        assert!(matches_actor("the Valdoria army", "valdoria"));
        assert!(!matches_actor("Valdorian", "valdoria"));
    }
}
