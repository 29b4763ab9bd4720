//! The explorations of a case's variants, their passes spread over threads.
//!
//! One exploration is a best pass, then passes that read what it found: the reach pass (when
//! the best pass left out a state that could steer elsewhere), one pass for each mistake or
//! trap some line makes (those the reach pass saw, when it ran), and the worst pass. Each pass
//! is deterministic on its own, so the passes may run on any thread in any order: the report
//! is put together from their results in the order one thread would have taken them (a pass
//! stopped by a limit ends the list of traps there and leaves the worst line to sampling),
//! and is the same, byte for byte, on one thread or sixteen.
//!
//! Memory: at most `threads` explorations are under way at once (each holding its best pass's
//! table until it is reported), and at most `threads` passes run at once, each within the
//! memory bound on its own; the same bound as explorations run whole, one per thread.

use std::sync::{Condvar, Mutex, RwLock};

use crate::case::model::Mistake;
use crate::engine::compile::Compiled;
use crate::engine::state::State;

use super::Aim;
use super::{
    DeadEnd, Exploration, Explorer, Limits, Line, SAMPLED_PLAYOUTS, Stop, Trap, trap_kind,
};

/// Past this many states in the best pass, the worst line is sampled (it rarely needs more,
/// and a second full search would double the time of every analysis).
const WORST_PASS_UP_TO: usize = 300_000;

/// What the reach pass found (its table is dropped as soon as it ends).
struct ReachRun {
    states: usize,
    bytes: usize,
    stopped: Option<Stop>,
    made: u64,
    endings: std::collections::BTreeMap<crate::engine::compile::Ix, usize>,
    dead_ends: Vec<DeadEnd>,
    taken: Vec<bool>,
    scenes_seen: Vec<bool>,
}

/// What the passes of one mistake or trap found.
struct TrapRun {
    bit: u32,
    /// The most states either of its passes visited, and its best-total pass's bytes.
    states: usize,
    bytes: usize,
    stopped: Option<Stop>,
    /// None when a limit stopped one of its passes.
    trap: Option<Trap>,
}

struct WorstRun {
    states: usize,
    bytes: usize,
    /// The worst line, when the pass saw everything within its cap.
    line: Option<Line>,
}

enum Task {
    Best(usize),
    Reach(usize),
    Trap(usize, u32),
    Worst(usize),
    Report(usize),
}

/// One variant's exploration: its start, its best pass once done (read by the other passes
/// at once), and what they found.
struct Run<'c> {
    start: State,
    best: RwLock<Option<Explorer<'c>>>,
}

#[derive(Default)]
struct Found {
    reach: Option<ReachRun>,
    traps: Vec<TrapRun>,
    worst: Option<WorstRun>,
}

/// The work still to do, under one lock.
struct Board {
    /// Tasks ready to run, taken most urgent first (see `Task::urgency`), and how many were
    /// ever queued (ties go to the first queued).
    queue: Vec<(Urgency, Task)>,
    queued: usize,
    /// Tasks of each run not yet finished (the run is reported when none is left).
    pending: Vec<usize>,
    found: Vec<Found>,
    reports: Vec<Option<Exploration>>,
    /// States of each run's best pass, once done: how long its other passes may take.
    sizes: Vec<usize>,
    /// Memory each run's best pass holds: the memory bound while it runs, its table's bytes
    /// once done, nothing once reported.
    held: Vec<usize>,
    /// The memory bound of one pass, and what the best passes held at once may take.
    max_bytes: usize,
    budget: usize,
    /// Runs started (in order) and runs under way.
    started: usize,
    under_way: usize,
    reported: usize,
    /// A pass panicked: the others stop waiting (the panic then reaches the caller).
    failed: bool,
}

/// Explore each seed (one per variant) on up to `threads` threads; the reports in the seeds'
/// order.
pub fn explore_seeds<'c>(
    c: &'c Compiled,
    seeds: &[u64],
    limits: Limits<'c>,
    threads: usize,
) -> Vec<Exploration> {
    let runs: Vec<Run<'c>> = seeds
        .iter()
        .map(|&seed| Run {
            start: State::start(c, seed),
            best: RwLock::new(None),
        })
        .collect();
    let threads = threads.max(1);
    let mut board = Board {
        queue: Vec::new(),
        queued: 0,
        pending: vec![0; runs.len()],
        found: (0..runs.len()).map(|_| Found::default()).collect(),
        reports: (0..runs.len()).map(|_| None).collect(),
        sizes: vec![0; runs.len()],
        held: vec![0; runs.len()],
        max_bytes: limits.max_bytes,
        budget: limits.max_bytes.saturating_mul(threads),
        started: 0,
        under_way: 0,
        reported: 0,
        failed: false,
    };
    start_runs(&mut board);
    let shared = (Mutex::new(board), Condvar::new());
    let work = || worker(c, limits, &runs, &shared);
    if threads == 1 || runs.is_empty() {
        work();
    } else {
        std::thread::scope(|scope| {
            for _ in 1..threads {
                scope.spawn(work);
            }
            work();
        });
    }
    let board = shared.0.into_inner().unwrap_or_else(|p| p.into_inner());
    board.reports.into_iter().flatten().collect()
}

