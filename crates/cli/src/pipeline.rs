//! The stages wired together: a raw document in, everything the stages found
//! out. Shipped data is loaded once into [`Resources`]; a [`Pipeline`]
//! borrows them and is shared by every worker thread.

use sitrep_clean::CleanError;
use sitrep_code::{CodeError, Coder, Input};
use sitrep_geo::{Gazetteer, GeoError, Geocoder, Resolved};
use sitrep_model::{ActorMention, Countries, Doc, Event, Iso2, Mentions, Place, PlaceMention, RawDoc};
use sitrep_recognise::actors::{ActorDataError, ActorRecogniser};
use sitrep_recognise::cues::{CueLexiconError, CueRecogniser};
use sitrep_recognise::dates::{DatePatternError, DateRecogniser};
use sitrep_recognise::places::PlaceRecogniser;
use sitrep_recognise::quantities::{QuantityLexiconError, QuantityRecogniser};
use thiserror::Error;

/// Shipped data failed to load: a defect of the build, not of the input.
#[derive(Debug, Error)]
pub enum LoadError {
    #[error("gazetteer: {0}")]
    Gazetteer(#[from] GeoError),
    #[error("actor dictionaries: {0}")]
    Actors(#[from] ActorDataError),
    #[error("date patterns: {0}")]
    Dates(#[from] DatePatternError),
    #[error("quantity tables: {0}")]
    Quantities(#[from] QuantityLexiconError),
    #[error("cue lexicon: {0}")]
    Cues(#[from] CueLexiconError),
    #[error("event coder: {0}")]
    Coder(#[from] CodeError),
}

/// The data every stage reads: loaded once, read-only.
#[derive(Debug)]
pub struct Resources {
    pub gazetteer: Gazetteer,
    actors: ActorRecogniser,
    dates: DateRecogniser,
    quantities: QuantityRecogniser,
    cues: CueRecogniser,
    coder: Coder,
    countries: Countries,
}

impl Resources {
    /// Load every shipped table.
    ///
    /// # Errors
    /// When a shipped table is corrupt.
    pub fn load() -> Result<Self, LoadError> {
        Ok(Self {
            gazetteer: Gazetteer::load()?,
            actors: ActorRecogniser::new()?,
            dates: DateRecogniser::new()?,
            quantities: QuantityRecogniser::new()?,
            cues: CueRecogniser::new()?,
            coder: Coder::new()?,
            countries: Countries::embedded(),
        })
    }
}

/// What the pipeline found in one document.
#[derive(Debug)]
pub struct Processed {
    pub doc: Doc,
    pub mentions: Mentions,
    /// The geocoder's choice for each place mention, aligned with
    /// `mentions.places`.
    pub resolved: Vec<Option<Resolved>>,
    pub events: Vec<Event>,
}

/// What `sitrep places` reports of one document: its place mentions with
/// the geocoder's choices (as the whole pipeline makes them), and the
/// modifiers (places named as part of an actor, demonyms), resolved together
/// with the places so that the document's context counts.
#[derive(Debug)]
pub struct Located {
    pub doc: Doc,
    pub places: Vec<PlaceMention>,
    /// Aligned with `places`.
    pub resolved: Vec<Option<Resolved>>,
    pub modifiers: Vec<(PlaceMention, Option<Resolved>)>,
}

/// The stages, borrowing the shared resources.
#[derive(Debug)]
pub struct Pipeline<'r> {
    res: &'r Resources,
    places: PlaceRecogniser<'r>,
    geocoder: Geocoder<'r>,
}

impl<'r> Pipeline<'r> {
    #[must_use]
    pub fn new(res: &'r Resources) -> Self {
        Self { res, places: PlaceRecogniser::new(&res.gazetteer), geocoder: Geocoder::new(&res.gazetteer) }
    }

    /// Clean a raw document.
    ///
    /// # Errors
    /// When the document has no content the cleaner can read.
    pub fn clean(&self, raw: &RawDoc) -> Result<Doc, CleanError> {
        sitrep_clean::clean(raw)
    }

    /// Every mention the recognisers find.
    #[must_use]
    pub fn recognise(&self, doc: &Doc) -> Mentions {
        let actors = self.res.actors.find(doc);
        let places = self.places.find(doc, &actors);
        let mut m = Mentions {
            places,
            actors,
            dates: self.res.dates.find(doc),
            quantities: self.res.quantities.find(doc),
            cues: self.res.cues.find(doc),
        };
        m.sort();
        m
    }

    /// Resolve the place mentions, with the actors' countries as evidence.
    #[must_use]
    pub fn geocode(&self, doc: &Doc, mentions: &Mentions) -> Vec<Option<Resolved>> {
        self.geocoder.resolve_with(doc, &mentions.places, &self.actor_countries(&mentions.actors))
    }

    /// The country of each actor mention that has one.
    fn actor_countries(&self, actors: &[ActorMention]) -> Vec<Iso2> {
        actors.iter().filter_map(|a| self.res.countries.iso2_of(a.actor.country?)).collect()
    }

    /// The whole pipeline on one document.
    ///
    /// # Errors
    /// When the document cannot be cleaned.
    pub fn process(&self, raw: &RawDoc) -> Result<Processed, CleanError> {
        let doc = self.clean(raw)?;
        Ok(self.process_clean(doc))
    }

    /// The places and modifiers of a document, without coding its events
    /// (dates, quantities and cues are not read either: they do not bear on
    /// where a place is).
    ///
    /// # Errors
    /// When the document cannot be cleaned.
    pub fn locate(&self, raw: &RawDoc) -> Result<Located, CleanError> {
        let doc = self.clean(raw)?;
        Ok(self.locate_clean(doc))
    }

    /// [`Pipeline::locate`] after cleaning.
    #[must_use]
    pub fn locate_clean(&self, doc: Doc) -> Located {
        let actors = self.res.actors.find(&doc);
        let (mut places, found) = self.places.find_with_modifiers(&doc, &actors);
        places.sort_by_key(|m| m.span);
        let countries = self.actor_countries(&actors);
        let resolved = self.geocoder.resolve_with(&doc, &places, &countries);
        let modifiers = self.resolve_modifiers(&doc, &places, found, &countries);
        Located { doc, places, resolved, modifiers }
    }

    /// Resolve the modifiers together with the places (so that the
    /// document's context counts), keeping the modifiers' resolutions only.
    fn resolve_modifiers(
        &self,
        doc: &Doc,
        places: &[PlaceMention],
        found: Vec<PlaceMention>,
        countries: &[Iso2],
    ) -> Vec<(PlaceMention, Option<Resolved>)> {
        if found.is_empty() {
            return Vec::new();
        }
        let mut all: Vec<(PlaceMention, bool)> = places.iter().map(|m| (m.clone(), false)).collect();
        all.extend(found.into_iter().map(|m| (m, true)));
        all.sort_by_key(|(m, _)| m.span);
        let mentions: Vec<PlaceMention> = all.iter().map(|(m, _)| m.clone()).collect();
        let resolved = self.geocoder.resolve_some(doc, &mentions, countries, |i| all[i].1);
        all.into_iter().zip(resolved).filter(|((_, modifier), _)| *modifier).map(|((m, _), r)| (m, r)).collect()
    }

    /// The stages after cleaning.
    #[must_use]
    pub fn process_clean(&self, doc: Doc) -> Processed {
        let mentions = self.recognise(&doc);
        let resolved = self.geocode(&doc, &mentions);
        let places: Vec<Option<Place>> = resolved.iter().map(|r| r.as_ref().map(|r| r.place.clone())).collect();
        let events = self.res.coder.code(Input { doc: &doc, mentions: &mentions, places: &places });
        Processed { doc, mentions, resolved, events }
    }
}
