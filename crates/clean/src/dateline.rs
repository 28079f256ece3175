//! Datelines and signatures inside the first and last paragraphs, where
//! pages flattened to one paragraph keep their header and footer:
//!
//! - a leading date, perhaps labelled ("Wed 05 Apr 2017 …", "Date of
//!   publication 18 July 2016 …", "Posted on April 2 2017 by A Writer …"),
//!   with share-widget leftovers ("Print Tweet", "Get short URL 0 214");
//! - a headline, an agency and a date before the first sentence ("Air raid
//!   kills 21 at market Monitor AFP Thursday 24 Apr 2014 An air strike …");
//! - an explicit "title: …." label;
//! - an agency dateline ("BEIRUT (Reuters) - ", "DAMASCUS, (SANA) – ");
//! - the title repeated as the first words of the text;
//! - a closing agency signature ("… - REUTERS", "--AFP", "(SANA)").
//!
//! Only the dateline is removed: the first sentence's own words stay. What
//! is removed yields metadata (date, agency, title) for the document.

use std::ops::Range;
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use crate::agency::{self, AGENCIES};
use crate::charclass::{prefix_ci, space_len};
use crate::header::is_title_case;
use crate::normalise::count_words;
use crate::{date_trail, dates};

/// Labels before a leading date, in the order tried (a longer form before
/// its prefix), matched case-insensitively.
const DATE_LABELS: &[&str] = &[
    "date of publication",
    "published on",
    "published",
    "posted on",
    "posted",
    "updated on",
    "updated",
    "last updated",
    "first published",
];

/// Used only on text that opens with "title".
static TITLE_LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^title\s*:\s*(?P<title>[^.!?]{3,200}[.!?])\s*").expect("valid regex"));

/// Words that end a headline fragment only inside a sentence: a date after
/// them is part of the sentence ("on 21 January 2016").
const PREPOSITIONS: &[&str] = &[
    "on", "in", "since", "until", "till", "from", "by", "of", "to", "at", "before", "after", "during", "between",
    "and", "since", "as", "said", "says", "the", "that", "than", "for", "with", "was", "were", "is",
];

/// The longest headline sentence taken as a title.
const MAX_HEADLINE_WORDS: usize = 25;

/// The longest agency dateline ("MOSCOW, January 5 (Sputnik) — ").
const MAX_DATELINE_BYTES: usize = 120;
/// The longest closing signature ("… — Anadolu Agency").
const MAX_SIGNATURE_BYTES: usize = 40;

/// The longest leading date ("Wednesday, 21st of September 2016").
const MAX_DATE_BYTES: usize = 48;

/// How far into the paragraph a headline-and-date may reach.
const MAX_HEADLINE_BYTES: usize = 240;

/// What a dateline told.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Lead {
    /// Bytes at the start of the paragraph that are dateline, not text.
    pub cut: usize,
    pub published: Option<NaiveDate>,
    pub agency: Option<String>,
    pub title: Option<String>,
    /// Where, in the paragraph, the cut took a headline (as written, without
    /// date or agency): the text of a document that has nothing else.
    pub headline: Option<Range<usize>>,
}

/// Read the dateline at the start of the first paragraph.
pub(crate) fn lead(par: &str, title_hint: Option<&str>) -> Lead {
    let mut lead = Lead::default();
    lead.cut += leading_date(&par[lead.cut..], &mut lead);
    let dated = lead.cut > 0;
    if !dated {
        lead.cut += headline_date(&par[lead.cut..], &mut lead);
    }
    lead.cut += title_label(&par[lead.cut..], &mut lead);
    if dated && lead.title.is_none() && title_hint.is_none() {
        lead.cut += headline_sentence(&par[lead.cut..], &mut lead);
    }
    lead.cut += agency_dateline(&par[lead.cut..], &mut lead);
    let repeated = title_hint.or(lead.title.as_deref()).and_then(|title| title_repeat(&par[lead.cut..], title));
    if let Some((title_end, len)) = repeated {
        lead.found_headline(0..title_end);
        lead.cut += len;
    }
    lead
}

impl Lead {
    /// Note a headline at `range` of the text after the current cut; the
    /// first one found is kept.
    fn found_headline(&mut self, range: Range<usize>) {
        let at = self.cut;
        self.headline.get_or_insert(at + range.start..at + range.end);
    }
}

/// A date at the very start (after an optional label), with what follows it.
fn leading_date(s: &str, lead: &mut Lead) -> usize {
    let label = date_label(s);
    let Some(found) = dates::find(head(&s[label..], MAX_DATE_BYTES)).filter(|f| f.range.start == 0) else { return 0 };
    lead.published = Some(found.date);
    let end = label + found.range.end;
    end + after_date(&s[end..])
}