/// Start runs while what their best passes hold stays within `threads` memory bounds (a
/// best pass under way counted at the bound): every run's best pass comes first when they
/// are small, so its size can order the longer passes that follow (see `Task::urgency`).
fn start_runs(b: &mut Board) {
    while b.started < b.pending.len() {
        let held = b.held.iter().fold(0usize, |a, &h| a.saturating_add(h));
        if b.under_way > 0 && held.saturating_add(b.max_bytes) > b.budget {
            break;
        }
        let v = b.started;
        b.started += 1;
        b.under_way += 1;
        b.pending[v] = 1;
        b.held[v] = b.max_bytes;
        b.queue(Task::Best(v));
    }
}

/// How urgent a task is: reports first (they free a best pass's table), then best passes
/// (the rest waits on them), then the passes of the run with the largest best pass, reach
/// passes (the longest) before worst passes before traps. Longest first keeps the last
/// thread busy alone as briefly as can be.
type Urgency = (u8, usize, std::cmp::Reverse<usize>);

impl Board {
    fn queue(&mut self, task: Task) {
        let class = match task {
            Task::Report(_) => 4,
            Task::Best(_) => 3,
            Task::Reach(_) => 2,
            Task::Worst(_) => 1,
            Task::Trap(..) => 0,
        };
        let size = self.sizes[task.run()];
        self.queue
            .push(((class, size, std::cmp::Reverse(self.queued)), task));
        self.queued += 1;
    }

    fn next(&mut self) -> Option<Task> {
        let i = (0..self.queue.len()).max_by_key(|&i| self.queue[i].0)?;
        Some(self.queue.swap_remove(i).1)
    }
}

/// Marks the board failed if its thread unwinds, so no other thread waits for its task.
struct OnPanic<'a>(&'a (Mutex<Board>, Condvar));

impl Drop for OnPanic<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            let mut b = self.0.0.lock().unwrap_or_else(|p| p.into_inner());
            b.failed = true;
            self.0.1.notify_all();
        }
    }
}

fn worker<'c>(
    c: &'c Compiled,
    limits: Limits<'c>,
    runs: &[Run<'c>],
    shared: &(Mutex<Board>, Condvar),
) {
    let _guard = OnPanic(shared);
    let (lock, wake) = shared;
    let mut b = lock.lock().unwrap_or_else(|p| p.into_inner());
    loop {
        if b.failed || b.reported == runs.len() {
            wake.notify_all();
            return;
        }
        let Some(task) = b.next() else {
            b = wake.wait(b).unwrap_or_else(|p| p.into_inner());
            continue;
        };
        let v = task.run();
        // The report takes what the passes found (they are all done by then).
        let found = match task {
            Task::Report(_) => std::mem::take(&mut b.found[v]),
            _ => Found::default(),
        };
        drop(b);
        let done = run_task(c, limits, &runs[v], task, found);
        b = lock.lock().unwrap_or_else(|p| p.into_inner());
        let mut follow = Vec::new();
        match done {
            Done::Best {
                then,
                states,
                bytes,
            } => {
                follow = then;
                b.sizes[v] = states;
                b.held[v] = bytes;
                start_runs(&mut b);
            }
            Done::Reach(r) => {
                if r.stopped.is_none() {
                    follow = trap_tasks(v, r.made);
                }
                b.found[v].reach = Some(r);
            }
            Done::Trap(t) => b.found[v].traps.push(t),
            Done::Worst(w) => b.found[v].worst = Some(w),
            Done::Report(r) => {
                b.reports[v] = Some(*r);
                b.reported += 1;
                b.under_way -= 1;
                b.held[v] = 0;
                start_runs(&mut b);
                wake.notify_all();
                continue;
            }
        }
        b.pending[v] = b.pending[v] - 1 + follow.len();
        for t in follow {
            b.queue(t);
        }
        if b.pending[v] == 0 {
            b.queue(Task::Report(v));
        }
        wake.notify_all();
    }
}

impl Task {
    /// The run it belongs to.
    fn run(&self) -> usize {
        match *self {
            Task::Best(v) | Task::Reach(v) | Task::Trap(v, _) | Task::Worst(v) => v,
            Task::Report(v) => v,
        }
    }
}

