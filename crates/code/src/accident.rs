//! Deaths and injuries by accident or disaster are no political violence.
//!
//! ACLED's codebook codes the use of force by a group, or against one, for
//! a political purpose; road crashes, collisions, floods, earthquakes,
//! storms, drownings and lightning are none of it, whoever dies. A generic
//! trigger (killed, died, injured, hit, struck) whose cause is such an
//! accident is dropped: the cause follows it after "in", "by", "during",
//! "from" or "after" ("killed in a car crash", "lost their lives in motor
//! vehicle crashes", "struck by a car"), or is its subject ("floods killed
//! 12"). A sentence that also holds a trigger of a specific kind keeps them
//! all ("killed when their vehicle hit a roadside bomb"), and so does one
//! where the accident is only the setting ("gunmen killed three people
//! fleeing the floods").

use sitrep_model::Span;

use crate::triggers::{TriggerHit, TriggerKind};
use crate::words::one_of;

/// Accidents and disasters, as the word that names them.
const CAUSES: &[&str] = &[
    "crash",
    "crashes",
    "collision",
    "collisions",
    "accident",
    "accidents",
    "flood",
    "floods",
    "flooding",
    "earthquake",
    "earthquakes",
    "quake",
    "landslide",
    "landslides",
    "mudslide",
    "avalanche",
    "storm",
    "storms",
    "cyclone",
    "hurricane",
    "typhoon",
    "tornado",
    "lightning",
    "drowning",
    "heatwave",
];

/// What strikes a person by accident: right after "by" and an article,
/// as the agent of a generic attack verb ("struck by a car", "hit by a
/// truck"; not "injured by a truck trying to escape the blockade", which
/// may be deliberate, nor "shot by motorcycle-riding assailants").
const VEHICLES: &[&str] = &["car", "vehicle", "truck", "lorry", "bus", "train", "motorcycle"];

/// Words that open a trigger's cause after it.
const CAUSE_OPENERS: &[&str] = &["in", "by", "during", "from", "after"];

/// How many words after the trigger the opener is looked for, and after
/// the opener the cause; how many words before it a subject cause stands.
const OPENER_WORDS: usize = 4;
const CAUSE_WORDS: usize = 4;
const SUBJECT_WORDS: usize = 4;

/// `hits` of one sentence without the generic triggers caused by an
/// accident, unless the sentence holds a trigger of a specific kind.
#[must_use]
pub fn without_accidents(text: &str, sentence: Span, hits: Vec<TriggerHit>) -> Vec<TriggerHit> {
    if hits.is_empty() || hits.iter().any(|h| !h.kind.is_generic()) {
        return hits;
    }
    hits.into_iter().filter(|h| !caused_by_accident(text, sentence, h)).collect()
}

/// True when an accident is the cause of the trigger `hit`.
fn caused_by_accident(text: &str, sentence: Span, hit: &TriggerHit) -> bool {
    let after = words(text.get(hit.span.end..sentence.end).unwrap_or(""));
    let before = words(text.get(sentence.start..hit.span.start).unwrap_or(""));
    let named_after = after.iter().take(OPENER_WORDS + 1).position(|w| one_of(w, CAUSE_OPENERS)).is_some_and(|at| {
        let cause = after.iter().skip(at + 1).take(CAUSE_WORDS).any(|w| one_of(w, CAUSES));
        let agent = after.iter().skip(at + 1).find(|w| !one_of(w, &["a", "an", "the"]));
        let vehicle = hit.kind == TriggerKind::Attack
            && after[at].eq_ignore_ascii_case("by")
            && agent.is_some_and(|w| one_of(w, VEHICLES));
        cause || vehicle
    });
    named_after || before.iter().rev().take(SUBJECT_WORDS).any(|w| one_of(w, CAUSES))
}

/// The words of `text`: runs of letters.
fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::triggers::Triggers;

    /// (sentence, whether an accident takes its triggers away)
    const CASES: &[(&str, bool)] = &[
        ("Three people were killed in a car crash near Kunduz on Monday, police said.", true),
        ("851 people lost their lives in motor vehicle crashes during the holiday.", true),
        ("Floods killed 12 people in Kandahar province on Tuesday.", true),
        ("A man was struck by a car as he fled the scene.", true),
        ("Two workers were killed after a landslide buried the mine.", true),
        ("Two soldiers were killed when their vehicle hit a roadside bomb in Kandahar.", false),
        ("Gunmen killed three people fleeing the floods in Swat.", false),
        ("Militants attacked a police post in Kunduz, killing four officers.", false),
        ("Three civilians were killed by a car bomb in Mogadishu.", false),
        ("Soldiers killed two insurgents during a raid in Helmand.", false),
        ("A suspected thief was beaten up by locals inside a bus terminal.", false),
        ("A reporter was shot dead by unidentified motorcycle-riding assailants.", false),
        ("One woman got injured by a truck that was trying to escape the blockade.", false),
    ];

    #[test]
    fn accidents_are_no_events() {
        let triggers = Triggers::new().expect("the lexicon compiles");
        for (text, accident) in CASES {
            let sentence = Span::new(0, text.len());
            let hits = triggers.find(text, sentence);
            assert!(!hits.is_empty(), "{text}: no trigger to begin with");
            let kept = without_accidents(text, sentence, hits.clone());
            assert_eq!(kept.is_empty(), *accident, "{text}: {hits:?} -> {kept:?}");
        }
    }
}
