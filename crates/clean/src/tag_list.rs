//! An inline tag list is not part of a sentence. A page's "Tags:" line
//! (its keywords: "Tags: Syria, Ain Sarab, airstrikes") sometimes reaches us
//! run into the prose, its colon, commas and line breaks gone: "… a monitor
//! said Tags Syria Ain Sarab Tell Amra Eleven people were killed …". The
//! keywords would join the sentences on either side and lend them places
//! and parties; so the sentence is cut before "Tags", and again where the
//! prose resumes: at the first capitalised word followed by two words
//! that are not (the keywords are names; a sentence goes on in lower case).

use std::ops::Range;

/// The label that opens an inline tag list.
const LABEL: &str = " Tags ";

/// The most words a tag list is looked through for the prose's return.
const MAX_TAGS: usize = 16;

/// Where `text[range]` is cut around inline tag lists: sentence starts.
#[must_use]
pub(crate) fn cuts(text: &str, range: &Range<usize>) -> Vec<usize> {
    let s = &text[range.clone()];
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = s[from..].find(LABEL).map(|i| from + i) {
        let list = at + 1;
        let after = list + LABEL.len() - 1;
        from = after;
        if !keywords_follow(&s[after..]) {
            continue;
        }
        out.push(range.start + list);
        if let Some(resume) = prose_resumes(&s[after..]) {
            out.push(range.start + after + resume);
        }
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

    fn pieces(text: &str) -> Vec<&str> {
        let mut at = 0;
        let mut out = Vec::new();
        for c in cuts(text, &(0..text.len())).into_iter().chain(std::iter::once(text.len())) {
            out.push(text[at..c].trim());
            at = c;
        }
        out
    }

    #[test]
    fn tag_lists_are_cut_out() {
        let t = "a monitor said Tags Syria Ain Sarab al-Nour Eleven people were killed on Friday.";
        assert_eq!(
            pieces(t),
            ["a monitor said", "Tags Syria Ain Sarab al-Nour", "Eleven people were killed on Friday."]
        );
        let t = "Rebels shelled the town Tags Syria shelling More than 19 people died.";
        assert_eq!(pieces(t), ["Rebels shelled the town", "Tags Syria shelling", "More than 19 people died."]);
        let t = "The Tags of the files were lost.";
        assert_eq!(pieces(t), [t]);
    }
}
