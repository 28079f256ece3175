//! The report's small static map: an SVG of the day's located events on the
//! shipped basemap (land, country borders and admin-1 borders), framed on
//! the events, in an equirectangular projection scaled by the cosine of the
//! middle latitude (true shape at the scale of a province or a country).
//! Events are coloured by event type; claims are drawn hollow and dashed.
//! The SVG is self-contained: no fonts, images or scripts to fetch.

use std::fmt::Write;
use std::sync::LazyLock;

use crate::basemap::{self, BasemapError, LonLat, Topology};
use crate::escape;

use super::{DailyReport, MapPoint};

/// Width of the map in SVG user units (CSS pixels).
const WIDTH: f64 = 640.0;
/// The tallest the map may be.
const MAX_HEIGHT: f64 = 480.0;
/// The smallest span shown, in degrees, so one event still shows its region.
const MIN_SPAN_DEG: f64 = 3.0;

static COUNTRIES: LazyLock<Result<Topology, BasemapError>> = LazyLock::new(|| Topology::parse(basemap::COUNTRIES_50M));
static ADMIN1: LazyLock<Result<Topology, BasemapError>> = LazyLock::new(|| Topology::parse(basemap::ADMIN1));

/// The colour of an ACLED event type, shared with the web page's legend.
#[must_use]
pub fn type_colour(event_type: &str) -> &'static str {
    match event_type {
        "Battles" => "#c0392b",
        "Explosions/Remote violence" => "#e67e22",
        "Violence against civilians" => "#8e44ad",
        "Protests" => "#2471a3",
        "Riots" => "#6e4b3a",
        "Strategic developments" => "#1e8449",
        _ => "#555555",
    }
}

/// The frame and projection of a map.
#[derive(Debug, Clone, Copy)]
struct Frame {
    min_lon: f64,
    max_lon: f64,
    min_lat: f64,
    max_lat: f64,
    /// Units per degree of latitude.
    scale: f64,
    /// cos(middle latitude).
    shrink: f64,
}

impl Frame {
    fn around(points: &[MapPoint]) -> Option<Self> {
        let first = points.first()?;
        let (mut w, mut e, mut s, mut n) = (first.lon, first.lon, first.lat, first.lat);
        for p in points {
            (w, e, s, n) = (w.min(p.lon), e.max(p.lon), s.min(p.lat), n.max(p.lat));
        }
        let pad = |lo: f64, hi: f64| ((hi - lo) * 0.15).max((MIN_SPAN_DEG - (hi - lo)).max(0.0) / 2.0);
        let (plon, plat) = (pad(w, e), pad(s, n));
        let (min_lat, max_lat) = ((s - plat).max(-85.0), (n + plat).min(85.0));
        let shrink = ((min_lat + max_lat) / 2.0).to_radians().cos().max(0.1);
        let (min_lon, max_lon) = ((w - plon).max(-180.0), (e + plon).min(180.0));
        let scale = (WIDTH / ((max_lon - min_lon) * shrink)).min(MAX_HEIGHT / (max_lat - min_lat));
        Some(Self { min_lon, max_lon, min_lat, max_lat, scale, shrink })
    }

    fn width(&self) -> f64 {
        (self.max_lon - self.min_lon) * self.shrink * self.scale
    }

    fn height(&self) -> f64 {
        (self.max_lat - self.min_lat) * self.scale
    }

    fn xy(&self, (lon, lat): LonLat) -> (f64, f64) {
        ((lon - self.min_lon) * self.shrink * self.scale, (self.max_lat - lat) * self.scale)
    }

    /// The frame with a margin of a tenth of its size, in degrees, as
    /// (west, east, south, north): what is drawn, so strokes at the edge
    /// run off the picture instead of stopping short.
    fn clip_box(&self) -> [f64; 4] {
        let (mx, my) = ((self.max_lon - self.min_lon) / 10.0, (self.max_lat - self.min_lat) / 10.0);
        [self.min_lon - mx, self.max_lon + mx, self.min_lat - my, self.max_lat + my]
    }

