//! One event told several times is one event. A news report states its main
//! event in the lead, repeats it in a quote, adds the toll a monitor gives
//! and goes back to it in a later paragraph; each mention is coded, and the
//! mentions of one document that can be the same happening become one event.
//!
//! Two mentions corefer when they have the same sub-event type (or one is a
//! suicide bombing and the other a bare explosion, which is how a report
//! goes back to it: "the blast was heard across the city"), the same
//! modality class (both told as having happened, or neither), a compatible
//! day (at most a day apart, as a claim made on Monday for Sunday's attack
//! is dated; or one of them only known to a week or vaguer and within a
//! week), a compatible place (the same entry, one of them without a place,
//! an area and a place inside it, or a city and its neighbourhood, not a
//! town near that neighbourhood) and a
//! compatible acting party (the same code, or one unnamed, or one
//! unidentified and the other no state's forces).
//! The target is not compared: a report names it differently each time
//! ("soldiers", "an army outpost"). A summary is not a mention of one of the
//! events it adds up: a mention at an area that counts several sorties,
//! strikes or targets ("16 sorties against 57 targets in Latakia province")
//! stays apart from the events at places inside that area.
//!
//! A protest and an arrest of people at it are one event too: "around 15
//! people held a protest in Pinsk. Two persons were arrested by the police"
//! is, in the codebook's words, a protest "physically dispersed or
//! suppressed without serious injuries, or arrests" — a protest with
//! intervention, whose protesters stay actor1 and whose police become
//! actor2.
//!
//! So are goods seized and people arrested by state forces in one
//! operation.
//!
//! The event keeps its first mention's evidence and modality (the lead), the
//! most specific place, the most precise date, the first named parties, the
//! highest toll and every other count, so that sources that disagree on a
//! count stay visible in its quantities.

use sitrep_model::place::distance_km;
use sitrep_model::{
    Actor, ActorRole, DatePrecision, Event, EventDate, EventType, Location, PlaceKind, SubEventType, Unit,
};

/// How far (km) a neighbourhood may lie from the city it is part of.
const NEIGHBOURHOOD_KM: f64 = 15.0;

/// How far (km) a place may lie from an area's centre, by the area's kind.
fn reach(kind: PlaceKind) -> Option<f64> {
    match kind {
        PlaceKind::Admin2 => Some(60.0),
        PlaceKind::Admin1 => Some(200.0),
        _ => None,
    }
}

/// The document's events, with each group of coreferent mentions folded
/// into its first mention, in text order.
#[must_use]
pub fn fold(events: Vec<Event>) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    for e in events {
        match out.iter_mut().find(|k| corefer(k, &e)) {
            Some(k) => absorb(k, e),
            None => out.push(e),
        }
    }
    out
}

/// True when `a` and `b` can be mentions of one event.
fn corefer(a: &Event, b: &Event) -> bool {
    let intervention = intervention_in(a, b) || intervention_in(b, a);
    let operation = seizure_in(a, b) || seizure_in(b, a);
    (types_fit(a.sub_event_type, b.sub_event_type) || toll_of(a, b) || toll_of(b, a) || intervention || operation)
        && a.modality.is_factual() == b.modality.is_factual()
        && days_fit(a.date, b.date)
        && places_fit(a.location.as_ref(), b.location.as_ref())
        && (party_fits(a.actor1.as_ref(), b.actor1.as_ref()) || toll_of(a, b) || toll_of(b, a) || intervention)
        && !(summary(a) || summary(b))
}

/// True when `arrest` can be the intervention in the peaceful `protest`:
/// an arrest of people (no armed group as its target) by state forces or
/// by no one named ("one protester was arrested").
fn intervention_in(protest: &Event, arrest: &Event) -> bool {
    let by_state = arrest.actor1.as_ref().is_none_or(|x| {
        matches!(x.role, ActorRole::Military | ActorRole::Police | ActorRole::Protester | ActorRole::Civilian)
    });
    let of_people = arrest.actor2.as_ref().is_none_or(|x| matches!(x.role, ActorRole::Civilian | ActorRole::Protester));
    protest.sub_event_type == SubEventType::PeacefulProtest
        && arrest.sub_event_type == SubEventType::Arrests
        && by_state
        && of_people
}

/// True when `seizure` is the goods the state forces of `arrest` seized
/// in the same operation ("police seized two tons of cannabis … Two men
/// were arrested"): one event, of the type its first mention gives (the
/// report's lead names the operation's main act).
fn seizure_in(seizure: &Event, arrest: &Event) -> bool {
    let state = |e: &Event| e.actor1.as_ref().is_none_or(|x| matches!(x.role, ActorRole::Military | ActorRole::Police));
    seizure.sub_event_type == SubEventType::LootingPropertyDestruction
        && arrest.sub_event_type == SubEventType::Arrests
        && seizure.actor1.is_some()
        && state(seizure)
        && state(arrest)
}

/// A mention that adds up several events: at an area, with a count of more
/// than one sortie, strike or target.
fn summary(e: &Event) -> bool {
    let area = e.location.as_ref().is_some_and(|l| l.place.kind.is_area());
    let counted =
        e.quantities.iter().any(|q| matches!(q.unit, Unit::Sorties | Unit::Strikes | Unit::Targets) && q.value > 1);
    area && counted
}

fn types_fit(a: SubEventType, b: SubEventType) -> bool {
    a == b || explosion_of(a, b) || explosion_of(b, a)
}

/// True when `bare` is an explosion that can be the suicide bombing `told`.
fn explosion_of(told: SubEventType, bare: SubEventType) -> bool {
    told == SubEventType::SuicideBomb && bare == SubEventType::RemoteExplosive
}

