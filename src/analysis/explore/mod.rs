//! Exhaustive exploration of a case for one seed: every reachable state, visited once.
//!
//! Built like an explicit-state model checker (TLC, SPIN): a depth-first search on an explicit
//! stack (no recursion, so no case can overflow the thread's stack), a visited set that stores
//! 64-bit fingerprints of the states rather than the states, and bounds on states, memory and
//! time. What it finds for authors: the best and worst lines, the endings reached, dead ends,
//! unreachable content, and — for every mistake the engine names and every trap the author
//! tagged — the best any line containing it can do.

use std::collections::BTreeMap;
use web_time::Instant;

use serde::Serialize;

use crate::case::model::{FIRST_TRAP_BIT, Mistake, Outcome, ScoreKind};
use crate::engine::compile::{Compiled, Ix};
use crate::engine::game::{available_into, step};
use crate::engine::relevance::Walk;
use crate::engine::state::{Gains, State};
use crate::engine::trace::Trace;
use crate::scoring::total::{Reads, score, total};

pub use super::visited::entry_size;
use super::visited::{Aim, Entry, NIL, NONE, Permille, Seen, Table};

mod passes;
mod sampling;

pub use passes::explore_seeds;

/// Stop exploring past this many distinct states (reported as `exhaustive: false`).
pub const DEFAULT_STATE_CAP: usize = 50_000_000;
/// Playouts of the guided sampling that follows a stopped exploration.
pub const SAMPLED_PLAYOUTS: u32 = 2_000;
/// Work all sampled playouts together may do, in 64-bit words of state copied (each move
/// copies the state once, and once per option it looks ahead at). The sampling runs after a
/// limit (states, memory, time) stopped the search, so it must be bounded by itself: a case
/// with thousands of moves per line and states of kilobytes would otherwise take minutes.
/// A count of work, not a clock, so the same case gives the same sample on any machine; on
/// the bundled cases it never binds (2,000 playouts of their length cost far less).
pub const SAMPLED_WORK: u64 = 40_000_000;
/// States the search for a game's expert line may visit (the game's, the classroom's).
pub const EXPERT_STATES: usize = 4_000_000;
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
    /// Whether the worst line was found exhaustively (else it was sampled).
    pub worst_exact: bool,
    /// Distinct final states per ending.
    pub endings: BTreeMap<String, usize>,
    pub dead_ends: Vec<DeadEnd>,
    pub traps: Vec<Trap>,
    /// Moves of the best line with a single choice on offer.
    pub forced: Vec<Forced>,
    /// Bytes the visited set took at its largest.
    pub bytes: usize,
    /// Distinct states in each scene: where a case's state space goes.
    pub per_scene: BTreeMap<String, usize>,
    /// Chance that two different states share a fingerprint somewhere in this exploration
    /// (birthday bound for 64-bit fingerprints: n² / 2⁶⁵).
    pub collision_probability: f64,
    /// Choices taken somewhere in the tree (by index), for unreachable-content reports.
    #[serde(skip)]
    pub taken: Vec<bool>,
    #[serde(skip)]
    pub scenes_seen: Vec<bool>,
}

/// Children of a state stepped and keyed at once (see `Heads::prefetch`): enough for the
/// lookups to overlap, few enough that the search stack stays small when a state has
/// thousands of choices (a case may have 10,000) and the line is thousands of moves deep.
const KIDS_AT_ONCE: usize = 8;

/// A child of a state on the stack, stepped and keyed before any of its siblings is looked
/// up (see `Heads::prefetch`).
struct Kid {
    state: State,
    ix: Ix,
    /// Its key in this pass (None: in a trap's pass, a state that has not made the trap and
    /// can no longer make it), and in the best pass.
    key: Option<u64>,
    best_key: u64,
    /// The mistakes it can still make.
    makes: u64,
    gains: Gains,
}

struct Frame {
    state: State,
    node: u32,
    /// The choice this state was reached by.
    via: Ix,
    /// The choices on offer (in a trap's pass, best first), and how many of them have been
    /// made into kids so far.
    options: Vec<Ix>,
    made: usize,
    /// Its children, `kids[..n_kids]`, up to `KIDS_AT_ONCE` of them (the rest is space kept
    /// from earlier states).
    kids: Vec<Kid>,
    n_kids: usize,
    next: usize,
    /// The node's upper bounds so far (see `Entry::ub`).
    ub: f32,
    ub_win: f32,
}

