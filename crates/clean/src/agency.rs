//! News agencies (`data/clean/agencies.txt`) and the two places a report
//! names one: the dateline before its first sentence ("BEIRUT (Reuters) - ",
//! "MOSCOW, January 5 (Sputnik) — ", "Damascus, SANA -") and the signature
//! after its last ("… - REUTERS", "… --AFP", "… /SANA/", "… (AFP)").
//!
//! Both are read by hand. Their grammar is that of two regular expressions
//! (kept in the tests, which check the parsers against them):
//!
//! - dateline, at the start: `\p{Lu}[\p{Lu}.'’ -]{1,40}(?:,\s*[^()\-–—]{1,30}?)?,?\s*\((?P<a1>[^)]{1,30})\)`
//!   (a place in capitals, perhaps a date, the agency in brackets) or
//!   `\p{Lu}[\p{L}.'’ -]{1,40}?,?\s*\(?(?i:AGENCY)\)?` (a place, then a listed
//!   agency), either followed by `\s*[-–—:]{1,2}\s*`;
//! - signature, at the end: `(?i)\s*(?:(?:[-–—]{1,2}|/)\s*\(?AGENCY\)?/?|\(AGENCY\))\.?\s*$`.
//!
//! Compiled, the first expression alone cost more instructions than
//! cleaning a few hundred articles, and matching it filled a backtracking
//! table per document; by hand each is a short scan.

use std::sync::LazyLock;

use crate::charclass::{is_letter, is_upper, prefix_ci, space_len};

static AGENCIES_TXT: &str = include_str!("../../../data/clean/agencies.txt");

/// The agency names, longest first so that "Anadolu Agency" wins over "AA"
/// (the order in which the alternatives are tried).
pub(crate) static AGENCIES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut names: Vec<&str> =
        AGENCIES_TXT.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names
});

/// The agencies in the same order, by the letter they open with (`a`–`z`,
/// folded as `(?i)` folds); names opening otherwise are in every group.
static BY_INITIAL: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
    let mut groups = vec![Vec::new(); 27];
    for name in AGENCIES.iter() {
        match name.chars().next().map(|c| c.to_ascii_lowercase()) {
            Some(c @ 'a'..='z') => groups[usize::from(c as u8 - b'a')].push(*name),
            _ => groups.iter_mut().for_each(|g| g.push(*name)),
        }
    }
    groups
});

/// The agencies that may be named at the start of `s`, in the order tried.
fn candidates(s: &str) -> &'static [&'static str] {
    let folded = match s.chars().next() {
        None => return &[],
        Some('ſ') => 's',
        Some('\u{212a}') => 'k',
        Some(c) => c.to_ascii_lowercase(),
    };
    let group = if folded.is_ascii_lowercase() { usize::from(folded as u8 - b'a') } else { 26 };
    &BY_INITIAL[group]
}

/// The longest place before a dateline's agency, in characters.
const MAX_PLACE_CHARS: usize = 40;
/// The longest date between a place and a bracketed agency, in characters.
const MAX_DATE_CHARS: usize = 30;
/// The longest bracketed agency, in characters.
const MAX_BRACKETED_CHARS: usize = 30;

/// The agency as the data file spells it, or as written when not listed.
pub(crate) fn canonical(name: &str) -> String {
    let name = name.trim();
    AGENCIES.iter().find(|a| a.eq_ignore_ascii_case(name)).map_or_else(|| name.to_owned(), |a| (*a).to_owned())
}

/// A dateline at the very start of `s`: the bytes it takes (separator and
/// following space included) and the agency as written.
pub(crate) fn dateline(s: &str) -> Option<(usize, &str)> {
    // Both forms end with a separator: without one there is nothing to read.
    if !s.contains(['-', '–', '—', ':']) {
        return None;
    }
    let first = s.chars().next().filter(|&c| is_upper(c))?;
    let at = first.len_utf8();
    let (len, agency) = capitals_then_bracket(&s[at..]).or_else(|| place_then_agency(&s[at..]))?;
    Some((at + len, agency))
}

