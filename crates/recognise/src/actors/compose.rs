//! Composition of lexicon hits into actor units: a nationality or country and
//! an agent make one actor ("Russian warplanes" → Russia + MIL, "forces of
//! Syria", "Turkey's army"), and a named group absorbs the agent noun after it
//! ("Taliban militants").
//!
//! A bare nationality adjective ("the Syrian town of") is not an actor and is
//! dropped; a country's name alone ("Turkey has …") is the state.

use sitrep_model::{ActorRole, Iso3, Span};

use super::lexicon::{CountrySpec, Lexicon, Sense};

/// A lexicon hit: a span and the index of its sense.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub span: Span,
    pub sense: usize,
}

/// An actor before naming: the head sense (agent, named or overlay; `None`
/// for a country alone) and the country a nationality gave it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit {
    pub span: Span,
    pub head: Option<usize>,
    pub country: Option<Iso3>,
}

/// Words that never sit inside an actor phrase between a nationality and
/// its noun.
const BREAKERS: &[&str] = &[
    "of",
    "the",
    "and",
    "or",
    "in",
    "to",
    "by",
    "from",
    "with",
    "at",
    "on",
    "for",
    "as",
    "that",
    "which",
    "who",
    "was",
    "were",
    "is",
    "are",
    "has",
    "have",
    "had",
    "a",
    "an",
    "its",
    "their",
    "border",
    "side",
    "town",
    "city",
    "village",
    "province",
    "capital",
    "government's",
];

/// Nouns of armed force: a nationality before one of them names that
/// country's military ("a Russian airstrike", "Turkish shelling").
const INSTRUMENTS: &[&str] = &[
    "airstrike",
    "airstrikes",
    "air strike",
    "air strikes",
    "air raid",
    "air raids",
    "drone strike",
    "drone strikes",
    "strike",
    "strikes",
    "shelling",
    "artillery",
    "bombardment",
    "bombing",
    "raid",
    "raids",
    "missile",
    "missiles",
    "rocket",
    "rockets",
    "drone",
    "drones",
    "offensive",
    "operation",
];

/// The country's military when a nationality adjective stands before a noun
/// of armed force.
fn instrument_after(text: &str, adjective: Span) -> Option<Span> {
    let rest = text.get(adjective.end..)?;
    let trimmed = rest.trim_start_matches([' ', '-']);
    let offset = adjective.end + (rest.len() - trimmed.len());
    let lower = trimmed.get(..trimmed.len().min(24))?.to_ascii_lowercase();
    INSTRUMENTS
        .iter()
        .filter(|w| lower.starts_with(*w) && !lower[w.len()..].starts_with(|c: char| c.is_ascii_alphanumeric()))
        .map(|w| Span::new(offset, offset + w.len()))
        .max_by_key(|s| s.len())
}

/// Compose sorted hits into units.
#[must_use]
pub fn compose(text: &str, hits: &[Hit], lex: &Lexicon) -> Vec<Unit> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < hits.len() {
        let (mut unit, mut used) = compose_at(text, &hits[i..], lex);
        if let (Some(u), Some(next)) = (unit.as_mut(), hits.get(i + used.max(1))) {
            if compounds(text, lex, u, *next) {
                u.span = Span::new(u.span.start, next.span.end);
                used = used.max(1) + 1;
            }
        }
        out.extend(unit);
        i += used.max(1);
    }
    out
}

/// "Turkish Army Forces", "Turkish military forces": a country's forces
/// followed by another generic noun of force make one noun compound, not a
/// second actor (which would take the document's country); so does any
/// armed unit's noun before a bare noun of force ("federal police forces"). The unit keeps
/// its country and its first noun. Only a state's forces: "Houthi forces"
/// stay a rival government's forces (see [`is_agent`]).
fn compounds(text: &str, lex: &Lexicon, unit: &Unit, next: Hit) -> bool {
    let generic = |sense: usize| match &lex.senses[sense] {
        Sense::Agent { .. } => true,
        Sense::Overlay(row) => row.name.contains("{country}"),
        _ => false,
    };
    let countrys = match unit.head {
        Some(head) => {
            unit.country.is_some()
                || matches!(&lex.senses[head], Sense::Overlay(row) if row.country != CountrySpec::Focus && STATE.contains(&row.role) && !generic(head))
        }
        None => false,
    };
    let force_unit = unit.head.is_some_and(|head| is_armed(lex, Hit { sense: head, ..next }))
        && text
            .get(next.span.start..next.span.end)
            .is_some_and(|w| FORCE_NOUNS.iter().any(|f| w.eq_ignore_ascii_case(f)));
    (countrys || force_unit) && generic(next.sense) && adjacent(text, unit.span, next.span)
}

