//! A small store of hand-made events for the report and export tests: one
//! day of a review like the seed's, written for these tests.
#![allow(dead_code, clippy::unwrap_used)]

use chrono::NaiveDate;
use sitrep_model::quantity::Qualifier;
use sitrep_model::{
    Actor, ActorCode, ActorRole, Doc, DocId, Event, EventDate, EventId, Evidence, GazetteerId, Iso2, Iso3, Lat,
    Location, Lon, Modality, Paragraph, Place, PlaceKind, Precision, Quantity, Sentence, Span, SubEventType, Unit,
};
use sitrep_store::{ContentHash, EventStore, SqliteStore};

pub fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

pub fn actor(name: &str, code: &str, country: Option<&str>) -> Actor {
    Actor {
        name: name.into(),
        code: ActorCode::new(code).unwrap(),
        country: country.map(|c| Iso3::new(c).unwrap()),
        role: ActorRole::Military,
    }
}

pub fn place(name: &str, admin1: Option<&str>, country: &str, lat: f64, lon: f64) -> Place {
    Place {
        gazetteer_id: GazetteerId::new("test", &name.to_lowercase().replace(' ', "-")),
        name: name.into(),
        admin1: admin1.map(str::to_owned),
        admin2: None,
        country: Some(Iso2::new(country).unwrap()),
        lat: Lat::new(lat).unwrap(),
        lon: Lon::new(lon).unwrap(),
        kind: PlaceKind::PopulatedPlace,
        population: None,
    }
}

/// A document whose sentences are `sentences`, one paragraph each pair.
pub fn doc(id: &str, sentences: &[&str]) -> Doc {
    let text = sentences.join(" ");
    let mut spans = Vec::new();
    let mut at = 0;
    for (i, s) in sentences.iter().enumerate() {
        spans.push(Sentence { span: Span::new(at, at + s.len()), paragraph: i / 2 });
        at += s.len() + 1;
    }
    let paragraphs =
        spans.chunks(2).map(|c| Paragraph { span: Span::new(c[0].span.start, c[c.len() - 1].span.end) }).collect();
    Doc {
        id: DocId::new(id),
        title: Some(format!("Review of {id}")),
        published: Some(day("2016-01-21")),
        outlet: Some("Test Front".into()),
        byline: None,
        url: Some(format!("https://example.org/{id}")),
        text,
        paragraphs,
        sentences: spans,
    }
}

pub struct E {
    pub sentence: usize,
    pub kind: SubEventType,
    pub actor1: Option<Actor>,
    pub actor2: Option<Actor>,
    pub at: Option<(Place, Precision)>,
    pub modality: Modality,
    pub quantities: Vec<(u32, Unit)>,
    pub fatalities: Option<u32>,
    pub date: Option<&'static str>,
}

impl E {
    pub fn new(sentence: usize, kind: SubEventType) -> Self {
        Self {
            sentence,
            kind,
            actor1: None,
            actor2: None,
            at: None,
            modality: Modality::Asserted,
            quantities: Vec::new(),
            fatalities: None,
            date: Some("2016-01-20"),
        }
    }

    pub fn build(self, d: &Doc) -> Event {
        let span = d.sentences[self.sentence].span;
        let place = self.at.as_ref().map(|(p, _)| p.gazetteer_id.as_str().to_owned());
        Event {
            doc_id: d.id.clone(),
            id: EventId::compute(&d.id, span, self.kind, place.as_deref()),
            date: self.date.map(|s| EventDate::day(day(s))),
            sub_event_type: self.kind,
            cameo: self.kind.cameo().into(),
            actor1: self.actor1,
            actor2: self.actor2,
            location: self.at.map(|(place, precision)| Location { place, precision }),
            fatalities: self.fatalities,
            quantities: self
                .quantities
                .into_iter()
                .map(|(value, unit)| Quantity { value, max: None, qualifier: Qualifier::Exact, unit })
                .collect(),
            modality: self.modality,
            attribution: None,
            evidence: Evidence { text: d.slice(span).to_owned(), span },
            rule: String::new(),
        }
    }
}

pub const SENTENCES: &[&str] = &[
    "On Jan. 20, warplanes carried out 16 sorties and destroyed 57 targets in Hama and Homs provinces.",
    "The air force destroyed a depot near the village of Tell Abyad <script>alert(1)</script>.",
    "There are indications that a ground invasion is being prepared.",
    "Engineers cleared mines near the town of Qamishli.",
    "The army denied shelling the market in Homs, where three people were killed.",
    "A bomb exploded somewhere.",
];

/// Six events of 2016-01-20 and one of the day before, in one document.
pub fn store() -> SqliteStore {
    let d = doc("review-1", SENTENCES);
    let ru = || actor("Air Force of Testland", "TSTAF", Some("RUS"));
    let army = || actor("Army of Testland", "TSTMIL", Some("SYR"));
    let hama = place("Hama", Some("Hama"), "SY", 35.13, 36.75);
    let homs = place("Homs", Some("Homs"), "SY", 34.73, 36.71);
    let strikes = || vec![(16, Unit::Sorties), (57, Unit::Targets)];
    let events = vec![
        E {
            actor1: Some(ru()),
            at: Some((hama.clone(), Precision::Region)),
            quantities: strikes(),
            ..E::new(0, SubEventType::AirDroneStrike)
        },
        E {
            actor1: Some(ru()),
            at: Some((homs.clone(), Precision::Region)),
            quantities: strikes(),
            ..E::new(0, SubEventType::AirDroneStrike)
        },
        E {
            actor1: Some(ru()),
            at: Some((place("Tell Abyad", Some("Hama"), "SY", 35.2, 36.9), Precision::Near)),
            ..E::new(1, SubEventType::AirDroneStrike)
        },
        E {
            actor1: Some(army()),
            at: Some((place("Syria", None, "SY", 35.0, 38.0), Precision::Region)),
            modality: Modality::Speculative,
            ..E::new(2, SubEventType::ArmedClash)
        },
        E {
            actor1: Some(army()),
            at: Some((place("Qamishli", Some("Al-Hasakah"), "SY", 37.05, 41.22), Precision::Near)),
            ..E::new(3, SubEventType::DisruptedWeaponsUse)
        },
        E {
            actor1: Some(army()),
            at: Some((homs, Precision::Exact)),
            modality: Modality::Negated,
            fatalities: Some(3),
            ..E::new(4, SubEventType::ShellingArtilleryMissile)
        },
        E { ..E::new(5, SubEventType::RemoteExplosive) },
        E { date: Some("2016-01-19"), ..E::new(5, SubEventType::Grenade) },
    ];
    let events: Vec<Event> = events.into_iter().map(|e| e.build(&d)).collect();
    let mut store = SqliteStore::open_in_memory().unwrap();
    store.put_document(&d, &ContentHash::of(d.text.as_bytes()), &events).unwrap();
    store
}
