//! Finding a full calendar date (with its year) in a header line or a
//! dateline: "January 21, 2016", "21 January 2016", "Jan. 21, 2016",
//! "Wed 05 Apr 2017", "Thursday, April 7 2016", "2016-01-21", "08.04.2017".
//!
//! Only dates with a year count: a header date is the publication date, and
//! "Jan. 20" inside a sentence is an event date for the recognisers.
//! Numeric day-month forms are read day first ("08.04.2017" is 8 April), as
//! the outlets that print them do.
//!
//! Read by hand; the grammar is that of the expression kept in the tests as
//! the oracle (`(?i)\b WEEKDAY? (MONTH DAY, YEAR | DAY MONTH YEAR |
//! YEAR-MM-DD | DD.MM.YEAR) (?:[^\d]|$)`, leftmost-first, searched again
//! after a match that is no real day), whose compiled form cost more than
//! cleaning a few hundred documents. Every choice in it but the weekday is
//! settled by the next character, so the parser tries the weekday and
//! otherwise reads straight on.

use std::ops::Range;

use chrono::NaiveDate;

use crate::charclass::{ascii_word_boundary, is_digit, prefix_ci, space_len};

/// Month names and abbreviations, a longer form before its prefix.
const MONTHS: &[&str] = &[
    "january",
    "jan",
    "february",
    "feb",
    "march",
    "mar",
    "april",
    "apr",
    "may",
    "june",
    "jun",
    "july",
    "jul",
    "august",
    "aug",
    "september",
    "sept",
    "sep",
    "october",
    "oct",
    "november",
    "nov",
    "december",
    "dec",
];
const WEEKDAYS: &[&str] = &["mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"];
const WEEKDAY_ENDINGS: &[&str] = &["day", "nesday", "sday", "rsday", "urday", ""];
const ORDINALS: &[&str] = &["st", "nd", "rd", "th"];

/// A date found in text: the day and where it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    pub date: NaiveDate,
    pub range: Range<usize>,
}

/// A date as written, before it is checked to be a real day.
#[derive(Debug)]
struct Written<'a> {
    year: &'a str,
    month: Month<'a>,
    day: &'a str,
    /// Where the year ends (the end of the date).
    year_end: usize,
    /// Where the match ends: one character after the year, unless the text
    /// ends there.
    end: usize,
}

#[derive(Debug)]
enum Month<'a> {
    Name(&'a str),
    Number(&'a str),
}

/// The first full date in `text` that is a real day.
pub(crate) fn find(text: &str) -> Option<Found> {
    // Every year is written "19.." or "20..": text without either has no date.
    let bytes = text.as_bytes();
    if memchr::memmem::find(bytes, b"19").is_none() && memchr::memmem::find(bytes, b"20").is_none() {
        return None;
    }
    let mut from = 0;
    while let Some((start, written)) = next_written(text, from) {
        if let Some(date) = written.date() {
            return Some(Found { date, range: start..written.year_end });
        }
        from = written.end;
    }
    None
}

/// The leftmost date as written at or after `from`.
fn next_written(text: &str, from: usize) -> Option<(usize, Written<'_>)> {
    text[from..].char_indices().map(|(i, _)| from + i).find_map(|i| {
        let first = text[i..].chars().next()?;
        // A digit, or the initial of a weekday or a month.
        let may_start = is_digit(first) || opens_with_one_of(&text[i..], "adfjmnostw");
        (may_start && ascii_word_boundary(text, i)).then(|| written_at(text, i)).flatten().map(|w| (i, w))
    })
}

/// A date starting at `at`, with a weekday before it or without.
fn written_at(text: &str, at: usize) -> Option<Written<'_>> {
    let after_weekday = weekday(&text[at..]).map(|n| at + n);
    after_weekday.and_then(|j| forms(text, j)).or_else(|| forms(text, at))
}

