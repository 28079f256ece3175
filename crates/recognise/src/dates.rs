//! Dates: absolute ("January 21, 2016", "20 January", "2016-01-21", "March
//! 2020", "in 2015") and relative ("yesterday", "on Tuesday", "last week", "two
//! days ago", "the day before"), each resolved to an [`EventDate`] with its
//! precision and byte span.
//!
//! One compiled regex finds every candidate; each alternative is a named
//! group, and a small parser reads the matched words. Its word boundaries are
//! ASCII ones, which keeps it on the fast lazy DFA (a Unicode `\b` does not).
//!
//! Resolution rules:
//! - A date without a year takes the publication year, or the year before if
//!   that would put it more than [`FUTURE_SLACK_DAYS`] after publication. With no
//!   publication date it is skipped.
//! - A weekday is the most recent such day on or before publication: in an
//!   article published on a Tuesday, "on Tuesday" is that same day (wire style,
//!   "said on Tuesday"); "last Tuesday" is strictly before, "next Tuesday" after.
//! - "overnight" and "last night" are the day before publication (the night
//!   began then).
//! - Week dates are the Monday of the week, month dates the 1st, year dates
//!   1 January ([`DatePrecision`]).
//! - "the day before", "the next day", "two days later" count from the last
//!   day-precise date mentioned before them, or from publication.
//! - Relative dates need a publication date; without one they are skipped.
//!
//! Not dates: a month name alone unless a preposition introduces it ("in
//! May", not the modal "may" nor "March on"); a bare four-digit number unless a
//! preposition introduces it ("in 2015", "since 2011") and no noun follows it
//! ("of 2000 fighters"); weekdays in names ("the Sunday Times", "Bloody Sunday");
//! capitalised "Today" inside a sentence ("Russia Today").

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use regex::{Captures, Regex, RegexBuilder};
use sitrep_model::{DateMention, DatePrecision, Doc, EventDate, Span};

/// How far after publication a year-less date may fall before it is taken to
/// be in the previous year (about two months).
pub const FUTURE_SLACK_DAYS: u64 = 62;

/// The candidate pattern could not be compiled (a bug in this module).
#[derive(Debug, thiserror::Error)]
#[error("the date pattern does not compile: {0}")]
pub struct DatePatternError(#[from] regex::Error);

/// Finds and resolves dates. Build once, apply to many documents.
#[derive(Debug, Clone)]
pub struct DateRecogniser {
    pattern: Regex,
}

const MONTH: &str = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?";
const FULL_MONTH: &str =
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b";
const DAY: &str = r"[0-9]{1,2}(?:st|nd|rd|th)?\b";
const WEEKDAY: &str = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
const PART_OF_DAY: &str = r"(?:morning|afternoon|evening|night)";
const COUNT: &str = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|[0-9]{1,2})";

/// The candidate pattern: one named group per kind of date. At one position
/// the first alternative that matches wins, so longer forms come first.
fn pattern() -> String {
    let md = format!(r"(?P<md>\b(?:{MONTH})\s+{DAY}(?:\s*[-–]\s*{DAY})?(?:,?\s+[0-9]{{4}}\b)?)");
    let dm = format!(r"(?P<dm>\b{DAY}(?:\s*(?:-|–|and|to)\s*{DAY})?\s+(?:of\s+)?(?:{MONTH})(?:,?\s+[0-9]{{4}}\b)?)");
    let my = format!(r"(?P<my>\b(?:{MONTH}),?\s+[0-9]{{4}}\b)");
    let weekday = format!(r"(?P<wd>\b(?:(?i:last|next)\s+)?{WEEKDAY}(?:'s|’s)?(?:\s+{PART_OF_DAY})?\b)");
    let relative = format!(
        r"(?P<rel>(?i)\b(?:the\s+day\s+before\s+yesterday|yesterday|today|tonight|overnight|last\s+(?:night|week|weekend|month|year)|this\s+(?:morning|afternoon|evening|week|weekend|month|year)|earlier\s+(?:today|this\s+(?:week|month|year))|the\s+(?:previous|next|following|same)\s+day|the\s+day\s+(?:before|after)|{COUNT}\s+(?:days?|weeks?|months?|years?)\s+(?:ago|earlier|later|before|after))\b)"
    );
    [
        r"(?P<iso>\b[0-9]{4}-[0-9]{2}-[0-9]{2}\b)".to_owned(),
        r"(?P<num>\b[0-9]{1,2}[./][0-9]{1,2}[./][0-9]{4}\b)".to_owned(),
        md,
        dm,
        my,
        format!("(?P<mo>{FULL_MONTH})"),
        weekday,
        relative,
        r"(?P<yr>\b(?:1[89]|20)[0-9]{2}\b)".to_owned(),
    ]
    .join("|")
}

