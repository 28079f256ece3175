//! The day of an event: the date its own clauses give, else its sentence's,
//! else the last date the report named before it, else the publication date
//! (week precision). Not every date of a sentence is the event's:
//!
//! - a reporting date dates the report, not the event: "the group said on
//!   Monday it carried out a bombing on Sunday" is Sunday's bombing; a
//!   reporting date dates the event only when no other date does;
//! - a date in a relative clause of place dates what happened there
//!   before: "air raids hit Tell Amra, where a market was bombed on 2
//!   May" are raids of the report's day;
//! - a date carried to a later sentence must be one the report is talking
//!   about: not one of a background sentence ([`crate::background`]), not the
//!   start of a period ("raids have grown heavier since the offensive began
//!   on 3 June"), and not a day more than [`STALE_DAYS`] before publication
//!   (history, named once: the next undated sentence is news again).

use sitrep_model::{mention::inside, DateMention, DatePrecision, EventDate, Span};

use crate::candidate::Candidate;
use crate::Scene;

/// Verbs of saying after which a date is the report's.
const REPORTING: &[&str] = &[
    "said",
    "says",
    "told",
    "reported",
    "announced",
    "stated",
    "claimed",
    "added",
    "confirmed",
    "declared",
    "noted",
    "warned",
];

/// Words that may stand between a reporting verb and its date.
const BEFORE_DATE: &[&str] = &["on", "late", "early", "this", "last"];

/// Days before publication after which a named day is history.
pub const STALE_DAYS: i64 = 7;

/// Words before a date (in its clause) that make it the start of a period.
const SINCE_WORDS: usize = 20;

/// The candidate's date (see the module doc).
pub(crate) fn date(scene: &Scene<'_>, cand: &Candidate, sentence: Span) -> Option<EventDate> {
    let doc = scene.input.doc;
    let text = doc.text.as_str();
    let dates = &scene.input.mentions.dates;
    let anchor = cand.anchor();
    let clause_of = |m: &DateMention| cand.spans.iter().find(|s| s.contains(m.span)).copied();
    // A relative clause of place holds its own event unless it holds ours.
    let own_clause = |m: &&DateMention| {
        clause_of(m).is_some_and(|c| !relative_of_place(text, Span::new(c.start.max(anchor.end), m.span.start)))
    };
    let own: Vec<&DateMention> =
        cand.spans.iter().flat_map(|s| inside(dates, *s, |m| m.span)).filter(own_clause).collect();
    let in_sentence: Vec<&DateMention> =
        inside(dates, sentence, |m| m.span).filter(|m| clause_of(m).is_none()).collect();
    let told = |m: &&&DateMention| !reporting(text, m.span);
    let pick = own
        .iter()
        .find(told)
        .or_else(|| in_sentence.iter().find(told))
        .or_else(|| own.first())
        .or_else(|| in_sentence.first())
        .copied();
    pick.or_else(|| carried(scene, sentence.start))
        .map(|m| m.date)
        .or_else(|| doc.published.map(|day| EventDate { day, precision: DatePrecision::Week }))
}

/// The last date named before `at` that a later sentence is still about.
fn carried<'a>(scene: &Scene<'a>, at: usize) -> Option<&'a DateMention> {
    let doc = scene.input.doc;
    let current = |m: &&DateMention| {
        let si = doc.sentence_at(m.span.start);
        let background = si.is_some_and(|i| scene.retrospective(i));
        let period = si.is_some_and(|i| period_start(&doc.text, doc.sentences[i].span, m.span));
        !background && !period && !stale(m.date, doc.published)
    };
    scene.input.mentions.dates.iter().rev().filter(|m| m.span.end <= at).find(current)
}

/// True when a day or week ("two weeks ago") lies more than
/// [`STALE_DAYS`] before publication.
#[must_use]
pub fn stale(date: EventDate, published: Option<chrono::NaiveDate>) -> bool {
    let short = matches!(date.precision, DatePrecision::Day | DatePrecision::Week);
    published.is_some_and(|p| short && (p - date.day).num_days() > STALE_DAYS)
}

