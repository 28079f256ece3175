//! The header of a plain-text page: the lines before the first paragraph of
//! prose. From them come the title (the first substantial line that is not
//! a label, a byline, a date line or a list of links), the byline ("By \[X\]"),
//! the publication date (a date line such as "Global Research, January 21,
//! 2016") and the names printed beside dates, from which the outlet is
//! chosen. Header lines are never body text.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use crate::dates;
use crate::normalise::{count_words, Line};
use crate::rules::{self, ends_like_sentence, Unit};

/// The body must start within this many lines, or the page has no header
/// beyond (perhaps) a title.
const MAX_HEADER_LINES: usize = 20;
/// A date line has at most this many words besides the date.
const MAX_DATE_LINE_WORDS: usize = 6;
const MAX_BYLINE_WORDS: usize = 10;

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:by|written by|posted by|authors?\s*:)\s*(?P<name>\S.*)$").expect("valid regex")
});

/// "Posted on <date> by Name": the rest of a date line that names an author.
static DATED_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:posted|published|written)?\s*(?:on)?\s*by\s+(?P<name>\S.*)$").expect("valid regex")
});

/// Section labels of a page template ("Region: …", "Theme: …").
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:region|theme|topics?|tags?|categor(?:y|ies)|section|in-depth report|filed under|posted in|keywords|location|dateline|source|country|subject)\s*:")
        .expect("valid regex")
});

/// What the header says.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Header {
    /// How many of the page's lines the header takes.
    pub len: usize,
    pub title: Option<String>,
    pub byline: Option<String>,
    pub published: Option<NaiveDate>,
    /// Names printed beside a date, in order ("Global Research", "South Front").
    pub dated_names: Vec<String>,
}

impl Header {
    /// The outlet the header names: the byline when a date line names it too
    /// (the author is an organisation printing its own date), otherwise the
    /// name beside the last date line (nearest the body: the original
    /// outlet of a reprint).
    pub(crate) fn outlet(&self) -> Option<String> {
        if let Some(b) = &self.byline {
            if self.dated_names.iter().any(|n| n.eq_ignore_ascii_case(b)) {
                return Some(b.clone());
            }
        }
        self.dated_names.last().cloned()
    }
}

/// Read the header of a page given its non-blank lines.
pub(crate) fn read(lines: &[&Line]) -> Header {
    let window = &lines[..lines.len().min(MAX_HEADER_LINES)];
    let len = match window.iter().position(|l| is_prose(l)) {
        Some(i) => i,
        None if lines.len() > 1 && is_title_like(lines[0]) => 1,
        None => 0,
    };
    let mut header = Header { len, ..Header::default() };
    for line in &lines[..len] {
        header.take(line);
    }
    header
}

impl Header {
    /// Read one header line into the header.
    fn take(&mut self, line: &Line) {
        let text = line.text.as_str();
        if let Some(found) = dates::find(text) {
            let rest = format!("{} {}", &text[..found.range.start], &text[found.range.end..]);
            if count_words(&rest) <= MAX_DATE_LINE_WORDS {
                self.published = self.published.or(Some(found.date));
                match DATED_BY.captures(&rest) {
                    Some(caps) => self.set_byline(caps.name("name").map_or("", |m| m.as_str())),
                    None => self.dated_names.extend(name_of(&rest)),
                }
                return;
            }
        }
        if let Some(caps) = BYLINE.captures(text).filter(|_| line.words <= MAX_BYLINE_WORDS) {
            self.set_byline(caps.name("name").map_or("", |m| m.as_str()));
            return;
        }
        if LABEL.is_match(text) || rules::furniture(&Unit::of_line(line)).is_some() {
            return;
        }
        if self.title.is_none() && line.words >= 2 {
            self.title = Some(text.to_owned());
        }
    }
}

impl Header {
    /// The first byline wins; later ones are usually "By" in a footer.
    fn set_byline(&mut self, raw: &str) {
        if self.byline.is_none() {
            let name = first_part(raw);
            self.byline = (!name.is_empty()).then_some(name);
        }
    }
}

