//! From the verbs of a sentence to its readings: which verb states an
//! event, with what code, and whose clause gives its parties.
//!
//! Verbs are read left to right. A governor ([`Governor`]) takes the next
//! verb that is its complement ("to" + verb, a "that" clause, a modal, or
//! for reporting verbs simply the next verb) and the pair is one reading;
//! the complement is not read again. A statement with no other event in
//! the sentence ("..., officials said") is kept as the sentence's only
//! reading (root 01, which has no PLOVER category).

use super::code::CameoCode;
use super::combine::{cooperative, markers, Governor, Markers};
use super::lexicon::Lexed;
use super::verbs::VerbUse;

/// How far after its governor a complement verb may start (words).
const COMPLEMENT_REACH: usize = 14;

/// One coded event of a sentence, before its parties are found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    pub code: CameoCode,
    pub negated: bool,
    /// The verb (index into the verb list) whose subject is the source.
    pub anchor: usize,
    /// The verb that states the action (for the passive and the target).
    pub action: usize,
    /// A reporting verb over the anchor: its subject is the fallback source.
    pub reporter: Option<usize>,
    /// The word from which the target is searched.
    pub target_from: usize,
    /// True when a pattern, a governor or a marker decided the code, not
    /// only a verb block's default.
    pub specific: bool,
    /// "must"/"should" before the action: a demand when someone reports it.
    must: bool,
}

/// The readings of a sentence's verbs; `governor` gives each verb's class.
#[must_use]
pub fn readings(s: &Lexed<'_>, verbs: &[VerbUse], governor: &dyn Fn(u32) -> Option<Governor>) -> Vec<Reading> {
    let mut used = vec![false; verbs.len()];
    let mut out = Vec::new();
    for i in 0..verbs.len() {
        if !used[i] {
            used[i] = true;
            out.extend(read(s, verbs, i, governor, &mut used));
        }
    }
    let eventful = out.iter().any(|r| r.code.root() != 1);
    out.retain(|r| !eventful || r.code.root() != 1);
    out
}

/// The reading of verb `i` with its complement, if any.
fn read(
    s: &Lexed<'_>,
    verbs: &[VerbUse],
    i: usize,
    governor: &dyn Fn(u32) -> Option<Governor>,
    used: &mut [bool],
) -> Option<Reading> {
    let v = verbs[i];
    let floor = i.checked_sub(1).map_or(0, |p| verbs[p].end);
    let m = markers(s, v.first, floor);
    let gov = governor(v.verb);
    if let Some(g) = gov {
        if let Some(j) = complement(s, verbs, i, g) {
            used[j] = true;
            if let Some(inner) = read(s, verbs, j, governor, used) {
                return Some(govern(g, i, verbs[i].end, inner, m));
            }
            // "X said Y must drop barriers": a demand, whatever the verb.
            let cm = markers(s, verbs[j].first, v.end);
            if g == Governor::Report && cm.must {
                let code = CameoCode::parse("100")?;
                return Some(Reading {
                    code,
                    negated: cm.negated,
                    anchor: i,
                    action: j,
                    reporter: None,
                    target_from: v.end,
                    specific: true,
                    must: false,
                });
            }
        }
    }
    if gov == Some(Governor::Report) && must_follows(s, v.end) {
        let code = CameoCode::parse("100")?;
        return Some(Reading {
            code,
            negated: m.negated,
            anchor: i,
            action: i,
            reporter: None,
            target_from: v.end,
            specific: true,
            must: false,
        });
    }
    let action = governed_code(s, v, gov)?;
    let (code, negated) = mark(action, gov, m);
    let specific = v.patterned || code != action;
    Some(Reading { code, negated, anchor: i, action: i, reporter: None, target_from: v.end, specific, must: m.must })
}

/// True when "must" or "should" follows a reporting verb in its clause
/// ("reiterated that Libya must hand over ..."): a demand, even when the
/// dictionary does not know the demanded verb.
fn must_follows(s: &Lexed<'_>, end: usize) -> bool {
    (end..(end + COMPLEMENT_REACH).min(s.tokens.len()))
        .take_while(|k| !s.is_punct(*k, ';'))
        .any(|k| s.is_any(k, &["must", "should"]))
}

/// The code of a verb read without a complement. A governor followed by
/// "to", "that", "on", "upon" or "for" but no coded complement ("agreed to
/// a ceasefire", "agreed upon a pact") keeps its class's sense unless a
/// pattern coded it: CAMEO's AGREE block defaults to 050, its class to 030.
fn governed_code(s: &Lexed<'_>, v: VerbUse, gov: Option<Governor>) -> Option<CameoCode> {
    let class = gov.and_then(Governor::default_code);
    let open = s.is_any(v.end, &["to", "that", "on", "upon", "for"]);
    match (v.patterned, open, class) {
        (false, true, Some(c)) if gov != Some(Governor::Report) => Some(c),
        _ => v.code.or(class),
    }
}

