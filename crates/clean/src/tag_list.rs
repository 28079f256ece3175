//! An inline tag list is not part of a sentence. A page's "Tags:" line
//! (its keywords: "Tags: Syria, Ain Sarab, airstrikes") sometimes reaches us
//! run into the prose, its colon, commas and line breaks gone: "… a monitor
//! said Tags Syria Ain Sarab Tell Amra Eleven people were killed …". The
//! keywords would join the sentences on either side and lend them places
//! and parties ("Tags Syria Russia Eastern Ghouta airstrikes" reads as a
//! Russian air strike); so the list is cut out of the sentences: from
//! "Tags" to where the prose resumes, at the first capitalised word
//! followed by two words that are not (the keywords are names; a sentence
//! goes on in lower case), or to the end of the sentence.

use std::ops::Range;

/// The label that opens an inline tag list.
const LABEL: &str = " Tags ";

/// The most words a tag list is looked through for the prose's return.
const MAX_TAGS: usize = 16;

/// The inline tag lists in `text[range]`, in order.
#[must_use]
pub(crate) fn lists(text: &str, range: &Range<usize>) -> Vec<Range<usize>> {
    let s = &text[range.clone()];
    let mut out = Vec::new();
    // A list that opens the sentence (the sentence before it ended with a
    // full stop) is cut where the prose resumes, not before it.
    let opening = s.starts_with(&LABEL[1..]).then_some(0);
    let mut from = 0;
    let labels = std::iter::from_fn(|| {
        let at = s[from..].find(LABEL).map(|i| from + i + 1)?;
        from = at + LABEL.len() - 1;
        Some(at)
    });
    for list in opening.into_iter().chain(labels) {
        let after = list + LABEL.len() - 1;
        if !keywords_follow(&s[after..]) {
            continue;
        }
        let end = prose_resumes(&s[after..]).map_or(range.end, |resume| range.start + after + resume);
        out.push(range.start + list..end);
    }
    out
}

/// The offset in `rest` (the text after the label) of the word that
/// resumes the prose, if any within [`MAX_TAGS`] words.
fn prose_resumes(rest: &str) -> Option<usize> {
    let words: Vec<(usize, &str)> = rest
        .split(' ')
        .scan(0, |at, w| {
            let here = *at;
            *at += w.len() + 1;
            Some((here, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .take(MAX_TAGS + 2)
        .collect();
    let prose = |w: &str| !name_word(w);
    words.windows(3).take(MAX_TAGS).find(|w| name_word(w[0].1) && prose(w[1].1) && prose(w[2].1)).map(|w| w[0].0)
}

/// True when a keyword opens `rest`: a name, or a lower-case keyword and a
/// name ("Tags shelling Tell Amra"), not a phrase ("the Tags of the files").
fn keywords_follow(rest: &str) -> bool {
    let mut words = rest.split(' ').filter(|w| !w.is_empty());
    match words.next() {
        Some(w) if name_word(w) => true,
        Some(_) => words.next().is_some_and(name_word),
        None => false,
    }
}

/// A capitalised word, or a name with a lower-case article ("al-Sham").
fn name_word(word: &str) -> bool {
    let bare = match word.split_once('-') {
        Some((article, rest)) if article.len() <= 3 && article.chars().all(char::is_lowercase) => rest,
        _ => word,
    };
    bare.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text outside the tag lists, and the lists, each trimmed.
    fn pieces(text: &str) -> (Vec<&str>, Vec<&str>) {
        let found = lists(text, &(0..text.len()));
        let mut at = 0;
        let mut prose = Vec::new();
        for l in &found {
            prose.push(text[at..l.start].trim());
            at = l.end;
        }
        prose.push(text[at..].trim());
        prose.retain(|p| !p.is_empty());
        (prose, found.iter().map(|l| text[l.clone()].trim()).collect())
    }

    #[test]
    fn tag_lists_are_cut_out() {
        let t = "a monitor said Tags Syria Ain Sarab al-Nour Eleven people were killed on Friday.";
        let want =
            (vec!["a monitor said", "Eleven people were killed on Friday."], vec!["Tags Syria Ain Sarab al-Nour"]);
        assert_eq!(pieces(t), want);
        let t = "Rebels shelled the town Tags Syria shelling More than 19 people died.";
        let want = (vec!["Rebels shelled the town", "More than 19 people died."], vec!["Tags Syria shelling"]);
        assert_eq!(pieces(t), want);
        let t = "Tags Syria Assad Eastern Ghouta airstrikes More than 19 civilians were killed.";
        let want = (vec!["More than 19 civilians were killed."], vec!["Tags Syria Assad Eastern Ghouta airstrikes"]);
        assert_eq!(pieces(t), want);
        let t = "Strikes went on. Tags Syria Idlib airstrikes";
        assert_eq!(pieces(t), (vec!["Strikes went on."], vec!["Tags Syria Idlib airstrikes"]));
        let t = "The Tags of the files were lost.";
        assert_eq!(pieces(t), (vec![t], vec![]));
    }
}
