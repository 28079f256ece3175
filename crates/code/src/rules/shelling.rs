//! `shelling`: Explosions/Remote violence — Shelling/artillery/missile attack.
//!
//! Codes: artillery, mortar, rocket and missile fire from a distance.
//! Triggers: kind `shelling` ("shelled", "artillery strikes", "mortar
//! rounds", "rocket attack", "missile strike").
//! Example: "Turkey has ramped up its artillery strikes along the border."
//! Counter-example: "the terrorists' rocket launchers" names a target, not
//! fire, and is not a trigger; fire exchanged in a battle is a clash.

use sitrep_model::SubEventType;

use super::{Clue, Rule};
use crate::triggers::TriggerKind;

#[derive(Debug)]
pub struct Shelling;

impl Rule for Shelling {
    fn code(&self) -> &'static str {
        "shelling"
    }
    fn sub_event_type(&self) -> SubEventType {
        SubEventType::ShellingArtilleryMissile
    }
    fn applies(&self, c: &Clue) -> bool {
        let continues = c.inherited == Some(SubEventType::ShellingArtilleryMissile) && c.kinds.only_generic();
        (c.has(TriggerKind::Shelling) || continues) && !c.has(TriggerKind::Clash)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::clue;
    use TriggerKind as K;

    #[test]
    fn cases() {
        assert!(Shelling.applies(&clue(&[K::Shelling, K::Kill])));
        assert!(!Shelling.applies(&clue(&[K::Shelling, K::Clash])));
        assert!(!Shelling.applies(&clue(&[K::Attack])));
    }
}
