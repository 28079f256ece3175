//! Quantities: counted things ("16 sorties", "killed at least 12", "dozens of
//! civilians"), each a [`Quantity`] with its byte span.
//!
//! The recogniser works on word tokens, one sentence at a time. At each number
//! (digits, "twenty-three", "two hundred", "dozens", "a dozen", or the article
//! "a"/"an" where it counts one person) it reads:
//! 1. a qualifier before it ("at least", "nearly", "up to");
//! 2. the noun phrase after it ("57 terrorist targets" → Targets);
//! 3. what befell the counted, which turns a count of people into a casualty
//!    count: a verb right after ("12 killed"), a passive later in the clause
//!    ("3 soldiers were killed"), or a verb right before ("killing 12").
//!
//! Not counts: years, days of months, times, ages, percentages, money,
//! measures, designators ("Resolution 2254", "Route 5", "the 21 Brigade"),
//! "one of the". Numbers with neither a noun nor a verb are dropped.
//!
//! Conventions (from the ACLED codebook where it has one): "several" = 10,
//! "dozens" = 12, "scores" = 20, "hundreds" = 100, all [`Qualifier::About`];
//! "a dozen" = 12 About; a range "10 to 15" is value 10, max 15. Numbers after
//! "including" or "among them" count a subset and keep their noun's unit, so
//! that "12 militants including 2 commanders were killed" is one count of 12
//! killed. A number right after "among" is the whole, not a part: "two
//! medics were among at least 31 people killed" is a toll of 31.
//!
//! The word tables live in `data/lexicon/number_words.tsv`, `units.tsv` and
//! `qualifiers.tsv`. The tokenizer in [`token`] is shared with the cue
//! recogniser.

use std::cell::Cell;
use std::hash::Hasher;

use sitrep_model::quantity::Qualifier;
use sitrep_model::{Doc, Quantity, QuantityMention, Span, Unit};

use token::{Kind, Token};

const NUMBER_WORDS: &str = include_str!("../../../data/lexicon/number_words.tsv");
const UNITS: &str = include_str!("../../../data/lexicon/units.tsv");
const QUALIFIERS: &str = include_str!("../../../data/lexicon/qualifiers.tsv");

/// Most words between a number and its noun ("57 terrorist targets").
const MAX_NOUN_WORDS: usize = 4;
/// Most tokens a passive verb may lie after its subject's number.
const MAX_CLAUSE_TOKENS: usize = 16;

/// A row of a lexicon table that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{table} line {line}: {reason}")]
pub struct QuantityLexiconError {
    pub table: &'static str,
    pub line: usize,
    pub reason: String,
}

/// Lower-case words (as bytes) to what the lexicon knows about them.
type WordTable = sitrep_model::fnv::FnvHashMap<Box<[u8]>, Entry>;

/// A bit per first three bytes of the table's words (so "twenty-three" hits
/// as "twenty" does): most words of a text miss it and skip the hash lookup.
#[derive(Debug, Clone)]
struct WordFilter(Box<[u64; 128]>);

impl WordFilter {
    fn new<'a>(words: impl Iterator<Item = &'a [u8]>) -> Self {
        let mut bits = Box::new([0u64; 128]);
        for w in words {
            let b = Self::bit(w);
            bits[b / 64] |= 1 << (b % 64);
        }
        Self(bits)
    }

    /// The word's bit, the same for any ASCII case: FNV-1a of its first
    /// three bytes.
    fn bit(word: &[u8]) -> usize {
        let mut h = sitrep_model::fnv::Fnv::default();
        for b in word.iter().take(3) {
            h.write(&[b.to_ascii_lowercase()]);
        }
        usize::try_from(h.finish() % (128 * 64)).unwrap_or(0)
    }

    fn may_contain(&self, word: &[u8]) -> bool {
        let b = Self::bit(word);
        self.0[b / 64] & (1 << (b % 64)) != 0
    }
}

/// Finds counted quantities. Build once, apply to many documents.
#[derive(Debug, Clone)]
pub struct QuantityRecogniser {
    words: WordTable,
    filter: WordFilter,
    /// The filter of number words alone, tried on every word of a text.
    numbers: WordFilter,
    /// The filter of casualty verbs alone, tried around every article.
    verbs: WordFilter,
    qualifiers: Vec<(Vec<String>, Qualifier)>,
    /// Number words and casualty verbs as substrings: a sentence with none
    /// of them and no digit holds no quantity and is not tokenised.
    hints: aho_corasick::AhoCorasick,
}

