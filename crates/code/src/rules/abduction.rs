//! `abduction`: Violence against civilians — Abduction/forced disappearance.
//!
//! Codes: kidnappings, abductions, hostage taking, enforced disappearance.
//! Triggers: kind `abduct` ("abducted", "kidnapped", "taken hostage").
//! Example: "Gunmen abducted 5 passengers on the Kabul-Kandahar highway."
//! Counter-example: an arrest by police is `arrests`; "kidnapped and killed"
//! is coded as the killing (an attack on a civilian, or a clash).

use sitrep_model::SubEventType;

use super::*;
use crate::triggers::TriggerKind;

#[derive(Debug)]
pub struct Abduction;

impl Rule for Abduction {
    fn code(&self) -> &'static str {
        "abduction"
    }
    fn sub_event_type(&self) -> SubEventType {
        SubEventType::Abduction
    }
    fn applies(&self, c: &Clue) -> bool {
        c.has(TriggerKind::Abduct) && !c.has(TriggerKind::Kill)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::clue;
    use TriggerKind as K;

    #[test]
    fn cases() {
        assert!(Abduction.applies(&clue(&[K::Abduct])));
        assert!(!Abduction.applies(&clue(&[K::Arrest])));
        assert!(!Abduction.applies(&clue(&[K::Abduct, K::Kill])));
    }
}
