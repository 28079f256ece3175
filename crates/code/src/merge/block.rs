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
//! Reports that agree in everything `alike` reads form one class, compared
//! once: a hundred copies of one event cost one comparison, not a hundred.

use std::collections::{HashMap, VecDeque};
use std::hash::Hash;

use chrono::NaiveDate;
use sitrep_model::{Actor, DocId, EventDate, EventType, Iso2, Precision};

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

/// Everything [`super::compat::alike`] reads of a report (and its actors'
/// names besides): two reports with one signature are alike with the same
/// reports, so the window compares a new report once per signature, not
/// once per copy of a much-reported event.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Sig {
    kind: EventType,
    date: EventDate,
    point: [u64; 2],
    precision: Precision,
    country: Option<Iso2>,
    region: Option<String>,
    actors: [Option<Actor>; 2],
}

/// One report's place in the blocks.
#[derive(Debug)]
pub(super) struct Keys {
    pub(super) day: NaiveDate,
    cell: Cell,
    region: Option<Region>,
    coarse: bool,
    sig: Sig,
}

/// The blocks of a report, or `None` when it can never join another (no date
/// or no place).
pub(super) fn keys(r: &Report) -> Option<Keys> {
    let date = r.event.date?;
    let at = r.event.location.as_ref()?;
    let kind = r.event.sub_event_type.event_type();
    let (lat, lon) = at.place.point();
    let (lat, lon) = (lat.degrees(), lon.degrees());
    let name = region(at).map(str::to_owned);
    let sig = Sig {
        kind,
        date,
        point: [lat.to_bits(), lon.to_bits()],
        precision: at.precision,
        country: at.place.country,
        region: name.clone(),
        actors: [r.event.actor1.clone(), r.event.actor2.clone()],
    };
    Some(Keys {
        day: date.day,
        cell: (kind, cell(lat, lon)),
        region: name.map(|name| (kind, at.place.country, name)),
        coarse: at.precision == Precision::Region,
        sig,
    })
}

/// The 3-D grid cell of a point on the sphere (degrees).
fn cell(lat: f64, lon: f64) -> [i32; 3] {
    let (la, lo) = (lat.to_radians(), lon.to_radians());
    let xyz = [la.cos() * lo.cos(), la.cos() * lo.sin(), la.sin()];
    // A coordinate of at most 6371 km over a 10 km cell fits an i32.
    #[allow(clippy::cast_possible_truncation)]
    xyz.map(|c| (c * GRID_RADIUS_KM / CELL_KM).floor() as i32)
}

/// The reports of the window with one signature, known by the number of
/// the first.
#[derive(Debug)]
pub(super) struct Class {
    /// The first report and its document.
    pub(super) first: (u64, DocId),
    /// A report of another document than the first's, once there is one:
    /// then every report of the class is the same event as one of another
    /// document, so all are in one group.
    pub(super) other: Option<u64>,
    /// Every report of the class.
    pub(super) members: Vec<u64>,
    keys: Keys,
}

/// The reports of the last week, by block, in classes of one signature.
#[derive(Debug, Default)]
pub(super) struct Window {
    /// The classes in date order (a class has one date).
    order: VecDeque<u64>,
    classes: HashMap<u64, Class>,
    by_sig: HashMap<Sig, u64>,
    cells: Blocks<Cell>,
    /// Every class by region, and those only known to their region.
    regions: Blocks<Region>,
    coarse: Blocks<Region>,
}

impl Window {
    /// Forget the reports more than a week before `day`, and name them.
    pub(super) fn expire(&mut self, day: NaiveDate, gone: &mut Vec<u64>) {
        while let Some(c) = self.order.front().and_then(|c| self.classes.get(c)) {
            if (day - c.keys.day).num_days() <= WINDOW_DAYS {
                break;
            }
            let Some(id) = self.order.pop_front() else { break };
            let Some(class) = self.classes.remove(&id) else { break };
            gone.extend(&class.members);
            self.by_sig.remove(&class.keys.sig);
            let k = &class.keys;
            self.cells.remove(&k.cell, id);
            if let Some(region) = &k.region {
                self.regions.remove(region, id);
                if k.coarse {
                    self.coarse.remove(region, id);
                }
            }
        }
    }

    /// Forget every report, and name them.
    pub(super) fn clear(&mut self, gone: &mut Vec<u64>) {
        gone.extend(self.classes.values().flat_map(|c| c.members.iter().copied()));
        *self = Self::default();
    }

    /// The classes of the window that `k` may be the same event as, each
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

    pub(super) fn class(&self, id: u64) -> Option<&Class> {
        self.classes.get(&id)
    }

    /// Report `i` of document `doc` joins its signature's class.
    pub(super) fn insert(&mut self, i: u64, doc: &DocId, k: Keys) {
        if let Some(class) = self.by_sig.get(&k.sig).and_then(|c| self.classes.get_mut(c)) {
            if class.other.is_none() && class.first.1 != *doc {
                class.other = Some(i);
            }
            class.members.push(i);
            return;
        }
        self.order.push_back(i);
        self.cells.insert(k.cell, i);
        if let Some(region) = &k.region {
            self.regions.insert(region.clone(), i);
            if k.coarse {
                self.coarse.insert(region.clone(), i);
            }
        }
        self.by_sig.insert(k.sig.clone(), i);
        self.classes.insert(i, Class { first: (i, doc.clone()), other: None, members: vec![i], keys: k });
    }
}

/// Classes by key, each key's in the order they entered the window (so the
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

    /// Remove `i`, the oldest class of its block.
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