/// Words that introduce a month or year standing alone ("in May", "since 2011").
const PERIOD_PREPOSITIONS: &[&str] = &[
    "in",
    "since",
    "during",
    "until",
    "till",
    "by",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "of",
    "from",
    "through",
    "throughout",
    "before",
    "after",
    "between",
    "and",
    "to",
    "around",
    "about",
];
/// Prepositions that make a following four-digit number a year whatever comes
/// after it ("in 2016 displaced"); after the others in
/// [`PERIOD_PREPOSITIONS`] a lower-case word may make it a count ("of 2000
/// fighters", "around 2000 people").
const YEAR_PREPOSITIONS: &[&str] =
    &["in", "since", "during", "until", "till", "early", "late", "mid", "throughout", "before", "after"];
/// Words that may follow a year introduced by a weaker preposition ("from
/// 2014 to 2016", "of 2015, when").
const AFTER_YEAR: &[&str] = &[
    "and",
    "or",
    "to",
    "when",
    "while",
    "after",
    "before",
    "in",
    "on",
    "at",
    "as",
    "the",
    "a",
    "was",
    "were",
    "is",
    "has",
    "had",
    "with",
    "by",
    "for",
    "until",
    "but",
    "that",
    "which",
    "who",
    "during",
    "since",
    "from",
    "amid",
    "following",
    "it",
    "they",
    "he",
    "she",
    "we",
    "there",
    "this",
    "its",
    "their",
];
/// A weekday after one of these is part of a name.
const WEEKDAY_NAME_BEFORE: &[&str] = &["Bloody", "Good", "Black", "Easter", "Palm", "Ash", "Holy", "Super", "Cyber"];
const WEEKDAY_NAME_AFTER: &[&str] = &[
    "Times",
    "Telegraph",
    "Mail",
    "Express",
    "Mirror",
    "Post",
    "Herald",
    "Star",
    "Tribune",
    "Independent",
    "Observer",
    "Sport",
    "People",
    "Club",
    "School",
];

/// What a candidate was matched as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Iso,
    Numeric,
    MonthDay,
    DayMonth,
    MonthYear,
    Month,
    Weekday,
    Relative,
    Year,
}

const FORMS: &[(&str, Form)] = &[
    ("iso", Form::Iso),
    ("num", Form::Numeric),
    ("md", Form::MonthDay),
    ("dm", Form::DayMonth),
    ("my", Form::MonthYear),
    ("mo", Form::Month),
    ("wd", Form::Weekday),
    ("rel", Form::Relative),
    ("yr", Form::Year),
];

/// What a date is resolved against: publication, and the last day mentioned.
#[derive(Debug, Clone, Copy)]
struct Anchors {
    published: Option<NaiveDate>,
    last_day: Option<NaiveDate>,
}

impl DateRecogniser {
    /// Compile the candidate pattern.
    pub fn new() -> Result<Self, DatePatternError> {
        let pattern = RegexBuilder::new(&pattern().replace(r"\b", r"(?-u:\b)")).build()?;
        Ok(Self { pattern })
    }

    /// Every date in the document, sorted by span.
    #[must_use]
    pub fn find(&self, doc: &Doc) -> Vec<DateMention> {
        let text = doc.text.as_str();
        let mut anchors = Anchors { published: doc.published, last_day: None };
        let mut out = Vec::new();
        for caps in self.pattern.captures_iter(text) {
            let Some((form, m)) = FORMS.iter().find_map(|&(name, form)| caps.name(name).map(|m| (form, m))) else {
                continue;
            };
            let span = Span::new(m.start(), m.end());
            if let Some((date, relative)) = resolve(form, text, span, &caps, anchors) {
                if date.precision == DatePrecision::Day {
                    anchors.last_day = Some(date.day);
                }
                out.push(DateMention { span, date, relative });
            }
        }
        out
    }
}

