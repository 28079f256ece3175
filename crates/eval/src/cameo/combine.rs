//! Verbs that govern other verbs, and the words before a verb that change
//! what it codes.
//!
//! CAMEO codes "X agreed to withdraw" as an intent (03), "X threatened to
//! impose sanctions" as a threat (13), "X refused to meet Y" as a rejection
//! (12), and "X said Y attacked Z" as the attack. PETRARCH2 does this by
//! adding codes in a re-ordered hierarchy ("will" 0x3000 + "help" 0x0040 →
//! 033); here a governor class ([`Governor`], from
//! `data/rules/cameo_governors.tsv`) and the complement's CAMEO root give
//! the code through the small tables below, which follow the CAMEO manual's
//! parallel sub-codes (intent to provide aid 033, demand aid 103, reject
//! aid 122, threaten to reduce aid 1311).
//!
//! Markers before a verb: "will", "would", "ready to" mark intent; "must",
//! "should" a demand (when someone else says it); "not", "n't", "never", "no
//! longer" negate. A negated intent to cooperate is a rejection ("will not
//! accept" → 12); any other negated event is kept and marked negated.

use std::collections::HashMap;

use super::code::CameoCode;
use super::lexicon::Lexed;
use super::CameoError;

const TABLE: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/rules/cameo_governors.tsv"));

/// What a governing verb does to its complement's event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Governor {
    Report,
    Intent,
    Request,
    Reject,
    Threat,
    Deny,
    Aspect,
}

impl Governor {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "report" => Self::Report,
            "intent" => Self::Intent,
            "request" => Self::Request,
            "reject" => Self::Reject,
            "threat" => Self::Threat,
            "deny" => Self::Deny,
            "aspect" => Self::Aspect,
            _ => return None,
        })
    }

    /// The code of the governor alone, when the dictionary gives none.
    #[must_use]
    pub fn default_code(self) -> Option<CameoCode> {
        let code = match self {
            Self::Report => "010",
            Self::Intent => "030",
            Self::Request => "020",
            Self::Reject => "120",
            Self::Threat => "130",
            Self::Deny | Self::Aspect => return None,
        };
        CameoCode::parse(code)
    }

    /// The code of this governor over a complement coded `action`.
    #[must_use]
    pub fn combine(self, action: CameoCode) -> CameoCode {
        let combined = match self {
            Self::Report | Self::Deny | Self::Aspect => Some(action),
            Self::Intent => intent(action).or(Some(action)),
            Self::Threat => threat(action).or_else(|| CameoCode::parse("130")),
            Self::Request => request(action),
            Self::Reject => reject(action),
        };
        combined.unwrap_or(action)
    }
}

/// The governor table: lemma → class.
#[derive(Debug)]
pub struct Governors(HashMap<String, Governor>);

impl Governors {
    /// Parse the embedded table.
    ///
    /// # Errors
    /// When a row is malformed.
    pub fn embedded() -> Result<Self, CameoError> {
        let mut map = HashMap::new();
        for (i, line) in TABLE.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let row = line.split_once('\t').and_then(|(l, c)| Some((l.trim().to_owned(), Governor::parse(c.trim())?)));
            let (lemma, class) = row.ok_or_else(|| CameoError::Governors {
                line: i + 1,
                what: format!("expected lemma<TAB>class: {line:?}"),
            })?;
            map.insert(lemma, class);
        }
        Ok(Self(map))
    }

    #[must_use]
    pub fn get(&self, lemma: &str) -> Option<Governor> {
        self.0.get(lemma).copied()
    }

    /// Every lemma with its class.
    pub fn iter(&self) -> impl Iterator<Item = (&str, Governor)> {
        self.0.iter().map(|(l, g)| (l.as_str(), *g))
    }
}

/// What the words just before a verb say about it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Markers {
    /// will, would, shall, 'll, going to, ready to, willing to.
    pub intent: bool,
    /// must, should, ought to.
    pub must: bool,
    /// not, n't, never, "no longer".
    pub negated: bool,
    /// to: an infinitive.
    pub to: bool,
}

