//! `looting`: Strategic developments — Looting/property destruction.
//!
//! Codes: looting, arson and destruction of property without fighting.
//! Triggers: kind `loot` ("looted", "torched", "set fire to", "burned down",
//! "arson", "stole") with no one killed, injured or fought. Asked before the
//! attack and clash rules: an "arson attack" or a raid that carries goods
//! away, with no harm to people, is property destruction (codebook:
//! "outside the context of other forms of violence").
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
        c.has(TriggerKind::Loot) && !c.kinds.any(&[TriggerKind::Kill, TriggerKind::Injure, TriggerKind::Clash])
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
