//! Trigger words: the phrases that say an event happened, each with a kind.
//!
//! The lexicon is `data/rules/triggers.tsv` (embedded). Matching is ASCII
//! case-insensitive, leftmost-longest and whole-word, so "suicide attack" wins
//! over "attack" and "shelling" does not match inside "nutshelling".

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use sitrep_model::Span;
use thiserror::Error;

const TRIGGERS: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/rules/triggers.tsv"));

/// What a trigger phrase denotes. The event rules decide the sub-event type
/// from the kinds in a clause and the actors around them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TriggerKind {
    /// A generic attack verb or noun (attacked, hit, targeted, destroyed).
    Attack,
    Kill,
    Injure,
    Clash,
    Air,
    Shelling,
    Explosive,
    Suicide,
    Grenade,
    Chemical,
    /// Chemical weapons named as things ("chemical weapons inspectors",
    /// "destroy its chemical weapons"): an attack only with violence.
    ChemicalArms,
    Sexual,
    Abduct,
    Capture,
    Advance,
    Withdraw,
    Protest,
    Riot,
    Arrest,
    Agreement,
    Surrender,
    Defect,
    Demining,
    Base,
    Loot,
    Invasion,
    /// Authorities breaking up a demonstration (dispersed, tear gas).
    Disperse,
    /// A demonstration's tactics: barricades, burning tyres, blocked roads.
    Barricade,
    /// A change of posture without fighting: reinforcements, deployments,
    /// patrols, fortifications, curfews and bans.
    Posture,
}

impl TriggerKind {
    const NAMES: [(&'static str, TriggerKind); 29] = [
        ("attack", Self::Attack),
        ("kill", Self::Kill),
        ("injure", Self::Injure),
        ("clash", Self::Clash),
        ("air", Self::Air),
        ("shelling", Self::Shelling),
        ("explosive", Self::Explosive),
        ("suicide", Self::Suicide),
        ("grenade", Self::Grenade),
        ("chemical", Self::Chemical),
        ("chemical_arms", Self::ChemicalArms),
        ("sexual", Self::Sexual),
        ("abduct", Self::Abduct),
        ("capture", Self::Capture),
        ("advance", Self::Advance),
        ("withdraw", Self::Withdraw),
        ("protest", Self::Protest),
        ("riot", Self::Riot),
        ("arrest", Self::Arrest),
        ("agreement", Self::Agreement),
        ("surrender", Self::Surrender),
        ("defect", Self::Defect),
        ("demining", Self::Demining),
        ("base", Self::Base),
        ("loot", Self::Loot),
        ("invasion", Self::Invasion),
        ("disperse", Self::Disperse),
        ("barricade", Self::Barricade),
        ("posture", Self::Posture),
    ];

    pub(crate) fn parse(s: &str) -> Option<Self> {
        Self::NAMES.iter().find(|(n, _)| *n == s).map(|(_, k)| *k)
    }

    /// True for the kinds that only say violence happened, without saying
    /// how: their event type comes from context (the actor, other triggers).
    #[must_use]
    pub fn is_generic(self) -> bool {
        matches!(self, Self::Attack | Self::Kill | Self::Injure)
    }

    fn bit(self) -> u32 {
        1 << (self as u32)
    }
}

/// A set of trigger kinds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct KindSet(u32);

impl KindSet {
    pub fn insert(&mut self, k: TriggerKind) {
        self.0 |= k.bit();
    }

    #[must_use]
    pub fn has(self, k: TriggerKind) -> bool {
        self.0 & k.bit() != 0
    }

    #[must_use]
    pub fn any(self, ks: &[TriggerKind]) -> bool {
        ks.iter().any(|k| self.has(*k))
    }

    #[must_use]
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// True when every kind present is generic (attack, kill, injure).
    #[must_use]
    pub fn only_generic(self) -> bool {
        let generic = TriggerKind::Attack.bit() | TriggerKind::Kill.bit() | TriggerKind::Injure.bit();
        self.0 != 0 && self.0 & !generic == 0
    }
}

/// A trigger found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TriggerHit {
    pub span: Span,
    pub kind: TriggerKind,
}

/// The trigger lexicon could not be read (a build defect).
#[derive(Debug, Error)]
pub enum TriggerError {
    #[error("data/rules/triggers.tsv:{line}: {what}")]
    Row { line: usize, what: String },
    #[error("building the trigger automaton: {0}")]
    Automaton(#[from] aho_corasick::BuildError),
}

/// The compiled trigger lexicon.
#[derive(Debug)]
pub struct Triggers {
    automaton: AhoCorasick,
    kinds: Vec<TriggerKind>,
}

impl Triggers {
    /// Compile the embedded lexicon.
    ///
    /// # Errors
    /// When a row names an unknown kind or is malformed.
    pub fn new() -> Result<Self, TriggerError> {
        let mut phrases = Vec::new();
        let mut kinds = Vec::new();
        for (i, line) in TRIGGERS.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let row = |what: &str| TriggerError::Row { line: i + 1, what: what.to_owned() };
            let (phrase, kind) = line.split_once('\t').ok_or_else(|| row("expected phrase<TAB>kind"))?;
            let kind = TriggerKind::parse(kind.trim()).ok_or_else(|| row(&format!("unknown kind {kind:?}")))?;
            for form in expand(phrase.trim()) {
                phrases.push(form);
                kinds.push(kind);
            }
        }
        // A few hundred short phrases: a DFA is small and the fastest to run.
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&phrases)?;
        Ok(Self { automaton, kinds })
    }

    /// Triggers in `text[within]`, spans relative to `text`.
    #[must_use]
    pub fn find(&self, text: &str, within: Span) -> Vec<TriggerHit> {
        let Some(slice) = within.slice(text) else { return Vec::new() };
        let mut out = Vec::new();
        let mut at = 0;
        let mut title_case: Option<bool> = None;
        while let Some(m) = self.automaton.find(aho_corasick::Input::new(slice).range(at..)) {
            let mut named =
                || inside_name(slice, m.start(), m.end()) && !*title_case.get_or_insert_with(|| titled(slice));
            if whole_word(slice, m.start(), m.end()) && !named() {
                let span = Span::new(m.start(), m.end()).shift(within.start);
                out.push(TriggerHit { span, kind: self.kinds[m.pattern().as_usize()] });
                at = m.end();
            } else {
                at = m.start() + slice[m.start()..].chars().next().map_or(1, char::len_utf8);
            }
        }
        out
    }
}

