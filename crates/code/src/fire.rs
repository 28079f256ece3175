//! Fire at a place is a bombardment, not a battle. ACLED codebook: a
//! shelling, artillery or missile attack is long-range fire at a target; an
//! armed clash is a battle between armed, organised groups. "Gunmen opened
//! gunfire and rocket attacks on the Tell Amra neighbourhood" names fire and
//! rockets at a neighbourhood, no armed opponent: the gunfire is part of the
//! bombardment. Only one-sided fire words count ("gunfire", "sniper fire"):
//! "clashes", "fighting", "exchanged fire" stay a battle, and so does any
//! fire at an armed party.

use sitrep_model::ActorRole;

use crate::triggers::{KindSet, TriggerHit, TriggerKind};

/// Clash triggers that name fire from one side only.
const ONE_SIDED: &[&str] = &["gunfire", "fire", "sniper fire", "machine-gun fire", "machine gun fire", "shots"];

/// The trigger kinds of a candidate, without the clash kind when it names
/// only one-sided fire that goes with a bombardment of no armed party
/// (`target` is the role of the party acted upon, if any).
#[must_use]
pub fn kinds(text: &str, triggers: &[TriggerHit], kinds: KindSet, target: Option<ActorRole>) -> KindSet {
    let clash = |t: &&TriggerHit| t.kind == TriggerKind::Clash;
    let one_sided = |t: &TriggerHit| {
        let surface = text.get(t.span.start..t.span.end).unwrap_or("");
        ONE_SIDED.iter().any(|w| surface.eq_ignore_ascii_case(w))
    };
    let bombardment = kinds.has(TriggerKind::Shelling) && triggers.iter().filter(clash).all(one_sided);
    if !(kinds.has(TriggerKind::Clash) && bombardment && !armed(target)) {
        return kinds;
    }
    let mut out = KindSet::default();
    triggers.iter().filter(|t| t.kind != TriggerKind::Clash).for_each(|t| out.insert(t.kind));
    out
}

/// An armed party, not an international mission ([`crate::rules::ARMED`]).
fn armed(role: Option<ActorRole>) -> bool {
    role.is_some_and(|r| r != ActorRole::International && crate::rules::ARMED.contains(&r))
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_model::Span;

    fn hit(text: &str, what: &str, kind: TriggerKind) -> TriggerHit {
        let at = text.find(what).unwrap_or(0);
        TriggerHit { span: Span::new(at, at + what.len()), kind }
    }

    fn set(hits: &[TriggerHit]) -> KindSet {
        let mut k = KindSet::default();
        hits.iter().for_each(|h| k.insert(h.kind));
        k
    }

    #[test]
    fn gunfire_with_rockets_at_a_place_is_shelling() {
        let t = "Gunmen launched gunfire and rocket attacks on the Tell Amra neighbourhood.";
        let hits = [hit(t, "gunfire", TriggerKind::Clash), hit(t, "rocket attacks", TriggerKind::Shelling)];
        assert!(!kinds(t, &hits, set(&hits), None).has(TriggerKind::Clash));
        assert!(kinds(t, &hits, set(&hits), Some(ActorRole::Military)).has(TriggerKind::Clash), "fire at troops");
        let t = "Clashes and rocket attacks shook the Tell Amra neighbourhood.";
        let hits = [hit(t, "Clashes", TriggerKind::Clash), hit(t, "rocket attacks", TriggerKind::Shelling)];
        assert!(kinds(t, &hits, set(&hits), None).has(TriggerKind::Clash));
    }
}
