//! A place name inside an armed group's Arabic name is part of that name:
//! "Ahrar al-Sham", "Jabhat Fateh al-Sham", "Liwa al-Quds", "Jaysh al-Fateh".
//! Arabic names a group by a head noun (army, front, brigade, movement,
//! battalions, companies, supporters, free men, legion, party, soldiers,
//! committee) followed by what it fights for or where it is from; the place
//! there names the group's cause or origin, not where an event happens (Ahrar
//! al-Sham fights in Idlib, not in Damascus). A reader who does not know the
//! group still sees its head noun, so this rule needs no list of groups.

use sitrep_model::Span;

/// Head nouns of Arabic group names, as English writes them.
const HEADS: &[&str] = &[
    "jaysh", "jaish", "jabhat", "jabhet", "liwa", "liwaa", "harakat", "haraka", "kataib", "kata'ib", "katibat",
    "saraya", "ansar", "ahrar", "faylaq", "failaq", "hizb", "jund", "hayat", "hay'at", "tahrir", "quwat",
];

/// How many words of the group's name may stand between its head noun and
/// the place ("Jabhat Fateh al-Sham").
const GAP: usize = 2;

/// True when the name at `span` follows, within [`GAP`] words of a run of
/// capitalised (or article-joined) words, a head noun of a group's name.
#[must_use]
pub fn in_group_name(text: &str, span: Span) -> bool {
    let Some(head) = text.get(..span.start) else { return false };
    let words = head.trim_end().rsplit(' ').take(GAP + 1);
    for word in words {
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
        if HEADS.iter().any(|h| bare.eq_ignore_ascii_case(h)) {
            return true;
        }
        if !part_of_name(word) {
            return false;
        }
    }
    false
}

/// A word that can stand inside a group's name: capitalised, or an article
/// ("al", "al-Fateh").
fn part_of_name(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    let article =
        ["al", "el", "ad", "ar", "as", "ash", "at", "az"].contains(&lower.as_str()) || lower.starts_with("al-");
    article || (word.chars().next().is_some_and(char::is_uppercase) && !word.ends_with([',', '.', ';', ':']))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (text, name, inside a group's name)
    const CASES: &[(&str, &str, bool)] = &[
        ("fighters of Ahrar al-Sham attacked", "al-Sham", true),
        ("Jabhat Fateh al-Sham seized the town", "al-Sham", true),
        ("Jaysh Al Fateh terrorist attacks", "Al Fateh", true),
        ("the Liwa al-Quds militia", "al-Quds", true),
        ("rebels shelled al-Sham hospital", "al-Sham", false),
        ("the army entered Aleppo", "Aleppo", false),
        ("Jaysh al-Islam fighters in Douma", "Douma", false),
    ];

    #[test]
    fn places_in_group_names() {
        for (text, name, want) in CASES {
            let start = text.find(name).unwrap_or(0);
            assert_eq!(in_group_name(text, Span::new(start, start + name.len())), *want, "{text} / {name}");
        }
    }
}
