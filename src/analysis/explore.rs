//! Exhaustive exploration of a case for one seed: every reachable state, visited once.
//!
//! Built like an explicit-state model checker (TLC, SPIN): a depth-first search on an explicit
//! stack (no recursion, so no case can overflow the thread's stack), a visited set that stores
//! 64-bit fingerprints of the states rather than the states, and bounds on states, memory and
//! time. What it finds for authors: the best and worst lines, the endings reached, dead ends,
//! unreachable content, and — for every mistake the engine names and every trap the author
//! tagged — the best any line containing it can do.

use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};
use std::time::Instant;

use serde::Serialize;

use crate::case::model::{FIRST_TRAP_BIT, Mistake, Outcome, ScoreKind};
use crate::engine::compile::{Compiled, Ix};
use crate::engine::game::{available_into, step};
use crate::engine::state::State;
use crate::engine::trace::Trace;
use crate::scoring::total::{Reads, score};

/// Stop exploring past this many distinct states (reported as `exhaustive: false`).
pub const DEFAULT_STATE_CAP: usize = 50_000_000;
/// Playouts of the guided sampling that follows a stopped exploration.
pub const SAMPLED_PLAYOUTS: u32 = 2_000;
/// Stop exploring when the visited set would take more than this.
pub const DEFAULT_MAX_BYTES: usize = 2 << 30;

/// Bounds on one exploration. Every one holds for any case.
#[derive(Debug, Clone, Copy)]
pub struct Limits<'a> {
    pub max_states: usize,
    pub max_bytes: usize,
    /// Wall-clock bound (the report then depends on the machine's speed, and says so).
    pub deadline: Option<Instant>,
    /// States explored so far, for a progress bar (updated every few thousand states).
    pub progress: Option<&'a std::sync::atomic::AtomicUsize>,
}

impl Default for Limits<'_> {
    fn default() -> Self {
        Limits {
            max_states: DEFAULT_STATE_CAP,
            max_bytes: DEFAULT_MAX_BYTES,
            deadline: None,
            progress: None,
        }
    }
}

impl Limits<'_> {
    pub fn states(max_states: usize) -> Limits<'static> {
        Limits {
            max_states,
            ..Limits::default()
        }
    }
}

/// Why an exploration stopped before it had seen everything.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stop {
    States,
    Memory,
    Time,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Line {
    pub score: f64,
    pub outcome: Option<Outcome>,
    pub ending: Option<String>,
    /// Our chance of winning outright when the customer decided on this line (percent).
    pub win_chance: Option<f64>,
    pub line: Vec<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DeadEnd {
    pub scene: String,
    pub line: Vec<String>,
}

/// The best a line containing one named mistake or trap can do.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Trap {
    pub id: String,
    /// `sequencing`, `conversation`, `burning_issue`, `insider`, `rank` or `authored`.
    pub kind: &'static str,
    pub best_total: f64,
    pub best_outcome: Option<Outcome>,
    pub best_ending: Option<String>,
    /// The best chance of winning outright of any line with it (percent).
    pub best_win_chance: f64,
    /// Whether any line with it can win outright at all.
    pub wins_possible: bool,
    /// Distinct final states whose line contains it.
    pub lines: usize,
    /// One line that contains it and reaches `best_total`.
    pub line: Vec<String>,
}

/// A move of the best line where the trainee had no alternative.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Forced {
    pub scene: String,
    pub choice: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Exploration {
    pub states: usize,
    pub exhaustive: bool,
    pub stopped: Option<Stop>,
    pub best: Option<Line>,
    pub worst: Option<Line>,
    /// Distinct final states per ending.
    pub endings: BTreeMap<String, usize>,
    pub dead_ends: Vec<DeadEnd>,
    pub traps: Vec<Trap>,
    /// Moves of the best line with a single choice on offer.
    pub forced: Vec<Forced>,
    /// Bytes the visited set took at its largest.
    pub bytes: usize,
    /// Chance that two different states share a fingerprint somewhere in this exploration
    /// (birthday bound for 64-bit fingerprints: n² / 2⁶⁵).
    pub collision_probability: f64,
    /// Choices taken somewhere in the tree (by index), for unreachable-content reports.
    #[serde(skip)]
    pub taken: Vec<bool>,
    #[serde(skip)]
    pub scenes_seen: Vec<bool>,
}

