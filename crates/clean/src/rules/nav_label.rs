//! B02 navigation label: the heading of a list of links or related items.
//!
//! **Drops** short lines that name a navigation block — "Related articles",
//! "Read more: …", "Read also", "See also", "You may also like", "Tags:",
//! "Social Media:", "Infopartners:", "Share this:", "Most read" — and any
//! label of one or two words ending in a colon with nothing after it.
//!
//! **Why**: these headings introduce the furniture after them and carry no
//! content; left alone they would be one-word paragraphs of the article.
//!
//! **Example** (dropped): `Read more: Army advances near Hama`, `Partners:`.
//!
//! **Counter-example** (kept): `Sources said the convoy was hit near the
//! border.` (the label word starts a sentence), `The ministry said:` (three
//! words: a sentence introducing a quote).

use std::sync::LazyLock;

use regex::Regex;

use super::{Rule, Unit};

pub(crate) const RULE: Rule = Rule { code: "B02", name: "navigation label", applies };

/// A known label, alone or followed by a colon and a short title.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)^(?:related(?: (?:articles?|stories|story|news|posts?|content|coverage|topics?|links?))?",
        r"|read (?:more|also|next|the full (?:story|article))|see also|more (?:on|from|about|news|stories)(?-u:\b).*",
        r"|you (?:may|might) (?:also )?(?:like|be interested in)|recommended(?: for you)?|most (?:read|popular|viewed|shared)",
        r"|trending(?: now)?|latest(?: news| stories)?|top stories|editor'?s picks?|tags?|topics?|categories|filed under",
        r"|keywords|share(?: this(?: article| story)?| on| via)?|social media|infopartners|partners|follow us(?: on)?(?-u:\b).*",
        r"|links|useful links|sources?|contacts?|advertisement|sponsored|print|email|tweet|comments?(?: \(\d+\))?)",
        r"\s*(?::\s*(?P<rest>.*))?$",
    ))
    .expect("valid regex")
});

/// A bare label: one or two words and a colon.
static BARE_LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[\p{L}][\p{L}'’-]*(?: [\p{L}][\p{L}'’-]*)?\s*:$").expect("valid regex"));

/// Words allowed after "Read more:" and the like (a linked headline).
const MAX_WORDS: usize = 14;

fn applies(u: &Unit) -> bool {
    if u.words > MAX_WORDS {
        return false;
    }
    // A bare label ends with its colon: other lines never compile or run [`BARE_LABEL`].
    LABEL.is_match(u.text) || (u.text.ends_with(':') && BARE_LABEL.is_match(u.text))
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
                ("Related articles", true),
                ("Read more: Army advances near Hama", true),
                ("READ ALSO:", true),
                ("Social Media:", true),
                ("Infopartners:", true),
                ("Partners:", true),
                ("Tags: Syria, Aleppo, airstrikes", true),
                ("You may also like", true),
                ("Share this:", true),
                ("Comments (3)", true),
                ("Sources said the convoy was hit near the border.", false),
                ("The ministry said:", false),
                ("Share prices fell sharply in Damascus on Sunday.", false),
                ("Related to the attack, three men were arrested.", false),
            ],
        );
    }
}
