//! The shipped basemap: Natural Earth countries (world-atlas 2.0.2, 1:50m)
//! and admin-1 areas (1:10m, simplified), as TopoJSON, embedded in the
//! binary so nothing is fetched at run time. The web page serves these
//! bytes as they are; the report's map decodes them with [`Topology`].
//!
//! Licences: Natural Earth data is public domain; world-atlas is ISC
//! ([`WORLD_ATLAS_LICENSE`]). See `data/SOURCES.md`.

use std::collections::HashMap;

use serde::Deserialize;
use thiserror::Error;

/// Countries and land, 1:50m (`objects.countries`, `objects.land`).
pub const COUNTRIES_50M: &str = include_str!("../../../data/basemap/countries-50m.json");
/// Admin-1 areas, 1:10m simplified (`objects.admin1`, with `name` and `adm0_a3` properties).
pub const ADMIN1: &str = include_str!("../../../data/basemap/world_admin1_ne10m_P0.2.topo.json");
/// The licence of world-atlas.
pub const WORLD_ATLAS_LICENSE: &str = include_str!("../../../data/basemap/world-atlas.LICENSE");

/// A basemap file that does not decode (a defect of the build).
#[derive(Debug, Clone, Error)]
#[error("basemap TopoJSON does not decode: {0}")]
pub struct BasemapError(String);

/// A point in degrees: (longitude, latitude).
pub type LonLat = (f64, f64);

/// A polygon: its outer ring, then its holes.
pub type Polygon = Vec<Vec<LonLat>>;

/// A decoded TopoJSON topology: its arcs in degrees and its objects.
#[derive(Debug)]
pub struct Topology {
    arcs: Vec<Vec<LonLat>>,
    objects: HashMap<String, Object>,
}

#[derive(Debug, Deserialize)]
struct Raw {
    transform: Option<Transform>,
    arcs: Vec<Vec<Vec<f64>>>,
    objects: HashMap<String, Object>,
}

#[derive(Debug, Deserialize)]
struct Transform {
    scale: [f64; 2],
    translate: [f64; 2],
}

/// A TopoJSON geometry object, by its `type`.
#[derive(Debug, Deserialize)]
#[serde(tag = "type")]
enum Object {
    Polygon {
        arcs: Vec<Vec<i64>>,
    },
    MultiPolygon {
        arcs: Vec<Vec<Vec<i64>>>,
    },
    GeometryCollection {
        geometries: Vec<Object>,
    },
    #[serde(other)]
    Other,
}

impl Topology {
    /// Decode a TopoJSON document (quantized or not).
    ///
    /// # Errors
    /// When the text is not a TopoJSON topology.
    pub fn parse(json: &str) -> Result<Self, BasemapError> {
        let raw: Raw = serde_json::from_str(json).map_err(|e| BasemapError(e.to_string()))?;
        let arcs = raw.arcs.iter().map(|a| decode_arc(a, raw.transform.as_ref())).collect();
        Ok(Self { arcs, objects: raw.objects })
    }

    /// Every arc (shared border or coastline piece), once.
    #[must_use]
    pub fn arcs(&self) -> &[Vec<LonLat>] {
        &self.arcs
    }

    /// The polygons of one object (empty when there is no such object).
    #[must_use]
    pub fn polygons(&self, object: &str) -> Vec<Polygon> {
        let mut out = Vec::new();
        if let Some(g) = self.objects.get(object) {
            self.collect(g, &mut out);
        }
        out
    }

    fn collect(&self, g: &Object, out: &mut Vec<Polygon>) {
        match g {
            Object::Polygon { arcs } => out.push(self.polygon(arcs)),
            Object::MultiPolygon { arcs } => out.extend(arcs.iter().map(|p| self.polygon(p))),
            Object::GeometryCollection { geometries } => geometries.iter().for_each(|g| self.collect(g, out)),
            Object::Other => {}
        }
    }

    fn polygon(&self, rings: &[Vec<i64>]) -> Polygon {
        rings.iter().map(|r| self.ring(r)).collect()
    }

    /// A ring from its arcs: `~i` (that is `-i - 1`) is arc `i` reversed;
    /// consecutive arcs share their joining point, which is kept once.
    fn ring(&self, indexes: &[i64]) -> Vec<LonLat> {
        let mut ring: Vec<LonLat> = Vec::new();
        for &i in indexes {
            let (index, reversed) = if i < 0 { (!i, true) } else { (i, false) };
            let Some(arc) = usize::try_from(index).ok().and_then(|i| self.arcs.get(i)) else { continue };
            let skip = usize::from(!ring.is_empty());
            if reversed {
                ring.extend(arc.iter().rev().skip(skip));
            } else {
                ring.extend(arc.iter().skip(skip));
            }
        }
        ring
    }
}

/// Quantized arcs hold the first position, then deltas.
fn decode_arc(points: &[Vec<f64>], transform: Option<&Transform>) -> Vec<LonLat> {
    let Some(t) = transform else {
        return points.iter().filter_map(|p| Some((*p.first()?, *p.get(1)?))).collect();
    };
    let (mut x, mut y) = (0.0, 0.0);
    points
        .iter()
        .filter_map(|p| {
            x += p.first()?;
            y += p.get(1)?;
            Some((x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]))
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn quantized_arcs_decode_and_rings_join() {
        // Two arcs forming a unit square: (0,0)->(1,0)->(1,1) and back via (0,1).
        let json = r#"{"type":"Topology","transform":{"scale":[1,1],"translate":[10,20]},
            "arcs":[[[0,0],[1,0],[0,1]],[[0,0],[0,1],[1,0]]],
            "objects":{"sq":{"type":"GeometryCollection","geometries":[
                {"type":"Polygon","arcs":[[0,-2]]},{"type":"Point","coordinates":[0,0]}]}}}"#;
        let t = Topology::parse(json).unwrap();
        assert_eq!(t.arcs()[0], [(10.0, 20.0), (11.0, 20.0), (11.0, 21.0)]);
        let polys = t.polygons("sq");
        assert_eq!(polys.len(), 1, "the point is skipped");
        assert_eq!(polys[0][0], [(10.0, 20.0), (11.0, 20.0), (11.0, 21.0), (10.0, 21.0), (10.0, 20.0)]);
        assert!(t.polygons("none").is_empty());
    }

    #[test]
    fn the_shipped_basemap_decodes() {
        let countries = Topology::parse(COUNTRIES_50M).unwrap();
        assert!(countries.polygons("land").len() > 1000);
        let admin1 = Topology::parse(ADMIN1).unwrap();
        let all: Vec<LonLat> = admin1.arcs().iter().flatten().copied().collect();
        assert!(all.iter().all(|(lon, lat)| (-180.5..=180.5).contains(lon) && (-90.5..=90.5).contains(lat)));
    }

    #[test]
    fn bad_text_is_an_error() {
        assert!(Topology::parse("{").is_err());
        assert!(Topology::parse(r#"{"arcs":[],"objects":{}}"#).unwrap().arcs().is_empty());
    }
}
