//! The PETRARCH2 verb dictionary (`CAMEO.2.0.txt.gz`), parsed into synsets,
//! verbs and verb blocks with their patterns. The format is described in
//! `data/dictionaries/petrarch2/dictionaries.rst`:
//!
//! ```text
//! &CURRENCY               a synset: its phrases follow on `+` lines
//! +DOLLAR
//! ---  ASK   [---]  ---   a verb block and its default code (`---`: none)
//! ASK     [020]           a verb with its own code
//! QUERY {QUERIES ...}     irregular forms (else regular ones are generated)
//! +ASK_FOR {+ASKED_FOR}   a multi-word verb, `+` marking the inflected word
//! - * &CURRENCY  [0231]   a pattern: pre-verb words, `*`, post-verb words
//! ~ a (a b ATTACK) SAY    a transformation (not used: see `combine`)
//! ```
//!
//! Words and phrases of patterns and synsets are interned as terms
//! ([`TermId`]), so the matcher compares integers.

use std::collections::HashMap;
use std::io::Read;

use super::code::CameoCode;
use super::inflect::{self, Form};
use super::pattern::{self, Pattern};
use super::CameoError;

const GZ: &[u8] =
    include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/dictionaries/petrarch2/CAMEO.2.0.txt.gz"));

/// sitrep's additions to the dictionary, in its format (verbs it lacks).
const OVERLAY: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/rules/cameo_overlay.txt"));

/// An interned word, phrase or synset of the patterns.
pub type TermId = u32;

/// What a term matches in text: each spelling is lower-case, words joined
/// by single spaces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub spellings: Vec<String>,
}

/// The code a verb line gives its verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerbCode {
    /// No `[...]`: the block's code.
    Inherit,
    /// `[---]`: the verb alone is no event.
    Null,
    Code(CameoCode),
}

/// A verb of a block, with every form it is written in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verb {
    /// The lemma, lower-case ("ask for").
    pub lemma: String,
    pub forms: Vec<(String, Form)>,
    pub block: usize,
    pub code: VerbCode,
}

/// A block of synonymous verbs sharing patterns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub name: String,
    /// `None` for `[---]`.
    pub code: Option<CameoCode>,
    pub patterns: Vec<Pattern>,
}

/// The parsed dictionary.
#[derive(Debug, Default)]
pub struct Dictionary {
    pub terms: Vec<Term>,
    pub verbs: Vec<Verb>,
    pub blocks: Vec<Block>,
}

/// What the parser is in the middle of.
enum State {
    Start,
    Synset(TermId, bool),
    Block,
}

/// Terms being interned while the file is read.
#[derive(Debug, Default)]
pub struct Interner {
    words: HashMap<String, TermId>,
    synsets: HashMap<String, TermId>,
    pub terms: Vec<Term>,
}

impl Interner {
    /// The term of a word or phrase of a pattern ("aid", "air strike"), with
    /// its regular plural unless it ends in `_`.
    pub fn word(&mut self, raw: &str) -> TermId {
        let (text, plural) = spelling(raw);
        if let Some(id) = self.words.get(&text) {
            return *id;
        }
        let mut spellings = vec![text.clone()];
        if plural {
            spellings.push(plural_phrase(&text));
        }
        // Patterns often name the plural ("{PEACEKEEPING FORCES}"): the
        // singular matches too.
        if let Some(stem) = text.strip_suffix('s').filter(|t| !t.ends_with('s') && t.len() > 2) {
            spellings.push(stem.to_owned());
        }
        self.push(spellings, Some(text))
    }

    /// The term of a synset by its name (`&CURRENCY`), if defined.
    #[must_use]
    pub fn synset(&self, name: &str) -> Option<TermId> {
        self.synsets.get(name).copied()
    }

    fn define_synset(&mut self, name: &str) -> TermId {
        let id = self.push(Vec::new(), None);
        self.synsets.insert(name.to_owned(), id);
        id
    }

    fn push(&mut self, spellings: Vec<String>, word: Option<String>) -> TermId {
        let id = self.terms.len() as TermId;
        self.terms.push(Term { spellings });
        if let Some(w) = word {
            self.words.insert(w, id);
        }
        id
    }
}

impl Dictionary {
    /// Parse the shipped dictionary and sitrep's overlay
    /// (`data/rules/cameo_overlay.txt`, appended).
    ///
    /// # Errors
    /// When the file cannot be decompressed or a line is malformed.
    pub fn embedded() -> Result<Self, CameoError> {
        let mut text = String::new();
        flate2::read::GzDecoder::new(GZ)
            .read_to_string(&mut text)
            .map_err(|e| CameoError::Dictionary { line: 0, what: format!("decompressing: {e}") })?;
        text.push('\n');
        text.push_str(OVERLAY);
        Self::parse(&text)
    }

