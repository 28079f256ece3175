//! The setting of an event is not part of it. "Regime forces brought in
//! military reinforcements, likely in connection to the ongoing clashes";
//! "Houthi reinforcements arrived on the frontlines as battles continue";
//! "Saudi forces deployed in the context of recent fighting": the
//! movement is the news, the fighting is its backdrop, told elsewhere. A
//! later trigger in a frame of setting ("in connection to", "in the
//! context of", "amid", "the ongoing …", "… continue") after an earlier
//! trigger of the sentence is dropped, so the backdrop does not make the
//! movement a battle. The codebook codes reinforcements as a change to
//! group activity; the fighting they join is coded on its own days.

use sitrep_model::Span;

use crate::triggers::TriggerHit;
use crate::words::ends_with_ci;

/// Words right before the trigger that make it a setting.
const FRAMES: &[&str] = &[
    "in connection to the",
    "in connection with the",
    "in the context of",
    "amid",
    "amidst",
    "amid the",
    "ongoing",
    "continuing",
];

/// Verbs right after the trigger that make it ongoing ("as battles continue").
const ONGOING: &[&str] = &["continue", "continues", "continued", "rage", "rages", "raged"];

/// `hits` of `sentence` without the later triggers that only set the scene.
#[must_use]
pub fn without_setting(text: &str, sentence: Span, hits: Vec<TriggerHit>) -> Vec<TriggerHit> {
    let first = hits.first().map(|h| h.span.start);
    hits.into_iter().filter(|h| Some(h.span.start) == first || !setting(text, sentence, h.span)).collect()
}

fn setting(text: &str, sentence: Span, span: Span) -> bool {
    let before = text.get(sentence.start..span.start).unwrap_or("").trim_end();
    let modifier = |b: &str| FRAMES.iter().any(|f| ends_with_ci(b, f) && b[..b.len() - f.len()].ends_with([' ', ',']));
    // One adjective may stand between: "amid heavy fighting", "the ongoing fierce clashes".
    let trimmed = before.rsplit_once(' ').map_or("", |(head, _)| head);
    let after = text.get(span.end..sentence.end).unwrap_or("");
    let next = after.split_whitespace().next().unwrap_or("").trim_matches(|c: char| !c.is_alphanumeric());
    modifier(before) || modifier(trimmed) || ONGOING.iter().any(|v| next.eq_ignore_ascii_case(v))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::triggers::{TriggerKind, Triggers};

    fn kinds(text: &str) -> Vec<TriggerKind> {
        let t = Triggers::new().expect("lexicon compiles");
        let all = Span::new(0, text.len());
        without_setting(text, all, t.find(text, all)).iter().map(|h| h.kind).collect()
    }

    #[test]
    fn settings_are_dropped_after_the_told_event() {
        use TriggerKind as K;
        let t = "Regime forces brought in military reinforcements, likely in connection to the ongoing clashes.";
        assert_eq!(kinds(t), [K::Posture]);
        assert_eq!(kinds("Reinforcements arrived on the frontlines as battles continue."), [K::Posture]);
        assert_eq!(kinds("Amid heavy fighting, troops shelled the town."), [K::Clash, K::Shelling]);
        assert_eq!(kinds("Troops shelled the town and clashed with rebels."), [K::Shelling, K::Clash]);
    }
}
