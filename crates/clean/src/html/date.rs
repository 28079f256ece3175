//! Dates as pages write them in metadata: ISO 8601 timestamps and dates
//! ("2019-11-20T08:00:00Z", "20191120"), else any written full date the
//! text reader knows ("November 20, 2019"); and dates in URL paths
//! ("/2019/11/20/", "/2019-11-20-").

use chrono::NaiveDate;

/// The day of a metadata date (the day the page printed, in its own offset).
pub(crate) fn parse_date(raw: &str) -> Option<NaiveDate> {
    let s = raw.trim();
    iso_day(s).or_else(|| compact_day(s)).or_else(|| crate::dates::find(s).map(|f| f.date))
}

/// "2019-11-20…" or "2019/11/20…".
fn iso_day(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() < 10 || !matches!(b[4], b'-' | b'/') || b[7] != b[4] {
        return None;
    }
    ymd(s.get(..4)?, s.get(5..7)?, s.get(8..10)?)
}

/// "20191120", alone or before a time.
fn compact_day(s: &str) -> Option<NaiveDate> {
    let head = s.get(..8)?;
    let rest_ok = s.len() == 8 || s[8..].starts_with(['T', ' ']);
    (head.bytes().all(|c| c.is_ascii_digit()) && rest_ok).then_some(())?;
    ymd(&head[..4], &head[4..6], &head[6..8])
}

fn ymd(y: &str, m: &str, d: &str) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// A date in a URL's path: a year 1990–2099, month and day, separated by
/// `/` or `-`.
pub(crate) fn date_in_url(url: &str) -> Option<NaiveDate> {
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let b = path.as_bytes();
    (0..b.len().saturating_sub(9)).find_map(|i| {
        let at_start = i == 0 || matches!(b[i - 1], b'/' | b'-' | b'_');
        let y = path.get(i..i + 4)?;
        let year_ok = y.starts_with("19") || y.starts_with("20");
        if !at_start || !year_ok || !y.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let sep = *b.get(i + 4)?;
        if !matches!(sep, b'/' | b'-') || b.get(i + 7) != Some(&sep) {
            return None;
        }
        let after = b.get(i + 10).copied();
        if after.is_some_and(|c| c.is_ascii_digit()) {
            return None;
        }
        ymd(y, path.get(i + 5..i + 7)?, path.get(i + 8..i + 10)?)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metadata_dates() {
        let cases = [
            ("2019-11-20T08:00:00Z", Some("2019-11-20")),
            ("2019-11-20", Some("2019-11-20")),
            ("2019/11/20 08:00", Some("2019-11-20")),
            ("20191120", Some("2019-11-20")),
            ("20191120T0800", Some("2019-11-20")),
            ("November 20, 2019", Some("2019-11-20")),
            ("2019-13-45", None),
            ("soon", None),
            ("", None),
        ];
        for (raw, want) in cases {
            assert_eq!(parse_date(raw).map(|d| d.to_string()).as_deref(), want, "{raw}");
        }
    }

    #[test]
    fn url_dates() {
        let cases = [
            ("https://example.org/2019/11/20/story", Some("2019-11-20")),
            ("https://example.org/news/2016-01-21-review.html", Some("2016-01-21")),
            ("https://example.org/2019/11/story", None),
            ("https://example.org/id/120191120/x", None),
            ("https://example.org/2019/02/30/bad", None),
        ];
        for (url, want) in cases {
            assert_eq!(date_in_url(url).map(|d| d.to_string()).as_deref(), want, "{url}");
        }
    }
}
