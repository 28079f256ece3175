//! `non-violent-transfer`: Strategic developments — Non-violent transfer of territory.
//!
//! Codes: withdrawals and handovers of territory without fighting.
//! Triggers: kind `withdraw` ("withdrew", "pulled out", "handed over").
//! Example: "Government forces withdrew from the district centre overnight."
//! Counter-example: a withdrawal under fire is part of the battle.

use sitrep_model::SubEventType;

use super::*;
use crate::triggers::TriggerKind;

#[derive(Debug)]
pub struct NonViolentTransfer;

impl Rule for NonViolentTransfer {
    fn code(&self) -> &'static str {
        "non-violent-transfer"
    }
    fn sub_event_type(&self) -> SubEventType {
        SubEventType::NonViolentTransfer
    }
    fn applies(&self, c: &Clue) -> bool {
        c.has(TriggerKind::Withdraw) && !c.violent()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::clue;
    use TriggerKind as K;

    #[test]
    fn cases() {
        assert!(NonViolentTransfer.applies(&clue(&[K::Withdraw])));
        assert!(!NonViolentTransfer.applies(&clue(&[K::Withdraw, K::Clash])));
    }
}
