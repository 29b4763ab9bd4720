//! Seeded random playouts: how a trainee who clicks at random fares, over many seeds.

use rand::RngExt;
use serde::Serialize;

use crate::engine::compile::Compiled;
use crate::engine::game::{available, step};
use crate::engine::rng::{Purpose, stream};
use crate::engine::state::State;
use crate::engine::trace::Trace;
use crate::scoring::total::{Reads, score};

/// A deal longer than this is abandoned (only a broken case gets there).
const MAX_TURNS: u32 = 10_000;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Distribution {
    pub n: usize,
    pub min: f64,
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
    pub max: f64,
}

/// Final total of one random playout with this seed (None: it hit a dead end).
pub fn playout(c: &Compiled, seed: u64) -> Option<f64> {
    let mut s = State::start(c, seed);
    let mut rng = stream(seed, 0, Purpose::Playout);
    let mut turns = 0u32;
    while s.ending.is_none() && turns < MAX_TURNS {
        let options = available(c, &s);
        if options.is_empty() {
            return None;
        }
        let ix = options[rng.random_range(0..options.len())];
        step(c, &mut s, ix, &mut Trace::default());
        turns += 1;
    }
    s.ending.map(|_| score(c, &s, Reads::Perfect).total)
}

/// `n` playouts with seeds `seed`, `seed+1`, …, so they also cover the variants.
pub fn playouts(c: &Compiled, seed: u64, n: usize, mut tick: impl FnMut()) -> Option<Distribution> {
    let mut totals: Vec<f64> = (0..n as u64)
        .filter_map(|i| {
            tick();
            playout(c, seed.wrapping_add(i))
        })
        .collect();
    if totals.is_empty() {
        return None;
    }
    totals.sort_by(f64::total_cmp);
    let at = |q: f64| totals[((totals.len() - 1) as f64 * q).round() as usize];
    Some(Distribution {
        n: totals.len(),
        min: totals[0],
        p10: at(0.1),
        p50: at(0.5),
        p90: at(0.9),
        max: totals[totals.len() - 1],
    })
}