/// Nouns that only say "armed body": after a unit's noun they add nothing
/// ("federal police forces" are the federal police, "border guard units"
/// the border guard).
const FORCE_NOUNS: &[&str] = &["forces", "force", "units", "unit", "personnel", "troops", "elements"];

fn compose_at(text: &str, hits: &[Hit], lex: &Lexicon) -> (Option<Unit>, usize) {
    let first = hits[0];
    let next = hits.get(1).copied();
    match (&lex.senses[first.sense], next) {
        (Sense::Country { iso3, adjective: true }, Some(_)) if shares_head(text, lex, hits).is_some() => {
            let head = shares_head(text, lex, hits);
            (Some(Unit { span: first.span, head, country: Some(*iso3) }), 1)
        }
        (Sense::Country { iso3, .. }, Some(n)) if is_head(lex, n) && joins(text, first.span, n.span) => {
            (Some(Unit { span: Span::new(first.span.start, n.span.end), head: Some(n.sense), country: Some(*iso3) }), 2)
        }
        (Sense::Country { iso3, adjective: true }, _) => match (instrument_after(text, first.span), lex.military) {
            (Some(noun), Some(mil)) => {
                (Some(Unit { span: Span::new(first.span.start, noun.end), head: Some(mil), country: Some(*iso3) }), 1)
            }
            _ => (None, 1),
        },
        (Sense::Country { iso3, .. }, _) => (Some(Unit { span: first.span, head: None, country: Some(*iso3) }), 1),
        (Sense::Agent { .. } | Sense::Overlay(_), Some(n)) if of_country(text, first.span, n, lex).is_some() => {
            let country = of_country(text, first.span, n, lex);
            (Some(Unit { span: Span::new(first.span.start, n.span.end), head: Some(first.sense), country }), 2)
        }
        (Sense::Agent { agent }, Some(n))
            if is_government(agent) && is_armed(lex, n) && possessed(text, first.span, n.span) =>
        {
            (Some(Unit { span: Span::new(first.span.start, n.span.end), head: Some(n.sense), country: None }), 2)
        }
        (_, Some(n)) if is_named(lex, first) && is_agent(lex, n) && adjacent(text, first.span, n.span) => {
            (Some(Unit { span: Span::new(first.span.start, n.span.end), head: Some(first.sense), country: None }), 2)
        }
        _ => (Some(Unit { span: first.span, head: Some(first.sense), country: None }), 1),
    }
}

/// "Turkish and Russian forces": nationality adjectives joined by "and" or
/// "or" share the noun after the last of them (coordinated premodifiers),
/// so each names its country's forces. The shared head's sense, when `hits`
/// open such a coordination: the noun after the second adjective, or the
/// military when the second is a country's forces phrase of the overlay
/// ("Russian forces").
fn shares_head(text: &str, lex: &Lexicon, hits: &[Hit]) -> Option<usize> {
    let (first, second) = (hits.first()?, hits.get(1)?);
    let gap = text.get(first.span.end..second.span.start)?.trim();
    if !matches!(gap, "and" | "or" | "," | ", and") {
        return None;
    }
    match &lex.senses[second.sense] {
        Sense::Country { adjective: true, .. } => {
            let head = hits.get(2)?;
            (is_head(lex, *head) && joins(text, second.span, head.span)).then_some(head.sense)
        }
        Sense::Overlay(row) if row.role == ActorRole::Military && starts_with_adjective(text, second.span, lex) => {
            lex.military
        }
        _ => None,
    }
}

/// True when the phrase at `span` opens with a nationality adjective.
fn starts_with_adjective(text: &str, span: Span, lex: &Lexicon) -> bool {
    let first = text.get(span.start..span.end).and_then(|p| p.split(' ').next()).unwrap_or("");
    lex.is_adjective(first)
}

