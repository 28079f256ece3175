//! Verb patterns: the words around a verb that refine its code.
//!
//! A pattern line `- &AIRCRAFT * RAID (AGAINST) [195]` reads: some word of
//! the synset `&AIRCRAFT` before the verb, then after it "raid", then a
//! prepositional phrase headed by "against". PETRARCH matched these against
//! a parse tree; here they are matched against the words of the sentence in
//! order, with small gaps allowed for determiners and modifiers ("raid" in
//! "launched a fresh raid"). The markers `$` (source), `+` (target), `^` and
//! `%` say where actors sit and are not needed to match.
//!
//! Among the patterns that match, the one with the most words wins: it is
//! the most specific.

use super::code::CameoCode;
use super::dictionary::{code_spec, Interner, TermId, VerbCode};

/// How far after the verb the first post-verb element may start (words).
const FIRST_GAP: usize = 5;
/// How far one element may start after the previous one ended.
const GAP: usize = 4;
/// How far apart the words of a `{...}` phrase may be.
const PHRASE_GAP: usize = 2;
/// How far before the verb the pre-verb elements may lie.
const PRE_WINDOW: usize = 8;

/// One element of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Element {
    /// A word, a synset, or a `{...}` phrase: its terms in order.
    Words(Vec<TermId>),
    /// `(PREP ...)`: the preposition and the words of its object, if given.
    Prep(TermId, Vec<TermId>),
}

/// A parsed pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    pub pre: Vec<Element>,
    pub post: Vec<Element>,
    /// `None` for `[---]`: the pattern says the verb is no event here.
    pub code: Option<CameoCode>,
    /// The number of terms: more is more specific.
    pub weight: u32,
    /// A term the pattern cannot match without: a sentence that lacks it
    /// is skipped at the cost of one bit test.
    pub anchor: TermId,
}

/// What the matcher needs to know about a sentence.
pub trait Terms {
    /// The number of words.
    fn words(&self) -> usize;
    /// The terms spelt starting at word `i`, each group with the word after
    /// its spelling: a phrase and the single word it starts with may both
    /// be terms ("peacekeeping force", "peacekeeping").
    fn at(&self, i: usize) -> [Option<(&[TermId], usize)>; 2];
    /// True when word `i` starts a time expression ("on Tuesday"): a bare
    /// preposition of a pattern does not match before one.
    fn temporal(&self, _i: usize) -> bool {
        false
    }
    /// False when term `t` is spelt nowhere in the sentence (a fast filter;
    /// `true` is always safe).
    fn has(&self, _t: TermId) -> bool {
        true
    }
}

/// Parse a pattern line (without its leading `-`). `Ok(None)` for a
/// pattern that can never match (no words, or an undefined synset, which
/// the format says to ignore).
///
/// # Errors
/// When the code is malformed.
pub fn parse(line: &str, terms: &mut Interner) -> Result<Option<Pattern>, String> {
    let (body, code) = match (line.rfind('['), line.rfind(']')) {
        (Some(a), Some(b)) if a < b => (&line[..a], &line[a + 1..b]),
        _ => return Err(format!("pattern without a code: {line:?}")),
    };
    let code = match code_spec(code)? {
        VerbCode::Code(c) => Some(c),
        VerbCode::Null | VerbCode::Inherit => None,
    };
    let (pre, post) = body.split_once('*').unwrap_or(("", body));
    let (Some(pre), Some(post)) = (elements(pre, terms), elements(post, terms)) else { return Ok(None) };
    let weight = pre.iter().chain(&post).map(Element::weight).sum();
    let anchor = post.iter().chain(&pre).find_map(|e| match e {
        Element::Words(ts) => ts.first().copied(),
        Element::Prep(p, _) => Some(*p),
    });
    Ok(anchor.filter(|_| weight > 0).map(|anchor| Pattern { pre, post, code, weight, anchor }))
}

/// The elements of one side of the `*`, or `None` if a synset is undefined.
fn elements(side: &str, terms: &mut Interner) -> Option<Vec<Element>> {
    let mut out = Vec::new();
    let mut rest = side.trim();
    while !rest.is_empty() {
        let (element, after) = next_element(rest, terms)?;
        out.extend(element);
        rest = after.trim_start();
    }
    Some(out)
}

/// The first element of `s` and what follows it.
fn next_element<'a>(s: &'a str, terms: &mut Interner) -> Option<(Option<Element>, &'a str)> {
    if let Some(inner) = s.strip_prefix('(') {
        let (group, after) = inner.split_once(')').unwrap_or((inner, ""));
        let mut words = words(group, terms)?.into_iter();
        return Some((words.next().map(|p| Element::Prep(p, words.collect())), after));
    }
    if let Some(inner) = s.strip_prefix('{') {
        let (group, after) = inner.split_once('}').unwrap_or((inner, ""));
        let ws = words(group, terms)?;
        return Some(((!ws.is_empty()).then_some(Element::Words(ws)), after));
    }
    let end = s.find(char::is_whitespace).unwrap_or(s.len());
    let ws = words(&s[..end], terms)?;
    Some(((!ws.is_empty()).then_some(Element::Words(ws)), &s[end..]))
}

/// The terms of whitespace-separated words, braces dropped, markers
/// (`$ + % ^`) skipped; `None` if a synset is undefined.
fn words(group: &str, terms: &mut Interner) -> Option<Vec<TermId>> {
    let mut out = Vec::new();
    for w in group.split_whitespace().map(|w| w.trim_matches(['{', '}'])) {
        if w.is_empty() || matches!(w, "$" | "+" | "%" | "^") {
            continue;
        }
        match w.strip_prefix('&') {
            Some(name) => out.push(terms.synset(name)?),
            None => out.push(terms.word(w)),
        }
    }
    Some(out)
}

