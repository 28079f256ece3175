//! B06 source credit: where the text came from and who wrote or edited it.
//!
//! **Drops** short lines that credit a source, an author or an editor:
//! "The original source of this article is X", "This article was originally
//! published by X", "Articles by: X", "Source: X", "(Source: X)", "Photo:
//! X", "Reporting by X; Editing by Y", "Agencies contributed to this report".
//!
//! **Why**: reprints and wire copy end with credits; they name outlets and
//! people, which the recognisers would otherwise read as actors.
//!
//! **Example** (dropped): `Reporting by Jane Roe; Editing by John Doe`.
//!
//! **Counter-example** (kept): `The source of the explosion was not
//! immediately clear, the police said.` — "source" without the credit's
//! colon or wording.

use std::sync::LazyLock;

use regex::Regex;

use super::{Rule, Unit};
use crate::phrases::{End, Phrases};

pub(crate) const RULE: Rule = Rule { code: "B06", name: "source credit", applies };

static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)^\(?(?:the original source of this (?:article|story|report) is|this (?:article|story|report) (?:was |is )?(?:originally |first )?(?:appeared|published|posted|written)",
        r"|(?:originally|first) (?:published|appeared|posted)(?-u:\b)|articles? by(?-u:\b)|more (?:articles|stories) by(?-u:\b)|source\s*:|sources\s*:|via\s*:",
        r"|(?:photo|image|picture|video|graphic|cover photo|featured image|file photo)(?: credits?)?\s*:|credits?\s*:",
        r"|(?:additional )?reporting by(?-u:\b)|(?:writing|editing|edited|compiled|translated) by(?-u:\b)|republished (?:with|by|from)(?-u:\b)|reprinted (?:with|from)(?-u:\b)",
        r"|this story has been (?:updated|corrected)|with (?:agencies|wires)\s*$|updated (?:with|to (?:add|include))(?-u:\b)",
        r"|this (?:article|story|report) (?:is|was) (?:an? )?(?:edited |abridged )?(?:translation|translated|adapted|abridged))",
    ))
    .expect("valid regex")
});

// Two more forms of credit, apart because their classes (`\w`, a bounded
// `[^)]`) cost most of the compilation; each is tried only where its
// literal part is found, so most texts never compile them.

/// "Agencies contributed to this report", "Wire services contributed …".
static AGENCIES_CONTRIBUTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\(?(?:\w+ )?(?:agencies|news agencies|wire services) contributed(?-u:\b)").expect("valid regex")
});
static CONTRIBUTED: LazyLock<Phrases> = LazyLock::new(|| Phrases::new("contributed", End::Any));

/// "(With Reuters)", "(with reporting from the field)".
static WITH_BRACKETED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\(?\(with [^)]{2,60}\)").expect("valid regex"));

/// Credits are short.
const MAX_WORDS: usize = 25;

fn applies(u: &Unit) -> bool {
    u.words <= MAX_WORDS
        && (CREDIT.is_match(u.text)
            || (u.text.starts_with('(') && WITH_BRACKETED.is_match(u.text))
            || (CONTRIBUTED.is_match(u.text) && AGENCIES_CONTRIBUTED.is_match(u.text)))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn cases() {
        super::super::check(
            &RULE,
            &[
                ("The original source of this article is [Daily Review](#)", true),
                ("This article was originally published by Example Post.", true),
                ("(Source: Syrian Coalition)", true),
                ("Source: Example News Agency", true),
                ("Photo: AFP", true),
                ("Reporting by Jane Roe; Editing by John Doe", true),
                ("Agencies contributed to this report", true),
                ("Two wire services contributed reporting.", true),
                ("(With reporting from the field) Last Update: 2016", true),
                ("Ten people contributed to the fund.", false),
                ("(With Reuters) Last Update: Tuesday 22 November 2016", true),
                ("This article is an edited translation from our Arabic edition.", true),
                ("Updated with detail throughout ...", true),
                ("The source of the explosion was not immediately clear, the police said.", false),
                ("A military source told the agency that 12 soldiers were killed.", false),
            ],
        );
    }
}
