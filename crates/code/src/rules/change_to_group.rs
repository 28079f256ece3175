//! `change-to-group`: Strategic developments — Change to group/activity.
//!
//! Codes: defections, fighters joining another group, splits and mergers.
//! Triggers: kind `defect` ("defected", "joined") with an armed party; or
//! `posture` ("reinforcements arrived", "deployed", "patrolled", "imposed a
//! curfew") without violence or capture; or `advance` ("entered") by state
//! forces with no one to fight, which `government-regains` leaves over.
//! Codebook: changes in a group's activity, including movements of forces
//! and security measures.
//! Example: "25 Afghan security personnel joined Taliban militants."
//! Counter-example: "joined the protest" names no armed party.

use sitrep_model::SubEventType;

use super::*;
use crate::triggers::TriggerKind;

#[derive(Debug)]
pub struct ChangeToGroup;

impl Rule for ChangeToGroup {
    fn code(&self) -> &'static str {
        "change-to-group"
    }
    fn sub_event_type(&self) -> SubEventType {
        SubEventType::ChangeToGroup
    }
    fn applies(&self, c: &Clue) -> bool {
        let defection = c.has(TriggerKind::Defect) && (c.actor1_is(ARMED) || c.actor2_is(ARMED));
        let moved = c.has(TriggerKind::Posture) || (c.has(TriggerKind::Advance) && c.actor1_is(STATE));
        let posture = moved && !c.violent() && !c.kinds.any(&[TriggerKind::Capture]);
        defection || posture
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::clue;
    use TriggerKind as K;

    #[test]
    fn cases() {
        let mut c = clue(&[K::Defect]);
        c.actor2 = Some(sitrep_model::ActorRole::Militant);
        assert!(ChangeToGroup.applies(&c));
        assert!(!ChangeToGroup.applies(&clue(&[K::Defect])));
        let mut c = clue(&[K::Advance]);
        assert!(!ChangeToGroup.applies(&c), "an advance by no one named");
        c.actor1 = Some(sitrep_model::ActorRole::Military);
        assert!(ChangeToGroup.applies(&c), "state forces entering: a movement");
    }
}
