//! The event ontology: ACLED event and sub-event types with their CAMEO and
//! PLOVER codes (`docs/ontology.md`; PLOVER per CAMEO2PLOVER-2021).

use serde::{Deserialize, Serialize};
use std::fmt;

use crate::actor::InvalidValue;

/// ACLED's six event types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum EventType {
    #[serde(rename = "Battles")]
    Battles,
    #[serde(rename = "Explosions/Remote violence")]
    ExplosionsRemoteViolence,
    #[serde(rename = "Violence against civilians")]
    ViolenceAgainstCivilians,
    #[serde(rename = "Protests")]
    Protests,
    #[serde(rename = "Riots")]
    Riots,
    #[serde(rename = "Strategic developments")]
    StrategicDevelopments,
}

impl EventType {
    pub const ALL: [EventType; 6] = [
        Self::Battles,
        Self::ExplosionsRemoteViolence,
        Self::ViolenceAgainstCivilians,
        Self::Protests,
        Self::Riots,
        Self::StrategicDevelopments,
    ];

    /// ACLED's spelling.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Battles => "Battles",
            Self::ExplosionsRemoteViolence => "Explosions/Remote violence",
            Self::ViolenceAgainstCivilians => "Violence against civilians",
            Self::Protests => "Protests",
            Self::Riots => "Riots",
            Self::StrategicDevelopments => "Strategic developments",
        }
    }

    /// Parse ACLED's spelling.
    ///
    /// # Errors
    /// When `s` is not one of the six names.
    pub fn parse(s: &str) -> Result<Self, InvalidValue> {
        Self::ALL
            .into_iter()
            .find(|t| t.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| InvalidValue { what: "event type", value: s.to_owned() })
    }
}

impl fmt::Display for EventType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// PLOVER event categories (those the ACLED table maps to, and the rest so
/// that a CAMEO code from elsewhere can be carried).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum PloverCategory {
    Agree,
    Consult,
    Support,
    Concede,
    Cooperate,
    Aid,
    Retreat,
    Request,
    Accuse,
    Reject,
    Threaten,
    Protest,
    Sanction,
    Mobilize,
    Coerce,
    Assault,
}

impl PloverCategory {
    /// PLOVER's spelling (`ASSAULT`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Agree => "AGREE",
            Self::Consult => "CONSULT",
            Self::Support => "SUPPORT",
            Self::Concede => "CONCEDE",
            Self::Cooperate => "COOPERATE",
            Self::Aid => "AID",
            Self::Retreat => "RETREAT",
            Self::Request => "REQUEST",
            Self::Accuse => "ACCUSE",
            Self::Reject => "REJECT",
            Self::Threaten => "THREATEN",
            Self::Protest => "PROTEST",
            Self::Sanction => "SANCTION",
            Self::Mobilize => "MOBILIZE",
            Self::Coerce => "COERCE",
            Self::Assault => "ASSAULT",
        }
    }
}

/// One row of the ontology table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OntologyRow {
    pub sub_event_type: SubEventType,
    pub event_type: EventType,
    pub name: &'static str,
    pub cameo: &'static str,
    pub plover: PloverCategory,
    pub plover_mode: Option<&'static str>,
}

macro_rules! ontology {
    ($( $variant:ident => $ty:ident, $name:literal, $cameo:literal, $plover:ident, $mode:expr; )*) => {
        /// ACLED's 25 sub-event types. Each belongs to one [`EventType`] and
        /// carries its CAMEO code and PLOVER category and mode.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum SubEventType { $( $variant, )* }

        /// The ontology table, in the order of `docs/ontology.md`.
        pub const ONTOLOGY: &[OntologyRow] = &[ $( OntologyRow {
            sub_event_type: SubEventType::$variant,
            event_type: EventType::$ty,
            name: $name,
            cameo: $cameo,
            plover: PloverCategory::$plover,
            plover_mode: $mode,
        }, )* ];
    };
}

