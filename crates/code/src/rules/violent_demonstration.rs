//! `violent-demonstration`: Riots — Violent demonstration.
//!
//! Codes: demonstrations in which the demonstrators are violent (stones,
//! arson, attacks on property or people).
//! Triggers: kind `riot` ("barricaded", "burnt tyres", "threw stones") or
//! `loot` ("set fire to") together with `protest`, or a protest in which the
//! protesters are the ones who attack; or `barricade` ("barricaded roads
//! with burning tyres") on its own, since the codebook names road blocks and
//! burning tyres as a demonstration's tactics, not a mob's.
//! Example: "Protesters threw stones and torched a police station."
//! Counter-example: a mob attack without a demonstration is mob violence.

use sitrep_model::SubEventType;

use super::*;
use crate::triggers::TriggerKind;

#[derive(Debug)]
pub struct ViolentDemonstration;

impl Rule for ViolentDemonstration {
    fn code(&self) -> &'static str {
        "violent-demonstration"
    }
    fn sub_event_type(&self) -> SubEventType {
        SubEventType::ViolentDemonstration
    }
    fn applies(&self, c: &Clue) -> bool {
        let protest = c.has(TriggerKind::Protest);
        let damage = c.kinds.any(&[TriggerKind::Riot, TriggerKind::Loot, TriggerKind::Barricade]);
        (protest && (damage || (c.actor1_is(&[sitrep_model::ActorRole::Protester]) && c.violent())))
            || (c.has(TriggerKind::Barricade) && !c.has(TriggerKind::Clash))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::clue;
    use TriggerKind as K;

    #[test]
    fn cases() {
        assert!(ViolentDemonstration.applies(&clue(&[K::Riot, K::Protest])));
        assert!(!ViolentDemonstration.applies(&clue(&[K::Riot])));
        assert!(ViolentDemonstration.applies(&clue(&[K::Protest, K::Loot])), "protesters set fire to a warehouse");
    }
}
