//! Modality: how sure the text is that an event happened, from the cues in
//! its sentence.
//!
//! Scope, decided per cue kind:
//! - negation ("did not", "denied") and future/conditional cues ("will",
//!   "is preparing", "would", "if") govern the comma-delimited segment they
//!   sit in, and only a trigger after them;
//! - hedges ("may", "could", "indications", "possible") and opinion cues
//!   govern the whole sentence, except when they sit in a fronted adverbial
//!   ("In what could be a sign of this intent, Turkish vehicles cleared
//!   mines": the vehicles did clear mines);
//! - attribution ("X said", "according to X") governs the whole sentence.
//!
//! Precedence: negated, then speculative, then planned, then attributed.

use sitrep_model::{CueKind, CueMention, Modality, Span};

use crate::clause::segments;

/// Words that open a fronted adverbial phrase.
const FRONTED: &[&str] =
    &["in", "as", "with", "despite", "although", "though", "amid", "after", "before", "since", "given", "following"];

/// Hedges of identity, not of occurrence: "suspected Afghan soldiers", "a
/// bomb suspected to be planted by the Taliban" — the event happened.
const IDENTITY: &[&str] = &["suspected", "alleged", "presumed", "apparent", "purported"];

/// Opinions of aim or obligation ("in order to provide food", "must
/// resign"): after the event they tell what the actors want, not whether
/// the event happened.
const DEONTIC: &[&str] = &["in order to", "needs", "need to", "needs to", "should", "must", "ought to", "it is time"];

/// Hedges that only say someone reported the event.
const REPORTED: &[&str] = &["reportedly", "allegedly", "reported", "according"];

/// Words before "to" that make it a preposition, not an infinitive ("due to
/// shelling", "according to", "led to clashes").
const PREPOSITIONAL_TO: &[&str] = &[
    "due",
    "according",
    "subjected",
    "exposed",
    "led",
    "lead",
    "leading",
    "response",
    "responded",
    "responding",
    "respond",
    "prior",
    "addition",
    "thanks",
    "owing",
    "related",
    "similar",
    "close",
    "next",
    "return",
    "comes",
    "came",
    "contributed",
    "reference",
    "turned",
    // aspect, not intent: "is continuing to gain the ground", "began to shell"
    "continue",
    "continues",
    "continued",
    "continuing",
    "begin",
    "begins",
    "began",
    "begun",
    "beginning",
    "start",
    "starts",
    "started",
    "starting",
    "resume",
    "resumed",
    "resuming",
    "keep",
    "keeps",
    "kept",
    "managed",
    "on",
];

/// Adverbs of habit and of background: "the coalition often targets
/// towns", "IS has previously targeted Qamishli" state no event.
const HABITUAL: &[&str] = &[
    "often",
    "usually",
    "regularly",
    "frequently",
    "routinely",
    "typically",
    "generally",
    "sometimes",
    "sporadically",
    "occasionally",
    "periodically",
    "previously",
    "habitually",
];

/// Phrases that put the event ahead: "in anticipation of a battle".
const AHEAD: &[&[&str]] = &[
    &["in", "anticipation", "of"],
    &["ahead", "of"],
    &["in", "preparation", "for"],
    &["preparing", "for"],
    &["aimed", "at"],
    &["plans", "for"],
];

/// Verbs of accusation: an event after them is someone's charge ("accused
/// Turkey of shelling", "criticised by rights groups for attacks").
const ACCUSATION: &[&str] =
    &["accused", "accuses", "accusing", "criticised", "criticized", "blamed", "condemned", "denounced"];

/// Past-tense verbs of assembling: a crowd that did this has met.
const ASSEMBLED: &[&str] =
    &["gathered", "assembled", "marched", "rallied", "converged", "took", "went", "poured", "staged", "held"];

/// Protest verbs whose purpose infinitive an assembly fulfils.
const PROTEST_VERBS: &[&str] = &["protest", "demonstrate", "rally", "march"];

