//! Building a [`DailyReport`] from the store: the day's events grouped by
//! area, split into what happened and what is claimed, merged into items,
//! and counted over distinct statements.

use std::collections::HashMap;

use sitrep_model::record::EventRecord;
use sitrep_store::{DocumentQuery, EventFilter, EventQuery, EventStore, StoreError};

use super::{
    is_claim, ActorTally, Area, DailyReport, Evidence, Item, MapPoint, PlaceRef, ReportError, ReportRequest, Source,
    Tally, Totals,
};
use crate::country::country_name;

/// One sentence of one document: events read from it share its counts.
type Statement<'a> = (&'a str, usize);

/// An area's name and its country's.
type AreaKey = (String, Option<String>);

/// What merges events into one item: (sub-event type, actor1, modality).
type ItemKey<'a> = (&'a str, Option<&'a str>, &'a str);

/// One statement's counts: the largest fatalities and quantities (by unit) its events carry.
#[derive(Default)]
struct Counted<'a> {
    fatalities: u64,
    quantities: Vec<(&'a str, u64)>,
}

fn statement(r: &EventRecord) -> Statement<'_> {
    (r.doc_id.as_str(), r.evidence.start)
}

impl DailyReport {
    /// The report `req` asks for.
    ///
    /// # Errors
    /// When the store cannot be read.
    pub fn build(store: &dyn EventStore, req: &ReportRequest) -> Result<Self, ReportError> {
        let records = day_events(store, req)?;
        let sources = sources(store, &records)?;
        let source_of: HashMap<&str, usize> = sources.iter().enumerate().map(|(i, s)| (s.doc_id.as_str(), i)).collect();
        let all: Vec<&EventRecord> = records.iter().collect();
        let areas = areas(&all, &source_of);
        Ok(Self {
            date: req.date,
            area: req.area.clone(),
            link_base: req.link_base.clone(),
            totals: facts_and_claims(&all),
            areas,
            sources,
            points: records.iter().filter_map(point).collect(),
        })
    }
}

/// The day's events, each once (reports of one event by several outlets are
/// one merge group, counted once), of the area when one is asked for: a
/// country when the name is one (a country wins over a province of the same
/// name), else an admin-1 area.
fn day_events(store: &dyn EventStore, req: &ReportRequest) -> Result<Vec<EventRecord>, StoreError> {
    let day = EventFilter { since: Some(req.date), until: Some(req.date), merged: true, ..EventFilter::default() };
    let mut q = EventQuery::of(day);
    if let Some(area) = &req.area {
        let as_country = EventFilter { country: Some(area.clone()), ..EventFilter::default() };
        if as_country.validate().is_ok() {
            q.filter.country = Some(area.clone());
        } else {
            q.admin1 = Some(area.clone());
        }
    }
    Ok(store.events_page(&q)?.events)
}

/// The documents the events were read from, in `doc_id` order.
fn sources(store: &dyn EventStore, records: &[EventRecord]) -> Result<Vec<Source>, StoreError> {
    let mut ids: Vec<String> = records.iter().map(|r| r.doc_id.clone()).collect();
    ids.sort_unstable();
    ids.dedup();
    let docs = store.documents(&DocumentQuery { ids: Some(ids), ..DocumentQuery::default() })?;
    Ok(docs
        .into_iter()
        .map(|d| Source { doc_id: d.doc_id, title: d.title, outlet: d.outlet, published: d.published, url: d.url })
        .collect())
}

/// The area an event is reported under.
fn area_name(r: &EventRecord) -> (String, Option<String>) {
    let Some(loc) = &r.location else { return ("Location not given".to_owned(), None) };
    let country = loc.country.as_deref().map(|c| country_name(c).unwrap_or(c).to_owned());
    match (&loc.admin1, &country) {
        (Some(a), _) => (a.clone(), country),
        (None, Some(c)) => (format!("{c} (no province named)"), country),
        (None, None) => (format!("{} (no country known)", loc.name), None),
    }
}

fn areas(records: &[&EventRecord], source_of: &HashMap<&str, usize>) -> Vec<Area> {
    let mut groups: Vec<(AreaKey, Vec<&EventRecord>)> = Vec::new();
    for r in records {
        let key = area_name(r);
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, members)) => members.push(r),
            None => groups.push((key, vec![r])),
        }
    }
    let mut covers: HashMap<Statement<'_>, Vec<String>> = HashMap::new();
    for ((name, _), members) in &groups {
        for r in members {
            let names = covers.entry(statement(r)).or_default();
            if !names.contains(name) {
                names.push(name.clone());
            }
        }
    }
    let ctx = Context { source_of, covers: &covers };
    let mut areas: Vec<Area> = groups.into_iter().map(|((name, country), m)| area(name, country, &m, &ctx)).collect();
    let rank = |a: &Area| (a.location_unknown(), std::cmp::Reverse(a.totals.events + a.totals.claims));
    areas.sort_by(|a, b| rank(a).cmp(&rank(b)).then_with(|| a.name.cmp(&b.name)));
    areas
}

/// What every item of the report looks up.
struct Context<'a> {
    source_of: &'a HashMap<&'a str, usize>,
    /// The areas each statement reports on.
    covers: &'a HashMap<Statement<'a>, Vec<String>>,
}

impl Area {
    fn location_unknown(&self) -> bool {
        self.country.is_none() && self.name == "Location not given"
    }
}

