//! The report as Markdown (CommonMark): headings per area, items as list
//! entries with their evidence quoted beneath, sources numbered at the end.
//! The map is embedded as an SVG data URI, so the file stands alone. Every
//! string from the store is escaped ([`crate::escape::markdown`]).

use std::fmt::Write as _;

use super::{map, phrase, Area, DailyReport, Item};
use crate::escape::{markdown as md, url};

/// The report as Markdown.
///
/// # Errors
/// When the shipped basemap does not decode.
pub fn render(report: &DailyReport) -> Result<String, super::ReportError> {
    let mut s = String::new();
    header(&mut s, report);
    if let Some(svg) = map::svg(report)? {
        let _ = writeln!(s, "![Map of the day's events](data:image/svg+xml;base64,{})\n", base64(svg.as_bytes()));
    }
    for area in &report.areas {
        area_section(&mut s, report, area);
    }
    sources(&mut s, report);
    Ok(s)
}

fn header(s: &mut String, r: &DailyReport) {
    let _ = writeln!(s, "# Situation report, {}\n", r.date.format("%A %-d %B %Y"));
    if let Some(a) = &r.area {
        let _ = writeln!(s, "Area: {}.\n", md(a));
    }
    if r.areas.is_empty() {
        let _ = writeln!(s, "No events are recorded for this day.\n");
        return;
    }
    let _ = write!(
        s,
        "**{}** in {} area{}.",
        md(&phrase::event_counts(&r.totals)),
        r.areas.len(),
        if r.areas.len() == 1 { "" } else { "s" }
    );
    let counts = phrase::counts(&r.totals);
    if !counts.is_empty() {
        let _ = write!(s, " Reported: {}.", md(&counts));
    }
    s.push_str(" Counts add each statement once, however many places it names.\n\n");
}

fn area_section(s: &mut String, r: &DailyReport, area: &Area) {
    let country = area.country.as_deref().filter(|c| !area.name.starts_with(c));
    let _ = writeln!(s, "## {}{}\n", md(&area.name), country.map(|c| format!(", {}", md(c))).unwrap_or_default());
    let counts = phrase::counts(&area.totals);
    let _ = writeln!(
        s,
        "{}{}\n",
        md(&phrase::event_counts(&area.totals)),
        if counts.is_empty() { String::new() } else { format!("; {}", md(&counts)) }
    );
    if !area.actors.is_empty() {
        let who: Vec<String> = area.actors.iter().map(|a| format!("{} ({})", md(&a.name), a.events)).collect();
        let _ = writeln!(s, "**Who acted:** {}.\n", who.join(", "));
    }
    if !area.events.is_empty() {
        s.push_str("### What happened\n\n");
        area.events.iter().for_each(|i| item(s, r, i, None));
        s.push('\n');
    }
    if !area.claims.is_empty() {
        s.push_str("### Claimed or speculative\n\n");
        area.claims.iter().for_each(|i| item(s, r, i, Some(phrase::claim_kind(&i.modality))));
        s.push('\n');
    }
}

fn item(s: &mut String, r: &DailyReport, item: &Item, claim: Option<&str>) {
    let kind = claim.map(|k| format!("*{k}:* ")).unwrap_or_default();
    let counts = phrase::counts(&item.totals);
    let counts = if counts.is_empty() { String::new() } else { format!(": {}", md(&counts)) };
    let _ = writeln!(s, "- {kind}**{}**{}{counts}.", md(&item.sub_event_type), md(&phrase::item_tail(item)));
    for e in &item.evidence {
        let link = r.evidence_link(e).and_then(|l| url(&l)).map(|l| format!(" ([evidence]({l}))")).unwrap_or_default();
        let shared = if e.shared_with.is_empty() {
            String::new()
        } else {
            format!(" (the same statement also covers {})", md(&e.shared_with.join(", ")))
        };
        let _ = writeln!(s, "  > {} \\[{}\\]{link}{shared}", md(&e.text), e.source.saturating_add(1));
    }
}

fn sources(s: &mut String, r: &DailyReport) {
    if r.sources.is_empty() {
        return;
    }
    s.push_str("## Sources\n\n");
    for (i, src) in r.sources.iter().enumerate() {
        let link = src.url.as_deref().and_then(url).map(|u| format!(" <{u}>")).unwrap_or_default();
        let _ =
            writeln!(s, "{}. {}{link} (document `{}`)", i + 1, md(&phrase::source(src)), src.doc_id.replace('`', "'"));
    }
}

/// Standard base64 with padding (RFC 4648), for the map's data URI.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::base64;

    #[test]
    fn base64_matches_the_rfc_vectors() {
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (input, want) in cases {
            assert_eq!(base64(input.as_bytes()), want, "{input:?}");
        }
    }
}