impl Frame {
    fn new(state: State) -> Frame {
        Frame {
            state,
            node: NIL,
            via: NONE,
            options: Vec::new(),
            made: 0,
            kids: Vec::new(),
            n_kids: 0,
            next: 0,
            ub: f32::NEG_INFINITY,
            ub_win: f32::NEG_INFINITY,
        }
    }

    /// Fold a child's upper bounds in: +∞ when the child is still open (a cycle).
    fn bound_by(&mut self, e: &Entry) {
        if e.ub.is_nan() {
            self.ub = f32::INFINITY;
            self.ub_win = f32::INFINITY;
        } else {
            self.ub = self.ub.max(e.ub);
            self.ub_win = self.ub_win.max(e.ub_win.get());
        }
    }
}

/// A search under way: its stack, where it is, and what it started from.
struct Search {
    start: State,
    frames: Vec<Frame>,
    depth: usize,
    t: Trace,
    done: bool,
}

/// Win chance of a final state: the decision's outright chance, or 1 for an authored win.
fn win_of(c: &Compiled, s: &State) -> f32 {
    match (s.decision, s.ending) {
        (Some(d), _) => d.chance as f32 / 1000.0,
        (None, Some(e)) if c.ending(e).outcome == Outcome::Won => 1.0,
        _ => 0.0,
    }
}

/// The gains that can still steer what happens, hashed (see `Aim::Reach`): the meters and
/// the competitors' standing while the customer has yet to decide, the funnel while a
/// spending mistake can still be made, the money left while a late exit can.
fn steering_gains(c: &Compiled, s: &State, g: &Gains, makes: u64) -> u64 {
    let mut h: u64 = 0x243F_6A88_85A3_08D3;
    if c.decision.is_some() && s.decision.is_none() && s.ending.is_none() {
        for (i, &x) in g.meters.iter().enumerate() {
            h ^= ((x as u64 + 1) << (i * 6)).wrapping_mul(0x5899_65CC_7537_4CC3);
        }
        for (i, &r) in g.rivals.iter().enumerate() {
            h ^= ((r as u64 + 1) << (i * 4)).wrapping_mul(0x8EBC_6AF0_9C88_C6E3);
        }
    }
    if makes & (Mistake::MoneyBeforeQualified.bit() | Mistake::InvestedEarly.bit()) != 0 {
        h ^= (g.funnel as u64 + 1).wrapping_mul(0xA076_1D64_78BD_642F);
    }
    if makes & Mistake::LateExit.bit() != 0 {
        h ^= (g.money_left as u64).wrapping_mul(0xE703_7ED1_A0B4_28DB);
    }
    h
}

/// The gains `bit`'s own rule reads, hashed: in that trap's pass they are compared as equal,
/// never as better, while the trap can still be made (a better value could keep the rule
/// from firing and hide the line that makes it).
fn frozen_gains(bit: u64, g: &Gains) -> u64 {
    let is = |m: Mistake| m.bit() == bit;
    let mut h: u64 = 0;
    if is(Mistake::MoneyBeforeQualified) || is(Mistake::InvestedEarly) {
        h ^= (g.funnel as u64 + 1).wrapping_mul(0xA076_1D64_78BD_642F);
    }
    if is(Mistake::LateExit) {
        h ^= (g.money_left as u64).wrapping_mul(0xE703_7ED1_A0B4_28DB);
    }
    if is(Mistake::WrongRank) {
        for (i, &r) in g.rivals.iter().enumerate() {
            h ^= ((r as u64 + 1) << (i * 4)).wrapping_mul(0x8EBC_6AF0_9C88_C6E3);
        }
        for (i, &x) in g.meters.iter().enumerate() {
            h ^= ((x as u64 + 1) << (i * 6)).wrapping_mul(0x5899_65CC_7537_4CC3);
        }
    }
    h
}