/// Keys are fingerprints already: hash them as they are.
#[derive(Default)]
struct Identity(u64);

impl Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ b as u64;
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type Visited = HashMap<u64, Entry, BuildHasherDefault<Identity>>;

/// What the explorer keeps per visited state: 32 bytes beside an 8-byte key.
#[derive(Clone, Copy, Debug)]
struct Entry {
    /// Best and worst final totals below (NaN: only dead ends below).
    best: f32,
    worst: f32,
    /// Best chance of winning outright below (0–1).
    win: f32,
    best_next: Ix,
    worst_next: Ix,
    /// The state this one was first reached from, and by which choice.
    parent: u64,
    via: Ix,
}

const NONE: Ix = Ix::MAX;

/// Values folded over a state's children.
#[derive(Clone, Copy)]
struct Acc {
    best: f32,
    worst: f32,
    win: f32,
    best_next: Ix,
    worst_next: Ix,
}

impl Acc {
    fn empty() -> Acc {
        Acc {
            best: f32::NAN,
            worst: f32::NAN,
            win: 0.0,
            best_next: NONE,
            worst_next: NONE,
        }
    }
    /// Fold in a child reached by `ix` (ties keep the earlier choice: deterministic).
    fn fold(&mut self, ix: Ix, e: &Entry) {
        if e.best.is_nan() {
            return;
        }
        if self.best.is_nan() || e.best > self.best {
            self.best = e.best;
            self.best_next = ix;
        }
        if self.worst.is_nan() || e.worst < self.worst {
            self.worst = e.worst;
            self.worst_next = ix;
        }
        self.win = self.win.max(e.win);
    }
}

struct Frame {
    state: State,
    fp: u64,
    options: Vec<Ix>,
    next: usize,
    acc: Acc,
    /// The choice that led here from the frame below.
    via: Ix,
}

/// Per-trap findings while exploring.
#[derive(Clone, Copy)]
struct TrapStat {
    best: f32,
    fp: u64,
    ending: Option<Ix>,
    win: f32,
    lines: usize,
}

/// Win chance of a final state: the decision's outright chance, or 1 for an authored win.
fn win_of(c: &Compiled, s: &State) -> f32 {
    match (s.decision, s.ending) {
        (Some(d), _) => d.chance as f32 / 1000.0,
        (None, Some(e)) if c.ending(e).outcome == Outcome::Won => 1.0,
        _ => 0.0,
    }
}

/// Bytes one visited state takes in the visited set.
pub fn entry_size() -> usize {
    entry_bytes()
}

fn entry_bytes() -> usize {
    // Key, value, and the hash table's control byte, at its load factor.
    (std::mem::size_of::<u64>() + std::mem::size_of::<Entry>() + 1) * 8 / 7
}

struct Explorer<'c> {
    c: &'c Compiled,
    limits: Limits<'c>,
    visited: Visited,
    endings: BTreeMap<Ix, usize>,
    dead_ends: Vec<DeadEnd>,
    traps: Vec<Option<TrapStat>>,
    taken: Vec<bool>,
    scenes_seen: Vec<bool>,
    stopped: Option<Stop>,
    buf: Vec<u8>,
    bytes: usize,
}