/// Words between a marker and its verb that do not break the link.
const AUX: &[&str] = &[
    "be",
    "been",
    "is",
    "are",
    "was",
    "were",
    "have",
    "has",
    "had",
    "do",
    "does",
    "did",
    "also",
    "even",
    "ever",
    "now",
    "still",
    "really",
    "certainly",
    "most",
    "soon",
    "then",
    "again",
    "immediately",
    "try",
    "to",
    "unexpectedly",
    "finally",
    "further",
    "jointly",
    "fully",
    "no",
    "longer",
    "not",
    "n't",
    "never",
    "ready",
    "willing",
    "going",
    "able",
];

/// The markers in the few words before token `verb` (not before `floor`).
#[must_use]
pub fn markers(s: &Lexed<'_>, verb: usize, floor: usize) -> Markers {
    let mut m = Markers { to: verb > floor && s.is(verb - 1, "to"), ..Markers::default() };
    for i in (floor.max(verb.saturating_sub(6))..verb).rev() {
        if s.is_any(i, &["will", "would", "shall", "'ll", "wo", "ready", "willing", "going"]) {
            m.intent = true;
        } else if s.is_any(i, &["must", "should", "ought"]) {
            m.must = true;
        } else if s.is_any(i, &["not", "n't", "never"]) || (i > 0 && s.is(i, "longer") && s.is(i - 1, "no")) {
            m.negated = true;
        } else if !(s.is_any(i, AUX) || s.word(i).ends_with("ly")) {
            break;
        }
    }
    m
}

/// Intent (03) to do `action`, or a threat (13) if `action` is hostile.
fn intent(action: CameoCode) -> Option<CameoCode> {
    let sub = |pairs: &[(u8, &str)], default: &str| pick(action, pairs, default);
    match action.root() {
        4 => sub(&[], "036"),
        5 => sub(&[], "032"),
        6 => sub(&[(1, "0311"), (2, "0312"), (3, "0313"), (4, "0314")], "030"),
        7 => sub(&[(1, "0331"), (2, "0332"), (3, "0333"), (4, "0334")], "033"),
        8 => sub(&[(1, "0351"), (2, "0352"), (3, "034"), (4, "0353"), (5, "0354"), (6, "0355"), (7, "0356")], "035"),
        14 | 16..=20 => threat(action),
        // "agreed to set up a research centre": intent to cooperate.
        1 | 2 | 9 => CameoCode::parse("030"),
        _ => None,
    }
}

/// A threat (13) to do a hostile `action`.
fn threat(action: CameoCode) -> Option<CameoCode> {
    let sub = |pairs: &[(u8, &str)], default: &str| pick(action, pairs, default);
    match action.root() {
        14 => sub(&[], "133"),
        16 => sub(&[(1, "1313"), (2, "1311"), (3, "1312"), (4, "134"), (5, "135"), (6, "136")], "131"),
        17 => match action.as_str() {
            "1721" => CameoCode::parse("1321"),
            "1722" => CameoCode::parse("1322"),
            "1723" => CameoCode::parse("1323"),
            "1724" => CameoCode::parse("1324"),
            _ => CameoCode::parse("132"),
        },
        19 => sub(&[(1, "1381"), (2, "1382")], "1384"),
        18 => sub(&[], "1383"),
        20 => sub(&[], "1385"),
        _ => None,
    }
}

/// A demand (10) that the target do `action`.
fn request(action: CameoCode) -> Option<CameoCode> {
    let sub = |pairs: &[(u8, &str)], default: &str| pick(action, pairs, default);
    match action.root() {
        2 | 10 => Some(action),
        4 => sub(&[], "106"),
        5 => sub(&[], "102"),
        6 => sub(&[(1, "1011"), (2, "1012"), (3, "1013"), (4, "1014")], "101"),
        7 => sub(&[(1, "1031"), (2, "1032"), (3, "1033"), (4, "1034")], "103"),
        8 => sub(&[(1, "1051"), (2, "1052"), (3, "104"), (4, "1053"), (5, "1054"), (6, "1055"), (7, "1056")], "105"),
        _ => CameoCode::parse("100"),
    }
}