struct Explorer<'c> {
    c: &'c Compiled,
    limits: Limits<'c>,
    table: Table,
    /// The complete best pass, whose values bound what a trap's pass can still find.
    bounds: Option<&'c Table>,
    /// The best total and win chance found so far (in a trap's pass).
    incumbent: (f32, f32),
    endings: BTreeMap<Ix, usize>,
    dead_ends: Vec<DeadEnd>,
    taken: Vec<bool>,
    scenes_seen: Vec<bool>,
    scene_states: Vec<usize>,
    /// Mistakes some line makes (the best pass notes them).
    made: u64,
    /// A search for one line has found it.
    found: bool,
    /// The best pass left out a state for one covering it that differs in a gain that can
    /// still steer the future: what it saw may not be all that is reachable (`Aim::Reach`).
    lossy: bool,
    /// The pass left out a state for one covering it at all. When the best pass never did,
    /// it visited every state and its worst values are exact: no worst pass is needed.
    merged: bool,
    /// The mistakes the last state keyed can still make.
    makes: u64,
    stopped: Option<Stop>,
    walk: Walk,
    /// What the search stack may take (frames, each with its kids), counted in the memory
    /// bound with the table: a deep line of a wide case costs more than its states.
    stack_bytes: usize,
    /// What one frame may take: its state and kids (each about a state with its bit sets
    /// and people), and its list of choices on offer (at most a scene's).
    frame_bytes: usize,
    /// Where a trap's pass steps each choice to rank it.
    scratch: Option<State>,
    bytes: usize,
}

impl<'c> Explorer<'c> {
    fn new(c: &'c Compiled, limits: Limits<'c>, aim: Aim, bounds: Option<&'c Table>) -> Self {
        Explorer {
            c,
            limits,
            table: Table::new(aim),
            bounds,
            incumbent: (f32::NEG_INFINITY, -1.0),
            endings: BTreeMap::new(),
            dead_ends: Vec::new(),
            taken: vec![false; c.choices.len()],
            scenes_seen: vec![false; c.scenes.len()],
            scene_states: vec![0; c.scenes.len()],
            made: 0,
            found: false,
            lossy: false,
            merged: false,
            makes: 0,
            stopped: None,
            walk: Walk::default(),
            stack_bytes: 0,
            frame_bytes: {
                let w = c.words;
                let state = std::mem::size_of::<State>()
                    + 8 * (w.facts + w.flags + w.choices + w.events)
                    + c.stakeholders.len()
                        * std::mem::size_of::<crate::engine::state::PersonState>()
                    + c.competitors.len() * 8
                    + 4 * c.events.len()
                    + std::mem::size_of::<Kid>();
                let offer = c.scene_choices.iter().map(Vec::len).max().unwrap_or(0);
                (KIDS_AT_ONCE + 1) * state + offer * std::mem::size_of::<Ix>()
            },
            scratch: None,
            bytes: 0,
        }
    }

    /// A frame more on the search stack, in the memory bound.
    fn push_frame(&mut self, frames: &mut Vec<Frame>, start: &State) {
        frames.push(Frame::new(start.clone()));
        self.stack_bytes += self.frame_bytes;
    }

    fn aim(&self) -> Aim {
        self.table.aim
    }

    /// A state's key in this pass, and its key in the best pass (for bounds). The first is
    /// None in a trap's pass for a state that has not made the trap and can no longer make
    /// it. Sets `self.makes`.
    fn keys(&mut self, s: &State) -> (Option<u64>, u64) {
        let (fp, makes) = s.future_and_makes(self.c, &mut self.walk);
        self.makes = makes;
        if self.aim() == Aim::Reach {
            let steer = steering_gains(self.c, s, &s.gains(self.c), makes);
            return (Some(fp.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ steer), fp);
        }
        let (Aim::Trap(bit) | Aim::TrapWin(bit)) = self.aim() else {
            return (Some(fp), fp);
        };
        if s.mistakes & bit != 0 {
            return (Some(fp ^ 0x9E37_79B9_7F4A_7C15), fp);
        }
        if makes & bit == 0 {
            return (None, fp);
        }
        (
            Some(fp.wrapping_mul(0x100_0000_01B3) ^ frozen_gains(bit, &s.gains(self.c))),
            fp,
        )
    }

    /// In a trap's pass: whether nothing below this state can beat what is already found
    /// (the best pass's value of the state, or of one covering it, bounds what is below).
    fn hopeless(&self, best_key: u64, g: &Gains) -> bool {
        let Some(b) = self.bounds else { return false };
        // Not `best`, which folds only the children a node reached first and so can be
        // below what the state can reach (a child covered by a state elsewhere, a cycle):
        // the upper bounds. (-∞: no final state below at all.)
        match (self.aim(), b.bound(best_key, g)) {
            (Aim::Trap(_), Some(e)) => e.ub <= self.incumbent.0,
            (Aim::TrapWin(_), Some(e)) => e.ub_win.get() <= 0.0,
            _ => false,
        }
    }

