//! `sexual-violence`: Violence against civilians — Sexual violence.
//!
//! Codes: rape and sexual assault.
//! Triggers: kind `sexual` ("raped", "sexual violence").
//! Example: "Militiamen raped two women in the village."
//! Counter-example: reports about a law on sexual violence have no actor and
//! no act; the modality of such sentences is not asserted.

use sitrep_model::SubEventType;

use super::*;
use crate::triggers::TriggerKind;

#[derive(Debug)]
pub struct SexualViolence;

impl Rule for SexualViolence {
    fn code(&self) -> &'static str {
        "sexual-violence"
    }
    fn sub_event_type(&self) -> SubEventType {
        SubEventType::SexualViolence
    }
    fn applies(&self, c: &Clue) -> bool {
        c.has(TriggerKind::Sexual)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::clue;
    use TriggerKind as K;

    #[test]
    fn cases() {
        assert!(SexualViolence.applies(&clue(&[K::Sexual])));
        assert!(!SexualViolence.applies(&clue(&[K::Kill])));
    }
}
