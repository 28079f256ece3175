//! Actors: who acts and who is acted upon.

use serde::{Deserialize, Serialize};
use std::fmt;

use thiserror::Error;

/// A CAMEO-style actor code such as `RUSMIL`, `SYRREB` or `IMGMUSISI`:
/// upper-case ASCII letters and digits, 3 to 15 characters.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ActorCode(String);

/// A value that failed validation at the edge.
#[derive(Debug, Error, PartialEq, Eq)]
#[error("invalid {what}: {value:?}")]
pub struct InvalidValue {
    pub what: &'static str,
    pub value: String,
}

impl ActorCode {
    /// Validate and wrap a code.
    ///
    /// # Errors
    /// When the code is not 3–15 upper-case ASCII letters or digits.
    pub fn new(code: &str) -> Result<Self, InvalidValue> {
        let ok = (3..=15).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
        if ok {
            Ok(Self(code.to_owned()))
        } else {
            Err(InvalidValue { what: "actor code", value: code.to_owned() })
        }
    }

    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The first three letters when they name a country (`RUS` of `RUSMIL`).
    #[must_use]
    pub fn country_prefix(&self) -> &str {
        &self.0[..3]
    }
}

impl TryFrom<String> for ActorCode {
    type Error = InvalidValue;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::new(&s)
    }
}

impl From<ActorCode> for String {
    fn from(c: ActorCode) -> String {
        c.0
    }
}

impl fmt::Display for ActorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An ISO 3166-1 alpha-3 country code (`SYR`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Iso3([u8; 3]);

impl Iso3 {
    /// # Errors
    /// When `code` is not three upper-case ASCII letters.
    pub fn new(code: &str) -> Result<Self, InvalidValue> {
        match code.as_bytes() {
            [a, b, c] if [a, b, c].iter().all(|x| x.is_ascii_uppercase()) => Ok(Self([*a, *b, *c])),
            _ => Err(InvalidValue { what: "ISO 3166 alpha-3 code", value: code.to_owned() }),
        }
    }

    #[must_use]
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("???")
    }
}

impl TryFrom<String> for Iso3 {
    type Error = InvalidValue;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::new(&s)
    }
}

impl From<Iso3> for String {
    fn from(c: Iso3) -> String {
        c.as_str().to_owned()
    }
}

impl fmt::Display for Iso3 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The broad kind of an actor, used by the coder to tell a perpetrator from a
/// victim (civilians are rarely actor1 of an attack).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorRole {
    /// Armed forces of a state (army, air force, navy, special forces).
    Military,
    /// Police and other internal security forces.
    Police,
    /// A government, ministry or official.
    Government,
    /// Armed opposition, rebels, insurgents.
    Rebel,
    /// An armed non-state group named as such (IS, Taliban, al-Nusra).
    Militant,
    /// Pro-government or communal militia.
    Militia,
    /// Civilians, by nationality or occupation.
    Civilian,
    /// Demonstrators.
    Protester,
    /// Rioters.
    Rioter,
    /// An international organisation or external force (UN, NATO).
    International,
    /// A country named as a whole ("Turkey", "Russia").
    State,
    /// Unidentified armed men.
    Unidentified,
    /// Media, NGOs, monitors.
    Other,
}

/// An actor as the event record names it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Actor {
    /// Canonical name ("Military Forces of Russia").
    pub name: String,
    pub code: ActorCode,
    pub country: Option<Iso3>,
    pub role: ActorRole,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actor_codes_are_validated() {
        assert!(ActorCode::new("RUSMIL").is_ok());
        assert!(ActorCode::new("rusmil").is_err());
        assert!(ActorCode::new("RU").is_err());
        assert!(ActorCode::new("RUS MIL").is_err());
        assert_eq!(ActorCode::new("SYRREB").map(|c| c.country_prefix().to_owned()), Ok("SYR".into()));
    }

    #[test]
    fn iso3_round_trips_through_json() {
        let c = Iso3::new("SYR").expect("valid");
        let json = serde_json::to_string(&c).expect("serialises");
        assert_eq!(json, "\"SYR\"");
        assert_eq!(serde_json::from_str::<Iso3>(&json).ok(), Some(c));
        assert!(serde_json::from_str::<Iso3>("\"SY\"").is_err());
    }
}
