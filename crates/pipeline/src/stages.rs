//! The stages wired together: a raw document in, everything the stages found
//! out. A [`Pipeline`] borrows the [`Resources`] and is shared by every
//! worker thread.

use rayon::prelude::*;
use sitrep_clean::CleanError;
use sitrep_code::Input;
use sitrep_geo::{Geocoder, Resolved};
use sitrep_model::{ActorMention, Doc, Event, Iso2, Mentions, Place, PlaceMention, RawDoc};
use sitrep_recognise::places::PlaceRecogniser;

use crate::resources::Resources;

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

    /// The events of one document: [`Pipeline::process`], except that a
    /// document where no sentence holds a trigger of the coder
    /// ([`sitrep_code::Coder::may_code`]) is neither recognised nor geocoded,
    /// since it can hold no event: its `mentions` and `resolved` stay
    /// empty. What `extract`, `ingest` and the server run; most of a day's
    /// news is not about conflict and costs only its cleaning and this look.
    ///
    /// # Errors
    /// When the document cannot be cleaned.
    pub fn extract(&self, raw: &RawDoc) -> Result<Processed, CleanError> {
        let doc = self.clean(raw)?;
        if self.res.coder.may_code(&doc) {
            return Ok(self.process_clean(doc));
        }
        Ok(Processed { doc, mentions: Mentions::default(), resolved: Vec::new(), events: Vec::new() })
    }

    /// [`Pipeline::extract`] on each document of a batch, on rayon's threads
    /// (all cores unless the caller's pool says otherwise); the results are
    /// in the batch's order, and a document that cannot be cleaned is its
    /// own error, never the batch's.
    #[must_use]
    pub fn process_batch(&self, raws: &[RawDoc]) -> Vec<Result<Processed, CleanError>> {
        raws.par_iter().map(|raw| self.extract(raw)).collect()
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
