//! B03 call to action: the site asking the reader to do something.
//!
//! **Drops** short lines that tell the reader to subscribe, sign up for a
//! newsletter, follow or like the outlet, join its channel, comment, become a
//! member, share the article or download the app: "Subscribe!", "Follow us
//! on Twitter", "Comment on … Articles on our Facebook page", "Become a Member
//! of …", "Sign up for our daily newsletter", "Comment via Facebook".
//!
//! **Why**: an appeal to the reader is never a report of events; it is the
//! most common furniture after link lists, in every outlet's template.
//!
//! **Example** (dropped): `Join our Telegram channel for the latest updates`.
//!
//! **Counter-example** (kept): `The militants called on residents to join
//! their ranks.` and `Protesters urged the crowd to follow them to the
//! square.` — third-person reports, no appeal to "you" or "our" channel.

use std::sync::LazyLock;

use regex::Regex;

use super::{Rule, Unit};
use crate::phrases::{End, Phrases};

pub(crate) const RULE: Rule = Rule { code: "B03", name: "call to action", applies };

/// An imperative addressed to the reader at the start of the line.
static IMPERATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)^(?:please,?\s+)?(?:subscribe(?-u:\b)|sign up(?-u:\b)|sign-up(?-u:\b)|register (?:now|here|for)(?-u:\b)|follow (?:us|@)|like us(?-u:\b)",
        r"|join (?:us|our)(?-u:\b)|download (?:our|the) app|get (?:our|the) (?:app|newsletter)|click here|tap here",
        r"|comment (?:on|via|below)(?-u:\b)|leave a (?:comment|reply)|add a comment|become a (?:member|patron|subscriber|supporter)",
        r"|share (?:this|on|via)(?-u:\b)|send us(?-u:\b)|contact us(?-u:\b)|stay (?:informed|updated|tuned)|don'?t miss(?-u:\b)|never miss(?-u:\b))",
    ))
    .expect("valid regex")
});

/// The outlet's own channels or newsletter mentioned anywhere in the line.
static OWN_CHANNEL: LazyLock<Phrases> = LazyLock::new(|| {
    Phrases::new(
        concat!(
            r"our (?:newsletter|telegram|youtube|facebook|twitter|instagram|whatsapp|channel|page|app|podcast|mailing list)",
            r"|follow us on|find us on|subscribe to (?:our|the)|sign up (?:for|to) (?:our|the)|comment via|newsletter sign-?up",
            r"|to receive (?:our|the) (?:latest|daily|weekly)|in your inbox",
        ),
        End::Word,
    )
});

/// Calls to action are short; a long paragraph that mentions "our page" is
/// more likely content.
const MAX_WORDS: usize = 30;

fn applies(u: &Unit) -> bool {
    u.words <= MAX_WORDS && (IMPERATIVE.is_match(u.text) || OWN_CHANNEL.is_match(u.text))
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
                ("Subscribe!: <https://www.youtube.com/channel/x>", true),
                ("[Comment on Daily Review Articles on our Facebook page](#)", true),
                ("[Become a Member of The Daily Review](#)", true),
                ("Follow us on Twitter and Telegram", true),
                ("Join our Telegram channel for the latest updates", true),
                ("Sign up for our daily newsletter", true),
                ("Get the latest headlines in your inbox every morning.", true),
                ("Community standards Discussion Comment via Facebook", true),
                ("Please share this article.", true),
                ("The militants called on residents to join their ranks.", false),
                ("Protesters urged the crowd to follow them to the square.", false),
                ("Subscribers to the ceasefire deal include Russia and Turkey.", false),
                ("Share prices fell in Istanbul after the border clashes.", false),
            ],
        );
    }
}