/// A government agent code (PETRARCH's `GOV`, `ELI`: "regime", "government").
fn is_government(agent: &str) -> bool {
    matches!(agent, "GOV" | "ELI")
}

/// An agent noun of armed force ("soldiers", "military", "police").
fn is_armed(lex: &Lexicon, h: Hit) -> bool {
    matches!(&lex.senses[h.sense], Sense::Agent { agent } if agent.starts_with("MIL") || agent.ends_with("MIL") || agent == "COP" || agent == "SPY")
}

/// "regime soldiers", "the regime's fighter": in a compound or a
/// possessive the last noun is the head and the first its holder, so a
/// government before an armed noun names the government's forces.
fn possessed(text: &str, a: Span, b: Span) -> bool {
    let gap = text.get(a.end..b.start).unwrap_or("x");
    matches!(gap, " " | "'s " | "\u{2019}s ")
}

fn is_head(lex: &Lexicon, h: Hit) -> bool {
    matches!(lex.senses[h.sense], Sense::Agent { .. } | Sense::Overlay(_) | Sense::Named { .. })
}

/// A generic agent noun: PETRARCH's ("militia"), or the overlay's noun of
/// irregular fighters whose name takes the country ("militants" →
/// "Unidentified Armed Group ({country})"). Not the overlay's protesters or
/// civilians ("Fatah protesters" are protesters, not the movement's
/// fighters), nor its state forces: "Houthi forces" and "Haftar forces"
/// stay the forces of a government in rivalry, which the codebook codes as
/// the country's military with its faction.
fn is_agent(lex: &Lexicon, h: Hit) -> bool {
    match &lex.senses[h.sense] {
        Sense::Agent { .. } => true,
        Sense::Overlay(row) => row.name.contains("{country}") && ARMED.contains(&row.role),
        _ => false,
    }
}

const STATE: &[ActorRole] = &[ActorRole::Military, ActorRole::Police];

const ARMED: &[ActorRole] = &[ActorRole::Rebel, ActorRole::Militant, ActorRole::Militia, ActorRole::Unidentified];

fn is_named(lex: &Lexicon, h: Hit) -> bool {
    matches!(lex.senses[h.sense], Sense::Named { .. } | Sense::Overlay(_))
}

/// True when at most two modifier words ("security", "special") separate a
/// nationality from its noun, or the country's possessive does ("Turkey's").
fn joins(text: &str, a: Span, b: Span) -> bool {
    let Some(gap) = text.get(a.end..b.start) else { return false };
    let gap = gap.trim();
    if gap.is_empty() || gap == "'s" || gap == "\u{2019}s" {
        return true;
    }
    let words: Vec<&str> = gap.split_whitespace().collect();
    words.len() <= 2
        && words.iter().all(|w| w.chars().all(|c| c.is_ascii_lowercase() || c == '-') && !BREAKERS.contains(w))
        && !gap.contains([',', '.', ';', ':', '(', ')'])
}

fn adjacent(text: &str, a: Span, b: Span) -> bool {
    text.get(a.end..b.start).is_some_and(|g| !g.is_empty() && g.trim().is_empty())
}

/// "forces of Syria", "the Government of Afghanistan": the country after "of".
fn of_country(text: &str, agent: Span, next: Hit, lex: &Lexicon) -> Option<Iso3> {
    let gap = text.get(agent.end..next.span.start)?;
    match &lex.senses[next.sense] {
        Sense::Country { iso3, adjective: false } if gap.trim() == "of" => Some(*iso3),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modifier_gaps() {
        let t = "Afghan security forces; Syrian town of X; Turkey's army; Afghan, forces";
        let s = |a: &str| {
            let i = t.find(a).unwrap_or(0);
            Span::new(i, i + a.len())
        };
        assert!(joins(t, s("Afghan"), s("forces")));
        assert!(!joins(t, Span::new(24, 30), Span::new(36, 38)), "'town of' breaks");
        assert!(joins(t, s("Turkey"), s("army")));
        let comma = t.rfind("Afghan").unwrap_or(0);
        assert!(!joins(t, Span::new(comma, comma + 6), Span::new(t.len() - 6, t.len())));
    }
}
