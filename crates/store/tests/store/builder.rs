//! Test events and documents built from the model types directly.

use chrono::NaiveDate;
use sitrep_model::quantity::Qualifier;
use sitrep_model::{
    Actor, ActorCode, ActorRole, DatePrecision, Doc, DocId, Event, EventDate, EventId, Evidence, GazetteerId, Iso2,
    Iso3, Lat, Location, Lon, Modality, Paragraph, Place, PlaceKind, Precision, Quantity, Sentence, Span, SubEventType,
    Unit,
};
use sitrep_store::ContentHash;

/// A document whose text is `text`, one paragraph, split into sentences at ". ".
pub fn doc(id: &str, text: &str) -> Doc {
    let mut sentences = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices(". ") {
        sentences.push(Sentence { span: Span::new(start, i + 1), paragraph: 0 });
        start = i + 2;
    }
    if start < text.len() {
        sentences.push(Sentence { span: Span::new(start, text.len()), paragraph: 0 });
    }
    Doc {
        id: DocId::new(id),
        title: Some(format!("Title of {id}")),
        published: NaiveDate::from_ymd_opt(2016, 1, 21),
        outlet: Some("Outlet".into()),
        byline: None,
        url: Some(format!("https://example.org/{id}")),
        text: text.to_owned(),
        paragraphs: vec![Paragraph { span: Span::new(0, text.len()) }],
        sentences,
    }
}

/// The hash a document's body would have (tests use the clean text as body).
pub fn hash(doc: &Doc) -> ContentHash {
    ContentHash::of(doc.text.as_bytes())
}

pub fn actor(name: &str, code: &str, country: Option<&str>) -> Actor {
    Actor {
        name: name.into(),
        code: ActorCode::new(code).unwrap(),
        country: country.map(|c| Iso3::new(c).unwrap()),
        role: ActorRole::Military,
    }
}

pub fn place(name: &str, country: &str, lat: f64, lon: f64) -> Place {
    Place {
        gazetteer_id: GazetteerId::new("test", &name.to_lowercase().replace(' ', "-")),
        name: name.into(),
        admin1: Some(format!("{name} Governorate")),
        admin2: None,
        country: Some(Iso2::new(country).unwrap()),
        lat: Lat::new(lat).unwrap(),
        lon: Lon::new(lon).unwrap(),
        kind: PlaceKind::PopulatedPlace,
        population: None,
    }
}

/// An event of document `doc` whose evidence starts at `start`; change what
/// matters with the setters, then [`EventBuilder::build`].
pub fn event(doc: &str, start: usize) -> EventBuilder {
    EventBuilder(Event {
        doc_id: DocId::new(doc),
        id: EventId::from_raw(""),
        date: Some(EventDate::day(day("2016-01-20"))),
        sub_event_type: SubEventType::AirDroneStrike,
        cameo: SubEventType::AirDroneStrike.cameo().into(),
        actor1: None,
        actor2: None,
        location: None,
        fatalities: None,
        quantities: Vec::new(),
        modality: Modality::Asserted,
        attribution: None,
        evidence: Evidence { text: format!("Evidence at {start}."), span: Span::new(start, start + 10) },
        rule: String::new(),
    })
}

pub fn day(iso: &str) -> NaiveDate {
    NaiveDate::parse_from_str(iso, "%Y-%m-%d").unwrap()
}

#[derive(Debug, Clone)]
pub struct EventBuilder(pub Event);

impl EventBuilder {
    pub fn label(mut self, rule: &str) -> Self {
        self.0.rule = rule.into();
        self
    }
    pub fn on(mut self, iso: &str) -> Self {
        self.0.date = Some(EventDate::day(day(iso)));
        self
    }
    pub fn date(mut self, date: Option<EventDate>) -> Self {
        self.0.date = date;
        self
    }
    pub fn month_of(mut self, iso: &str) -> Self {
        self.0.date = Some(EventDate { day: day(iso), precision: DatePrecision::Month });
        self
    }
    pub fn kind(mut self, t: SubEventType) -> Self {
        self.0.sub_event_type = t;
        self.0.cameo = t.cameo().into();
        self
    }
    pub fn actor1(mut self, a: Actor) -> Self {
        self.0.actor1 = Some(a);
        self
    }
    pub fn actor2(mut self, a: Actor) -> Self {
        self.0.actor2 = Some(a);
        self
    }
    pub fn at(mut self, p: Place, precision: Precision) -> Self {
        self.0.location = Some(Location { place: p, precision });
        self
    }
    pub fn modality(mut self, m: Modality) -> Self {
        self.0.modality = m;
        self
    }
    pub fn fatalities(mut self, n: u32) -> Self {
        self.0.fatalities = Some(n);
        self
    }
    pub fn quantity(mut self, value: u32, max: Option<u32>, qualifier: Qualifier, unit: Unit) -> Self {
        self.0.quantities.push(Quantity { value, max, qualifier, unit });
        self
    }
    pub fn attributed_to(mut self, who: &str) -> Self {
        self.0.modality = Modality::Attributed;
        self.0.attribution = Some(who.into());
        self
    }
    pub fn evidence(mut self, text: &str, start: usize) -> Self {
        self.0.evidence = Evidence { text: text.into(), span: Span::new(start, start + text.len()) };
        self
    }
    /// The event, with its id computed as the coder does.
    pub fn build(mut self) -> Event {
        let e = &self.0;
        let place = e.location.as_ref().map(|l| l.place.gazetteer_id.as_str().to_owned());
        self.0.id = EventId::compute(&e.doc_id, e.evidence.span, e.sub_event_type, place.as_deref());
        self.0
    }
}
