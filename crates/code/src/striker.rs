//! An air strike told without its striker is by the air force the report
//! names as striking. Reports name the air force once ("the regime and its
//! Russian backers go on bombing the city") and then tell raid after raid
//! in the passive or by the strikes alone ("air raids hit Tell Amra"): the
//! raids are that air force's, as a reader takes them. Only when every air
//! strike the report attributes has one striker; two air forces named, or
//! none, leave the raid unattributed (ACLED's "Unidentified Military
//! Forces" is then the reader's call, not ours).
//!
//! A report whose air strikes name no striker but whose shelling is by one
//! state's forces ("two medics were killed in government shelling of the
//! town … there have been at least 45 air strikes today") tells that state's
//! bombardment: aircraft are a state's arm, so the raids are its forces'.

use sitrep_model::{Actor, ActorRole, Event, EventType, SubEventType};

/// Give each air strike without an acting party the report's one striker.
pub fn attribute(events: &mut [Event]) {
    let Some(striker) = striker(events) else { return };
    for e in events.iter_mut().filter(|e| e.sub_event_type == SubEventType::AirDroneStrike && e.actor1.is_none()) {
        e.actor1 = Some(striker.clone());
        e.rule.push_str("+actor:report");
    }
}

/// The acting party of the report's air strikes, when they name only one.
fn striker(events: &[Event]) -> Option<Actor> {
    let air = |e: &&Event| e.sub_event_type == SubEventType::AirDroneStrike;
    if events.iter().filter(air).any(|e| e.actor1.is_some()) {
        return only(events.iter().filter(air).filter_map(|e| e.actor1.as_ref()));
    }
    let remote = |e: &&Event| e.sub_event_type.event_type() == EventType::ExplosionsRemoteViolence;
    let state = only(events.iter().filter(remote).filter_map(|e| e.actor1.as_ref()))?;
    (state.role == ActorRole::Military).then_some(state)
}

/// The one party of `named`, if they are all the same.
fn only<'a>(mut named: impl Iterator<Item = &'a Actor>) -> Option<Actor> {
    let first = named.next()?;
    named.all(|a| a.code == first.code).then(|| first.clone())
}