    fn over_limits(&mut self, key: u64) -> bool {
        let n = self.table.len();
        if n >= self.limits.max_states {
            self.stopped = Some(Stop::States);
        } else if self.table.bytes_to_add(key) + self.stack_bytes > self.limits.max_bytes {
            // The tables would have to grow past the memory bound to take one more state.
            self.stopped = Some(Stop::Memory);
        } else if n.is_multiple_of(4096) {
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

    fn add(&mut self, key: u64, gains: Gains) -> u32 {
        let i = self.table.add(key, gains);
        self.bytes = self.bytes.max(self.table.bytes());
        i
    }

    /// A final state's value (NaN in a trap's pass when its line does not make the trap).
    fn terminal(&mut self, s: &State) -> Entry {
        let total = total(self.c, s) as f32;
        let win = win_of(self.c, s);
        match self.aim() {
            Aim::Trap(bit) | Aim::TrapWin(bit) if s.mistakes & bit == 0 => {
                return Entry {
                    ub: f32::NEG_INFINITY,
                    ub_win: Permille::of(f32::NEG_INFINITY),
                    ..Entry::OPEN
                };
            }
            Aim::TrapWin(_) => {
                if win > 0.0 {
                    self.incumbent.1 = win;
                    self.found = true;
                }
            }
            Aim::Trap(_) => {
                if total > self.incumbent.0 {
                    self.incumbent.0 = total;
                }
                self.incumbent.1 = self.incumbent.1.max(win);
                if let Some(e) = s.ending {
                    *self.endings.entry(e).or_default() += 1;
                }
            }
            Aim::Best | Aim::Reach => {
                if let Some(e) = s.ending {
                    *self.endings.entry(e).or_default() += 1;
                }
            }
            Aim::Worst => {}
        }
        Entry {
            best: total,
            worst: total,
            ub: total,
            win: Permille::of(win),
            ub_win: Permille::of(win),
            best_next: NONE,
            worst_next: NONE,
        }
    }

    fn node_entry(&self, i: u32) -> Entry {
        self.table.node(i).entry
    }

    fn entry_mut(&mut self, i: u32) -> &mut Entry {
        self.table.entry_mut(i)
    }

    /// What a trap's pass tries first: what the best pass says a child can still reach.
    fn rank(&self, b: &Table, best_key: u64, gains: &Gains) -> f32 {
        match b.bound(best_key, gains) {
            Some(e) => match self.aim() {
                Aim::TrapWin(_) => e.win.get(),
                _ if e.best.is_nan() => f32::INFINITY,
                _ => e.best,
            },
            None => f32::INFINITY,
        }
    }

    /// A state's choices on offer and its first kids; in a trap's pass, best first: the
    /// search finds good lines early, and the bound then cuts the rest (stable: equal values
    /// keep the case's order, so it is deterministic).
    fn expand(&mut self, f: &mut Frame, t: &mut Trace) {
        let c = self.c;
        available_into(c, &f.state, &mut f.options);
        f.made = 0;
        if let (Aim::Trap(_) | Aim::TrapWin(_), Some(b)) = (self.aim(), self.bounds) {
            // Every choice ranked before the first kids are made (they come in batches), on
            // a scratch state.
            let mut n = self.scratch.take().unwrap_or_else(|| f.state.clone());
            let mut ranked: Vec<(f32, Ix)> = Vec::with_capacity(f.options.len());
            for &ix in &f.options {
                n.copy_from(&f.state);
                step(c, &mut n, ix, t);
                let (_, best_key) = self.keys(&n);
                ranked.push((self.rank(b, best_key, &n.gains(c)), ix));
            }
            self.scratch = Some(n);
            ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
            for (slot, (_, ix)) in f.options.iter_mut().zip(ranked) {
                *slot = ix;
            }
        }
        self.fill(f, t);
    }

    /// The next kids of a frame: stepped, keyed, and their slots in the visited set fetched
    /// into the cache together.
    fn fill(&mut self, f: &mut Frame, t: &mut Trace) {
        let c = self.c;
        let n = (f.options.len() - f.made).min(KIDS_AT_ONCE);
        while f.kids.len() < n {
            f.kids.push(Kid {
                state: f.state.clone(),
                ix: NONE,
                key: None,
                best_key: 0,
                makes: 0,
                gains: f.state.gains(c),
            });
        }
        for j in 0..n {
            let ix = f.options[f.made + j];
            let kid = &mut f.kids[j];
            kid.state.copy_from(&f.state);
            step(c, &mut kid.state, ix, t);
            kid.ix = ix;
            (kid.key, kid.best_key) = self.keys(&kid.state);
            kid.makes = self.makes;
            kid.gains = kid.state.gains(c);
            if let Some(k) = kid.key {
                self.table.prefetch(k);
            }
        }
        f.made += n;
        f.n_kids = n;
        f.next = 0;
    }

    fn run(&mut self, start: &State) {
        let mut search = self.begin(start);
        self.resume(&mut search, usize::MAX);
    }

    /// The search from `start`, its root expanded, ready to [`resume`](Self::resume).
    fn begin(&mut self, start: &State) -> Search {
        let mut search = Search {
            start: start.clone(),
            frames: Vec::new(),
            depth: 0,
            t: Trace::quiet(),
            done: true,
        };
        let (Some(key), _) = self.keys(start) else {
            return search;
        };
        let root = self.add(key, start.gains(self.c));
        self.scenes_seen[start.scene as usize] = true;
        self.scene_states[start.scene as usize] += 1;
        if start.ending.is_some() {
            let e = self.terminal(start);
            *self.entry_mut(root) = e;
            return search;
        }
        let Search { frames, t, .. } = &mut search;
        self.push_frame(frames, start);
        frames[0].node = root;
        self.expand(&mut frames[0], t);
        if frames[0].n_kids == 0 {
            self.dead_end(frames, 0);
        }
        search.done = false;
        search
    }

    /// Carry the search on for at most `steps` steps (a step looks at one child or finishes
    /// one state); true once it is done. Pausing changes nothing: the search goes on from
    /// where it stopped, in the same order.
    fn resume(&mut self, search: &mut Search, mut steps: usize) -> bool {
        if search.done {
            return true;
        }
        let Search {
            start,
            frames,
            depth: paused_at,
            t,
            done,
        } = search;
        let (start, t) = (&*start, t);
        let mut depth = *paused_at;
        loop {
            if steps == 0 {
                *paused_at = depth;
                return false;
            }
            steps -= 1;
            let f = &mut frames[depth];
            let going = self.stopped.is_none() && !self.found;
            if going && f.next == f.n_kids && f.made < f.options.len() {
                self.fill(f, t);
            }
            if going && f.next < f.n_kids {
                let j = f.next;
                f.next += 1;
                let parent = f.node;
                let kid = &f.kids[j];
                let (ix, best_key) = (kid.ix, kid.best_key);
                self.taken[ix as usize] = true;
                self.made |= kid.state.mistakes;
                let Some(key) = kid.key else {
                    continue;
                };
                self.makes = kid.makes;
                let gains = kid.gains;
                match self.table.seen(key, &gains) {
                    Seen::Same(i) => {
                        let e = self.node_entry(i);
                        self.entry_mut(parent).fold(ix, &e);
                        frames[depth].bound_by(&e);
                        continue;
                    }
                    Seen::Covered(i) => {
                        let e = self.node_entry(i);
                        frames[depth].bound_by(&e);
                        self.merged = true;
                        if self.aim() == Aim::Best && !self.lossy {
                            let by = *self.table.gains_of(self.table.node(i));
                            let state = &frames[depth].kids[j].state;
                            self.lossy = steering_gains(self.c, state, &by, self.makes)
                                != steering_gains(self.c, state, &gains, self.makes);
                        }
                        continue;
                    }
                    Seen::New => {}
                }
                if self.hopeless(best_key, &gains) || self.over_limits(key) {
                    // Bounds nothing (only the complete best pass's bounds are used).
                    frames[depth].ub = f32::INFINITY;
                    frames[depth].ub_win = f32::INFINITY;
                    continue;
                }
                let node = self.add(key, gains);
                let state = &frames[depth].kids[j].state;
                self.scenes_seen[state.scene as usize] = true;
                self.scene_states[state.scene as usize] += 1;
                if state.ending.is_some() {
                    let e = self.terminal(&frames[depth].kids[j].state);
                    *self.entry_mut(node) = e;
                    self.entry_mut(parent).fold(ix, &e);
                    frames[depth].bound_by(&e);
                    continue;
                }
                if frames.len() <= depth + 1 {
                    self.push_frame(frames, start);
                }
                // The child's state moves onto the stack (its slot among the kids is
                // refilled when its parent expands again).
                let (lo, hi) = frames.split_at_mut(depth + 1);
                let child = &mut hi[0];
                std::mem::swap(&mut child.state, &mut lo[depth].kids[j].state);
                child.node = node;
                child.via = ix;
                child.ub = f32::NEG_INFINITY;
                child.ub_win = f32::NEG_INFINITY;
                self.expand(child, t);
                depth += 1;
                if frames[depth].n_kids == 0 {
                    self.dead_end(frames, depth);
                }
            } else {
                // Every child seen (or the exploration stopped): this state is done.
                let node = f.node;
                let (ub, ub_win, via) = (f.ub, f.ub_win, f.via);
                let entry = self.entry_mut(node);
                entry.ub = ub;
                entry.ub_win = Permille::of(ub_win);
                if depth == 0 {
                    *done = true;
                    return true;
                }
                let e = self.node_entry(node);
                depth -= 1;
                frames[depth].bound_by(&e);
                let parent = frames[depth].node;
                self.entry_mut(parent).fold(via, &e);
            }
        }
    }

    fn dead_end(&mut self, frames: &[Frame], depth: usize) {
        if !matches!(self.aim(), Aim::Best | Aim::Reach) || self.dead_ends.len() >= 50 {
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

    /// After the best pass: its line, or when a limit stopped it the best of guided samples
    /// (with false: not exhaustive).
    fn best_found(&mut self, start: &State) -> (Option<Line>, bool) {
        if self.stopped.is_none() {
            (self.line(start, false), true)
        } else {
            (self.sample(start, SAMPLED_PLAYOUTS).0, false)
        }
    }

    /// Follow the recorded best (or, with `worst`, worst) choices from the start (node 0) to
    /// an ending, finding each next node by its key and gains.
    fn line(&mut self, start: &State, worst: bool) -> Option<Line> {
        let c = self.c;
        let mut s = start.clone();
        let mut ids = Vec::new();
        let mut t = Trace::quiet();
        let mut node = 0u32;
        for _ in 0..=self.table.len() {
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
            let e = self.table.get(node)?.entry;
            let ix = if worst { e.worst_next } else { e.best_next };
            if ix == NONE {
                return None;
            }
            ids.push(c.choices.names[ix as usize].clone());
            step(c, &mut s, ix, &mut t);
            if s.ending.is_none() {
                let key = self.keys(&s).0?;
                node = self.table.find(key, &s.gains(c))?;
            }
        }
        None
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

/// Only the best line of one seed (the game's expert line, the results file's): the best pass
/// without the trap and worst passes. `exhaustive` is false when a limit stopped it and the
/// line is the best of guided samples instead.
pub fn best_line(c: &Compiled, seed: u64, limits: Limits<'_>) -> (Option<Line>, bool) {
    let start = State::start(c, seed);
    let mut ex = Explorer::new(c, limits, Aim::Best, None);
    ex.run(&start);
    ex.best_found(&start)
}

/// [`best_line`] a slice at a time: after every `slice` steps of the search (a step looks at
/// one choice of a state) it awaits `pause()`. For a caller on a thread that must keep
/// drawing — the browser's only one, where a task runs until it awaits — so that frames and
/// key presses get through while it searches. The same line as `best_line`, whatever the
/// slice. (The sampling after a stopped search is not sliced: it has its own bound of work.)
pub async fn best_line_paced<P: std::future::Future<Output = ()>>(
    c: &Compiled,
    seed: u64,
    limits: Limits<'_>,
    slice: usize,
    mut pause: impl FnMut() -> P,
) -> (Option<Line>, bool) {
    let start = State::start(c, seed);
    let mut ex = Explorer::new(c, limits, Aim::Best, None);
    let mut search = ex.begin(&start);
    while !ex.resume(&mut search, slice.max(1)) {
        pause().await;
    }
    ex.best_found(&start)
}

/// Explore every state of one seed, in passes that each leave out a state when another with
/// the same future is at least as good in every gain (nothing below it can do better): the
/// best line, with the endings, the dead ends and the mistakes any line makes; then, for each
/// of those mistakes, the best line that makes it — a branch-and-bound search that stops
/// wherever the best pass shows nothing better can be found; and the worst line. On this
/// thread (`explore_seeds` spreads the passes of several seeds over threads).
pub fn explore_with<'c>(c: &'c Compiled, seed: u64, limits: Limits<'c>) -> Exploration {
    explore_seeds(c, &[seed], limits, 1)
        .pop()
        .expect("one report per seed")
}