/// The date a candidate stands for, and whether it is relative.
fn resolve(form: Form, text: &str, span: Span, caps: &Captures, a: Anchors) -> Option<(EventDate, bool)> {
    let words: Vec<&str> =
        span.slice(text)?.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let date = match form {
        Form::Iso => ymd_in_order(&words, [0, 1, 2]).map(EventDate::day),
        Form::Numeric => numeric(caps, &words),
        Form::MonthDay | Form::DayMonth => month_day(&words, a.published),
        Form::MonthYear => month_year(&words),
        Form::Month => introduced(text, span, PERIOD_PREPOSITIONS).then(|| lone_month(&words, a.published)).flatten(),
        Form::Year => year(text, span, &words),
        Form::Weekday => return weekday(text, span, &words, a.published?).map(|d| (d, true)),
        Form::Relative => return relative(text, span, &words, a).map(|d| (d, true)),
    }?;
    Some((date, false))
}

/// "2016-01-21": the three numbers at `order` are year, month, day.
fn ymd_in_order(words: &[&str], order: [usize; 3]) -> Option<NaiveDate> {
    let n = |i: usize| words.get(order[i]).and_then(|w| w.parse::<u32>().ok());
    NaiveDate::from_ymd_opt(i32::try_from(n(0)?).ok()?, n(1)?, n(2)?)
}

/// "07.07.2015" is day first; "1/20/2016" and "20/1/2016" are read by which
/// part cannot be a month; "1/2/2016" is ambiguous and skipped.
fn numeric(caps: &Captures, words: &[&str]) -> Option<EventDate> {
    let dotted = caps.name("num").is_some_and(|m| m.as_str().contains('.'));
    let a: u32 = words.first()?.parse().ok()?;
    let b: u32 = words.get(1)?.parse().ok()?;
    let order = if dotted || a > 12 {
        [2, 1, 0]
    } else if b > 12 {
        [2, 0, 1]
    } else {
        return None;
    };
    ymd_in_order(words, order).map(EventDate::day)
}

/// The month (1–12) a word names, if any.
fn month_number(word: &str) -> Option<u32> {
    const PREFIXES: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let lower = word.get(..3)?.to_ascii_lowercase();
    PREFIXES.iter().position(|p| *p == lower).and_then(|i| u32::try_from(i + 1).ok())
}

/// A day number with its ordinal suffix stripped ("20th" → 20).
fn day_number(word: &str) -> Option<u32> {
    word.trim_end_matches(|c: char| c.is_ascii_alphabetic()).parse().ok().filter(|d| (1..=31).contains(d))
}

/// "Jan. 20", "21 March 2020", "20-21 January" (the first day).
fn month_day(words: &[&str], published: Option<NaiveDate>) -> Option<EventDate> {
    let month = words.iter().find_map(|w| month_number(w))?;
    let day = words.iter().find_map(|w| day_number(w).filter(|_| w.len() <= 4))?;
    let year = words.iter().find(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()));
    let date = match year {
        Some(y) => NaiveDate::from_ymd_opt(y.parse().ok()?, month, day)?,
        None => infer_year(month, day, published?)?,
    };
    Some(EventDate::day(date))
}

/// The year that puts month/day at most [`FUTURE_SLACK_DAYS`] after publication.
fn infer_year(month: u32, day: u32, published: NaiveDate) -> Option<NaiveDate> {
    let this_year = NaiveDate::from_ymd_opt(published.year(), month, day);
    let limit = published.checked_add_days(Days::new(FUTURE_SLACK_DAYS))?;
    match this_year {
        Some(d) if d <= limit => Some(d),
        _ => NaiveDate::from_ymd_opt(published.year() - 1, month, day),
    }
}

/// "March 2020".
fn month_year(words: &[&str]) -> Option<EventDate> {
    let month = words.iter().find_map(|w| month_number(w))?;
    let year = words.iter().find_map(|w| w.parse::<i32>().ok())?;
    Some(EventDate { day: NaiveDate::from_ymd_opt(year, month, 1)?, precision: DatePrecision::Month })
}

/// "in May": the month's first day, year as for a year-less day.
fn lone_month(words: &[&str], published: Option<NaiveDate>) -> Option<EventDate> {
    let month = words.iter().find_map(|w| month_number(w))?;
    Some(EventDate { day: infer_year(month, 1, published?)?, precision: DatePrecision::Month })
}