/// What the lexicon knows about one lower-case word.
#[derive(Debug, Clone, Copy, Default)]
struct Entry {
    number: Option<NumberWord>,
    role: Option<Role>,
    /// A capitalised designator or month: a number beside it is a name.
    label: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct NumberWord {
    value: u32,
    kind: NumKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NumKind {
    Num,
    Mult,
    Scale,
    Vague,
    AfterA,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Noun(Class),
    Verb(Class),
    Skip,
    Stop,
    Mod,
}

/// [`Unit`] without the noun of `Other`, so that it is `Copy`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Killed,
    Injured,
    Sorties,
    Targets,
    Strikes,
    Projectiles,
    Displaced,
    Arrested,
    Abducted,
    People,
    Other,
}

impl Class {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "killed" => Self::Killed,
            "injured" => Self::Injured,
            "sorties" => Self::Sorties,
            "targets" => Self::Targets,
            "strikes" => Self::Strikes,
            "projectiles" => Self::Projectiles,
            "displaced" => Self::Displaced,
            "arrested" => Self::Arrested,
            "abducted" => Self::Abducted,
            "people" => Self::People,
            "other" => Self::Other,
            _ => return None,
        })
    }

    /// People, or an unknown noun, may turn out killed or wounded.
    fn upgradeable(self) -> bool {
        matches!(self, Self::People | Self::Other)
    }

    /// What befalls one person: the only units an article "a" may count.
    fn befalls_person(self) -> bool {
        matches!(self, Self::Killed | Self::Injured | Self::Arrested | Self::Abducted)
    }

    fn to_unit(self, noun: &str) -> Unit {
        match self {
            Self::Killed => Unit::Killed,
            Self::Injured => Unit::Injured,
            Self::Sorties => Unit::Sorties,
            Self::Targets => Unit::Targets,
            Self::Strikes => Unit::Strikes,
            Self::Projectiles => Unit::Projectiles,
            Self::Displaced => Unit::Displaced,
            Self::Arrested => Unit::Arrested,
            Self::Abducted => Unit::Abducted,
            Self::People => Unit::People,
            Self::Other => Unit::Other(noun.to_lowercase()),
        }
    }
}

/// A number as written: tokens `first..end`, its value and range.
#[derive(Debug, Clone, Copy)]
struct Number {
    first: usize,
    end: usize,
    value: u32,
    max: Option<u32>,
    /// "dozens", "several", "a few", "a dozen".
    vague: bool,
    /// The article "a"/"an", counting one.
    article: bool,
    /// Spelled "one" alone, which is as often a pronoun.
    one: bool,
    /// Four digits that read as a year.
    year_like: bool,
}

impl Number {
    /// A plain count at tokens `first..end`.
    fn new(first: usize, end: usize, value: u32) -> Self {
        Self { first, end, value, max: None, vague: false, article: false, one: false, year_like: false }
    }
}

/// The noun phrase after a number: its head token and unit class, and its
/// last word (which ends the mention when no head is known: "12 Taliban").
#[derive(Debug, Clone, Copy)]
struct Noun {
    head: Option<(usize, Class)>,
    last: Option<usize>,
}

/// A unit and the tokens the mention covers.
#[derive(Debug, Clone, Copy)]
struct Resolved {
    class: Class,
    first: usize,
    last: usize,
    head: Option<usize>,
}

/// A token's lexicon entry, looked up the first time it is asked for: most
/// tokens are never asked (only those around numbers).
#[derive(Debug, Clone, Copy)]
enum Looked {
    NotYet,
    Done(Option<Entry>),
}

/// One sentence's tokens with their lexicon entries.
struct Sentence<'a> {
    text: &'a str,
    toks: &'a [Token],
    entries: &'a [Cell<Looked>],
    rec: &'a QuantityRecogniser,
}

impl Sentence<'_> {
    fn len(&self) -> usize {
        self.toks.len()
    }

    fn word(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.text(self.text))
    }

    fn is(&self, i: usize, word: &str) -> bool {
        self.word(i).eq_ignore_ascii_case(word)
    }

    fn is_any(&self, i: usize, words: &[&str]) -> bool {
        words.iter().any(|w| self.is(i, w))
    }

    fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    fn entry(&self, i: usize) -> Entry {
        let (Some(cell), Some(&tok)) = (self.entries.get(i), self.toks.get(i)) else {
            return Entry::default();
        };
        match cell.get() {
            Looked::Done(e) => e.unwrap_or_default(),
            Looked::NotYet => {
                let e = self.rec.lookup_token(tok, self.text);
                cell.set(Looked::Done(e));
                e.unwrap_or_default()
            }
        }
    }

    fn role(&self, i: usize) -> Option<Role> {
        self.entry(i).role
    }

    fn verb(&self, i: usize) -> Option<Class> {
        match self.role(i) {
            Some(Role::Verb(c)) => Some(c),
            _ => None,
        }
    }

    /// `is_any` for words of the lexicon's stop list, checked on the cheap
    /// role first: the scans over a clause call this for every token.
    fn is_stop_among(&self, i: usize, words: &[&str]) -> bool {
        self.role(i) == Some(Role::Stop) && self.is_any(i, words)
    }

    fn is_punct(&self, i: usize, chars: &str) -> bool {
        self.kind(i) == Some(Kind::Punct) && chars.contains(self.word(i))
    }

    /// A capitalised designator or month name at `i`.
    fn is_label(&self, i: usize) -> bool {
        self.entry(i).label && self.word(i).starts_with(|c: char| c.is_uppercase())
    }
}

const DETERMINERS: &[&str] = &["a", "an", "the", "this", "that", "these", "those", "his", "her", "their", "its", "our"];
const BE_FORMS: &[&str] = &["was", "were", "is", "are", "be", "been", "being", "had", "have", "has", "got", "get"];
const CLAUSE_BREAKS: &[&str] = &[
    "while", "when", "after", "but", "who", "which", "that", "as", "because", "before", "since", "whereas", "whose",
    "although", "though",
];
const SUBSET_MARKERS: &[&str] = &["including", "includes"];

