//! Exhaustive exploration of a case for one seed: every reachable state, memoised.
//! Finds the best and worst lines, the endings reached, dead ends and unreachable content.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::case::model::Outcome;
use crate::engine::compiled::{Compiled, Ix};
use crate::engine::game::{Trace, available, step};
use crate::engine::state::State;
use crate::scoring::total::score;

/// Stop exploring past this many distinct states (reported as `exhaustive: false`).
pub const DEFAULT_STATE_CAP: usize = 2_000_000;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Line {
    pub score: f64,
    pub outcome: Option<Outcome>,
    pub ending: Option<String>,
    pub line: Vec<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DeadEnd {
    pub scene: String,
    pub line: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Exploration {
    pub states: usize,
    pub exhaustive: bool,
    pub best: Option<Line>,
    pub worst: Option<Line>,
    /// Distinct final states per ending.
    pub endings: BTreeMap<String, usize>,
    pub dead_ends: Vec<DeadEnd>,
    /// Choices taken somewhere in the tree (by index), for unreachable-content reports.
    #[serde(skip)]
    pub taken: Vec<bool>,
    #[serde(skip)]
    pub scenes_seen: Vec<bool>,
}

#[derive(Clone, Copy)]
struct Value {
    best: f64,
    best_next: Option<Ix>,
    worst: f64,
    worst_next: Option<Ix>,
}

struct Explorer<'c> {
    c: &'c Compiled,
    memo: HashMap<State, Option<Value>>,
    cap: usize,
    hit_cap: bool,
    endings: BTreeMap<String, usize>,
    dead_ends: Vec<DeadEnd>,
    path: Vec<Ix>,
    taken: Vec<bool>,
    scenes_seen: Vec<bool>,
}

impl Explorer<'_> {
    /// The memo key: without chance in the case, states that differ only in how many moves
    /// led there have the same future, so they are one state for the analysis.
    fn key(&self, s: &State) -> State {
        let mut k = s.clone();
        if !self.c.uses_chance {
            k.turn = 0;
        }
        k
    }

    /// Best and worst final total reachable from `s` (None: only dead ends below).
    fn visit(&mut self, s: &State) -> Option<Value> {
        let key = self.key(s);
        if let Some(v) = self.memo.get(&key) {
            return *v;
        }
        if self.memo.len() >= self.cap {
            self.hit_cap = true;
            return None;
        }
        self.scenes_seen[s.scene as usize] = true;
        let value = if let Some(e) = s.ending {
            *self
                .endings
                .entry(self.c.endings.names[e as usize].clone())
                .or_default() += 1;
            let t = score(self.c, s).total;
            Some(Value {
                best: t,
                best_next: None,
                worst: t,
                worst_next: None,
            })
        } else {
            let options = available(self.c, s);
            if options.is_empty() {
                if self.dead_ends.len() < 50 {
                    self.dead_ends.push(DeadEnd {
                        scene: self.c.scenes.names[s.scene as usize].clone(),
                        line: self
                            .path
                            .iter()
                            .map(|&i| self.c.choices.names[i as usize].clone())
                            .collect(),
                    });
                }
                None
            } else {
                let mut acc: Option<Value> = None;
                for ix in options {
                    self.taken[ix as usize] = true;
                    let mut next = s.clone();
                    step(self.c, &mut next, ix, &mut Trace::default());
                    self.path.push(ix);
                    let v = self.visit(&next);
                    self.path.pop();
                    if let Some(v) = v {
                        acc = Some(match acc {
                            None => Value {
                                best: v.best,
                                best_next: Some(ix),
                                worst: v.worst,
                                worst_next: Some(ix),
                            },
                            Some(mut a) => {
                                if v.best > a.best {
                                    a.best = v.best;
                                    a.best_next = Some(ix);
                                }
                                if v.worst < a.worst {
                                    a.worst = v.worst;
                                    a.worst_next = Some(ix);
                                }
                                a
                            }
                        });
                    }
                }
                acc
            }
        };
        self.memo.insert(key, value);
        value
    }

    /// Follow the memoised best (or worst) choices from the start to an ending.
    fn line(&self, start: &State, best: bool) -> Option<Line> {
        let mut s = start.clone();
        let mut ids = Vec::new();
        loop {
            if s.ending.is_some() {
                let sc = score(self.c, &s);
                return Some(Line {
                    score: sc.total,
                    outcome: s.ending.map(|e| self.c.ending(e).outcome),
                    ending: s.ending.map(|e| self.c.endings.names[e as usize].clone()),
                    line: ids,
                });
            }
            let v = (*self.memo.get(&self.key(&s))?)?;
            let ix = if best { v.best_next? } else { v.worst_next? };
            ids.push(self.c.choices.names[ix as usize].clone());
            step(self.c, &mut s, ix, &mut Trace::default());
        }
    }
}

pub fn explore(c: &Compiled, seed: u64, cap: usize) -> Exploration {
    let start = State::start(c, seed);
    let mut ex = Explorer {
        c,
        memo: HashMap::new(),
        cap,
        hit_cap: false,
        endings: BTreeMap::new(),
        dead_ends: Vec::new(),
        path: Vec::new(),
        taken: vec![false; c.choices.len()],
        scenes_seen: vec![false; c.scenes.len()],
    };
    ex.visit(&start);
    Exploration {
        states: ex.memo.len(),
        exhaustive: !ex.hit_cap,
        best: ex.line(&start, true),
        worst: ex.line(&start, false),
        endings: ex.endings,
        dead_ends: ex.dead_ends,
        taken: ex.taken,
        scenes_seen: ex.scenes_seen,
    }
}
