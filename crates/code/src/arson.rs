//! Setting something on fire is destruction of property. English puts the
//! object between the verb and its complement, "set rubber tires on fire",
//! "set the market stalls ablaze", so no fixed phrase lists it. This finder
//! reads "set" and, a few words later with no punctuation between, "on
//! fire", "ablaze", "alight" or "afire". The ACLED codebook names burning
//! tyres as a demonstrator's road block (a barricade, as "burning tyres" in
//! the trigger table) and arson of other things as destruction of property
//! (a loot trigger, as "set fire to").

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use sitrep_model::Span;

use crate::triggers::{TriggerHit, TriggerKind};
use crate::words::{object_after, one_of, prefilter, words_if};

/// Forms of the verb.
const SET: &[&str] = &["set", "sets", "setting"];

/// Complements that make "set X …" a burning.
const ABLAZE: &[&str] = &["ablaze", "alight", "afire"];

/// Objects that make the burning a road block.
const TYRES: &[&str] = &["tires", "tyres", "tire", "tyre"];

/// Particles that make "set" another verb ("set up a committee on fire
/// safety", "set off").
const PARTICLES: &[&str] = &["up", "out", "off", "aside", "forth", "about", "down"];

/// How many words the object may take ("set several rubber tires on fire").
const OBJECT: usize = 4;

static COMPLEMENTS: LazyLock<Option<AhoCorasick>> =
    LazyLock::new(|| prefilter(&["on fire", "ablaze", "alight", "afire"]));

/// Burnings of `text[within]`: a trigger from "set" to its complement.
#[must_use]
pub fn hits(text: &str, within: Span) -> Vec<TriggerHit> {
    let w = words_if(COMPLEMENTS.as_ref(), text, within);
    let mut out = Vec::new();
    for (k, (span, word)) in w.iter().enumerate() {
        if !one_of(word, SET) || w.get(k + 1).is_some_and(|(_, x)| one_of(x, PARTICLES)) {
            continue;
        }
        let object = object_after(text, &w, k, OBJECT + 2, false);
        let end = object.iter().enumerate().skip(1).find_map(|(j, (s, x))| {
            let on_fire =
                x.eq_ignore_ascii_case("on") && object.get(j + 1).is_some_and(|(_, y)| y.eq_ignore_ascii_case("fire"));
            let complement = if on_fire { object.get(j + 1).map(|(f, _)| *f) } else { one_of(x, ABLAZE).then_some(*s) };
            complement.map(|c| (j, c))
        });
        if let Some((j, complement)) = end {
            let tyres = object[..j].iter().any(|(_, x)| one_of(x, TYRES));
            let kind = if tyres { TriggerKind::Barricade } else { TriggerKind::Loot };
            out.push(TriggerHit { span: Span::new(span.start, complement.end), kind });
        }
    }
    out
}

/// `hits` with the burnings of `text[within]` that no other trigger overlaps.
#[must_use]
pub fn with_burnings(text: &str, within: Span, found: Vec<TriggerHit>) -> Vec<TriggerHit> {
    crate::triggers::with_extra(found, hits(text, within))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<TriggerKind> {
        hits(text, Span::new(0, text.len())).into_iter().map(|h| h.kind).collect()
    }

    #[test]
    fn burnings() {
        assert_eq!(kinds("Rioters set rubber tires on fire."), [TriggerKind::Barricade]);
        assert_eq!(kinds("The crowd set the market stalls ablaze."), [TriggerKind::Loot]);
        assert_eq!(kinds("They set several police cars on fire"), [TriggerKind::Loot]);
        assert!(kinds("The court set a date, and the house was on fire.").is_empty(), "a clause break");
        assert!(kinds("The government set up a committee on fire safety.").is_empty(), "too far and no object");
        assert!(kinds("Militants opened fire on the convoy.").is_empty());
    }
}
