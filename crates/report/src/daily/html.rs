//! The report as one self-contained, print-ready HTML page: inline CSS
//! (A4 page, no page break inside an item), the SVG map inline, no script
//! and nothing to fetch. Every string from the store is escaped
//! ([`crate::escape::html`]); links are kept only when they are web links.

use std::fmt::Write as _;

use super::{map, phrase, Area, DailyReport, Item};
use crate::escape::{html as h, url};

const STYLE: &str = include_str!("report.css");

/// The report as an HTML document.
///
/// # Errors
/// When the shipped basemap does not decode.
pub fn render(report: &DailyReport) -> Result<String, super::ReportError> {
    let title = format!("Situation report, {}", report.date.format("%A %-d %B %Y"));
    let mut s = format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{}</title><style>{STYLE}</style></head><body><main>\n<h1>{}</h1>\n",
        h(&title),
        h(&title)
    );
    header(&mut s, report);
    if let Some(svg) = map::svg(report)? {
        let _ = writeln!(s, "<figure class=\"map\">{svg}<figcaption>{}</figcaption></figure>", legend(report));
    }
    for area in &report.areas {
        area_section(&mut s, report, area);
    }
    sources(&mut s, report);
    s.push_str("</main></body></html>\n");
    Ok(s)
}

fn header(s: &mut String, r: &DailyReport) {
    if let Some(a) = &r.area {
        let _ = writeln!(s, "<p class=\"area\">Area: {}</p>", h(a));
    }
    if r.areas.is_empty() {
        s.push_str("<p>No events are recorded for this day.</p>\n");
        return;
    }
    let counts = phrase::counts(&r.totals);
    let _ = writeln!(
        s,
        "<p class=\"summary\"><strong>{}</strong> in {} area{}.{} <span class=\"note\">Counts add each statement once, however many places it names.</span></p>",
        h(&phrase::event_counts(&r.totals)),
        r.areas.len(),
        if r.areas.len() == 1 { "" } else { "s" },
        if counts.is_empty() { String::new() } else { format!(" Reported: {}.", h(&counts)) }
    );
}

/// The event types on the map with their colours, and the claim marker.
fn legend(r: &DailyReport) -> String {
    let mut types: Vec<&str> = r.points.iter().map(|p| p.event_type.as_str()).collect();
    types.sort_unstable();
    types.dedup();
    let mut s: String = types
        .iter()
        .map(|t| format!("<span class=\"key\"><i style=\"background:{}\"></i>{}</span> ", map::type_colour(t), h(t)))
        .collect();
    s.push_str("<span class=\"key\"><i class=\"claim\"></i>claimed or speculative</span>");
    s
}

fn area_section(s: &mut String, r: &DailyReport, area: &Area) {
    let country = area.country.as_deref().filter(|c| !area.name.starts_with(c));
    let _ = writeln!(
        s,
        "<section class=\"area\"><h2>{}{}</h2>",
        h(&area.name),
        country.map(|c| format!(", {}", h(c))).unwrap_or_default()
    );
    let counts = phrase::counts(&area.totals);
    let _ = writeln!(
        s,
        "<p class=\"counts\">{}{}</p>",
        h(&phrase::event_counts(&area.totals)),
        if counts.is_empty() { String::new() } else { format!("; {}", h(&counts)) }
    );
    if !area.actors.is_empty() {
        let who: Vec<String> = area.actors.iter().map(|a| format!("{} ({})", h(&a.name), a.events)).collect();
        let _ = writeln!(s, "<p class=\"actors\"><strong>Who acted:</strong> {}.</p>", who.join(", "));
    }
    if !area.events.is_empty() {
        s.push_str("<h3>What happened</h3>\n<ul class=\"items\">\n");
        area.events.iter().for_each(|i| item(s, r, i, None));
        s.push_str("</ul>\n");
    }
    if !area.claims.is_empty() {
        s.push_str("<h3>Claimed or speculative</h3>\n<ul class=\"items claims\">\n");
        area.claims.iter().for_each(|i| item(s, r, i, Some(phrase::claim_kind(&i.modality))));
        s.push_str("</ul>\n");
    }
    s.push_str("</section>\n");
}

fn item(s: &mut String, r: &DailyReport, item: &Item, claim: Option<&str>) {
    let kind = claim.map(|k| format!("<em class=\"kind\">{}:</em> ", h(k))).unwrap_or_default();
    let counts = phrase::counts(&item.totals);
    let counts = if counts.is_empty() { String::new() } else { format!(": <span class=\"n\">{}</span>", h(&counts)) };
    let _ = write!(s, "<li>{kind}<strong>{}</strong>{}{counts}.", h(&item.sub_event_type), h(&phrase::item_tail(item)));
    for e in &item.evidence {
        let cite = format!("[{}]", e.source.saturating_add(1));
        let cite = match r.evidence_link(e).and_then(|l| url(&l)) {
            Some(l) => format!("<a href=\"{}\">{cite}</a>", h(&l)),
            None => cite,
        };
        let shared = if e.shared_with.is_empty() {
            String::new()
        } else {
            format!(" <span class=\"note\">(the same statement also covers {})</span>", h(&e.shared_with.join(", ")))
        };
        let _ = write!(s, "<blockquote>{} {cite}{shared}</blockquote>", h(&e.text));
    }
    s.push_str("</li>\n");
}

fn sources(s: &mut String, r: &DailyReport) {
    if r.sources.is_empty() {
        return;
    }
    s.push_str("<section class=\"sources\"><h2>Sources</h2><ol>\n");
    for src in &r.sources {
        let link = src
            .url
            .as_deref()
            .and_then(url)
            .map(|u| format!(" <a href=\"{}\">{}</a>", h(&u), h(&u)))
            .unwrap_or_default();
        let _ = writeln!(
            s,
            "<li>{}{link} <span class=\"note\">(document <code>{}</code>)</span></li>",
            h(&phrase::source(src)),
            h(&src.doc_id)
        );
    }
    s.push_str("</ol></section>\n");
}
