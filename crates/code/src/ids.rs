//! Every event of a document has its own id. [`EventId::compute`] hashes the
//! document, the evidence span, the sub-event type and the place, and one
//! sentence can still yield two events that share all four: "IS and Boko
//! Haram fighters attacked the town" read once per attacker, or two
//! mentions that coreference kept apart for their different parties. The
//! store keys events by id, so a shared id stopped a whole ingest. The
//! first event keeps its id (ids already stored stay valid); each later
//! twin takes [`EventId::nth_twin`].

use std::collections::HashMap;

use sitrep_model::{Event, EventId};

/// Give each event whose id an earlier event of `events` holds an id of its
/// own, in order.
pub fn make_unique(events: &mut [Event]) {
    let mut seen: HashMap<EventId, usize> = HashMap::with_capacity(events.len());
    for e in events.iter_mut() {
        let base = e.id.clone();
        let count = seen.get(&base).copied().unwrap_or(0);
        if count == 0 {
            seen.insert(base, 1);
            continue;
        }
        let mut n = count;
        let mut id = base.nth_twin(n);
        while seen.contains_key(&id) {
            n += 1;
            id = base.nth_twin(n);
        }
        seen.insert(base, n + 1);
        seen.insert(id.clone(), 1);
        e.id = id;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_model::{DocId, Evidence, Modality, Span, SubEventType};

    #[test]
    fn twins_get_ids_of_their_own_and_the_first_keeps_its_id() {
        let id = EventId::compute(&DocId::new("d"), Span::new(0, 9), SubEventType::ArmedClash, None);
        let event = |id: &EventId| Event {
            id: id.clone(),
            doc_id: DocId::new("d"),
            date: None,
            sub_event_type: SubEventType::ArmedClash,
            cameo: SubEventType::ArmedClash.cameo().into(),
            actor1: None,
            actor2: None,
            location: None,
            fatalities: None,
            quantities: vec![],
            modality: Modality::Asserted,
            attribution: None,
            evidence: Evidence { text: "x".into(), span: Span::new(0, 9) },
            rule: "t".into(),
        };
        let mut events = vec![event(&id), event(&id), event(&id.nth_twin(1)), event(&id)];
        make_unique(&mut events);
        let ids: std::collections::HashSet<&EventId> = events.iter().map(|e| &e.id).collect();
        assert_eq!(ids.len(), 4, "{events:?}");
        assert_eq!(events[0].id, id);
        let mut again = vec![event(&id), event(&id), event(&id.nth_twin(1)), event(&id)];
        make_unique(&mut again);
        assert_eq!(events.iter().map(|e| &e.id).collect::<Vec<_>>(), again.iter().map(|e| &e.id).collect::<Vec<_>>());
    }
}
