//! `other`: Strategic developments — Other.
//!
//! Codes: significant developments no other rule claims: a capture or advance
//! by an unnamed party, a change of posture.
//! Triggers: `capture` or `advance` left over by the territory rules.
//! Example: "Forces advanced toward the town" with no party named.
//! Counter-example: anything another rule codes; this rule is asked last.

use sitrep_model::SubEventType;

use super::*;
use crate::triggers::TriggerKind;

#[derive(Debug)]
pub struct Other;

impl Rule for Other {
    fn code(&self) -> &'static str {
        "other"
    }
    fn sub_event_type(&self) -> SubEventType {
        SubEventType::Other
    }
    fn applies(&self, c: &Clue) -> bool {
        c.kinds.any(&[TriggerKind::Capture, TriggerKind::Advance])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::clue;
    use TriggerKind as K;

    #[test]
    fn cases() {
        assert!(Other.applies(&clue(&[K::Advance])));
        assert!(!Other.applies(&clue(&[K::Arrest])));
    }
}
