//! Feeds: RSS 0.9x and 2.0, Atom 0.3/1.0, RDF (RSS 1.0) and JSON Feed, parsed
//! by `feed-rs`. Each entry is one document: the page its link points to
//! when the entry carries only a summary and a fetcher is at hand, or the
//! entry's own HTML content. The entry's title and date (else the feed's
//! date) and the feed's title (as the outlet) become the document's hints.

use std::borrow::Cow;

use chrono::NaiveDate;
use encoding_rs::{Encoding, UTF_8};
use sitrep_model::{DocId, Format, Hints, RawDoc};

use crate::error::Problem;
use crate::fetch::{Fetched, Fetcher};

/// Entry content with at least this many characters is taken as the whole
/// article (many feeds carry it in `content:encoded`); shorter content is a
/// summary, and the linked page is fetched when possible.
const FULL_TEXT_CHARS: usize = 1500;

/// A parsed feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feed {
    pub title: Option<String>,
    /// The feed's own date (`lastBuildDate`, `updated`), for entries without one.
    pub updated: Option<NaiveDate>,
    pub entries: Vec<FeedEntry>,
}

/// One entry of a feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedEntry {
    /// The entry's id (`guid`, Atom `id`; else a hash of link and title).
    pub id: String,
    pub link: Option<String>,
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    /// The entry's HTML: its content, else its summary.
    pub content: Option<String>,
}

/// Parse a feed; relative links resolve against `base_url`.
///
/// # Errors
/// [`Problem::InvalidFeed`] when the bytes are no feed.
pub fn parse_feed(bytes: &[u8], base_url: Option<&str>) -> Result<Feed, Problem> {
    let parser = feed_rs::parser::Builder::new().base_uri(base_url).sanitize_content(false).build();
    let feed = parser.parse(&*as_utf8(bytes)).map_err(|e| Problem::InvalidFeed { message: e.to_string() })?;
    let day = |t: Option<chrono::DateTime<chrono::Utc>>| t.map(|t| t.date_naive());
    Ok(Feed {
        title: feed.title.map(|t| t.content.trim().to_owned()).filter(|t| !t.is_empty()),
        updated: day(feed.updated.or(feed.published)),
        entries: feed
            .entries
            .into_iter()
            .map(|e| FeedEntry {
                link: e.links.first().map(|l| l.href.clone()),
                title: e.title.map(|t| t.content.trim().to_owned()).filter(|t| !t.is_empty()),
                published: day(e.published.or(e.updated)),
                content: e
                    .content
                    .and_then(|c| c.body)
                    .or(e.summary.map(|s| s.content))
                    .filter(|c| !c.trim().is_empty()),
                id: e.id,
            })
            .collect(),
    })
}

impl FeedEntry {
    /// The document id: the link (stable across feeds that carry the same
    /// story), else the entry id.
    #[must_use]
    pub fn doc_id(&self) -> DocId {
        DocId::new(self.link.clone().unwrap_or_else(|| self.id.clone()))
    }

    /// The hints the entry and its feed give.
    #[must_use]
    pub fn hints(&self, feed: &Feed) -> Hints {
        Hints {
            title: self.title.clone(),
            published: self.published.or(feed.updated),
            outlet: feed.title.clone(),
            url: self.link.clone(),
        }
    }

    /// True when the entry's content looks like the whole article.
    #[must_use]
    pub fn has_full_text(&self) -> bool {
        self.content.as_deref().is_some_and(|c| visible_chars(c) >= FULL_TEXT_CHARS)
    }

    /// The entry as a document: the linked page when the entry has only a
    /// summary and `fetcher` is given, else the entry's content.
    ///
    /// # Errors
    /// When the page cannot be fetched and the entry has no content of its own.
    pub fn document(&self, feed: &Feed, origin: &str, fetcher: Option<&mut Fetcher>) -> Result<RawDoc, Problem> {
        let fetched = match (&self.link, fetcher) {
            (Some(link), Some(f)) if !self.has_full_text() => Some(fetch_page(f, link)),
            _ => None,
        };
        let body = match (fetched, &self.content) {
            (Some(Ok(page)), _) => page,
            (Some(Err(_)), Some(content)) => content.clone(),
            (Some(Err(e)), None) => return Err(e),
            (None, Some(content)) => content.clone(),
            (None, None) => return Err(Problem::Empty),
        };
        Ok(RawDoc { id: self.doc_id(), origin: origin.to_owned(), format: Format::Html, body, hints: self.hints(feed) })
    }
}

