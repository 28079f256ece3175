//! The cause of a protest is not an event of the protest's report.
//!
//! What a demonstration is against is said by a complement after the
//! protest word: "protested against the arrest of an editor", "rallied over
//! the killing of a student", "demanding the release of detainees",
//! "commemorating the massacre of 1938". The trigger inside that complement
//! names the grievance, not something that happened at the protest (ACLED's
//! codebook codes the demonstration alone: a protest "against an attack" is
//! a peaceful protest, not an attack, and one "against arrests" is no
//! protest with intervention). This filter drops such triggers from a
//! sentence that holds a protest trigger before them.

use sitrep_model::Span;

use crate::triggers::{TriggerHit, TriggerKind};

/// Words that open the complement naming a protest's cause.
const MARKERS: &[&str] = &[
    "against",
    "over",
    "condemn",
    "condemned",
    "condemning",
    "denounce",
    "denounced",
    "denouncing",
    "decrying",
    "rejecting",
    "rejection",
    "protesting",
    "demand",
    "demanded",
    "demanding",
    "commemorate",
    "commemorated",
    "commemorating",
    "commemoration",
    "anniversary",
    "memory",
    "remembrance",
    "tribute",
    "honor",
    "honour",
    "justice",
    "after",
    "following",
    "solidarity",
    "support",
    "mourn",
    "mourning",
    // What a labour protest is about: its pay ("for not being paid salaries
    // for the last 10 months").
    "salaries",
    "salary",
    "wages",
    "unpaid",
    "payment",
];

/// Words after "and" that start a new clause ("… against the lockdown and
/// were dispersed"): the complement ends there.
const CLAUSE_OPENERS: &[&str] =
    &["was", "were", "is", "are", "had", "has", "then", "police", "security", "they", "he", "she", "it", "later"];

/// How far back from a trigger the complement's opener is looked for.
const WINDOW_WORDS: usize = 10;

/// `hits` without the triggers that name the cause of a protest told
/// before them in the same sentence.
#[must_use]
pub fn without_causes(text: &str, hits: Vec<TriggerHit>) -> Vec<TriggerHit> {
    let Some(protest) = hits.iter().find(|h| h.kind == TriggerKind::Protest).map(|h| h.span) else {
        return hits;
    };
    hits.into_iter()
        .filter(|h| {
            let cause = if h.span.start < protest.start {
                told_by_protesters(text, h.span)
            } else {
                h.span.start >= protest.end && is_cause(text, protest.end, h.span)
            };
            // The demonstrators' own acts (barricades, rioting, vandalism)
            // and their dispersal are never what they protest against.
            let own_act = matches!(
                h.kind,
                TriggerKind::Protest
                    | TriggerKind::Barricade
                    | TriggerKind::Riot
                    | TriggerKind::Loot
                    | TriggerKind::Disperse
            );
            own_act || !cause
        })
        .collect()
}

/// Where the complement naming a protest's cause opens: the first cause
/// marker after the protest trigger ending at `from`, in the protest's own
/// clause ("protested in front of the ministry to demand the payment of
/// their salaries for the past four months": at "demand"). What follows
/// describes the grievance, so its durations and dates are not the
/// protest's (see `reading::background`).
#[must_use]
pub fn cause_start(text: &str, from: usize, to: usize) -> Option<usize> {
    let marker = crate::words::words(text, Span::new(from, to))
        .into_iter()
        .find(|(_, w)| MARKERS.iter().any(|m| w.eq_ignore_ascii_case(m)))?;
    let at = marker.0.start;
    let between = text.get(from..at)?;
    (current_clause(between).len() == between.len()).then_some(at)
}

/// Words before a trigger that put it in the protesters' description or
/// claim ("families who say their sons were kidnapped … protested",
/// "residents accusing the police of killing a youth rallied").
const CLAIMS: &[&str] = &[
    "who",
    "whose",
    "claim",
    "claiming",
    "accuse",
    "accusing",
    "accused",
    "allege",
    "alleging",
    // Kin of victims: "the families of people killed by attacks protested".
    "families",
    "relatives",
    "mothers",
    "widows",
];

