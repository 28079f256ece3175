//! A page's metadata, each field from the best source the page offers:
//!
//! | field | sources, best first |
//! |---|---|
//! | title | `og:title`/`twitter:title`, JSON-LD `headline`, `<title>`, first `<h1>` (site suffixes cut) |
//! | published | JSON-LD `datePublished`, `article:published_time` and kin, `itemprop="datePublished"`, first `<time datetime>`, a date in the URL |
//! | outlet | `og:site_name`, JSON-LD `publisher`, `application-name` |
//! | author | JSON-LD `author`, `<meta name="author">`, `article:author` (unless a URL) |
//! | url | `<link rel="canonical">`, `og:url`, JSON-LD `url`/`mainEntityOfPage` |
//! | language | `<html lang>`, `content-language`, JSON-LD `inLanguage`, `og:locale` |
//!
//! The dateline in the text is a later fallback for the date (the cleaner's).

use chrono::NaiveDate;

use crate::html::date::{date_in_url, parse_date};
use crate::html::dom::{Data, Dom};
use crate::html::jsonld::{self, LdArticle};

/// What a page says about itself.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PageMeta {
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    pub outlet: Option<String>,
    pub author: Option<String>,
    /// The canonical URL.
    pub url: Option<String>,
    /// The primary language subtag, lower case ("en", "ar").
    pub language: Option<String>,
}

/// `<meta>` names and properties that carry the publication time.
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "article.published",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "dcterms.date",
    "sailthru.date",
    "parsely-pub-date",
    "og:published_time",
    "citation_publication_date",
    "article_date_original",
    "originalpublicationdate",
    "displaydate",
];

/// The raw facts one pass over the page collects.
#[derive(Debug, Default)]
struct Found<'a> {
    metas: Vec<(String, &'a str)>,
    title: Option<String>,
    h1: Option<String>,
    canonical: Option<&'a str>,
    lang: Option<&'a str>,
    time: Option<&'a str>,
    /// The text of the first element classed as a byline.
    byline: Option<String>,
    ld: Vec<LdArticle>,
    ld_pages: Vec<LdArticle>,
}

/// Read the metadata of a page (`removed` marks furniture, where a visible
/// `<h1>` is not looked for).
pub(crate) fn read(dom: &Dom, removed: &[bool]) -> PageMeta {
    let f = collect(dom, removed);
    let ld = f.ld.first().or(f.ld_pages.first()).cloned().unwrap_or_default();
    let url = f.canonical.map(str::to_owned).or_else(|| f.meta(&["og:url"])).or(ld.url.clone());
    PageMeta {
        title: f.meta(&["og:title", "twitter:title"]).or(ld.headline.clone()).or(f.title.clone()).or(f.h1.clone()),
        published: published(&f, &ld, url.as_deref()),
        outlet: f.meta(&["og:site_name"]).or(ld.publisher.clone()).or_else(|| f.meta(&["application-name"])),
        author: ld
            .author
            .clone()
            .or_else(|| f.meta(&["author", "article:author", "byl"]).filter(|a| !a.starts_with("http")))
            .or_else(|| f.byline.as_deref().map(strip_by)),
        language: f
            .lang
            .map(str::to_owned)
            .or_else(|| f.meta(&["content-language"]))
            .or(ld.language.clone())
            .or_else(|| f.meta(&["og:locale"]))
            .and_then(|l| primary_language(&l)),
        url,
    }
}

fn published(f: &Found, ld: &LdArticle, url: Option<&str>) -> Option<NaiveDate> {
    ld.published
        .as_deref()
        .and_then(parse_date)
        .or_else(|| DATE_KEYS.iter().find_map(|k| f.meta(&[k]).as_deref().and_then(parse_date)))
        .or_else(|| f.time.and_then(parse_date))
        .or_else(|| url.and_then(date_in_url))
}

impl Found<'_> {
    /// The first non-blank `<meta>` content under any of `keys`.
    fn meta(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|k| {
            self.metas.iter().find(|(name, v)| name == k && !v.trim().is_empty()).map(|(_, v)| v.trim().to_owned())
        })
    }
}

