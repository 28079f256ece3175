//! Sentence splitting for news prose.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (runs such as `?!` or `...`
//! included), followed by closing quotes or brackets, then whitespace, then
//! something that can open a sentence: an upper-case letter, a digit, an
//! opening quote or bracket. A lower-case continuation never starts one.
//!
//! A period does not end a sentence after a decimal digit with no space
//! ("1.5"), a single initial ("A. Smith"), a title ("Gen.", "Lt.", "Dr.",
//! "St."), a word that precedes numbers when a number follows ("Jan. 20",
//! "No. 5"), or an initialism ("U.S.", "U.N.", "a.m.") or ambiguous
//! abbreviation ("Inc.", "Jr.") unless a usual sentence opener ("The", "He",
//! "In"…) follows. The lists live in `data/clean/abbreviations.txt`.
//!
//! A tag list run into the prose is left out of the sentences
//! ([`crate::tag_list`]).

use std::ops::Range;
use std::sync::LazyLock;

static ABBREVIATIONS_TXT: &str = include_str!("../../../data/clean/abbreviations.txt");

type WordSet = sitrep_model::fnv::FnvHashSet<&'static str>;

/// The abbreviation lists, read once from the data file.
#[derive(Debug, Default)]
struct Abbreviations {
    title: WordSet,
    number: WordSet,
    ambiguous: WordSet,
    starters: WordSet,
}

static ABBREVIATIONS: LazyLock<Abbreviations> = LazyLock::new(|| Abbreviations::parse(ABBREVIATIONS_TXT));

impl Abbreviations {
    fn parse(text: &'static str) -> Self {
        let mut lists = Self::default();
        let mut section = "";
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = name;
                continue;
            }
            let set = match section {
                "title" => &mut lists.title,
                "number" => &mut lists.number,
                "ambiguous" => &mut lists.ambiguous,
                "starters" => &mut lists.starters,
                _ => continue,
            };
            set.extend(line.split_whitespace());
        }
        lists
    }
}

/// Characters that may close a sentence after its final punctuation.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '›' | '*')
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// Characters that may open a sentence besides letters and digits.
fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '«' | '‹' | '-' | '–' | '—')
}

/// The byte ranges of the sentences of `text`, trimmed, in order.
#[must_use]
pub(crate) fn split(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while let Some((end, next)) = next_boundary(text, i) {
        push_cut(&mut out, text, start..end);
        start = next;
        i = next;
    }
    push_cut(&mut out, text, start..text.len());
    out
}

/// Push a sentence without its inline tag lists ([`crate::tag_list`]) and
/// datelines ([`crate::inline_dateline`]).
fn push_cut(out: &mut Vec<Range<usize>>, text: &str, range: Range<usize>) {
    let mut skip = crate::tag_list::lists(text, &range);
    skip.extend(crate::inline_dateline::stretches(text, &range));
    skip.sort_by_key(|r| r.start);
    let mut start = range.start;
    for cut in skip {
        if cut.start >= start {
            push_trimmed(out, text, start..cut.start);
        }
        start = start.max(cut.end);
    }
    push_trimmed(out, text, start..range.end);
}

/// The first sentence of `text`: `split(text)[0]` without splitting the rest.
#[must_use]
pub(crate) fn first(text: &str) -> Option<Range<usize>> {
    let end = next_boundary(text, 0).map_or(text.len(), |(end, _)| end);
    trimmed(text, 0..end)
}

/// The next sentence end at or after `from`: the end of the sentence and
/// the start of the next one.
fn next_boundary(text: &str, from: usize) -> Option<(usize, usize)> {
    let mut search = from;
    loop {
        let punct = search + find_terminal(&text[search..])?;
        let end = skip_while(text, punct, |c| is_terminal(c) || is_closer(c));
        let next = skip_while(text, end, char::is_whitespace);
        if next > end && next < text.len() && ends_here(text, punct, end, next) {
            return Some((end, next));
        }
        search = end.max(punct + 1);
    }
}

/// Where the first terminal character is; a byte scan, as every terminal
/// but `…` (`E2 80 A6`) is ASCII.
fn find_terminal(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut from = 0;
    loop {
        let at = from + bytes[from..].iter().position(|&b| matches!(b, b'.' | b'!' | b'?' | 0xE2))?;
        if bytes[at] != 0xE2 || s[at..].starts_with('…') {
            return Some(at);
        }
        from = at + 1;
    }
}

fn skip_while(text: &str, from: usize, keep: impl Fn(char) -> bool) -> usize {
    text[from..].char_indices().find(|&(_, c)| !keep(c)).map_or(text.len(), |(i, _)| from + i)
}

