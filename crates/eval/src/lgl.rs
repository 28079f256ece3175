//! Scoring the geoparser on LGL (Lieberman, Samet & Sankaranarayanan's Local
//! Global Lexicon corpus: local news articles whose toponyms are marked with
//! character offsets into `<text>` and resolved to GeoNames entries).
//!
//! The metric: **Acc@161**, the share of the gold toponyms with coordinates
//! that a mention overlaps and resolves within 161 km of the gold point
//! (`acc161_all`). Its two factors are given too: recall (found / gold) and
//! Acc@161 of the found ones; and the error in km of the resolved ones.
//!
//! Each article's text goes through the place recogniser and the geocoder
//! *as is* (no cleaning, which would move the offsets), as one paragraph
//! split into sentences at `. ` before a capital, and is read the way
//! `sitrep places` reads it: places and modifiers (LGL marks "Russian" and
//! the "U.S." of "U.S. troops" as toponyms). A gold toponym is *found*
//! when a mention overlaps it; a found toponym is *right* when the
//! mention's resolution lies within 161 km (100 miles) of the gold point,
//! the usual geoparsing accuracy figure (Acc@161). Unresolved mentions count
//! as found and wrong. Toponyms without coordinates in the gold are not
//! counted. Offsets in the file count characters; they are turned into byte
//! offsets before comparing with mention spans.

use std::collections::BTreeMap;
use std::path::Path;

use rayon::prelude::*;
use serde::Serialize;
use sitrep_geo::Resolved;
use sitrep_model::place::distance_km;
use sitrep_model::{Doc, Lat, Lon, PlaceMention, Sentence, Span};

use crate::doc::bare_doc;
use crate::{xml, EvalError};
use roxmltree::{Document, Node};
use sitrep_pipeline::Pipeline;

/// The root element of an LGL file.
pub const ROOT: &str = "articles";

/// The figures of one LGL file.
#[derive(Debug, Default, Serialize)]
pub struct LglScore {
    pub file: String,
    pub articles: usize,
    /// Gold toponyms with coordinates.
    pub toponyms: usize,
    /// Of those, overlapped by a place mention or a modifier.
    pub found: usize,
    /// Of the found ones, those found only as a modifier (a demonym, a
    /// place named as part of an actor).
    pub found_as_modifier: usize,
    /// Of the found ones, resolved within 161 km.
    pub within_161: usize,
    /// Place mentions that overlap no gold toponym (LGL does not mark every
    /// place, so this bounds false positives from above).
    pub unmatched_mentions: usize,
    pub recall: f64,
    pub acc161_found: f64,
    pub acc161_all: f64,
    /// Error of the resolved found toponyms, km.
    pub mean_km: f64,
    pub median_km: f64,
    /// Toponyms not found, by the gold's GeoNames feature code.
    pub missed_by_kind: BTreeMap<String, usize>,
    /// Found toponyms resolved further than 161 km (or not at all), by code.
    pub wrong_by_kind: BTreeMap<String, usize>,
    /// One line per miss or wrong resolution.
    pub misses: Vec<String>,
}

/// A gold toponym: byte span into the article text, feature code, point.
#[derive(Debug, Clone, PartialEq)]
struct Toponym {
    span: Span,
    phrase: String,
    fcode: String,
    point: (f64, f64),
}

/// One article: id, text, and its toponyms with coordinates.
#[derive(Debug, Clone, PartialEq)]
struct Article {
    id: String,
    text: String,
    toponyms: Vec<Toponym>,
}

/// True when `path` is an LGL file: XML whose root is `<articles>`.
#[must_use]
pub fn is_lgl(path: &Path) -> bool {
    xml::root_name(path).is_ok_and(|n| n == ROOT)
}

/// How a toponym was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hit {
    Missed,
    Place,
    Modifier,
}

/// What one article gave: per toponym, how it was found and the error in
/// km when resolved; and the number of mentions overlapping no toponym.
type ArticleResult = (Vec<(Hit, Option<f64>)>, usize);

/// Score an LGL file.
///
/// # Errors
/// When the file cannot be read or is not well-formed XML.
pub fn score(path: &Path, pipeline: &Pipeline<'_>) -> Result<LglScore, EvalError> {
    let text = xml::read(path)?;
    let articles = articles(&xml::parse(path, &text)?);
    let results: Vec<(ArticleResult, Vec<String>)> = articles.par_iter().map(|a| run_article(a, pipeline)).collect();
    let mut s = LglScore { file: path.display().to_string(), articles: articles.len(), ..LglScore::default() };
    let mut errors = Vec::new();
    for (a, ((tops, unmatched), notes)) in articles.iter().zip(&results) {
        s.unmatched_mentions += unmatched;
        for (t, (hit, km)) in a.toponyms.iter().zip(tops) {
            tally(&mut s, t, *hit, *km, &mut errors);
        }
        s.misses.extend(notes.iter().cloned());
    }
    finish(&mut s, &mut errors);
    Ok(s)
}