    /// SVG path data of a line, dropping points closer than half a unit to the last kept.
    fn path(&self, line: &[LonLat], close: bool) -> String {
        let mut d = String::new();
        let mut last: Option<(f64, f64)> = None;
        for &p in line {
            let (x, y) = self.xy(p);
            if last.is_some_and(|(lx, ly)| (lx - x).abs() < 0.5 && (ly - y).abs() < 0.5) {
                continue;
            }
            let _ = write!(d, "{}{x:.1} {y:.1}", if last.is_none() { "M" } else { "L" });
            last = Some((x, y));
        }
        if close && !d.is_empty() {
            d.push('Z');
        }
        d
    }
}

/// The map of a report, or `None` when no event has a location.
///
/// # Errors
/// When the shipped basemap does not decode (a defect of the build).
pub fn svg(report: &DailyReport) -> Result<Option<String>, BasemapError> {
    let Some(frame) = Frame::around(&report.points) else { return Ok(None) };
    let countries = COUNTRIES.as_ref().map_err(Clone::clone)?;
    let admin1 = ADMIN1.as_ref().map_err(Clone::clone)?;
    let (w, h) = (frame.width(), frame.height());
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w:.0} {h:.0}\" width=\"{w:.0}\" height=\"{h:.0}\" \
         role=\"img\" aria-label=\"Map of the day's events\" font-family=\"sans-serif\">\
         <rect width=\"100%\" height=\"100%\" fill=\"#dce9f2\"/>"
    );
    land(&mut s, &frame, countries);
    lines(&mut s, &frame, admin1.arcs(), "#b3aa9a", 0.6);
    lines(&mut s, &frame, countries.arcs(), "#7d7464", 1.1);
    events(&mut s, &frame, &report.points);
    labels(&mut s, &frame, report);
    let _ = write!(s, "<text x=\"{:.0}\" y=\"{:.0}\" font-size=\"9\" fill=\"#555\" text-anchor=\"end\">Basemap: Natural Earth</text></svg>", w - 4.0, h - 4.0);
    Ok(Some(s))
}

fn land(s: &mut String, frame: &Frame, countries: &Topology) {
    let clip = frame.clip_box();
    s.push_str("<path fill=\"#f4f1ea\" fill-rule=\"evenodd\" d=\"");
    for ring in countries.polygons("land").iter().flatten() {
        let clipped = clip_ring(ring, clip);
        if clipped.len() >= 3 {
            s.push_str(&frame.path(&clipped, true));
        }
    }
    s.push_str("\"/>");
}

fn lines(s: &mut String, frame: &Frame, arcs: &[Vec<LonLat>], colour: &str, width: f64) {
    let clip = frame.clip_box();
    let _ =
        write!(s, "<path fill=\"none\" stroke=\"{colour}\" stroke-width=\"{width}\" stroke-linejoin=\"round\" d=\"");
    for piece in arcs.iter().flat_map(|a| clip_line(a, clip)) {
        s.push_str(&frame.path(&piece, false));
    }
    s.push_str("\"/>");
}

fn inside(p: LonLat, [w, e, so, n]: [f64; 4]) -> bool {
    (w..=e).contains(&p.0) && (so..=n).contains(&p.1)
}

/// The runs of a line inside the box, each with the points just outside it
/// at both ends (so the stroke crosses the edge).
fn clip_line(line: &[LonLat], clip: [f64; 4]) -> Vec<Vec<LonLat>> {
    let keep = |i: usize| {
        let near = |j: Option<usize>| j.and_then(|j| line.get(j)).is_some_and(|&p| inside(p, clip));
        near(Some(i)) || near(i.checked_sub(1)) || near(Some(i + 1))
    };
    let mut pieces: Vec<Vec<LonLat>> = Vec::new();
    let mut current: Vec<LonLat> = Vec::new();
    for (i, &p) in line.iter().enumerate() {
        if keep(i) {
            current.push(p);
        } else if !current.is_empty() {
            pieces.push(std::mem::take(&mut current));
        }
    }
    if current.len() > 1 {
        pieces.push(current);
    }
    pieces.retain(|p| p.len() > 1);
    pieces
}

/// A box edge: whether a point is on its inner side, and the axis and value of its line.
type Edge = (fn(LonLat, f64) -> bool, usize, f64);