impl Explorer<'_> {
    fn over_limits(&mut self) -> bool {
        let n = self.visited.len();
        let cap = self.visited.capacity();
        if n >= self.limits.max_states {
            self.stopped = Some(Stop::States);
        } else if n + 1 > cap && (cap * 2).max(1024) * entry_bytes() > self.limits.max_bytes {
            // The table would have to grow past the memory bound to take one more state.
            self.stopped = Some(Stop::Memory);
        } else if n % 4096 == 0 {
            if let Some(p) = self.limits.progress {
                p.fetch_add(4096, std::sync::atomic::Ordering::Relaxed);
            }
            if let Some(d) = self.limits.deadline
                && Instant::now() >= d
            {
                self.stopped = Some(Stop::Time);
            }
        }
        self.stopped.is_some()
    }

    fn reserve(&mut self) {
        // Grow the table only while the grown table stays inside the memory bound.
        let cap = self.visited.capacity();
        if self.visited.len() + 1 > cap {
            let want = (cap * 2).max(1024);
            if want * entry_bytes() <= self.limits.max_bytes {
                self.visited.reserve(want - self.visited.len());
            }
        }
        self.bytes = self.bytes.max(self.visited.capacity() * entry_bytes());
    }

    /// A final state: its value, and what it tells about endings and traps.
    fn terminal(&mut self, s: &State, fp: u64) -> Entry {
        let total = score(self.c, s, Reads::Perfect).total as f32;
        let win = win_of(self.c, s);
        if let Some(e) = s.ending {
            *self.endings.entry(e).or_default() += 1;
        }
        let mut bits = s.mistakes;
        while bits != 0 {
            let b = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            let t = &mut self.traps[b];
            match t {
                Some(t) => {
                    t.lines += 1;
                    t.win = t.win.max(win);
                    if total > t.best {
                        t.best = total;
                        t.fp = fp;
                        t.ending = s.ending;
                    }
                }
                None => {
                    *t = Some(TrapStat {
                        best: total,
                        fp,
                        ending: s.ending,
                        win,
                        lines: 1,
                    })
                }
            }
        }
        Entry {
            best: total,
            worst: total,
            win,
            best_next: NONE,
            worst_next: NONE,
            parent: 0,
            via: NONE,
        }
    }

    fn run(&mut self, start: &State) -> u64 {
        let c = self.c;
        let root_fp = start.fingerprint(&mut self.buf);
        let mut frames: Vec<Frame> = Vec::new();
        let mut depth = 0usize;
        let mut t = Trace::quiet();
        // The root.
        self.scenes_seen[start.scene as usize] = true;
        if start.ending.is_some() {
            let e = self.terminal(start, root_fp);
            self.visited.insert(root_fp, e);
            return root_fp;
        }
        frames.push(Frame {
            state: start.clone(),
            fp: root_fp,
            options: Vec::new(),
            next: 0,
            acc: Acc::empty(),
            via: NONE,
        });
        available_into(c, start, &mut frames[0].options);
        if frames[0].options.is_empty() {
            self.dead_end(&frames, 0);
        }
        loop {
            let f = &mut frames[depth];
            if f.next < f.options.len() && self.stopped.is_none() {
                let ix = f.options[f.next];
                f.next += 1;
                self.taken[ix as usize] = true;
                if frames.len() <= depth + 1 {
                    let s = frames[depth].state.clone();
                    frames.push(Frame {
                        state: s,
                        fp: 0,
                        options: Vec::new(),
                        next: 0,
                        acc: Acc::empty(),
                        via: NONE,
                    });
                }
                let (lo, hi) = frames.split_at_mut(depth + 1);
                let parent = &mut lo[depth];
                let child = &mut hi[0];
                child.state.copy_from(&parent.state);
                t.informative = false;
                step(c, &mut child.state, ix, &mut t);
                let fp = child.state.fingerprint(&mut self.buf);
                if let Some(e) = self.visited.get(&fp) {
                    parent.acc.fold(ix, e);
                    continue;
                }
                if self.over_limits() {
                    continue;
                }
                self.reserve();
                self.scenes_seen[child.state.scene as usize] = true;
                if child.state.ending.is_some() {
                    let mut e = self.terminal(&hi[0].state, fp);
                    e.parent = lo[depth].fp;
                    e.via = ix;
                    lo[depth].acc.fold(ix, &e);
                    self.visited.insert(fp, e);
                    continue;
                }
                child.fp = fp;
                child.via = ix;
                child.next = 0;
                child.acc = Acc::empty();
                available_into(c, &child.state, &mut child.options);
                depth += 1;
                if frames[depth].options.is_empty() {
                    self.dead_end(&frames, depth);
                }
            } else {
                // Every child seen (or the exploration stopped): this state is done.
                let done = &frames[depth];
                let parent_fp = if depth > 0 { frames[depth - 1].fp } else { 0 };
                let e = Entry {
                    best: done.acc.best,
                    worst: done.acc.worst,
                    win: done.acc.win,
                    best_next: done.acc.best_next,
                    worst_next: done.acc.worst_next,
                    parent: parent_fp,
                    via: done.via,
                };
                // Once the limits stop the search, no state is complete: record nothing more.
                if self.stopped.is_none() {
                    self.visited.insert(done.fp, e);
                }
                if depth == 0 {
                    return root_fp;
                }
                let via = done.via;
                depth -= 1;
                frames[depth].acc.fold(via, &e);
            }
        }
    }

    fn dead_end(&mut self, frames: &[Frame], depth: usize) {
        if self.dead_ends.len() >= 50 {
            return;
        }
        self.dead_ends.push(DeadEnd {
            scene: self.c.scenes.names[frames[depth].state.scene as usize].clone(),
            line: frames[1..=depth]
                .iter()
                .map(|f| self.c.choices.names[f.via as usize].clone())
                .collect(),
        });
    }

    /// Follow the recorded best (or worst) choices from the start to an ending.
    fn line(&self, start: &State, best: bool) -> Option<Line> {
        let c = self.c;
        let mut s = start.clone();
        let mut ids = Vec::new();
        let mut buf = Vec::new();
        let mut t = Trace::quiet();
        for _ in 0..=self.visited.len() {
            if s.ending.is_some() {
                let sc = score(c, &s, Reads::Perfect);
                return Some(Line {
                    score: sc.total,
                    outcome: s.ending.map(|e| c.ending(e).outcome),
                    ending: s.ending.map(|e| c.endings.names[e as usize].clone()),
                    win_chance: s.decision.map(|d| d.chance as f64 / 10.0),
                    line: ids,
                });
            }
            let e = self.visited.get(&s.fingerprint(&mut buf))?;
            let ix = if best { e.best_next } else { e.worst_next };
            if ix == NONE {
                return None;
            }
            ids.push(c.choices.names[ix as usize].clone());
            step(c, &mut s, ix, &mut t);
        }
        None
    }

    /// The moves from the start to the state with fingerprint `fp`, by parent links.
    fn path_to(&self, root: u64, fp: u64) -> Vec<String> {
        let mut out = Vec::new();
        let mut cur = fp;
        for _ in 0..=self.visited.len() {
            if cur == root {
                break;
            }
            let Some(e) = self.visited.get(&cur) else {
                break;
            };
            if e.via == NONE {
                break;
            }
            out.push(self.c.choices.names[e.via as usize].clone());
            cur = e.parent;
        }
        out.reverse();
        out
    }

    /// Guided sampling, when the limits stopped the exhaustive search: playouts that follow
    /// the best child already valued where there is one and a seeded random one elsewhere.
    /// Finds good and bad lines and dead ends, without any claim to have seen everything.
    fn sample(&mut self, start: &State, playouts: u32) -> (Option<Line>, Option<Line>) {
        use rand::RngExt;
        let c = self.c;
        let mut best: Option<Line> = None;
        let mut worst: Option<Line> = None;
        let mut options = Vec::new();
        let mut buf = Vec::new();
        let mut t = Trace::quiet();
        let max_moves = c.choices.len() as u32 + c.case.calendar.weeks + 1;
        for i in 0..playouts {
            let mut rng = crate::engine::rng::stream(
                start.seed ^ 0x5a5a,
                i,
                crate::engine::rng::Purpose::Playout,
            );
            let mut s = start.clone();
            let mut ids: Vec<String> = Vec::new();
            let mut moves = 0;
            while s.ending.is_none() && moves < max_moves {
                available_into(c, &s, &mut options);
                if options.is_empty() {
                    if self.dead_ends.len() < 50 {
                        let d = DeadEnd {
                            scene: c.scenes.names[s.scene as usize].clone(),
                            line: ids.clone(),
                        };
                        if !self.dead_ends.contains(&d) {
                            self.dead_ends.push(d);
                        }
                    }
                    break;
                }
                // Half the playouts follow known values, the other half explore at random.
                let known = (i % 2 == 0)
                    .then(|| {
                        options
                            .iter()
                            .filter_map(|&ix| {
                                let mut n = s.clone();
                                step(c, &mut n, ix, &mut t);
                                self.visited
                                    .get(&n.fingerprint(&mut buf))
                                    .filter(|e| !e.best.is_nan())
                                    .map(|e| (e.best, ix))
                            })
                            .max_by(|a, b| a.0.total_cmp(&b.0))
                            .map(|(_, ix)| ix)
                    })
                    .flatten();
                let ix = known.unwrap_or_else(|| options[rng.random_range(0..options.len())]);
                self.taken[ix as usize] = true;
                ids.push(c.choices.names[ix as usize].clone());
                step(c, &mut s, ix, &mut t);
                self.scenes_seen[s.scene as usize] = true;
                moves += 1;
            }
            if s.ending.is_some() {
                let sc = score(c, &s, Reads::Perfect);
                let line = Line {
                    score: sc.total,
                    outcome: s.ending.map(|e| c.ending(e).outcome),
                    ending: s.ending.map(|e| c.endings.names[e as usize].clone()),
                    win_chance: s.decision.map(|d| d.chance as f64 / 10.0),
                    line: ids,
                };
                if best.as_ref().is_none_or(|b| line.score > b.score) {
                    best = Some(line.clone());
                }
                if worst.as_ref().is_none_or(|w| line.score < w.score) {
                    worst = Some(line);
                }
            }
        }
        (best, worst)
    }

    /// Moves of a line where only one choice was on offer.
    fn forced(&self, start: &State, line: &[String]) -> Vec<Forced> {
        let c = self.c;
        let mut s = start.clone();
        let mut out = Vec::new();
        let mut options = Vec::new();
        let mut t = Trace::quiet();
        for id in line {
            let Some(ix) = c.choices.get(id) else { break };
            available_into(c, &s, &mut options);
            if options.len() == 1 {
                out.push(Forced {
                    scene: c.scenes.names[s.scene as usize].clone(),
                    choice: id.clone(),
                });
            }
            step(c, &mut s, ix, &mut t);
        }
        out
    }
}