/// The feed as UTF-8 without XML declarations, decoded as XML says (a BOM,
/// else the encoding the declaration at the start names, else UTF-8).
///
/// feed-rs (through quick-xml 0.42) panics when a declaration names an
/// encoding other than the one it decodes with after its 64-byte sniffing
/// window: a declaration longer than that ("... standalone="yes"   ?>"), or
/// a second one further on. Decoding here and removing the declarations
/// leaves it nothing to switch to.
fn as_utf8(bytes: &[u8]) -> Cow<'_, [u8]> {
    const DECL: &[u8] = b"<?xml";
    let bom = Encoding::for_bom(bytes).is_some();
    if !bom && memchr::memmem::find(bytes, b"?xml").is_none() {
        return Cow::Borrowed(bytes);
    }
    let declared = || {
        let start = bytes.iter().position(|b| !b.is_ascii_whitespace())?;
        let decl = bytes[start..].strip_prefix(DECL)?;
        let decl = &decl[..memchr::memmem::find(decl, b"?>")?];
        let at = memchr::memmem::find(decl, b"encoding")?;
        let value = String::from_utf8_lossy(&decl[at + b"encoding".len()..]);
        let value = value.trim_start().strip_prefix('=')?.trim_start();
        let quote = value.chars().next().filter(|q| matches!(q, '"' | '\''))?;
        let label = value[1..].split(quote).next()?;
        Encoding::for_label(label.as_bytes()).filter(|e| e.is_ascii_compatible())
    };
    // `decode` lets a BOM override the encoding it is given, and drops it.
    let (text, _, _) = if bom { UTF_8 } else { declared().unwrap_or(UTF_8) }.decode(bytes);
    let mut out = String::with_capacity(text.len());
    let mut rest: &str = &text;
    // "?xml" and a space open a declaration, with or without the "<" right
    // before it: a byte that did not decode ("<\u{FFFD}?xml …") may stand
    // between, and quick-xml still reads a declaration there.
    while let Some(at) = rest.find("?xml") {
        let after = &rest[at + 4..];
        let is_decl = after.starts_with(|c: char| c.is_ascii_whitespace());
        match after.find("?>").filter(|_| is_decl) {
            Some(end) => {
                let head = &rest[..at];
                let junk =
                    head.len() - head.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '<' && c != '>').len();
                let open = head[..head.len() - junk].strip_suffix('<').map_or(head.len(), str::len);
                out.push_str(&head[..open]);
                rest = &after[end + 2..];
            }
            None => {
                out.push_str(&rest[..at + 4]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out.into_bytes())
}

/// The HTML text of the page at `url`.
///
/// # Errors
/// Network, status, content-type and decoding problems.
pub fn fetch_page(fetcher: &mut Fetcher, url: &str) -> Result<String, Problem> {
    match fetcher.get(url, None)? {
        Fetched::Page(page) => page.html_text(url),
        Fetched::NotModified => Err(Problem::HttpStatus { status: 304 }),
    }
}

/// Characters outside tags, roughly: enough to tell a summary from an article.
fn visible_chars(html: &str) -> usize {
    let mut in_tag = false;
    html.chars()
        .filter(|&c| {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                _ => return !in_tag && !c.is_whitespace(),
            }
            false
        })
        .count()
}

