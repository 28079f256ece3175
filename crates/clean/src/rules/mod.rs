//! Boilerplate rules: each recognises one kind of publisher furniture (link
//! lists, navigation labels, calls to action, donation appeals, legal
//! notices, source credits, contact lines, site notices).
//!
//! A rule looks at a [`Unit`], a line or a paragraph with a few measured
//! features, and says whether it is furniture. Rules are about *kinds* of
//! furniture, never about one outlet's wording, and each file documents what
//! it drops, why, an example and a counter-example that must be kept.
//! [`RULES`] is the one list of them, in the order they are tried; the code
//! of the first rule that fires is kept for review and tests.

mod call_to_action;
mod contact;
mod credit;
mod donation;
mod legal;
mod link_list;
mod nav_label;
mod site_notice;

use crate::normalise::{count_words, Line};

/// A line or paragraph as the rules see it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Unit<'a> {
    pub text: &'a str,
    /// Words with a letter or digit.
    pub words: usize,
    /// Words that were link text, URLs or e-mail addresses.
    pub link_words: usize,
    /// Links, URLs and addresses (removed `<url>`s included).
    pub links: usize,
}

impl<'a> Unit<'a> {
    pub(crate) fn of_line(line: &'a Line) -> Self {
        Self { text: &line.text, words: line.words, link_words: line.link_words, links: line.links }
    }

    /// A stretch of clean text whose links are no longer known (a sentence).
    pub(crate) fn of_text(text: &'a str) -> Self {
        Self { text, words: count_words(text), link_words: 0, links: 0 }
    }

    /// Words that were not link text.
    pub(crate) fn plain_words(&self) -> usize {
        self.words - self.link_words.min(self.words)
    }
}

/// One boilerplate rule.
#[derive(Debug)]
// `code` and `name` identify a rule in tests and reviews.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) struct Rule {
    /// A stable code (`B01`…), for tests and for explaining a drop.
    pub code: &'static str,
    pub name: &'static str,
    pub applies: fn(&Unit) -> bool,
}

/// Every rule, in the order tried.
pub(crate) const RULES: &[Rule] = &[
    link_list::RULE,
    nav_label::RULE,
    call_to_action::RULE,
    donation::RULE,
    legal::RULE,
    credit::RULE,
    contact::RULE,
    site_notice::RULE,
];

/// The first rule that calls `unit` furniture.
pub(crate) fn furniture(unit: &Unit) -> Option<&'static Rule> {
    RULES.iter().find(|r| (r.applies)(unit))
}

/// True when `text` ends like a sentence: `.`, `!`, `?` or `…`, perhaps
/// followed by closing quotes or brackets.
pub(crate) fn ends_like_sentence(text: &str) -> bool {
    let trimmed = text.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', ' ']);
    trimmed.ends_with(['.', '!', '?', '…'])
}

#[cfg(test)]
pub(crate) fn check(rule: &Rule, cases: &[(&str, bool)]) {
    for (raw, want) in cases {
        let line = crate::normalise::line(raw);
        assert_eq!((rule.applies)(&Unit::of_line(&line)), *want, "{} on {raw:?}", rule.name);
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique() {
        let mut codes: Vec<_> = RULES.iter().map(|r| r.code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), RULES.len());
    }

    #[test]
    fn sentence_endings() {
        for (text, want) in [("Done.", true), ("He said \"go.\"", true), ("Why?)", true), ("Title", false), ("", false)]
        {
            assert_eq!(ends_like_sentence(text), want, "{text}");
        }
    }
}
