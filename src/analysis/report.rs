//! `analyze`: exploration for the chosen seed, unreachable content over every variant, and
//! the score distribution of random playouts.

use std::collections::BTreeMap;
use std::time::Instant;

use serde::Serialize;

use super::explore::{DeadEnd, Line, explore};
use super::playouts::{Distribution, playouts};
use crate::engine::compiled::Compiled;
use crate::engine::state::State;

#[derive(Debug, Clone, Serialize)]
pub struct Analysis {
    pub case: String,
    pub seed: u64,
    pub variant: Option<String>,
    pub states: usize,
    pub exhaustive: bool,
    pub best: Option<Line>,
    pub worst: Option<Line>,
    pub endings: BTreeMap<String, usize>,
    pub dead_ends: Vec<DeadEnd>,
    /// Scenes (`scene:id`) and choices (`choice:id`) no seed's variant can ever reach.
    pub unreachable: Vec<String>,
    pub playouts: Option<Distribution>,
    pub elapsed_ms: u64,
}

/// One seed per variant (the first that picks it), so unreachable content is judged over all.
pub fn variant_seeds(c: &Compiled, seed: u64) -> Vec<u64> {
    let mut seeds = vec![seed];
    let mut found = vec![false; c.variants.len()];
    if let Some(v) = State::start(c, seed).variant {
        found[v as usize] = true;
    }
    for s in 0..10_000u64 {
        if found.iter().all(|&f| f) {
            break;
        }
        if let Some(v) = State::start(c, s).variant
            && !found[v as usize]
        {
            found[v as usize] = true;
            seeds.push(s);
        }
    }
    seeds
}

pub fn analyze(
    c: &Compiled,
    seed: u64,
    n_playouts: usize,
    cap: usize,
    mut tick: impl FnMut(),
) -> Analysis {
    let started = Instant::now();
    let main = explore(c, seed, cap);
    let mut taken = main.taken.clone();
    let mut seen = main.scenes_seen.clone();
    let mut dead_ends = main.dead_ends.clone();
    let mut exhaustive = main.exhaustive;
    for other in variant_seeds(c, seed).into_iter().skip(1) {
        let ex = explore(c, other, cap);
        exhaustive &= ex.exhaustive;
        for (t, x) in taken.iter_mut().zip(&ex.taken) {
            *t |= x;
        }
        for (t, x) in seen.iter_mut().zip(&ex.scenes_seen) {
            *t |= x;
        }
        for d in ex.dead_ends {
            if !dead_ends.contains(&d) && dead_ends.len() < 50 {
                dead_ends.push(d);
            }
        }
    }
    let mut unreachable: Vec<String> = Vec::new();
    for (i, s) in seen.iter().enumerate() {
        if !s {
            unreachable.push(format!("scene:{}", c.scenes.names[i]));
        }
    }
    for (i, t) in taken.iter().enumerate() {
        let scene = c.cchoices[i].scene as usize;
        // A choice in a scene that is itself unreachable is already reported with its scene.
        if !t && seen[scene] {
            unreachable.push(format!("choice:{}", c.choices.names[i]));
        }
    }
    let playouts = if n_playouts > 0 {
        playouts(c, seed, n_playouts, &mut tick)
    } else {
        None
    };
    Analysis {
        case: c.case.id.clone(),
        seed,
        variant: State::start(c, seed)
            .variant
            .map(|v| c.variants.names[v as usize].clone()),
        states: main.states,
        exhaustive,
        best: main.best,
        worst: main.worst,
        endings: main.endings,
        dead_ends,
        unreachable,
        playouts,
        elapsed_ms: started.elapsed().as_millis() as u64,
    }
}
