//! Readers for the PETRARCH2 / Phoenix dictionary formats
//! (`data/dictionaries/petrarch2/dictionaries.rst`).
//!
//! Actor files: a header line names an entry (`SYRIA_  [SYR]`), `+` lines add
//! synonyms, and tab-indented `[CODE dates]` lines give its codes, possibly
//! date-bounded (`[SYRGOV >000717]`, `[IGOUNO 970101-061231]`). Entries listed
//! without codes take the next code lines that follow (TABARI's convention for
//! a block of names sharing codes). Agent files: `PHRASE {plurals} [~AGENT]`,
//! with `!SET!` substitution sets. Underscores are spaces; a trailing `_` marks
//! a whole word (no plural generated).

use chrono::NaiveDate;

/// A code with the dates it is valid between (inclusive, either open).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedCode {
    pub code: String,
    pub from: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
}

impl DatedCode {
    /// True when the code applies on `day`.
    #[must_use]
    pub fn valid_on(&self, day: NaiveDate) -> bool {
        self.from.is_none_or(|f| f <= day) && self.until.is_none_or(|u| day <= u)
    }

    /// True when no dates bound the code.
    #[must_use]
    pub fn undated(&self) -> bool {
        self.from.is_none() && self.until.is_none()
    }
}

/// One actor entry: its header name, every surface phrase, and its codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorEntry {
    /// The header phrase, spaces for underscores ("JABHAT AL NUSRA").
    pub header: String,
    /// The header and its synonyms, spaces for underscores.
    pub phrases: Vec<String>,
    pub codes: Vec<DatedCode>,
}

/// One agent phrase and its agent code (`SOLDIER` → `MIL`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgentEntry {
    pub phrase: String,
    /// Extra surface forms: generated plurals or the `{…}` list.
    pub variants: Vec<String>,
    pub agent: String,
}

/// Parse an actor dictionary. Lines that fit no rule are skipped.
#[must_use]
pub fn parse_actors(text: &str) -> Vec<ActorEntry> {
    let mut done = Vec::new();
    let mut pending: Vec<ActorEntry> = Vec::new();
    let mut coded_since_header = false;
    for raw in text.lines() {
        let line = strip_comment(raw);
        if line.trim().is_empty() {
            continue;
        }
        let starts_blank = line.starts_with([' ', '\t']);
        let trimmed = line.trim();
        if starts_blank && trimmed.starts_with('[') {
            let codes = parse_codes(trimmed);
            pending.iter_mut().for_each(|e| e.codes.extend(codes.iter().cloned()));
            coded_since_header = true;
        } else if let Some(rest) = trimmed.strip_prefix('+') {
            if let Some(entry) = pending.last_mut() {
                entry.phrases.extend(rest.split('+').map(phrase).filter(|p| !p.is_empty()));
            }
        } else {
            if coded_since_header {
                done.append(&mut pending);
                coded_since_header = false;
            }
            pending.push(header_entry(trimmed));
            if pending.last().is_some_and(|e| !e.codes.is_empty()) {
                coded_since_header = true;
            }
        }
    }
    done.append(&mut pending);
    done.retain(|e| !e.codes.is_empty());
    done
}

fn header_entry(line: &str) -> ActorEntry {
    let (name, codes) = match line.find('[') {
        Some(i) => (&line[..i], parse_codes(&line[i..])),
        None => (line, Vec::new()),
    };
    let header = phrase(name);
    ActorEntry { phrases: vec![header.clone()], header, codes }
}

fn strip_comment(line: &str) -> &str {
    line.find('#').map_or(line, |i| &line[..i])
}

