//! Clauses: the parts of a sentence that can each state an event.
//!
//! A sentence is cut before a clause marker ("; ", " as ", " when ", " while ",
//! ", and ", " but ", " after ", " following ", ", killing"). The cuts are
//! generous on purpose: the coder merges clauses of one sentence back into one
//! event unless they name different acting parties (see `candidate`).

use sitrep_model::Span;

/// Markers that open a new clause (lower case, with their spaces).
const MARKERS: &[&str] = &[
    "; ", " as ", " while ", " whereas ", " when ", ", and ", ", but ", " but ", " after ",
    " following ", ", killing ", ", wounding ", ", injuring ", " before ", " meanwhile ",
];

/// The clauses of `text[sentence]`, in order, covering the sentence.
#[must_use]
pub fn clauses(text: &str, sentence: Span) -> Vec<Span> {
    let Some(s) = sentence.slice(text) else { return Vec::new() };
    let lower = s.to_ascii_lowercase();
    let mut cuts: Vec<usize> = MARKERS
        .iter()
        .flat_map(|m| lower.match_indices(m).map(|(i, _)| i + usize::from(m.starts_with(';') || m.starts_with(','))))
        .filter(|&i| i > 0 && i < s.len())
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0;
    for c in cuts.into_iter().chain(std::iter::once(s.len())) {
        if c > start {
            out.push(Span::new(sentence.start + start, sentence.start + c));
        }
        start = c;
    }
    out
}

/// Comma-delimited segments of a sentence (for the scope of hedges): cut at
/// commas, semicolons, colons, dashes and brackets.
#[must_use]
pub fn segments(text: &str, sentence: Span) -> Vec<Span> {
    let Some(s) = sentence.slice(text) else { return Vec::new() };
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in s.char_indices() {
        if matches!(c, ',' | ';' | ':' | '(' | ')' | '\u{2013}' | '\u{2014}') {
            if i > start {
                out.push(Span::new(sentence.start + start, sentence.start + i));
            }
            start = i + c.len_utf8();
        }
    }
    if s.len() > start {
        out.push(Span::new(sentence.start + start, sentence.start + s.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str, spans: &[Span]) -> Vec<String> {
        spans.iter().map(|s| text[s.start..s.end].trim().to_owned()).collect()
    }

    #[test]
    fn clause_cuts() {
        let t = "Russian jets hit the terrorists near X as they fled Y being attacked by the SAA.";
        assert_eq!(
            texts(t, &clauses(t, Span::new(0, t.len()))),
            ["Russian jets hit the terrorists near X", "as they fled Y being attacked by the SAA."]
        );
        let t = "3 soldiers were killed following an attack by Taliban militants; 2 were wounded.";
        assert_eq!(
            texts(t, &clauses(t, Span::new(0, t.len()))),
            ["3 soldiers were killed", "following an attack by Taliban militants;", "2 were wounded."]
        );
    }

    #[test]
    fn segment_cuts() {
        let t = "In what could be a sign, Turkish vehicles cleared mines (near X).";
        assert_eq!(
            texts(t, &segments(t, Span::new(0, t.len()))),
            ["In what could be a sign", "Turkish vehicles cleared mines", "near X", "."]
        );
    }
}
