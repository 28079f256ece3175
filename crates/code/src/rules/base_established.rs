//! `base-established`: Strategic developments — Headquarters or base established.
//!
//! Codes: an armed party setting up a base or headquarters.
//! Triggers: kind `base` ("established a base", "set up a military base").
//! Example: "Russian forces set up a base at Qamishli airport."
//! Counter-example: an attack on a base is violence, coded by its own rule.

use sitrep_model::SubEventType;

use super::*;
use crate::triggers::TriggerKind;

#[derive(Debug)]
pub struct BaseEstablished;

impl Rule for BaseEstablished {
    fn code(&self) -> &'static str {
        "base-established"
    }
    fn sub_event_type(&self) -> SubEventType {
        SubEventType::BaseEstablished
    }
    fn applies(&self, c: &Clue) -> bool {
        c.has(TriggerKind::Base) && !c.violent()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::clue;
    use TriggerKind as K;

    #[test]
    fn cases() {
        assert!(BaseEstablished.applies(&clue(&[K::Base])));
        assert!(!BaseEstablished.applies(&clue(&[K::Base, K::Attack])));
    }
}
