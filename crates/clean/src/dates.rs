//! Finding a full calendar date (with its year) in a header line or a
//! dateline: "January 21, 2016", "21 January 2016", "Jan. 21, 2016",
//! "Wed 05 Apr 2017", "Thursday, April 7 2016", "2016-01-21", "08.04.2017".
//!
//! Only dates with a year count: a header date is the publication date, and
//! "Jan. 20" inside a sentence is an event date for the recognisers.
//! Numeric day-month forms are read day first ("08.04.2017" is 8 April), as
//! the outlets that print them do.

use std::ops::Range;
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::{Captures, Regex};

const MONTH: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";
const WEEKDAY: &str = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\.?,?\s+)?";

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        concat!(
            r"(?i)(?-u:\b){wd}(?:",
            r"(?P<md_m>{m})\s+(?P<md_d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<md_y>(?:19|20)\d{{2}})",
            r"|(?P<dm_d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dm_m>{m}),?\s+(?P<dm_y>(?:19|20)\d{{2}})",
            r"|(?P<iso_y>(?:19|20)\d{{2}})-(?P<iso_m>\d{{1,2}})-(?P<iso_d>\d{{1,2}})",
            r"|(?P<num_d>\d{{1,2}})[./-](?P<num_m>\d{{1,2}})[./-](?P<num_y>(?:19|20)\d{{2}})",
            // Not followed by a digit; a letter may follow at once, as in
            // "24.07.2016Get short URL".
            r")(?:[^\d]|$)",
        ),
        wd = WEEKDAY,
        m = MONTH
    );
    Regex::new(&pattern).expect("valid regex")
});

/// A date found in text: the day and where it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    pub date: NaiveDate,
    pub range: Range<usize>,
}

/// The first full date in `text` that is a real day.
pub(crate) fn find(text: &str) -> Option<Found> {
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

fn month_number(name: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let prefix = name.get(..3)?.to_ascii_lowercase();
    MONTHS.iter().position(|m| *m == prefix).and_then(|i| u32::try_from(i + 1).ok())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn dates_in_lines() {
        let cases = [
            ("Global Research, January 21, 2016", Some(("2016-01-21", "January 21, 2016"))),
            ("[South Front](#) 21 January 2016", Some(("2016-01-21", "21 January 2016"))),
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
            let got = find(text).map(|f| (f.date.to_string(), text[f.range].to_owned()));
            let want = want.map(|(d, s)| (d.to_owned(), s.to_owned()));
            assert_eq!(got, want, "{text}");
        }
    }
}