enum Done {
    /// The passes that follow it, and its size.
    Best {
        then: Vec<Task>,
        states: usize,
        bytes: usize,
    },
    Reach(ReachRun),
    Trap(TrapRun),
    Worst(WorstRun),
    Report(Box<Exploration>),
}

/// A pass for each mistake some line makes, in the order of their bits.
fn trap_tasks(v: usize, made: u64) -> Vec<Task> {
    let mut bits = made;
    let mut tasks = Vec::new();
    while bits != 0 {
        tasks.push(Task::Trap(v, bits.trailing_zeros()));
        bits &= bits - 1;
    }
    tasks
}

fn debug() -> bool {
    std::env::var_os("DEALCRAFT_DEBUG_EXPLORE").is_some()
}

fn run_task<'c>(
    c: &'c Compiled,
    limits: Limits<'c>,
    run: &Run<'c>,
    task: Task,
    found: Found,
) -> Done {
    let start = &run.start;
    let t0 = web_time::Instant::now();
    match task {
        Task::Best(v) => {
            let mut ex = Explorer::new(c, limits, Aim::Best, None);
            ex.run(start);
            if debug() {
                eprintln!(
                    "best pass: {} states, {:?}, {:?}",
                    ex.table.len(),
                    ex.stopped,
                    t0.elapsed()
                );
            }
            let mut follow = Vec::new();
            if ex.stopped.is_none() {
                if ex.lossy {
                    follow.push(Task::Reach(v));
                } else {
                    follow = trap_tasks(v, ex.made);
                }
                if ex.merged && ex.table.len() <= WORST_PASS_UP_TO {
                    follow.push(Task::Worst(v));
                }
            }
            let (states, bytes) = (ex.table.len(), ex.bytes);
            *run.best.write().unwrap_or_else(|p| p.into_inner()) = Some(ex);
            Done::Best {
                then: follow,
                states,
                bytes,
            }
        }
        Task::Reach(_) => {
            let mut rx = Explorer::new(c, limits, Aim::Reach, None);
            rx.run(start);
            if debug() {
                eprintln!(
                    "reach pass: {} states, {:?}, {:?}",
                    rx.table.len(),
                    rx.stopped,
                    t0.elapsed()
                );
            }
            Done::Reach(ReachRun {
                states: rx.table.len(),
                bytes: rx.bytes,
                stopped: rx.stopped,
                made: rx.made,
                endings: rx.endings,
                dead_ends: rx.dead_ends,
                taken: rx.taken,
                scenes_seen: rx.scenes_seen,
            })
        }
        Task::Trap(_, bit) => {
            let best = run.best.read().unwrap_or_else(|p| p.into_inner());
            let bounds = &best.as_ref().expect("the best pass runs first").table;
            Done::Trap(trap_pass(c, limits, start, bounds, bit))
        }
        Task::Worst(_) => {
            let best_states = run
                .best
                .read()
                .unwrap_or_else(|p| p.into_inner())
                .as_ref()
                .map_or(0, |ex| ex.table.len());
            // Past a few times the best pass's size the worst line is sampled instead (the
            // rest of the report stays exhaustive).
            let wl = Limits {
                max_states: limits
                    .max_states
                    .min(best_states.saturating_mul(4).max(50_000)),
                ..limits
            };
            let mut wx = Explorer::new(c, wl, Aim::Worst, None);
            wx.run(start);
            if debug() {
                eprintln!(
                    "worst pass: {} states, {:?}, {:?}",
                    wx.table.len(),
                    wx.stopped,
                    t0.elapsed()
                );
            }
            Done::Worst(WorstRun {
                states: wx.table.len(),
                bytes: wx.bytes,
                line: if wx.stopped.is_none() {
                    wx.line(start, true)
                } else {
                    None
                },
            })
        }
        Task::Report(_) => {
            let ex = run
                .best
                .write()
                .unwrap_or_else(|p| p.into_inner())
                .take()
                .expect("the best pass runs first");
            Done::Report(Box::new(report(c, run, ex, found)))
        }
    }
}

