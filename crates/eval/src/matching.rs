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
/// parentheses), or the answer is the actor's code or country code. ACLED's
/// own conventions of naming are read too: "PKK: Kurdistan Workers Party"
/// is matched by either the initials or the name, "A and/or B" (an
/// attribution the sources leave open) by either actor, and "al-Sham" by
/// "al Sham".
#[must_use]
pub fn actor_matches(system: Option<&ActorRecord>, answer: Option<&str>) -> bool {
    match (system, answer) {
        (None, None) => true,
        (Some(a), Some(ans)) => {
            let sys_base = folded(&base_actor_name(&a.name));
            let strip_country = |s: &str| s.split(" (").next().unwrap_or(s).trim().to_owned();
            let name_matches = |ans: &str| {
                let ans_base = folded(&base_actor_name(ans));
                ans_base == sys_base || strip_country(&ans_base) == strip_country(&sys_base)
            };
            answer_names(ans).any(name_matches)
                || ans.eq_ignore_ascii_case(&a.code)
                || a.country.as_deref().is_some_and(|c| ans.eq_ignore_ascii_case(c))
        }
        _ => false,
    }
}

/// The names an ACLED actor answer stands for: each side of "and/or", and
/// for "ACR: Name" the initials and the name as well as the whole.
fn answer_names(answer: &str) -> impl Iterator<Item = &str> {
    answer.split(" and/or ").flat_map(|side| {
        let (initials, name) = side.split_once(": ").unwrap_or((side, side));
        [side, initials, name]
    })
}

/// Hyphens read as spaces ("Hayat Tahrir al-Sham" is "al Sham").
fn folded(name: &str) -> String {
    name.replace('-', " ")
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
        let pkk = actor("PKK", "TURREB", Some("TUR"));
        assert!(actor_matches(Some(&pkk), Some("PKK: Kurdistan Workers Party")));
        let hts = actor("Hayat Tahrir al-Sham", "SYRREBHTS", Some("SYR"));
        assert!(actor_matches(Some(&hts), Some("HTS: Hayat Tahrir al Sham")));
        let boko = actor("Boko Haram", "NGAREB", Some("NGA"));
        assert!(actor_matches(Some(&boko), Some("Islamic State (West Africa) and/or Boko Haram - Jamatu Ahli")));
        assert!(!actor_matches(Some(&boko), Some("Islamic State (West Africa)")));
    }

    #[test]
    fn old_schema_types() {
        assert!(event_type_matches("Protests", "Riots/Protests", true));
        assert!(event_type_matches("Explosions/Remote violence", "Remote violence", true));
        assert!(!event_type_matches("Battles", "Remote violence", true));
    }
}
