//! A news source is not a place. Reports name who they heard from: "well-
//! informed sources told Al-Manar", "according to Al-Manar reporter". The
//! one told, and a name the report is "according to" before a noun of
//! newsgathering, is an outlet or a person, whatever a gazetteer lists
//! under the same spelling (Al Manar is also a village in Yemen). A city
//! before "correspondent" elsewhere stays a toponym: "a Kabul
//! correspondent" is placed, only not where an event is.

use sitrep_model::Span;

/// Verbs whose object is the one told.
const TOLD: &[&str] = &["told", "tells", "telling", "tell"];

/// Nouns of newsgathering: a name right before one is the outlet's.
const MEDIA: &[&str] = &[
    "reporter",
    "reporters",
    "correspondent",
    "correspondents",
    "tv",
    "television",
    "channel",
    "agency",
    "website",
    "newspaper",
    "daily",
    "radio",
];

/// True when the name at `span` is the one told or a news outlet.
#[must_use]
pub fn is_source(text: &str, span: Span) -> bool {
    let before = text.get(..span.start).unwrap_or("").trim_end();
    let told = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .is_some_and(|w| TOLD.iter().any(|t| w.eq_ignore_ascii_case(t)));
    let after = text.get(span.end..).unwrap_or("");
    let next = after
        .trim_start_matches(['\'', '\u{2019}', 's'])
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    let joined = after.starts_with(' ') || after.starts_with("'s ") || after.starts_with("\u{2019}s ");
    let according = before.to_ascii_lowercase().ends_with("according to");
    told || (according && joined && MEDIA.iter().any(|m| next.eq_ignore_ascii_case(m)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(text: &str, name: &str) -> bool {
        let at = text.find(name).expect("name in text");
        is_source(text, Span::new(at, at + name.len()))
    }

    #[test]
    fn outlets_and_addressees() {
        assert!(source("well-informed sources told Al-Manar. The army", "Al-Manar"));
        assert!(source("killing 15 according to Al-Manar reporter.", "Al-Manar"));
        assert!(!source("a Kabul correspondent said", "Kabul"));
        assert!(!source("clashes in Kabul on Monday", "Kabul"));
        assert!(!source("according to Kabul police", "Kabul"));
    }
}