/// True when token `i` ends a phrase that opens a subset: "including",
/// "among them", "among whom".
fn subset_marker(s: &Sentence, i: usize) -> bool {
    s.is_any(i, SUBSET_MARKERS) || (s.is_any(i, &["them", "whom"]) && i > 0 && s.is(i - 1, "among"))
}

impl QuantityRecogniser {
    /// The recogniser with the shipped tables.
    pub fn new() -> Result<Self, QuantityLexiconError> {
        Self::from_tables(NUMBER_WORDS, UNITS, QUALIFIERS)
    }

    /// A recogniser from tables in the shipped formats (see `data/lexicon/`).
    pub fn from_tables(number_words: &str, units: &str, qualifiers: &str) -> Result<Self, QuantityLexiconError> {
        let mut words = WordTable::default();
        read_number_words(number_words, &mut words)?;
        read_units(units, &mut words)?;
        let qualifiers = read_qualifiers(qualifiers)?;
        let filter = WordFilter::new(words.keys().map(AsRef::as_ref));
        let numbers = WordFilter::new(words.iter().filter(|(_, e)| e.number.is_some()).map(|(k, _)| k.as_ref()));
        let verbs = WordFilter::new(
            words.iter().filter(|(_, e)| matches!(e.role, Some(Role::Verb(_)))).map(|(k, _)| k.as_ref()),
        );
        let hint_words: Vec<&[u8]> = words
            .iter()
            .filter(|(_, e)| e.number.is_some() || matches!(e.role, Some(Role::Verb(_))))
            .map(|(k, _)| k.as_ref())
            .collect();
        let hints = aho_corasick::AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&hint_words)
            .map_err(|e| QuantityLexiconError { table: "number_words.tsv", line: 0, reason: e.to_string() })?;
        Ok(Self { words, filter, numbers, verbs, qualifiers, hints })
    }

    /// True when the sentence may hold a quantity: a digit, a number word or
    /// a casualty verb ("a soldier was killed").
    fn may_hold(&self, sentence: &str) -> bool {
        sentence.bytes().any(|b| b.is_ascii_digit()) || self.hints.is_match(sentence)
    }

    /// Every quantity in the document, sorted by span.
    #[must_use]
    pub fn find(&self, doc: &Doc) -> Vec<QuantityMention> {
        let mut out = Vec::new();
        let mut toks = Vec::new();
        let mut entries = Vec::new();
        for span in sentence_spans(doc) {
            if !self.may_hold(&doc.text[span.start..span.end]) {
                continue;
            }
            token::tokenize(&doc.text, span, &mut toks);
            entries.clear();
            entries.resize(toks.len(), Cell::new(Looked::NotYet));
            let s = Sentence { text: &doc.text, toks: &toks, entries: &entries, rec: self };
            self.find_in(&s, &mut out);
        }
        out
    }

    fn lookup(&self, word: &str) -> Option<Entry> {
        if !self.filter.may_contain(word.as_bytes()) {
            return None;
        }
        token::with_lowercase(word, |w| self.words.get(w).copied())
    }

    /// The entry of a token; numbers and punctuation have none.
    fn lookup_token(&self, t: Token, text: &str) -> Option<Entry> {
        match t.kind {
            Kind::Word => self.lookup(t.text(text)),
            Kind::Number | Kind::Punct => None,
        }
    }

    fn find_in(&self, s: &Sentence, out: &mut Vec<QuantityMention>) {
        let mut i = 0;
        let mut floor = 0;
        while i < s.len() {
            if !self.may_start_number(s, i) {
                i += 1;
                continue;
            }
            match self.quantity_at(s, i, floor) {
                Some((mention, last)) => {
                    out.push(mention);
                    floor = last + 1;
                    i = last + 1;
                }
                None => i += 1,
            }
        }
    }

    /// A cheap test that token `i` may start a number: digits, an article, or
    /// a word that passes the number words' filter.
    fn may_start_number(&self, s: &Sentence, i: usize) -> bool {
        let Some(t) = s.toks.get(i) else { return false };
        let first = s.text.as_bytes().get(t.start).copied().unwrap_or(0);
        match t.kind {
            Kind::Number => true,
            Kind::Punct => false,
            Kind::Word => {
                let article = t.end - t.start <= 2 && first.eq_ignore_ascii_case(&b'a');
                first.is_ascii_digit() || article || self.numbers.may_contain(s.word(i).as_bytes())
            }
        }
    }

    /// A cheap test before the full reading of an article "a": it counts only
    /// what befell a person, so a casualty verb must stand right before it or
    /// within a few words after it.
    fn casualty_near(&self, s: &Sentence, i: usize) -> bool {
        let verb = |k: usize| self.verbs.may_contain(s.word(k).as_bytes()) && s.verb(k).is_some();
        let before = i > 0 && verb(i - 1);
        let mut after = (i + 1..s.len().min(i + 2 + MAX_NOUN_WORDS + 3)).take_while(|&k| s.kind(k) == Some(Kind::Word));
        before || after.any(verb)
    }

    /// The quantity whose number starts at token `i`, and its last token.
    /// Tokens before `floor` belong to the previous mention.
    fn quantity_at(&self, s: &Sentence, i: usize, floor: usize) -> Option<(QuantityMention, usize)> {
        let number = self.number_at(s, i)?;
        if (number.article && !self.casualty_near(s, i)) || !counts(s, &number) {
            return None;
        }
        let (qual_first, qualifier) = match self.qualifier_before(s, i) {
            Some((first, q)) if first >= floor => (first, Some(q)),
            _ => (i, None),
        };
        let noun = noun_after(s, number.end);
        let subset = qual_first > 0 && subset_marker(s, qual_first - 1);
        let r = resolve(s, &number, Bounds { start: qual_first, floor }, &noun, subset)?;
        if !accepts(&number, &noun, r.class) {
            return None;
        }
        let qualifier = qualifier.unwrap_or(if number.vague { Qualifier::About } else { Qualifier::Exact });
        let noun_text = r.head.map_or("", |h| s.word(h));
        let quantity = Quantity { value: number.value, max: number.max, qualifier, unit: r.class.to_unit(noun_text) };
        let span = Span::new(s.toks[r.first].start, s.toks[r.last].end);
        Some((QuantityMention { span, quantity }, r.last))
    }

    /// The longest qualifier phrase that ends just before token `i`.
    fn qualifier_before(&self, s: &Sentence, i: usize) -> Option<(usize, Qualifier)> {
        self.qualifiers
            .iter()
            .filter(|(words, _)| words.len() <= i)
            .filter(|(words, _)| {
                let first = i - words.len();
                words.iter().enumerate().all(|(k, w)| s.is(first + k, w))
            })
            .max_by_key(|(words, _)| words.len())
            .map(|(words, q)| (i - words.len(), *q))
    }

    /// The number written at token `i`, if one starts there.
    fn number_at(&self, s: &Sentence, i: usize) -> Option<Number> {
        let mut n = match s.kind(i)? {
            Kind::Number => digits_at(s, i)?,
            Kind::Word => self.words_at(s, i)?,
            Kind::Punct => return None,
        };
        if !n.vague && !n.article {
            self.range_after(s, &mut n);
        }
        Some(n)
    }

    /// A number in words: "twenty-three", "two hundred", "dozens", "a dozen", "a".
    fn words_at(&self, s: &Sentence, i: usize) -> Option<Number> {
        let word = s.word(i);
        if word.starts_with(|c: char| c.is_ascii_digit()) {
            return hyphen_range(s, i);
        }
        if word.len() <= 2 && s.is_any(i, &["a", "an"]) {
            return Some(article_at(s, i));
        }
        // Most words are no number: only a known number word, or a hyphenated
        // word that may be one ("twenty-three"), goes on.
        if !self.numbers.may_contain(word.as_bytes()) {
            return None;
        }
        let number = s.entry(i).number;
        if number.is_none() && !word.contains('-') {
            return None;
        }
        if let Some(w) = number.filter(|w| w.kind == NumKind::Vague) {
            return Some(vague_at(s, i, w.value));
        }
        let (value, end) = self.spelled(s, i)?;
        let one = end == i + 1 && s.is(i, "one");
        Some(Number { one, ..Number::new(i, end, value) })
    }

    /// A spelled-out number from token `i`: its value and end token.
    fn spelled(&self, s: &Sentence, i: usize) -> Option<(u32, usize)> {
        let mut acc = Spelled::default();
        let mut k = i;
        while k < s.len() && s.kind(k) == Some(Kind::Word) {
            let and_joins = k > i && s.is(k, "and") && self.spelled_word_at(s, k + 1);
            if and_joins {
                k += 1;
                continue;
            }
            if !self.feed_token(&mut acc, s, k) {
                break;
            }
            k += 1;
        }
        (k > i && acc.fed).then(|| (acc.value(), k))
    }

    fn spelled_word_at(&self, s: &Sentence, k: usize) -> bool {
        s.entry(k).number.is_some_and(|w| matches!(w.kind, NumKind::Num | NumKind::Mult | NumKind::Scale))
    }

    /// Add token `k` ("twenty-three" counts as its parts) to a spelled number.
    fn feed_token(&self, acc: &mut Spelled, s: &Sentence, k: usize) -> bool {
        let word = s.word(k);
        if !word.contains('-') {
            return s.entry(k).number.is_some_and(|w| acc.feed(w));
        }
        let parts: Option<Vec<NumberWord>> = word.split('-').map(|p| self.number_word(p)).collect();
        match parts {
            Some(parts) if !parts.is_empty() => parts.into_iter().all(|w| acc.feed(w)),
            _ => false,
        }
    }

    fn number_word(&self, word: &str) -> Option<NumberWord> {
        self.lookup(word)?.number.filter(|w| matches!(w.kind, NumKind::Num | NumKind::Mult | NumKind::Scale))
    }

    /// "10 to 15", "10 or 12", "between 10 and 15": set `max`, move `end`.
    fn range_after(&self, s: &Sentence, n: &mut Number) {
        let joint = n.end;
        let between = n.first > 0 && s.is(n.first - 1, "between") && s.is(joint, "and");
        if !(between || s.is_any(joint, &["to", "or"]) || s.is_punct(joint, "-–")) {
            return;
        }
        let upper = match s.kind(joint + 1) {
            Some(Kind::Number) => digits_at(s, joint + 1),
            Some(Kind::Word) => self.spelled(s, joint + 1).map(|(value, end)| Number::new(joint + 1, end, value)),
            _ => None,
        };
        if let Some(upper) = upper.filter(|u| u.value > n.value && u.max.is_none()) {
            n.max = Some(upper.value);
            n.end = upper.end;
            n.one = false;
        }
    }
}

