//! `other`: Strategic developments — Other.
//!
//! Codes: significant developments no other rule claims: a capture or advance
//! by a party that is neither a state nor a known armed group.
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
        c.kinds.any(&[TriggerKind::Capture, TriggerKind::Advance]) && c.actor1.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::clue;
    use TriggerKind as K;

    #[test]
    fn cases() {
        let mut c = clue(&[K::Advance]);
        assert!(!Other.applies(&c), "no party, nothing to code");
        c.actor1 = Some(sitrep_model::ActorRole::Other);
        assert!(Other.applies(&c));
        assert!(!Other.applies(&clue(&[K::Arrest])));
    }
}