impl Element {
    fn weight(&self) -> u32 {
        match self {
            Self::Words(ts) => ts.len() as u32,
            Self::Prep(_, ts) => 1 + ts.len() as u32,
        }
    }

    /// Where this element ends if it starts at word `i`.
    fn at(&self, s: &impl Terms, i: usize, limit: usize) -> Option<usize> {
        match self {
            Self::Words(ts) => words_at(s, ts, i, limit),
            Self::Prep(p, obj) => {
                let after = term_at(s, *p, i)?;
                if obj.is_empty() {
                    return (!s.temporal(after)).then_some(after);
                }
                (after..(after + GAP).min(limit)).find_map(|j| words_at(s, obj, j, limit))
            }
        }
    }
}

impl Pattern {
    /// True when the pattern matches around the verb at words `verb`,
    /// inside the clause `clause` (word indices).
    #[must_use]
    pub fn matches(&self, s: &impl Terms, verb: (usize, usize), clause: (usize, usize)) -> bool {
        if !s.has(self.anchor) {
            return false;
        }
        let pre_from = clause.0.max(verb.0.saturating_sub(PRE_WINDOW));
        let pre_ok = self.pre.is_empty() || seq(s, &self.pre, pre_from, verb.0, verb.0);
        pre_ok && (self.post.is_empty() || seq(s, &self.post, verb.1, (verb.1 + FIRST_GAP + 1).min(clause.1), clause.1))
    }
}

/// The elements in order: the first starting in `from..first_by`, each next
/// within [`GAP`] of the previous end, all ending by `limit`.
fn seq(s: &impl Terms, elements: &[Element], from: usize, first_by: usize, limit: usize) -> bool {
    let Some((first, rest)) = elements.split_first() else { return true };
    (from..first_by.min(limit)).any(|i| {
        first
            .at(s, i, limit)
            .is_some_and(|end| end <= limit && (rest.is_empty() || seq(s, rest, end, end + GAP + 1, limit)))
    })
}

/// Where the term sequence `ts` ends if it starts at word `i`.
fn words_at(s: &impl Terms, ts: &[TermId], i: usize, limit: usize) -> Option<usize> {
    let (first, rest) = ts.split_first()?;
    let mut end = term_at(s, *first, i)?;
    for t in rest {
        end = (end..(end + PHRASE_GAP + 1).min(limit)).find_map(|j| term_at(s, *t, j))?;
    }
    Some(end)
}

/// The word after term `t` if it is spelt at word `i`.
fn term_at(s: &impl Terms, t: TermId, i: usize) -> Option<usize> {
    s.at(i).into_iter().flatten().find(|(ts, _)| ts.contains(&t)).map(|(_, end)| end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cameo::dictionary::Dictionary;

    /// A sentence as words, each word spelling the terms of its text.
    struct Words(Vec<Vec<TermId>>, Vec<String>);

    impl Terms for Words {
        fn words(&self) -> usize {
            self.0.len()
        }
        fn at(&self, i: usize) -> [Option<(&[TermId], usize)>; 2] {
            [self.0.get(i).filter(|t| !t.is_empty()).map(|t| (t.as_slice(), i + 1)), None]
        }
        fn temporal(&self, i: usize) -> bool {
            self.1.get(i).is_some_and(|w| w == "Monday")
        }
    }

    /// Words of `text` spell the term whose spelling they are.
    fn sentence(d: &Dictionary, text: &str) -> Words {
        let term = |w: &str| {
            (0..d.terms.len() as TermId).filter(|t| d.terms[*t as usize].spellings.iter().any(|s| s == w)).collect()
        };
        Words(text.split_whitespace().map(term).collect(), text.split_whitespace().map(str::to_owned).collect())
    }

    const DICT: &str = "\
&AIRCRAFT
+JET
---  STAGE   [---]  ---
STAGE
- * RAID                      [190]
- &AIRCRAFT * RAID            [195]
- * {AIR RAID} (AGAINST)      [195]
- * (ON TRIAL)                [173]
- * (ON)                      [020]
- * INVASION $                [---]
";

    #[test]
    fn patterns_match_around_the_verb() {
        let d = Dictionary::parse(DICT).expect("parses");
        let pats = &d.blocks[0].patterns;
        assert_eq!(pats.iter().map(|p| p.weight).collect::<Vec<_>>(), [1, 2, 3, 2, 1, 1]);
        // (sentence, verb word index, patterns expected to match)
        for (text, verb, want) in [
            ("rebels stage a raid", 1, vec![0]),
            ("jets stage a fresh raid", 1, vec![0, 1]),
            ("they stage an air raid against the base", 1, vec![0, 2]),
            ("they stage an air raid on the base", 1, vec![0, 4]),
            ("put them on trial", 0, vec![3, 4]),
            ("put them on Monday", 0, vec![]),
            ("they stage the invasion", 1, vec![5]),
            ("raid stage", 1, vec![]),
            ("they stage nothing at all today and then a raid", 1, vec![]),
        ] {
            let s = sentence(&d, text);
            let got: Vec<usize> =
                (0..pats.len()).filter(|i| pats[*i].matches(&s, (verb, verb + 1), (0, s.words()))).collect();
            assert_eq!(got, want, "{text}");
        }
        assert_eq!(pats[5].code, None, "[---] is a null code");
    }
}
