//! `change-to-group`: Strategic developments — Change to group/activity.
//!
//! Codes: defections, fighters joining another group, splits and mergers.
//! Triggers: kind `defect` ("defected", "joined") with an armed party.
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
        c.has(TriggerKind::Defect) && (c.actor1_is(ARMED) || c.actor2_is(ARMED))
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
    }
}