/// True for "gathered near the council to protest", "took to the streets
/// to demonstrate": a demonstration is the assembly itself, so a protest
/// verb as the purpose of a past assembly tells a protest that took place
/// (unlike "gathered to attack the base", where the attack may not follow).
fn assembled_to_protest(text: &str, before: &str, trigger: Span) -> bool {
    let verb = text.get(trigger.start..trigger.end).unwrap_or("");
    let protest = PROTEST_VERBS.iter().any(|v| verb.eq_ignore_ascii_case(v));
    protest
        && before
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| ASSEMBLED.iter().any(|a| w.eq_ignore_ascii_case(a)))
}

/// The word shapes that hedge or attribute a trigger from right before it.
fn frame(text: &str, sentence: Span, trigger: Span) -> Option<Modality> {
    let before = &text[sentence.start..trigger.start];
    let is = |w: &str, list: &[&str]| list.iter().any(|x| w.eq_ignore_ascii_case(x));
    if infinitive(before) && !assembled_to_protest(text, before, trigger) {
        return Some(Modality::Planned);
    }
    let near_before = before.rsplit(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).take(4);
    let near_after =
        text[trigger.end..sentence.end].split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).take(2);
    if near_before.chain(near_after).any(|w| is(w, HABITUAL)) {
        return Some(Modality::Speculative);
    }
    if ahead(before) {
        return Some(Modality::Planned);
    }
    let accused = before.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| is(w, ACCUSATION));
    accused.then_some(Modality::Attributed)
}

/// True when the trigger is an infinitive right after `before` ("its
/// campaign to retake", "vowed to attack"): an aim, not an outcome, unless
/// the word before "to" makes it a preposition or an aspect
/// ([`PREPOSITIONAL_TO`]: "led to clashes", "began to shell").
pub(crate) fn infinitive(before: &str) -> bool {
    let mut back = before.rsplit(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty());
    let (last, second) = (back.next(), back.next());
    last.is_some_and(|w| w.eq_ignore_ascii_case("to"))
        && second.is_some_and(|w| !PREPOSITIONAL_TO.iter().any(|x| w.eq_ignore_ascii_case(x)))
}

/// True when the trigger follows one of the [`AHEAD`] phrases, directly or
/// through an article ("in anticipation of a fierce battle").
pub(crate) fn ahead(before: &str) -> bool {
    let mut from = before.len().saturating_sub(40);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    let tail = before[from..].to_ascii_lowercase();
    let words: Vec<&str> = tail.split_whitespace().collect();
    AHEAD.iter().any(|phrase| {
        words.windows(phrase.len()).enumerate().any(|(i, w)| {
            let rest = &words[i + phrase.len()..];
            w == *phrase && rest.len() <= 2 && rest.first().is_none_or(|r| matches!(*r, "a" | "the" | "an"))
        })
    })
}

/// The modality of an event triggered at `trigger` in `sentence`, and who
/// says so when it is attributed.
#[must_use]
pub fn modality(text: &str, cues: &[&CueMention], sentence: Span, trigger: Span) -> (Modality, Option<String>) {
    let (m, source) = from_cues(text, cues, sentence, trigger);
    match (m, frame(text, sentence, trigger)) {
        (Modality::Asserted | Modality::Attributed, Some(f))
            if f != Modality::Attributed || m == Modality::Asserted =>
        {
            (f, source.filter(|_| f == Modality::Attributed))
        }
        _ => (m, source),
    }
}

