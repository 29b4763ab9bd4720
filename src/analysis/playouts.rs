//! Seeded random playouts: how a trainee who clicks at random fares, over many seeds.

use rand::RngExt;
use serde::Serialize;

use crate::engine::compile::Compiled;
use crate::engine::game::{available, step};
use crate::engine::rng::{Purpose, stream};
use crate::engine::state::State;
use crate::engine::trace::Trace;
use crate::scoring::total::total;

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
    s.ending.map(|_| total(c, &s))
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

/// A rehearsal trainee's line for a classroom: random choices that try to stay in the deal (a
/// choice that ends it is taken only after a few others were tried, or late), and now and
/// then a read of a person. Each line comes with the points its move scored, as a trainee's
/// game would send them. `who` picks the trainee: the same `who` gives the same line.
pub fn rehearsal_line(c: &std::sync::Arc<Compiled>, seed: u64, who: u64) -> Vec<(String, i64)> {
    guided_line(c, seed, who, &[], 0.0)
}

/// [`rehearsal_line`] of a trainee who, where a move of `guide` (the expert line, say) is on
/// offer, takes it with probability `skill` (0–1): a class with a spread of results.
pub fn guided_line(
    c: &std::sync::Arc<Compiled>,
    seed: u64,
    who: u64,
    guide: &[String],
    skill: f64,
) -> Vec<(String, i64)> {
    use crate::engine::{Game, Read};
    let mut rng = stream(who, 1, Purpose::Playout);
    let mut g = Game::new(c.clone(), seed);
    let mut out = Vec::new();
    while !g.is_over() && out.len() < 400 {
        if rng.random_range(0..6) == 0 {
            let people = &c.stakeholders.names;
            let person = &people[rng.random_range(0..people.len())];
            let line = format!("read {person} influence={}", rng.random_range(0..=5));
            if let Ok(r) = Read::parse(&line) {
                g.set_read(r);
                out.push((line, 0));
            }
            continue;
        }
        let ids: Vec<String> = g.available_ids().iter().map(|s| s.to_string()).collect();
        if ids.is_empty() {
            break;
        }
        let mut id = ids[rng.random_range(0..ids.len())].clone();
        let wise = guide.iter().find(|g| ids.contains(g) && !g.is_empty());
        if let Some(w) = wise
            && rng.random_range(0.0..1.0) < skill
        {
            id = w.clone();
        }
        for _ in 0..6 {
            if wise == Some(&id) {
                break;
            }
            let mut probe = g.clone();
            if probe.choose(&id).is_ok() && (!probe.is_over() || out.len() > 40) {
                break;
            }
            id = ids[rng.random_range(0..ids.len())].clone();
        }
        let Ok(m) = g.choose(&id) else { break };
        let points = m.deltas.iter().map(|d| i64::from(d.points)).sum();
        out.push((id, points));
    }
    out
}