/// Whether the punctuation at `punct` (closers up to `end`, next sentence
/// at `next`) ends a sentence.
fn ends_here(text: &str, punct: usize, end: usize, next: usize) -> bool {
    let Some(first) = text[next..].chars().next() else { return false };
    if !(first.is_uppercase() || first.is_numeric() || is_opener(first)) {
        return false;
    }
    let run = &text[punct..end];
    if !run.starts_with('.') || run.starts_with("..") {
        return true;
    }
    let word = word_before(text, punct);
    let next_word = text[next..].split_whitespace().next().unwrap_or("");
    !is_abbreviation(word, next_word)
}

/// The word before a period, without opening punctuation: `(Gen` → `Gen`.
fn word_before(text: &str, punct: usize) -> &str {
    let start = text[..punct].rfind(char::is_whitespace).map_or(0, |i| i + 1);
    text[start..punct].trim_start_matches(|c: char| !c.is_alphanumeric())
}

/// Whether the period after `word` belongs to an abbreviation rather than
/// ending the sentence, given the word that follows.
fn is_abbreviation(word: &str, next_word: &str) -> bool {
    let lists = &*ABBREVIATIONS;
    if is_initial(word) || lists.title.contains(word) {
        return true;
    }
    if lists.number.contains(word) {
        return next_word.starts_with(|c: char| c.is_ascii_digit());
    }
    if is_initialism(word) || lists.ambiguous.contains(word) {
        let next_bare = next_word.trim_matches(|c: char| !c.is_alphanumeric());
        return !lists.starters.contains(next_bare);
    }
    false
}

/// A single capital letter: an initial, as in "A. Smith".
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

/// Letters separated by periods: "U.S", "U.N", "a.m", "e.g" (the final
/// period is the one being judged).
fn is_initialism(word: &str) -> bool {
    word.len() >= 3 && word.split('.').all(|part| part.chars().count() == 1 && part.chars().all(char::is_alphabetic))
}

fn push_trimmed(out: &mut Vec<Range<usize>>, text: &str, range: Range<usize>) {
    out.extend(trimmed(text, range));
}

/// `range` without surrounding white space, unless nothing is left.
fn trimmed(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let piece = &text[range.clone()];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    (lead + trail < piece.len()).then(|| range.start + lead..range.end - trail)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn splitting_cases() {
        let cases: &[(&str, &[&str])] = &[
            ("One. Two.", &["One.", "Two."]),
            ("On Jan. 20, jets struck. Then they left.", &["On Jan. 20, jets struck.", "Then they left."]),
            (
                "Gen. Ali and Lt. Col. Omar met Dr. Haddad in St. Petersburg.",
                &["Gen. Ali and Lt. Col. Omar met Dr. Haddad in St. Petersburg."],
            ),
            ("The U.S. Army said so. The U.N. agreed.", &["The U.S. Army said so.", "The U.N. agreed."]),
            ("He visited the U.S. The trip was short.", &["He visited the U.S.", "The trip was short."]),
            ("A. Smith wrote it.", &["A. Smith wrote it."]),
            ("Growth was 1.5 percent. Prices rose.", &["Growth was 1.5 percent.", "Prices rose."]),
            ("He said: \"We will win.\" The army advanced.", &["He said: \"We will win.\"", "The army advanced."]),
            ("Is it over? (No one knows.) Fighting went on!", &["Is it over?", "(No one knows.)", "Fighting went on!"]),
            ("They waited... and waited... Then it came.", &["They waited... and waited...", "Then it came."]),
            ("It ended at 5 p.m. The next day was calm.", &["It ended at 5 p.m.", "The next day was calm."]),
            ("It ended at 5 p.m. local time.", &["It ended at 5 p.m. local time."]),
            ("Section No. 5 was hit. No one died.", &["Section No. 5 was hit.", "No one died."]),
            ("Rebels took the town. 12 people died.", &["Rebels took the town.", "12 people died."]),
            ("  Leading and trailing.  ", &["Leading and trailing."]),
            ("No final stop", &["No final stop"]),
            ("Visit example.com today.", &["Visit example.com today."]),
            ("", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(sentences(text), *want, "{text}");
            assert_eq!(first(text).map(|r| &text[r]), want.first().copied(), "{text}");
        }
    }

    #[test]
    fn the_data_file_is_read() {
        let lists = &*ABBREVIATIONS;
        assert!(lists.title.contains("Gen") && lists.number.contains("Jan") && lists.starters.contains("The"));
        assert!(lists.ambiguous.contains("Inc"));
    }
}