/// The kind of a mistake or trap bit, for the report.
pub fn trap_kind(bit: u32) -> &'static str {
    if bit >= FIRST_TRAP_BIT {
        return "authored";
    }
    let m = Mistake::ALL[bit as usize];
    match m.kind() {
        ScoreKind::BurningIssue => "burning_issue",
        ScoreKind::Insider => "insider",
        ScoreKind::Rank => "rank",
        ScoreKind::Sequencing => match m {
            Mistake::ClosedFirst
            | Mistake::EmptySummary
            | Mistake::PitchFirst
            | Mistake::PayoffFirst => "conversation",
            _ => "sequencing",
        },
    }
}

pub fn explore(c: &Compiled, seed: u64, cap: usize) -> Exploration {
    explore_with(c, seed, Limits::states(cap))
}

pub fn explore_with<'c>(c: &'c Compiled, seed: u64, limits: Limits<'c>) -> Exploration {
    let start = State::start(c, seed);
    let mut ex = Explorer {
        c,
        limits,
        visited: Visited::default(),
        endings: BTreeMap::new(),
        dead_ends: Vec::new(),
        traps: vec![None; 64],
        taken: vec![false; c.choices.len()],
        scenes_seen: vec![false; c.scenes.len()],
        stopped: None,
        buf: Vec::new(),
        bytes: 0,
    };
    let root = ex.run(&start);
    let (best, worst) = if ex.stopped.is_none() {
        (ex.line(&start, true), ex.line(&start, false))
    } else {
        ex.sample(&start, SAMPLED_PLAYOUTS)
    };
    let forced = best
        .as_ref()
        .map(|b| ex.forced(&start, &b.line))
        .unwrap_or_default();
    let traps = ex
        .traps
        .iter()
        .enumerate()
        .filter_map(|(bit, t)| {
            let t = t.as_ref()?;
            let bit = bit as u32;
            Some(Trap {
                id: c.trap_name(bit),
                kind: trap_kind(bit),
                best_total: t.best as f64,
                best_outcome: t.ending.map(|e| c.ending(e).outcome),
                best_ending: t.ending.map(|e| c.endings.names[e as usize].clone()),
                best_win_chance: (t.win as f64 * 1000.0).round() / 10.0,
                wins_possible: t.win > 0.0,
                lines: t.lines,
                line: ex.path_to(root, t.fp),
            })
        })
        .collect();
    let n = ex.visited.len() as f64;
    Exploration {
        states: ex.visited.len(),
        exhaustive: ex.stopped.is_none(),
        stopped: ex.stopped,
        best,
        worst,
        endings: ex
            .endings
            .iter()
            .map(|(&e, &k)| (c.endings.names[e as usize].clone(), k))
            .collect(),
        dead_ends: ex.dead_ends,
        traps,
        forced,
        bytes: ex.bytes,
        collision_probability: n * n / 2f64.powi(65),
        taken: ex.taken,
        scenes_seen: ex.scenes_seen,
    }
}
