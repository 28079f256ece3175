//! B07 contact line: how to reach the publisher.
//!
//! **Drops** "For media inquiries: …", "Contact: …", "E-mail: …", "Tel: …",
//! "Press contact", and any short line that carries an e-mail address.
//!
//! **Why**: contact details sit in the footer of every outlet; an address in
//! a short line is never a report of events.
//!
//! **Example** (dropped): `For media inquiries: press@example.org`.
//!
//! **Counter-example** (kept): `Contact with the convoy was lost near
//! Palmyra on Sunday.` — no colon, no address.

use std::sync::LazyLock;

use regex::Regex;

use super::{Rule, Unit};

pub(crate) const RULE: Rule = Rule { code: "B07", name: "contact line", applies };

static CONTACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)^(?:for (?:media|press|editorial|advertising|publication) (?:inquiries|enquiries|requests)|(?:press |media )?contacts?(?: us)?\s*:",
        r"|e-?mail(?: us)?\s*:|tel(?:ephone)?\.?\s*:|phone\s*:|fax\s*:|press contact|media contact|write to us|tips\s*:|send (?:us )?(?:your )?tips)",
    ))
    .expect("valid regex")
});

static EMAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)[\w.+-]+@[\w-]+(?:\.[\w-]+)+").expect("valid regex"));

/// A line with an address and at most this many words is a contact line.
const MAX_EMAIL_LINE_WORDS: usize = 12;
const MAX_WORDS: usize = 30;

fn applies(u: &Unit) -> bool {
    if u.words > MAX_WORDS {
        return false;
    }
    // An address needs an `@`: most lines never compile or run [`EMAIL`].
    CONTACT.is_match(u.text) || (u.words <= MAX_EMAIL_LINE_WORDS && u.text.contains('@') && EMAIL.is_match(u.text))
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
                ("For media inquiries: press@example.org", true),
                ("Contact: newsroom@example.org, +1 555 0100", true),
                ("Tel.: +963 11 000 0000", true),
                ("Write to editor@example.org", true),
                ("Contact with the convoy was lost near Palmyra on Sunday.", false),
                ("Email leaks showed the ministry knew of the strike in advance, according to the newspaper.", false),
            ],
        );
    }
}
