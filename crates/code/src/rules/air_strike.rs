//! `air-strike`: Explosions/Remote violence — Air/drone strike.
//!
//! Codes: strikes from aircraft or drones.
//! Triggers: kind `air` ("airstrike", "air raid", "sorties", "drone strike"),
//! or a generic attack ("destroyed", "hit", "targeted") whose actor is an air
//! force, warplanes or jets, or a generic attack continuing an air strike
//! ("Also, … were targeted").
//! Example: "Russian warplanes destroyed 57 terrorist targets."
//! Counter-example: "the Syrian Arab Army attacked" (no aircraft) is a clash;
//! "Russian warplanes were seen over Latakia" has no attack trigger.

use sitrep_model::SubEventType;

use super::{Clue, Rule};
use crate::triggers::TriggerKind;

#[derive(Debug)]
pub struct AirStrike;

impl Rule for AirStrike {
    fn code(&self) -> &'static str {
        "air-strike"
    }
    fn sub_event_type(&self) -> SubEventType {
        SubEventType::AirDroneStrike
    }
    fn applies(&self, c: &Clue) -> bool {
        let by_air = c.has(TriggerKind::Air) || (c.aerial && (c.violent() || c.has(TriggerKind::Shelling)));
        let continues = c.inherited == Some(SubEventType::AirDroneStrike) && c.kinds.only_generic();
        (by_air || continues) && !c.has(TriggerKind::Clash)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{clue, Clue};
    use TriggerKind as K;

    #[test]
    fn cases() {
        assert!(AirStrike.applies(&clue(&[K::Air, K::Kill])));
        assert!(AirStrike.applies(&Clue { aerial: true, ..clue(&[K::Attack]) }));
        assert!(!AirStrike.applies(&clue(&[K::Attack])));
        let cont = Clue { inherited: Some(SubEventType::AirDroneStrike), ..clue(&[K::Attack]) };
        assert!(AirStrike.applies(&cont));
        assert!(!AirStrike.applies(&Clue { aerial: true, ..clue(&[K::Clash]) }), "air support in a ground battle");
    }
}
