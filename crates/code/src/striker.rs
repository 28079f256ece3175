//! An air strike told without its striker is by the air force the report
//! names as striking. Reports name the air force once ("the regime and its
//! Russian backers go on bombing the city") and then tell raid after raid
//! in the passive or by the strikes alone ("air raids hit Tell Amra"): the
//! raids are that air force's, as a reader takes them. Only when every air
//! strike the report attributes has one striker; two air forces named, or
//! none, leave the raid unattributed (ACLED's "Unidentified Military
//! Forces" is then the reader's call, not ours).

use sitrep_model::{Actor, Event, SubEventType};

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
    let mut named =
        events.iter().filter(|e| e.sub_event_type == SubEventType::AirDroneStrike).filter_map(|e| e.actor1.as_ref());
    let first = named.next()?;
    named.all(|a| a.code == first.code).then(|| first.clone())
}