/// True when the date at `span` follows a verb of saying, perhaps past one
/// of [`BEFORE_DATE`] ("said on Monday", "announced late Sunday"; not "told
/// reporters on Monday", whose verb is further back).
#[must_use]
pub fn reporting(text: &str, span: Span) -> bool {
    let before = text.get(..span.start).unwrap_or("");
    let mut words = before.split_whitespace().rev().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    let mut word = words.next().unwrap_or("");
    if BEFORE_DATE.iter().any(|b| word.eq_ignore_ascii_case(b)) {
        word = words.next().unwrap_or("");
    }
    REPORTING.iter().any(|r| word.eq_ignore_ascii_case(r))
}

/// True when `between` (the text from the event's trigger to a date) opens
/// a relative clause of place ("…, where a market was bombed on 2 May"):
/// the date is that clause's own event's.
fn relative_of_place(text: &str, between: Span) -> bool {
    let s = text.get(between.start..between.end).unwrap_or("");
    s.split(|c: char| !c.is_alphanumeric()).any(|w| w.eq_ignore_ascii_case("where"))
}

/// True when the date at `span` of `sentence` closes a "since" phrase: the
/// start of a period ("have grown heavier since the offensive began on 3
/// June"), at most [`SINCE_WORDS`] words back, in the same clause.
#[must_use]
pub fn period_start(text: &str, sentence: Span, span: Span) -> bool {
    let clause = crate::clause::clauses(text, sentence).into_iter().find(|c| c.contains(span));
    let Some(clause) = clause else { return false };
    let before = text.get(clause.start..span.start).unwrap_or("");
    before.split_whitespace().rev().take(SINCE_WORDS).any(|w| w.eq_ignore_ascii_case("since"))
}

/// True when a clause of the candidate tells a period that began more than
/// [`STALE_DAYS`] before publication ("raids have grown heavier since the
/// offensive began on 3 June"): a trend, not an event of the day.
pub(crate) fn since_long_ago(scene: &Scene<'_>, cand: &Candidate, sentence: Span) -> bool {
    let doc = scene.input.doc;
    cand.spans
        .iter()
        .flat_map(|s| inside(&scene.input.mentions.dates, *s, |m| m.span))
        .any(|m| stale(m.date, doc.published) && period_start(&doc.text, sentence, m.span))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span_of(text: &str, what: &str) -> Span {
        let at = text.find(what).unwrap_or(0);
        Span::new(at, at + what.len())
    }

    #[test]
    fn reporting_dates() {
        let t = "The group said on Monday it carried out a bombing on Sunday.";
        assert!(reporting(t, span_of(t, "Monday")));
        assert!(reporting(t, span_of(t, "on Monday")));
        assert!(!reporting(t, span_of(t, "Sunday")));
        let t = "Officials told reporters Monday that jets struck.";
        assert!(!reporting(t, span_of(t, "Monday")));
    }

    #[test]
    fn period_starts() {
        let t = "Raids have grown heavier since the rebels began an offensive from Tell Amra on 3 June.";
        assert!(period_start(t, Span::new(0, t.len()), span_of(t, "3 June")));
        let t = "Jets struck Tell Amra on 3 June.";
        assert!(!period_start(t, Span::new(0, t.len()), span_of(t, "3 June")));
        let t = "The town has been quiet since 2014, but jets struck it on Sunday.";
        assert!(!period_start(t, Span::new(0, t.len()), span_of(t, "Sunday")));
    }

    #[test]
    fn relative_clauses_of_place() {
        let t = "Raids hit Tell Amra where a market was bombed on 2 May.";
        let (hit, may) = (span_of(t, "hit"), span_of(t, "2 May"));
        assert!(relative_of_place(t, Span::new(hit.end, may.start)));
        let t = "Raids hit Tell Amra on 2 May.";
        let (hit, may) = (span_of(t, "hit"), span_of(t, "2 May"));
        assert!(!relative_of_place(t, Span::new(hit.end, may.start)));
    }
}