/// A spelled number being read: `total` of closed groups, `group` open.
#[derive(Debug, Default)]
struct Spelled {
    total: u64,
    group: u64,
    fed: bool,
}

impl Spelled {
    fn feed(&mut self, w: NumberWord) -> bool {
        let v = u64::from(w.value);
        match w.kind {
            NumKind::Num if self.group.is_multiple_of(100) || (self.group.is_multiple_of(10) && v < 10) => {
                self.group += v
            }
            NumKind::Mult => self.group = self.group.max(1) * v,
            NumKind::Scale => {
                self.total += self.group.max(1) * v;
                self.group = 0;
            }
            _ => return false,
        }
        self.fed = true;
        true
    }

    fn value(&self) -> u32 {
        u32::try_from(self.total + self.group).unwrap_or(u32::MAX)
    }
}

/// A number in digits at token `i`: "16", "1,200", "1.5 million", "10-15".
fn digits_at(s: &Sentence, i: usize) -> Option<Number> {
    let word = s.word(i);
    let scale = scale_after(s, i + 1);
    let value = match scale {
        Some(scale) => parse_decimal(word).map(|v| (v * f64::from(scale)).round()),
        None => parse_integer(word).map(f64::from),
    }?;
    if !(0.0..=f64::from(u32::MAX)).contains(&value) {
        return None;
    }
    // The range check above makes the cast exact.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let value = value as u32;
    let end = if scale.is_some() { i + 2 } else { i + 1 };
    let year_like = scale.is_none() && word.len() == 4 && (1800..=2100).contains(&value);
    Some(Number { year_like, ..Number::new(i, end, value) })
}