/// `ISLAMIC_STATE_` → `ISLAMIC STATE`.
fn phrase(raw: &str) -> String {
    raw.trim().replace('_', " ").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every `[CODE dates]` group on a line.
fn parse_codes(line: &str) -> Vec<DatedCode> {
    line.split('[').filter_map(|part| part.split(']').next()).filter_map(parse_code).collect()
}

fn parse_code(inner: &str) -> Option<DatedCode> {
    let mut words = inner.split_whitespace();
    let code = words.next()?.trim_start_matches('~');
    if code.is_empty() || !code.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    let (from, until) = words.next().map_or((None, None), parse_range);
    Some(DatedCode { code: code.to_owned(), from, until })
}

/// `>20130408`, `<991231`, `970101-061231`.
fn parse_range(s: &str) -> (Option<NaiveDate>, Option<NaiveDate>) {
    if let Some(d) = s.strip_prefix('>') {
        (parse_day(d), None)
    } else if let Some(d) = s.strip_prefix('<') {
        (None, parse_day(d))
    } else if let Some((a, b)) = s.split_once('-') {
        (parse_day(a), parse_day(b))
    } else {
        (None, None)
    }
}

/// `20130408` or `130408` (two-digit years: 00–30 are 20xx, else 19xx).
fn parse_day(s: &str) -> Option<NaiveDate> {
    let n: u32 = s.parse().ok()?;
    let (y, md) = match s.len() {
        8 => ((n / 10_000) as i32, n % 10_000),
        6 => {
            let yy = (n / 10_000) as i32;
            (if yy <= 30 { 2000 + yy } else { 1900 + yy }, n % 10_000)
        }
        _ => return None,
    };
    NaiveDate::from_ymd_opt(y, md / 100, (md % 100).max(1))
}

/// Parse an agent dictionary.
#[must_use]
pub fn parse_agents(text: &str) -> Vec<AgentEntry> {
    let mut sets: Vec<(String, Vec<String>)> = Vec::new();
    let mut out = Vec::new();
    for raw in text.lines() {
        let line = strip_comment(raw).trim();
        if line.starts_with('!') && line.contains('=') {
            if let Some(set) = parse_set(line) {
                sets.push(set);
            }
            continue;
        }
        let Some(open) = line.find("[~") else { continue };
        let Some(code) = parse_code(&line[open + 1..].replace(']', " ")) else { continue };
        out.extend(agent_entries(&line[..open], &code.code, &sets));
    }
    out
}

fn parse_set(line: &str) -> Option<(String, Vec<String>)> {
    let (name, members) = line.split_once('=')?;
    let members = members.split(',').map(|m| m.trim().to_owned()).filter(|m| !m.is_empty());
    Some((name.trim().to_owned(), members.collect()))
}

fn agent_entries(head: &str, agent: &str, sets: &[(String, Vec<String>)]) -> Vec<AgentEntry> {
    let (body, braces) = match head.find('{') {
        Some(i) => (&head[..i], Some(head[i + 1..].trim_end().trim_end_matches('}'))),
        None => (head, None),
    };
    let whole_word = body.trim_end().ends_with('_');
    expand_sets(body.trim(), sets)
        .into_iter()
        .map(|p| {
            let phrase = phrase(&p);
            let variants = match braces {
                Some(list) => list.split_whitespace().map(phrase_of).collect(),
                None if whole_word => Vec::new(),
                None => plural_of(&phrase).into_iter().collect(),
            };
            AgentEntry { phrase, variants, agent: agent.to_owned() }
        })
        .filter(|e| !e.phrase.is_empty())
        .collect()
}

fn phrase_of(raw: &str) -> String {
    phrase(raw)
}

/// Expand `!SET!` references; a reference to an unknown set is kept as is.
fn expand_sets(body: &str, sets: &[(String, Vec<String>)]) -> Vec<String> {
    let Some((name, members)) = sets.iter().find(|(n, _)| body.contains(n.as_str())) else {
        return vec![body.to_owned()];
    };
    members.iter().flat_map(|m| expand_sets(&body.replacen(name.as_str(), m, 1), sets)).collect()
}

/// The regular English plural of a phrase's last word (PETRARCH's rule: +S,
/// Y → IES, SS → ES), or None when the word already ends in S.
#[must_use]
pub fn plural_of(phrase: &str) -> Option<String> {
    let upper = phrase.to_ascii_uppercase();
    if upper.ends_with("SS") || upper.ends_with("CH") || upper.ends_with("SH") || upper.ends_with('X') {
        Some(format!("{phrase}ES"))
    } else if upper.ends_with('S') {
        None
    } else if upper.ends_with('Y') && !upper.ends_with("AY") && !upper.ends_with("EY") && !upper.ends_with("OY") {
        Some(format!("{}IES", &phrase[..phrase.len() - 1]))
    } else if upper.ends_with("MAN") {
        Some(format!("{}MEN", &phrase[..phrase.len() - 3]))
    } else {
        Some(format!("{phrase}S"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ACTORS: &str = "\
SYRIA_  [SYR]
+SYRIAN_
+DAMASCUS_ # a city

BASHAR_AL_ASSAD_  # CountryInfo.txt
\t[SYRELI 830101-000101]
\t[SYRGOV >000717]
HAMAS_  #  kkl
+ISLAMIC_RESISTANCE_MOVEMENT
\t[PSEREBHMS]
SHEIKH_AHMED_YASSIN
+AHMED_YASSIN
UNCODED_ENTRY_
";

    #[test]
    fn actor_blocks_and_dated_codes() {
        let e = parse_actors(ACTORS);
        let names: Vec<_> = e.iter().map(|e| e.header.as_str()).collect();
        assert_eq!(names, ["SYRIA", "BASHAR AL ASSAD", "HAMAS"]);
        assert_eq!(e[0].phrases, ["SYRIA", "SYRIAN", "DAMASCUS"]);
        let assad = &e[1].codes;
        assert_eq!(assad.len(), 2);
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap_or_default();
        assert!(assad[1].valid_on(d(2016, 1, 21)));
        assert!(!assad[0].valid_on(d(2016, 1, 21)));
        assert!(assad[0].valid_on(d(1990, 1, 1)));
        assert_eq!(e[2].phrases, ["HAMAS", "ISLAMIC RESISTANCE MOVEMENT"]);
    }

    #[test]
    fn agents_expand_sets_and_plurals() {
        let text = "!PERSON! = MAN, MEN\nPOLICE!PERSON! [~COP]\nSOLDIER [~MIL]\nARMY_ [~MIL]\nCHAMBER {CHAMBERS_X} [~BUS]\nMILITIA [~MLT]\n";
        let a = parse_agents(text);
        let forms: Vec<(String, Vec<String>)> = a.iter().map(|e| (e.phrase.clone(), e.variants.clone())).collect();
        assert_eq!(forms[0], ("POLICEMAN".into(), vec!["POLICEMEN".into()]));
        assert_eq!(forms[1].0, "POLICEMEN");
        assert_eq!(forms[2], ("SOLDIER".into(), vec!["SOLDIERS".into()]));
        assert_eq!(forms[3], ("ARMY".into(), vec![]));
        assert_eq!(forms[4], ("CHAMBER".into(), vec!["CHAMBERS X".into()]));
        assert_eq!(forms[5], ("MILITIA".into(), vec!["MILITIAS".into()]));
        assert!(a.iter().all(|e| e.agent != "~COP"));
    }

    #[test]
    fn plurals() {
        for (s, p) in [("ARMY", Some("ARMIES")), ("BOSS", Some("BOSSES")), ("TROOPS", None), ("DAY", Some("DAYS"))] {
            assert_eq!(plural_of(s).as_deref(), p, "{s}");
        }
    }
}
