//! Whole-coder tests: sentences in, events out, as a data table. The
//! sentences are this project's own, with invented country names so that
//! parties come from the capitalised-name rule, not from the dictionaries.

use sitrep_model::{Doc, DocId, Mentions, Sentence, Span};

use super::CameoCoder;

fn doc(text: &str) -> Doc {
    Doc {
        sentences: vec![Sentence { span: Span::new(0, text.len()), paragraph: 0 }],
        ..Doc::bare(DocId::new("t"), text)
    }
}

/// Each event as "CODE CATEGORY source>target", with " not" when negated.
fn coded(coder: &CameoCoder, text: &str) -> Vec<String> {
    let d = doc(text);
    let name = |p: Option<super::Party>| p.and_then(|p| p.span.slice(text)).unwrap_or("-").to_owned();
    coder
        .code(&d, Span::new(0, text.len()), &Mentions::default())
        .iter()
        .map(|e| {
            let cat = e.plover.map_or("-", |p| p.category.as_str());
            let neg = if e.negated { " not" } else { "" };
            format!("{} {cat} {}>{}{neg}", e.code, name(e.source), name(e.target))
        })
        .collect()
}

#[test]
fn sentences_code_as_expected() {
    let coder = CameoCoder::new().expect("shipped data loads");
    let cases: &[(&str, &[&str])] = &[
        // plain verbs, subject before and object after
        ("Valdoria shelled Kestria on Monday.", &["190 ASSAULT Valdoria>Kestria"]),
        ("Valdoria on Tuesday visited Kestria.", &["042 CONSULT Valdoria>Kestria"]),
        ("Norland expelled two Kestrian diplomats.", &["161 SANCTION Norland>Kestrian"]),
        // passive: the "by" phrase acts
        ("Kestria was condemned by Valdoria for the raid.", &["111 ACCUSE Valdoria>Kestria"]),
        // compounds: one event per pair
        ("Valdoria and Norland condemned Kestria.", &["111 ACCUSE Valdoria>Kestria", "111 ACCUSE Norland>Kestria"]),
        ("Valdoria and Norland met on Monday.", &["040 CONSULT Valdoria>Norland", "040 CONSULT Norland>Valdoria"]),
        // reporting verbs are not the event when their complement holds one
        ("Officials in Norland said Valdoria had shelled Kestria.", &["190 ASSAULT Valdoria>Kestria"]),
        ("Valdoria shelled Kestria, a Norland official said.", &["190 ASSAULT Valdoria>Kestria"]),
        // governors and markers
        ("Valdoria agreed to withdraw its troops from Kestria.", &["0356 AGREE Valdoria>Kestria"]),
        ("Valdoria threatened to impose sanctions on Kestria.", &["1312 THREATEN Valdoria>Kestria"]),
        ("Valdoria refused to meet Kestria.", &["125 REJECT Valdoria>Kestria"]),
        ("Valdoria will not accept refugees from Kestria.", &["125 REJECT Valdoria>Kestria"]),
        ("Valdoria demanded that Kestria release the prisoners.", &["1053 REQUEST Valdoria>Kestria"]),
        ("Norland reiterated that Valdoria must hand over the suspects.", &["100 REQUEST Norland>Valdoria"]),
        // negation blocks nothing but marks the event
        ("Valdoria did not shell Kestria.", &["190 ASSAULT Valdoria>Kestria not"]),
        ("Valdoria denied shelling Kestria.", &["190 ASSAULT Valdoria>Kestria not"]),
        // nouns are not verbs
        ("The attack on Kestria was the first.", &[]),
    ];
    let mut failures = Vec::new();
    for (text, want) in cases {
        let got = coded(&coder, text);
        if got != *want {
            failures.push(format!("{text}\n  got  {got:?}\n  want {want:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn actor_mentions_are_the_parties() {
    let coder = CameoCoder::new().expect("shipped data loads");
    let text = "rebels attacked the police station.";
    let mut m = Mentions::default();
    for what in ["rebels", "police"] {
        let i = text.find(what).unwrap_or(0);
        m.actors.push(sitrep_model::ActorMention {
            span: Span::new(i, i + what.len()),
            actor: sitrep_model::Actor {
                name: what.into(),
                code: sitrep_model::ActorCode::new("XXXREB").expect("code"),
                country: None,
                role: sitrep_model::ActorRole::Rebel,
            },
        });
    }
    let events = coder.code(&doc(text), Span::new(0, text.len()), &m);
    let parties: Vec<(Option<usize>, Option<usize>)> =
        events.iter().map(|e| (e.source.and_then(|p| p.actor), e.target.and_then(|p| p.actor))).collect();
    assert_eq!(parties, [(Some(0), Some(1))]);
}

mod props {
    use super::*;
    use proptest::prelude::*;
    use std::sync::LazyLock;

    static CODER: LazyLock<CameoCoder> = LazyLock::new(|| CameoCoder::new().expect("shipped data loads"));

    proptest! {
        #[test]
        fn never_panics_on_random_text(text in "\\PC{0,120}") {
            let d = doc(&text);
            for e in CODER.code(&d, Span::new(0, text.len()), &Mentions::default()) {
                prop_assert!(e.verb.slice(&text).is_some());
            }
        }

        #[test]
        fn never_panics_on_word_salad(words in proptest::collection::vec("(Arnor|and|said|not|will|attacked|by|was|to|the|,|;|Gondor|refused|agreed|aid)", 0..25)) {
            let text = words.join(" ");
            let _ = CODER.code(&doc(&text), Span::new(0, text.len()), &Mentions::default());
        }
    }
}

/// A probe for `valgrind --tool=callgrind --toggle-collect='*CameoCoder*code*'`:
/// codes every sentence of the text files named in `CAMEO_PROBE` (one path
/// per line of the variable, `:`-separated) and reports the bytes coded.
#[test]
#[ignore = "a measurement probe, run by hand under callgrind"]
#[allow(clippy::print_stderr)]
fn speed_probe() {
    let coder = CameoCoder::new().expect("shipped data loads");
    let paths = std::env::var("CAMEO_PROBE").unwrap_or_default();
    let mut bytes = 0;
    for path in paths.split(':').filter(|p| !p.is_empty()) {
        let text = std::fs::read_to_string(path).expect("probe file");
        let d = doc(&text);
        // Sentences cut at ". " and line ends: enough for a cost per byte.
        let mut start = 0;
        for (i, _) in text.match_indices(['.', '\n']).chain([(text.len(), "")]) {
            let span = Span::new(start, (i + 1).min(text.len()));
            bytes += span.len();
            std::hint::black_box(coder.code(&d, span, &Mentions::default()));
            start = span.end;
        }
    }
    eprintln!("coded {bytes} bytes");
}
