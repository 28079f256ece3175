//! Schema.org JSON-LD (`<script type="application/ld+json">`): the
//! article object's headline, dates, publisher, author, URL and language.
//!
//! Pages nest the article in arrays and `@graph`s and type it as
//! `NewsArticle`, `ReportageNewsArticle`, `Article`, `BlogPosting`…: the
//! first object whose type ends in "Article" or is a posting wins, a
//! `WebPage` only when there is no article. Broken JSON (raw newlines in
//! strings are common) is repaired where that is safe, and otherwise ignored.

use serde_json::Value;

/// What the article object says.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct LdArticle {
    pub headline: Option<String>,
    pub published: Option<String>,
    pub publisher: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
}

/// How deep the search for the article object goes.
const MAX_DEPTH: usize = 6;

/// The article of one JSON-LD script, if it has one; `webpage` says
/// whether a `WebPage` is good enough.
pub(crate) fn article(script: &str, webpage: bool) -> Option<LdArticle> {
    // Raw control characters inside strings are invalid JSON but common;
    // outside strings they are whitespace, so spaces are safe everywhere.
    let repaired: String = script.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    let value: Value = serde_json::from_str(repaired.trim().trim_end_matches(';')).ok()?;
    find(&value, webpage, 0).map(read)
}

fn find(v: &Value, webpage: bool, depth: usize) -> Option<&Value> {
    if depth > MAX_DEPTH {
        return None;
    }
    match v {
        Value::Array(items) => items.iter().find_map(|x| find(x, webpage, depth + 1)),
        Value::Object(map) => {
            if is_article(map.get("@type"), webpage) {
                return Some(v);
            }
            map.get("@graph").and_then(|g| find(g, webpage, depth + 1))
        }
        _ => None,
    }
}

fn is_article(t: Option<&Value>, webpage: bool) -> bool {
    let fits = |s: &str| s.ends_with("Article") || s == "BlogPosting" || s == "Report" || (webpage && s == "WebPage");
    match t {
        Some(Value::String(s)) => fits(s),
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).any(fits),
        _ => false,
    }
}

fn read(v: &Value) -> LdArticle {
    LdArticle {
        headline: text(v.get("headline")).or_else(|| text(v.get("name"))),
        published: text(v.get("datePublished")).or_else(|| text(v.get("dateCreated"))),
        publisher: name(v.get("publisher")),
        author: name(v.get("author")),
        url: text(v.get("url")).or_else(|| name_or_id(v.get("mainEntityOfPage"))),
        language: text(v.get("inLanguage")),
    }
}

fn text(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Array(a) => a.iter().find_map(|x| text(Some(x))),
        _ => None,
    }
}

/// A person or organisation: a string, an object's `name`, or the first of a list.
fn name(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::Array(a) => a.iter().find_map(|x| name(Some(x))),
        Value::Object(m) => text(m.get("name")),
        other => text(Some(other)),
    }
}

fn name_or_id(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::Object(m) => text(m.get("@id")).or_else(|| text(m.get("url"))),
        other => text(Some(other)),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn articles_are_found_in_graphs_and_lists() {
        let script = r#"{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},
            {"@type":["NewsArticle"],"headline":"Clashes in the north","datePublished":"2019-11-20T08:00:00Z",
             "publisher":{"@type":"Organization","name":"Example Wire"},"author":[{"name":"A. Writer"}],
             "mainEntityOfPage":{"@id":"https://example.org/a"},"inLanguage":"en-GB",
             "articleBody":"Line one
line two"}]}"#;
        let a = article(script, false).unwrap();
        assert_eq!(a.headline.as_deref(), Some("Clashes in the north"));
        assert_eq!(a.published.as_deref(), Some("2019-11-20T08:00:00Z"));
        assert_eq!(a.publisher.as_deref(), Some("Example Wire"));
        assert_eq!(a.author.as_deref(), Some("A. Writer"));
        assert_eq!(a.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(a.language.as_deref(), Some("en-GB"));
    }

    #[test]
    fn webpages_only_when_asked_and_garbage_is_none() {
        let page = r#"[{"@type":"WebPage","name":"Page"}]"#;
        assert_eq!(article(page, false), None);
        assert_eq!(article(page, true).unwrap().headline.as_deref(), Some("Page"));
        assert_eq!(article("{not json", true), None);
        assert_eq!(article("", true), None);
    }
}