fn tally(s: &mut LglScore, t: &Toponym, hit: Hit, km: Option<f64>, errors: &mut Vec<f64>) {
    s.toponyms += 1;
    if hit == Hit::Missed {
        *s.missed_by_kind.entry(t.fcode.clone()).or_default() += 1;
        return;
    }
    s.found += 1;
    s.found_as_modifier += usize::from(hit == Hit::Modifier);
    errors.extend(km);
    if km.is_some_and(|k| k <= 161.0) {
        s.within_161 += 1;
    } else {
        *s.wrong_by_kind.entry(t.fcode.clone()).or_default() += 1;
    }
}

fn finish(s: &mut LglScore, errors: &mut [f64]) {
    let share = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    s.recall = share(s.found, s.toponyms);
    s.acc161_found = share(s.within_161, s.found);
    s.acc161_all = share(s.within_161, s.toponyms);
    errors.sort_by(f64::total_cmp);
    s.mean_km = if errors.is_empty() { 0.0 } else { errors.iter().sum::<f64>() / errors.len() as f64 };
    s.median_km = errors.get(errors.len() / 2).copied().unwrap_or(0.0);
}

/// The article's places and modifiers, each with its resolution and
/// whether it is a modifier.
fn read_article(doc: Doc, pipeline: &Pipeline<'_>) -> (Doc, Vec<(PlaceMention, Option<Resolved>, bool)>) {
    let p = pipeline.locate_clean(doc);
    let mut all: Vec<(PlaceMention, Option<Resolved>, bool)> =
        p.places.into_iter().zip(p.resolved).map(|(m, r)| (m, r, false)).collect();
    all.extend(p.modifiers.into_iter().map(|(m, r)| (m, r, true)));
    (p.doc, all)
}

/// Recognise and resolve one article's places and compare them with its toponyms.
fn run_article(a: &Article, pipeline: &Pipeline<'_>) -> (ArticleResult, Vec<String>) {
    let (doc, all) = read_article(doc_of(&a.id, &a.text), pipeline);
    let mut notes = Vec::new();
    let tops = a
        .toponyms
        .iter()
        .map(|t| {
            let over = |modifier: bool| all.iter().position(|(m, _, x)| *x == modifier && m.span.overlaps(t.span));
            let hit = over(false).or_else(|| over(true));
            let place = hit.and_then(|i| all[i].1.as_ref()).map(|r| &r.place);
            let km = place
                .and_then(|p| Some(distance_km((Lat::new(t.point.0).ok()?, Lon::new(t.point.1).ok()?), p.point())));
            match (hit, place) {
                (None, _) => notes.push(format!("{} missed {:?} ({})", a.id, t.phrase, t.fcode)),
                (Some(i), None) => {
                    notes.push(format!("{} unresolved {:?} ({})", a.id, doc.slice(all[i].0.span), t.fcode))
                }
                (Some(_), Some(p)) if km.is_some_and(|k| k > 161.0) => notes.push(format!(
                    "{} {:>6.0} km {:?} ({}) -> {} ({:?}, {})",
                    a.id,
                    km.unwrap_or(0.0),
                    t.phrase,
                    t.fcode,
                    p.name,
                    p.kind,
                    p.country.map_or_else(|| "-".to_owned(), |c| c.to_string())
                )),
                _ => {}
            }
            let how = match hit {
                None => Hit::Missed,
                Some(i) if all[i].2 => Hit::Modifier,
                Some(_) => Hit::Place,
            };
            (how, km)
        })
        .collect();
    let unmatched = all.iter().filter(|(m, _, _)| !a.toponyms.iter().any(|t| m.span.overlaps(t.span))).count();
    ((tops, unmatched), notes)
}

/// A document of one paragraph over `text`, split into sentences after
/// `.`, `!` or `?` and a space before a capital or a digit.
fn doc_of(id: &str, text: &str) -> Doc {
    let b = text.as_bytes();
    let mut sentences = Vec::new();
    let mut start = 0;
    for i in 1..b.len().saturating_sub(1) {
        if matches!(b[i - 1], b'.' | b'!' | b'?')
            && b[i] == b' '
            && (b[i + 1].is_ascii_uppercase() || b[i + 1].is_ascii_digit())
        {
            sentences.push(Sentence { span: Span::new(start, i), paragraph: 0 });
            start = i + 1;
        }
    }
    sentences.push(Sentence { span: Span::new(start, text.len()), paragraph: 0 });
    bare_doc(id, text, sentences)
}

