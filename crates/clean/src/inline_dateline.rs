//! An agency dateline inside a paragraph opens a story. A page flattened
//! to text sometimes runs a caption or a related story's headline into the
//! article ("… local media reported. REUTERS Social Media Website Blast
//! Occurs Near Bus Convoy … Over 20 Dead MOSCOW (Sputnik) The terrorists
//! fired …"): the dateline "MOSCOW (Sputnik)" is where the reporter's text
//! starts again. The dateline is left out of the sentences, and so is the
//! stretch before it when it is a headline (title case, no sentence end):
//! its words would otherwise lend the next sentence places and a toll.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::agency::AGENCIES;
use crate::header::is_title_case;

/// A place in capitals and a bracketed agency, then a capitalised word.
static DATELINE: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"\b\p{Lu}{3,}(?:[ -]\p{Lu}{3,}){0,2},? \(([^()]{2,30})\) \p{Lu}").ok());

/// The stretches of `text[range]` that are datelines and the headlines
/// before them, in order.
#[must_use]
pub(crate) fn stretches(text: &str, range: &Range<usize>) -> Vec<Range<usize>> {
    let Some(re) = DATELINE.as_ref() else { return Vec::new() };
    let s = &text[range.clone()];
    let mut out = Vec::new();
    for c in re.captures_iter(s) {
        let (Some(whole), Some(agency)) = (c.get(0), c.get(1)) else { continue };
        if whole.start() == 0 || !AGENCIES.iter().any(|a| a.eq_ignore_ascii_case(agency.as_str().trim())) {
            continue;
        }
        let end = whole.end() - 1;
        let before = &s[..whole.start()];
        let from = if is_title_case(before) { 0 } else { whole.start() };
        out.push(range.start + from..range.start + end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn left(text: &str) -> Vec<&str> {
        let cut = stretches(text, &(0..text.len()));
        let mut at = 0;
        let mut out = Vec::new();
        for c in cut {
            out.push(text[at..c.start].trim());
            at = c.end;
        }
        out.push(text[at..].trim());
        out.retain(|p| !p.is_empty());
        out
    }

    #[test]
    fn datelines_and_their_headlines_are_cut() {
        let t = "REUTERS Social Media Blast Occurs Near Bus Convoy Over 20 Dead MOSCOW (Sputnik) The terrorists fired shells.";
        assert_eq!(left(t), ["The terrorists fired shells."]);
        let t = "the monitor said on Friday BEIRUT (Reuters) Rebels shelled the town.";
        assert_eq!(left(t), ["the monitor said on Friday", "Rebels shelled the town."]);
        let t = "Troops of the UN (UNIFIL) Patrol went on.";
        assert_eq!(left(t), [t], "not an agency");
    }
}
