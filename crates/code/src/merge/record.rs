//! Stored events back into merge reports: the store keeps event records
//! (strings, as users read them), and the merge stage compares typed events.
//! Only what [`super::compat`] and [`super::pick`] look at is restored; a
//! record whose fields do not parse (a store written by another version) is
//! left out of merging rather than guessed at.

use chrono::NaiveDate;
use sitrep_model::record::{ActorRecord, EventRecord, LocationRecord};
use sitrep_model::{
    Actor, ActorCode, ActorRole, DatePrecision, DocId, Event, EventDate, EventId, Evidence, GazetteerId, Iso2, Iso3,
    Lat, Location, Lon, Modality, Place, PlaceKind, Precision, Span, SubEventType,
};

use super::Report;

/// The merge report of a stored event and its document's outlet; `None`
/// when a field the merge needs does not parse.
#[must_use]
pub fn report_of_record(r: &EventRecord, outlet: Option<String>) -> Option<Report> {
    let event = Event {
        doc_id: DocId::new(r.doc_id.as_str()),
        id: EventId::from_raw(r.event_id.as_str()),
        date: date(r.date.as_deref(), r.date_precision.as_deref())?,
        sub_event_type: SubEventType::parse(&r.sub_event_type).ok()?,
        cameo: r.cameo.clone(),
        actor1: r.actor1.as_ref().and_then(actor),
        actor2: r.actor2.as_ref().and_then(actor),
        location: match &r.location {
            Some(l) => Some(location(l)?),
            None => None,
        },
        fatalities: r.fatalities,
        quantities: Vec::new(),
        modality: modality(&r.modality)?,
        attribution: r.attribution.clone(),
        evidence: Evidence { text: r.evidence.text.clone(), span: Span::new(r.evidence.start, r.evidence.end) },
        rule: r.rule.clone(),
    };
    Some(Report { event, outlet })
}

/// `Some(None)` for an undated record, `None` for a date that does not parse.
fn date(day: Option<&str>, precision: Option<&str>) -> Option<Option<EventDate>> {
    let Some(day) = day else { return Some(None) };
    let day = NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
    let precision = match precision.unwrap_or("day") {
        "day" => DatePrecision::Day,
        "week" => DatePrecision::Week,
        "month" => DatePrecision::Month,
        "year" => DatePrecision::Year,
        _ => return None,
    };
    Some(Some(EventDate { day, precision }))
}

fn modality(s: &str) -> Option<Modality> {
    [Modality::Asserted, Modality::Attributed, Modality::Speculative, Modality::Negated, Modality::Planned]
        .into_iter()
        .find(|m| m.as_str() == s)
}

/// The role [`super::compat`] asks about (state forces by their agent code),
/// read from the CAMEO-style code as the record keeps no role.
fn role(code: &str) -> ActorRole {
    let agent = code.get(3..).unwrap_or("");
    match agent {
        a if a.starts_with("MIL") => ActorRole::Military,
        a if a.starts_with("COP") || a.starts_with("SPY") => ActorRole::Police,
        a if a.starts_with("GOV") => ActorRole::Government,
        "" if code.len() == 3 => ActorRole::State,
        _ => ActorRole::Other,
    }
}

fn actor(a: &ActorRecord) -> Option<Actor> {
    let code = ActorCode::new(&a.code).ok()?;
    let country = a.country.as_deref().and_then(|c| Iso3::new(c).ok());
    Some(Actor { name: a.name.clone(), role: role(&a.code), code, country })
}

fn location(l: &LocationRecord) -> Option<Location> {
    let precision = Precision::try_from(l.precision).ok()?;
    let (namespace, id) = l.gazetteer_id.split_once(':').unwrap_or(("", l.gazetteer_id.as_str()));
    // A region-level place with no admin-1 above it is itself the region.
    let kind = if precision == Precision::Region && l.admin1.is_none() {
        PlaceKind::Admin1
    } else {
        PlaceKind::PopulatedPlace
    };
    let place = Place {
        gazetteer_id: GazetteerId::new(namespace, id),
        name: l.name.clone(),
        admin1: l.admin1.clone(),
        admin2: l.admin2.clone(),
        country: l.country.as_deref().and_then(|c| Iso2::new(c).ok()),
        lat: Lat::new(l.lat).ok()?,
        lon: Lon::new(l.lon).ok()?,
        kind,
        population: None,
    };
    Some(Location { place, precision })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record() -> EventRecord {
        serde_json::from_str(
            r#"{"doc_id":"d","event_id":"e1","date":"2020-03-21","date_precision":"day","event_type":"Battles",
            "sub_event_type":"Armed clash","cameo":"190","plover":"ASSAULT","plover_mode":"firearms",
            "actor1":{"name":"Taliban","code":"AFGREB","country":"AFG"},
            "actor2":{"name":"Military Forces of Afghanistan","code":"AFGMIL","country":"AFG"},
            "location":{"name":"Kunduz","admin1":"Kunduz","admin2":null,"country":"AF","lat":36.72,"lon":68.85,"precision":2,"gazetteer_id":"geonames:1135689"},
            "fatalities":4,"quantities":[],"modality":"attributed","attribution":"officials",
            "evidence":{"text":"Four soldiers were killed.","start":0,"end":26},"rule":"armed-clash"}"#,
        )
        .unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn a_record_comes_back_as_the_event_it_was_written_from() {
        let r = report_of_record(&record(), Some("Outlet".into())).unwrap_or_else(|| panic!("parses"));
        let back = sitrep_model::record::EventRecord::from(&r.event);
        let mut expected = record();
        expected.quantities.clear();
        assert_eq!(back, expected);
        assert_eq!(r.event.actor2.map(|a| a.role), Some(ActorRole::Military));
    }

    #[test]
    fn a_record_that_does_not_parse_is_left_out() {
        let mut r = record();
        r.sub_event_type = "Skirmish of wits".into();
        assert!(report_of_record(&r, None).is_none());
        let mut r = record();
        r.date = Some("21/03/2020".into());
        assert!(report_of_record(&r, None).is_none());
    }
}
