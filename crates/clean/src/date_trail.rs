//! What may follow a leading date on a flattened page: a time ("17:53",
//! "at 9:30 a.m. GMT"), an update note ("(updated 1954 08.04.2017)", "Last
//! updated: 5 May 2016"), an author ("by Jane Roe"), share-widget words and
//! their counters ("Print Tweet", "Get short URL 0 214", "Views 1200"),
//! any number of them, each perhaps after a `|`.
//!
//! Read by hand; the grammar is that of the expression kept in the tests as
//! the oracle (`^(?:\s*(?:\|\s*)?(?:TIME|UPDATED|LAST UPDATED|BY|SHORT URL|WIDGET))+`),
//! whose compiled form cost more than the documents it was run on. Each
//! item is taken by the first alternative that matches it, as the
//! expression's leftmost-first semantics do.

use crate::charclass::{ascii_word_ends, is_digit, is_letter, is_upper, prefix_ci, space_len};

/// The longest update note inside brackets, in characters.
const MAX_NOTE_CHARS: usize = 40;
/// How far after "Last updated" its year may be, in characters.
const MAX_LAST_UPDATED_CHARS: usize = 30;

/// Suffixes of a time, in the order tried, matched case-insensitively.
const TIME_SUFFIXES: &[&str] = &["am", "pm", "a.m.", "p.m.", "gmt", "utc"];
/// Share-widget words, in the order tried (a longer form before its prefix).
const WIDGET_WORDS: &[&str] = &["print", "tweet", "share", "e-mail", "email", "views", "view"];

/// The bytes taken by the items at the start of `s` (0 when none).
pub(crate) fn len(s: &str) -> usize {
    let mut end = 0;
    loop {
        let mut at = end + space_len(&s[end..]);
        if s[at..].starts_with('|') {
            at += 1 + space_len(&s[at + 1..]);
        }
        match item(&s[at..]) {
            Some(n) => end = at + n,
            None => return end,
        }
    }
}

/// One item at the start of `s`: the bytes it takes.
fn item(s: &str) -> Option<usize> {
    time(s)
        .or_else(|| updated_note(s))
        .or_else(|| last_updated(s))
        .or_else(|| author(s))
        .or_else(|| short_url(s))
        .or_else(|| widget(s))
}

/// `(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?i:am|pm|a\.m\.|p\.m\.|gmt|utc))?`
fn time(s: &str) -> Option<usize> {
    let mut at = 0;
    if let Some(rest) = s.strip_prefix("at") {
        let spaces = space_len(rest);
        if spaces > 0 {
            at = 2 + spaces;
        }
    }
    let hour = digits(&s[at..], 2);
    if hour == 0 || !s[at + hour..].starts_with(':') {
        return None;
    }
    at += hour + 1 + two_digits(&s[at + hour + 1..])?;
    if let Some(seconds) = s[at..].strip_prefix(':').and_then(two_digits) {
        at += 1 + seconds;
    }
    let spaces = space_len(&s[at..]);
    let suffix = TIME_SUFFIXES.iter().find_map(|x| prefix_ci(&s[at + spaces..], x));
    Some(at + suffix.map_or(0, |n| spaces + n))
}

/// The bytes taken by at most `max` decimal digits at the start of `s`.
fn digits(s: &str, max: usize) -> usize {
    s.chars().take(max).take_while(|&c| is_digit(c)).map(char::len_utf8).sum()
}

/// `\d{2}`: the bytes two decimal digits take.
fn two_digits(s: &str) -> Option<usize> {
    let n = digits(s, 2);
    (s[..n].chars().count() == 2).then_some(n)
}

/// `\((?i:updated)[^)]{0,40}\)`
fn updated_note(s: &str) -> Option<usize> {
    let rest = s.strip_prefix('(')?;
    let word = prefix_ci(rest, "updated")?;
    let close = rest[word..].find(')')?;
    (rest[word..word + close].chars().count() <= MAX_NOTE_CHARS).then_some(1 + word + close + 1)
}

/// `(?i:last updated)[^.]{0,30}?\d{4}`: the nearest year.
fn last_updated(s: &str) -> Option<usize> {
    let word = prefix_ci(s, "last updated")?;
    let rest = &s[word..];
    let mut starts = rest.char_indices().map(|(i, _)| i).chain(std::iter::once(rest.len()));
    starts.by_ref().take(MAX_LAST_UPDATED_CHARS + 1).find_map(|i| {
        let year = digits(&rest[i..], 4);
        if year > 0 && rest[i..i + year].chars().count() == 4 {
            Some(Some(word + i + year))
        } else if rest[i..].starts_with('.') || i == rest.len() {
            Some(None)
        } else {
            None
        }
    })?
}

