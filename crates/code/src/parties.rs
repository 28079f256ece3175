//! The parties of an event once its type is known: actors completed with the
//! document's country, a country acting in a battle made its armed forces,
//! unknown perpetrators of bombings and attacks on civilians made the
//! "Unidentified Armed Group" ACLED names them, civilians never the
//! perpetrators of armed violence, nor monitors and media (a photo caption's "a
//! man carries an injured girl after an airstrike" does not make the man the
//! striker; "the Observatory put the death toll at 58" does not make the
//! Observatory the killer), demonstrators made
//! "Protesters", and a generic label ("the terrorists") in a continuing
//! sentence resolved to the group the report was talking about.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind};
use sitrep_model::{Actor, ActorCode, ActorRole, EventType, Iso3, SubEventType};
use sitrep_recognise::actors::naming::Naming;

/// Words that say aircraft are the actor or instrument.
const AERIAL: &[&str] = &[
    "warplane",
    "jet",
    "air force",
    "aircraft",
    "aerospace",
    "airspace forces",
    "helicopter",
    "drone",
    "bomber",
    "air strike",
    "airstrike",
    "sortie",
    "aerial",
];

/// The aircraft words, compiled once (a constant table cannot fail to build).
static AERIAL_AC: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasickBuilder::new().ascii_case_insensitive(true).kind(Some(AhoCorasickKind::DFA)).build(AERIAL).ok()
});

/// True when the text names aircraft.
#[must_use]
pub fn is_aerial(surface: &str) -> bool {
    AERIAL_AC.as_ref().is_some_and(|ac| ac.is_match(surface))
}

/// An actor named by an agent code alone, with `country`.
fn agent_actor(naming: &Naming, agent: &str, role: ActorRole, country: Option<Iso3>) -> Option<Actor> {
    let bare = Actor { name: String::new(), code: ActorCode::new(agent).ok()?, country: None, role };
    let template = naming.agent(agent)?;
    Some(match country {
        Some(c) => naming.complete(&bare, c),
        None => Actor { name: naming.fill(&template.template, None), ..bare },
    })
}

/// "Civilians (country)": the victims of violence against civilians when
/// the text names them by a civilian noun, not by an actor name.
#[must_use]
pub fn civilians(naming: &Naming, focus: Option<Iso3>) -> Option<Actor> {
    agent_actor(naming, "CVL", ActorRole::Civilian, focus)
}

/// The military forces of a country.
#[must_use]
pub fn forces(naming: &Naming, country: Option<Iso3>) -> Option<Actor> {
    agent_actor(naming, "MIL", ActorRole::Military, country)
}

/// Complete an agent-only actor with the document's country.
#[must_use]
pub fn complete(naming: &Naming, actor: &Actor, focus: Option<Iso3>) -> Actor {
    focus.map_or_else(|| actor.clone(), |c| naming.complete(actor, c))
}

/// The acting party of an event of type `sub`, adjusted to ACLED's
/// conventions (see the module doc).
#[must_use]
pub fn acting(naming: &Naming, actor: Option<Actor>, sub: SubEventType, focus: Option<Iso3>) -> Option<Actor> {
    let military = matches!(sub.event_type(), EventType::Battles | EventType::ExplosionsRemoteViolence);
    let violent = military || sub.event_type() == EventType::ViolenceAgainstCivilians;
    let actor =
        actor.filter(|a| !(violent && matches!(a.role, ActorRole::Civilian | ActorRole::Protester | ActorRole::Other)));
    match actor {
        Some(a) if matches!(a.role, ActorRole::State | ActorRole::Government) && military && a.country.is_some() => {
            agent_actor(naming, "MIL", ActorRole::Military, a.country).or(Some(a))
        }
        // Codebook: the first actor of every protest event is the
        // protesters (inter code 6), of every riot the rioters (5); a state
        // named in the sentence is the one protested against or intervening.
        Some(a) if sub.event_type() == EventType::Protests && a.role != ActorRole::Protester => {
            agent_actor(naming, "PRO", ActorRole::Protester, a.country.or(focus))
        }
        None if sub.event_type() == EventType::Protests => agent_actor(naming, "PRO", ActorRole::Protester, focus),
        Some(a) if sub.event_type() == EventType::Riots && a.role != ActorRole::Rioter => {
            agent_actor(naming, "RIO", ActorRole::Rioter, a.country.or(focus))
        }
        None if sub.event_type() == EventType::Riots => agent_actor(naming, "RIO", ActorRole::Rioter, focus),
        None if unknown_is_armed_group(sub) => agent_actor(naming, "UAF", ActorRole::Unidentified, focus),
        other => other,
    }
}

