//! `government-regains`: Battles — Government regains territory.
//!
//! Codes: state forces taking back territory from non-state groups.
//! Triggers: kind `capture` or `advance` ("recaptured", "retook", "gain the
//! ground", "liberated") with state forces acting.
//! Example: "The SAA is continuing to gain the ground in Latakia."
//! Counter-example: a rebel group capturing a town is `non-state-overtakes`.

use sitrep_model::SubEventType;

use super::*;
use crate::triggers::TriggerKind;

#[derive(Debug)]
pub struct GovernmentRegains;

impl Rule for GovernmentRegains {
    fn code(&self) -> &'static str {
        "government-regains"
    }
    fn sub_event_type(&self) -> SubEventType {
        SubEventType::GovernmentRegainsTerritory
    }
    fn applies(&self, c: &Clue) -> bool {
        c.kinds.any(&[TriggerKind::Capture, TriggerKind::Advance]) && c.actor1_is(STATE)
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
        c.actor1 = Some(sitrep_model::ActorRole::Military);
        assert!(GovernmentRegains.applies(&c));
        c.actor1 = Some(sitrep_model::ActorRole::Rebel);
        assert!(!GovernmentRegains.applies(&c));
    }
}
