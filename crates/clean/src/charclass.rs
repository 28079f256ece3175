//! Exact character classes and case-insensitive literals for the parsers
//! written by hand (datelines, signatures, the text after a leading date).
//!
//! They answer what the regular expressions they replace answered: `\p{Lu}`,
//! `\p{L}` and `\d` (Unicode decimal digits), `\s` (Unicode white space)
//! and `(?i)` literals under Unicode simple case folding. ASCII is decided
//! directly; other characters are first screened by the standard library
//! (which over-approximates each class: `is_uppercase` ⊇ `\p{Lu}`, …) and
//! only then asked of a one-class regex, compiled on first need. Compiling
//! the classes into bounded repetitions (`[\p{Lu}.' -]{1,40}`) cost more
//! than cleaning a whole corpus.

use std::sync::LazyLock;

use regex::Regex;

static UPPER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\p{Lu}$").expect("valid regex"));
static LETTER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\p{L}$").expect("valid regex"));
static DIGIT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\d$").expect("valid regex"));

fn one(class: &Regex, c: char) -> bool {
    let mut buf = [0u8; 4];
    class.is_match(c.encode_utf8(&mut buf))
}

/// `\p{Lu}`: an upper-case letter.
pub(crate) fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    c.is_uppercase() && one(&UPPER, c)
}

/// `\p{L}`: a letter.
pub(crate) fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    c.is_alphabetic() && one(&LETTER, c)
}

/// `\d` in Unicode mode: a decimal digit of any script.
pub(crate) fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    c.is_numeric() && one(&DIGIT, c)
}

/// `(?-u:\b)` after a word character: the next character is not an ASCII
/// word character.
pub(crate) fn ascii_word_ends(rest: &str) -> bool {
    !rest.as_bytes().first().is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
}

/// `(?-u:\b)` at byte `at` of `text`: an ASCII word character on one side
/// only.
pub(crate) fn ascii_word_boundary(text: &str, at: usize) -> bool {
    let word = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_');
    let bytes = text.as_bytes();
    word(at.checked_sub(1).and_then(|i| bytes.get(i))) != word(bytes.get(at))
}

/// The length of the white space (`\s*`) at the start of `s`.
pub(crate) fn space_len(s: &str) -> usize {
    s.len() - s.trim_start().len()
}

/// Whether `c` equals the pattern character `p` under `(?i)`: ASCII letters
/// also match the two non-ASCII characters that fold to them (`ſ` to `s`,
/// the Kelvin sign to `k`).
fn same_ci(c: char, p: char) -> bool {
    if p.is_ascii() {
        let folded = match c {
            'ſ' => 's',
            '\u{212a}' => 'k',
            c => c.to_ascii_lowercase(),
        };
        return folded == p.to_ascii_lowercase();
    }
    c == p || c.to_lowercase().eq(p.to_lowercase())
}

/// When `s` opens with `pattern` (case-insensitively, as `(?i)` would
/// match it), the number of bytes it takes.
pub(crate) fn prefix_ci(s: &str, pattern: &str) -> Option<usize> {
    // ASCII against ASCII, the usual case, compares bytes.
    if let Some(head) = s.as_bytes().get(..pattern.len()).filter(|h| h.is_ascii() && pattern.is_ascii()) {
        return head.eq_ignore_ascii_case(pattern.as_bytes()).then_some(pattern.len());
    }
    let mut taken = 0;
    let mut chars = s.chars();
    for p in pattern.chars() {
        let c = chars.next().filter(|&c| same_ci(c, p))?;
        taken += c.len_utf8();
    }
    Some(taken)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn classes_agree_with_the_regex_classes() {
        let upper = Regex::new(r"^\p{Lu}$").unwrap();
        let letter = Regex::new(r"^\p{L}$").unwrap();
        let digit = Regex::new(r"^\d$").unwrap();
        let samples = "aZ09 _-.'’ÉéÖıİſ\u{212a}ⅠⅰⒶⓐ٣½²ǅʰ\u{64b}中ß\u{1d400}";
        for c in samples.chars() {
            let s = c.to_string();
            assert_eq!(is_upper(c), upper.is_match(&s), "{c:?}");
            assert_eq!(is_letter(c), letter.is_match(&s), "{c:?}");
            assert_eq!(is_digit(c), digit.is_match(&s), "{c:?}");
        }
    }

    #[test]
    fn prefixes_fold_like_the_regex() {
        assert_eq!(prefix_ci("SANA - x", "sana"), Some(4));
        assert_eq!(prefix_ci("ſana", "SANA"), Some(5));
        assert_eq!(prefix_ci("\u{212a}yodo", "Kyodo"), Some(7));
        assert_eq!(prefix_ci("SAN", "SANA"), None);
        assert_eq!(prefix_ci("İsna", "ISNA"), None);
    }
}
