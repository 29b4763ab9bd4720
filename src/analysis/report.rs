//! `analyze`: exhaustive exploration of every variant (in parallel, merged in variant order so
//! the report is the same on one core or sixteen), the traps and what they cost, the expert
//! lines, the forced moves, unreachable content, and random playouts.

use std::collections::BTreeMap;
use std::sync::atomic::AtomicUsize;
use web_time::Instant;

use serde::Serialize;

use super::explore::{DeadEnd, Exploration, Forced, Limits, Line, Stop, explore_seeds};
use super::playouts::{Distribution, playouts};
use crate::case::model::Outcome;
use crate::engine::compile::Compiled;
use crate::engine::state::State;

/// A named mistake or trap, over every variant.
#[derive(Debug, Clone, Serialize)]
pub struct TrapReport {
    pub id: String,
    pub kind: &'static str,
    /// The best total of a line containing it, with the analysed seed.
    pub best_total: f64,
    pub best_outcome: Option<Outcome>,
    pub best_ending: Option<String>,
    /// Whether any line containing it can win outright, in any variant.
    pub wins_possible: bool,
    /// The best chance of winning outright with it, over the variants (percent).
    pub best_win_chance: f64,
    /// What it costs at least: the expert line's total less the best total with the trap,
    /// the smallest over the variants where it can happen.
    pub cost: f64,
    /// Variants in which some line makes it.
    pub variants: usize,
    /// A line that makes it and reaches `best_total` (analysed seed; else the first variant).
    pub line: Vec<String>,
}

/// A best line, and the variants it is best in.
#[derive(Debug, Clone, Serialize)]
pub struct ExpertLine {
    pub variants: Vec<String>,
    pub seed: u64,
    pub score: f64,
    pub outcome: Option<Outcome>,
    pub win_chance: Option<f64>,
    pub line: Vec<String>,
}

/// One variant's exploration in brief.
#[derive(Debug, Clone, Serialize)]
pub struct VariantRun {
    pub variant: Option<String>,
    pub seed: u64,
    pub states: usize,
    pub exhaustive: bool,
    pub stopped: Option<Stop>,
    pub best: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Analysis {
    pub case: String,
    pub seed: u64,
    pub variant: Option<String>,
    pub states: usize,
    pub exhaustive: bool,
    /// Why the analysed seed's exploration stopped early, if it did.
    pub stopped: Option<Stop>,
    pub best: Option<Line>,
    pub worst: Option<Line>,
    pub endings: BTreeMap<String, usize>,
    pub dead_ends: Vec<DeadEnd>,
    /// Scenes (`scene:id`) and choices (`choice:id`) no seed's variant can ever reach.
    pub unreachable: Vec<String>,
    pub traps: Vec<TrapReport>,
    /// Moves of the analysed seed's expert line where only one choice was on offer.
    pub forced_moves: Vec<Forced>,
    /// Share of the expert line's moves that offered two or more choices (percent).
    pub real_choices: f64,
    /// The distinct best lines across the variants.
    pub expert_lines: Vec<ExpertLine>,
    pub variants: Vec<VariantRun>,
    /// States of all variants together, and the visited sets' peak size in bytes.
    pub states_total: usize,
    pub bytes: usize,
    /// Distinct states per scene with the analysed seed.
    pub per_scene: BTreeMap<String, usize>,
    /// Chance that any two states of this analysis shared a 64-bit fingerprint.
    pub collision_probability: f64,
    /// What the author should know that is not an error: a best line that wins by luck, a
    /// time-out that can never come.
    pub warnings: Vec<String>,
    pub playouts: Option<Distribution>,
    pub elapsed_ms: u64,
}

/// One seed per variant (the first that picks it), so every variant is analysed.
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

/// Bounds and knobs of an analysis.
#[derive(Debug, Clone, Copy)]
pub struct Options<'a> {
    pub playouts: usize,
    pub max_states: usize,
    /// Memory bound of each pass of an exploration (at most `threads` passes run at once,
    /// beside the best passes of at most `threads` explorations).
    pub max_bytes: usize,
    pub deadline: Option<Instant>,
    /// Threads the explorations' passes run on (1: this thread). The report is the same.
    pub threads: usize,
    pub progress: Option<&'a AtomicUsize>,
}

impl Default for Options<'_> {
    fn default() -> Self {
        Options {
            playouts: 1000,
            max_states: super::explore::DEFAULT_STATE_CAP,
            max_bytes: super::explore::DEFAULT_MAX_BYTES,
            deadline: None,
            threads: std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(1),
            progress: None,
        }
    }
}

pub fn analyze(
    c: &Compiled,
    seed: u64,
    n_playouts: usize,
    cap: usize,
    tick: impl FnMut(),
) -> Analysis {
    analyze_with(
        c,
        seed,
        Options {
            playouts: n_playouts,
            max_states: cap,
            ..Options::default()
        },
        tick,
    )
}