/// True when the head of `bytes` looks like a feed's root element.
pub(crate) fn looks_like_feed(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:rdf")
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Example Wire</title>
        <lastBuildDate>Mon, 23 Mar 2020 08:00:00 GMT</lastBuildDate>
        <item><title>Checkpoint attacked</title><link>https://example.org/a</link>
        <guid>a-1</guid><pubDate>Sun, 22 Mar 2020 10:00:00 GMT</pubDate>
        <description>&lt;p&gt;Gunmen attacked a checkpoint.&lt;/p&gt;</description></item>
        <item><title>Undated</title><link>/b</link></item></channel></rss>"#;

    const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
        <title>Atom Monitor</title><updated>2019-10-12T00:00:00Z</updated><id>urn:x</id>
        <entry><title>Fighting near the border</title><id>urn:e1</id><link href="https://example.org/e1"/>
        <updated>2019-10-12T09:00:00Z</updated><content type="html">&lt;p&gt;Full text.&lt;/p&gt;</content></entry></feed>"#;

    const RDF: &str = r#"<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
        xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel rdf:about="https://example.org/"><title>RDF Desk</title><link>https://example.org/</link></channel>
        <item rdf:about="https://example.org/r1"><title>Shelling reported</title><link>https://example.org/r1</link>
        <dc:date>2016-07-02T12:00:00Z</dc:date><description>Shelling was reported.</description></item></rdf:RDF>"#;

    #[test]
    fn rss_atom_and_rdf_entries_become_documents() {
        let cases = [
            (RSS, "Example Wire", "https://example.org/a", Some("2020-03-22"), "Checkpoint attacked"),
            (ATOM, "Atom Monitor", "https://example.org/e1", Some("2019-10-12"), "Fighting near the border"),
            (RDF, "RDF Desk", "https://example.org/r1", Some("2016-07-02"), "Shelling reported"),
        ];
        for (xml, outlet, link, date, title) in cases {
            let feed = parse_feed(xml.as_bytes(), Some("https://example.org/")).unwrap();
            let doc = feed.entries[0].document(&feed, "feed.xml", None).unwrap();
            assert_eq!(doc.hints.outlet.as_deref(), Some(outlet));
            assert_eq!(doc.id.as_str(), link);
            assert_eq!(doc.hints.published.map(|d| d.to_string()).as_deref(), date);
            assert_eq!(doc.hints.title.as_deref(), Some(title));
            assert_eq!(doc.format, Format::Html);
        }
    }

    #[test]
    fn feed_dates_fill_in_and_links_resolve() {
        let feed = parse_feed(RSS.as_bytes(), Some("https://example.org/")).unwrap();
        let undated = &feed.entries[1];
        assert_eq!(undated.link.as_deref(), Some("https://example.org/b"));
        assert_eq!(undated.hints(&feed).published.map(|d| d.to_string()).as_deref(), Some("2020-03-23"));
        assert!(matches!(undated.document(&feed, "f", None), Err(Problem::Empty)));
    }

    #[test]
    fn declarations_are_decoded_and_removed() {
        let rss = |decl: &str| format!("{decl}<rss version=\"2.0\"><channel><title>Caf\u{e9}</title></channel></rss>");
        let latin1 = |s: String| s.chars().map(|c| u8::try_from(u32::from(c)).unwrap()).collect::<Vec<u8>>();
        for decl in [
            "<?xml version=\"1.0\" encoding=\"windows-1252\"?>",
            "\n <?xml version='1.0' encoding = 'ISO-8859-1' standalone=\"yes\"        ?>",
        ] {
            let bytes = latin1(rss(decl));
            let text = String::from_utf8(as_utf8(&bytes).into_owned()).unwrap();
            assert!(!text.contains("<?xml") && text.contains("Caf\u{e9}"), "{text}");
        }
        assert!(matches!(as_utf8(RSS.as_bytes()), Cow::Owned(_)));
        assert!(matches!(as_utf8(b"<rss/>"), Cow::Borrowed(_)));
        assert_eq!(&*as_utf8(b"<a><?xml-stylesheet href=\"x\"?></a>"), b"<a><?xml-stylesheet href=\"x\"?></a>");
    }

    #[test]
    fn garbage_is_an_invalid_feed() {
        assert!(matches!(parse_feed(b"<html><body>not a feed</body></html>", None), Err(Problem::InvalidFeed { .. })));
        assert!(matches!(parse_feed(b"\x00\x01garbage", None), Err(Problem::InvalidFeed { .. })));
        assert!(looks_like_feed(RSS.as_bytes()) && looks_like_feed(ATOM.as_bytes()) && looks_like_feed(RDF.as_bytes()));
    }
}