    /// Parse dictionary text.
    ///
    /// # Errors
    /// When a verb block header or a code is malformed.
    pub fn parse(text: &str) -> Result<Self, CameoError> {
        let mut dict = Dictionary::default();
        let mut terms = Interner::default();
        let mut state = State::Start;
        for (i, raw) in text.lines().enumerate() {
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() || line.starts_with('~') {
                continue;
            }
            let err = |what: String| CameoError::Dictionary { line: i + 1, what };
            state = dict.line(line, state, &mut terms).map_err(err)?;
        }
        dict.terms = terms.terms;
        Ok(dict)
    }

    /// Read one non-empty line and return the state after it.
    fn line(&mut self, line: &str, state: State, terms: &mut Interner) -> Result<State, String> {
        if let Some(name) = line.strip_prefix('&') {
            let plural = !name.ends_with('_');
            return Ok(State::Synset(terms.define_synset(name), plural));
        }
        if line.starts_with("---") {
            self.blocks.push(block_header(line)?);
            return Ok(State::Block);
        }
        match state {
            State::Synset(id, plural) => {
                let member =
                    line.strip_prefix('+').ok_or_else(|| format!("expected a +phrase in a synset: {line:?}"))?;
                add_synset_phrase(&mut terms.terms[id as usize], member, plural);
                Ok(state)
            }
            State::Block if line.starts_with('-') => {
                let block = self.blocks.len() - 1;
                if let Some(p) = pattern::parse(&line[1..], terms)? {
                    self.blocks[block].patterns.push(p);
                }
                Ok(state)
            }
            State::Block => {
                let verb = verb_line(line, self.blocks.len() - 1)?;
                self.verbs.push(verb);
                Ok(state)
            }
            State::Start => Err(format!("line outside a synset or verb block: {line:?}")),
        }
    }
}

/// `---  ASK   [---]  ---`
fn block_header(line: &str) -> Result<Block, String> {
    let inner = line.trim_matches('-').trim();
    let (name, code) = split_code(inner);
    let code = match code {
        Some(c) => code_spec(c)?,
        None => VerbCode::Null,
    };
    let code = if let VerbCode::Code(c) = code { Some(c) } else { None };
    Ok(Block { name: name.trim().to_owned(), code, patterns: Vec::new() })
}

/// A verb line: `WORD {FORMS} [code]`, `+MULTI_WORD ...`, `WIRE_+TAP ...`.
fn verb_line(line: &str, block: usize) -> Result<Verb, String> {
    let (rest, code) = split_code(line);
    let code = code.map_or(Ok(VerbCode::Inherit), code_spec)?;
    let (head, irregular) = match (rest.find('{'), rest.find('}')) {
        (Some(a), Some(b)) if a < b => (&rest[..a], Some(&rest[a + 1..b])),
        _ => (rest, None),
    };
    let head = head.trim();
    if head.is_empty() {
        return Err(format!("verb line without a verb: {line:?}"));
    }
    let lemma = words_of(head);
    let forms = match irregular {
        Some(list) => listed_forms(&lemma, list),
        None => regular_forms(head),
    };
    Ok(Verb { lemma, forms, block, code })
}

/// The lemma and the forms listed in `{...}`.
fn listed_forms(lemma: &str, list: &str) -> Vec<(String, Form)> {
    let mut forms = vec![(lemma.to_owned(), Form::Base)];
    for f in list.split_whitespace().map(words_of) {
        let class = inflect::classify(lemma, &f);
        forms.push((f, class));
    }
    forms
}

/// The regular forms of a verb phrase, inflecting the word marked `+` (the
/// first word when none is marked).
fn regular_forms(head: &str) -> Vec<(String, Form)> {
    let words: Vec<&str> = head.split('_').filter(|w| !w.is_empty()).collect();
    let marked = words.iter().position(|w| w.starts_with('+')).unwrap_or(0);
    let root = words.get(marked).map_or("", |w| w.trim_start_matches('+')).to_ascii_lowercase();
    inflect::verb_forms(&root)
        .into_iter()
        .map(|(form, class)| {
            let phrase: Vec<String> = words
                .iter()
                .enumerate()
                .map(|(i, w)| if i == marked { form.clone() } else { w.trim_start_matches('+').to_ascii_lowercase() })
                .collect();
            (phrase.join(" "), class)
        })
        .collect()
}

/// `WIRE_+TAP` → "wire tap".
fn words_of(raw: &str) -> String {
    raw.split(['_', ' '])
        .map(|w| w.trim_start_matches('+'))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_lowercase()
}

