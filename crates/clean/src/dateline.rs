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

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use crate::dates;
use crate::header::is_title_case;
use crate::normalise::count_words;

static AGENCIES_TXT: &str = include_str!("../../../data/clean/agencies.txt");

/// The agency names, longest first so that "Anadolu Agency" wins over "AA".
static AGENCIES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut names: Vec<&str> = AGENCIES_TXT.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names
});

fn agency_alternation() -> String {
    AGENCIES.iter().map(|a| regex::escape(a)).collect::<Vec<_>>().join("|")
}

/// A label before a leading date.
static DATE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:date of publication|published(?: on)?|posted(?: on)?|updated(?: on)?|last updated|first published)\s*:?\s*")
        .expect("valid regex")
});

/// What may follow a leading date: a time, an update note, an author,
/// share-widget words and their counters.
static AFTER_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:\s*(?:\|\s*)?(?:(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?i:am|pm|a\.m\.|p\.m\.|gmt|utc))?",
        r"|\((?i:updated)[^)]{0,40}\)|(?i:last updated)[^.]{0,30}?\d{4}",
        r"|by\s+\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+)?",
        r"|(?i:get short url)(?:\s+\d+){0,2}|(?i:print|tweet|share|e-?mail|views?)(?-u:\b)(?:\s+\d+)?))+",
    ))
    .expect("valid regex")
});

static TITLE_LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^title\s*:\s*(?P<title>[^.!?]{3,200}[.!?])\s*").expect("valid regex"));

/// "BEIRUT (Reuters) - ", "MOSCOW, January 5 (Sputnik) — ", "Damascus, SANA -".
static AGENCY_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    let agencies = agency_alternation();
    Regex::new(&format!(
        concat!(
            r"^(?:\p{{Lu}}[\p{{Lu}}.'’ -]{{1,40}}(?:,\s*[^()\-–—]{{1,30}}?)?,?\s*\((?P<a1>[^)]{{1,30}})\)",
            r"|\p{{Lu}}[\p{{L}}.'’ -]{{1,40}}?,?\s*\(?(?i:(?P<a2>{agencies}))\)?)\s*[-–—:]{{1,2}}\s*",
        ),
        agencies = agencies
    ))
    .expect("valid regex")
});

/// "… - REUTERS", "… --AFP", "… /SANA/", "… (AFP)" at the end.
static SIGNATURE: LazyLock<Regex> = LazyLock::new(|| {
    let agencies = agency_alternation();
    Regex::new(&format!(r"(?i)\s*(?:(?:[-–—]{{1,2}}|/)\s*\(?(?P<agency>{agencies})\)?/?|\((?P<paren>{agencies})\))\.?\s*$"))
        .expect("valid regex")
});

/// Words that end a headline fragment only inside a sentence: a date after
/// them is part of the sentence ("on 21 January 2016").
const PREPOSITIONS: &[&str] = &[
    "on", "in", "since", "until", "till", "from", "by", "of", "to", "at", "before", "after", "during", "between", "and",
    "since", "as", "said", "says", "the", "that", "than", "for", "with", "was", "were", "is",
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
    if let Some(title) = title_hint.or(lead.title.as_deref()) {
        lead.cut += repeated_title(&par[lead.cut..], title);
    }
    lead
}

/// A date at the very start (after an optional label), with what follows it.
fn leading_date(s: &str, lead: &mut Lead) -> usize {
    let label = DATE_LABEL.find(s).map_or(0, |m| m.end());
    let Some(found) = dates::find(head(&s[label..], MAX_DATE_BYTES)).filter(|f| f.range.start == 0) else { return 0 };
    lead.published = Some(found.date);
    let end = label + found.range.end;
    end + after_date(&s[end..])
}

fn after_date(s: &str) -> usize {
    let junk = AFTER_DATE.find(s).map_or(0, |m| m.end());
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
        Some((head, last)) if AGENCIES.contains(&last) => (head.trim_end(), Some(canonical_agency(last))),
        _ => (headline, None),
    }
}

/// After a leading date, a first sentence in title case is the headline
/// ("Wed 05 Apr 2017 Army Retakes Town. The army…"): it becomes the title
/// and leaves the text. A headline in sentence case cannot be told from a
/// lead sentence and stays.
fn headline_sentence(s: &str, lead: &mut Lead) -> usize {
    let Some(first) = crate::sentences::split(s).into_iter().next() else { return 0 };
    let sentence = &s[first.clone()];
    let rest = &s[first.end..];
    if rest.trim().is_empty() || count_words(sentence) > MAX_HEADLINE_WORDS || !is_title_case(sentence) {
        return 0;
    }
    lead.title = Some(sentence.trim_end_matches(['.', ' ']).to_owned());
    first.end + rest.len() - rest.trim_start().len()
}

fn title_label(s: &str, lead: &mut Lead) -> usize {
    let Some(caps) = TITLE_LABEL.captures(s) else { return 0 };
    let title = caps.name("title").map(|m| m.as_str().trim_end_matches(['.', ' ']).to_owned());
    lead.title = lead.title.take().or(title);
    caps.get(0).map_or(0, |m| m.end())
}

