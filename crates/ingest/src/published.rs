//! Reading a JSONL `published` field: ISO dates, RFC 3339 and RFC 2822
//! timestamps, and the common written forms ("January 21, 2016",
//! "21 Jan 2016", "2016/01/21", US "1/21/2016"). A timestamp's day is the day
//! in its own offset (the day the outlet printed). What cannot be read is
//! `None`: a missing date never stops a document.

use chrono::{DateTime, NaiveDate, NaiveDateTime};

/// Whole-string date formats tried in order. Day-first numeric forms use
/// dots ("21.01.2016"); slashes are read month-first, as US feeds and
/// FA-KES write them, unless the first number cannot be a month.
const DATE_FORMATS: &[&str] = &[
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%Y%m%d",
    "%d.%m.%Y",
    "%m/%d/%Y",
    "%d/%m/%Y",
    "%B %d, %Y",
    "%B %d %Y",
    "%b %d, %Y",
    "%b %d %Y",
    "%b. %d, %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%A, %B %d, %Y",
    "%a, %d %b %Y",
    "%A %d %B %Y",
    "%a %d %b %Y",
];

/// Timestamp formats without an offset.
const DATETIME_FORMATS: &[&str] = &["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"];

/// Parse a publication date, or `None` when no known form fits.
#[must_use]
pub fn parse_published(raw: &str) -> Option<NaiveDate> {
    let s = raw.trim();
    if s.is_empty() || s.len() > 64 {
        return None;
    }
    parse_timestamp(s).or_else(|| parse_date(s)).or_else(|| parse_iso_prefix(s))
}

fn parse_timestamp(s: &str) -> Option<NaiveDate> {
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t.date_naive());
    }
    if let Ok(t) = DateTime::parse_from_rfc2822(s) {
        return Some(t.date_naive());
    }
    DATETIME_FORMATS.iter().find_map(|f| NaiveDateTime::parse_from_str(s, f).ok()).map(|t| t.date())
}

fn parse_date(s: &str) -> Option<NaiveDate> {
    DATE_FORMATS.iter().find_map(|f| NaiveDate::parse_from_str(s, f).ok())
}

/// "2016-01-21 some trailing text": an ISO date at the start is enough.
fn parse_iso_prefix(s: &str) -> Option<NaiveDate> {
    s.get(..10).and_then(|head| NaiveDate::parse_from_str(head, "%Y-%m-%d").ok())
}

/// A JSON number as seconds since the Unix epoch (UTC day), within the
/// years 1990–2100 so that a stray small number is not read as 1970.
#[must_use]
pub fn parse_epoch_seconds(secs: i64) -> Option<NaiveDate> {
    const MIN: i64 = 631_152_000; // 1990-01-01
    const MAX: i64 = 4_102_444_800; // 2100-01-01
    if !(MIN..MAX).contains(&secs) {
        return None;
    }
    DateTime::from_timestamp(secs, 0).map(|t| t.date_naive())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn forms_that_are_read() {
        let cases = [
            ("2016-01-21", Some("2016-01-21")),
            ("2016-01-21T23:30:00+03:00", Some("2016-01-21")),
            ("2016-01-21T23:30:00Z", Some("2016-01-21")),
            ("2016-01-21T10:00:00", Some("2016-01-21")),
            ("2016-01-21 10:00", Some("2016-01-21")),
            ("Thu, 21 Jan 2016 10:00:00 +0000", Some("2016-01-21")),
            ("January 21, 2016", Some("2016-01-21")),
            ("Jan 21, 2016", Some("2016-01-21")),
            ("21 January 2016", Some("2016-01-21")),
            ("21 Jan 2016", Some("2016-01-21")),
            ("2016/01/21", Some("2016-01-21")),
            ("1/21/2016", Some("2016-01-21")),
            ("21/01/2016", Some("2016-01-21")),
            ("21.01.2016", Some("2016-01-21")),
            ("Thursday, January 21, 2016", Some("2016-01-21")),
            ("2016-01-21 (updated)", Some("2016-01-21")),
            ("yesterday", None),
            ("2016-13-45", None),
            ("", None),
        ];
        for (input, want) in cases {
            let got = parse_published(input).map(|d| d.to_string());
            assert_eq!(got.as_deref(), want, "{input}");
        }
    }

    #[test]
    fn epoch_seconds() {
        assert_eq!(parse_epoch_seconds(1_453_334_400).map(|d| d.to_string()).as_deref(), Some("2016-01-21"));
        assert_eq!(parse_epoch_seconds(17), None);
    }
}
