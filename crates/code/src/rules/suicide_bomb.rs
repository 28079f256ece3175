//! `suicide-bomb`: Explosions/Remote violence — Suicide bomb.
//!
//! Codes: an attack in which the attacker detonates explosives on himself or
//! in a vehicle he drives.
//! Triggers: kind `suicide` ("suicide bomber", "blew himself up").
//! Example: "A suicide bomber killed 12 people at a checkpoint in Kabul."
//! Counter-example: "a car bomb exploded" (no suicide) is a remote explosive.

use sitrep_model::SubEventType;

use super::{Clue, Rule};
use crate::triggers::TriggerKind;

#[derive(Debug)]
pub struct SuicideBomb;

impl Rule for SuicideBomb {
    fn code(&self) -> &'static str {
        "suicide-bomb"
    }
    fn sub_event_type(&self) -> SubEventType {
        SubEventType::SuicideBomb
    }
    fn applies(&self, c: &Clue) -> bool {
        c.has(TriggerKind::Suicide)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::clue;
    use TriggerKind as K;

    #[test]
    fn cases() {
        assert!(SuicideBomb.applies(&clue(&[K::Suicide, K::Kill])));
        assert!(!SuicideBomb.applies(&clue(&[K::Explosive, K::Kill])));
    }
}
