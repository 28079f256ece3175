//! A generic label tied to a named group is that group. English names an
//! armed group's members by the group's name before a generic noun ("Nour
//! Brigade militants", "al-Qalam terrorists": the name modifies the head
//! noun) or after it with "from", "of" or "belonging to" ("a suicide bomber
//! from the Nour Brigade", "fighters of the Nour Brigade"), and a country's
//! adjective before a generic noun is the noun's ("Syrian rebel shelling":
//! rebels, not Syria). The event's party
//! is then the named group, not an unidentified one: ACLED names an actor
//! as specifically as its source does.

use sitrep_model::{Actor, ActorMention, ActorRole};

/// How many words may stand between a generic label's "from"/"of" and the
/// group's name ("from the jihadist group's local branch, the Nour Brigade").
const MAX_WORDS: usize = 6;

/// Words that tie a following group's name to a generic label.
const TIES: &[&str] = &["from", "of", "belonging to"];

/// The named group that the generic actor mention `k` (an index into
/// `actors`, the clause's mentions with their document indices, in text
/// order) stands for, or `k` itself.
#[must_use]
pub fn named(text: &str, k: usize, actors: &[(usize, &ActorMention)]) -> usize {
    let Some(at) = actors.iter().position(|(i, _)| *i == k) else { return k };
    let m = actors[at].1;
    if m.actor.role == ActorRole::State {
        return nationality_of(text, at, actors).unwrap_or(k);
    }
    if !generic(&m.actor) {
        return k;
    }
    let before = at.checked_sub(1).map(|p| actors[p]).filter(|(_, p)| {
        armed_group(&p.actor) && text.get(p.span.end..m.span.start).is_some_and(|g| g == " " || g == "-")
    });
    // The last group in the phrase: "from the Nour Brigade's local
    // offshoot the Qalam Front" is from the offshoot, its parent aside.
    let after = || {
        actors[at + 1..]
            .iter()
            .filter(|(_, n)| armed_group(&n.actor))
            .copied()
            .take_while(|(_, n)| {
                let gap = text.get(m.span.end..n.span.start).unwrap_or("").trim().to_ascii_lowercase();
                let tied = TIES.iter().find_map(|t| gap.strip_prefix(t).filter(|r| r.is_empty() || r.starts_with(' ')));
                tied.is_some_and(|rest| rest.split_whitespace().count() <= MAX_WORDS)
            })
            .last()
    };
    before.or_else(after).map_or(k, |(i, _)| i)
}

/// The generic label a country's name or adjective at `actors[at]` stands
/// right before ("Ain Sarab rebel shelling", "Syrian militants"): the
/// country is the label's, and the party is the label.
fn nationality_of(text: &str, at: usize, actors: &[(usize, &ActorMention)]) -> Option<usize> {
    let (_, m) = actors[at];
    let (i, next) = actors.get(at + 1)?;
    let adjacent = text.get(m.span.end..next.span.start) == Some(" ");
    (adjacent && generic(&next.actor)).then_some(*i)
}

/// A label that names no group ("militants", "a suicide bomber").
fn generic(a: &Actor) -> bool {
    let code = a.code.as_str();
    matches!(a.role, ActorRole::Rebel | ActorRole::Unidentified | ActorRole::Militant)
        && (code.ends_with("REB") || code.ends_with("UAF"))
}

/// A named armed group ("the Nour Brigade"), not a generic label.
fn armed_group(a: &Actor) -> bool {
    matches!(a.role, ActorRole::Rebel | ActorRole::Militant | ActorRole::Militia) && !generic(a)
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_model::{ActorCode, Span};

    fn mention(text: &str, what: &str, code: &str, role: ActorRole) -> ActorMention {
        let at = text.find(what).unwrap_or(0);
        let actor = Actor { name: what.into(), code: ActorCode::new(code).expect("valid code"), country: None, role };
        ActorMention { span: Span::new(at, at + what.len()), actor }
    }

    fn pick(text: &str, ms: &[ActorMention], k: usize) -> usize {
        let actors: Vec<(usize, &ActorMention)> = ms.iter().enumerate().collect();
        named(text, k, &actors)
    }

    #[test]
    fn generic_labels_take_their_groups_name() {
        let t = "Nour Brigade militants shelled the town.";
        let ms = [
            mention(t, "Nour Brigade", "NOURBR", ActorRole::Militant),
            mention(t, "militants", "REB", ActorRole::Rebel),
        ];
        assert_eq!(pick(t, &ms, 1), 0);
        let t = "A suicide bomber from the local branch the Nour Brigade killed ten.";
        let ms = [
            mention(t, "A suicide bomber", "UAF", ActorRole::Unidentified),
            mention(t, "Nour Brigade", "NOURBR", ActorRole::Militant),
        ];
        assert_eq!(pick(t, &ms, 0), 1);
        let t = "A bomber from the Nour Brigade offshoot the Qalam Front struck.";
        let ms = [
            mention(t, "A bomber", "UAF", ActorRole::Unidentified),
            mention(t, "Nour Brigade", "NOURBR", ActorRole::Militant),
            mention(t, "Qalam Front", "QALAMF", ActorRole::Militant),
        ];
        assert_eq!(pick(t, &ms, 0), 2, "the offshoot, not its parent");
        let t = "Militants attacked a post held by the Nour Brigade.";
        let ms = [
            mention(t, "Militants", "REB", ActorRole::Rebel),
            mention(t, "Nour Brigade", "NOURBR", ActorRole::Militant),
        ];
        assert_eq!(pick(t, &ms, 0), 0, "not tied: the group is the target");
        let t = "Eleven died in Syrian rebel shelling.";
        let ms = [mention(t, "Syrian", "SYR", ActorRole::State), mention(t, "rebel", "REB", ActorRole::Rebel)];
        assert_eq!(pick(t, &ms, 0), 1);
    }
}
