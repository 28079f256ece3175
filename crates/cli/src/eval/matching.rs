//! How a system record is compared with an answer: actor names, places,
//! event types across ACLED's old and new schemas.

use sitrep_model::place::distance_km;
use sitrep_model::record::{ActorRecord, LocationRecord};
use sitrep_model::{Lat, Lon};

/// "Military Forces of Afghanistan (2014-) Special Forces" → "military forces
/// of afghanistan": ACLED's period and unit suffixes dropped, case folded.
#[must_use]
pub fn base_actor_name(name: &str) -> String {
    let cut =
        name.find(" (").filter(|&i| name[i + 2..].starts_with(|c: char| c.is_ascii_digit())).unwrap_or(name.len());
    let cut = name[..cut].find(" - ").unwrap_or(cut);
    name[..cut].trim().to_lowercase()
}

/// True when the system actor matches an answer spelled by name or code:
/// equal names (ignoring ACLED's period suffix and a trailing country in
/// parentheses), or the answer is the actor's code or country code.
#[must_use]
pub fn actor_matches(system: Option<&ActorRecord>, answer: Option<&str>) -> bool {
    match (system, answer) {
        (None, None) => true,
        (Some(a), Some(ans)) => {
            let ans_base = base_actor_name(ans);
            let sys_base = base_actor_name(&a.name);
            let strip_country = |s: &str| s.split(" (").next().unwrap_or(s).trim().to_owned();
            ans_base == sys_base
                || strip_country(&ans_base) == strip_country(&sys_base)
                || ans.eq_ignore_ascii_case(&a.code)
                || a.country.as_deref().is_some_and(|c| ans.eq_ignore_ascii_case(c))
        }
        _ => false,
    }
}

/// Kilometres between a system location and an answer point.
#[must_use]
pub fn km_to(loc: &LocationRecord, lat: f64, lon: f64) -> Option<f64> {
    let a = (Lat::new(loc.lat).ok()?, Lon::new(loc.lon).ok()?);
    let b = (Lat::new(lat).ok()?, Lon::new(lon).ok()?);
    Some(distance_km(a, b))
}

/// ACLED's pre-2019 event types mapped to the current (event type, sub-event
/// type) — the sub-event type only where the old name implies one.
#[must_use]
pub fn old_schema_type(old: &str) -> (&'static str, Option<&'static str>) {
    match old.trim() {
        "Battle-No change of territory" => ("Battles", Some("Armed clash")),
        "Battle-Government regains territory" => ("Battles", Some("Government regains territory")),
        "Battle-Non-state actor overtakes territory" => ("Battles", Some("Non-state actor overtakes territory")),
        "Remote violence" => ("Explosions/Remote violence", None),
        "Violence against civilians" => ("Violence against civilians", None),
        "Riots/Protests" => ("Protests", None),
        "Strategic development" => ("Strategic developments", None),
        "Non-violent transfer of territory" => ("Strategic developments", Some("Non-violent transfer of territory")),
        "Headquarters or base established" => ("Strategic developments", Some("Headquarters or base established")),
        _ => ("", None),
    }
}

/// True when a system event type matches an answer's (old "Riots/Protests"
/// covers both Protests and Riots).
#[must_use]
pub fn event_type_matches(system: &str, answer: &str, old_schema: bool) -> bool {
    if !old_schema {
        return system.eq_ignore_ascii_case(answer);
    }
    match answer.trim() {
        "Riots/Protests" => system == "Protests" || system == "Riots",
        other => system == old_schema_type(other).0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(name: &str, code: &str, country: Option<&str>) -> ActorRecord {
        ActorRecord { name: name.into(), code: code.into(), country: country.map(str::to_owned) }
    }

    #[test]
    fn acled_names_match_without_period_suffixes() {
        let a = actor("Military Forces of Afghanistan", "AFGMIL", Some("AFG"));
        assert!(actor_matches(Some(&a), Some("Military Forces of Afghanistan (2014-)")));
        assert!(actor_matches(Some(&a), Some("Military Forces of Afghanistan (2014-) Special Forces")));
        assert!(actor_matches(Some(&a), Some("AFGMIL")));
        assert!(!actor_matches(Some(&a), Some("Taliban")));
        let is = actor("Islamic State", "IMGMUSISI", None);
        assert!(actor_matches(Some(&is), Some("Islamic State (Afghanistan)")));
        assert!(actor_matches(None, None));
        assert!(!actor_matches(None, Some("Taliban")));
        let t = actor("Taliban", "AFGREB", Some("AFG"));
        assert!(actor_matches(Some(&t), Some("Taliban - Red Unit")));
    }

    #[test]
    fn old_schema_types() {
        assert!(event_type_matches("Protests", "Riots/Protests", true));
        assert!(event_type_matches("Explosions/Remote violence", "Remote violence", true));
        assert!(!event_type_matches("Battles", "Remote violence", true));
    }
}
