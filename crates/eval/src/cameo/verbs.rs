//! The verbs of a sentence and the code each gives.
//!
//! A verb form in the text is taken as a verb unless the words around it
//! say it is a noun or an adjective: after a determiner or a possessive ("an
//! attack", "its proposed plan"), after a preposition ("talks on trade"), a
//! bare form with no subject-like word before it ("air attack"), or a
//! capitalised word inside the sentence (a name: "President Bill Clinton").
//!
//! Its code is the best matching pattern's of its block; else the verb's
//! own code; else the block's. A `[---]` code at any of those levels means
//! the verb alone is no event (it may still govern one: see `combine`).

use super::code::CameoCode;
use super::dictionary::{Dictionary, VerbCode};
use super::inflect::Form;
use super::lexicon::{Hit, Lexed};

/// A verb found in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VerbUse {
    /// Its words.
    pub first: usize,
    pub end: usize,
    /// The verb (index into `Dictionary::verbs`).
    pub verb: u32,
    pub form: Form,
    /// What it codes by itself, if anything.
    pub code: Option<CameoCode>,
    /// True when a pattern gave the code (not the verb's or block's default).
    pub patterned: bool,
}

const DETERMINERS: &[&str] = &[
    "a",
    "an",
    "the",
    "this",
    "these",
    "those",
    "its",
    "their",
    "his",
    "her",
    "our",
    "my",
    "your",
    "'s",
    "\u{2019}s",
    "any",
    "each",
    "every",
    "such",
    "another",
    "no",
    "new",
    "fresh",
    "further",
    "first",
    "last",
];
pub const PREPOSITIONS: &[&str] = &[
    "of", "for", "in", "on", "at", "from", "with", "against", "into", "about", "over", "between", "by", "after",
    "before", "during", "without", "under", "amid", "among", "despite", "toward", "towards", "through", "upon",
];
/// Auxiliaries: a form of "be", "have", "do" or a modal.
const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "have", "has", "had", "will", "would", "can", "could", "may", "might",
    "must", "should", "did", "do", "does",
];
/// Words after which a bare verb form is a verb.
const VERB_CONTEXT: &[&str] = &[
    "to", "will", "would", "can", "could", "may", "might", "must", "should", "shall", "not", "n't", "did", "do",
    "does", "never", "also", "jointly", "they", "we", "i", "you", "who", "which", "that", "ever", "wo", "ca", "'ll",
    "and",
];

/// The verbs of a scanned sentence with their codes.
#[must_use]
pub fn find(dict: &Dictionary, s: &Lexed<'_>, clause_end: usize) -> Vec<VerbUse> {
    s.verb_hits
        .iter()
        .filter_map(|hit| {
            let verbs = s.verbs_of(hit);
            let &(_, form) = verbs.first()?;
            is_verb(s, hit, form).then(|| best(dict, s, hit, verbs, clause_end)).flatten()
        })
        .collect()
}

/// Of the verbs a spelling is a form of, the one whose most specific
/// pattern decides (a coded one on a tie); `None` only for no verbs.
fn best(dict: &Dictionary, s: &Lexed<'_>, hit: &Hit, verbs: &[(u32, Form)], clause_end: usize) -> Option<VerbUse> {
    let clause = (0, clause_end);
    let mut chosen: Option<(u32, VerbUse)> = None;
    for &(v, form) in verbs {
        let verb = &dict.verbs[v as usize];
        let block = &dict.blocks[verb.block];
        // The first of equally specific patterns stands, as in the file.
        let matched = block
            .patterns
            .iter()
            .enumerate()
            .filter(|(_, p)| p.matches(s, (hit.first, hit.end), clause))
            .max_by_key(|(i, p)| (p.weight, std::cmp::Reverse(*i)))
            .map(|(_, p)| p);
        let (weight, code) = match matched {
            Some(p) => (p.weight, p.code),
            None => (0, own_code(verb.code, block.code)),
        };
        let candidate = VerbUse { first: hit.first, end: hit.end, verb: v, form, code, patterned: matched.is_some() };
        if chosen.as_ref().is_none_or(|(w, c)| weight > *w || (weight == *w && c.code.is_none() && code.is_some())) {
            chosen = Some((weight, candidate));
        }
    }
    chosen.map(|(_, c)| c)
}

fn own_code(verb: VerbCode, block: Option<CameoCode>) -> Option<CameoCode> {
    match verb {
        VerbCode::Code(c) => Some(c),
        VerbCode::Null => None,
        VerbCode::Inherit => block,
    }
}

