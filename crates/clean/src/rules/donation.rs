//! B04 donation appeal: the outlet asking for money.
//!
//! **Drops** paragraphs that ask the reader to pay or support the outlet:
//! PayPal, Patreon, Ko-fi, crypto addresses, "donate", "support our work",
//! "support X's project", "your help".
//!
//! **Why**: reader-funded outlets end (and sometimes open) every article
//! with an appeal; it names the outlet and payment handles, never events.
//!
//! **Example** (dropped): `If you value our reporting, please support our
//! work: PayPal: editor@example.org or via Patreon`.
//!
//! **Counter-example** (kept): `Qatar pledged to donate $50 million to UN
//! agencies working in Syria.` — giving is reported, nobody is asked: no
//! payment service, no "you", no "please".

use std::sync::LazyLock;

use regex::Regex;

use super::{Rule, Unit};

pub(crate) const RULE: Rule = Rule { code: "B04", name: "donation appeal", applies };

/// Payment services and addresses: enough on their own.
static PAYMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:paypal|patreon|ko-?fi|buy ?me ?a ?coffee|subscribestar|liberapay|bitcoin|btc|ethereum|crypto ?wallet|iban)(?-u:\b)")
        .expect("valid regex")
});

/// Appeal vocabulary: counts only when the reader is addressed.
static APPEAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)(?-u:\b)(?:donat(?:e|es|ing|ion|ions)|support (?:our|us|this|the) (?:work|project|site|website|journalism|channel|reporting|outlet)",
        r"|support [\p{L} ]{1,30}'s (?:project|work|journalism)|make a (?:gift|contribution)|your (?:help|support|contribution|generosity))(?-u:\b)",
    ))
    .expect("valid regex")
});

/// An appeal that opens the line is addressed to the reader by its mood.
static IMPERATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:please,?\s+)?(?:donate|support us|make a donation|become a patron)(?-u:\b)").expect("valid regex")
});

static READER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)(?:you|your|please|we need|help us)(?-u:\b)").expect("valid regex"));

/// An appeal is a paragraph at most; longer text that mentions PayPal is an
/// article about PayPal.
const MAX_WORDS: usize = 90;

fn applies(u: &Unit) -> bool {
    if u.words > MAX_WORDS {
        return false;
    }
    PAYMENT.is_match(u.text) || IMPERATIVE.is_match(u.text) || (APPEAL.is_match(u.text) && READER.is_match(u.text))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn cases() {
        super::super::check(&RULE, &[
            ("If you like the content, please, support Daily Review's project. Their work isn't possible without your help: PayPal: x@example.org", true),
            ("If you value our reporting, please support our work.", true),
            ("Donate now: <https://example.org/donate>", true),
            ("BTC: 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", true),
            ("We need your support to keep reporting from the ground.", true),
            ("Qatar pledged to donate $50 million to UN agencies working in Syria.", false),
            ("The charity said donations of food had reached Aleppo.", false),
            ("Russia said it would support the Syrian army's offensive near Palmyra.", false),
        ]);
    }
}