/// "10-15" written as one token: a range.
fn hyphen_range(s: &Sentence, i: usize) -> Option<Number> {
    let (low, high) = s.word(i).split_once(['-', '–'])?;
    let (low, high): (u32, u32) = (low.parse().ok()?, high.parse().ok()?);
    let year_like = low.to_string().len() == 4 && (1800..=2100).contains(&low);
    (low < high).then(|| Number { max: Some(high), year_like, ..Number::new(i, i + 1, low) })
}

/// The value of "thousand" or "million" at token `i`.
fn scale_after(s: &Sentence, i: usize) -> Option<u32> {
    s.entry(i).number.filter(|w| w.kind == NumKind::Scale).map(|w| w.value)
}

/// "1,200" or "57"; `None` for decimals and misplaced commas.
fn parse_integer(word: &str) -> Option<u32> {
    let mut groups = word.split(',');
    let head = groups.next()?;
    let mut digits = String::from(head);
    for g in groups {
        if g.len() != 3 || head.is_empty() || head.len() > 3 {
            return None;
        }
        digits.push_str(g);
    }
    digits.parse().ok()
}

fn parse_decimal(word: &str) -> Option<f64> {
    word.replace(',', "").parse().ok()
}

/// "a"/"an": "a dozen", "a hundred", "a few", or one of something.
fn article_at(s: &Sentence, i: usize) -> Number {
    let next = s.entry(i + 1).number;
    let mut n = Number { article: true, ..Number::new(i, i + 1, 1) };
    match next {
        Some(w) if matches!(w.kind, NumKind::Mult | NumKind::Scale | NumKind::AfterA) => {
            n.value = w.value;
            n.end = i + 2;
            n.article = false;
            n.vague = w.kind == NumKind::AfterA || s.is(i + 1, "dozen");
        }
        _ => {}
    }
    n
}

/// "dozens", "several", "tens of thousands".
fn vague_at(s: &Sentence, i: usize, value: u32) -> Number {
    let mut n = Number { vague: true, ..Number::new(i, i + 1, value) };
    let times = s.entry(i + 2).number.filter(|w| w.kind == NumKind::Vague && w.value >= 1000);
    if let Some(w) = times.filter(|_| s.is(i + 1, "of")) {
        n.value = value.saturating_mul(w.value);
        n.end = i + 3;
    }
    n
}

/// False when the context shows the number names or measures something:
/// a date, time, year, age, percentage, sum of money, distance, designator.
fn counts(s: &Sentence, n: &Number) -> bool {
    let before = n.first.checked_sub(1);
    let after = n.end;
    let prev_word = before.map(|b| if s.is_punct(b, ".") { b.saturating_sub(1) } else { b });
    let named = prev_word.is_some_and(|p| s.is_label(p)) || s.is_label(after);
    let symbol = before.is_some_and(|b| s.is_punct(b, "$£€#") || touching(s, b, "/:"))
        || s.is_punct(after, "%")
        || touching(s, after, "/:");
    let measured = s.role(after) == Some(Role::Skip) || is_clock(s, after);
    // "aged 12"; "no one was killed" counts nobody.
    let not_count = before.is_some_and(|b| s.is_any(b, &["aged", "age", "ages", "no"]));
    let one_of = n.one && s.is(after, "of");
    !(named || symbol || measured || not_count || one_of)
}

