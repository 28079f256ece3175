//! `grenade`: Explosions/Remote violence — Grenade.
//!
//! Codes: attacks with hand grenades.
//! Triggers: kind `grenade`.
//! Example: "Unknown men threw a grenade into a shop in Kandahar, wounding 3."
//! Counter-example: "rocket-propelled grenades were fired" in a firefight is
//! still a grenade here; a bomb is a remote explosive.

use sitrep_model::SubEventType;

use super::{Clue, Rule};
use crate::triggers::TriggerKind;

#[derive(Debug)]
pub struct Grenade;

impl Rule for Grenade {
    fn code(&self) -> &'static str {
        "grenade"
    }
    fn sub_event_type(&self) -> SubEventType {
        SubEventType::Grenade
    }
    fn applies(&self, c: &Clue) -> bool {
        c.has(TriggerKind::Grenade) && !c.has(TriggerKind::Clash)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::clue;
    use TriggerKind as K;

    #[test]
    fn cases() {
        assert!(Grenade.applies(&clue(&[K::Grenade, K::Injure])));
        assert!(!Grenade.applies(&clue(&[K::Clash, K::Grenade])));
    }
}
