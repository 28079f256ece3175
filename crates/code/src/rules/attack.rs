//! `attack`: Violence against civilians — Attack.
//!
//! Codes: armed violence against unarmed civilians.
//! Triggers: a violent kind (`attack`, `kill`, `injure`) with civilians as
//! the victims and an armed or unknown perpetrator. Officials of a
//! government (a judge, an administrator; not its forces) are unarmed
//! victims too (codebook: civilians are "unarmed and not engaged in
//! political violence").
//! Example: "1 teacher was killed by unknown gunmen in Kabul city."
//! Counter-example: soldiers killed in an ambush is an armed clash.

use sitrep_model::SubEventType;

use super::*;
use crate::triggers::TriggerKind;

#[derive(Debug)]
pub struct Attack;

impl Rule for Attack {
    fn code(&self) -> &'static str {
        "attack"
    }
    fn sub_event_type(&self) -> SubEventType {
        SubEventType::Attack
    }
    fn applies(&self, c: &Clue) -> bool {
        c.violent()
            && !c.has(TriggerKind::Clash)
            && c.actor2_is(&[sitrep_model::ActorRole::Civilian, sitrep_model::ActorRole::Government])
            && !c.actor1_is(&[sitrep_model::ActorRole::Civilian])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::clue;
    use TriggerKind as K;

    #[test]
    fn cases() {
        let mut c = clue(&[K::Kill]);
        c.actor2 = Some(sitrep_model::ActorRole::Civilian);
        assert!(Attack.applies(&c));
        c.actor2 = Some(sitrep_model::ActorRole::Military);
        assert!(!Attack.applies(&c));
    }
}
