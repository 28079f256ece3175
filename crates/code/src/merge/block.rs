//! Which reports are worth comparing, found by blocking instead of listing
//! every pair: two reports of one event share their event type, lie within a
//! week of each other, and either lie within [`MAX_KM`] of each other or
//! share a country and region with one of them only known to the region
//! ([`super::compat::same_event`]). So each report is compared only with the
//! earlier reports of the last week that share its type and either a 3-D grid
//! cell (or one of its 26 neighbours) or its region. Reports arrive in date
//! order and leave the [`Window`] after a week, so memory is the window's,
//! and the candidates are a superset of the pairs `same_event` accepts among
//! those within a week: the groups are exactly those of comparing all pairs.

use std::collections::{HashMap, VecDeque};
use std::hash::Hash;

use chrono::NaiveDate;
use sitrep_model::{EventType, Iso2, Location, Precision};

use super::compat::{region, MAX_KM};
use super::Report;

/// How many days apart two compared reports may be.
pub const WINDOW_DAYS: i64 = 7;

/// The Earth's radius for the grid, no larger than the one of
/// [`sitrep_model::place::distance_km`], so that a chord is never longer than
/// the distance along the surface.
const GRID_RADIUS_KM: f64 = 6371.0;

/// A grid cell's edge: a little over [`MAX_KM`], so rounding never puts two
/// reports within `MAX_KM` more than one cell apart.
const CELL_KM: f64 = MAX_KM * 1.01;

type Cell = (EventType, [i32; 3]);
type Region = (EventType, Option<Iso2>, String);

/// One report's place in the blocks.
pub(super) struct Keys {
    pub(super) day: NaiveDate,
    cell: Cell,
    region: Option<Region>,
    coarse: bool,
}

/// The blocks of a report, or `None` when it can never join another (no date
/// or no place).
pub(super) fn keys(r: &Report) -> Option<Keys> {
    let date = r.event.date?;
    let at = r.event.location.as_ref()?;
    let kind = r.event.sub_event_type.event_type();
    Some(Keys {
        day: date.day,
        cell: (kind, cell(at)),
        region: region(at).map(|name| (kind, at.place.country, name.to_owned())),
        coarse: at.precision == Precision::Region,
    })
}

/// The 3-D grid cell of a place's point on the sphere.
fn cell(at: &Location) -> [i32; 3] {
    let (lat, lon) = at.place.point();
    let (la, lo) = (lat.degrees().to_radians(), lon.degrees().to_radians());
    let xyz = [la.cos() * lo.cos(), la.cos() * lo.sin(), la.sin()];
    // A coordinate of at most 6371 km over a 10 km cell fits an i32.
    #[allow(clippy::cast_possible_truncation)]
    xyz.map(|c| (c * GRID_RADIUS_KM / CELL_KM).floor() as i32)
}

/// The reports of the last week, by block, each known by a number.
#[derive(Debug, Default)]
pub(super) struct Window {
    /// Every report in the window, in date order, with its keys.
    order: VecDeque<(u64, NaiveDate, Cell, Option<Region>, bool)>,
    cells: Blocks<Cell>,
    /// Every report by region, and those only known to their region.
    regions: Blocks<Region>,
    coarse: Blocks<Region>,
}

impl Window {
    /// Forget the reports more than a week before `day`, and name them.
    pub(super) fn expire(&mut self, day: NaiveDate, gone: &mut Vec<u64>) {
        while let Some((_, d, ..)) = self.order.front() {
            if (day - *d).num_days() <= WINDOW_DAYS {
                break;
            }
            let Some((i, _, cell, region, coarse)) = self.order.pop_front() else { break };
            gone.push(i);
            self.cells.remove(&cell, i);
            if let Some(region) = region {
                self.regions.remove(&region, i);
                if coarse {
                    self.coarse.remove(&region, i);
                }
            }
        }
    }

    /// Forget every report, and name them.
    pub(super) fn clear(&mut self, gone: &mut Vec<u64>) {
        gone.extend(self.order.drain(..).map(|(i, ..)| i));
        *self = Self::default();
    }

    /// The reports of the window that `k` may be the same event as, each
    /// once.
    pub(super) fn candidates(&self, k: &Keys, out: &mut Vec<u64>) {
        out.clear();
        let (kind, [x, y, z]) = k.cell;
        for dx in -1..=1 {
            for dy in -1..=1 {
                for dz in -1..=1 {
                    out.extend(self.cells.get(&(kind, [x + dx, y + dy, z + dz])));
                }
            }
        }
        if let Some(region) = &k.region {
            let same_region = if k.coarse { &self.regions } else { &self.coarse };
            out.extend(same_region.get(region));
        }
        out.sort_unstable();
        out.dedup();
    }

    pub(super) fn insert(&mut self, i: u64, k: &Keys) {
        self.order.push_back((i, k.day, k.cell, k.region.clone(), k.coarse));
        self.cells.insert(k.cell, i);
        if let Some(region) = &k.region {
            self.regions.insert(region.clone(), i);
            if k.coarse {
                self.coarse.insert(region.clone(), i);
            }
        }
    }
}

/// Reports by key, each key's in the order they entered the window (so the
/// oldest leaves first).
#[derive(Debug)]
struct Blocks<K>(HashMap<K, VecDeque<u64>>);

impl<K> Default for Blocks<K> {
    fn default() -> Self {
        Self(HashMap::new())
    }
}

impl<K: Hash + Eq> Blocks<K> {
    fn insert(&mut self, key: K, i: u64) {
        self.0.entry(key).or_default().push_back(i);
    }

    fn get(&self, key: &K) -> impl Iterator<Item = u64> + '_ {
        self.0.get(key).into_iter().flatten().copied()
    }

    /// Remove `i`, the oldest report of its block.
    fn remove(&mut self, key: &K, i: u64) {
        if let Some(block) = self.0.get_mut(key) {
            debug_assert_eq!(block.front(), Some(&i));
            block.pop_front();
            if block.is_empty() {
                self.0.remove(key);
            }
        }
    }
}
