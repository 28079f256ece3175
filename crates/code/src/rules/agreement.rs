//! `agreement`: Strategic developments — Agreement.
//!
//! Codes: ceasefires, truces, peace and reconciliation deals, prisoner
//! exchanges, surrenders.
//! Triggers: kinds `agreement` and `surrender`.
//! Example: "30 IS militants surrendered to Afghan forces in Laghman province."
//! Counter-example: "talks on a ceasefire will resume" is planned, not an
//! agreement reached (the modality says so).

use sitrep_model::SubEventType;

use super::*;
use crate::triggers::TriggerKind;

#[derive(Debug)]
pub struct Agreement;

impl Rule for Agreement {
    fn code(&self) -> &'static str {
        "agreement"
    }
    fn sub_event_type(&self) -> SubEventType {
        SubEventType::Agreement
    }
    fn applies(&self, c: &Clue) -> bool {
        c.kinds.any(&[TriggerKind::Agreement, TriggerKind::Surrender])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::clue;
    use TriggerKind as K;

    #[test]
    fn cases() {
        assert!(Agreement.applies(&clue(&[K::Surrender])));
        assert!(!Agreement.applies(&clue(&[K::Defect])));
    }
}
