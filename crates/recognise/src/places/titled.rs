//! A person's full name next to a title is not a place: "the monitor's head
//! Tarek Abu Salem said", "Tarek Abu Salem, head of the monitor". English
//! writes a person's office as a lower-case noun right before or after the
//! name; a run of two or more capitalised words there is the name, and a
//! given name that is also a gazetteer name ("Tarek" a village somewhere)
//! is no place. So is a name after a capitalised title inside the run
//! ("Russian General Vladimir Savchenko", "President Assad"). The titles are
//! listed in `data/lexicon/person_titles.txt`.
//!
//! A run whose last word is a kind of place or an institution ("Ain Sarab
//! City mayor", "the Merrimack County Superior Court judge") is a
//! place with the title of its official, and stays a place.

use std::collections::HashSet;

use sitrep_model::Span;

const TITLES: &str = include_str!("../../../../data/lexicon/person_titles.txt");

/// Last words of a capitalised run that make it a place's name.
const PLACE_KINDS: &[&str] = &[
    "city",
    "town",
    "village",
    "province",
    "governorate",
    "district",
    "county",
    "region",
    "countryside",
    "camp",
    "area",
];

/// Institutions named after their place: a run that ends with one ("the
/// Merrimack County Superior Court judge") or holds one after the name
/// names the institution's seat, and its place stays a place.
const INSTITUTIONS: &[&str] = &[
    "Court",
    "Council",
    "Police",
    "University",
    "Hospital",
    "Department",
    "Ministry",
    "Committee",
    "Assembly",
    "Office",
    "Board",
    "Commission",
];