/// The code of a verb read alone, given the markers before it.
fn mark(action: CameoCode, gov: Option<Governor>, m: Markers) -> (CameoCode, bool) {
    let intent = m.intent || gov == Some(Governor::Intent);
    if m.negated && intent && (cooperative(action) || action.root() == 3) {
        (Governor::Reject.combine(action), false)
    } else if m.intent && gov.is_none() {
        (Governor::Intent.combine(action), m.negated)
    } else {
        (action, m.negated)
    }
}

/// A governor `g` (verb `i`, ending at word `end`) over its complement's
/// reading.
fn govern(g: Governor, i: usize, end: usize, inner: Reading, m: Markers) -> Reading {
    match g {
        Governor::Report if inner.must => Reading {
            code: Governor::Request.combine(inner.code),
            anchor: i,
            target_from: end,
            specific: true,
            ..inner
        },
        Governor::Report => Reading { reporter: Some(i), ..inner },
        Governor::Aspect => inner,
        Governor::Deny => Reading { negated: true, ..inner },
        _ => {
            let rejects = inner.negated && g == Governor::Intent && cooperative(inner.code);
            let code = if rejects { Governor::Reject.combine(inner.code) } else { g.combine(inner.code) };
            let negated = m.negated || (inner.negated && !rejects);
            Reading { code, negated, anchor: i, reporter: None, target_from: end, specific: true, ..inner }
        }
    }
}

/// The complement of governor `i`: the next verb linked to it.
fn complement(s: &Lexed<'_>, verbs: &[VerbUse], i: usize, g: Governor) -> Option<usize> {
    let v = verbs[i];
    let j = i + 1;
    let c = verbs.get(j)?;
    let between = v.end..c.first;
    let near = c.first - v.end <= COMPLEMENT_REACH && !between.clone().any(|k| s.is_punct(k, ';'));
    let coordinated = c.first > 0 && s.is_any(c.first - 1, &["and", "or", "but"]);
    let linked = match g {
        Governor::Report | Governor::Deny => true,
        Governor::Aspect => c.first <= v.end + 1,
        _ => {
            let m = markers(s, c.first, v.end);
            m.to || m.intent || m.must || between.clone().any(|k| s.is(k, "that"))
        }
    };
    (near && linked && !coordinated).then_some(j)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cameo::dictionary::Dictionary;
    use crate::cameo::lexicon::Lexicon;
    use crate::cameo::tokens::tokenize;
    use crate::cameo::verbs;
    use sitrep_model::Span;

    const DICT: &str = "\
---  SAY   [010]  ---
SAY {SAYS SAID SAYING}
---  AGREE   [050]  ---
AGREE
---  REFUSE   [---]  ---
REFUSE
---  DENY   [---]  ---
DENY {DENIES DENIED DENYING}
---  MEET   [036]  ---
MEET {MEETS MET MEETING}
---  ATTACK   [190]  ---
ATTACK
---  AID   [070]  ---
AID
";

    fn gov(d: &Dictionary) -> impl Fn(u32) -> Option<Governor> + '_ {
        |v| match d.verbs[v as usize].lemma.as_str() {
            "say" => Some(Governor::Report),
            "agree" => Some(Governor::Intent),
            "refuse" => Some(Governor::Reject),
            "deny" => Some(Governor::Deny),
            _ => None,
        }
    }

    #[test]
    fn governors_and_markers_give_the_code() {
        let d = Dictionary::parse(DICT).expect("parses");
        let lex = Lexicon::new(&d).expect("compiles");
        // (sentence, [(code, negated)])
        for (text, want) in [
            ("Arnor attacked Gondor.", vec![("190", false)]),
            ("Arnor said Gondor attacked Rohan.", vec![("190", false)]),
            ("Arnor attacked Gondor, officials said.", vec![("190", false)]),
            ("Officials said.", vec![("010", false)]),
            ("Arnor agreed to aid Gondor.", vec![("033", false)]),
            ("Arnor agreed.", vec![("050", false)]),
            ("Arnor refused to meet Gondor.", vec![("125", false)]),
            ("Arnor will aid Gondor.", vec![("033", false)]),
            ("Arnor will attack Gondor.", vec![("1384", false)]),
            ("Arnor will not meet Gondor.", vec![("125", false)]),
            ("Arnor did not attack Gondor.", vec![("190", true)]),
            ("Arnor denied attacking Gondor.", vec![("190", true)]),
            ("Arnor said Gondor must aid Rohan.", vec![("103", false)]),
            ("Arnor agreed and attacked Gondor.", vec![("050", false), ("190", false)]),
        ] {
            let s = lex.scan(text, tokenize(text, Span::new(0, text.len())));
            let vs = verbs::find(&d, &s, s.tokens.len());
            let got: Vec<(String, bool)> =
                readings(&s, &vs, &gov(&d)).iter().map(|r| (r.code.to_string(), r.negated)).collect();
            let want: Vec<(String, bool)> = want.into_iter().map(|(c, n)| (c.to_owned(), n)).collect();
            assert_eq!(got, want, "{text}");
        }
    }
}