/// The part of a name before a separator (`,`, `|`, ` - `, a bracket),
/// trimmed of punctuation.
fn first_part(raw: &str) -> String {
    let cut = raw.split([',', '|', '/', '–', '—', '(']).next().unwrap_or("");
    let cut = cut.split(" - ").next().unwrap_or("");
    cut.trim_matches(|c: char| !c.is_alphanumeric()).to_owned()
}

/// A name as printed beside a date: [`first_part`], or `None` unless it
/// reads like a name (capitalised words, joined by "of", "the", "and"…).
fn name_of(raw: &str) -> Option<String> {
    let name = first_part(raw);
    let words: Vec<&str> = name.split_whitespace().collect();
    let capitalised = |w: &&str| {
        w.starts_with(char::is_uppercase) || matches!(*w, "of" | "the" | "and" | "&" | "al" | "el" | "de" | "for")
    };
    let ok = !words.is_empty()
        && words.len() <= 5
        && words.iter().all(capitalised)
        && words[0].starts_with(char::is_uppercase);
    ok.then_some(name)
}

/// The first line of body text: a sentence of some length, or a long line,
/// and not a headline in title case.
fn is_prose(line: &Line) -> bool {
    if line.words >= 25 {
        return true;
    }
    line.words >= 8 && ends_like_sentence(&line.text) && !is_title_case(&line.text)
}

/// A page's first line can be its title when it is short and does not end
/// like a sentence.
fn is_title_like(line: &Line) -> bool {
    (2..=20).contains(&line.words) && (!ends_like_sentence(&line.text) || is_title_case(&line.text))
}

/// Most longer words capitalised, as in "Turkey Prepares Ground Invasion".
pub(crate) fn is_title_case(text: &str) -> bool {
    let long: Vec<&str> =
        text.split_whitespace().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4).collect();
    let upper = long.iter().filter(|w| w.starts_with(char::is_uppercase)).count();
    long.len() >= 3 && upper * 10 >= long.len() * 7
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;
    use crate::normalise;

    fn header_of(text: &str) -> Header {
        let lines: Vec<Line> =
            text.lines().map(normalise::line).filter(|l| !l.text.is_empty() || l.links > 0).collect();
        let refs: Vec<&Line> = lines.iter().collect();
        read(&refs)
    }

    #[test]
    fn a_reprint_header() {
        let h = header_of(concat!(
            "Army Retakes Hill Near the Border\n",
            "Weekly Frontline Digest – Region\n",
            "By [North Desk](#)\n",
            "World Reprints, March 3, 2019\n",
            "[North Desk](#) 3 March 2019\n",
            "Region: [Levant](#)\n",
            "Theme: [War](#), [Security](#)\n",
            "The army retook the hill on Monday after two days of fighting, officials said.\n",
        ));
        assert_eq!(h.len, 7);
        assert_eq!(h.title.as_deref(), Some("Army Retakes Hill Near the Border"));
        assert_eq!(h.byline.as_deref(), Some("North Desk"));
        assert_eq!(h.published.map(|d| d.to_string()).as_deref(), Some("2019-03-03"));
        assert_eq!(h.dated_names, ["World Reprints", "North Desk"]);
        assert_eq!(h.outlet().as_deref(), Some("North Desk"));
    }

    #[test]
    fn a_person_byline_is_not_the_outlet() {
        let h = header_of("Clashes in the North\nBy Jane Roe\nDaily Courier, 5 May 2018\nFighting broke out on Sunday between rival groups in the north of the country.\n");
        assert_eq!(h.byline.as_deref(), Some("Jane Roe"));
        assert_eq!(h.outlet().as_deref(), Some("Daily Courier"));
    }

    #[test]
    fn prose_from_the_first_line_means_no_header() {
        let h =
            header_of("Fighting broke out on Sunday between rival groups in the north of the country.\nMore text.\n");
        assert_eq!(h, Header::default());
    }

    #[test]
    fn a_title_without_prose_after_it() {
        let h = header_of("Short Notes From the Front\nA line.\nAnother line.\n");
        assert_eq!((h.len, h.title.as_deref()), (1, Some("Short Notes From the Front")));
    }

    #[test]
    fn title_case() {
        assert!(is_title_case("To the Rescue of ISIS: Turkey Prepares Ground Invasion of Syria"));
        assert!(!is_title_case("Syria attack symptoms consistent with nerve agent use WHO"));
    }
}
