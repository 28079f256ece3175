//! A quotation can run over several sentences, with its speaker named only
//! after it closes: "\"There have been at least 45 air strikes today. The
//! town's medical centre was hit,\" an activist told AFP." The first
//! sentence has no attribution cue of its own, yet it is the activist's
//! claim, not the reporter's. An event told inside a quotation that opens
//! in its sentence and closes in a later one followed by a verb of saying
//! is attributed to the one named there.

use sitrep_model::{Doc, Event, Modality};

/// Quotation marks, straight and curly.
const QUOTES: &[char] = &['"', '\u{201c}', '\u{201d}'];

/// Verbs of saying that name the speaker after a closing quotation mark.
const SAYING: &[&str] = &["said", "says", "told", "added", "reported", "wrote", "tweeted", "according"];

/// How many sentences a quotation is followed through.
const SPAN: usize = 4;

/// The most words between the closing mark and the verb of saying.
const SPEAKER_WORDS: usize = 8;

/// Attribute each asserted event told inside a multi-sentence quotation.
pub fn attribute(doc: &Doc, events: &mut [Event]) {
    for e in events.iter_mut().filter(|e| e.modality == Modality::Asserted) {
        let Some(si) = doc.sentence_at(e.evidence.span.start) else { continue };
        if let Some(speaker) = quoted_speaker(doc, si) {
            e.modality = Modality::Attributed;
            e.attribution = Some(speaker);
        }
    }
}

/// The speaker of a quotation that opens sentence `si` and closes in a
/// later sentence, if a verb of saying follows the closing mark.
fn quoted_speaker(doc: &Doc, si: usize) -> Option<String> {
    let first = doc.slice(doc.sentences[si].span).trim_start();
    // Curly marks are three bytes long: the text after a mark starts past
    // the mark's own length, not one byte on.
    let open = first.chars().next().filter(|c| QUOTES.contains(c))?;
    if first[open.len_utf8()..].contains(QUOTES) {
        return None;
    }
    let later = doc.sentences.iter().skip(si + 1).take(SPAN).map(|s| doc.slice(s.span));
    let closing = later.into_iter().find(|s| s.contains(QUOTES))?;
    let at = closing.find(QUOTES)?;
    let mark = closing[at..].chars().next()?;
    let after = &closing[at + mark.len_utf8()..];
    let after = after.trim_start_matches(QUOTES);
    let words: Vec<&str> = after.split_whitespace().take(SPEAKER_WORDS + 1).collect();
    let verb = words
        .iter()
        .position(|w| SAYING.iter().any(|v| w.trim_matches(|c: char| !c.is_alphabetic()).eq_ignore_ascii_case(v)))?;
    let speaker = if verb > 0 { words[..verb].join(" ") } else { words.get(1..).unwrap_or(&[]).join(" ") };
    let speaker = speaker.trim_matches(|c: char| c == ',' || c == '.' || c.is_whitespace()).to_owned();
    (!speaker.is_empty()).then_some(speaker)
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_model::{DocId, Paragraph, Sentence, Span};

    fn doc(sentences: &[&str]) -> Doc {
        let text = sentences.join(" ");
        let mut spans = Vec::new();
        let mut at = 0;
        for s in sentences {
            spans.push(Sentence { span: Span::new(at, at + s.len()), paragraph: 0 });
            at += s.len() + 1;
        }
        Doc {
            paragraphs: vec![Paragraph { span: Span::new(0, text.len()) }],
            sentences: spans,
            ..Doc::bare(DocId::new("t"), &text)
        }
    }

    #[test]
    fn a_quotation_closed_later_names_its_speaker() {
        let d = doc(&["\"There were 30 air strikes today.", "The clinic was hit,\" an activist told AFP."]);
        assert_eq!(quoted_speaker(&d, 0).as_deref(), Some("an activist"));
        let d = doc(&["\"There were 30 air strikes today.", "The clinic was hit,\" said Abu Malek."]);
        assert_eq!(quoted_speaker(&d, 0).as_deref(), Some("Abu Malek"));
        let d = doc(&["\"There were 30 air strikes today,\" he said.", "The clinic was hit."]);
        assert_eq!(quoted_speaker(&d, 0), None, "closed in its own sentence: its cues decide");
        let d = doc(&["Jets struck the town.", "\"It was awful\", a man said."]);
        assert_eq!(quoted_speaker(&d, 0), None);
    }

    /// Curly marks are three bytes: reading past one must not cut it
    /// (a real article's quotation once aborted a whole batch here).
    #[test]
    fn curly_quotations_are_read_whole() {
        let cases: [(&[&str], Option<&str>); 4] = [
            (
                &["\u{201c}There were 30 air strikes today.", "The clinic was hit,\u{201d} an activist told AFP."],
                Some("an activist"),
            ),
            (
                &["\u{201c}Statistics show that 851 people lost their lives.", "It is grim.\u{201d} said the mayor."],
                Some("the mayor"),
            ),
            (&["\u{201c}The court has agreed to pay one-third, as well.\u{201d}"], None),
            (&["\u{201c}\u{201d}", "\u{201d}"], None),
        ];
        for (sentences, want) in cases {
            assert_eq!(quoted_speaker(&doc(sentences), 0).as_deref(), want, "{sentences:?}");
        }
    }
}
