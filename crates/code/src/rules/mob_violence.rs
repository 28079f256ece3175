//! `mob-violence`: Riots — Mob violence.
//!
//! Codes: violence by a mob or rioters outside a demonstration (lynchings,
//! communal attacks).
//! Triggers: kind `riot` ("mob", "rioters", "lynched") without a protest;
//! or violence whose doer is an unorganised crowd ("a group of youths
//! clashed with residents", "beaten by locals") with no armed organised
//! group involved; or a crowd destroying or looting property ("residents
//! burnt down the cottage"), which the codebook counts as a riot, not as a
//! strategic development. Codebook: rioters "violently interact with other
//! rioters, civilians, property", outside an organised demonstration.
//! Example: "A mob lynched a man accused of blasphemy."
//! Counter-example: rioting during a demonstration is a violent demonstration.

use sitrep_model::SubEventType;

use super::*;
use crate::triggers::TriggerKind;

#[derive(Debug)]
pub struct MobViolence;

impl Rule for MobViolence {
    fn code(&self) -> &'static str {
        "mob-violence"
    }
    fn sub_event_type(&self) -> SubEventType {
        SubEventType::MobViolence
    }
    fn applies(&self, c: &Clue) -> bool {
        let crowd_violence = c.crowd && (c.violent() || c.has(TriggerKind::Loot));
        (c.has(TriggerKind::Riot) || crowd_violence) && !c.has(TriggerKind::Protest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::clue;
    use TriggerKind as K;

    #[test]
    fn cases() {
        assert!(MobViolence.applies(&clue(&[K::Riot, K::Kill])));
        assert!(!MobViolence.applies(&clue(&[K::Riot, K::Protest])));
        let burning = Clue { crowd: true, ..clue(&[K::Loot]) };
        assert!(MobViolence.applies(&burning), "villagers burnt down a house");
        assert!(!MobViolence.applies(&clue(&[K::Loot])), "gunmen looted a shop");
    }
}