/// `(?:mon|tue|…)(?:day|nesday|…)?\.?,?\s+`: the bytes it takes.
fn weekday(s: &str) -> Option<usize> {
    if !opens_with_one_of(s, "mtwfs") {
        return None;
    }
    WEEKDAYS.iter().find_map(|name| {
        let base = prefix_ci(s, name)?;
        WEEKDAY_ENDINGS.iter().find_map(|ending| {
            let mut at = base + prefix_ci(&s[base..], ending)?;
            at += usize::from(s[at..].starts_with('.'));
            at += usize::from(s[at..].starts_with(','));
            let spaces = space_len(&s[at..]);
            (spaces > 0).then_some(at + spaces)
        })
    })
}

/// The four forms, in the order tried.
fn forms(text: &str, at: usize) -> Option<Written<'_>> {
    month_day_year(text, at)
        .or_else(|| day_month_year(text, at))
        .or_else(|| iso(text, at))
        .or_else(|| numeric(text, at))
}

/// `MONTH\s+\d{1,2}(?:st|nd|rd|th)?,?\s+YEAR`
fn month_day_year(text: &str, at: usize) -> Option<Written<'_>> {
    let month = month(&text[at..])?;
    let mut i = at + month;
    i += spaces(&text[i..])?;
    let day = digits(&text[i..], 2)?;
    let day_text = &text[i..i + day];
    i += day + ordinal(&text[i + day..]);
    i += usize::from(text[i..].starts_with(','));
    i += spaces(&text[i..])?;
    year_at(text, i, day_text, Month::Name(&text[at..at + month]))
}

/// `\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?MONTH,?\s+YEAR`
fn day_month_year(text: &str, at: usize) -> Option<Written<'_>> {
    let day = digits(&text[at..], 2)?;
    let mut i = at + day + ordinal(&text[at + day..]);
    i += spaces(&text[i..])?;
    if let Some(of) = prefix_ci(&text[i..], "of").and_then(|n| spaces(&text[i + n..]).map(|s| n + s)) {
        i += of;
    }
    let month = month(&text[i..])?;
    let month_text = &text[i..i + month];
    i += month;
    i += usize::from(text[i..].starts_with(','));
    i += spaces(&text[i..])?;
    year_at(text, i, &text[at..at + day], Month::Name(month_text))
}

/// `YEAR-\d{1,2}-\d{1,2}` and the end.
fn iso(text: &str, at: usize) -> Option<Written<'_>> {
    let year = year(&text[at..])?;
    let mut i = at + year;
    i += dash(&text[i..])?;
    let month = digits(&text[i..], 2)?;
    let month_text = &text[i..i + month];
    i += month;
    i += dash(&text[i..])?;
    let day = digits(&text[i..], 2)?;
    let end = ends_date(text, i + day)?;
    Some(Written {
        year: &text[at..at + year],
        month: Month::Number(month_text),
        day: &text[i..i + day],
        year_end: i + day,
        end,
    })
}

/// `\d{1,2}[./-]\d{1,2}[./-]YEAR`
fn numeric(text: &str, at: usize) -> Option<Written<'_>> {
    let day = digits(&text[at..], 2)?;
    let mut i = at + day + separator(&text[at + day..])?;
    let month = digits(&text[i..], 2)?;
    let month_text = &text[i..i + month];
    i += month;
    i += separator(&text[i..])?;
    year_at(text, i, &text[at..at + day], Month::Number(month_text))
}

/// A year at `at` and the end of the date after it.
fn year_at<'a>(text: &'a str, at: usize, day: &'a str, month: Month<'a>) -> Option<Written<'a>> {
    let year = year(&text[at..])?;
    let end = ends_date(text, at + year)?;
    Some(Written { year: &text[at..at + year], month, day, year_end: at + year, end })
}

/// `(?:19|20)\d{2}`
fn year(s: &str) -> Option<usize> {
    if !(s.starts_with("19") || s.starts_with("20")) {
        return None;
    }
    let rest: usize = s[2..].chars().take(2).take_while(|&c| is_digit(c)).map(char::len_utf8).sum();
    (s[2..2 + rest].chars().count() == 2).then_some(2 + rest)
}