/// The listed titles.
#[derive(Debug)]
pub struct Titles(HashSet<&'static str>);

impl Titles {
    #[must_use]
    pub fn embedded() -> Self {
        Titles(TITLES.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect())
    }

    /// True for a title written in lower case.
    fn is_title(&self, word: &str) -> bool {
        word.chars().all(|c| c.is_lowercase()) && self.0.contains(word)
    }

    /// True for a title written with its capital ("General", "Ambassador").
    fn is_capital_title(&self, word: &str) -> bool {
        let mut chars = word.chars();
        chars.next().is_some_and(char::is_uppercase)
            && chars.all(char::is_lowercase)
            && self.0.contains(word.to_lowercase().as_str())
    }
}

/// True when the name at `span` lies in a run of two or more capitalised
/// words (one space apart) that a lower-case title stands right before or
/// after.
#[must_use]
pub fn titled(text: &str, span: Span, titles: &Titles) -> bool {
    let (Some(head), Some(tail)) = (text.get(..span.start), text.get(span.end..)) else { return false };
    let (before, left) = run_before(head);
    let (after, right, last) = run_after(tail);
    let words = 1 + left + right + usize::from(text.get(span.start..span.end).unwrap_or("").contains(' '));
    let place = last.or_else(|| text.get(span.start..span.end)).is_some_and(|w| {
        let w = w.rsplit(' ').next().unwrap_or(w);
        PLACE_KINDS.iter().any(|k| w.eq_ignore_ascii_case(k)) || INSTITUTIONS.contains(&w)
    });
    // A title or an institution after the name makes the name part of an
    // office ("Chief Kanawha Circuit Judge Jim Stucky", "Governor Aleppo
    // Council"), not a person's. Asked last: most names have no title
    // before them.
    let office = || {
        let mut rest = tail.split(' ').take(right + 1).map(|w| w.trim_matches([',', '.']));
        rest.any(|w| titles.is_capital_title(w) || INSTITUTIONS.contains(&w))
    };
    let capital_title =
        title_in_run(head, titles) && (right > 0 || titles.is_capital_title(last_word(head))) && !office();
    !place && ((words >= 2 && (titles.is_title(before) || titles.is_title(after))) || capital_title)
}

/// True when the capitalised run before a name holds a title written with
/// its capital, as English writes a title before a name ("Russian General
/// Vladimir Savchenko", "Deputy Ambassador Vladimir Safronkov", "President
/// Assad"): the name after it is the person's.
fn title_in_run(head: &str, titles: &Titles) -> bool {
    let Some(head) = head.strip_suffix(' ') else { return false };
    head.rsplit(' ')
        .take_while(|w| capitalised(w) && !w.ends_with([',', '.', ';', ':']))
        .any(|w| titles.is_capital_title(w))
}

/// The last word of `head` (which ends with a space before a name).
fn last_word(head: &str) -> &str {
    head.trim_end().rsplit(' ').next().unwrap_or("")
}

/// True for a capitalised word, or one with a lower-case article joined by
/// a hyphen ("al-Salem").
fn capitalised(word: &str) -> bool {
    let word = match word.split_once('-') {
        Some((article, rest)) if article.len() <= 3 && article.chars().all(char::is_lowercase) => rest,
        _ => word,
    };
    word.chars().next().is_some_and(char::is_uppercase) && word.chars().skip(1).any(char::is_lowercase)
}

/// Before a name: the word before its capitalised run, and how many
/// capitalised words the run has before the name.
fn run_before(head: &str) -> (&str, usize) {
    let Some(head) = head.strip_suffix(' ') else { return ("", 0) };
    let mut n = 0;
    for word in head.rsplit(' ') {
        if capitalised(word) && !word.ends_with([',', '.', ';', ':']) {
            n += 1;
        } else {
            return (word, n);
        }
    }
    ("", n)
}

/// After a name: the word after its capitalised run (past a comma: "Tarek
/// Abu Salem, head of"), how many capitalised words the run has after the
/// name, and the run's last word.
fn run_after(tail: &str) -> (&str, usize, Option<&str>) {
    let (mut n, mut last) = (0, None);
    let Some(tail) = tail.strip_prefix(' ').or_else(|| tail.strip_prefix(", ")) else { return ("", 0, None) };
    let mut comma = false;
    for word in tail.split(' ') {
        let bare = word.trim_end_matches([',', '.', ';', ':']);
        if comma || !capitalised(bare) {
            return (bare, n, last);
        }
        n += 1;
        last = Some(bare);
        if word.ends_with(',') {
            comma = true;
        } else if bare.len() < word.len() {
            return ("", n, last);
        }
    }
    ("", n, last)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (text, name, a person's name)
    const CASES: &[(&str, &str, bool)] = &[
        ("the monitor's head Tarek Abu Salem said", "Tarek", true),
        ("the monitor's head Tarek Abu Salem said", "Abu Salem", true),
        ("said Tarek Abu Salem head of the monitor", "Tarek", true),
        ("the monitor's head Tarek said", "Tarek", false),
        ("the attack on Tarek Abu Salem yesterday", "Tarek", false),
        ("the Ain Sarab City mayor said", "Ain Sarab", false),
        ("its head, Tarek Abu Salem", "Tarek", false),
        ("the chief of Ain Sarab district", "Ain Sarab", false),
        ("Russian General Vladimir Savchenko said", "Vladimir", true),
        ("Deputy Ambassador Vladimir Safronkov cast doubt", "Vladimir", true),
        ("a speech by President Assad on Sunday", "Assad", true),
        ("General Motors closed its plant in Detroit", "Detroit", false),
        ("President Erdogan visited Ankara Airport", "Ankara", false),
        ("Chief Kanawha Circuit Judge Jim Stucky accepted", "Kanawha", false),
        ("A Merrimack County Superior Court judge denied", "Merrimack County", false),
    ];

    #[test]
    fn names_next_to_titles() {
        let t = Titles::embedded();
        for (text, name, want) in CASES {
            let start = text.find(name).unwrap_or(0);
            assert_eq!(titled(text, Span::new(start, start + name.len()), &t), *want, "{text} / {name}");
        }
    }
}
