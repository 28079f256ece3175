//! CAMEO event codes: two to four decimal digits ("19", "064", "1721"),
//! validated once where they are read, so the rest of the coder handles a
//! typed value instead of strings.

use std::fmt;

/// A CAMEO event code. The first two digits are the root (the cue
/// category), the third and fourth refine it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CameoCode {
    digits: [u8; 4],
    len: u8,
}

impl CameoCode {
    /// Parse a code of 2–4 ASCII digits; anything else is `None`.
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        if !(2..=4).contains(&s.len()) || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let mut digits = [0u8; 4];
        digits[..s.len()].copy_from_slice(s.as_bytes());
        Some(Self { digits, len: s.len() as u8 })
    }

    /// The code as written ("064").
    #[must_use]
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.digits[..usize::from(self.len)]).unwrap_or("")
    }

    /// The root as a number (6 for "064", 19 for "193").
    #[must_use]
    pub fn root(&self) -> u8 {
        (self.digits[0] - b'0') * 10 + (self.digits[1] - b'0')
    }

    /// The third digit, when there is one (4 for "064").
    #[must_use]
    pub fn third(&self) -> Option<u8> {
        (self.len >= 3).then(|| self.digits[2] - b'0')
    }

    /// The code one level up ("17" for "172", "172" for "1721"), or `None`
    /// for a root.
    #[must_use]
    pub fn parent(&self) -> Option<Self> {
        (self.len > 2).then(|| {
            let mut p = *self;
            p.len -= 1;
            p.digits[usize::from(p.len)] = 0;
            p
        })
    }

    /// The three-digit code `root` followed by `third` ("13" + 8 → "138").
    #[must_use]
    pub fn from_parts(root: u8, third: u8) -> Option<Self> {
        Self::parse(&format!("{root:02}{third}"))
    }
}

impl fmt::Display for CameoCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_splits() {
        for (text, ok, root, parent) in [
            ("064", true, 6, Some("06")),
            ("1721", true, 17, Some("172")),
            ("19", true, 19, None),
            ("---", false, 0, None),
            ("1", false, 0, None),
            ("12345", false, 0, None),
            ("17a", false, 0, None),
        ] {
            let c = CameoCode::parse(text);
            assert_eq!(c.is_some(), ok, "{text}");
            if let Some(c) = c {
                assert_eq!(c.as_str(), text);
                assert_eq!(c.root(), root);
                assert_eq!(c.parent().map(|p| p.as_str().to_owned()).as_deref(), parent);
            }
        }
        assert_eq!(CameoCode::from_parts(13, 8).map(|c| c.to_string()).as_deref(), Some("138"));
        assert_eq!(CameoCode::parse("064").and_then(|c| c.third()), Some(4));
    }
}