/// `(?:[^\d]|$)` at `at`: where the match ends.
fn ends_date(text: &str, at: usize) -> Option<usize> {
    match text[at..].chars().next() {
        None => Some(at),
        Some(c) if !is_digit(c) => Some(at + c.len_utf8()),
        Some(_) => None,
    }
}

/// The first month name that opens `s`, with its full stop.
fn month(s: &str) -> Option<usize> {
    if !opens_with_one_of(s, "jfmasond") {
        return None;
    }
    let name = MONTHS.iter().find_map(|m| prefix_ci(s, m))?;
    Some(name + usize::from(s[name..].starts_with('.')))
}

/// Whether `s` opens with one of the ASCII letters `initials` (or with
/// `ſ`, which `(?i)` reads as `s`): a quick test before a list of names.
fn opens_with_one_of(s: &str, initials: &str) -> bool {
    match s.chars().next() {
        Some('ſ') => initials.contains('s'),
        Some(c) => c.is_ascii_alphabetic() && initials.contains(c.to_ascii_lowercase()),
        None => false,
    }
}

/// `\d{1,2}`: the bytes of one or two decimal digits.
fn digits(s: &str, max: usize) -> Option<usize> {
    let n: usize = s.chars().take(max).take_while(|&c| is_digit(c)).map(char::len_utf8).sum();
    (n > 0).then_some(n)
}

/// `(?:st|nd|rd|th)?`
fn ordinal(s: &str) -> usize {
    ORDINALS.iter().find_map(|o| prefix_ci(s, o)).unwrap_or(0)
}

/// `\s+`
fn spaces(s: &str) -> Option<usize> {
    Some(space_len(s)).filter(|&n| n > 0)
}

/// `-`
fn dash(s: &str) -> Option<usize> {
    s.starts_with('-').then_some(1)
}

/// `[./-]`
fn separator(s: &str) -> Option<usize> {
    s.starts_with(['.', '/', '-']).then_some(1)
}

impl Written<'_> {
    /// The day, when the text names a real one.
    fn date(&self) -> Option<NaiveDate> {
        let month = match self.month {
            Month::Name(name) => month_number(name)?,
            Month::Number(n) => n.parse().ok()?,
        };
        let year = self.year.parse().ok()?;
        NaiveDate::from_ymd_opt(year, month, self.day.parse().ok()?)
    }
}

