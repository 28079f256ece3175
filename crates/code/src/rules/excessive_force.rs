//! `excessive-force`: Protests — Excessive force against protesters.
//!
//! Codes: state forces killing or wounding demonstrators.
//! Triggers: kind `protest` with `kill`, `injure` or `attack`, the violence by
//! state forces (or protesters the victims); or that violence by
//! state forces against those the report calls protesters.
//! Example: "Police opened fire on protesters, killing 3."
//! Counter-example: protesters throwing stones is a violent demonstration.

use sitrep_model::SubEventType;

use super::*;
use crate::triggers::TriggerKind;

#[derive(Debug)]
pub struct ExcessiveForce;

impl Rule for ExcessiveForce {
    fn code(&self) -> &'static str {
        "excessive-force"
    }
    fn sub_event_type(&self) -> SubEventType {
        SubEventType::ExcessiveForce
    }
    fn applies(&self, c: &Clue) -> bool {
        let protesters = c.actor2_is(&[sitrep_model::ActorRole::Protester]);
        let by_state = c.actor1_is(STATE);
        let told = if c.has(TriggerKind::Protest) { by_state || protesters } else { by_state && protesters };
        told && c.kinds.any(&[TriggerKind::Kill, TriggerKind::Injure, TriggerKind::Attack])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::clue;
    use TriggerKind as K;

    #[test]
    fn cases() {
        let mut c = clue(&[K::Protest, K::Kill]);
        c.actor1 = Some(sitrep_model::ActorRole::Police);
        assert!(ExcessiveForce.applies(&c));
        assert!(!ExcessiveForce.applies(&clue(&[K::Protest])));
    }
}
