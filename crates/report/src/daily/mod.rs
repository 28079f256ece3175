//! The daily situation report: what an analyst briefs from.
//!
//! [`DailyReport::build`] reads one day's events (optionally of one area: a
//! country, or an admin-1 province by name) and groups them by area
//! (admin-1 within a country). Within an area, events told as fact or as
//! someone's statement (`asserted`, `attributed`) are "what happened";
//! `speculative`, `planned` and `negated` ones are "claimed or speculative",
//! never counted as events. Events of one kind by one actor are merged into
//! one [`Item`] listing every place and every evidence sentence.
//!
//! Counts (sorties, targets, strikes, fatalities) are summed over distinct
//! statements: one sentence that reports "16 sorties" for two provinces
//! yields an event in each, and the day's total still says 16; each area
//! says which other areas the same statement covers.
//!
//! [`markdown`] and [`html`] render the report; [`map`] draws its SVG map.

mod build;
pub mod html;
pub mod map;
pub mod markdown;

use chrono::NaiveDate;
use serde::Serialize;
use sitrep_store::StoreError;
use thiserror::Error;

/// What report to make.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportRequest {
    pub date: NaiveDate,
    /// A country (ISO code or name) or an admin-1 area's name; `None`: everywhere.
    pub area: Option<String>,
    /// Where the web page is served (`http://127.0.0.1:8080/`): evidence
    /// links then open the event on the page. `None`: links go to the
    /// source document's URL.
    pub link_base: Option<String>,
}

/// Why a report could not be made.
#[derive(Debug, Error)]
pub enum ReportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("writing the report: {0}")]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    Basemap(#[from] crate::basemap::BasemapError),
}

/// The day's report, ready to render.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DailyReport {
    pub date: NaiveDate,
    /// The area asked for, as given.
    pub area: Option<String>,
    pub link_base: Option<String>,
    pub totals: Totals,
    /// Most events first.
    pub areas: Vec<Area>,
    /// The documents cited, numbered from 1 in the rendered report.
    pub sources: Vec<Source>,
    /// Every located event, for the map.
    pub points: Vec<MapPoint>,
}

/// Counts over distinct statements.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Totals {
    /// Events told as fact or as someone's statement.
    pub events: usize,
    /// Speculative, planned or denied events.
    pub claims: usize,
    pub fatalities: u64,
    /// Counted things other than deaths, by unit, in order of first mention.
    pub quantities: Vec<Tally>,
}

/// A number of one unit ("16 sorties").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tally {
    pub value: u64,
    pub unit: String,
}

/// One area: an admin-1 area of a country, a country without a named
/// province, or "location not given".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Area {
    pub name: String,
    /// The country's name, when the area lies in one.
    pub country: Option<String>,
    pub totals: Totals,
    /// Who acted (actor1), most events first.
    pub actors: Vec<ActorTally>,
    /// What happened.
    pub events: Vec<Item>,
    /// What is only claimed, speculated, planned or denied.
    pub claims: Vec<Item>,
}

/// An actor and the number of events it carried out in an area.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActorTally {
    pub name: String,
    pub events: usize,
}

/// Merged events: one kind by one actor in one area, with one modality.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Item {
    pub event_type: String,
    pub sub_event_type: String,
    pub actor1: Option<String>,
    /// Whom it was aimed at (actor2 names), in order of first mention.
    pub targets: Vec<String>,
    pub places: Vec<PlaceRef>,
    pub modality: String,
    /// Who says so (attributed events), in order of first mention.
    pub attributions: Vec<String>,
    pub totals: Totals,
    pub evidence: Vec<Evidence>,
}

/// A place an item happened at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlaceRef {
    pub name: String,
    /// 1 the place itself, 2 near it, 3 somewhere in the region it names.
    pub precision: u8,
}