/// A label before a date, the colon and spaces after it: the bytes they take.
fn date_label(s: &str) -> usize {
    let Some(mut at) = DATE_LABELS.iter().find_map(|label| prefix_ci(s, label)) else { return 0 };
    at += space_len(&s[at..]);
    at += usize::from(s[at..].starts_with(':'));
    at + space_len(&s[at..])
}

/// Time, update notes and share widgets after a date, and the space after them.
fn after_date(s: &str) -> usize {
    let junk = date_trail::len(s);
    junk + (s.len() - junk - s[junk..].trim_start().len())
}

/// "Headline Source AGENCY Weekday DD Mon YYYY": a date close to the start
/// with a headline fragment before it that has no sentence end and does
/// not end with a word that would make the date part of a sentence.
fn headline_date(s: &str, lead: &mut Lead) -> usize {
    let Some(found) = dates::find(head(s, MAX_HEADLINE_BYTES)).filter(|f| f.range.start > 0) else { return 0 };
    let prefix = s[..found.range.start].trim();
    let words: Vec<&str> = prefix.split_whitespace().collect();
    let last = words.last().copied().unwrap_or("");
    let plausible = words.len() >= 3
        && !prefix.contains(['.', '!', '?'])
        && last.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && !PREPOSITIONS.contains(&last.to_lowercase().as_str());
    if !plausible {
        return 0;
    }
    lead.published = lead.published.or(Some(found.date));
    let (title, agency) = split_agency(prefix);
    let title_start = space_len(&s[..found.range.start]);
    lead.found_headline(title_start..title_start + title.len());
    lead.title = lead.title.take().or_else(|| Some(title.to_owned()));
    lead.agency = lead.agency.take().or(agency);
    found.range.end + after_date(&s[found.range.end..])
}

/// At most the first `max` bytes of `s`, cut on a character boundary (and
/// one byte more, so a date ending at the limit is still seen whole).
fn head(s: &str, max: usize) -> &str {
    let mut end = (max + 1).min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// A headline ending with an agency ("… kills 18 Monitor AFP"): the
/// headline without it, and the agency.
fn split_agency(headline: &str) -> (&str, Option<String>) {
    match headline.rsplit_once(' ') {
        Some((head, last)) if AGENCIES.contains(&last) => (head.trim_end(), Some(agency::canonical(last))),
        _ => (headline, None),
    }
}

/// After a leading date, a first sentence in title case is the headline
/// ("Wed 05 Apr 2017 Army Retakes Town. The army…"): it becomes the title
/// and leaves the text. A headline in sentence case cannot be told from a
/// lead sentence and stays.
fn headline_sentence(s: &str, lead: &mut Lead) -> usize {
    let Some(first) = crate::sentences::first(s) else { return 0 };
    let sentence = &s[first.clone()];
    let rest = &s[first.end..];
    if rest.trim().is_empty() || count_words(sentence) > MAX_HEADLINE_WORDS || !is_title_case(sentence) {
        return 0;
    }
    lead.title = Some(sentence.trim_end_matches(['.', ' ']).to_owned());
    lead.found_headline(first.clone());
    first.end + rest.len() - rest.trim_start().len()
}

fn title_label(s: &str, lead: &mut Lead) -> usize {
    if prefix_ci(s, "title").is_none() {
        return 0;
    }
    let Some(caps) = TITLE_LABEL.captures(s) else { return 0 };
    if let Some(m) = caps.name("title") {
        lead.found_headline(m.range());
    }
    let title = caps.name("title").map(|m| m.as_str().trim_end_matches(['.', ' ']).to_owned());
    lead.title = lead.title.take().or(title);
    caps.get(0).map_or(0, |m| m.end())
}

fn agency_dateline(s: &str, lead: &mut Lead) -> usize {
    let Some((len, agency)) = agency::dateline(head(s, MAX_DATELINE_BYTES)) else { return 0 };
    lead.agency = lead.agency.take().or_else(|| Some(agency::canonical(agency)));
    len
}

/// When `s` opens with `title` (letters and digits compared, case and
/// punctuation ignored): where the title ends in `s`, and the bytes that
/// title and the punctuation after it take.
fn title_repeat(s: &str, title: &str) -> Option<(usize, usize)> {
    let mut wanted = title.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).peekable();
    wanted.peek()?;
    for (i, c) in s.char_indices() {
        if !c.is_alphanumeric() {
            continue;
        }
        if c.to_lowercase().any(|lc| Some(lc) != wanted.next()) {
            return None;
        }
        if wanted.peek().is_none() {
            let end = i + c.len_utf8();
            let rest = &s[end..];
            return Some((end, end + rest.len() - rest.trim_start_matches(['.', ':', '-', '–', '—', '|', ' ']).len()));
        }
    }
    None
}

