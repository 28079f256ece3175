//! `arrests`: Strategic developments — Arrests.
//!
//! Codes: arrests and detentions by state forces.
//! Triggers: kind `arrest` ("arrested", "detained", "rounded up").
//! Example: "Police arrested 4 suspects in Jalalabad."
//! Counter-example: an abduction by gunmen is `abduction`.

use sitrep_model::SubEventType;

use super::*;
use crate::triggers::TriggerKind;

#[derive(Debug)]
pub struct Arrests;

impl Rule for Arrests {
    fn code(&self) -> &'static str {
        "arrests"
    }
    fn sub_event_type(&self) -> SubEventType {
        SubEventType::Arrests
    }
    fn applies(&self, c: &Clue) -> bool {
        c.has(TriggerKind::Arrest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::clue;
    use TriggerKind as K;

    #[test]
    fn cases() {
        assert!(Arrests.applies(&clue(&[K::Arrest])));
        assert!(!Arrests.applies(&clue(&[K::Abduct])));
    }
}
