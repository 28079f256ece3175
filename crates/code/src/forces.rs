//! A government's forces are not its officials: "a member of the regime's
//! 4th Division", "the government's security forces", "the regime's Air
//! Force Intelligence" name an armed state unit, though the dictionaries
//! read "regime" or "government" alone as the government. ACLED's codebook
//! codes violence against state forces as a battle (armed clash), and
//! against officials, who are unarmed, as violence against civilians; the
//! possessive followed by a unit noun tells which.

use sitrep_model::Span;

/// Nouns of armed state units.
const UNITS: &[&str] = &[
    "division",
    "brigade",
    "battalion",
    "regiment",
    "army",
    "forces",
    "force",
    "troops",
    "soldiers",
    "intelligence",
    "security",
    "guard",
    "guards",
    "militia",
    "militias",
    "police",
    "gendarmerie",
    "fighter",
    "fighters",
    "soldier",
    "officer",
    "officers",
    "lieutenant",
    "captain",
    "sergeant",
    "commander",
    "checkpoint",
    "checkpoints",
    "patrol",
    "patrols",
    "position",
    "positions",
    "post",
    "posts",
    "convoy",
];

/// How many words after the possessive the unit noun may come ("the
/// regime's 4th Division", "the regime's Air Force Intelligence").
const WINDOW: usize = 3;

/// True when the government mention at `span` is the possessor of an armed
/// unit: "'s" right after it, then a unit noun within [`WINDOW`] words; or
/// a noun compound whose head is a unit noun ("a regime checkpoint").
#[must_use]
pub fn owns_unit(text: &str, span: Span) -> bool {
    let Some(after) = text.get(span.end..) else { return false };
    let is_unit = |w: &str| UNITS.iter().any(|u| w.eq_ignore_ascii_case(u));
    let Some(rest) = after.strip_prefix("'s").or_else(|| after.strip_prefix("\u{2019}s")) else {
        let head = after.strip_prefix(' ').and_then(|r| r.split(|c: char| !c.is_alphanumeric()).next());
        return head.is_some_and(is_unit);
    };
    rest.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).take(WINDOW).any(is_unit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, what: &str) -> Span {
        let i = text.find(what).unwrap_or(0);
        Span::new(i, i + what.len())
    }

    #[test]
    fn units_and_officials() {
        let t = "gunmen shot a member of the regime's 4th Division";
        assert!(owns_unit(t, at(t, "regime")));
        let t = "a member of the regime's Air Force Intelligence";
        assert!(owns_unit(t, at(t, "regime")));
        let t = "gunmen shot the regime's district governor";
        assert!(!owns_unit(t, at(t, "regime")));
        let t = "the government said the regime forces";
        assert!(!owns_unit(t, at(t, "government")));
        let t = "gunmen opened fire at a regime checkpoint";
        assert!(owns_unit(t, at(t, "regime")));
        let t = "IS fighters shot dead a regime's fighter";
        assert!(owns_unit(t, at(t, "regime")));
    }
}