pub fn analyze_with(c: &Compiled, seed: u64, o: Options, mut tick: impl FnMut()) -> Analysis {
    let started = Instant::now();
    let seeds = variant_seeds(c, seed);
    // The memory bound holds for each pass on its own (at most `threads` passes and
    // `threads` explorations' best tables at once): a share of it per thread would make where
    // the bound stops a pass, and so the report, depend on the number of threads.
    let limits = Limits {
        max_states: o.max_states,
        max_bytes: o.max_bytes,
        deadline: o.deadline,
        progress: o.progress,
    };
    let runs: Vec<Exploration> = explore_seeds(c, &seeds, limits, o.threads);
    let main = &runs[0];
    let variant_of = |s: u64| {
        State::start(c, s)
            .variant
            .map(|v| c.variants.names[v as usize].clone())
    };
    let mut taken = vec![false; c.choices.len()];
    let mut seen = vec![false; c.scenes.len()];
    let mut dead_ends: Vec<DeadEnd> = Vec::new();
    for ex in &runs {
        for (t, x) in taken.iter_mut().zip(&ex.taken) {
            *t |= x;
        }
        for (t, x) in seen.iter_mut().zip(&ex.scenes_seen) {
            *t |= x;
        }
        for d in &ex.dead_ends {
            if !dead_ends.contains(d) && dead_ends.len() < 50 {
                dead_ends.push(d.clone());
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
    let traps = merge_traps(&runs);
    let mut expert_lines: Vec<ExpertLine> = Vec::new();
    for (ex, &s) in runs.iter().zip(&seeds) {
        let Some(b) = &ex.best else { continue };
        let v = variant_of(s).unwrap_or_else(|| "-".into());
        match expert_lines.iter_mut().find(|e| e.line == b.line) {
            Some(e) => {
                if !e.variants.contains(&v) {
                    e.variants.push(v)
                }
            }
            None => expert_lines.push(ExpertLine {
                variants: vec![v],
                seed: s,
                score: b.score,
                outcome: b.outcome,
                win_chance: b.win_chance,
                line: b.line.clone(),
            }),
        }
    }
    let real_choices = match &main.best {
        Some(b) if !b.line.is_empty() => {
            let n = b.line.len() as f64;
            ((n - main.forced.len() as f64) / n * 1000.0).round() / 10.0
        }
        _ => 0.0,
    };
    let playouts = if o.playouts > 0 {
        playouts(c, seed, o.playouts, &mut tick)
    } else {
        None
    };
    let states_total: usize = runs.iter().map(|r| r.states).sum();
    let n = states_total as f64;
    let mut warnings = Vec::new();
    for e in &expert_lines {
        if e.outcome == Some(Outcome::Won)
            && let Some(p) = e.win_chance
            && p < 50.0
        {
            warnings.push(format!(
                "the best line in {} wins with only a {p:.0}% chance: this seed's draw falls its way, another seed most likely loses; make the deal winnable (who backs whom, the decision's weights) or accept a gamble",
                e.variants.join(", ")
            ));
        }
        for r in crate::analysis::luck::rolls(c, e.seed, &e.line, 50) {
            warnings.push(format!(
                "the best line in {} (seed {}) counts on a {}% roll: move {} `{}` takes its branch {} only because this seed's roll falls that way; with most other seeds that branch is not taken, so make the line good without it (or raise the chance)",
                e.variants.join(", "),
                e.seed,
                r.percent,
                r.turn,
                r.choice,
                r.branch + 1
            ));
        }
    }
    let timeout = &c.case.calendar.timeout_ending;
    if runs.iter().all(|r| r.exhaustive) && runs.iter().all(|r| !r.endings.contains_key(timeout)) {
        warnings.push(format!(
            "the time-out `{timeout}` can never happen: every line ends before week {} is over",
            c.case.calendar.weeks
        ));
    }
    Analysis {
        case: c.case.id.clone(),
        seed,
        variant: variant_of(seed),
        states: main.states,
        exhaustive: runs.iter().all(|r| r.exhaustive),
        stopped: main.stopped,
        best: main.best.clone(),
        worst: main.worst.clone(),
        endings: main.endings.clone(),
        dead_ends,
        unreachable,
        traps,
        forced_moves: main.forced.clone(),
        real_choices,
        expert_lines,
        variants: runs
            .iter()
            .zip(&seeds)
            .map(|(r, &s)| VariantRun {
                variant: variant_of(s),
                seed: s,
                states: r.states,
                exhaustive: r.exhaustive,
                stopped: r.stopped,
                best: r.best.as_ref().map(|b| b.score),
            })
            .collect(),
        states_total,
        bytes: runs.iter().map(|r| r.bytes).sum(),
        per_scene: main.per_scene.clone(),
        collision_probability: n * n / 2f64.powi(65),
        warnings,
        playouts,
        elapsed_ms: started.elapsed().as_millis() as u64,
    }
}

/// Traps over every variant: the analysed seed's figures, the cost measured in each
/// variant against its own expert line, and whether any variant lets a line with it win.
fn merge_traps(runs: &[Exploration]) -> Vec<TrapReport> {
    let mut out: Vec<TrapReport> = Vec::new();
    for ex in runs {
        let expert = ex.best.as_ref().map(|b| b.score).unwrap_or(0.0);
        for t in &ex.traps {
            let cost = ((expert - t.best_total) * 10.0).round() / 10.0;
            match out.iter_mut().find(|r| r.id == t.id) {
                Some(r) => {
                    r.wins_possible |= t.wins_possible;
                    r.best_win_chance = r.best_win_chance.max(t.best_win_chance);
                    r.cost = r.cost.min(cost);
                    r.variants += 1;
                }
                None => out.push(TrapReport {
                    id: t.id.clone(),
                    kind: t.kind,
                    best_total: t.best_total,
                    best_outcome: t.best_outcome,
                    best_ending: t.best_ending.clone(),
                    wins_possible: t.wins_possible,
                    best_win_chance: t.best_win_chance,
                    cost,
                    variants: 1,
                    line: t.line.clone(),
                }),
            }
        }
    }
    out
}
