//! B01 link list: a line that is links and little else.
//!
//! **Drops** lines made of links, URLs or addresses with at most three words
//! of their own: social-media and partner lists, "Articles by: [X](#)",
//! "Region: [Middle East](#)", "[Become a Member of …](#)", bare `<url>`s.
//!
//! **Why**: navigation, partner and share lists are links by nature; a
//! sentence that cites a source has far more words than links.
//!
//! **Example** (dropped): `<https://twitter.com/some_outlet>`,
//! `Follow: [Telegram](#) | [X](#)`.
//!
//! **Counter-example** (kept): `According to [SANA](#), 12 people were
//! killed in the shelling of the town.` — nine words of its own. A long
//! sentence that is wholly one link ends like a sentence and is kept too.

use super::{ends_like_sentence, Rule, Unit};

pub(crate) const RULE: Rule = Rule { code: "B01", name: "link list", applies };

/// At most this many words outside links.
const MAX_OWN_WORDS: usize = 3;
/// A wholly linked line longer than this that ends like a sentence is prose.
const MAX_LINKED_WORDS: usize = 15;

fn applies(u: &Unit) -> bool {
    if u.links == 0 || u.plain_words() > MAX_OWN_WORDS {
        return false;
    }
    u.words <= MAX_LINKED_WORDS || !ends_like_sentence(u.text)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn cases() {
        super::super::check(&RULE, &[
            ("<https://twitter.com/some_outlet>", true),
            ("Articles by: [Jane Roe](#)", true),
            ("Region: [Middle East & North Africa](#)", true),
            ("Theme: [Terrorism](#), [Security](#)", true),
            ("[Comment on Our Articles on our Facebook page](#)", true),
            ("Follow: [Telegram](#) | [X](#)", true),
            ("http://example.org http://example.net", true),
            ("Visit: <http://example.org/>", true),
            ("According to [SANA](#), 12 people were killed in the shelling of the town.", false),
            ("[Russian jets struck positions held by militants near the town of Palmyra early on Tuesday, the ministry said.](#)", false),
            ("Twelve people were killed.", false),
        ]);
    }
}
