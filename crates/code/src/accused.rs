//! What a person is accused of is no event of the report. A trigger noun
//! that premodifies "suspect" ("a drug and kidnapping suspect", "two murder
//! suspects", "a robbery gang leader") names the crime the person is
//! wanted for, as a noun compound's modifier says what kind of thing its
//! head is; and a trigger after "accused of", "charged with", "convicted
//! of" or "wanted for" is the charge. Neither is an act of the day, so
//! neither gives the sentence its type: "a kidnapping suspect was killed
//! during a police raid" is the killing, not an abduction.

use sitrep_model::Span;

use crate::triggers::TriggerHit;
use crate::words::ends_with_ci;

/// Heads that make the trigger before them a charge.
const HEADS: &[&str] = &["suspect", "suspects", "convict", "convicts", "charges", "gang"];

/// Frames that put the trigger after them as a charge.
const FRAMES: &[&str] = &["accused of", "charged with", "convicted of", "wanted for", "charges of", "suspected of"];

/// `hits` of `sentence` without the charges.
#[must_use]
pub fn without_charges(text: &str, sentence: Span, hits: Vec<TriggerHit>) -> Vec<TriggerHit> {
    hits.into_iter().filter(|h| !charge(text, sentence, h.span)).collect()
}

fn charge(text: &str, sentence: Span, span: Span) -> bool {
    let after = text.get(span.end..sentence.end).unwrap_or("");
    let next = after.strip_prefix(' ').and_then(|r| r.split(|c: char| !c.is_alphanumeric()).next()).unwrap_or("");
    let before = text.get(sentence.start..span.start).unwrap_or("").trim_end();
    let article = before.strip_suffix(" a").or_else(|| before.strip_suffix(" A")).unwrap_or(before);
    let framed = FRAMES.iter().any(|f| ends_with_ci(before, f) || ends_with_ci(article, f));
    HEADS.iter().any(|h| next.eq_ignore_ascii_case(h)) || framed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::triggers::{TriggerKind, Triggers};

    fn kinds(text: &str) -> Vec<TriggerKind> {
        let t = Triggers::new().expect("lexicon compiles");
        let all = Span::new(0, text.len());
        without_charges(text, all, t.find(text, all)).iter().map(|h| h.kind).collect()
    }

    #[test]
    fn charges_are_no_events() {
        use TriggerKind as K;
        assert_eq!(kinds("A drug and kidnapping suspect was killed during a police raid."), [K::Kill, K::Attack]);
        assert_eq!(kinds("Police arrested a man accused of killing a trader."), [K::Arrest]);
        assert_eq!(kinds("Gunmen kidnapped a trader."), [K::Abduct]);
    }
}
