//! `remote-explosive`: Explosions/Remote violence — Remote
//! explosive/landmine/IED.
//!
//! Codes: bombs, IEDs, landmines and booby traps detonated without the
//! bomber present.
//! Triggers: kind `explosive` ("roadside bomb", "IED", "landmine",
//! "Taliban-planted", "explosion").
//! Example: "3 soldiers were killed when their tank hit a Taliban-planted
//! roadside bomb."
//! Counter-example: "Turkish vehicles cleared mines" is demining (the
//! `demining` kind takes precedence there), and a suicide bombing is coded by
//! `suicide-bomb`, asked first.

use sitrep_model::SubEventType;

use super::{Clue, Rule};
use crate::triggers::TriggerKind;

#[derive(Debug)]
pub struct RemoteExplosive;

impl Rule for RemoteExplosive {
    fn code(&self) -> &'static str {
        "remote-explosive"
    }
    fn sub_event_type(&self) -> SubEventType {
        SubEventType::RemoteExplosive
    }
    fn applies(&self, c: &Clue) -> bool {
        c.has(TriggerKind::Explosive)
            && !c.has(TriggerKind::Demining)
            && !c.has(TriggerKind::Air)
            && !c.has(TriggerKind::Shelling)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::clue;
    use TriggerKind as K;

    #[test]
    fn cases() {
        assert!(RemoteExplosive.applies(&clue(&[K::Explosive, K::Kill])));
        assert!(!RemoteExplosive.applies(&clue(&[K::Explosive, K::Demining])));
        assert!(!RemoteExplosive.applies(&clue(&[K::Air, K::Explosive])), "an air strike's explosion");
    }
}
