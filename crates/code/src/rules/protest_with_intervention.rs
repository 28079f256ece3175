//! `protest-with-intervention`: Protests — Protest with intervention.
//!
//! Codes: peaceful protests that the authorities disperse or whose members
//! they arrest.
//! Codebook: "a peaceful protest in which there is a physical attempt to
//! disperse or suppress the protest" (arrests, tear gas, force).
//! Triggers: kind `protest` with `arrest` or `disperse`, and no riot,
//! barricade or destruction by the demonstrators; or `arrest` or
//! `disperse` whose target is protesters (the codebook codes arrests during
//! a protest here, not as Arrests).
//! Example: "Police detained 20 demonstrators at a rally in Tehran."
//! Counter-example: a rally that passed without incident is peaceful.

use sitrep_model::SubEventType;

use super::*;
use crate::triggers::TriggerKind;

#[derive(Debug)]
pub struct ProtestWithIntervention;

impl Rule for ProtestWithIntervention {
    fn code(&self) -> &'static str {
        "protest-with-intervention"
    }
    fn sub_event_type(&self) -> SubEventType {
        SubEventType::ProtestWithIntervention
    }
    fn applies(&self, c: &Clue) -> bool {
        let intervened = c.kinds.any(&[TriggerKind::Arrest, TriggerKind::Disperse]);
        let violent = c.kinds.any(&[TriggerKind::Riot, TriggerKind::Barricade, TriggerKind::Loot]);
        c.at_protest() && intervened && !violent
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::clue;
    use TriggerKind as K;

    #[test]
    fn cases() {
        assert!(ProtestWithIntervention.applies(&clue(&[K::Protest, K::Arrest])));
        assert!(!ProtestWithIntervention.applies(&clue(&[K::Protest])));
        let mut c = clue(&[K::Disperse]);
        assert!(!ProtestWithIntervention.applies(&c));
        c.actor2 = Some(sitrep_model::ActorRole::Protester);
        assert!(ProtestWithIntervention.applies(&c));
    }
}
