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
use crate::charclass::{ascii_word_boundary, ascii_word_ends, is_letter, prefix_ci};
use crate::phrases::{End, Phrases};

pub(crate) const RULE: Rule = Rule { code: "B04", name: "donation appeal", applies };

/// Payment services and addresses: enough on their own.
static PAYMENT: LazyLock<Phrases> = LazyLock::new(|| {
    Phrases::new(
        r"paypal|patreon|ko-?fi|buy ?me ?a ?coffee|subscribestar|liberapay|bitcoin|btc|ethereum|crypto ?wallet|iban",
        End::Word,
    )
});

/// Appeal vocabulary: counts only when the reader is addressed. One more
/// form, "support <name>'s project", is read by [`supports_named_work`].
static APPEAL: LazyLock<Phrases> = LazyLock::new(|| {
    Phrases::new(
        concat!(
            r"donat(?:e|es|ing|ion|ions)|support (?:our|us|this|the) (?:work|project|site|website|journalism|channel|reporting|outlet)",
            r"|make a (?:gift|contribution)|your (?:help|support|contribution|generosity)",
        ),
        End::Word,
    )
});

/// The longest name in "support <name>'s project", in characters.
const MAX_NAME_CHARS: usize = 30;
/// What a named outlet's appeal asks support for, in the order tried.
const NAMED_WORK: &[&str] = &["project", "work", "journalism"];

/// An appeal that opens the line is addressed to the reader by its mood.
static IMPERATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:please,?\s+)?(?:donate|support us|make a donation|become a patron)(?-u:\b)")
        .expect("valid regex")
});

static READER: LazyLock<Phrases> = LazyLock::new(|| Phrases::new("you|your|please|we need|help us", End::Word));

/// An appeal is a paragraph at most; longer text that mentions PayPal is an
/// article about PayPal.
const MAX_WORDS: usize = 90;

fn applies(u: &Unit) -> bool {
    if u.words > MAX_WORDS {
        return false;
    }
    PAYMENT.is_match(u.text)
        || IMPERATIVE.is_match(u.text)
        || ((APPEAL.is_match(u.text) || supports_named_work(u.text)) && READER.is_match(u.text))
}

/// `(?i)(?-u:\b)support [\p{L} ]{1,30}'s (?:project|work|journalism)(?-u:\b)`
/// anywhere in `text`, read by hand: as a bounded repetition of a Unicode
/// class the expression cost more to compile than all other rules together.
/// The name cannot hold an apostrophe, so only its longest run can be
/// followed by "'s".
fn supports_named_work(text: &str) -> bool {
    // "support" opens with `s`, `S` or `ſ` (`C5 BF`).
    text.bytes().enumerate().filter(|&(_, b)| matches!(b, b's' | b'S' | 0xc5)).any(|(i, _)| {
        let Some(word) = prefix_ci(&text[i..], "support ").filter(|_| ascii_word_boundary(text, i)) else {
            return false;
        };
        let rest = &text[i + word..];
        let name = rest.find(|c: char| !(c == ' ' || is_letter(c))).unwrap_or(rest.len());
        if !(1..=MAX_NAME_CHARS).contains(&rest[..name].chars().count()) {
            return false;
        }
        let Some(s) = rest[name..].strip_prefix('\'').and_then(|r| prefix_ci(r, "s ")).map(|n| name + 1 + n) else {
            return false;
        };
        NAMED_WORK.iter().any(|w| prefix_ci(&rest[s..], w).is_some_and(|n| ascii_word_ends(&rest[s + n..])))
    })
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
            ("Please support Frontline Daily's journalism.", true),
            ("Please support Frontline Daily's journalists.", false),
            ("Please support a name that is far longer than thirty letters's work.", false),
        ]);
    }

    #[test]
    fn named_work_agrees_with_its_expression() {
        let oracle = Regex::new(r"(?i)(?-u:\b)support [\p{L} ]{1,30}'s (?:project|work|journalism)(?-u:\b)").unwrap();
        let cases = [
            "support Daily Review's project",
            "Support DAILY's WORK.",
            "support X's works",
            "xsupport X's work",
            "ſupport X's work",
            "a ſupport X's work",
            "support Ömer's journalism",
            "support  's work",
            "support the site's work, support Y's project",
            "support aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa support b's work",
            "support b'S journalism_",
            "support b’s work",
        ];
        for text in cases {
            assert_eq!(supports_named_work(text), oracle.is_match(text), "{text}");
        }
    }
}
