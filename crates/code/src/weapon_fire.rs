//! Fire from heavy weapons at a place is a bombardment. The ACLED codebook's
//! Shelling/artillery/missile attack is long-range fire (artillery,
//! mortars, rockets, missiles); news tells it with the weapon as the
//! object of "fired", and often a list of calibres between: "fired 23mm,
//! 14.5mm and 12.7mm machine guns at residential areas", "fired heavy and
//! medium weapons at Ad Dahfash village". No fixed phrase lists those, so
//! this finder reads "fired" and, a few words on within the clause, a
//! heavy weapon. Small arms ("fired shots", "fired at the car") are not
//! read: they are an attack or a clash by who is hit.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use sitrep_model::Span;

use crate::triggers::{TriggerHit, TriggerKind};
use crate::words::{object_after, one_of, prefilter, words_if};

const FIRE: &[&str] = &["fired", "fires", "firing"];

/// Weapons that are heavy whatever precedes them.
const HEAVY: &[&str] =
    &["artillery", "mortar", "mortars", "shells", "rockets", "missiles", "projectiles", "howitzers", "machine-guns"];

/// Nouns that are heavy weapons after one of `GUN_MODIFIERS`.
const GUNS: &[&str] = &["guns", "gun", "weapons"];
const GUN_MODIFIERS: &[&str] = &["machine", "heavy", "medium", "anti-aircraft", "antiaircraft"];

/// How many words the weapon may come after the verb ("fired caliber
/// 12.7mm and 14.5 mm and PK machine guns").
const WINDOW: usize = 12;

static VERBS: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| prefilter(&["fired", "fires", "firing"]));

/// Heavy-weapon fire in `text[within]`: a shelling trigger from the verb to
/// the weapon.
#[must_use]
pub fn hits(text: &str, within: Span) -> Vec<TriggerHit> {
    let w = words_if(VERBS.as_ref(), text, within);
    let mut out = Vec::new();
    for (k, (verb, word)) in w.iter().enumerate() {
        if !one_of(word, FIRE) {
            continue;
        }
        let object = object_after(text, &w, k, WINDOW, true);
        let weapon = object.iter().enumerate().find(|(j, (_, x))| {
            one_of(x, HEAVY)
                || (one_of(x, GUNS) && j.checked_sub(1).is_some_and(|p| one_of(object[p].1, GUN_MODIFIERS)))
        });
        if let Some((_, (noun, _))) = weapon {
            out.push(TriggerHit { span: Span::new(verb.start, noun.end), kind: TriggerKind::Shelling });
        }
    }
    out
}

/// `hits` with the heavy-weapon fire of `text[within]` that no other
/// trigger overlaps.
#[must_use]
pub fn with_fire(text: &str, within: Span, found: Vec<TriggerHit>) -> Vec<TriggerHit> {
    crate::triggers::with_extra(found, hits(text, within))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> usize {
        hits(text, Span::new(0, text.len())).len()
    }

    #[test]
    fn heavy_weapon_fire() {
        assert_eq!(found("Pro-government forces fired 23mm, 14.5mm and 12.7mm machine guns at residential areas."), 1);
        assert_eq!(found("Rebel forces fired heavy and medium weapons at Ad Dahfash village."), 1);
        assert_eq!(found("The army fired artillery shells at the hills."), 1);
        assert_eq!(found("Gunmen fired shots at a car in the town."), 0, "small arms");
        assert_eq!(found("The manager was fired; heavy weapons were later found."), 0, "a clause break");
    }
}