/// A rejection (12) of doing `action`.
fn reject(action: CameoCode) -> Option<CameoCode> {
    let sub = |pairs: &[(u8, &str)], default: &str| pick(action, pairs, default);
    match action.root() {
        12 => Some(action),
        3 | 4 => sub(&[], "125"),
        5 | 6 => sub(&[(1, "1211"), (2, "1212"), (3, "1213"), (4, "1214")], "121"),
        7 => sub(&[(1, "1221"), (2, "1222"), (3, "1223"), (4, "1224")], "122"),
        8 => sub(&[(1, "1241"), (2, "1242"), (4, "1243"), (5, "1244"), (6, "1245"), (7, "1246")], "124"),
        _ => CameoCode::parse("120"),
    }
}

/// The code paired with `action`'s third digit, else `default`.
fn pick(action: CameoCode, pairs: &[(u8, &str)], default: &str) -> Option<CameoCode> {
    let third = action.third();
    let code = pairs.iter().find(|(d, _)| Some(*d) == third).map_or(default, |(_, c)| c);
    CameoCode::parse(code)
}

/// True for codes of cooperation (03–08), which a negated intent rejects.
#[must_use]
pub fn cooperative(code: CameoCode) -> bool {
    (3..=8).contains(&code.root())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cameo::dictionary::Dictionary;
    use crate::cameo::lexicon::Lexicon;
    use crate::cameo::tokens::tokenize;
    use sitrep_model::Span;

    #[test]
    fn combinations_follow_the_parallel_subcodes() {
        for (gov, action, want) in [
            (Governor::Intent, "073", "0333"),
            (Governor::Intent, "042", "036"),
            (Governor::Intent, "163", "1312"),
            (Governor::Intent, "193", "1384"),
            (Governor::Intent, "141", "133"),
            (Governor::Intent, "090", "030"),
            (Governor::Intent, "154", "154"),
            (Governor::Threat, "1723", "1323"),
            (Governor::Threat, "050", "130"),
            (Governor::Request, "087", "1056"),
            (Governor::Request, "190", "100"),
            (Governor::Reject, "036", "125"),
            (Governor::Reject, "072", "1222"),
            (Governor::Reject, "190", "120"),
            (Governor::Report, "190", "190"),
        ] {
            let a = CameoCode::parse(action).expect("code");
            assert_eq!(gov.combine(a).as_str(), want, "{gov:?} {action}");
        }
    }

    #[test]
    fn the_table_loads() {
        let g = Governors::embedded().expect("table");
        assert_eq!(g.get("say"), Some(Governor::Report));
        assert_eq!(g.get("refuse"), Some(Governor::Reject));
        assert_eq!(g.get("attack"), None);
    }

    #[test]
    fn markers_before_a_verb() {
        let d = Dictionary::parse("---  X   [---]  ---\nX\n").expect("parses");
        let lex = Lexicon::new(&d).expect("compiles");
        for (text, verb, want) in [
            ("Arnor will not ever clash", 4, Markers { intent: true, negated: true, ..Markers::default() }),
            ("Arnor didn't clash", 3, Markers { negated: true, ..Markers::default() }),
            ("Gondor must withdraw", 2, Markers { must: true, ..Markers::default() }),
            ("Gondor agreed to withdraw", 3, Markers { to: true, ..Markers::default() }),
            (
                "Gondor is no longer willing to fight",
                6,
                Markers { intent: true, negated: true, to: true, ..Markers::default() },
            ),
            ("Gondor will meet and then attack", 5, Markers::default()),
        ] {
            let s = lex.scan(text, tokenize(text, Span::new(0, text.len())));
            assert_eq!(markers(&s, verb, 0), want, "{text}");
        }
    }
}
