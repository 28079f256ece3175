//! Whether a candidate bears the mention's name as its own, memoised per
//! name: the candidates of a common name mostly share a few primary names
//! ("Kafr Nabl" for each of its namesakes), and folding a name is what the
//! answer costs.

use std::cell::OnceCell;

use sitrep_model::fnv::FnvHashMap;
use sitrep_model::{PlaceCandidate, PlaceKind};

use crate::build::format::Kind;
use crate::build::merge::name_keys;
use crate::gazetteer::Gazetteer;
use crate::normalise::Words;

/// A candidate's name facts: its primary name is the text's (bar an `al`
/// article), and the text names it by one of its own names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Named {
    pub(super) primary: bool,
    pub(super) own_name: bool,
}

/// The name facts of one mention's candidates.
pub(super) struct OwnNames<'a> {
    gazetteer: &'a Gazetteer,
    /// The mention's text, folded.
    folded: &'a str,
    /// The text's name without its kind word ("Henry" of "Henry County"),
    /// computed once for the mention when an area needs it.
    bare: OnceCell<Vec<String>>,
    words: &'a mut Words,
    seen: FnvHashMap<(&'static str, PlaceKind), Named>,
}

impl<'a> OwnNames<'a> {
    /// For a mention whose text folds to `folded`; `words` is scratch space.
    pub(super) fn new(gazetteer: &'a Gazetteer, folded: &'a str, words: &'a mut Words) -> Self {
        Self { gazetteer, folded, bare: OnceCell::new(), words, seen: FnvHashMap::default() }
    }

    /// The facts of candidate `c`, of kind `kind`.
    pub(super) fn of(&mut self, c: PlaceCandidate, kind: PlaceKind) -> Named {
        let name = self.gazetteer.name(c);
        if let Some(named) = self.seen.get(&(name, kind)) {
            return *named;
        }
        self.words.read(name);
        let primary = same_but_article(self.words.key(), self.folded);
        let own_name = primary
            || (is_area(kind) && {
                let keys = name_keys(name, kind_of(kind));
                let bare = self.bare.get_or_init(|| name_keys(self.folded, Kind::Admin2));
                keys.iter().any(|k| k == self.folded || bare.contains(k))
            });
        let named = Named { primary, own_name };
        self.seen.insert((name, kind), named);
        named
    }
}

/// True when two folded names are the same, or differ only by a leading
/// Arabic article (folded to `al`): English drops or keeps it at will, so
/// "Sulaymaniyah" is the main name of As Sulaymaniyah, and "Al-Raqqa" that
/// of Raqqa.
fn same_but_article(a: &str, b: &str) -> bool {
    a == b || a.strip_prefix("al ") == Some(b) || b.strip_prefix("al ") == Some(a)
}

/// Admin areas and regions: their population and prominence count only
/// when the text names them by their own name, since a region's aliases
/// include the names of places in it.
pub(super) fn is_area(kind: PlaceKind) -> bool {
    matches!(kind, PlaceKind::Admin1 | PlaceKind::Admin2 | PlaceKind::Region)
}

/// The build's kind of a model kind (for its name keys).
fn kind_of(kind: PlaceKind) -> Kind {
    match kind {
        PlaceKind::Admin1 => Kind::Admin1,
        PlaceKind::Admin2 => Kind::Admin2,
        _ => Kind::Region,
    }
}