/// A "/" or ":" written against the number: a date, time or ratio ("20/06",
/// "10:30"), not the colon of a clause ("clashes: 5 killed").
fn touching(s: &Sentence, k: usize, chars: &str) -> bool {
    let near = |a: usize, b: usize| s.toks.get(a).zip(s.toks.get(b)).is_some_and(|(x, y)| x.end == y.start);
    s.is_punct(k, chars) && (near(k, k + 1) && k > 0 && near(k - 1, k))
}

/// "5 a.m.", "3 p.m."
fn is_clock(s: &Sentence, i: usize) -> bool {
    s.is_any(i, &["a", "p"]) && s.is_punct(i + 1, ".") && s.is(i + 2, "m")
}

/// The noun phrase after a number's last token `end`: skip "of the", take up
/// to [`MAX_NOUN_WORDS`] words, and name its head.
fn noun_after(s: &Sentence, end: usize) -> Noun {
    let mut k = end;
    if s.is(k, "of") {
        k += 1;
        if s.is_any(k, DETERMINERS) {
            k += 1;
        }
    }
    let start = k;
    let (mut known, mut unknown) = (None, None);
    while k < s.len() && k < start + MAX_NOUN_WORDS && s.kind(k) == Some(Kind::Word) {
        match s.role(k) {
            Some(Role::Stop | Role::Verb(_) | Role::Skip) => break,
            Some(Role::Noun(c)) => known = Some((k, c)),
            Some(Role::Mod) => {}
            None if ends_run(s, k, start) => break,
            None => unknown = Some(k),
        }
        k += 1;
    }
    let last = (k > start).then(|| k - 1);
    let head = known.or_else(|| unknown.filter(|&u| is_common_noun(s.word(u))).map(|u| (u, Class::Other)));
    Noun { head, last }
}

/// An unknown "-ed" or "-ing" word ends the noun phrase ("2 vehicles
/// exploded"), unless it opens it as an adjective ("3 armoured vehicles").
fn ends_run(s: &Sentence, k: usize, start: usize) -> bool {
    let w = s.word(k);
    let verbish = w.ends_with("ed") || w.ends_with("ing");
    let adjective = k == start && s.kind(k + 1) == Some(Kind::Word) && s.role(k + 1).is_none_or(|r| r != Role::Stop);
    verbish && !adjective
}

/// A lower-case word that can be a counted noun ("vehicles", not "seriously").
fn is_common_noun(word: &str) -> bool {
    word.starts_with(|c: char| c.is_lowercase())
        && word.chars().all(|c| c.is_alphabetic() || c == '-')
        && !word.ends_with("ly")
}

/// Where a mention starts (its qualifier, else its number) and the first token
/// it may take (the previous mention ends before it).
#[derive(Debug, Clone, Copy)]
struct Bounds {
    start: usize,
    floor: usize,
}

/// The unit and span of a number with its noun phrase. A subset ("including
/// 2 commanders") keeps its noun's unit.
fn resolve(s: &Sentence, n: &Number, b: Bounds, noun: &Noun, subset: bool) -> Option<Resolved> {
    let start = b.start;
    let head = noun.head.map(|(h, _)| h);
    let last = head.or(noun.last).unwrap_or(n.end - 1);
    let plain = |class| Resolved { class, first: start, last, head };
    match noun.head {
        Some((_, class)) if !class.upgradeable() || subset => return Some(plain(class)),
        _ => {}
    }
    if let Some(class) = verb_right_after(s, last + 1) {
        return Some(Resolved { last: last + 1, ..plain(class) });
    }
    let people = noun.head.is_none_or(|(_, c)| c == Class::People);
    if let Some(class) = passive_after(s, last + 1, people) {
        return Some(plain(class));
    }
    if let Some(class) = (start > b.floor).then(|| verb_right_before(s, start - 1)).flatten() {
        return Some(Resolved { first: start - 1, ..plain(class) });
    }
    if toll_before(s, start) {
        return Some(plain(Class::Killed));
    }
    noun.head.map(|(_, class)| plain(class))
}

/// "12 killed", "3 soldiers wounded": a participle right after the noun, not
/// an active verb with its object ("3 gunmen killed 5 people").
fn verb_right_after(s: &Sentence, k: usize) -> Option<Class> {
    let class = s.verb(k)?;
    let object = s.kind(k + 1) == Some(Kind::Number)
        || s.is_stop_among(k + 1, DETERMINERS)
        || s.entry(k + 1).number.is_some()
        || matches!(s.role(k + 1), Some(Role::Noun(_)));
    if object {
        return None;
    }
    Some(unless_both(s, k, class))
}

/// "killed and wounded" counts casualties of both kinds: people, not deaths.
fn unless_both(s: &Sentence, k: usize, class: Class) -> Class {
    let other = s.is_any(k + 1, &["and", "or"]).then(|| s.verb(k + 2)).flatten();
    match other {
        Some(o) if o != class => Class::People,
        _ => class,
    }
}

/// "… were killed", "… had been wounded" later in the clause.
fn passive_after(s: &Sentence, from: usize, cross_and: bool) -> Option<Class> {
    let mut k = from;
    while k < s.len() && k < from + MAX_CLAUSE_TOKENS {
        if s.is_punct(k, ".;:!?()\"“”") || s.is_stop_among(k, CLAUSE_BREAKS) {
            return None;
        }
        if starts_number(s, k) && !(k > 0 && allows_number(s, k - 1, cross_and)) {
            return None;
        }
        if s.is_stop_among(k, BE_FORMS) {
            if let Some(class) = participle_after(s, k) {
                return Some(class);
            }
        }
        k += 1;
    }
    None
}

