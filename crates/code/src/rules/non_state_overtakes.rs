//! `non-state-overtakes`: Battles — Non-state actor overtakes territory.
//!
//! Codes: rebels, militants or militias taking territory.
//! Triggers: kind `capture` or `advance` with a non-state group acting.
//! Example: "Taliban militants captured the district centre of Dasht-e Archi."
//! Counter-example: a government recapture is `government-regains`.

use sitrep_model::SubEventType;

use super::*;
use crate::triggers::TriggerKind;

#[derive(Debug)]
pub struct NonStateOvertakes;

impl Rule for NonStateOvertakes {
    fn code(&self) -> &'static str {
        "non-state-overtakes"
    }
    fn sub_event_type(&self) -> SubEventType {
        SubEventType::NonStateActorOvertakesTerritory
    }
    fn applies(&self, c: &Clue) -> bool {
        c.kinds.any(&[TriggerKind::Capture, TriggerKind::Advance]) && c.actor1_is(NON_STATE)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::clue;
    use TriggerKind as K;

    #[test]
    fn cases() {
        let mut c = clue(&[K::Capture]);
        c.actor1 = Some(sitrep_model::ActorRole::Militant);
        assert!(NonStateOvertakes.applies(&c));
        assert!(!NonStateOvertakes.applies(&clue(&[K::Capture])));
    }
}