/// Split `text [code]` into the text and the code's inside.
fn split_code(line: &str) -> (&str, Option<&str>) {
    match (line.rfind('['), line.rfind(']')) {
        (Some(a), Some(b)) if a < b => (&line[..a], Some(&line[a + 1..b])),
        _ => (line, None),
    }
}

/// `---`, `064`, or a paired `042:043` / `:190` (the first code present
/// stands: the second is the reverse direction's, which is not coded).
pub fn code_spec(inside: &str) -> Result<VerbCode, String> {
    // One code in the shipped file carries a stray "!" ("[080!]").
    let first = inside.split(':').map(|c| c.trim().trim_end_matches('!')).find(|c| !c.is_empty()).unwrap_or("---");
    if first == "---" {
        return Ok(VerbCode::Null);
    }
    CameoCode::parse(first).map(VerbCode::Code).ok_or_else(|| format!("bad code [{inside}]"))
}

/// A phrase's spelling and whether it takes a plural (no trailing `_`).
fn spelling(raw: &str) -> (String, bool) {
    let plural = !raw.ends_with('_');
    (words_of(raw), plural)
}

fn add_synset_phrase(term: &mut Term, raw: &str, synset_plural: bool) {
    let (text, plural) = spelling(raw);
    let plural = (synset_plural && plural).then(|| plural_phrase(&text));
    term.spellings.push(text);
    term.spellings.extend(plural);
}

/// The plural of a phrase: its last word pluralised.
fn plural_phrase(text: &str) -> String {
    match text.rsplit_once(' ') {
        Some((head, last)) => format!("{head} {}", inflect::plural(last)),
        None => inflect::plural(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "\
&CURRENCY
+DOLLAR
+CASH_

---  ASK   [---]  ---
+ASK_FOR {+ASKED_FOR +ASKING_FOR +ASKS_FOR} [020]
ASK     [020]
QUERY {QUERYING QUERIES QUERIED }   # a comment
GRILL [110]
- * &CURRENCY                                         [0231]        # REQUEST
- * (FOR {FINANCIAL AID})                             [0231]        # ASK
- * &UNDEFINED                                        [0231]        # ignored

---  VISIT   [042:043]  ---
WIRE_+TAP [1711]
VISIT
";

    #[test]
    fn parses_synsets_verbs_and_patterns() {
        let d = Dictionary::parse(SAMPLE).expect("parses");
        assert_eq!(d.blocks.len(), 2);
        assert_eq!(d.blocks[0].code, None);
        assert_eq!(d.blocks[1].code, CameoCode::parse("042"));
        assert_eq!(d.blocks[0].patterns.len(), 2, "the pattern with an undefined synset is dropped");
        let lemmas: Vec<(&str, VerbCode)> = d.verbs.iter().map(|v| (v.lemma.as_str(), v.code)).collect();
        let code = |c: &str| VerbCode::Code(CameoCode::parse(c).expect("code"));
        assert_eq!(
            lemmas,
            [
                ("ask for", code("020")),
                ("ask", code("020")),
                ("query", VerbCode::Inherit),
                ("grill", code("110")),
                ("wire tap", code("1711")),
                ("visit", VerbCode::Inherit)
            ]
        );
        let forms = |i: usize| d.verbs[i].forms.iter().map(|(f, _)| f.as_str()).collect::<Vec<_>>();
        assert_eq!(forms(0), ["ask for", "asked for", "asking for", "asks for"]);
        assert_eq!(forms(2), ["query", "querying", "queries", "queried"]);
        assert_eq!(forms(4), ["wire tap", "wire taps", "wire taped", "wire tapped", "wire taping", "wire tapping"]);
        let currency = &d.terms[0].spellings;
        assert_eq!(currency, &["dollar", "dollars", "cash"]);
    }

    #[test]
    fn bad_lines_name_their_line() {
        let err = Dictionary::parse("---  X   [---]  ---\nASK [0x1]\n").expect_err("bad code");
        assert!(err.to_string().contains(":2:"), "{err}");
        assert!(Dictionary::parse("ASK\n").is_err(), "a verb outside a block");
    }

    #[test]
    fn shipped_dictionary_parses() {
        let d = Dictionary::embedded().expect("shipped dictionary");
        assert!(d.blocks.len() > 300, "{}", d.blocks.len());
        assert!(d.verbs.len() > 1800, "{}", d.verbs.len());
        assert!(d.blocks.iter().map(|b| b.patterns.len()).sum::<usize>() > 4000);
        let said = d.verbs.iter().find(|v| v.forms.iter().any(|(f, _)| f == "said")).expect("say");
        assert_eq!(d.blocks[said.block].code, CameoCode::parse("010"));
    }
}