fn starts_number(s: &Sentence, k: usize) -> bool {
    s.kind(k) == Some(Kind::Number) || s.entry(k).number.is_some()
}

/// A clause goes on past "including 2 …", and for people past "and 2 …".
fn allows_number(s: &Sentence, before: usize, cross_and: bool) -> bool {
    subset_marker(s, before) || (cross_and && s.is(before, "and")) || starts_number(s, before)
}

/// The casualty participle within three words after a be-form at `k`
/// ("were killed", "were shot dead", "had been summarily executed").
fn participle_after(s: &Sentence, k: usize) -> Option<Class> {
    for m in k + 1..=k + 3 {
        if let Some(class) = s.verb(m) {
            return Some(unless_both(s, m, class));
        }
        if s.kind(m) != Some(Kind::Word) {
            return None;
        }
    }
    None
}

/// "killing 12", "wounded at least 3", "the deaths of 5".
fn verb_right_before(s: &Sentence, b: usize) -> Option<Class> {
    if s.is(b, "of") {
        return match b.checked_sub(1).and_then(|p| s.role(p)) {
            Some(Role::Noun(c)) if c.befalls_person() => Some(c),
            _ => None,
        };
    }
    let class = s.verb(b)?;
    let both = b >= 2 && s.is_any(b - 1, &["and", "or"]) && s.verb(b - 2).is_some_and(|c| c != class);
    Some(if both { Class::People } else { class })
}

/// "the death toll rose to 30", "a toll of at least 12".
fn toll_before(s: &Sentence, start: usize) -> bool {
    (start.saturating_sub(5)..start).rev().take_while(|&k| s.kind(k) == Some(Kind::Word)).any(|k| s.is(k, "toll"))
}

/// Whether a number with this noun and unit is worth reporting.
fn accepts(n: &Number, noun: &Noun, class: Class) -> bool {
    let known_noun = noun.head.is_some_and(|(_, c)| c != Class::Other);
    if n.article {
        class.befalls_person()
    } else if n.year_like {
        known_noun
    } else if n.one {
        class != Class::Other
    } else {
        true
    }
}

/// The sentence spans of a document, or the whole text when it has none.
fn sentence_spans(doc: &Doc) -> Vec<Span> {
    if doc.sentences.is_empty() {
        vec![Span::new(0, doc.text.len())]
    } else {
        doc.sentences.iter().map(|s| s.span).collect()
    }
}

fn read_number_words(text: &str, words: &mut WordTable) -> Result<(), QuantityLexiconError> {
    const TABLE: &str = "number_words.tsv";
    for (line, cols) in tsv_rows(text) {
        let bad = |reason: &str| QuantityLexiconError { table: TABLE, line, reason: reason.to_owned() };
        let [word, value, kind, ..] = cols[..] else {
            return Err(bad("expected word, value, kind"));
        };
        let value = value.parse().map_err(|_| bad("value is not a whole number"))?;
        let kind = match kind {
            "num" => NumKind::Num,
            "mult" => NumKind::Mult,
            "scale" => NumKind::Scale,
            "vague" => NumKind::Vague,
            "after_a" => NumKind::AfterA,
            _ => return Err(bad("kind is not num, mult, scale, vague or after_a")),
        };
        words.entry(key(word)).or_default().number = Some(NumberWord { value, kind });
    }
    Ok(())
}

fn read_units(text: &str, words: &mut WordTable) -> Result<(), QuantityLexiconError> {
    const TABLE: &str = "units.tsv";
    for (line, cols) in tsv_rows(text) {
        let bad = |reason: &str| QuantityLexiconError { table: TABLE, line, reason: reason.to_owned() };
        let [word, role, unit, ..] = cols[..] else {
            return Err(bad("expected word, role, unit"));
        };
        let class = || Class::parse(unit).ok_or_else(|| bad("unknown unit"));
        let entry = words.entry(key(word)).or_default();
        match role {
            "label" => entry.label = true,
            "noun" => entry.role = Some(Role::Noun(class()?)),
            "verb" => entry.role = Some(Role::Verb(class()?)),
            "skip" => entry.role = Some(Role::Skip),
            "stop" => entry.role = Some(Role::Stop),
            "mod" => entry.role = Some(Role::Mod),
            _ => return Err(bad("role is not noun, verb, skip, label, stop or mod")),
        }
    }
    Ok(())
}

/// A table key: the word in lower case, as bytes.
fn key(word: &str) -> Box<[u8]> {
    word.to_lowercase().into_bytes().into_boxed_slice()
}

fn read_qualifiers(text: &str) -> Result<Vec<(Vec<String>, Qualifier)>, QuantityLexiconError> {
    const TABLE: &str = "qualifiers.tsv";
    let mut out = Vec::new();
    for (line, cols) in tsv_rows(text) {
        let bad = |reason: &str| QuantityLexiconError { table: TABLE, line, reason: reason.to_owned() };
        let [phrase, qualifier, ..] = cols[..] else {
            return Err(bad("expected phrase, qualifier"));
        };
        let qualifier = match qualifier {
            "at_least" => Qualifier::AtLeast,
            "about" => Qualifier::About,
            "at_most" => Qualifier::AtMost,
            _ => return Err(bad("qualifier is not at_least, about or at_most")),
        };
        out.push((phrase.split_whitespace().map(str::to_lowercase).collect(), qualifier));
    }
    Ok(out)
}

