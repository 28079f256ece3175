//! A toll is not an event. "The toll includes 40 people killed by shelling",
//! "The death toll from the attacks has reached 20": a sentence whose subject
//! is a toll adds up events the report has told or will tell, so it never
//! makes a new one (ACLED codes the events, not the sum).

/// Verbs that state what a toll amounts to.
const TALLY: &[&str] = &["includes", "include", "included", "reached", "rose", "risen", "climbed", "stands", "stood"];

/// Nouns of a sum of casualties.
const TOLL: &[&str] = &["toll", "tally"];

/// True when the sentence `text` has a toll as its subject: "toll" among its
/// first words (before any trigger), and a verb that says what it amounts to.
#[must_use]
pub fn is_toll(text: &str, before_trigger: &str) -> bool {
    let is = |w: &str, list: &[&str]| list.iter().any(|x| w.eq_ignore_ascii_case(x));
    let subject = words(before_trigger).take(6).any(|w| is(w, TOLL));
    subject && words(text).any(|w| is(w, TALLY))
}

fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (sentence, its text before the trigger, a toll)
    const CASES: &[(&str, &str, bool)] = &[
        ("The toll includes 40 people killed by shelling of the old city.", "The toll includes 40 people ", true),
        ("The death toll from the air strikes on the town has reached 20.", "The death toll from the ", true),
        ("Shelling killed 12 people, raising the toll to 30.", "", false),
        ("The toll road was hit by a car bomb.", "The toll road was ", false),
        ("Rebels attacked the base; the toll was unclear.", "Rebels ", false),
    ];

    #[test]
    fn tolls() {
        for (text, before, want) in CASES {
            assert_eq!(is_toll(text, before), *want, "{text}");
        }
    }
}
