//! The word lists of `data/clean/html_boilerplate.txt`: elements that never
//! hold article text and class/id names of furniture and of article
//! containers, loaded once.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

const SOURCE: &str = include_str!("../../../../data/clean/html_boilerplate.txt");

/// The sections of the list file.
#[derive(Debug)]
pub(crate) struct Lists {
    pub skip_tags: Vec<&'static str>,
    pub remove_words: Vec<&'static str>,
    pub remove_parts: AhoCorasick,
    pub positive: AhoCorasick,
    pub negative: AhoCorasick,
    pub labels: Vec<&'static str>,
}

pub(crate) static LISTS: LazyLock<Lists> = LazyLock::new(|| Lists {
    skip_tags: sorted(section("skip-tags")),
    remove_words: sorted(section("remove-words")),
    remove_parts: automaton(&section("remove-parts")),
    positive: automaton(&section("positive")),
    negative: automaton(&section("negative")),
    labels: sorted(section("labels")),
});

/// The words of one `[name]` section.
fn section(name: &str) -> Vec<&'static str> {
    let header = format!("[{name}]");
    SOURCE
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .skip_while(|l| *l != header)
        .skip(1)
        .take_while(|l| !l.starts_with('['))
        .filter(|l| !l.is_empty())
        .collect()
}

fn sorted(mut words: Vec<&'static str>) -> Vec<&'static str> {
    words.sort_unstable();
    words
}

fn automaton(words: &[&str]) -> AhoCorasick {
    AhoCorasick::new(words).expect("plain words from a shipped file")
}

impl Lists {
    pub(crate) fn is_skip_tag(&self, tag: &str) -> bool {
        self.skip_tags.binary_search(&tag).is_ok()
    }

    /// True when a block's whole text is a furniture label ("Advertisement").
    pub(crate) fn is_label(&self, text: &str) -> bool {
        let t = text.trim().trim_end_matches([':', '.', '…']).trim().to_lowercase();
        self.labels.binary_search(&t.as_str()).is_ok()
    }

    /// True when a lower-case class or id name marks furniture.
    pub(crate) fn is_furniture_name(&self, name: &str) -> bool {
        name.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| self.remove_words.binary_search(&w).is_ok())
            || self.remove_parts.is_match(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_load() {
        assert!(LISTS.is_skip_tag("script"));
        assert!(!LISTS.is_skip_tag("p"));
        for (name, want) in [
            ("share-bar", true),
            ("related_links", true),
            ("ad", true),
            ("header-ad-slot", true),
            ("article-body", false),
            ("shadow", false),
            ("readability-styled", false),
            ("mostpopularlist", true),
        ] {
            assert_eq!(LISTS.is_furniture_name(name), want, "{name}");
        }
    }
}
