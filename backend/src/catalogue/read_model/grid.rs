//! A uniform grid over the rows' points, for `sort=nearest`: rows come out
//! in the exact `(distance, id)` order while only the cells near the point
//! are looked at.
//!
//! Rows sit at their partner's point, so the grid holds distinct points
//! ("places"), each with its rows sorted by id. [`Nearest`] scans rings of
//! cells around the cell of `near`, computes each place's exact squared
//! distance (the same expression as SQL's, [`d2`]) and emits a place's rows
//! once no unscanned cell can hold a place as near: after ring `r`, every
//! unscanned place is more than `r - 1` cells away in latitude or in
//! longitude (one cell of slack for rounding in the cell arithmetic). Places
//! at the same distance are emitted together, their rows merged by id.
//! `radius_km` stops the rings once they are past it; a cursor skips the
//! places before it.

use std::{cmp::Reverse, collections::BinaryHeap, collections::HashMap};

use linan_shared::GeoPoint;

use super::Row;

/// The squared planar distance from `near` (with longitude weight `k`),
/// written exactly as the SQL expression is evaluated, so both give the same bits.
pub(super) fn d2(lat: f64, lon: f64, near: GeoPoint, k: f64) -> f64 {
    let dlat = lat - near.lat();
    let dlon = lon - near.lon();
    dlat * dlat + dlon * dlon * k
}

/// A distinct point and its rows: `Grid::rows[start..end]`.
#[derive(Debug)]
struct Place {
    lat: f64,
    lon: f64,
    start: u32,
    end: u32,
}

/// The places in cells of `step` degrees, from (`lat0`, `lon0`).
#[derive(Debug, Default)]
pub(super) struct Grid {
    places: Vec<Place>,
    /// Row positions, grouped by place, each group sorted by id.
    rows: Vec<u32>,
    /// Cell `c`'s places are `cell_places[cells[c]..cells[c + 1]]`; cell
    /// (`i`, `j`) is `i * n_lon + j`.
    cells: Vec<u32>,
    cell_places: Vec<u32>,
    lat0: f64,
    lon0: f64,
    step: f64,
    n_lat: i64,
    n_lon: i64,
}

impl Grid {
    /// The grid of `rows`' points.
    pub(super) fn build(rows: &[Row]) -> Grid {
        let mut index: HashMap<(u64, u64), u32> = HashMap::new();
        let mut place_of = Vec::with_capacity(rows.len());
        let mut places = Vec::new();
        for row in rows {
            let next = places.len() as u32;
            let place = *index.entry((row.lat.to_bits(), row.lon.to_bits())).or_insert_with(|| {
                places.push(Place { lat: row.lat, lon: row.lon, start: 0, end: 0 });
                next
            });
            place_of.push(place);
        }
        // Rows grouped by place (counting sort), then by id within a place.
        for &p in &place_of {
            places[p as usize].end += 1;
        }
        let mut at = 0;
        for place in &mut places {
            (place.start, at) = (at, at + place.end);
            place.end = place.start;
        }
        let mut grouped = vec![0u32; rows.len()];
        for (pos, &p) in place_of.iter().enumerate() {
            let place = &mut places[p as usize];
            grouped[place.end as usize] = pos as u32;
            place.end += 1;
        }
        for place in &places {
            grouped[place.start as usize..place.end as usize].sort_unstable_by_key(|&pos| rows[pos as usize].id);
        }
        let mut grid = Grid { rows: grouped, ..Grid::default() };
        grid.lay_out(places);
        grid
    }

    /// Chooses the cells (about two places each) and files the places in them.
    fn lay_out(&mut self, places: Vec<Place>) {
        let (mut min_lat, mut max_lat, mut min_lon, mut max_lon) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
        for p in &places {
            (min_lat, max_lat) = (min_lat.min(p.lat), max_lat.max(p.lat));
            (min_lon, max_lon) = (min_lon.min(p.lon), max_lon.max(p.lon));
        }
        let wanted = (places.len() / 2).max(1) as f64;
        let (ext_lat, ext_lon) = ((max_lat - min_lat).max(0.0), (max_lon - min_lon).max(0.0));
        // Square cells; no side cut into more than 4 × `wanted` cells, however
        // thin the area, and none under 1e-9° (0.1 mm), so cell numbers stay small.
        let step = (ext_lat * ext_lon / wanted).sqrt().max(ext_lat.max(ext_lon) / (4.0 * wanted));
        self.step = if step.is_finite() && step > 1e-9 { step } else { 1e-9_f64.max(ext_lat.max(ext_lon)) };
        (self.lat0, self.lon0) = if places.is_empty() { (0.0, 0.0) } else { (min_lat, min_lon) };
        self.n_lat = (ext_lat / self.step) as i64 + 1;
        self.n_lon = (ext_lon / self.step) as i64 + 1;
        let cell_of = |p: &Place| {
            let (i, j) = self.cell(p.lat, p.lon);
            (i.clamp(0, self.n_lat - 1) * self.n_lon + j.clamp(0, self.n_lon - 1)) as usize
        };
        let mut counts = vec![0u32; (self.n_lat * self.n_lon) as usize + 1];
        for p in &places {
            counts[cell_of(p) + 1] += 1;
        }
        for c in 1..counts.len() {
            counts[c] += counts[c - 1];
        }
        let mut filled = counts.clone();
        let mut cell_places = vec![0u32; places.len()];
        for (id, p) in places.iter().enumerate() {
            let c = cell_of(p);
            cell_places[filled[c] as usize] = id as u32;
            filled[c] += 1;
        }
        (self.cells, self.cell_places, self.places) = (counts, cell_places, places);
    }

