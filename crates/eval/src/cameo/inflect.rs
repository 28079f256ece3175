//! Regular English inflection, as the PETRARCH dictionary format expects
//! (`dictionaries.rst`): a verb listed without `{...}` gets its regular
//! forms generated, and nouns in synsets and patterns their regular plural.
//!
//! Where spelling cannot be decided from the letters alone (whether a final
//! consonant doubles: "planned" but "opened"), both spellings are generated:
//! the one that is not a word never occurs in text, so it costs nothing.
//! Words are lower-case ASCII.

/// How a verb form relates to its lemma; the coder uses it to tell verbs
/// from nouns and to spot passives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Form {
    /// The lemma ("attack"): also the plural present and the infinitive.
    Base,
    /// Third person singular ("attacks").
    Third,
    /// Simple past or past participle ("attacked", "broken").
    Past,
    /// Present participle or gerund ("attacking").
    Gerund,
}

/// The regular forms of `verb`, the lemma first.
#[must_use]
pub fn verb_forms(verb: &str) -> Vec<(String, Form)> {
    let mut out = vec![(verb.to_owned(), Form::Base), (third(verb), Form::Third)];
    out.extend(past(verb).into_iter().map(|f| (f, Form::Past)));
    out.extend(gerund(verb).into_iter().map(|f| (f, Form::Gerund)));
    out
}

/// The form an irregular spelling listed in `{...}` is, from its ending.
#[must_use]
pub fn classify(lemma: &str, form: &str) -> Form {
    if form == lemma {
        Form::Base
    } else if form.ends_with("ing") {
        Form::Gerund
    } else if form.ends_with('s') && !lemma.ends_with('s') {
        Form::Third
    } else {
        Form::Past
    }
}

/// The regular plural of a noun ("aid" → "aids", "army" → "armies").
#[must_use]
pub fn plural(noun: &str) -> String {
    if ends_consonant_y(noun) {
        format!("{}ies", &noun[..noun.len() - 1])
    } else if sibilant(noun) {
        format!("{noun}es")
    } else {
        format!("{noun}s")
    }
}

fn third(v: &str) -> String {
    if v.ends_with('o') {
        format!("{v}es")
    } else {
        plural(v)
    }
}

fn past(v: &str) -> Vec<String> {
    if v.ends_with('e') {
        vec![format!("{v}d")]
    } else if ends_consonant_y(v) {
        vec![format!("{}ied", &v[..v.len() - 1])]
    } else if let Some(last) = doubling(v) {
        vec![format!("{v}ed"), format!("{v}{last}ed")]
    } else {
        vec![format!("{v}ed")]
    }
}

fn gerund(v: &str) -> Vec<String> {
    if let Some(stem) = v.strip_suffix("ie") {
        vec![format!("{stem}ying")]
    } else if v.ends_with('e') && !["ee", "ye", "oe"].iter().any(|s| v.ends_with(s)) {
        vec![format!("{}ing", &v[..v.len() - 1])]
    } else if let Some(last) = doubling(v) {
        vec![format!("{v}ing"), format!("{v}{last}ing")]
    } else {
        vec![format!("{v}ing")]
    }
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

fn ends_consonant_y(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 2 && b[b.len() - 1] == b'y' && !is_vowel(b[b.len() - 2])
}

fn sibilant(w: &str) -> bool {
    ["s", "x", "z", "ch", "sh"].iter().any(|s| w.ends_with(s))
}

/// The consonant that may double before -ed/-ing: the word ends
/// consonant-vowel-consonant ("plan", "admit"), the last not w, x or y.
fn doubling(w: &str) -> Option<char> {
    let b = w.as_bytes();
    let n = b.len();
    let cvc = n >= 3 && !is_vowel(b[n - 1]) && is_vowel(b[n - 2]) && !is_vowel(b[n - 3]);
    (cvc && !matches!(b[n - 1], b'w' | b'x' | b'y')).then(|| char::from(b[n - 1]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_verbs() {
        let forms = |v: &str| verb_forms(v).into_iter().map(|(f, _)| f).collect::<Vec<_>>().join(" ");
        for (verb, expected) in [
            ("attack", "attack attacks attacked attacking"),
            ("agree", "agree agrees agreed agreeing"),
            ("urge", "urge urges urged urging"),
            ("deny", "deny denies denied denying"),
            ("plan", "plan plans planed planned planing planning"),
            ("visit", "visit visits visited visitted visiting visitting"),
            ("obey", "obey obeys obeyed obeying"),
            ("push", "push pushes pushed pushing"),
            ("veto", "veto vetoes vetoed vetoing"),
            ("tie", "tie ties tied tying"),
        ] {
            // Doubling yields the plain spelling first, then the doubled one.
            assert_eq!(forms(verb), expected, "{verb}");
        }
    }

    #[test]
    fn plurals_and_classes() {
        for (noun, pl) in
            [("aid", "aids"), ("army", "armies"), ("embargo", "embargos"), ("crisis", "crisises"), ("day", "days")]
        {
            assert_eq!(plural(noun), pl);
        }
        for (lemma, form, class) in [
            ("bring", "brought", Form::Past),
            ("bring", "brings", Form::Third),
            ("bring", "bringing", Form::Gerund),
            ("put", "put", Form::Base),
        ] {
            assert_eq!(classify(lemma, form), class, "{form}");
        }
    }
}
