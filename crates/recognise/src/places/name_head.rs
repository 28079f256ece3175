//! A generic head word of a longer place name is not the place by itself:
//! "Wadi al-Rabi", "Tal Baydar", "Qaser Bin Ghashir", "Jabal Yusuf", "Bir
//! Basha". Arabic, Berber and Persian name places by a construct phrase
//! (idafa): a generic noun (valley, hill, mountain, well, cape, spring,
//! castle, village, house, mother, father, sons) followed by what it is of.
//! When the gazetteer does not know the whole name, its longest match is the
//! head alone, which names some other place ("Wādi" in India, "Tāl" in
//! Madhya Pradesh, "Al Qaşr" in Jordan): a namesake abroad, never the
//! village meant. The head of a construct phrase takes no article, so "Al
//! Bab", "Al-Tall" and "Al Qasr" are whole names and stay places.

use sitrep_model::Span;

/// Generic head nouns of construct-phrase place names, as English and French
/// transliterate them.
const HEADS: &[&str] = &[
    "wadi", "oued", "wad", "tal", "tall", "tel", "tell", "jabal", "jebel", "jabel", "djebel", "bir", "ras", "ain",
    "ayn", "qasr", "qaser", "qsar", "ksar", "kafr", "kfar", "deir", "dayr", "beit", "bayt", "umm", "abu", "bani",
    "beni", "khirbet", "khirbat", "marj", "nahr", "souq", "suq", "sidi", "tin", "qala", "qalat", "qalaat", "sheikh",
    "shaykh",
];

/// The Arabic article as English writes it, alone or joined by a hyphen.
const ARTICLES: &[&str] = &["al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ed", "es"];

/// True when the name at `span` is a single head word of [`HEADS`] (with no
/// article of its own) followed, in the same name, by a capitalised word or
/// an article: the head of a longer name the gazetteer lacks.
#[must_use]
pub fn heads_longer_name(text: &str, span: Span) -> bool {
    let Some(name) = text.get(span.start..span.end) else { return false };
    if !HEADS.iter().any(|h| name.eq_ignore_ascii_case(h)) {
        return false;
    }
    let rest = text.get(span.end..).unwrap_or("");
    let Some(next) = rest.strip_prefix(' ').or_else(|| rest.strip_prefix('-')) else { return false };
    let raw = next.split([' ', ',', '.', ';', ':', ')', '(', ']']).next().unwrap_or("");
    let word = raw.to_lowercase();
    let article = ARTICLES.iter().any(|a| word == *a || word.strip_prefix(a).is_some_and(|r| r.starts_with('-')));
    article || raw.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (text, name, the head of a longer name)
    const CASES: &[(&str, &str, bool)] = &[
        ("forces clashed in Wadi al-Rabi (Aljfara).", "Wadi", true),
        ("crops looted in Tal Baydar in al-Hasakeh", "Tal", true),
        ("shells fell in Qaser Bin Ghashir (Tripoli)", "Qaser", true),
        ("fire on a civilian in Bir Basha area", "Bir", true),
        ("the Jebel-Akhdar road", "Jebel", true),
        ("fighting near the wadi and the Tal", "Tal", false),
        ("the convoy reached Tal on Monday", "Tal", false),
        ("shelling of Al Bab Military Council", "Al Bab", false),
        ("the army entered Aleppo Old City", "Aleppo", false),
    ];

    #[test]
    fn heads_of_longer_names() {
        for (text, name, want) in CASES {
            let start = text.find(name).unwrap_or(0);
            let span = Span::new(start, start + name.len());
            assert_eq!(heads_longer_name(text, span), *want, "{text}");
        }
    }
}
