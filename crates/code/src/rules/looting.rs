//! `looting`: Strategic developments — Looting/property destruction.
//!
//! Codes: looting, arson and destruction of property without fighting.
//! Triggers: kind `loot` ("looted", "torched", "set fire to", "burned down").
//! Example: "Militiamen looted and torched houses in the village."
//! Counter-example: houses destroyed by an air strike are the air strike.

use sitrep_model::SubEventType;

use super::*;
use crate::triggers::TriggerKind;

#[derive(Debug)]
pub struct Looting;

impl Rule for Looting {
    fn code(&self) -> &'static str {
        "looting"
    }
    fn sub_event_type(&self) -> SubEventType {
        SubEventType::LootingPropertyDestruction
    }
    fn applies(&self, c: &Clue) -> bool {
        c.has(TriggerKind::Loot) && !c.violent()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::clue;
    use TriggerKind as K;

    #[test]
    fn cases() {
        assert!(Looting.applies(&clue(&[K::Loot])));
        assert!(!Looting.applies(&clue(&[K::Loot, K::Kill])));
    }
}