/// True when the form at `hit` reads as a verb here.
fn is_verb(s: &Lexed<'_>, hit: &Hit, form: Form) -> bool {
    let first_word = hit.first == 0 || (hit.first == 1 && s.tokens[0].kind != super::tokens::Kind::Word);
    if !first_word && s.word(hit.first).starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    let prev = hit.first.checked_sub(1).map(|i| s.word(i).to_ascii_lowercase()).unwrap_or_default();
    let after_det =
        DETERMINERS.contains(&prev.as_str()) || prev.chars().all(|c| c.is_ascii_digit()) && !prev.is_empty();
    let after_prep = PREPOSITIONS.contains(&prev.as_str());
    let before_of = s.is(hit.end, "of");
    match form {
        // A participle opening the sentence is an adjective ("Ousted
        // president X ...") unless its agent follows ("Rebuked by X, ...").
        Form::Past if first_word => s.is(hit.end, "by"),
        Form::Past => !after_det,
        Form::Gerund => !after_det && !after_prep && !before_of,
        Form::Third => {
            let before_noun_word = s.verb_form_at(hit.end) || s.is_any(hit.end, &["in", "from", "with", "near", "at"]);
            !after_det && !after_prep && !before_of && !before_noun_word && !noun_slot(s, hit, &prev)
        }
        Form::Base => {
            let (p, prev) = skip_adverbs(s, hit.first, prev);
            let context = VERB_CONTEXT.contains(&prev.as_str()) || subject_like(s, p, &prev) || first_word;
            !before_of && context && !noun_slot(s, hit, &prev)
        }
    }
}

/// Where an -s or bare form must be a noun: right before an auxiliary
/// ("forces were"), or in the object of a verb just before it ("reduced
/// food supplies"). An -s form before a verb or a preposition is a noun
/// too ("Serb forces killed", "forces in Guinea"); a bare form is not
/// ("Palestinians reject proposed changes").
fn noun_slot(s: &Lexed<'_>, hit: &Hit, prev: &str) -> bool {
    let next_is_verb = s.is_any(hit.end, AUXILIARIES);
    let object = !VERB_CONTEXT.contains(&prev)
        && (hit.first.saturating_sub(3)..hit.first)
            .rev()
            .take_while(|k| {
                s.tokens[*k].kind == super::tokens::Kind::Word && !s.is_any(*k, &["and", "or", "that", "who", "which"])
            })
            .any(|k| s.verb_form_at(k) && !s.is_any(k, AUXILIARIES));
    next_is_verb || object
}

/// The word before `i` past adverbs in -ly ("routinely beat"): its index
/// + 1 and its text.
fn skip_adverbs(s: &Lexed<'_>, i: usize, prev: String) -> (usize, String) {
    let mut p = i;
    let mut prev = prev;
    while prev.len() > 3 && prev.ends_with("ly") && p > 1 {
        p -= 1;
        prev = s.word(p - 1).to_ascii_lowercase();
    }
    (p, prev)
}

/// A word before a bare form that can be its subject: a name, or a plural
/// noun ("officials agree").
fn subject_like(s: &Lexed<'_>, i: usize, prev: &str) -> bool {
    let Some(p) = i.checked_sub(1) else { return false };
    let word = s.word(p);
    let name = word.starts_with(|c: char| c.is_uppercase());
    let plural = prev.len() > 3 && prev.ends_with('s') && !prev.ends_with("ss") && !s.verb_form_at(p);
    (name || plural) && !PREPOSITIONS.contains(&prev) && !DETERMINERS.contains(&prev)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cameo::lexicon::Lexicon;
    use crate::cameo::tokens::tokenize;
    use sitrep_model::Span;

    const DICT: &str = "\
---  ATTACK   [190]  ---
ATTACK
BILL [---]
- * (WITH &UNDEFINED) [193]
- * {AIR RAID}  [195]
- * CAMP  [---]
---  VISIT   [042]  ---
VISIT
";

    #[test]
    fn verbs_and_their_codes() {
        let d = Dictionary::parse(DICT).expect("parses");
        let lex = Lexicon::new(&d).expect("compiles");
        // (sentence, [(verb text, code)])
        for (text, want) in [
            ("Rebels attacked the town.", vec![("attacked", Some("190"))]),
            ("The attack was repelled.", vec![]),
            ("Rebels will attack an air raid shelter.", vec![("attack", Some("195"))]),
            ("Troops attacked the camp.", vec![("attacked", None)]),
            ("President Bill Clinton will visit Arnor.", vec![("visit", Some("042"))]),
            ("after talks on attacks of the air force", vec![]),
            ("Officials visit Gondor and attack Arnor.", vec![("visit", Some("042")), ("attack", Some("190"))]),
        ] {
            let s = lex.scan(text, tokenize(text, Span::new(0, text.len())));
            let got: Vec<(&str, Option<String>)> =
                find(&d, &s, s.tokens.len()).iter().map(|v| (s.word(v.first), v.code.map(|c| c.to_string()))).collect();
            let want: Vec<(&str, Option<String>)> = want.into_iter().map(|(w, c)| (w, c.map(str::to_owned))).collect();
            assert_eq!(got, want, "{text}");
        }
    }
}