/// Every `<article>` of the file.
fn articles(doc: &Document<'_>) -> Vec<Article> {
    xml::elements(doc.root_element(), "article").filter_map(article).collect()
}

/// An article with its `docid` and `<text>`, or `None` without them.
fn article(node: Node<'_, '_>) -> Option<Article> {
    let id = node.attribute("docid")?.to_owned();
    let text = xml::text_of(node, "text")?;
    let starts = char_starts(&text);
    let toponyms = xml::elements(node, "toponym").filter_map(|t| toponym(t, &starts)).collect();
    Some(Article { id, text, toponyms })
}

/// Byte offset of every character, and the text's length at the end.
fn char_starts(text: &str) -> Vec<usize> {
    text.char_indices().map(|(i, _)| i).chain([text.len()]).collect()
}

/// A toponym with coordinates (`None` for one without a GeoNames entry).
fn toponym(node: Node<'_, '_>, starts: &[usize]) -> Option<Toponym> {
    let field = |tag: &str| xml::text_of(node, tag);
    let num = |tag: &str| field(tag).and_then(|v| v.trim().parse::<f64>().ok());
    let offset = |tag: &str| field(tag).and_then(|v| v.trim().parse::<usize>().ok());
    let (start, end) = (*starts.get(offset("start")?)?, *starts.get(offset("end")?)?);
    Some(Toponym {
        span: Span::new(start, end),
        phrase: field("phrase").unwrap_or_default(),
        fcode: field("fcode").map_or_else(|| "?".to_owned(), |c| c.trim().to_owned()),
        point: (num("lat")?, num("lon")?),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const XML: &str = r#"<?xml version="1.0"?>
<articles>
  <article docid="7">
    <text><![CDATA[Café in Alexandria, La. burned.]]></text>
    <toponyms count="2">
      <toponym><start>8</start><end>18</end><phrase>Alexandria</phrase>
        <gaztag geonameid="4314550"><name>Alexandria</name><fcode>PPL</fcode><lat>31.3113</lat><lon>-92.4451</lon></gaztag>
      </toponym>
      <toponym><start>20</start><end>23</end><phrase>La.</phrase></toponym>
    </toponyms>
  </article>
</articles>"#;

    #[test]
    fn articles_and_character_offsets_are_read() {
        let a = articles(&xml::parse_str(XML).expect("well-formed"));
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].id, "7");
        assert_eq!(a[0].toponyms.len(), 1, "the toponym without coordinates is not counted");
        let t = &a[0].toponyms[0];
        assert_eq!(&a[0].text[t.span.start..t.span.end], "Alexandria", "character offsets become byte offsets");
        assert_eq!((t.fcode.as_str(), t.point), ("PPL", (31.3113, -92.4451)));
    }

    #[test]
    fn sentences_split_before_capitals() {
        let d = doc_of("x", "One in Ala. Two at 3. three stays");
        let s: Vec<&str> = d.sentences.iter().map(|s| d.slice(s.span)).collect();
        assert_eq!(s, vec!["One in Ala.", "Two at 3. three stays"]);
    }

    #[test]
    fn figures_are_shares() {
        let mut s = LglScore::default();
        let t = Toponym { span: Span::new(0, 1), phrase: "x".into(), fcode: "PPL".into(), point: (0.0, 0.0) };
        let mut errors = Vec::new();
        tally(&mut s, &t, Hit::Place, Some(10.0), &mut errors);
        tally(&mut s, &t, Hit::Modifier, Some(500.0), &mut errors);
        tally(&mut s, &t, Hit::Missed, None, &mut errors);
        tally(&mut s, &t, Hit::Place, None, &mut errors);
        finish(&mut s, &mut errors);
        assert_eq!((s.toponyms, s.found, s.found_as_modifier, s.within_161), (4, 3, 1, 1));
        assert!((s.recall - 0.75).abs() < 1e-9 && (s.acc161_all - 0.25).abs() < 1e-9);
        assert!((s.mean_km - 255.0).abs() < 1e-9 && (s.median_km - 500.0).abs() < 1e-9);
        assert_eq!(s.missed_by_kind.get("PPL"), Some(&1));
        assert_eq!(s.wrong_by_kind.get("PPL"), Some(&2));
    }
}
