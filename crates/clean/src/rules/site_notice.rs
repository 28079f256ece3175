//! B08 site notice: messages from the website rather than the newsroom.
//!
//! **Drops** cookie banners, JavaScript and browser warnings, paywall and
//! log-in prompts, "Advertisement", "Community standards", "Our Standards:
//! … Trust Principles", "Get short URL", "All times are GMT".
//!
//! **Why**: text scraped from a page carries the page's machinery; none of
//! it is the article.
//!
//! **Example** (dropped): `We use cookies to improve your experience on our
//! site.`
//!
//! **Counter-example** (kept): `The advertisement campaign by the ministry
//! urged young men to enlist.` — "advertisement" inside a report.

use std::sync::LazyLock;

use regex::Regex;

use super::{Rule, Unit};
use crate::phrases::{End, Phrases};

pub(crate) const RULE: Rule = Rule { code: "B08", name: "site notice", applies };

static NOTICE: LazyLock<Phrases> = LazyLock::new(|| {
    Phrases::new(
        concat!(
            r"we use cookies|(?:this|our) (?:web)?site uses cookies|(?:accept|reject|manage) (?:all )?cookies|cookie (?:policy|settings|preferences)",
            r"|enable javascript|javascript is (?:disabled|required)|your browser (?:does not|doesn't) support|upgrade your browser",
            r"|you have (?:one|two|three) free articles?|already a subscriber|(?:log|sign) ?in to (?:continue|read|comment)|create an account",
            r"|community standards|our standards|trust principles|get short url|all times are (?:gmt|utc)|this content is not available in your region",
        ),
        End::Any,
    )
});

/// The notices with a number or optional spaces inside, which a phrase
/// list cannot hold; tried only where [`COUNTED_NOTICE_START`] is found.
static COUNTED_NOTICE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:you have \d+ free articles?|last updated?\s*:)").expect("valid regex")
});

static COUNTED_NOTICE_START: LazyLock<Phrases> = LazyLock::new(|| Phrases::new("you have |last update", End::Any));

/// A line that is only the word "Advertisement" or the like.
static AD_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:advertisement|sponsored(?: content)?|story continues below(?: advertisement)?|ad|promoted|partner content)$")
        .expect("valid regex")
});

const MAX_WORDS: usize = 40;
/// The longest of the [`AD_LABEL`]s ("story continues below advertisement").
const MAX_AD_LABEL_WORDS: usize = 4;

fn applies(u: &Unit) -> bool {
    u.words <= MAX_WORDS
        && ((u.words <= MAX_AD_LABEL_WORDS && AD_LABEL.is_match(u.text))
            || NOTICE.is_match(u.text)
            || (COUNTED_NOTICE_START.is_match(u.text) && COUNTED_NOTICE.is_match(u.text)))
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
                ("We use cookies to improve your experience on our site.", true),
                ("Please enable JavaScript to view the comments.", true),
                ("Advertisement", true),
                ("Our Standards: The Example Trust Principles.", true),
                ("08.04.2017 Get short URL", true),
                ("You have 3 free articles left this month.", true),
                ("You have two free articles left.", true),
                ("Last updated : 5 May 2016", true),
                ("You have 3 more days, the commander told them.", false),
                ("The advertisement campaign by the ministry urged young men to enlist.", false),
                ("The standards of the camp were poor, aid workers said.", false),
            ],
        );
    }
}
