//! Background is not news: a sentence about a war's history or context
//! ("The country has been locked in a civil war since 2011", "Last year the
//! group seized the province", "In recent months the rebels have allied
//! with …") tells no event of the report's day, and is never coded as one.
//!
//! English marks such sentences in two ways, and this rule reads both:
//! - a durative or retrospective adverbial: "since" with a year or the
//!   start of the war, "last year", "years ago", "in recent months", "over
//!   the past years", "once", or the perfect of a state ("has been locked",
//!   "have been divided");
//! - a date of the candidate's own clauses that is vague (a month or a year)
//!   and more than a month before publication ("in 2013", "In March" in an
//!   April report). A past day ("on 19 September") still dates an event: it
//!   is coded, with that date.

use sitrep_model::{mention::inside, DateMention, DatePrecision, Span};

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use chrono::NaiveDate;

/// Phrases that set a sentence in the past of the war, not on its day.
const RETROSPECTIVE: &[&[&str]] = &[
    &["last", "year"],
    &["years", "ago"],
    &["months", "ago"],
    &["in", "recent", "months"],
    &["in", "recent", "years"],
    &["over", "the", "past", "years"],
    &["over", "the", "past", "few", "years"],
    &["in", "the", "past", "years"],
    &["in", "the", "past", "few", "years"],
    &["has", "been", "locked"],
    &["have", "been", "locked"],
    &["has", "been", "divided"],
    &["have", "been", "divided"],
    &["since", "the", "start"],
    &["since", "the", "beginning"],
    &["since", "the", "outbreak"],
    &["have", "included"],
    &["has", "included"],
    &["in", "the", "last", "few", "days"],
    &["in", "the", "past", "few", "days"],
    &["over", "the", "past", "few", "days"],
    &["in", "recent", "days"],
    &["in", "various", "areas"],
];

/// Words that may stand between "since" and its year ("since early 2011",
/// "since March 2011", "since shortly after …").
const SINCE_GAP: usize = 6;

/// How many days before publication a vague date (month or year) makes its
/// clause background.
const VAGUE_PAST_DAYS: i64 = 31;

/// Adverbs that put the act right after them before the report's day
/// ("groups that recently launched an offensive"), at no date a reader can
/// code.
const RECENT: &[&str] = &["recently", "lately"];

/// True when one of the [`RECENT`] adverbs stands among the three words
/// right before a candidate's first trigger (`before` is the text up to it).
#[must_use]
pub fn recent_past(before: &str) -> bool {
    let words = before.rsplit(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).take(3);
    words.into_iter().any(|w| RECENT.iter().any(|r| w.eq_ignore_ascii_case(r)))
}

/// True when the sentence `text` reads as background by its wording.
#[must_use]
pub fn retrospective(text: &str) -> bool {
    let phrase = PHRASES
        .as_ref()
        .is_some_and(|ac| ac.find_overlapping_iter(text).any(|m| whole_words(text, m.start(), m.end())));
    phrase || {
        let words: Vec<&str> = text.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).collect();
        since_year(&words) || for_years(&words)
    }
}

/// [`RETROSPECTIVE`] as one automaton over the text, the words of each
/// phrase joined by a space, so that a sentence is scanned once (a
/// constant table cannot fail to build).
static PHRASES: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    let phrases: Vec<String> = RETROSPECTIVE.iter().map(|p| p.join(" ")).collect();
    AhoCorasick::builder().ascii_case_insensitive(true).build(phrases).ok()
});

/// True when `text[start..end]` neither begins nor ends inside a word.
fn whole_words(text: &str, start: usize, end: usize) -> bool {
    let b = text.as_bytes();
    let outside = |i: usize| b.get(i).is_none_or(|c| !c.is_ascii_alphanumeric());
    (start == 0 || outside(start - 1)) && outside(end)
}

/// "for" followed within a few words by a span of years or months ("for
/// nearly a year", "for more than two years", "for months").
fn for_years(words: &[&str]) -> bool {
    const SPANS: &[&str] = &["year", "years", "months", "decade", "decades"];
    words
        .iter()
        .enumerate()
        .filter(|(_, w)| w.eq_ignore_ascii_case("for"))
        .any(|(i, _)| words[i + 1..].iter().take(4).any(|w| SPANS.iter().any(|s| w.eq_ignore_ascii_case(s))))
}

/// "since" followed within a few words by a year ("since early 2011").
fn since_year(words: &[&str]) -> bool {
    words.iter().enumerate().filter(|(_, w)| w.eq_ignore_ascii_case("since")).any(|(i, _)| {
        words[i + 1..].iter().take(SINCE_GAP).any(|w| w.len() == 4 && (w.starts_with("19") || w.starts_with("20")))
    })
}

/// True when a clause of `spans` holds a vague date more than a month before
/// `published` ("in 2013", "In March" in an April report).
#[must_use]
pub fn dated_past(dates: &[DateMention], spans: &[Span], published: Option<NaiveDate>) -> bool {
    let Some(published) = published else { return false };
    spans.iter().any(|s| {
        inside(dates, *s, |m| m.span).any(|m| {
            let vague = matches!(m.date.precision, DatePrecision::Month | DatePrecision::Year);
            vague && (published - m.date.day).num_days() > VAGUE_PAST_DAYS
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_model::EventDate;

    #[test]
    fn retrospective_sentences() {
        let yes = [
            "The country has been locked in a bitter war since early 2011, when protests were crushed.",
            "Last year the militia seized the provincial capital.",
            "In recent months the group has allied with other factions to win territory.",
            "The city has been divided between the two sides since shortly after fighting began in mid-2012.",
            "Since the start of the war more than 10,000 people have been killed in the province.",
            "Its air force has been bombing the rebels for nearly a year.",
        ];
        let no = [
            "Warplanes struck the town on Sunday, killing 12 people.",
            "Drones have been in the sky since Sunday morning, a witness said.",
            "The bombardment had not stopped since early Saturday.",
            "Rebels shelled the district, the deadliest attack this week.",
            "It was the first air raid on the village for the first time in two years.",
        ];
        for s in yes {
            assert!(retrospective(s), "{s}");
        }
        for s in no {
            assert!(!retrospective(s), "{s}");
        }
    }

    #[test]
    fn recent_past_acts() {
        assert!(recent_past("where several groups recently "));
        assert!(recent_past("The militia has lately been "));
        assert!(!recent_past("Rebels, who recently took the town, then "), "too far before the trigger");
        assert!(!recent_past("Jets "));
    }

    #[test]
    fn vague_past_dates() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
        let mention = |at: usize, date: NaiveDate, precision| DateMention {
            span: Span::new(at, at + 5),
            date: EventDate { day: date, precision },
            relative: false,
        };
        let published = Some(day(2017, 4, 16));
        let clause = [Span::new(0, 40)];
        let march = [mention(3, day(2017, 3, 1), DatePrecision::Month)];
        assert!(dated_past(&march, &clause, published));
        let april = [mention(3, day(2017, 4, 1), DatePrecision::Month)];
        assert!(!dated_past(&april, &clause, published), "this month is news");
        let past_day = [mention(3, day(2017, 3, 1), DatePrecision::Day)];
        assert!(!dated_past(&past_day, &clause, published), "a past day dates an event");
        let elsewhere = [mention(50, day(2013, 1, 1), DatePrecision::Year)];
        assert!(!dated_past(&elsewhere, &clause, published), "not in the clause");
        assert!(!dated_past(&march, &clause, None));
    }
}
