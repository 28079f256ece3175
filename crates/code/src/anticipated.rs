//! An event a sentence only expects is not part of the event it tells.
//!
//! "Militants sent reinforcements into the town in anticipation of a
//! fierce battle": the reinforcements arrived; the battle is expected. A
//! trigger inside a frame that puts it ahead ("in anticipation of", "ahead
//! of", "in preparation for", the phrases of `modality::AHEAD`) after an
//! earlier trigger of the sentence is dropped from the candidate, so the
//! expected battle does not make the movement of forces a clash. So is a
//! later trigger that is an infinitive of aim ("civilians were killed as
//! the regime stepped up its campaign to retake the stronghold": the
//! killing happened, the retaking is what the campaign is for, so the
//! event is no territorial gain; `modality::infinitive`). A trigger that is
//! the sentence's first keeps its planned modality as before.

use sitrep_model::Span;

use crate::triggers::TriggerHit;

/// `hits` of `sentence` without the later triggers that are only expected.
#[must_use]
pub fn without_expected(text: &str, sentence: Span, hits: Vec<TriggerHit>) -> Vec<TriggerHit> {
    let first = hits.first().map(|h| h.span.start);
    hits.into_iter()
        .filter(|h| {
            Some(h.span.start) == first
                || text
                    .get(sentence.start..h.span.start)
                    .is_none_or(|before| !crate::modality::ahead(before) && !crate::modality::infinitive(before))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::triggers::{TriggerKind, Triggers};

    fn kinds(text: &str) -> Vec<TriggerKind> {
        let t = Triggers::new().expect("lexicon compiles");
        let all = Span::new(0, text.len());
        without_expected(text, all, t.find(text, all)).iter().map(|h| h.kind).collect()
    }

    #[test]
    fn expected_events_are_dropped_after_the_told_one() {
        use TriggerKind as K;
        assert_eq!(kinds("Troops deployed to the town ahead of a battle."), [K::Posture]);
        assert_eq!(kinds("Ahead of the battle, rebels shelled the town."), [K::Clash, K::Shelling]);
        assert_eq!(kinds("Rebels shelled the town and clashed with troops."), [K::Shelling, K::Clash]);
        assert_eq!(kinds("Two were killed as troops pressed their push to retake the town."), [K::Kill]);
        assert_eq!(kinds("Rebels shelled the town and began to storm it."), [K::Shelling, K::Capture]);
    }
}
