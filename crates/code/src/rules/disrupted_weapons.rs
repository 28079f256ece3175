//! `disrupted-weapons`: Strategic developments — Disrupted weapons use.
//!
//! Codes: demining, defusing bombs, seizing weapons caches.
//! Triggers: kind `demining` ("clearing mines", "defused", "weapons cache").
//! Example: "Turkish minesweeping vehicles have started clearing mines along
//! the border."
//! Counter-example: a mine that exploded is a remote explosive.

use sitrep_model::SubEventType;

use super::*;
use crate::triggers::TriggerKind;

#[derive(Debug)]
pub struct DisruptedWeapons;

impl Rule for DisruptedWeapons {
    fn code(&self) -> &'static str {
        "disrupted-weapons"
    }
    fn sub_event_type(&self) -> SubEventType {
        SubEventType::DisruptedWeaponsUse
    }
    fn applies(&self, c: &Clue) -> bool {
        c.has(TriggerKind::Demining)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::clue;
    use TriggerKind as K;

    #[test]
    fn cases() {
        assert!(DisruptedWeapons.applies(&clue(&[K::Demining])));
        assert!(!DisruptedWeapons.applies(&clue(&[K::Explosive])));
    }
}