/// True when a trigger before the protest word sits in a relative clause or
/// a claim about the protesters.
fn told_by_protesters(text: &str, span: Span) -> bool {
    let mut from = span.start.saturating_sub(120);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let Some(before) = text.get(from..span.start) else { return false };
    let clause = current_clause(before);
    let words: Vec<&str> = clause.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    words.iter().rev().take(WINDOW_WORDS).any(|w| CLAIMS.iter().any(|m| w.eq_ignore_ascii_case(m)))
}

/// True when a cause marker opens the complement that `span` is in, after
/// the protest trigger ending at `from`.
fn is_cause(text: &str, from: usize, span: Span) -> bool {
    let Some(between) = text.get(from..span.start) else { return false };
    let complement = current_clause(between);
    let words: Vec<&str> = complement.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    // "in protest of / at the killing", "a protest for the release of":
    // the preposition right after the protest noun names its cause.
    let right_after = words.first().is_some_and(|w| ["of", "at", "for"].iter().any(|p| w.eq_ignore_ascii_case(p)));
    right_after
        || words.iter().rev().take(WINDOW_WORDS).any(|w| MARKERS.iter().any(|m| w.eq_ignore_ascii_case(m)))
        || told_of_someone(&words)
}

/// A relative clause of what befell a person, right before the trigger: "a
/// youth who was killed by influential men", "activists who had been
/// executed in 1972". Not one of what someone did: "police, who fired …".
fn told_of_someone(words: &[&str]) -> bool {
    let tail = &words[words.len().saturating_sub(3)..];
    let be = |w: &&str| ["was", "were", "had", "has", "have"].iter().any(|b| w.eq_ignore_ascii_case(b));
    tail.windows(2).any(|p| p[0].eq_ignore_ascii_case("who") && be(&p[1]))
}

/// The tail of `s` after its last clause break: a semicolon, a colon, or
/// "and" before a new clause's verb or subject. Commas are not breaks: the
/// complement often follows one ("protested in the city, against …").
fn current_clause(s: &str) -> &str {
    let mut start = s.rfind([';', ':']).map_or(0, |i| i + 1);
    let lower = s.to_ascii_lowercase();
    let mut at = start;
    while let Some(i) = lower[at..].find(" and ") {
        let after = at + i + 5;
        let next = lower[after..].split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        // "… over the demolition of their market and attacked the task
        // force": "and" before a past-tense verb coordinates a new clause.
        if CLAUSE_OPENERS.contains(&next) || (next.len() > 4 && next.ends_with("ed")) {
            start = after;
        }
        at = after;
    }
    &s[start..]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::triggers::Triggers;

    fn kinds(text: &str) -> Vec<TriggerKind> {
        let t = Triggers::new().expect("lexicon compiles");
        without_causes(text, t.find(text, Span::new(0, text.len()))).iter().map(|h| h.kind).collect()
    }

    #[test]
    fn the_cause_of_a_protest_is_dropped() {
        use TriggerKind as K;
        assert_eq!(kinds("Lawyers protested in Town, against the arrest of their colleague."), [K::Protest]);
        assert_eq!(kinds("Students rallied over the killing of a classmate."), [K::Protest]);
        assert_eq!(kinds("Families demonstrated, demanding the release of detained relatives."), [K::Protest]);
        assert_eq!(
            kinds("Workers protested against the lockdown and were dispersed by police."),
            [K::Protest, K::Disperse]
        );
        assert_eq!(kinds("Police arrested 20 people who protested."), [K::Arrest, K::Protest]);
        assert_eq!(kinds("Mothers who say their sons were abducted held a sit-in."), [K::Protest]);
        assert_eq!(kinds("A crowd gathered in protest of the killing of a boy."), [K::Protest]);
        assert_eq!(kinds("Gunmen killed a farmer."), [K::Kill]);
        assert_eq!(kinds("Families of people killed by rocket attacks protested."), [K::Protest]);
        assert_eq!(kinds("Locals protested for justice to a youth who was killed by influential men."), [K::Protest]);
        assert_eq!(kinds("Relatives protested after prisoners were killed by guards."), [K::Protest]);
        assert_eq!(kinds("Locals protested, angry at a youth who was killed."), [K::Protest]);
        assert_eq!(
            kinds("Students protested in the capital; police, who fired live rounds, killed two."),
            [K::Protest, K::Kill]
        );
    }
}