/// `attack{,s,ed}` → attack, attacks, attacked. The braces follow the word
/// they inflect; one brace group per phrase.
fn expand(phrase: &str) -> Vec<String> {
    let (Some(open), Some(close)) = (phrase.find('{'), phrase.find('}')) else {
        return vec![phrase.to_owned()];
    };
    let (head, tail) = (&phrase[..open], &phrase[close + 1..]);
    phrase[open + 1..close].split(',').map(|suffix| format!("{head}{suffix}{tail}")).collect()
}

/// `hits` with those of `extra` that no hit overlaps, in text order: the
/// triggers a finder reads word by word (a restriction, a gathering) join
/// the lexicon's.
pub(crate) fn with_extra(mut hits: Vec<TriggerHit>, extra: Vec<TriggerHit>) -> Vec<TriggerHit> {
    let extra: Vec<TriggerHit> = extra.into_iter().filter(|r| !hits.iter().any(|h| h.span.overlaps(r.span))).collect();
    if extra.is_empty() {
        return hits;
    }
    hits.extend(extra);
    hits.sort_by_key(|h| h.span.start);
    hits
}

/// `hits` with every hit of `extra`, which takes the place of the hits
/// inside its span: a finder that reads a verb and its object knows better
/// than a phrase inside them ("seized bombs" is no bombing).
pub(crate) fn with_overriding(hits: Vec<TriggerHit>, extra: Vec<TriggerHit>) -> Vec<TriggerHit> {
    if extra.is_empty() {
        return hits;
    }
    let kept = hits.into_iter().filter(|h| !extra.iter().any(|x| x.span.contains(h.span))).collect();
    with_extra(kept, extra)
}

/// True when the phrase at `start..end` is a word of a proper name: it is
/// capitalised and so are the words right before and after it ("the
/// National Liberation Army", "the Popular Resistance Committees"). A name
/// names a group, not an act.
fn inside_name(text: &str, start: usize, end: usize) -> bool {
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let before = text[..start].strip_suffix(' ').and_then(|b| b.rsplit(' ').next()).unwrap_or("");
    let after = text[end..].strip_prefix(' ').and_then(|a| a.split(' ').next()).unwrap_or("");
    capital(&text[start..end]) && capital(before) && capital(after)
}

/// True for a sentence in title case (a headline: "Russian Airstrikes Kill
/// 12 in Idlib"), where capitals do not mark names: half its words or more
/// capitalised.
fn titled(text: &str) -> bool {
    let words: Vec<&str> =
        text.split_whitespace().filter(|w| w.chars().next().is_some_and(char::is_alphabetic)).collect();
    let capitals = words.iter().filter(|w| w.chars().next().is_some_and(char::is_uppercase)).count();
    capitals * 2 >= words.len()
}

fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_of_a_name_is_no_trigger() {
        let t = Triggers::new().expect("lexicon compiles");
        let kinds = |text: &str| t.find(text, Span::new(0, text.len())).iter().map(|h| h.kind).collect::<Vec<_>>();
        assert_eq!(kinds("Soldiers clashed with the National Liberation Army near the town."), [TriggerKind::Clash]);
        assert_eq!(kinds("Troops liberated the town."), [TriggerKind::Capture]);
        assert!(!kinds("Army Liberates Town From Rebels").is_empty(), "a headline's capitals are not a name's");
    }

    #[test]
    fn braces_expand() {
        assert_eq!(expand("attack{,s,ed}"), ["attack", "attacks", "attacked"]);
        assert_eq!(expand("gain{,ed} ground"), ["gain ground", "gained ground"]);
        assert_eq!(expand("sarin"), ["sarin"]);
    }

    #[test]
    fn longest_whole_word_triggers() {
        let t = Triggers::new().expect("lexicon compiles");
        let text = "A suicide attack and airstrikes; the nutshelling was not shelling.";
        let hits: Vec<(String, TriggerKind)> = t
            .find(text, Span::new(0, text.len()))
            .iter()
            .map(|h| (text[h.span.start..h.span.end].to_owned(), h.kind))
            .collect();
        assert_eq!(
            hits,
            [
                ("suicide attack".to_owned(), TriggerKind::Suicide),
                ("airstrikes".to_owned(), TriggerKind::Air),
                ("shelling".to_owned(), TriggerKind::Shelling),
            ]
        );
    }

    #[test]
    fn kind_sets() {
        let mut s = KindSet::default();
        assert!(s.is_empty() && !s.only_generic());
        s.insert(TriggerKind::Kill);
        assert!(s.only_generic());
        s.insert(TriggerKind::Air);
        assert!(!s.only_generic() && s.has(TriggerKind::Air));
    }
}
