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

pub(crate) const RULE: Rule = Rule { code: "B08", name: "site notice", applies };

static NOTICE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)(?-u:\b)(?:we use cookies|(?:this|our) (?:web)?site uses cookies|(?:accept|reject|manage) (?:all )?cookies|cookie (?:policy|settings|preferences)",
        r"|enable javascript|javascript is (?:disabled|required)|your browser (?:does not|doesn't) support|upgrade your browser",
        r"|you have (?:\d+|one|two|three) free articles?|already a subscriber|(?:log|sign) ?in to (?:continue|read|comment)|create an account",
        r"|community standards|our standards|trust principles|get short url|all times are (?:gmt|utc)|this content is not available in your region|last updated?\s*:)",
    ))
    .expect("valid regex")
});

/// A line that is only the word "Advertisement" or the like.
static AD_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:advertisement|sponsored(?: content)?|story continues below(?: advertisement)?|ad|promoted|partner content)$")
        .expect("valid regex")
});

const MAX_WORDS: usize = 40;

fn applies(u: &Unit) -> bool {
    u.words <= MAX_WORDS && (AD_LABEL.is_match(u.text) || NOTICE.is_match(u.text))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn cases() {
        super::super::check(&RULE, &[
            ("We use cookies to improve your experience on our site.", true),
            ("Please enable JavaScript to view the comments.", true),
            ("Advertisement", true),
            ("Our Standards: The Example Trust Principles.", true),
            ("08.04.2017 Get short URL", true),
            ("The advertisement campaign by the ministry urged young men to enlist.", false),
            ("The standards of the camp were poor, aid workers said.", false),
        ]);
    }
}