/// A closing agency signature on the last paragraph: the new length of the
/// paragraph and the agency.
pub(crate) fn signature(par: &str) -> Option<(usize, String)> {
    let mut from = par.len().saturating_sub(MAX_SIGNATURE_BYTES);
    while !par.is_char_boundary(from) {
        from -= 1;
    }
    let (at, agency) = agency::signature(&par[from..])?;
    let start = from + at;
    (start > 0).then(|| (start, agency::canonical(agency)))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    /// (paragraph, title hint, text after the cut, published, agency, title)
    type Case<'a> = (&'a str, Option<&'a str>, &'a str, Option<&'a str>, Option<&'a str>, Option<&'a str>);

    #[test]
    fn leads() {
        let cases: &[Case] = &[
            (
                "Wed 05 Apr 2017 Gas attack kills 70 says WHO. Victims showed symptoms.",
                None,
                "Gas attack kills 70 says WHO. Victims showed symptoms.",
                Some("2017-04-05"),
                None,
                None,
            ),
            (
                "Wed 05 Apr 2017 Gas attack kills 70 says WHO. Victims showed symptoms.",
                Some("Gas attack kills 70 says WHO"),
                "Victims showed symptoms.",
                Some("2017-04-05"),
                None,
                None,
            ),
            (
                "Date of publication 18 July 2016 Activists say strikes killed 20.",
                None,
                "Activists say strikes killed 20.",
                Some("2016-07-18"),
                None,
                None,
            ),
            (
                "Posted on April 2 2017 by Jane Roe Doctors accused the army.",
                None,
                "Doctors accused the army.",
                Some("2017-04-02"),
                None,
                None,
            ),
            (
                "08.04.2017(updated 1954 08.04.2017) Get short URL 0 214 The number of dead rose.",
                None,
                "The number of dead rose.",
                Some("2017-04-08"),
                None,
                None,
            ),
            (
                "Saturday 03 December 2016 17:53 Rebels hold the line.",
                None,
                "Rebels hold the line.",
                Some("2016-12-03"),
                None,
                None,
            ),
            (
                "Air raid kills 21 at market Monitor AFP Thursday 24 Apr 2014 Print Tweet An air strike killed 21.",
                None,
                "An air strike killed 21.",
                Some("2014-04-24"),
                Some("AFP"),
                Some("Air raid kills 21 at market Monitor"),
            ),
            (
                "Mon Aug 15 2016 More than 30 Rebels Killed in Suicide Blast. The group claimed it.",
                None,
                "The group claimed it.",
                Some("2016-08-15"),
                None,
                Some("More than 30 Rebels Killed in Suicide Blast"),
            ),
            (
                "09-07-2014 title: Militants Kill 14 in Village. Militants killed 14 civilians.",
                None,
                "Militants killed 14 civilians.",
                Some("2014-07-09"),
                None,
                Some("Militants Kill 14 in Village"),
            ),
            (
                "BEIRUT (Reuters) - Rebels shelled the city.",
                None,
                "Rebels shelled the city.",
                None,
                Some("Reuters"),
                None,
            ),
            ("DAMASCUS, (SANA) – Army units advanced.", None, "Army units advanced.", None, Some("SANA"), None),
            ("Damascus, SANA- Army units advanced.", None, "Army units advanced.", None, Some("SANA"), None),
            (
                "On Jan. 20, 2016, Russian jets struck the town.",
                None,
                "On Jan. 20, 2016, Russian jets struck the town.",
                None,
                None,
                None,
            ),
            (
                "The ministry said on 21 January 2016 that jets struck.",
                None,
                "The ministry said on 21 January 2016 that jets struck.",
                None,
                None,
                None,
            ),
            (
                "Russia and Turkey met. In March 2016 they agreed.",
                None,
                "Russia and Turkey met. In March 2016 they agreed.",
                None,
                None,
                None,
            ),
        ];
        for (par, hint, rest, published, agency, title) in cases {
            let got = lead(par, *hint);
            assert_eq!(&par[got.cut..], *rest, "{par}");
            assert_eq!(got.published.map(|d| d.to_string()).as_deref(), *published, "{par}");
            assert_eq!(got.agency.as_deref(), *agency, "{par}");
            assert_eq!(got.title.as_deref(), *title, "{par}");
        }
    }

    #[test]
    fn signatures() {
        let cases = [
            ("Rebels left the town. - REUTERS", Some((21, "Reuters"))),
            ("The monitor said.--AFP", Some((17, "AFP"))),
            ("Army units advanced. (SANA)", Some((20, "SANA"))),
            ("They met AP officials.", None),
            ("- AFP", None),
        ];
        for (par, want) in cases {
            let got = signature(par);
            assert_eq!(got.as_ref().map(|(n, a)| (*n, a.as_str())), want, "{par}");
        }
    }

    #[test]
    fn repeated_titles() {
        assert_eq!(title_repeat("Syria's war: a review. Body.", "Syrias war A Review"), Some((21, 23)));
        assert_eq!(title_repeat("Other text.", "Syrias war"), None);
        assert_eq!(title_repeat("Short", "Short but longer title"), None);
    }
}