/// "in 2015", "since 2011": a year introduced by a preposition and not
/// followed by a counted noun.
fn year(text: &str, span: Span, words: &[&str]) -> Option<EventDate> {
    if !introduced(text, span, PERIOD_PREPOSITIONS) {
        return None;
    }
    let next = text.get(span.end..).unwrap_or("");
    if next.starts_with(['%', '-']) {
        return None;
    }
    let follower = word_after(text, span.end);
    let counted = follower.starts_with(|c: char| c.is_lowercase()) && !AFTER_YEAR.contains(&follower);
    if counted && !introduced(text, span, YEAR_PREPOSITIONS) && !ends_year_range(text, span) {
        return None;
    }
    let year = words.first()?.parse().ok()?;
    Some(EventDate { day: NaiveDate::from_ymd_opt(year, 1, 1)?, precision: DatePrecision::Year })
}

/// "2014 and 2016", "2011 to 2015": the second year of a range.
fn ends_year_range(text: &str, span: Span) -> bool {
    if !introduced(text, span, &["and", "to", "-", "–"]) {
        return false;
    }
    let joint = text.get(..span.start).unwrap_or("").trim_end();
    let before_joint = joint.trim_end_matches(|c: char| c.is_alphabetic() || c == '-' || c == '–');
    let first = word_before(text, before_joint.len());
    first.len() == 4 && first.bytes().all(|b| b.is_ascii_digit())
}

/// A weekday, resolved to the most recent one on or before publication.
fn weekday(text: &str, span: Span, words: &[&str], published: NaiveDate) -> Option<EventDate> {
    let name = words.iter().find_map(|w| w.parse::<Weekday>().ok())?;
    let named_before =
        WEEKDAY_NAME_BEFORE.contains(&word_before(text, span.start)) || word_before(text, span.start) == "the";
    let named_after = WEEKDAY_NAME_AFTER.contains(&word_after(text, span.end));
    if named_before || named_after {
        return None;
    }
    let first = words.first().map(|w| w.to_ascii_lowercase());
    let back = days_back(published.weekday(), name);
    let day = match first.as_deref() {
        Some("last") => published.checked_sub_days(Days::new(if back == 0 { 7 } else { back })),
        Some("next") => published.checked_add_days(Days::new(7 - back)),
        _ => published.checked_sub_days(Days::new(back)),
    };
    day.map(EventDate::day)
}

/// Days from the last `target` weekday back to `from` (0 when the same).
fn days_back(from: Weekday, target: Weekday) -> u64 {
    u64::from((from.num_days_from_monday() + 7 - target.num_days_from_monday()) % 7)
}

/// A relative expression, resolved against publication or the last day.
fn relative(text: &str, span: Span, words: &[&str], a: Anchors) -> Option<EventDate> {
    if words.first().is_some_and(|w| w.starts_with(|c: char| c.is_ascii_uppercase()))
        && !at_sentence_start(text, span.start)
    {
        return None;
    }
    let lower: Vec<String> = words.iter().map(|w| w.to_ascii_lowercase()).collect();
    let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
    let published = a.published?;
    match lower.as_slice() {
        [.., "ago"] => ago(&lower, published),
        [.., "earlier" | "later" | "before" | "after"] if count_of(lower[0]).is_some() => {
            offset_from(&lower, a.last_day.unwrap_or(published))
        }
        _ => named_relative(&lower, published, a.last_day.unwrap_or(published)),
    }
}

/// "yesterday", "last week", "the next day", and the other fixed phrases.
fn named_relative(words: &[&str], published: NaiveDate, last_day: NaiveDate) -> Option<EventDate> {
    let day = |d: NaiveDate| Some(EventDate::day(d));
    let back = |n: u64| published.checked_sub_days(Days::new(n));
    match words {
        ["today" | "tonight"] | ["this", "morning" | "afternoon" | "evening"] | ["earlier", "today"] => day(published),
        ["yesterday"] | ["overnight"] | ["last", "night"] => day(back(1)?),
        ["the", "day", "before", "yesterday"] => day(back(2)?),
        ["the", "day", "before"] | ["the", "previous", "day"] => day(last_day.pred_opt()?),
        ["the", "day", "after"] | ["the", "next" | "following", "day"] => day(last_day.succ_opt()?),
        ["the", "same", "day"] => day(last_day),
        ["last", "week"] => week_of(back(7)?),
        ["this", "week"] | ["earlier", "this", "week"] => week_of(published),
        ["last", "weekend"] => weekend(published, true),
        ["this", "weekend"] => weekend(published, false),
        ["last", "month"] => month_of(published.checked_sub_months(Months::new(1))?),
        ["this", "month"] | ["earlier", "this", "month"] => month_of(published),
        ["last", "year"] => year_of(published.year() - 1),
        ["this", "year"] | ["earlier", "this", "year"] => year_of(published.year()),
        _ => None,
    }
}

