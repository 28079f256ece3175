//! Byte spans into a document's clean text.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into `Doc::text`.
///
/// Both ends always fall on UTF-8 character boundaries of the text they were
/// made from; [`Span::slice`] returns `None` instead of panicking if a span is
/// applied to a different text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; an inverted range is clamped to empty.
    #[must_use]
    pub fn new(start: usize, end: usize) -> Self {
        Self { start, end: end.max(start) }
    }

    #[must_use]
    pub fn len(self) -> usize {
        self.end - self.start
    }

    #[must_use]
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// True when `other` lies wholly inside `self`.
    #[must_use]
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    #[must_use]
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The text the span covers, or `None` when it does not fit `text`.
    #[must_use]
    pub fn slice(self, text: &str) -> Option<&str> {
        text.get(self.start..self.end)
    }

    /// The same span moved `by` bytes to the right.
    #[must_use]
    pub fn shift(self, by: usize) -> Span {
        Span::new(self.start + by, self.end + by)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slice_respects_char_boundaries() {
        let text = "Deir ez-Zōr";
        assert_eq!(Span::new(0, 4).slice(text), Some("Deir"));
        // 'ō' is two bytes: a span ending inside it is refused, not a panic.
        assert_eq!(Span::new(0, 10).slice(text), None);
    }

    #[test]
    fn containment_and_overlap() {
        let s = Span::new(10, 20);
        assert!(s.contains(Span::new(12, 20)));
        assert!(!s.contains(Span::new(5, 12)));
        assert!(s.overlaps(Span::new(5, 12)));
        assert!(!s.overlaps(Span::new(20, 25)));
        assert_eq!(Span::new(9, 3).len(), 0);
    }
}