fn area(name: String, country: Option<String>, members: &[&EventRecord], ctx: &Context<'_>) -> Area {
    let (claims, events): (Vec<&EventRecord>, Vec<&EventRecord>) = members.iter().partition(|r| is_claim(&r.modality));
    let totals = facts_and_claims(members);
    Area {
        actors: actor_tallies(&events),
        events: items(&events, &name, ctx),
        claims: items(&claims, &name, ctx),
        totals,
        name,
        country,
    }
}

fn actor_tallies(events: &[&EventRecord]) -> Vec<ActorTally> {
    let mut tallies: Vec<ActorTally> = Vec::new();
    for name in events.iter().filter_map(|r| r.actor1.as_ref().map(|a| &a.name)) {
        match tallies.iter_mut().find(|t| &t.name == name) {
            Some(t) => t.events += 1,
            None => tallies.push(ActorTally { name: name.clone(), events: 1 }),
        }
    }
    // Stable: equal counts keep the order of first mention.
    tallies.sort_by_key(|t| std::cmp::Reverse(t.events));
    tallies
}

/// Events merged by (sub-event type, actor1, modality), in order of first mention.
fn items(records: &[&EventRecord], area: &str, ctx: &Context<'_>) -> Vec<Item> {
    let mut groups: Vec<(Vec<&EventRecord>, ItemKey<'_>)> = Vec::new();
    for r in records {
        let key = (r.sub_event_type.as_str(), r.actor1.as_ref().map(|a| a.name.as_str()), r.modality.as_str());
        match groups.iter_mut().find(|(_, k)| *k == key) {
            Some((members, _)) => members.push(r),
            None => groups.push((vec![r], key)),
        }
    }
    groups.into_iter().map(|(members, _)| item(&members, area, ctx)).collect()
}

fn item(members: &[&EventRecord], area: &str, ctx: &Context<'_>) -> Item {
    let first = members[0];
    let mut item = Item {
        event_type: first.event_type.clone(),
        sub_event_type: first.sub_event_type.clone(),
        actor1: first.actor1.as_ref().map(|a| a.name.clone()),
        targets: Vec::new(),
        places: Vec::new(),
        modality: first.modality.clone(),
        attributions: Vec::new(),
        totals: totals(members),
        evidence: Vec::new(),
    };
    for r in members {
        push_new(&mut item.targets, r.actor2.as_ref().map(|a| a.name.clone()));
        push_new(&mut item.attributions, r.attribution.clone());
        let place = r.location.as_ref().map(|l| PlaceRef { name: l.name.clone(), precision: l.precision });
        push_new(&mut item.places, place);
        if !item.evidence.iter().any(|e| e.doc_id == r.doc_id && e.start == r.evidence.start) {
            item.evidence.push(evidence(r, area, ctx));
        }
    }
    item
}

fn push_new<T: PartialEq>(list: &mut Vec<T>, value: Option<T>) {
    if let Some(v) = value {
        if !list.contains(&v) {
            list.push(v);
        }
    }
}

fn evidence(r: &EventRecord, area: &str, ctx: &Context<'_>) -> Evidence {
    let shared_with = ctx
        .covers
        .get(&statement(r))
        .map_or_else(Vec::new, |names| names.iter().filter(|n| *n != area).cloned().collect());
    Evidence {
        event_id: r.event_id.clone(),
        text: r.evidence.text.clone(),
        doc_id: r.doc_id.clone(),
        start: r.evidence.start,
        end: r.evidence.end,
        source: ctx.source_of.get(r.doc_id.as_str()).copied().unwrap_or(usize::MAX),
        shared_with,
    }
}

/// The counts of what happened (claims' own counts left out), and how many
/// claims there are.
fn facts_and_claims(records: &[&EventRecord]) -> Totals {
    let facts: Vec<&EventRecord> = records.iter().copied().filter(|r| !is_claim(&r.modality)).collect();
    Totals { claims: records.len() - facts.len(), ..totals(&facts) }
}

/// Counts over the distinct statements of `records`: a statement's counts
/// are the largest any of its events carries, added once.
fn totals(records: &[&EventRecord]) -> Totals {
    let mut statements: HashMap<Statement<'_>, Counted<'_>> = HashMap::new();
    let mut units: Vec<&str> = Vec::new();
    for r in records {
        let s = statements.entry(statement(r)).or_default();
        s.fatalities = s.fatalities.max(u64::from(r.fatalities.unwrap_or(0)));
        for q in &r.quantities {
            if !units.contains(&q.unit.as_str()) {
                units.push(&q.unit);
            }
            match s.quantities.iter_mut().find(|(u, _)| *u == q.unit) {
                Some((_, v)) => *v = (*v).max(u64::from(q.value)),
                None => s.quantities.push((&q.unit, u64::from(q.value))),
            }
        }
    }
    let sum =
        |unit: &str| statements.values().flat_map(|s| &s.quantities).filter(|(u, _)| *u == unit).map(|(_, v)| v).sum();
    Totals {
        events: records.iter().filter(|r| !is_claim(&r.modality)).count(),
        claims: records.iter().filter(|r| is_claim(&r.modality)).count(),
        fatalities: statements.values().map(|s| s.fatalities).sum(),
        quantities: units.into_iter().map(|u| Tally { value: sum(u), unit: u.to_owned() }).collect(),
    }
}

fn point(r: &EventRecord) -> Option<MapPoint> {
    let l = r.location.as_ref()?;
    let area = area_name(r).0;
    Some(MapPoint { lon: l.lon, lat: l.lat, event_type: r.event_type.clone(), claim: is_claim(&r.modality), area })
}
