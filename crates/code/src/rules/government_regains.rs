//! `government-regains`: Battles — Government regains territory.
//!
//! Codes: state forces taking back territory from non-state groups.
//! Triggers: kind `capture` ("recaptured", "retook", "gain the ground",
//! "liberated") with state forces acting, or kind `advance` ("advanced",
//! "entered") against a non-state group or with fighting. The codebook makes
//! this a battle: the government wins control of a place from a non-state
//! group. State forces entering a place with no one to fight are moving, a
//! strategic development (`change-to-group`).
//! Example: "The SAA is continuing to gain the ground in Latakia."
//! Counter-examples: a rebel group capturing a town is `non-state-overtakes`;
//! "Turkish forces entered Syrian territory via the crossing" is a movement.

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
        let against = c.actor2_is(NON_STATE) || c.violent();
        c.actor1_is(STATE) && (c.has(TriggerKind::Capture) || (c.has(TriggerKind::Advance) && against))
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
        let mut c = clue(&[K::Advance]);
        c.actor1 = Some(sitrep_model::ActorRole::Military);
        assert!(!GovernmentRegains.applies(&c), "a movement, with no one to fight");
        c.actor2 = Some(sitrep_model::ActorRole::Militant);
        assert!(GovernmentRegains.applies(&c));
    }
}
