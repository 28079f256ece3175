//! `armed-clash`: Battles — Armed clash.
//!
//! Codes: fighting between armed groups, the default for violence that no
//! more specific rule claims (an attack on a checkpoint, an ambush, a sniper).
//! Triggers: `clash`, `attack`, `kill`, `injure`, `invasion`.
//! Example: "2 soldiers were killed following an ambush by Taliban militants."
//! Counter-example: violence against civilians is `attack`; air strikes and
//! shelling have their own rules, asked first.

use sitrep_model::SubEventType;

use super::*;

#[derive(Debug)]
pub struct ArmedClash;

impl Rule for ArmedClash {
    fn code(&self) -> &'static str {
        "armed-clash"
    }
    fn sub_event_type(&self) -> SubEventType {
        SubEventType::ArmedClash
    }
    fn applies(&self, c: &Clue) -> bool {
        c.violent()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::clue;
    use crate::triggers::TriggerKind;
    use TriggerKind as K;

    #[test]
    fn cases() {
        assert!(ArmedClash.applies(&clue(&[K::Clash])));
        assert!(ArmedClash.applies(&clue(&[K::Kill])));
        assert!(!ArmedClash.applies(&clue(&[K::Arrest])));
    }
}
