//! Event nouns: the code a noun carries across the whole dictionary, for
//! verbs that code nothing by themselves ("renewed negotiations",
//! "undertook a mediation mission", "continuing a hunger strike").
//!
//! Many patterns are a single noun after the verb (`- * NEGOTIATIONS
//! [046]`). Taken over every block, they vote for what the noun means: a
//! noun whose votes agree (at least three, and two thirds of them on one
//! CAMEO root) gets that root's most frequent code. A verb with no code of its
//! own, no matching pattern and no governing role then takes the code of
//! the first such noun just after it.

use std::collections::HashMap;

use super::code::CameoCode;
use super::dictionary::{Dictionary, TermId};
use super::pattern::{Element, Terms};

/// How far after the verb the noun may be (words).
const REACH: usize = 4;

/// The noun → code table.
#[derive(Debug, Default)]
pub struct NounCodes(HashMap<TermId, CameoCode>);

impl NounCodes {
    /// Count the single-noun patterns of every block.
    #[must_use]
    pub fn new(dict: &Dictionary) -> Self {
        let mut votes: HashMap<TermId, Vec<CameoCode>> = HashMap::new();
        for p in dict.blocks.iter().flat_map(|b| &b.patterns) {
            if let ([], [Element::Words(ts)], Some(code)) = (p.pre.as_slice(), p.post.as_slice(), p.code) {
                if let [t] = ts.as_slice() {
                    votes.entry(*t).or_default().push(code);
                }
            }
        }
        Self(votes.into_iter().filter_map(|(t, codes)| Some((t, winner(&codes)?))).collect())
    }

    /// The code of the first event noun within a few words after `end`.
    #[must_use]
    pub fn after(&self, s: &impl Terms, end: usize) -> Option<CameoCode> {
        (end..(end + REACH).min(s.words())).find_map(|i| {
            s.at(i).into_iter().flatten().find_map(|(ts, _)| ts.iter().find_map(|t| self.0.get(t).copied()))
        })
    }
}

/// The agreed code of a noun's votes, if they agree.
fn winner(codes: &[CameoCode]) -> Option<CameoCode> {
    if codes.len() < 3 {
        return None;
    }
    let count = |f: &dyn Fn(&CameoCode) -> bool| codes.iter().filter(|c| f(c)).count();
    let root = codes.iter().map(CameoCode::root).max_by_key(|r| (count(&|c| c.root() == *r), std::cmp::Reverse(*r)))?;
    if 3 * count(&|c| c.root() == root) < 2 * codes.len() {
        return None;
    }
    codes.iter().filter(|c| c.root() == root).max_by_key(|c| (count(&|x| x == *c), std::cmp::Reverse(**c))).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nouns_take_the_agreed_code() {
        let code = |c: &str| CameoCode::parse(c).expect("code");
        assert_eq!(winner(&[code("046"), code("046"), code("040")]), Some(code("046")));
        assert_eq!(winner(&[code("046"), code("046")]), None, "two votes are not enough");
        assert_eq!(winner(&[code("046"), code("190"), code("120")]), None, "no majority root");
        let d = Dictionary::parse("---  A   [---]  ---\nA\n- * TALKS [046]\n- * TALKS [040]\n---  B   [---]  ---\nB\n- * TALKS [046]\n- * (WITH TALKS) [190]\n")
            .expect("parses");
        let n = NounCodes::new(&d);
        assert_eq!(n.0.len(), 1);
    }
}