fn month_number(name: &str) -> Option<u32> {
    const PREFIXES: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let prefix = name.get(..3)?.to_ascii_lowercase();
    PREFIXES.iter().position(|m| *m == prefix).and_then(|i| u32::try_from(i + 1).ok())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use std::sync::LazyLock;

    use proptest::prelude::*;
    use regex::{Captures, Regex};

    use super::*;

    /// The expression the parser implements, and `find` as it was written
    /// with it: the oracle.
    static DATE: LazyLock<Regex> = LazyLock::new(|| {
        let month = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";
        let weekday = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\.?,?\s+)?";
        Regex::new(&format!(
            concat!(
                r"(?i)(?-u:\b){wd}(?:",
                r"(?P<md_m>{m})\s+(?P<md_d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<md_y>(?:19|20)\d{{2}})",
                r"|(?P<dm_d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dm_m>{m}),?\s+(?P<dm_y>(?:19|20)\d{{2}})",
                r"|(?P<iso_y>(?:19|20)\d{{2}})-(?P<iso_m>\d{{1,2}})-(?P<iso_d>\d{{1,2}})",
                r"|(?P<num_d>\d{{1,2}})[./-](?P<num_m>\d{{1,2}})[./-](?P<num_y>(?:19|20)\d{{2}})",
                r")(?:[^\d]|$)",
            ),
            wd = weekday,
            m = month
        ))
        .unwrap()
    });

    fn find_by_regex(text: &str) -> Option<Found> {
        DATE.captures_iter(text).find_map(|caps| {
            let date = date_of(&caps)?;
            let end = ["md_y", "dm_y", "iso_d", "num_y"].iter().find_map(|g| caps.name(g))?.end();
            Some(Found { date, range: caps.get(0)?.start()..end })
        })
    }

    fn date_of(caps: &Captures) -> Option<NaiveDate> {
        let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
        let month = |name: &str| caps.name(name).and_then(|m| month_number(m.as_str()));
        let (y, m, d) = if let Some(y) = num("md_y") {
            (y, month("md_m")?, num("md_d")?)
        } else if let Some(y) = num("dm_y") {
            (y, month("dm_m")?, num("dm_d")?)
        } else if let Some(y) = num("iso_y") {
            (y, num("iso_m")?, num("iso_d")?)
        } else {
            (num("num_y")?, num("num_m")?, num("num_d")?)
        };
        NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
    }

    /// Date-like words joined by the separators dates use.
    fn pieces() -> impl Strategy<Value = String> {
        let word = prop_oneof![
            Just("Wed"),
            Just("Wednesday"),
            Just("Tues"),
            Just("thursday"),
            Just("ſat"),
            Just("Sun."),
            Just("Jan"),
            Just("January"),
            Just("jan."),
            Just("Sept"),
            Just("sep"),
            Just("ſep"),
            Just("June"),
            Just("Marchx"),
            Just("of"),
            Just("5"),
            Just("05"),
            Just("31"),
            Just("5th"),
            Just("1st"),
            Just("22nd"),
            Just("3rd"),
            Just("4TH"),
            Just("123"),
            Just("٣"),
            Just("2016"),
            Just("1999"),
            Just("19٣٣"),
            Just("20161"),
            Just("2100"),
            Just("08.04.2017"),
            Just("2016-01-21"),
            Just("x"),
            Just("_"),
            Just("é"),
        ];
        let separator = prop_oneof![
            Just(" "),
            Just(", "),
            Just(","),
            Just("."),
            Just("-"),
            Just("/"),
            Just(""),
            Just("\u{a0}"),
            Just("  ")
        ];
        proptest::collection::vec((word, separator), 0..8)
            .prop_map(|v| v.into_iter().flat_map(|(w, s)| [w, s]).collect())
    }

    proptest! {
        #[test]
        fn agrees_with_the_expression(text in pieces()) {
            prop_assert_eq!(find(&text), find_by_regex(&text));
        }
    }

    #[test]
    fn dates_in_lines() {
        let cases = [
            ("Example Monitor, January 21, 2016", Some(("2016-01-21", "January 21, 2016"))),
            ("[Example Wire](#) 21 January 2016", Some(("2016-01-21", "21 January 2016"))),
            ("Wed 05 Apr 2017 Syria attack", Some(("2017-04-05", "Wed 05 Apr 2017"))),
            ("Thursday, April 7 2016", Some(("2016-04-07", "Thursday, April 7 2016"))),
            ("Posted on Jan. 3rd, 2015 by X", Some(("2015-01-03", "Jan. 3rd, 2015"))),
            ("Updated 2016-01-21 10:00", Some(("2016-01-21", "2016-01-21"))),
            ("08.04.2017(updated 1954 08.04.2017)", Some(("2017-04-08", "08.04.2017"))),
            ("24.07.2016Get short URL", Some(("2016-07-24", "24.07.2016"))),
            ("2016-01-210", None),
            ("Monday 15 February 2016", Some(("2016-02-15", "Monday 15 February 2016"))),
            ("On Jan. 20, Russian warplanes", None),
            ("31 February 2016 is not a day", None),
            ("in March 2011", None),
        ];
        for (text, want) in cases {
            assert_eq!(find(text), find_by_regex(text), "{text}");
            let got = find(text).map(|f| (f.date.to_string(), text[f.range].to_owned()));
            let want = want.map(|(d, s)| (d.to_owned(), s.to_owned()));
            assert_eq!(got, want, "{text}");
        }
    }
}