/// The rows of a tab-separated table with their 1-based line numbers,
/// skipping blank lines and `#` comments.
pub(crate) fn tsv_rows(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.split('\t').map(str::trim).collect()))
}

/// Word, number and punctuation tokens with byte offsets; shared by the
/// quantity and cue recognisers.
pub(crate) mod token {
    use sitrep_model::Span;

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub(crate) enum Kind {
        /// Letters, or letters and digits ("Su-24", "4th", "twenty-three").
        Word,
        /// Digits with inner commas or points ("1,200", "3.5").
        Number,
        /// Any other single character but white space.
        Punct,
    }

    /// A token: a byte range of the document text.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub(crate) struct Token {
        pub start: usize,
        pub end: usize,
        pub kind: Kind,
    }

    impl Token {
        pub(crate) fn text(self, text: &str) -> &str {
            text.get(self.start..self.end).unwrap_or("")
        }
    }

    /// Tokenize `span` of `text` into `out` (cleared first). Hyphens and
    /// apostrophes between letters stay inside a word ("al-Assad", "Russia's");
    /// commas and points between digits inside a number ("1,200").
    pub(crate) fn tokenize(text: &str, span: Span, out: &mut Vec<Token>) {
        out.clear();
        let Some(s) = text.get(span.start..span.end) else {
            return;
        };
        let bytes = s.as_bytes();
        let mut pos = 0;
        while let Some(&b) = bytes.get(pos) {
            let (alphanumeric, space, len) = if b.is_ascii() {
                (b.is_ascii_alphanumeric(), b.is_ascii_whitespace(), 1)
            } else {
                let (c, len) = decode(s, pos);
                (c.is_alphanumeric(), c.is_whitespace(), len)
            };
            if alphanumeric {
                let (end, numeric) = word_end(s, pos);
                let kind = if numeric { Kind::Number } else { Kind::Word };
                out.push(Token { start: span.start + pos, end: span.start + end, kind });
                pos = end;
                continue;
            }
            if !space {
                out.push(Token { start: span.start + pos, end: span.start + pos + len, kind: Kind::Punct });
            }
            pos += len;
        }
    }

    /// The character at byte `pos` of `s` and its length.
    fn decode(s: &str, pos: usize) -> (char, usize) {
        s.get(pos..).and_then(|t| t.chars().next()).map_or((' ', 1), |c| (c, c.len_utf8()))
    }

    /// Where the word starting at `start` ends, and whether it is a number
    /// (digits with inner commas or points). ASCII letters and digits take
    /// the fast path; joiners and other scripts the careful one.
    fn word_end(s: &str, start: usize) -> (usize, bool) {
        let bytes = s.as_bytes();
        let mut end = start;
        let mut numeric = bytes.get(start).is_some_and(u8::is_ascii_digit);
        loop {
            let run = bytes.get(end..).unwrap_or(&[]);
            let len = run.iter().position(|b| !b.is_ascii_alphanumeric()).unwrap_or(run.len());
            numeric = numeric && run[..len].iter().all(u8::is_ascii_digit);
            end += len;
            match joined_at(s, end) {
                Some((len, is_digit_joiner)) => {
                    numeric &= is_digit_joiner;
                    end += len;
                }
                None => return (end, numeric),
            }
        }
    }

    /// When the character at `pos` continues a word: its length, and whether
    /// it keeps a number a number (a point or comma between digits).
    fn joined_at(s: &str, pos: usize) -> Option<(usize, bool)> {
        let bytes = s.as_bytes();
        match bytes.get(pos) {
            None => return None,
            Some(b) if b.is_ascii() && !matches!(b, b'-' | b'\'' | b',' | b'.') => return None,
            Some(_) => {}
        }
        let (c, len) = decode(s, pos);
        if c.is_alphanumeric() {
            return Some((len, false));
        }
        let prev = pos.checked_sub(1).and_then(|p| bytes.get(p)).copied().unwrap_or(b' ');
        let next = decode(s, pos + len).0;
        match c {
            '-' | '\'' | '’' if next.is_alphanumeric() => Some((len, false)),
            ',' | '.' if prev.is_ascii_digit() && next.is_ascii_digit() => Some((len, true)),
            '–' if prev.is_ascii_digit() && next.is_ascii_digit() => Some((len, false)),
            _ => None,
        }
    }

    /// Call `f` with `word` in lower case, as bytes, without allocating for
    /// the short ASCII words that make up most text.
    pub(crate) fn with_lowercase<R>(word: &str, f: impl FnOnce(&[u8]) -> R) -> R {
        let mut buf = [0u8; 32];
        match buf.get_mut(..word.len()) {
            Some(b) if word.is_ascii() => {
                b.copy_from_slice(word.as_bytes());
                b.make_ascii_lowercase();
                f(b)
            }
            _ => f(word.to_lowercase().as_bytes()),
        }
    }
}