    /// The (unclamped) cell of a point.
    fn cell(&self, lat: f64, lon: f64) -> (i64, i64) {
        (((lat - self.lat0) / self.step).floor() as i64, ((lon - self.lon0) / self.step).floor() as i64)
    }

    /// The rows in `(d2, id)` order from `near` (weight `k`): only places
    /// with `d2 <= max_d2` and `d2 >= from_d2`.
    pub(super) fn nearest<'g>(
        &'g self,
        rows: &'g [Row],
        near: GeoPoint,
        k: f64,
        max_d2: Option<f64>,
        from_d2: f64,
    ) -> Nearest<'g> {
        let (ci, cj) = self.cell(near.lat(), near.lon());
        // Chebyshev distance (in cells) from the centre to the nearest and farthest cell of the grid.
        let first = [ci - (self.n_lat - 1), -ci, cj - (self.n_lon - 1), -cj].into_iter().max().unwrap_or(0).max(0);
        let last = [ci, self.n_lat - 1 - ci, cj, self.n_lon - 1 - cj].into_iter().map(i64::abs).max().unwrap_or(0);
        Nearest {
            grid: self,
            rows,
            near,
            k,
            max_d2,
            from_d2,
            centre: (ci, cj),
            ring: first,
            last: if self.places.is_empty() { -1 } else { last },
            found: BinaryHeap::new(),
            ready: Vec::new(),
            next: 0,
            ready_d2: 0.0,
        }
    }
}

/// [`Grid::nearest`]: yields `(position, d2)`.
pub(super) struct Nearest<'g> {
    grid: &'g Grid,
    rows: &'g [Row],
    near: GeoPoint,
    k: f64,
    max_d2: Option<f64>,
    from_d2: f64,
    centre: (i64, i64),
    /// The next ring to scan.
    ring: i64,
    /// The last ring holding a cell of the grid.
    last: i64,
    /// Places scanned and not yet emitted, nearest first: (`d2` bits, place).
    /// A `d2` is never negative, so its bits order as the number.
    found: BinaryHeap<Reverse<(u64, u32)>>,
    /// Rows being emitted (all at `ready_d2`), from `next`.
    ready: Vec<u32>,
    next: usize,
    ready_d2: f64,
}

impl Nearest<'_> {
    /// A bound under the `d2` of every place in a ring not scanned yet.
    fn bound(&self) -> f64 {
        if self.ring > self.last {
            return f64::INFINITY;
        }
        let cells = (self.ring - 2).max(0) as f64 * self.grid.step;
        cells * cells * self.k.min(1.0) * (1.0 - 1e-9)
    }

    fn scan_ring(&mut self) {
        let (ci, cj) = self.centre;
        let r = self.ring;
        let g = self.grid;
        let mut scan = |i: i64, j0: i64, j1: i64| {
            if i < 0 || i >= g.n_lat {
                return;
            }
            for j in j0.max(0)..=j1.min(g.n_lon - 1) {
                let c = (i * g.n_lon + j) as usize;
                for &id in &g.cell_places[g.cells[c] as usize..g.cells[c + 1] as usize] {
                    let p = &g.places[id as usize];
                    let d2 = d2(p.lat, p.lon, self.near, self.k);
                    if d2 >= self.from_d2 && self.max_d2.is_none_or(|max| d2 <= max) {
                        self.found.push(Reverse((d2.to_bits(), id)));
                    }
                }
            }
        };
        if r == 0 {
            scan(ci, cj, cj);
        } else {
            scan(ci - r, cj - r, cj + r);
            scan(ci + r, cj - r, cj + r);
            for i in (ci - r + 1).max(0)..(ci + r).min(g.n_lat) {
                scan(i, cj - r, cj - r);
                scan(i, cj + r, cj + r);
            }
        }
        self.ring += 1;
        // Past the radius: no unscanned place can be within it.
        if self.max_d2.is_some_and(|max| self.bound() > max) {
            self.ring = self.last + 1;
        }
    }
}

impl Iterator for Nearest<'_> {
    type Item = (u32, f64);

    fn next(&mut self) -> Option<(u32, f64)> {
        loop {
            if let Some(&pos) = self.ready.get(self.next) {
                self.next += 1;
                return Some((pos, self.ready_d2));
            }
            match self.found.peek() {
                Some(&Reverse((bits, _))) if f64::from_bits(bits) < self.bound() => {
                    self.ready.clear();
                    self.next = 0;
                    self.ready_d2 = f64::from_bits(bits);
                    let mut places = 0;
                    while let Some(&Reverse((b, id))) = self.found.peek()
                        && b == bits
                    {
                        self.found.pop();
                        let p = &self.grid.places[id as usize];
                        self.ready.extend_from_slice(&self.grid.rows[p.start as usize..p.end as usize]);
                        places += 1;
                    }
                    if places > 1 {
                        let rows = self.rows;
                        self.ready.sort_unstable_by_key(|&pos| rows[pos as usize].id);
                    }
                }
                _ if self.ring <= self.last => self.scan_ring(),
                _ => return None,
            }
        }
    }
}