/// Types whose unnamed perpetrator ACLED codes as an unidentified armed group.
fn unknown_is_armed_group(sub: SubEventType) -> bool {
    matches!(
        sub,
        SubEventType::RemoteExplosive
            | SubEventType::Grenade
            | SubEventType::SuicideBomb
            | SubEventType::Attack
            | SubEventType::Abduction
            | SubEventType::SexualViolence
    )
}

/// A generic hostile label ("the terrorists") in a continuing sentence is
/// the group the report was already talking about.
#[must_use]
pub fn coref(actor2: Option<Actor>, last: Option<&Actor>) -> Option<Actor> {
    match (actor2, last) {
        (Some(a), Some(l)) if is_generic_label(&a) && !is_generic_label(l) && l.role != ActorRole::Civilian => {
            Some(l.clone())
        }
        (a, _) => a,
    }
}

fn is_generic_label(a: &Actor) -> bool {
    let code = a.code.as_str();
    matches!(a.role, ActorRole::Rebel | ActorRole::Unidentified) && (code.ends_with("REB") || code.ends_with("UAF"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naming() -> Naming {
        Naming::embedded().expect("embedded tables load")
    }

    fn actor(name: &str, code: &str, country: Option<&str>, role: ActorRole) -> Actor {
        Actor {
            name: name.into(),
            code: ActorCode::new(code).expect("valid"),
            country: country.and_then(|c| Iso3::new(c).ok()),
            role,
        }
    }

    #[test]
    fn conventions() {
        let n = naming();
        let afg = Iso3::new("AFG").ok();
        let turkey = actor("Turkey", "TUR", Some("TUR"), ActorRole::State);
        let a = acting(&n, Some(turkey), SubEventType::ShellingArtilleryMissile, None);
        assert_eq!(
            a.map(|a| (a.name, a.code.to_string())),
            Some(("Military Forces of Turkey".into(), "TURMIL".into()))
        );
        let a = acting(&n, None, SubEventType::RemoteExplosive, afg);
        assert_eq!(a.map(|a| a.name), Some("Unidentified Armed Group (Afghanistan)".into()));
        let workers = actor("Labour Group (Zambia)", "ZMBLAB", Some("ZMB"), ActorRole::Civilian);
        let a = acting(&n, Some(workers), SubEventType::PeacefulProtest, None);
        assert_eq!(a.map(|a| a.name), Some("Protesters (Zambia)".into()));
        assert_eq!(acting(&n, None, SubEventType::AirDroneStrike, afg), None);
    }

    #[test]
    fn generic_labels_take_the_reports_group() {
        let is = actor("Islamic State", "IMGMUSISI", None, ActorRole::Militant);
        let terrorists = actor("Opposition Rebels (Syria)", "SYRREB", Some("SYR"), ActorRole::Rebel);
        assert_eq!(coref(Some(terrorists.clone()), Some(&is)).map(|a| a.name), Some("Islamic State".into()));
        assert_eq!(coref(Some(is.clone()), Some(&terrorists)).map(|a| a.name), Some("Islamic State".into()));
        assert_eq!(coref(None, Some(&is)), None);
    }
}