/// True when `killing` is a toll told without its means ("19 civilians
/// were killed in Eastern Ghouta", an attack by nobody the text names)
/// that can be the one `means` gives ("warplanes bombing Mesraba, killing
/// at least 19"): ACLED codes the incident once, by its means. The counts
/// must agree where both are given.
fn toll_of(killing: &Event, means: &Event) -> bool {
    killing.sub_event_type == SubEventType::Attack
        && (killing.actor1.is_none() || killing.rule.contains(crate::reading::UNNAMED))
        && means.sub_event_type.event_type() == EventType::ExplosionsRemoteViolence
        && killing.fatalities.is_some()
        && means.fatalities.is_none_or(|n| Some(n) == killing.fatalities)
}

fn days_fit(a: Option<EventDate>, b: Option<EventDate>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) if x.precision == DatePrecision::Day && y.precision == DatePrecision::Day => {
            x.days_apart(y) <= 1
        }
        (Some(x), Some(y)) => x.days_apart(y) <= 7,
        _ => true,
    }
}

fn places_fit(a: Option<&Location>, b: Option<&Location>) -> bool {
    let (Some(a), Some(b)) = (a, b) else { return true };
    let (p, q) = (&a.place, &b.place);
    if p.gazetteer_id == q.gazetteer_id {
        return true;
    }
    let within = |area: &sitrep_model::Place, other: &sitrep_model::Place| {
        reach(area.kind).is_some_and(|r| distance_km(area.point(), other.point()) <= r)
    };
    // A town near a city's quarter is a town of its own, not the city.
    let part_of_city = |n: &sitrep_model::Place, c: &sitrep_model::Place| {
        n.kind == PlaceKind::Neighbourhood
            && crate::quarter::is_city(c)
            && distance_km(n.point(), c.point()) <= NEIGHBOURHOOD_KM
    };
    within(p, q) || within(q, p) || part_of_city(p, q) || part_of_city(q, p)
}

/// The same party, or one unidentified and the other not a state's forces:
/// ACLED's unidentified armed group is a non-state actor, so a report's
/// "militants" are never the army it names in another sentence.
fn party_fits(a: Option<&Actor>, b: Option<&Actor>) -> bool {
    let state = |x: &Actor| matches!(x.role, ActorRole::Military | ActorRole::Police);
    match (a, b) {
        (Some(x), Some(y)) => x.code == y.code || (unidentified(x) && !state(y)) || (unidentified(y) && !state(x)),
        _ => true,
    }
}

/// An actor the text does not identify ("gunmen", "a suicide bomber"):
/// ACLED's unidentified armed group, code `…UAF`.
fn unidentified(a: &Actor) -> bool {
    a.code.as_str().ends_with("UAF")
}

/// Fold a protest and the arrest at it into a protest with intervention:
/// the protest's evidence and protesters, the arresting forces as actor2.
fn absorb_intervention(a: &mut Event, mut arrest: Event) {
    if a.sub_event_type != SubEventType::PeacefulProtest {
        std::mem::swap(a, &mut arrest);
    }
    let police = arrest.actor1.filter(|x| matches!(x.role, ActorRole::Military | ActorRole::Police));
    a.sub_event_type = SubEventType::ProtestWithIntervention;
    a.rule = format!("{}+{}", a.rule, INTERVENTION);
    a.actor2 = police.or(a.actor2.take());
    if a.location.is_none() {
        a.location = arrest.location;
    }
}

/// The rule suffix of a protest found to meet an arrest in its document.
pub const INTERVENTION: &str = "intervention";

/// Specificity rank of a location: lower is more specific.
fn rank(l: &Location) -> (u8, u8) {
    let kind = match l.place.kind {
        PlaceKind::Neighbourhood | PlaceKind::Facility | PlaceKind::Landform | PlaceKind::Water => 0,
        PlaceKind::PopulatedPlace => 1,
        PlaceKind::Admin2 => 2,
        PlaceKind::Admin1 => 3,
        PlaceKind::Region => 4,
        PlaceKind::Country => 5,
        PlaceKind::Continent => 6,
    };
    (kind, l.precision as u8)
}

/// Fold mention `b` into the event `a`.
fn absorb(a: &mut Event, b: Event) {
    if intervention_in(a, &b) || intervention_in(&b, a) {
        return absorb_intervention(a, b);
    }
    let by_means = explosion_of(b.sub_event_type, a.sub_event_type) || toll_of(a, &b);
    let better_place = match (&a.location, &b.location) {
        (None, Some(_)) => true,
        (Some(x), Some(y)) => rank(y) < rank(x),
        _ => false,
    };
    if better_place {
        a.location = b.location;
    }
    if b.date.is_some_and(|d| a.date.is_none_or(|k| d.precision < k.precision)) {
        a.date = b.date;
    }
    if by_means {
        a.sub_event_type = b.sub_event_type;
        a.cameo = b.cameo;
        a.rule = b.rule;
    }
    if a.actor1.as_ref().is_none_or(unidentified) && b.actor1.is_some() {
        a.actor1 = b.actor1;
    }
    a.actor2 = a.actor2.take().or(b.actor2);
    match (a.fatalities, b.fatalities) {
        (Some(x), Some(y)) if x != y => a.fatalities = Some(x.max(y)),
        (None, y) => a.fatalities = y,
        _ => {}
    }
    for q in b.quantities {
        if !a.quantities.contains(&q) {
            a.quantities.push(q);
        }
    }
}