fn from_cues(text: &str, cues: &[&CueMention], sentence: Span, trigger: Span) -> (Modality, Option<String>) {
    let segs = segments(text, sentence);
    let seg_of = |s: Span| segs.iter().position(|g| g.start <= s.start && s.start < g.end.max(g.start + 1));
    let trigger_seg = seg_of(trigger);
    let fronted = segs.first().filter(|g| segs.len() > 1 && starts_fronted(text, **g)).copied();
    let mut found = Found::default();
    for c in cues {
        let same_seg = seg_of(c.span) == trigger_seg;
        let before = c.span.end <= trigger.start;
        let in_front = fronted.is_some_and(|f| f.contains(c.span)) && !fronted.is_some_and(|f| f.contains(trigger));
        match c.kind {
            CueKind::Negation => found.negated |= same_seg && before && trigger.start - c.span.end < 60,
            CueKind::Future => found.planned |= same_seg && before,
            CueKind::Conditional => found.speculative |= same_seg && before,
            CueKind::Hedge if is_word_of(text, c.span, IDENTITY) || hedges_detail(text, c.span, trigger) => {}
            CueKind::Hedge | CueKind::Opinion if aside(text, sentence, c.span) && !aside(text, sentence, trigger) => {}
            // A deontic after the trigger is the participants' need or the
            // writer's view of what follows, never a doubt on the act told
            // before it ("marched to demand aid as they need to have food").
            CueKind::Opinion if !before && is_word_of(text, c.span, DEONTIC) => {}
            CueKind::Hedge | CueKind::Opinion if is_reported(text, c.span) => found.attributed(c, text),
            CueKind::Hedge | CueKind::Opinion => found.speculative |= !in_front,
            CueKind::Attribution => found.attributed(c, text),
        }
    }
    found.decide()
}

/// What the cues of a sentence said about one trigger.
#[derive(Debug, Default)]
struct Found {
    negated: bool,
    speculative: bool,
    planned: bool,
    attributed: bool,
    source: Option<String>,
}

impl Found {
    fn attributed(&mut self, c: &CueMention, text: &str) {
        self.attributed = true;
        if self.source.is_none() {
            self.source = c.source.and_then(|s| s.slice(text)).map(clean_source);
        }
    }

    fn decide(self) -> (Modality, Option<String>) {
        if self.negated {
            (Modality::Negated, None)
        } else if self.speculative {
            (Modality::Speculative, None)
        } else if self.planned {
            (Modality::Planned, None)
        } else if self.attributed {
            (Modality::Attributed, self.source)
        } else {
            (Modality::Asserted, None)
        }
    }
}

fn starts_fronted(text: &str, seg: Span) -> bool {
    let first = text[seg.start..seg.end].split_whitespace().next().unwrap_or("");
    FRONTED.iter().any(|w| first.eq_ignore_ascii_case(w))
}

/// True when a hedge qualifies a detail, not the event: a name right after
/// it ("gunmen, presumably IS, opened fire": who, not whether), or a phrase
/// set off by a comma after the trigger ("destroying two bulldozers and
/// leaving casualties, likely among the soldiers": whose casualties).
fn hedges_detail(text: &str, hedge: Span, trigger: Span) -> bool {
    let next = text[hedge.end..].split(|c: char| !c.is_alphanumeric()).find(|w| !w.is_empty()).unwrap_or("");
    let names = next.chars().next().is_some_and(char::is_uppercase);
    let appended = hedge.start > trigger.end && text[trigger.end..hedge.start].trim_end().ends_with(',');
    names || appended
}

/// True when `span` sits inside a bracketed aside of the sentence ("[not
/// clear from the source if he was off-duty]", "(believed to be
/// civilians)"): a comment on a detail, whose hedges stay inside it.
fn aside(text: &str, sentence: Span, span: Span) -> bool {
    let before = text.get(sentence.start.min(span.start)..span.start).unwrap_or("");
    let open = before.rfind(['(', '[']);
    let close = before.rfind([')', ']']);
    match (open, close) {
        (Some(o), Some(c)) => o > c,
        (Some(_), None) => true,
        _ => false,
    }
}

fn is_reported(text: &str, span: Span) -> bool {
    is_word_of(text, span, REPORTED)
}

fn is_word_of(text: &str, span: Span, words: &[&str]) -> bool {
    let w = &text[span.start..span.end];
    words.iter().any(|r| w.eq_ignore_ascii_case(r))
}