/// "two days ago", "a week ago", "three months ago".
fn ago(words: &[&str], published: NaiveDate) -> Option<EventDate> {
    let n = count_of(words.first()?)?;
    match words.get(1)?.trim_end_matches('s') {
        "day" => Some(EventDate::day(published.checked_sub_days(Days::new(n))?)),
        "week" => week_of(published.checked_sub_days(Days::new(7 * n))?),
        "month" => month_of(published.checked_sub_months(Months::new(u32::try_from(n).ok()?))?),
        "year" => year_of(published.year() - i32::try_from(n).ok()?),
        _ => None,
    }
}

/// "two days later", "a day earlier": counted from the last day mentioned.
fn offset_from(words: &[&str], from: NaiveDate) -> Option<EventDate> {
    let n = count_of(words.first()?)?;
    let days = match words.get(1)?.trim_end_matches('s') {
        "day" => n,
        "week" => 7 * n,
        _ => return None,
    };
    let day = match *words.last()? {
        "later" | "after" => from.checked_add_days(Days::new(days))?,
        _ => from.checked_sub_days(Days::new(days))?,
    };
    Some(EventDate::day(day))
}

/// The number a count word or numeral stands for.
fn count_of(word: &str) -> Option<u64> {
    const WORDS: [&str; 10] = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
    match word {
        "a" | "an" => Some(1),
        w => WORDS.iter().position(|x| *x == w).map(|i| i as u64 + 1).or_else(|| w.parse().ok()),
    }
}

fn week_of(day: NaiveDate) -> Option<EventDate> {
    let monday = day.checked_sub_days(Days::new(u64::from(day.weekday().num_days_from_monday())))?;
    Some(EventDate { day: monday, precision: DatePrecision::Week })
}

/// The Saturday of the weekend on or before publication; `last` steps back a
/// week when publication falls on that weekend.
fn weekend(published: NaiveDate, last: bool) -> Option<EventDate> {
    let saturday = published.checked_sub_days(Days::new(days_back(published.weekday(), Weekday::Sat)))?;
    let on_weekend = matches!(published.weekday(), Weekday::Sat | Weekday::Sun);
    let day = if last && on_weekend { saturday.checked_sub_days(Days::new(7))? } else { saturday };
    Some(EventDate { day, precision: DatePrecision::Week })
}

fn month_of(day: NaiveDate) -> Option<EventDate> {
    Some(EventDate { day: day.with_day(1)?, precision: DatePrecision::Month })
}

fn year_of(year: i32) -> Option<EventDate> {
    Some(EventDate { day: NaiveDate::from_ymd_opt(year, 1, 1)?, precision: DatePrecision::Year })
}

/// True when the word before `start` is one of `words` (case-insensitive).
fn introduced(text: &str, span: Span, words: &[&str]) -> bool {
    let before = word_before(text, span.start);
    words.iter().any(|w| w.eq_ignore_ascii_case(before))
}

/// The word that ends just before `pos`, across spaces and a hyphen ("mid-May").
fn word_before(text: &str, pos: usize) -> &str {
    let head = text.get(..pos).unwrap_or("");
    let trimmed = head.trim_end_matches(|c: char| c.is_whitespace() || c == '-');
    let start = trimmed.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |i| i + 1);
    trimmed.get(start..).unwrap_or("")
}

/// The word that starts just after `pos`, across spaces.
fn word_after(text: &str, pos: usize) -> &str {
    let tail = text.get(pos..).unwrap_or("").trim_start();
    let end = tail.find(|c: char| !c.is_alphanumeric()).unwrap_or(tail.len());
    tail.get(..end).unwrap_or("")
}

/// True at the start of the text, a line, or after a sentence's end.
fn at_sentence_start(text: &str, pos: usize) -> bool {
    let head = text.get(..pos).unwrap_or("").trim_end_matches([' ', '\t', '"', '“', '\'', '‘']);
    head.is_empty() || head.ends_with(['.', '!', '?', '\n', ':'])
}