/// `by\s+\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+)?`
fn author(s: &str) -> Option<usize> {
    let rest = s.strip_prefix("by")?;
    let spaces = space_len(rest);
    let first = name(&rest[spaces..]).filter(|_| spaces > 0)?;
    let mut at = 2 + spaces + first;
    let spaces = space_len(&s[at..]);
    if let Some(second) = name(&s[at + spaces..]).filter(|_| spaces > 0) {
        at += spaces + second;
    }
    Some(at)
}

/// `\p{Lu}[\p{L}'-]+`
fn name(s: &str) -> Option<usize> {
    let first = s.chars().next().filter(|&c| is_upper(c))?;
    let rest = &s[first.len_utf8()..];
    let tail = rest.find(|c: char| !(is_letter(c) || c == '\'' || c == '-')).unwrap_or(rest.len());
    (tail > 0).then_some(first.len_utf8() + tail)
}

/// `(?i:get short url)(?:\s+\d+){0,2}`
fn short_url(s: &str) -> Option<usize> {
    let mut at = prefix_ci(s, "get short url")?;
    for _ in 0..2 {
        match counter(&s[at..]) {
            Some(n) => at += n,
            None => break,
        }
    }
    Some(at)
}

/// `\s+\d+`
fn counter(s: &str) -> Option<usize> {
    let spaces = space_len(s);
    let n = digits(&s[spaces..], usize::MAX);
    (spaces > 0 && n > 0).then_some(spaces + n)
}

/// `(?i:print|tweet|share|e-?mail|views?)(?-u:\b)(?:\s+\d+)?`
fn widget(s: &str) -> Option<usize> {
    let word = WIDGET_WORDS.iter().find_map(|w| prefix_ci(s, w).filter(|&n| ascii_word_ends(&s[n..])))?;
    Some(word + counter(&s[word..]).unwrap_or(0))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use proptest::prelude::*;
    use regex::Regex;

    use super::*;

    static ORACLE: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
        Regex::new(concat!(
            r"^(?:\s*(?:\|\s*)?(?:(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?i:am|pm|a\.m\.|p\.m\.|gmt|utc))?",
            r"|\((?i:updated)[^)]{0,40}\)|(?i:last updated)[^.]{0,30}?\d{4}",
            r"|by\s+\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+)?",
            r"|(?i:get short url)(?:\s+\d+){0,2}|(?i:print|tweet|share|e-?mail|views?)(?-u:\b)(?:\s+\d+)?))+",
        ))
        .unwrap()
    });

    fn by_regex(s: &str) -> usize {
        ORACLE.find(s).map_or(0, |m| m.end())
    }

    #[test]
    fn items() {
        let cases = [
            ("17:53 Rebels hold the line.", "17:53"),
            (
                "(updated 1954 08.04.2017) Get short URL 0 214 The number",
                "(updated 1954 08.04.2017) Get short URL 0 214",
            ),
            ("by Jane Roe Doctors accused", "by Jane Roe"),
            ("| at 9:30 GMT | Print Tweet Share 12 Text", "| at 9:30 GMT | Print Tweet Share 12"),
            ("at 9:30 a.m. GMT", "at 9:30 a.m."),
            ("Last updated: 5 May 2016 Text", "Last updated: 5 May 2016"),
            ("Printing presses", ""),
            ("Army units", ""),
        ];
        for (s, want) in cases {
            assert_eq!(&s[..len(s)], want, "{s}");
            assert_eq!(len(s), by_regex(s), "{s}");
        }
    }

    fn pieces() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("at"),
            Just(" "),
            Just("\u{a0}"),
            Just("|"),
            Just("1"),
            Just("12"),
            Just("٣"),
            Just(":"),
            Just("05"),
            Just("am"),
            Just("A.M."),
            Just("p.m."),
            Just("GMT"),
            Just("("),
            Just(")"),
            Just("Updated"),
            Just("last updated"),
            Just("."),
            Just("2016"),
            Just("by"),
            Just("Jane"),
            Just("Roe"),
            Just("O'Neil"),
            Just("Éva"),
            Just("jane"),
            Just("get short url"),
            Just("Print"),
            Just("Tweet"),
            Just("ſhare"),
            Just("e-mail"),
            Just("Email"),
            Just("views"),
            Just("viewsx"),
            Just("_"),
            Just("x"),
            Just("Text"),
        ];
        proptest::collection::vec(piece, 0..16).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn agrees_with_the_regex(s in pieces()) {
            prop_assert_eq!(len(&s), by_regex(&s));
        }
    }
}
