//! `chemical-weapon`: Explosions/Remote violence — Chemical weapon.
//!
//! Codes: the use of chemical weapons (sarin, chlorine, toxic gas).
//! Triggers: kind `chemical` ("chemical attack", "sarin", "chlorine gas",
//! "used chemical weapons"), or `chemical_arms` ("chemical weapons") together
//! with violence or an air or artillery strike.
//! Example: "A chlorine gas attack on Douma killed 40 people."
//! Counter-example: "Syria agreed to destroy its chemical weapons" is an
//! agreement about weapons, coded only if no other rule finds violence; the
//! coder's modality keeps accusations attributed.

use sitrep_model::SubEventType;

use super::{Clue, Rule};
use crate::triggers::TriggerKind;

#[derive(Debug)]
pub struct ChemicalWeapon;

impl Rule for ChemicalWeapon {
    fn code(&self) -> &'static str {
        "chemical-weapon"
    }
    fn sub_event_type(&self) -> SubEventType {
        SubEventType::ChemicalWeapon
    }
    fn applies(&self, c: &Clue) -> bool {
        let armed_use = c.has(TriggerKind::ChemicalArms)
            && (c.violent() || c.kinds.any(&[TriggerKind::Air, TriggerKind::Shelling]));
        (c.has(TriggerKind::Chemical) || armed_use) && !c.has(TriggerKind::Agreement)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::clue;
    use TriggerKind as K;

    #[test]
    fn cases() {
        assert!(ChemicalWeapon.applies(&clue(&[K::Chemical, K::Kill])));
        assert!(!ChemicalWeapon.applies(&clue(&[K::Chemical, K::Agreement])));
        assert!(!ChemicalWeapon.applies(&clue(&[K::Kill])));
        assert!(!ChemicalWeapon.applies(&clue(&[K::ChemicalArms])), "chemical weapons inspectors");
        assert!(ChemicalWeapon.applies(&clue(&[K::ChemicalArms, K::Air])), "dropped chemical weapons from the air");
    }
}
