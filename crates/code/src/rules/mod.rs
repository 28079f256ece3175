//! Event rules: one per ACLED sub-event type, one per file, each with the
//! same doc template (what it codes, triggers, example, counter-example).
//!
//! The coder builds a [`Clue`] for each candidate event (the trigger kinds in
//! its clauses, the roles of its actors, whether aircraft are named) and asks
//! the rules in [`RULES`] order; the first that applies sets the sub-event
//! type. The order is the registry: specific weapons before generic
//! violence, violence before strategic developments.

use sitrep_model::{ActorRole, SubEventType};

use crate::triggers::{KindSet, TriggerKind};

mod abduction;
mod agreement;
mod air_strike;
mod armed_clash;
mod arrests;
mod attack;
mod base_established;
mod change_to_group;
mod chemical_weapon;
mod disrupted_weapons;
mod excessive_force;
mod government_regains;
mod grenade;
mod looting;
mod mob_violence;
mod non_state_overtakes;
mod non_violent_transfer;
mod other;
mod peaceful_protest;
mod protest_with_intervention;
mod remote_explosive;
mod sexual_violence;
mod shelling;
mod suicide_bomb;
mod violent_demonstration;

/// What a rule sees of a candidate event.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Clue {
    /// Trigger kinds in the candidate's clauses.
    pub kinds: KindSet,
    pub actor1: Option<ActorRole>,
    pub actor2: Option<ActorRole>,
    /// Aircraft are the actor or instrument ("Russian warplanes", "jets").
    pub aerial: bool,
    /// The sub-event type of the event this one continues ("Also, … were
    /// targeted" after an air strike), when it continues one.
    pub inherited: Option<SubEventType>,
    /// An unorganised crowd is the doer ("a group of youths clashed", "beaten
    /// by locals"), and no armed organised group takes part.
    pub crowd: bool,
}

impl Clue {
    #[must_use]
    pub fn has(&self, k: TriggerKind) -> bool {
        self.kinds.has(k)
    }

    /// Violence is named: an attack, a killing, a wounding, a clash.
    #[must_use]
    pub fn violent(&self) -> bool {
        self.kinds.any(&[
            TriggerKind::Attack,
            TriggerKind::Kill,
            TriggerKind::Injure,
            TriggerKind::Clash,
            TriggerKind::Invasion,
        ])
    }

    #[must_use]
    pub fn actor1_is(&self, roles: &[ActorRole]) -> bool {
        self.actor1.is_some_and(|r| roles.contains(&r))
    }

    #[must_use]
    pub fn actor2_is(&self, roles: &[ActorRole]) -> bool {
        self.actor2.is_some_and(|r| roles.contains(&r))
    }

    /// A demonstration is told: a protest word, or its target named by the
    /// protest ("police dispersed the protesters", "shot two demonstrators":
    /// those the report calls protesters were protesting).
    #[must_use]
    pub fn at_protest(&self) -> bool {
        self.has(TriggerKind::Protest) || self.actor2_is(&[ActorRole::Protester])
    }
}

/// Armed roles: those that fight.
pub const ARMED: &[ActorRole] = &[
    ActorRole::Military,
    ActorRole::Police,
    ActorRole::Rebel,
    ActorRole::Militant,
    ActorRole::Militia,
    ActorRole::Unidentified,
    ActorRole::International,
    ActorRole::State,
];

/// State forces.
pub const STATE: &[ActorRole] = &[ActorRole::Military, ActorRole::Police, ActorRole::State, ActorRole::Government];

/// Non-state armed groups.
pub const NON_STATE: &[ActorRole] = &[ActorRole::Rebel, ActorRole::Militant, ActorRole::Militia];

/// An event rule.
pub trait Rule: Sync {
    /// Stable rule code, shown in the record's `rule` field.
    fn code(&self) -> &'static str;
    /// The sub-event type the rule codes.
    fn sub_event_type(&self) -> SubEventType;
    /// True when the candidate is this rule's kind of event.
    fn applies(&self, clue: &Clue) -> bool;
}

/// The rules, in the order they are asked.
pub static RULES: &[&dyn Rule] = &[
    &chemical_weapon::ChemicalWeapon,
    &suicide_bomb::SuicideBomb,
    &remote_explosive::RemoteExplosive,
    &grenade::Grenade,
    &air_strike::AirStrike,
    &shelling::Shelling,
    &sexual_violence::SexualViolence,
    &abduction::Abduction,
    &excessive_force::ExcessiveForce,
    &protest_with_intervention::ProtestWithIntervention,
    &violent_demonstration::ViolentDemonstration,
    &mob_violence::MobViolence,
    &peaceful_protest::PeacefulProtest,
    &government_regains::GovernmentRegains,
    &non_state_overtakes::NonStateOvertakes,
    &looting::Looting,
    &attack::Attack,
    &armed_clash::ArmedClash,
    &arrests::Arrests,
    &agreement::Agreement,
    // A base set up is the specific movement: before the change of activity.
    &base_established::BaseEstablished,
    &change_to_group::ChangeToGroup,
    &disrupted_weapons::DisruptedWeapons,
    &non_violent_transfer::NonViolentTransfer,
    &other::Other,
];

/// The first rule that applies, if any.
#[must_use]
pub fn classify(clue: &Clue) -> Option<&'static dyn Rule> {
    RULES.iter().copied().find(|r| r.applies(clue))
}

#[cfg(test)]
pub(crate) fn clue(kinds: &[TriggerKind]) -> Clue {
    let mut set = KindSet::default();
    kinds.iter().for_each(|k| set.insert(*k));
    Clue { kinds: set, ..Clue::default() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sub_event_type_has_one_rule() {
        for row in sitrep_model::ontology::ONTOLOGY {
            let n = RULES.iter().filter(|r| r.sub_event_type() == row.sub_event_type).count();
            assert_eq!(n, 1, "{}", row.name);
        }
        let mut codes: Vec<_> = RULES.iter().map(|r| r.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), RULES.len(), "rule codes are unique");
    }
}