/// A ring clipped to the box (Sutherland–Hodgman, one edge at a time).
fn clip_ring(ring: &[LonLat], [w, e, so, n]: [f64; 4]) -> Vec<LonLat> {
    // Each edge: is a point inside it, and where a segment crosses it.
    let edges: [Edge; 4] =
        [(|p, v| p.0 >= v, 0, w), (|p, v| p.0 <= v, 0, e), (|p, v| p.1 >= v, 1, so), (|p, v| p.1 <= v, 1, n)];
    let mut out = ring.to_vec();
    for (is_in, axis, v) in edges {
        let input = std::mem::take(&mut out);
        let Some(&last) = input.last() else { break };
        let mut prev = last;
        for &p in &input {
            match (is_in(p, v), is_in(prev, v)) {
                (true, true) => out.push(p),
                (true, false) => out.extend([cross(prev, p, axis, v), p]),
                (false, true) => out.push(cross(prev, p, axis, v)),
                (false, false) => {}
            }
            prev = p;
        }
    }
    out
}

/// Where the segment a-b crosses the line `axis` = v.
fn cross(a: LonLat, b: LonLat, axis: usize, v: f64) -> LonLat {
    let (a0, a1, b0, b1) = if axis == 0 { (a.0, a.1, b.0, b.1) } else { (a.1, a.0, b.1, b.0) };
    let t = if (b0 - a0).abs() < f64::EPSILON { 0.0 } else { (v - a0) / (b0 - a0) };
    let other = a1 + t * (b1 - a1);
    if axis == 0 {
        (v, other)
    } else {
        (other, v)
    }
}

fn events(s: &mut String, frame: &Frame, points: &[MapPoint]) {
    // Claims first, so events told as fact are drawn on top.
    let mut ordered: Vec<&MapPoint> = points.iter().collect();
    ordered.sort_by_key(|p| !p.claim);
    for p in ordered {
        let (x, y) = frame.xy((p.lon, p.lat));
        let colour = type_colour(&p.event_type);
        let style = if p.claim {
            format!(
                "fill=\"#ffffff\" fill-opacity=\"0.6\" stroke=\"{colour}\" stroke-width=\"2\" stroke-dasharray=\"3 2\""
            )
        } else {
            format!("fill=\"{colour}\" fill-opacity=\"0.85\" stroke=\"#ffffff\" stroke-width=\"1\"")
        };
        let _ = write!(s, "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"6\" {style}/>");
    }
}

/// Each area's name above the middle of its events.
fn labels(s: &mut String, frame: &Frame, report: &DailyReport) {
    for area in &report.areas {
        let pts: Vec<(f64, f64)> =
            report.points.iter().filter(|p| p.area == area.name).map(|p| frame.xy((p.lon, p.lat))).collect();
        if pts.is_empty() {
            continue;
        }
        // Centred over the area's events, above the topmost one.
        let n = pts.len() as f64;
        let (x, y) = (pts.iter().map(|p| p.0).sum::<f64>() / n, pts.iter().map(|p| p.1).fold(f64::MAX, f64::min));
        let _ = write!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" font-weight=\"bold\" fill=\"#222\" stroke=\"#fff\" \
             stroke-width=\"3\" paint-order=\"stroke\" text-anchor=\"middle\">{}</text>",
            x,
            y - 10.0,
            escape::html(&area.name)
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rings_are_clipped_to_the_box() {
        let square = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)];
        let clipped = clip_ring(&square, [5.0, 20.0, -5.0, 5.0]);
        let mut corners: Vec<(i64, i64)> = clipped.iter().map(|p| (p.0.round() as i64, p.1.round() as i64)).collect();
        corners.sort_unstable();
        corners.dedup();
        assert_eq!(corners, [(5, 0), (5, 5), (10, 0), (10, 5)]);
        assert!(clip_ring(&square, [20.0, 30.0, 20.0, 30.0]).is_empty());
    }

    #[test]
    fn lines_keep_their_runs_inside_and_one_point_beyond() {
        let line = [(-2.0, 0.0), (-1.0, 0.0), (1.0, 0.0), (2.0, 0.0), (3.0, 0.0), (4.0, 0.0), (5.0, 0.0), (1.5, 0.5)];
        let pieces = clip_line(&line, [0.0, 2.5, -1.0, 1.0]);
        assert_eq!(pieces, vec![vec![(-1.0, 0.0), (1.0, 0.0), (2.0, 0.0), (3.0, 0.0)], vec![(5.0, 0.0), (1.5, 0.5)]]);
    }
}