/// The sentence an event was read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evidence {
    pub event_id: String,
    pub text: String,
    pub doc_id: String,
    /// Byte offsets into the document's clean text.
    pub start: usize,
    pub end: usize,
    /// Index into [`DailyReport::sources`].
    pub source: usize,
    /// Other areas the same statement reports on.
    pub shared_with: Vec<String>,
}

/// A document cited by the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Source {
    pub doc_id: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<NaiveDate>,
    pub url: Option<String>,
}

/// A located event on the report's map.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MapPoint {
    pub lon: f64,
    pub lat: f64,
    pub event_type: String,
    /// Claimed or speculative (drawn hollow).
    pub claim: bool,
    /// The name of the [`Area`] it is reported under.
    pub area: String,
}

/// Modalities that make an event a claim rather than something that happened.
pub(crate) fn is_claim(modality: &str) -> bool {
    matches!(modality, "speculative" | "planned" | "negated")
}

impl DailyReport {
    /// The link of one evidence sentence: the event on the served page when
    /// [`ReportRequest::link_base`] was given, else the source's URL.
    #[must_use]
    pub fn evidence_link(&self, e: &Evidence) -> Option<String> {
        match &self.link_base {
            Some(base) => Some(format!("{}/#event/{}", base.trim_end_matches('/'), e.event_id)),
            None => self.sources.get(e.source).and_then(|s| s.url.clone()),
        }
    }
}

/// Plain-text phrases both renderers use (each escapes them its own way).
pub(crate) mod phrase {
    use super::{Item, PlaceRef, Source, Tally, Totals};

    /// "at Deir ez-Zor", "near Bughayliyah", "in Latakia" (a region).
    pub fn place(p: &PlaceRef) -> String {
        match p.precision {
            1 => format!("at {}", p.name),
            2 => format!("near {}", p.name),
            _ => format!("in {}", p.name),
        }
    }

    /// "a", "a and b", "a, b and c".
    pub fn and_list(items: &[String]) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        }
    }

    /// The modality's word for a claim ("Speculative").
    pub fn claim_kind(modality: &str) -> &'static str {
        match modality {
            "planned" => "Planned or threatened",
            "negated" => "Denied",
            _ => "Speculative",
        }
    }

    /// " by X against Y and Z, in P, near Q and at R, according to S" (after the type).
    pub fn item_tail(item: &Item) -> String {
        let mut s = String::new();
        if let Some(a) = &item.actor1 {
            s.push_str(&format!(" by {a}"));
        }
        if !item.targets.is_empty() {
            s.push_str(&format!(" against {}", and_list(&item.targets)));
        }
        if !item.places.is_empty() {
            let places: Vec<String> = item.places.iter().map(place).collect();
            s.push_str(&format!("{} {}", if s.is_empty() { "" } else { "," }, and_list(&places)));
        }
        if !item.attributions.is_empty() {
            s.push_str(&format!(", according to {}", and_list(&item.attributions)));
        }
        s
    }

    /// "16 sorties, 57 targets, 3 killed" ("" when nothing was counted).
    pub fn counts(t: &Totals) -> String {
        let mut parts: Vec<String> = t.quantities.iter().map(|q: &Tally| format!("{} {}", q.value, q.unit)).collect();
        if t.fatalities > 0 {
            parts.push(format!("{} fatalities", t.fatalities));
        }
        parts.join(", ")
    }

    /// "4 events, 1 claimed or speculative".
    pub fn event_counts(t: &Totals) -> String {
        let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let mut s = plural(t.events, "event", "events");
        if t.claims > 0 {
            s.push_str(&format!(", {} claimed or speculative", t.claims));
        }
        s
    }

    /// "South Front, “Title”, 2016-01-21".
    pub fn source(s: &Source) -> String {
        let mut parts = vec![s.outlet.clone().unwrap_or_else(|| s.doc_id.clone())];
        if let Some(t) = &s.title {
            parts.push(format!("\u{201c}{t}\u{201d}"));
        }
        if let Some(d) = s.published {
            parts.push(d.format("%Y-%m-%d").to_string());
        }
        parts.join(", ")
    }
}
