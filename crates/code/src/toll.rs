//! A toll is not an event. "The toll includes 40 people killed by shelling",
//! "The death toll from the attacks has reached 20": a sentence whose subject
//! is a toll adds up events the report has told or will tell, so it never
//! makes a new one (ACLED codes the events, not the sum).
//!
//! Nor does a running total: the present perfect of a killing with a span
//! up to now ("The strikes have killed 122 people since March", "More than
//! 300,000 people have been killed so far") sums every event of that span,
//! and its count is no event's toll.

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

/// Forms of "have" that make the present perfect.
const HAVE: &[&str] = &["has", "have"];

/// Participles of killing and dying.
const KILLED: &[&str] = &["killed", "died", "dead", "claimed"];

/// Adverbials of a span that runs up to the report's day.
const UP_TO_NOW: &[&[&str]] = &[
    &["since"],
    &["so", "far"],
    &["to", "date"],
    &["in", "total"],
    &["altogether"],
    &["over", "the", "past"],
    &["in", "the", "past"],
    &["this", "year"],
];

/// Words after "since" that keep the span within an event's own days, as
/// a weekday does ("have killed 30 people since Saturday": one battle's
/// toll).
const DAYS: &[&str] = &["dawn", "morning", "yesterday", "overnight", "midnight", "noon"];

/// True when the sentence `text` gives a running total: "have" or "has"
/// within two words before a participle of killing, and an adverbial of a
/// span up to now.
#[must_use]
pub fn running_total(text: &str) -> bool {
    let w: Vec<&str> = words(text).collect();
    let is = |w: &str, list: &[&str]| list.iter().any(|x| w.eq_ignore_ascii_case(x));
    let perfect =
        w.iter().enumerate().any(|(i, x)| is(x, KILLED) && w[i.saturating_sub(3)..i].iter().any(|h| is(h, HAVE)));
    // The span is looked for only in a sentence with the perfect: most
    // sentences have none, and the span is the dearer test.
    let span = || {
        (0..w.len()).any(|i| {
            let starts =
                |p: &[&str]| w.len() - i >= p.len() && w[i..].iter().zip(p).all(|(a, b)| a.eq_ignore_ascii_case(b));
            UP_TO_NOW.iter().any(|p| starts(p))
                && !w.get(i + 1).is_some_and(|n| is(n, DAYS) || n.parse::<chrono::Weekday>().is_ok())
        })
    };
    perfect && span()
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

    /// (sentence, a running total)
    const TOTALS: &[(&str, bool)] = &[
        ("The strikes have killed 122 people since March.", true),
        ("More than 300,000 people have been killed so far.", true),
        ("The war has claimed 20 lives this year.", true),
        ("Air strikes have killed 12 people in Idlib on Monday.", false),
        ("Shelling killed 12 people since dawn was breaking.", false),
        ("Clashes have killed at least 30 people since Saturday.", false),
    ];

    #[test]
    fn running_totals() {
        for (text, want) in TOTALS {
            assert_eq!(running_total(text), *want, "{text}");
        }
    }

    #[test]
    fn tolls() {
        for (text, before, want) in CASES {
            assert_eq!(is_toll(text, before), *want, "{text}");
        }
    }
}