/// The best line that makes one mistake or trap, and whether any line that makes it wins.
fn trap_pass(
    c: &Compiled,
    limits: Limits<'_>,
    start: &State,
    bounds: &super::Table,
    bit: u32,
) -> TrapRun {
    let t0 = web_time::Instant::now();
    let mut tx = Explorer::new(c, limits, Aim::Trap(1u64 << bit), Some(bounds));
    tx.run(start);
    if debug() {
        eprintln!(
            "trap {} pass: {} states, {:?}",
            c.trap_name(bit),
            tx.table.len(),
            t0.elapsed()
        );
    }
    let mut out = TrapRun {
        bit,
        states: tx.table.len(),
        bytes: tx.bytes,
        stopped: tx.stopped,
        trap: None,
    };
    if out.stopped.is_some() {
        return out;
    }
    let line = tx.line(start, false);
    let mut win = line.as_ref().and_then(|l| l.win_chance).unwrap_or(0.0) / 100.0;
    // A late exit is made by walking away: no line that makes it wins.
    if win <= 0.0 && bit != Mistake::LateExit as u32 {
        // Does any line that makes it win at all? A search that stops at the first.
        let mut wx = Explorer::new(c, limits, Aim::TrapWin(1u64 << bit), Some(bounds));
        wx.run(start);
        if debug() {
            eprintln!("  can it win: {} states, {}", wx.table.len(), wx.found);
        }
        out.states = out.states.max(wx.table.len());
        if wx.stopped.is_some() {
            out.stopped = wx.stopped;
            return out;
        }
        if wx.found {
            win = wx.incumbent.1 as f64;
        }
    }
    out.trap = Some(Trap {
        id: c.trap_name(bit),
        kind: trap_kind(bit),
        best_total: line.as_ref().map(|l| l.score).unwrap_or(0.0),
        best_outcome: line.as_ref().and_then(|l| l.outcome),
        best_ending: line.as_ref().and_then(|l| l.ending.clone()),
        best_win_chance: (win * 1000.0).round() / 10.0,
        wins_possible: win > 0.0,
        lines: tx.endings.values().sum(),
        line: line.map(|l| l.line).unwrap_or_default(),
    });
    out
}

/// One variant's report from its passes, taken in the order one thread runs them.
fn report<'c>(
    c: &'c Compiled,
    run: &Run<'c>,
    mut ex: Explorer<'c>,
    mut found: Found,
) -> Exploration {
    let start = &run.start;
    let stopped = ex.stopped;
    let (best, mut worst) = if stopped.is_none() {
        (ex.line(start, false), None)
    } else {
        ex.sample(start, SAMPLED_PLAYOUTS)
    };
    let forced = best
        .as_ref()
        .map(|b| ex.forced(start, &b.line))
        .unwrap_or_default();
    let mut states = ex.table.len();
    let mut bytes = ex.bytes;
    let mut stopped_later = None;
    if let Some(r) = found.reach {
        states = states.max(r.states);
        bytes = bytes.max(ex.bytes + r.bytes);
        stopped_later = r.stopped;
        if r.stopped.is_none() {
            ex.made = r.made;
            ex.endings = r.endings;
            ex.dead_ends = r.dead_ends;
            ex.taken = r.taken;
            ex.scenes_seen = r.scenes_seen;
        }
    }
    let mut traps: Vec<Trap> = Vec::new();
    found.traps.sort_by_key(|t| t.bit);
    for t in found.traps {
        if stopped_later.is_some() {
            break;
        }
        states = states.max(t.states);
        bytes = bytes.max(ex.bytes + t.bytes);
        stopped_later = t.stopped;
        traps.extend(t.trap);
    }
    let mut worst_exact = false;
    if stopped.is_none() && !ex.merged {
        // The best pass left no state out for another (nothing was at least as good with the
        // same future): it visited every state, and the worst values it folded are exact.
        worst = ex.line(start, true);
        worst_exact = true;
    } else if let Some(w) = found.worst
        && stopped_later.is_none()
    {
        worst_exact = w.line.is_some();
        worst = w.line;
        states = states.max(w.states);
        // The best pass's table is still held (its values guide the sampling).
        bytes = bytes.max(ex.bytes + w.bytes);
    }
    if worst.is_none() {
        worst = ex.sample(start, SAMPLED_PLAYOUTS).1;
    }
    let stopped = stopped.or(stopped_later);
    let n = states as f64;
    Exploration {
        states,
        exhaustive: stopped.is_none(),
        stopped,
        best,
        worst,
        worst_exact,
        endings: ex
            .endings
            .iter()
            .map(|(&e, &k)| (c.endings.names[e as usize].clone(), k))
            .collect(),
        dead_ends: ex.dead_ends,
        traps,
        forced,
        bytes,
        per_scene: ex
            .scene_states
            .iter()
            .enumerate()
            .filter(|(_, n)| **n > 0)
            .map(|(i, &n)| (c.scenes.names[i].clone(), n))
            .collect(),
        collision_probability: n * n / 2f64.powi(65),
        taken: ex.taken,
        scenes_seen: ex.scenes_seen,
    }
}