fn collect<'a>(dom: &Dom<'a>, removed: &[bool]) -> Found<'a> {
    let mut f = Found::default();
    for (i, node) in dom.nodes.iter().enumerate() {
        let Data::Element(e) = node.data else { continue };
        match e.name() {
            "html" => f.lang = f.lang.or(e.attr("lang")).or(e.attr("xml:lang")),
            "meta" => {
                let key = e.attr("property").or(e.attr("name")).or(e.attr("itemprop")).or(e.attr("http-equiv"));
                if let (Some(k), Some(v)) = (key, e.attr("content")) {
                    f.metas.push((k.to_ascii_lowercase(), v));
                }
            }
            "link" if e.attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) => {
                f.canonical = f.canonical.or(e.attr("href").filter(|h| h.starts_with("http")));
            }
            "title" if f.title.is_none() => f.title = non_blank(dom.text_of(i)),
            "h1" if f.h1.is_none() && !removed[i] => f.h1 = non_blank(dom.text_of(i)),
            "time" => f.time = f.time.or(e.attr("datetime")),
            "script" if e.attr("type").is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json")) => {
                let text = dom.text_of(i);
                f.ld.extend(jsonld::article(&text, false));
                f.ld_pages.extend(jsonld::article(&text, true));
            }
            _ => {}
        }
        if f.byline.is_none() && e.attr("class").is_some_and(|c| c.to_ascii_lowercase().contains("byline")) {
            f.byline = non_blank(dom.text_of(i)).filter(|b| b.len() < 200);
        }
        if e.attr("itemprop").is_some_and(|p| p.eq_ignore_ascii_case("datePublished")) {
            f.time = e.attr("datetime").or(e.attr("content")).or(f.time);
        }
    }
    f
}

fn non_blank(s: String) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

/// "By Jane Doe" → "Jane Doe".
fn strip_by(byline: &str) -> String {
    let t = byline.trim();
    let lower = t.to_ascii_lowercase();
    let rest = if lower.starts_with("by ") { &t[3..] } else { t };
    rest.trim().to_owned()
}

/// "en-US" → "en", "en_GB" → "en"; anything that is not 2–3 letters → None.
fn primary_language(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    ((2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_lowercase())).then_some(primary)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;
    use crate::html::dom::parse;

    fn meta(html: &str) -> PageMeta {
        let page = parse(html);
        let dom = Dom::new(&page);
        read(&dom, &vec![false; dom.nodes.len()])
    }

    #[test]
    fn sources_in_order_of_trust() {
        let m = meta(concat!(
            "<html lang='en-US'><head><title>Page title | Site</title>",
            "<meta property='og:title' content='OG title'><meta property='og:site_name' content='Example News'>",
            "<meta property='article:published_time' content='2019-11-20T10:00:00+01:00'>",
            "<meta name='author' content='A. Writer'><link rel='canonical' href='https://example.org/x'>",
            "</head><body><h1>Heading</h1></body></html>"
        ));
        assert_eq!(m.title.as_deref(), Some("OG title"));
        assert_eq!(m.outlet.as_deref(), Some("Example News"));
        assert_eq!(m.published.map(|d| d.to_string()).as_deref(), Some("2019-11-20"));
        assert_eq!(m.author.as_deref(), Some("A. Writer"));
        assert_eq!(m.url.as_deref(), Some("https://example.org/x"));
        assert_eq!(m.language.as_deref(), Some("en"));
    }

    #[test]
    fn fallbacks() {
        let m = meta("<html><body><h1>Only heading</h1><time datetime='2020-03-22'>22 March</time></body></html>");
        assert_eq!(m.title.as_deref(), Some("Only heading"));
        assert_eq!(m.published.map(|d| d.to_string()).as_deref(), Some("2020-03-22"));
        let m = meta("<html><body><p class='article-byline'>By Jane Doe</p></body></html>");
        assert_eq!(m.author.as_deref(), Some("Jane Doe"));
        let m =
            meta("<html><head><meta property='og:url' content='https://example.org/2016/01/21/story'></head></html>");
        assert_eq!(m.published.map(|d| d.to_string()).as_deref(), Some("2016-01-21"));
        let ld = "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"datePublished\":\"2017-04-05\",\"publisher\":{\"name\":\"Wire\"}}</script>";
        let m = meta(&format!("<html><head>{ld}</head></html>"));
        assert_eq!(m.published.map(|d| d.to_string()).as_deref(), Some("2017-04-05"));
        assert_eq!(m.outlet.as_deref(), Some("Wire"));
    }
}