/// `[\p{Lu}.'’ -]{1,40}(?:,\s*[^()\-–—]{1,30}?)?,?\s*\((?P<a1>[^)]{1,30})\)`
/// and the separator. Only one bracket can serve: the first one after the
/// capitals, so the quantifiers decide whether it is reachable, not where.
fn capitals_then_bracket(s: &str) -> Option<(usize, &str)> {
    let run = s.find(|c: char| !(is_upper(c) || matches!(c, '.' | '\'' | '’' | ' ' | '-'))).unwrap_or(s.len());
    let chars = s[..run].chars().count();
    let trimmed = chars - (run - s[..run].trim_end_matches(' ').len());
    if chars == 0 || trimmed > MAX_PLACE_CHARS {
        return None;
    }
    let after = &s[run..];
    let open = match after.strip_prefix(',') {
        // Only the whole run (40 characters at most) can be followed by the comma.
        Some(rest) if chars <= MAX_PLACE_CHARS => run + 1 + date_before_bracket(rest)?,
        _ => run + space_len(after),
    };
    let inside = s[open..].strip_prefix('(')?;
    let close = inside.find(')')?;
    let agency = &inside[..close];
    if !(1..=MAX_BRACKETED_CHARS).contains(&agency.chars().count()) {
        return None;
    }
    let end = open + 1 + close + 1;
    Some((end + separator(&s[end..])?, agency))
}

/// After the comma, `\s*[^()\-–—]{1,30}?,?\s*` up to a bracket: the offset
/// of the bracket. The date between takes 1 to 30 characters once the
/// spaces around it and a final comma are left out as far as needed.
fn date_before_bracket(rest: &str) -> Option<usize> {
    let open = rest.find(['(', ')', '-', '–', '—']).filter(|&i| rest[i..].starts_with('('))?;
    let between = &rest[..open];
    let n = between.chars().count();
    if n == 0 {
        return Some(0);
    }
    let lead = between.chars().take_while(|c| c.is_whitespace()).count();
    let spaced = between.trim_end();
    let trail = n - spaced.chars().count() + usize::from(spaced.ends_with(','));
    (n.saturating_sub(lead + trail) <= MAX_DATE_CHARS).then_some(open)
}

/// `[\p{L}.'’ -]{1,40}?,?\s*\(?AGENCY\)?` and the separator: the shortest
/// place after which a listed agency follows.
fn place_then_agency(s: &str) -> Option<(usize, &str)> {
    for (i, c) in s.char_indices().take(MAX_PLACE_CHARS) {
        if !(is_letter(c) || matches!(c, '.' | '\'' | '’' | ' ' | '-')) {
            return None;
        }
        let at = i + c.len_utf8();
        if let Some((len, agency)) = agency_after_place(&s[at..]) {
            return Some((at + len, agency));
        }
    }
    None
}

/// `,?\s*\(?AGENCY\)?` and the separator at the start of `s`.
fn agency_after_place(s: &str) -> Option<(usize, &str)> {
    let mut at = usize::from(s.starts_with(','));
    at += space_len(&s[at..]);
    at += usize::from(s[at..].starts_with('('));
    let rest = &s[at..];
    candidates(rest).iter().find_map(|name| {
        let len = prefix_ci(rest, name)?;
        let end = at + len + usize::from(rest[len..].starts_with(')'));
        Some((end + separator(&s[end..])?, &rest[..len]))
    })
}

/// `\s*[-–—:]{1,2}\s*`: the bytes it takes.
fn separator(s: &str) -> Option<usize> {
    let mut at = space_len(s);
    let dashes: usize =
        s[at..].chars().take(2).take_while(|c| matches!(c, '-' | '–' | '—' | ':')).map(char::len_utf8).sum();
    if dashes == 0 {
        return None;
    }
    at += dashes;
    Some(at + space_len(&s[at..]))
}

/// A signature at the end of `s`: where it starts (its leading space
/// included) and the agency as written.
pub(crate) fn signature(s: &str) -> Option<(usize, &str)> {
    s.char_indices().map(|(i, _)| i).find_map(|i| signature_at(&s[i..]).map(|agency| (i, agency)))
}

/// `\s*(?:(?:[-–—]{1,2}|/)\s*\(?AGENCY\)?/?|\(AGENCY\))\.?\s*$` matching all of `s`.
fn signature_at(s: &str) -> Option<&str> {
    let s = &s[space_len(s)..];
    if let Some(rest) = s.strip_prefix('(') {
        return candidates(rest).iter().find_map(|name| {
            let len = prefix_ci(rest, name)?;
            rest[len..].strip_prefix(')').filter(|tail| ends_signature(tail)).map(|_| &rest[..len])
        });
    }
    let dashes: usize = s.chars().take(2).take_while(|c| matches!(c, '-' | '–' | '—')).map(char::len_utf8).sum();
    let lead = if dashes > 0 { dashes } else { usize::from(s.starts_with('/')) };
    if lead == 0 {
        return None;
    }
    let mut rest = &s[lead..];
    rest = &rest[space_len(rest)..];
    rest = rest.strip_prefix('(').unwrap_or(rest);
    candidates(rest).iter().find_map(|name| {
        let len = prefix_ci(rest, name)?;
        let tail = &rest[len..];
        let tail = tail.strip_prefix(')').unwrap_or(tail);
        let tail = tail.strip_prefix('/').unwrap_or(tail);
        ends_signature(tail).then(|| &rest[..len])
    })
}

