//! Actor recogniser cases: a sentence, and the actors it names as
//! `surface => code (name)`, in order. Data-driven: add a row per phenomenon.

use chrono::NaiveDate;
use sitrep_model::{Doc, DocId, Paragraph, Sentence, Span};
use sitrep_recognise::actors::ActorRecogniser;
use std::sync::LazyLock;

static RECOGNISER: LazyLock<ActorRecogniser> =
    LazyLock::new(|| ActorRecogniser::new().expect("shipped dictionaries load"));

fn doc(text: &str) -> Doc {
    let span = Span::new(0, text.len());
    Doc {
        published: NaiveDate::from_ymd_opt(2016, 1, 21),
        paragraphs: vec![Paragraph { span }],
        sentences: vec![Sentence { span, paragraph: 0 }],
        ..Doc::bare(DocId::new("t"), text)
    }
}

fn found(text: &str) -> Vec<String> {
    let d = doc(text);
    RECOGNISER.find(&d).iter().map(|m| format!("{} => {} ({})", d.slice(m.span), m.actor.code, m.actor.name)).collect()
}

/// (sentence, expected `surface => code (name)` list)
const CASES: &[(&str, &[&str])] = &[
    ("Russian warplanes have carried out 16 sorties.", &["Russian warplanes => RUSMIL (Military Forces of Russia)"]),
    (
        "The Russian Air Force destroyed a field camp held by ISIS.",
        &["Russian Air Force => RUSMIL (Military Forces of Russia)", "ISIS => IMGMUSISI (Islamic State)"],
    ),
    (
        "They fled being attacked by the Syrian Arab Army (SAA).",
        &["Syrian Arab Army => SYRMIL (Military Forces of Syria)", "SAA => SYRMIL (Military Forces of Syria)"],
    ),
    (
        "Turkish minesweeping vehicles have started clearing mines.",
        &["Turkish minesweeping vehicles => TURMIL (Military Forces of Turkey)"],
    ),
    (
        "Afghan security forces repulsed the attack.",
        &["Afghan security forces => AFGMIL (Military Forces of Afghanistan)"],
    ),
    ("12 Taliban militants were killed.", &["Taliban militants => AFGREB (Taliban)"]),
    ("the Kurdish YPG is advancing westward", &["Kurdish YPG => SYRREBYPG (People's Protection Units)"]),
    ("Turkey has also ramped up its artillery strikes.", &["Turkey => TUR (Turkey)"]),
    ("Turkey's army shelled the village.", &["Turkey's army => TURMIL (Military Forces of Turkey)"]),
    // A possessive whose apostrophe a flattened page lost.
    ("Turkeys army shelled the village.", &["Turkeys army => TURMIL (Military Forces of Turkey)"]),
    ("the forces of Syria advanced", &["forces of Syria => SYRMIL (Military Forces of Syria)"]),
    (
        "Unidentified gunmen killed two civilians.",
        &["Unidentified gunmen => UAF (Unidentified Armed Group)", "civilians => CVL (Civilians)"],
    ),
    ("Syrian civilians fled.", &["Syrian civilians => SYRCVL (Civilians (Syria))"]),
    ("Rebels shelled regime forces.", &["Rebels => REB (Opposition Rebels)", "regime forces => MIL (Military Forces)"]),
    (
        "Hayat Tahrir al-Sham (HTS) and the SDF clashed.",
        &[
            "Hayat Tahrir al-Sham => SYRREBHTS (Hayat Tahrir al-Sham)",
            "HTS => SYRREBHTS (Hayat Tahrir al-Sham)",
            "SDF => SYRREBSDF (Syrian Democratic Forces)",
        ],
    ),
    ("Erdogan needs this zone.", &["Erdogan => TURGOV (Government of Turkey)"]),
    ("Police arrested 5 protesters in Kabul.", &["Police => COP (Police Forces)", "protesters => PRO (Protesters)"]),
    ("killed by a Russian airstrike on the town", &["Russian airstrike => RUSMIL (Military Forces of Russia)"]),
    ("Turkish shelling hit the village", &["Turkish shelling => TURMIL (Military Forces of Turkey)"]),
    (
        "Turkish Military forces conducted airstrikes",
        &["Turkish Military forces => TURMIL (Military Forces of Turkey)"],
    ),
    ("Turkish Army Forces killed 4", &["Turkish Army Forces => TURMIL (Military Forces of Turkey)"]),
    ("an explosive planted by PKK militants", &["PKK militants => TURREB (PKK)"]),
    (
        "a joint patrol by Turkish and Russian forces",
        &["Turkish => TURMIL (Military Forces of Turkey)", "Russian forces => RUSMIL (Military Forces of Russia)"],
    ),
    // Counter-examples: a nationality alone is not an actor; "is" is not IS;
    // a city is a place, not an actor.
    ("the Syrian town of Jarabulus", &[]),
    ("this is what it is", &[]),
    ("Damascus and Aleppo were quiet.", &[]),
];

#[test]
fn actor_cases() {
    let mut failures = Vec::new();
    for (text, expected) in CASES {
        let got = found(text);
        if got != *expected {
            failures.push(format!("{text}\n  expected {expected:?}\n  got      {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), CASES.len(), failures.join("\n"));
}

#[test]
fn spans_point_at_the_surface() {
    let text = "Yesterday the Taliban attacked Afghan forces in Helmand.";
    let d = doc(text);
    for m in RECOGNISER.find(&d) {
        assert!(d.text.is_char_boundary(m.span.start) && d.text.is_char_boundary(m.span.end));
        assert!(!d.slice(m.span).is_empty());
    }
}

#[test]
#[ignore = "debugging aid"]
#[allow(clippy::print_stderr)] // printing is its purpose
fn debug_print() {
    let text = std::env::var("ACTOR_TEXT").unwrap_or_default();
    for f in found(&text) {
        eprintln!("{f}");
    }
}