ontology! {
    ArmedClash => Battles, "Armed clash", "193", Assault, Some("firearms");
    GovernmentRegainsTerritory => Battles, "Government regains territory", "190", Assault, None;
    NonStateActorOvertakesTerritory => Battles, "Non-state actor overtakes territory", "190", Assault, None;
    ChemicalWeapon => ExplosionsRemoteViolence, "Chemical weapon", "2041", Assault, Some("unconventional");
    AirDroneStrike => ExplosionsRemoteViolence, "Air/drone strike", "195", Assault, Some("heavy-weapons");
    SuicideBomb => ExplosionsRemoteViolence, "Suicide bomb", "1831", Assault, Some("suicide-attack");
    ShellingArtilleryMissile => ExplosionsRemoteViolence, "Shelling/artillery/missile attack", "194", Assault, Some("heavy-weapons");
    RemoteExplosive => ExplosionsRemoteViolence, "Remote explosive/landmine/IED", "183", Assault, None;
    Grenade => ExplosionsRemoteViolence, "Grenade", "183", Assault, None;
    SexualViolence => ViolenceAgainstCivilians, "Sexual violence", "1821", Assault, Some("sexual");
    Attack => ViolenceAgainstCivilians, "Attack", "180", Assault, None;
    Abduction => ViolenceAgainstCivilians, "Abduction/forced disappearance", "181", Assault, Some("abduct");
    PeacefulProtest => Protests, "Peaceful protest", "141", Protest, Some("demo");
    ProtestWithIntervention => Protests, "Protest with intervention", "141", Protest, Some("demo");
    ExcessiveForce => Protests, "Excessive force against protesters", "175", Assault, None;
    ViolentDemonstration => Riots, "Violent demonstration", "145", Protest, Some("riot");
    MobViolence => Riots, "Mob violence", "145", Protest, Some("riot");
    Agreement => StrategicDevelopments, "Agreement", "057", Support, None;
    Arrests => StrategicDevelopments, "Arrests", "173", Coerce, Some("arrest");
    ChangeToGroup => StrategicDevelopments, "Change to group/activity", "15", Mobilize, None;
    DisruptedWeaponsUse => StrategicDevelopments, "Disrupted weapons use", "17", Coerce, None;
    BaseEstablished => StrategicDevelopments, "Headquarters or base established", "154", Mobilize, Some("troops");
    LootingPropertyDestruction => StrategicDevelopments, "Looting/property destruction", "171", Coerce, Some("seize");
    NonViolentTransfer => StrategicDevelopments, "Non-violent transfer of territory", "0874", Retreat, None;
    Other => StrategicDevelopments, "Other", "15", Mobilize, None;
}

impl SubEventType {
    /// The ontology row of this sub-event type.
    #[must_use]
    pub fn row(self) -> &'static OntologyRow {
        // The table lists every variant once, in declaration order.
        &ONTOLOGY[self as usize]
    }

    #[must_use]
    pub fn event_type(self) -> EventType {
        self.row().event_type
    }

    /// ACLED's spelling ("Air/drone strike").
    #[must_use]
    pub fn as_str(self) -> &'static str {
        self.row().name
    }

    /// The default CAMEO code of this sub-event type.
    #[must_use]
    pub fn cameo(self) -> &'static str {
        self.row().cameo
    }

    #[must_use]
    pub fn plover(self) -> PloverCategory {
        self.row().plover
    }

    #[must_use]
    pub fn plover_mode(self) -> Option<&'static str> {
        self.row().plover_mode
    }

    /// Parse ACLED's spelling, case-insensitively.
    ///
    /// # Errors
    /// When `s` names no sub-event type.
    pub fn parse(s: &str) -> Result<Self, InvalidValue> {
        ONTOLOGY
            .iter()
            .find(|r| r.name.eq_ignore_ascii_case(s.trim()))
            .map(|r| r.sub_event_type)
            .ok_or_else(|| InvalidValue { what: "sub-event type", value: s.to_owned() })
    }
}

impl fmt::Display for SubEventType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for SubEventType {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for SubEventType {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Self::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_indexed_by_variant() {
        for (i, row) in ONTOLOGY.iter().enumerate() {
            assert_eq!(row.sub_event_type as usize, i, "{} out of order", row.name);
        }
        assert_eq!(ONTOLOGY.len(), 25);
    }

    #[test]
    fn names_round_trip() {
        for row in ONTOLOGY {
            assert_eq!(SubEventType::parse(row.name), Ok(row.sub_event_type));
            assert_eq!(EventType::parse(row.event_type.as_str()), Ok(row.event_type));
        }
        assert!(SubEventType::parse("Airstrike").is_err());
    }

    #[test]
    fn air_strike_codes() {
        let t = SubEventType::AirDroneStrike;
        assert_eq!(t.event_type(), EventType::ExplosionsRemoteViolence);
        assert_eq!((t.cameo(), t.plover().as_str(), t.plover_mode()), ("195", "ASSAULT", Some("heavy-weapons")));
    }
}