/// "the Syrian Observatory for Human Rights" → "Syrian Observatory for Human Rights".
fn clean_source(s: &str) -> String {
    let s = s.trim().trim_matches(|c: char| c == ',' || c == '"');
    let s = s.strip_prefix("the ").or_else(|| s.strip_prefix("The ")).unwrap_or(s);
    s.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cue(text: &str, word: &str, kind: CueKind) -> CueMention {
        let i = text.find(word).unwrap_or(0);
        CueMention { span: Span::new(i, i + word.len()), kind, source: None }
    }

    fn run(text: &str, trigger: &str, cues: &[CueMention]) -> Modality {
        let i = text.find(trigger).unwrap_or(0);
        let refs: Vec<&CueMention> = cues.iter().collect();
        modality(text, &refs, Span::new(0, text.len()), Span::new(i, i + trigger.len())).0
    }

    #[test]
    fn scopes() {
        let t = "In what could be a sign of this intent, Turkish vehicles have started clearing mines.";
        assert_eq!(run(t, "clearing mines", &[cue(t, "could", CueKind::Hedge)]), Modality::Asserted);
        let t = "There are growing indications that Turkey is preparing a ground invasion in Syria.";
        let cues = [cue(t, "indications", CueKind::Hedge), cue(t, "preparing", CueKind::Future)];
        assert_eq!(run(t, "invasion", &cues), Modality::Speculative);
        let t = "What prevent Turkey from a full-scale invasion, it's a possible military answer.";
        assert_eq!(run(t, "invasion", &[cue(t, "possible", CueKind::Hedge)]), Modality::Speculative);
        let t = "Turkey is preparing a ground invasion.";
        assert_eq!(run(t, "invasion", &[cue(t, "preparing", CueKind::Future)]), Modality::Planned);
        let t = "The army denied that it shelled the town.";
        assert_eq!(run(t, "shelled", &[cue(t, "denied", CueKind::Negation)]), Modality::Negated);
        let t = "Taliban snipers shot and killed 2 suspected Afghan soldiers.";
        assert_eq!(run(t, "killed", &[cue(t, "suspected", CueKind::Hedge)]), Modality::Asserted);
        let t = "It said the fighters were travelling to fight against ISIS.";
        assert_eq!(run(t, "fight against", &[]), Modality::Planned);
        let t = "The SAA is continuing to gain the ground in Latakia.";
        assert_eq!(run(t, "gain the ground", &[]), Modality::Asserted);
        let t = "Civilians died due to shelling.";
        assert_eq!(run(t, "shelling", &[]), Modality::Asserted);
        let t = "The coalition often targets ISIS-held towns.";
        assert_eq!(run(t, "targets", &[]), Modality::Speculative);
        let t = "Government forces have been criticised by rights groups for indiscriminate attacks.";
        assert_eq!(run(t, "attacks", &[]), Modality::Attributed);
        let t = "The Israeli side is hit sporadically by stray rounds.";
        assert_eq!(run(t, "hit", &[]), Modality::Speculative);
        let t = "Militants sent reinforcements in anticipation of a fierce battle.";
        assert_eq!(run(t, "battle", &[]), Modality::Planned);
        let t = "Gunmen killed a policeman while shopping [not clear from the source if he was off-duty].";
        assert_eq!(run(t, "killed", &[cue(t, "not clear", CueKind::Hedge)]), Modality::Asserted);
        let t = "Drivers demonstrated to demand work, in order to feed their families.";
        assert_eq!(run(t, "demonstrated", &[cue(t, "in order to", CueKind::Opinion)]), Modality::Asserted);
        let t = "Gunmen killed a policeman, it seems.";
        assert_eq!(run(t, "killed", &[cue(t, "seems", CueKind::Opinion)]), Modality::Speculative);
        let t = "Officials did not say who carried out the attack, which killed 5.";
        assert_eq!(run(t, "killed", &[cue(t, "did not", CueKind::Negation)]), Modality::Asserted);
    }
}
