//! An event before its location is known, and the counts of its sentence.

use sitrep_model::{
    mention::inside, Actor, Doc, Event, EventDate, EventId, Evidence, Location, Mentions, Modality, Quantity, Span,
    SubEventType, Unit,
};

/// Everything about an event but where.
#[derive(Debug, Clone)]
pub struct Proto {
    pub sub: SubEventType,
    /// The CAMEO code: the sub-event type's, refined by the weapon named.
    pub cameo: &'static str,
    pub actor1: Option<Actor>,
    pub actor2: Option<Actor>,
    pub date: Option<EventDate>,
    pub fatalities: Option<u32>,
    pub quantities: Vec<Quantity>,
    pub modality: Modality,
    pub attribution: Option<String>,
    pub evidence: Evidence,
    /// The rule's code, with what the reading added (`+actor1:unnamed`).
    pub rule: String,
}

impl Proto {
    /// The event at one location (or none).
    #[must_use]
    pub fn event(&self, doc: &Doc, location: Option<Location>) -> Event {
        Event {
            doc_id: doc.id.clone(),
            id: EventId::at(&doc.id, self.evidence.span, self.sub, location.as_ref()),
            date: self.date,
            sub_event_type: self.sub,
            cameo: self.cameo.to_owned(),
            actor1: self.actor1.clone(),
            actor2: self.actor2.clone(),
            location,
            fatalities: self.fatalities,
            quantities: self.quantities.clone(),
            modality: self.modality,
            attribution: self.attribution.clone(),
            evidence: self.evidence.clone(),
            rule: self.rule.clone(),
        }
    }
}

/// Words that name small arms: a clash with them is CAMEO 193, without 190.
const FIREARMS: &[&str] = &[
    "gun",
    "shot",
    "shoot",
    "sniper",
    "rifle",
    "firefight",
    "exchange of fire",
    "exchanged fire",
    "machine-gun",
    "machine gun",
    "small arms",
    "bullet",
    "gunfire",
    "opened fire",
];

/// Words of beating: an attack with them is CAMEO 182, without 180.
const BEATING: &[&str] = &["beat", "beaten", "beating", "tortur", "flogged", "whipped", "lashed"];

/// The CAMEO code of an event of type `sub` told in `evidence`
/// (`docs/ontology.md`: 193 for a clash with small arms, 190 when the weapon is
/// unknown; 182 for a beating, 180 for other attacks).
#[must_use]
pub fn cameo_for(sub: SubEventType, evidence: &str) -> &'static str {
    let l = evidence.to_ascii_lowercase();
    let names = |words: &[&str]| words.iter().any(|w| l.contains(w));
    match sub {
        SubEventType::ArmedClash if !names(FIREARMS) => "190",
        SubEventType::Attack if names(BEATING) => "182",
        other => other.cameo(),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cameo_refinements() {
        assert_eq!(cameo_for(SubEventType::ArmedClash, "Taliban snipers shot 2 soldiers"), "193");
        assert_eq!(cameo_for(SubEventType::ArmedClash, "Taliban attacked a checkpoint"), "190");
        assert_eq!(cameo_for(SubEventType::Attack, "Police beat a journalist"), "182");
        assert_eq!(cameo_for(SubEventType::Attack, "Gunmen killed a teacher"), "180");
        assert_eq!(cameo_for(SubEventType::AirDroneStrike, "jets struck"), "195");
    }
}
