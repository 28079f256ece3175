//! B05 legal notice: copyright, fair use, disclaimers, terms.
//!
//! **Drops** a line that opens with legal furniture ("Copyright ©…", "© 2016
//! …", "All rights reserved", "Disclaimer:", "Terms of use") and a paragraph
//! dominated by legal vocabulary: at least three legal phrases ("fair use",
//! "copyright owner", "permission", "sole responsibility", "views
//! expressed", "reproduction", …) and at least one per 40 words.
//!
//! **Why**: reprinting outlets and aggregators append copyright, fair-use and
//! responsibility notices; they are about the text, not about the war.
//!
//! **Example** (dropped): `The views expressed are the author's own and do
//! not necessarily reflect the editorial policy. Reproduction without written
//! permission is prohibited.`
//!
//! **Counter-example** (kept): `The court rejected the copyright claim, and
//! the company said it was not responsible for the leak.` — two legal words
//! in a report, neither opening the line.

use std::sync::LazyLock;

use regex::Regex;

use super::{Rule, Unit};

pub(crate) const RULE: Rule = Rule { code: "B05", name: "legal notice", applies };

/// Legal furniture at the start of a line.
static OPENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)^(?:copyright(?-u:\b)|©|\(c\) \d{4}|all rights reserved|disclaimer(?-u:\b)|terms (?:of|and) (?:use|service|conditions)",
        r"|privacy policy|legal notice|fair use notice|licen[cs]ed under)",
    ))
    .expect("valid regex")
});

/// Legal phrases counted for density.
static PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)(?-u:\b)(?:copyright(?:ed)?|all rights reserved|fair use|disclaimer|sole responsibility|(?:not|no) (?:be )?(?:held )?(?:responsible|liable)",
        r"|permission|reproduc(?:e|ed|tion)|republish(?:ed|ing)?|redistribut(?:e|ed|ion)|cross-post|terms of (?:use|service)",
        r"|privacy policy|views expressed|do(?:es)? not necessarily reflect|trademarks?|licen[cs]ed? under|creative commons",
        r"|without (?:prior )?(?:written )?consent|hyperlink to the original|copyright owner)(?-u:\b)|©",
    ))
    .expect("valid regex")
});

const MIN_PHRASES: usize = 3;
const WORDS_PER_PHRASE: usize = 40;
/// A legal opening on a long paragraph of prose is not a notice.
const MAX_OPENING_WORDS: usize = 150;

fn applies(u: &Unit) -> bool {
    if u.words <= MAX_OPENING_WORDS && OPENING.is_match(u.text) {
        return true;
    }
    let phrases = PHRASE.find_iter(u.text).count();
    phrases >= MIN_PHRASES && phrases * WORDS_PER_PHRASE >= u.words
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn cases() {
        super::super::check(&RULE, &[
            ("Copyright © [Daily Review](#), 2016", true),
            ("© 2017 Example News Agency. All rights reserved.", true),
            ("Disclaimer: The contents of this article are of sole responsibility of the author(s).", true),
            ("example.org contains copyrighted material the use of which has not always been specifically authorized by the copyright owner. We are making such material available under the provisions of \"fair use\". If you wish to use copyrighted material you must request permission from the copyright owner.", true),
            ("The views expressed are the author's own and do not necessarily reflect the editorial policy. Reproduction without written permission is prohibited.", true),
            ("The court rejected the copyright claim, and the company said it was not responsible for the leak.", false),
            ("The army was given permission to enter the town, the governor said.", false),
        ]);
    }
}