/// `\.?\s*$`
fn ends_signature(s: &str) -> bool {
    s.strip_prefix('.').unwrap_or(s).trim_start().is_empty()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use proptest::prelude::*;
    use regex::Regex;

    use super::*;

    fn alternation() -> String {
        AGENCIES.iter().map(|a| regex::escape(a)).collect::<Vec<_>>().join("|")
    }

    /// The expressions the parsers implement: the oracle they are checked against.
    static DATELINE_RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            concat!(
                r"^(?:\p{{Lu}}[\p{{Lu}}.'’ -]{{1,40}}(?:,\s*[^()\-–—]{{1,30}}?)?,?\s*\((?P<a1>[^)]{{1,30}})\)",
                r"|\p{{Lu}}[\p{{L}}.'’ -]{{1,40}}?,?\s*\(?(?i:(?P<a2>{agencies}))\)?)\s*[-–—:]{{1,2}}\s*",
            ),
            agencies = alternation()
        ))
        .unwrap()
    });

    static SIGNATURE_RE: LazyLock<Regex> = LazyLock::new(|| {
        let agencies = alternation();
        Regex::new(&format!(
            r"(?i)\s*(?:(?:[-–—]{{1,2}}|/)\s*\(?(?P<agency>{agencies})\)?/?|\((?P<paren>{agencies})\))\.?\s*$"
        ))
        .unwrap()
    });

    fn dateline_by_regex(s: &str) -> Option<(usize, &str)> {
        let caps = DATELINE_RE.captures(s)?;
        Some((caps.get(0)?.end(), caps.name("a1").or_else(|| caps.name("a2"))?.as_str()))
    }

    fn signature_by_regex(s: &str) -> Option<(usize, &str)> {
        let caps = SIGNATURE_RE.captures(s)?;
        Some((caps.get(0)?.start(), caps.name("agency").or_else(|| caps.name("paren"))?.as_str()))
    }

    #[test]
    fn datelines() {
        let cases = [
            ("BEIRUT (Reuters) - Rebels shelled the city.", Some("Reuters")),
            ("MOSCOW, January 5 (Sputnik) — Talks began.", Some("Sputnik")),
            ("DAMASCUS, (SANA) – Army units advanced.", Some("SANA")),
            ("Damascus, SANA- Army units advanced.", Some("SANA")),
            ("IDLIB, Syria (AP) — Shelling went on.", Some("AP")),
            ("Idlib, Syria (AP) — Shelling went on.", None),
            ("The army said (in a statement) - nothing.", None),
            ("Rebels shelled the city.", None),
        ];
        for (s, want) in cases {
            assert_eq!(dateline(s).map(|(_, a)| a), want, "{s}");
            assert_eq!(dateline(s), dateline_by_regex(s), "{s}");
        }
    }

    #[test]
    fn signatures() {
        let cases = [
            "killed. - REUTERS",
            "said.--AFP",
            "advanced. (SANA)",
            "left. /SANA/",
            "left. — Anadolu Agency.",
            "met AP officials.",
            "- AFP",
        ];
        for s in cases {
            assert_eq!(signature(s), signature_by_regex(s), "{s}");
        }
    }

    /// Text built from pieces that exercise the grammar's corners.
    fn pieces() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("BEIRUT"),
            Just("Damascus"),
            Just("AL-BAB"),
            Just("O'NEIL"),
            Just("Ömer"),
            Just("É"),
            Just("x"),
            Just("abcdefghij"),
            Just("ABCDEFGHIJKLMNOPQRST"),
            Just(","),
            Just(" "),
            Just("  "),
            Just("\t"),
            Just("\u{a0}"),
            Just("("),
            Just(")"),
            Just("-"),
            Just("–"),
            Just("—"),
            Just(":"),
            Just("/"),
            Just("."),
            Just("'"),
            Just("’"),
            Just("January 5"),
            Just("2016"),
            Just("Reuters"),
            Just("REUTERS"),
            Just("SANA"),
            Just("ſana"),
            Just("AP"),
            Just("APA"),
            Just("AA"),
            Just("Anadolu"),
            Just("Anadolu Agency"),
            Just("\u{212a}yodo"),
            Just("RIA Novosti"),
            Just("Al-Masdar"),
            Just("AFP"),
            Just("Text"),
        ];
        proptest::collection::vec(piece, 0..14).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn datelines_agree_with_the_regex(s in pieces()) {
            prop_assert_eq!(dateline(&s), dateline_by_regex(&s));
        }

        #[test]
        fn signatures_agree_with_the_regex(s in pieces()) {
            prop_assert_eq!(signature(&s), signature_by_regex(&s));
        }
    }
}