fn agency_dateline(s: &str, lead: &mut Lead) -> usize {
    let Some(caps) = AGENCY_DATELINE.captures(head(s, MAX_DATELINE_BYTES)) else { return 0 };
    let agency = caps.name("a1").or_else(|| caps.name("a2")).map(|m| canonical_agency(m.as_str()));
    lead.agency = lead.agency.take().or(agency);
    caps.get(0).map_or(0, |m| m.end())
}

/// The agency as the data file spells it, or as written when not listed.
fn canonical_agency(name: &str) -> String {
    let name = name.trim();
    AGENCIES.iter().find(|a| a.eq_ignore_ascii_case(name)).map_or_else(|| name.to_owned(), |a| (*a).to_owned())
}

/// When `s` opens with `title` (letters and digits compared, case and
/// punctuation ignored), the bytes that title and the punctuation after it
/// take; 0 otherwise.
pub(crate) fn repeated_title(s: &str, title: &str) -> usize {
    let mut wanted = title.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).peekable();
    if wanted.peek().is_none() {
        return 0;
    }
    for (i, c) in s.char_indices() {
        if !c.is_alphanumeric() {
            continue;
        }
        if c.to_lowercase().any(|lc| Some(lc) != wanted.next()) {
            return 0;
        }
        if wanted.peek().is_none() {
            let end = i + c.len_utf8();
            let rest = &s[end..];
            return end + rest.len() - rest.trim_start_matches(['.', ':', '-', '–', '—', '|', ' ']).len();
        }
    }
    0
}

/// A closing agency signature on the last paragraph: the new length of the
/// paragraph and the agency.
pub(crate) fn signature(par: &str) -> Option<(usize, String)> {
    let mut from = par.len().saturating_sub(MAX_SIGNATURE_BYTES);
    while !par.is_char_boundary(from) {
        from -= 1;
    }
    let caps = SIGNATURE.captures(&par[from..])?;
    let agency = caps.name("agency").or_else(|| caps.name("paren"))?.as_str();
    let start = from + caps.get(0)?.start();
    (start > 0).then(|| (start, canonical_agency(agency)))
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
            ("Wed 05 Apr 2017 Gas attack kills 70 says WHO. Victims showed symptoms.", None,
             "Gas attack kills 70 says WHO. Victims showed symptoms.", Some("2017-04-05"), None, None),
            ("Wed 05 Apr 2017 Gas attack kills 70 says WHO. Victims showed symptoms.", Some("Gas attack kills 70 says WHO"),
             "Victims showed symptoms.", Some("2017-04-05"), None, None),
            ("Date of publication 18 July 2016 Activists say strikes killed 20.", None,
             "Activists say strikes killed 20.", Some("2016-07-18"), None, None),
            ("Posted on April 2 2017 by Jane Roe Doctors accused the army.", None,
             "Doctors accused the army.", Some("2017-04-02"), None, None),
            ("08.04.2017(updated 1954 08.04.2017) Get short URL 0 214 The number of dead rose.", None,
             "The number of dead rose.", Some("2017-04-08"), None, None),
            ("Saturday 03 December 2016 17:53 Rebels hold the line.", None,
             "Rebels hold the line.", Some("2016-12-03"), None, None),
            ("Air raid kills 21 at market Monitor AFP Thursday 24 Apr 2014 Print Tweet An air strike killed 21.", None,
             "An air strike killed 21.", Some("2014-04-24"), Some("AFP"), Some("Air raid kills 21 at market Monitor")),
            ("Mon Aug 15 2016 More than 30 Rebels Killed in Suicide Blast. The group claimed it.", None,
             "The group claimed it.", Some("2016-08-15"), None, Some("More than 30 Rebels Killed in Suicide Blast")),
            ("09-07-2014 title: Militants Kill 14 in Village. Militants killed 14 civilians.", None,
             "Militants killed 14 civilians.", Some("2014-07-09"), None, Some("Militants Kill 14 in Village")),
            ("BEIRUT (Reuters) - Rebels shelled the city.", None, "Rebels shelled the city.", None, Some("Reuters"), None),
            ("DAMASCUS, (SANA) – Army units advanced.", None, "Army units advanced.", None, Some("SANA"), None),
            ("Damascus, SANA- Army units advanced.", None, "Army units advanced.", None, Some("SANA"), None),
            ("On Jan. 20, 2016, Russian jets struck the town.", None, "On Jan. 20, 2016, Russian jets struck the town.", None, None, None),
            ("The ministry said on 21 January 2016 that jets struck.", None, "The ministry said on 21 January 2016 that jets struck.", None, None, None),
            ("Russia and Turkey met. In March 2016 they agreed.", None, "Russia and Turkey met. In March 2016 they agreed.", None, None, None),
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
        assert_eq!(repeated_title("Syria's war: a review. Body.", "Syrias war A Review"), 23);
        assert_eq!(repeated_title("Other text.", "Syrias war"), 0);
        assert_eq!(repeated_title("Short", "Short but longer title"), 0);
    }
}
