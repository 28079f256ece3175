//! `peaceful-protest`: Protests — Peaceful protest.
//!
//! Codes: demonstrations, rallies and sit-ins without violence or
//! intervention.
//! Triggers: kind `protest`.
//! Example: "Hundreds of people protested in Herat against the election result."
//! Counter-example: with arrests it is a protest with intervention; with
//! state violence, excessive force (both asked first).

use sitrep_model::SubEventType;

use super::*;
use crate::triggers::TriggerKind;

#[derive(Debug)]
pub struct PeacefulProtest;

impl Rule for PeacefulProtest {
    fn code(&self) -> &'static str {
        "peaceful-protest"
    }
    fn sub_event_type(&self) -> SubEventType {
        SubEventType::PeacefulProtest
    }
    fn applies(&self, c: &Clue) -> bool {
        c.has(TriggerKind::Protest) && !c.violent()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::clue;
    use TriggerKind as K;

    #[test]
    fn cases() {
        assert!(PeacefulProtest.applies(&clue(&[K::Protest])));
        assert!(!PeacefulProtest.applies(&clue(&[K::Protest, K::Kill])));
    }
}
