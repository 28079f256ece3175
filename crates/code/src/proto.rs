//! An event before its location is known, and the counts of its sentence.

use sitrep_model::{mention::inside, Actor, Doc, Event, EventDate, EventId, Evidence, Location, Mentions, Modality, Quantity, Span, SubEventType, Unit};

/// Everything about an event but where.
#[derive(Debug, Clone)]
pub struct Proto {
    pub sub: SubEventType,
    pub actor1: Option<Actor>,
    pub actor2: Option<Actor>,
    pub date: Option<EventDate>,
    pub fatalities: Option<u32>,
    pub quantities: Vec<Quantity>,
    pub modality: Modality,
    pub attribution: Option<String>,
    pub evidence: Evidence,
    pub rule: &'static str,
}

impl Proto {
    /// The event at one location (or none).
    #[must_use]
    pub fn event(&self, doc: &Doc, location: Option<Location>) -> Event {
        let gid = location.as_ref().map(|l| l.place.gazetteer_id.as_str().to_owned());
        Event {
            doc_id: doc.id.clone(),
            id: EventId::compute(&doc.id, self.evidence.span, self.sub, gid.as_deref()),
            date: self.date,
            sub_event_type: self.sub,
            cameo: self.sub.cameo().to_owned(),
            actor1: self.actor1.clone(),
            actor2: self.actor2.clone(),
            location,
            fatalities: self.fatalities,
            quantities: self.quantities.clone(),
            modality: self.modality,
            attribution: self.attribution.clone(),
            evidence: self.evidence.clone(),
            rule: self.rule.to_owned(),
        }
    }
}

/// Fatalities (the sum of "killed" counts outside brackets) and the other
/// counted quantities of a sentence.
#[must_use]
pub fn counts(text: &str, mentions: &Mentions, sentence: Span) -> (Option<u32>, Vec<Quantity>) {
    let mut killed: Option<u32> = None;
    let mut others = Vec::new();
    for q in inside(&mentions.quantities, sentence, |m| m.span) {
        match q.quantity.unit {
            Unit::Killed if !in_brackets(text, sentence, q.span) => {
                killed = Some(killed.unwrap_or(0).saturating_add(q.quantity.value));
            }
            Unit::Killed | Unit::People => {}
            _ => others.push(q.quantity.clone()),
        }
    }
    (killed, others)
}

/// True when `span` sits inside round brackets within the sentence ("3
/// policemen (2 according to Taliban sources)").
fn in_brackets(text: &str, sentence: Span, span: Span) -> bool {
    let before = &text[sentence.start..span.start];
    before.rfind('(').is_some_and(|open| before.rfind(')').is_none_or(|close| close < open))
}
