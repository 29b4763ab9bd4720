//! What of a state can still matter. A fact once learned, a flag once set or an aspect of a
//! person once seen only changes the future through a condition that reads it; a choice once
//! taken also through its own scene, while that scene can still be reached (it would not be
//! offered again). The analysis leaves everything else out of a state's fingerprint, so lines
//! that differ only in what no longer matters are explored once.

use super::compile::{C, CChoice, CEvent, E, Ix, Next};

fn words(n: usize) -> usize {
    n.div_ceil(64).max(1)
}

fn set(v: &mut [u64], i: usize) {
    if let Some(w) = v.get_mut(i / 64) {
        *w |= 1 << (i % 64);
    }
}

fn or(into: &mut [u64], from: &[u64]) {
    for (a, b) in into.iter_mut().zip(from) {
        *a |= b;
    }
}

/// What a set of conditions reads.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Reads {
    pub choices: Vec<u64>,
    pub facts: Vec<u64>,
    pub flags: Vec<u64>,
    /// For each person, the aspects an `Observed` condition reads (`Aspect::bit`).
    pub seen: Vec<u8>,
}

impl Reads {
    fn empty(wc: usize, wf: usize, wg: usize, n_people: usize) -> Reads {
        Reads {
            choices: vec![0; wc],
            facts: vec![0; wf],
            flags: vec![0; wg],
            seen: vec![0; n_people],
        }
    }
    fn add(&mut self, other: &Reads) {
        or(&mut self.choices, &other.choices);
        or(&mut self.facts, &other.facts);
        or(&mut self.flags, &other.flags);
        for (a, b) in self.seen.iter_mut().zip(&other.seen) {
            *a |= b;
        }
    }
    fn read(&mut self, c: &C) {
        match c {
            C::Knows(f, _) => set(&mut self.facts, *f as usize),
            C::Flag(f, _) => set(&mut self.flags, *f as usize),
            C::Chose(ch, _) => set(&mut self.choices, *ch as usize),
            C::Observed(p, a) => {
                if let Some(x) = self.seen.get_mut(*p as usize) {
                    *x |= a.bit();
                }
            }
            C::Any(v) | C::All(v) => v.iter().for_each(|x| self.read(x)),
            C::Not(x) => self.read(x),
            _ => {}
        }
    }
}

/// For a scene (or an event): the choices in every scene reachable from it, whose having been
/// taken still decides what is offered, and what the conditions there read.
#[derive(Debug, Clone, Default)]
pub struct InPlay {
    pub offered: Vec<u64>,
    pub reads: Reads,
    /// The mistakes the choices there (or the event) could make.
    pub makes: u64,
}

/// Something that, once true, stays true: an event that needs its opposite can never fire.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Blocker {
    Flag(Ix),
    Fact(Ix),
    Choice(Ix),
    Met(Ix),
}

/// Cases with more scenes than this use the static reach of each scene (the union over every
/// scene reachable by any edge) instead of walking the edges still open in the state.
pub const WALK_SCENES: usize = 256;

#[derive(Debug, Clone, Default)]
pub struct Relevance {
    /// What each scene itself offers and reads.
    pub own: Vec<InPlay>,
    /// Each scene's ways out: (the choice that leads there, whether it can be taken again, the
    /// scene it leads to).
    pub edges: Vec<Vec<(Ix, bool, Ix)>>,
    /// The static reach: for each scene, the union over every scene reachable from it.
    pub scenes: Vec<InPlay>,
    /// For each event: its own conditions, and — when it jumps to a scene — that scene's.
    pub events: Vec<InPlay>,
    /// For each event: what makes it impossible for good, and the last week it can fire.
    pub blockers: Vec<Vec<Blocker>>,
    pub last_week: Vec<Option<u32>>,
    /// The scene each event jumps to.
    pub event_go: Vec<Option<Ix>>,
    /// For each choice: what rules it out for good (a way out through it is then closed).
    pub choice_blockers: Vec<Vec<Blocker>>,
    /// For each scene: whether no way out of any scene reachable from it can ever close
    /// (every one can be taken again and nothing rules it out), so that — with no event
    /// still to come — what is in play there is its static reach, without a walk.
    pub fixed: Vec<bool>,
}

fn blockers_of(when: &[C], cleared: &[bool]) -> Vec<Blocker> {
    when.iter()
        .filter_map(|c| match *c {
            C::Flag(f, false) if !cleared.get(f as usize).copied().unwrap_or(true) => {
                Some(Blocker::Flag(f))
            }
            C::Knows(f, false) => Some(Blocker::Fact(f)),
            C::Chose(ch, false) => Some(Blocker::Choice(ch)),
            C::Met(p, false) => Some(Blocker::Met(p)),
            _ => None,
        })
        .collect()
}

fn blocked(bs: &[Blocker], s: &super::state::State) -> bool {
    bs.iter().any(|b| match *b {
        Blocker::Flag(f) => s.flags.get(f),
        Blocker::Fact(f) => s.facts.get(f),
        Blocker::Choice(c) => s.chosen.get(c),
        Blocker::Met(p) => s.met(p),
    })
}

impl Relevance {
    /// Whether event `e` can still fire from this state.
    pub fn alive(&self, e: usize, s: &super::state::State) -> bool {
        if s.fired.get(e as Ix) {
            return false;
        }
        if self.last_week[e].is_some_and(|w| s.week > w) {
            return false;
        }
        !blocked(&self.blockers[e], s)
    }
}

impl Relevance {
    // The compiled case's parts, passed one by one because `Relevance` is built while the
    // `Compiled` that will own it is still being assembled.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        n_scenes: usize,
        n_choices: usize,
        n_facts: usize,
        n_flags: usize,
        n_people: usize,
        choices: &[CChoice],
        scene_choices: &[Vec<Ix>],
        events: &[CEvent],
    ) -> Relevance {
        let (wc, wf, wg) = (words(n_choices), words(n_facts), words(n_flags));
        let empty = || Reads::empty(wc, wf, wg, n_people);
        // The scene graph from choices and branches (events are added per state, unfired).
        let mut next: Vec<Vec<usize>> = vec![Vec::new(); n_scenes];
        for ch in choices {
            let from = ch.scene as usize;
            for n in std::iter::once(ch.next).chain(ch.branches.iter().map(|b| b.next)) {
                if let Next::Scene(to) = n
                    && !next[from].contains(&(to as usize))
                {
                    next[from].push(to as usize);
                }
            }
        }
        let own: Vec<InPlay> = (0..n_scenes)
            .map(|s| {
                let mut p = InPlay {
                    offered: vec![0; wc],
                    reads: empty(),
                    makes: 0,
                };
                for &ix in &scene_choices[s] {
                    set(&mut p.offered, ix as usize);
                    let ch = &choices[ix as usize];
                    p.makes |= ch.makes;
                    ch.when.iter().for_each(|x| p.reads.read(x));
                    for b in &ch.branches {
                        b.when.iter().for_each(|x| p.reads.read(x));
                    }
                }
                p
            })
            .collect();
        // Reachability by a search from each scene (scenes are at most a few thousand).
        let mut r = Relevance {
            edges: vec![Vec::new(); n_scenes],
            ..Relevance::default()
        };
        for (ix, ch) in choices.iter().enumerate() {
            for n in std::iter::once(ch.next).chain(ch.branches.iter().map(|b| b.next)) {
                if let Next::Scene(to) = n {
                    r.edges[ch.scene as usize].push((ix as Ix, ch.repeatable, to));
                }
            }
        }
        let mut seen = vec![false; n_scenes];
        let mut stack = Vec::new();
        for s in 0..n_scenes {
            seen.iter_mut().for_each(|x| *x = false);
            let mut p = InPlay {
                offered: vec![0; wc],
                reads: empty(),
                makes: 0,
            };
            stack.clear();
            stack.push(s);
            seen[s] = true;
            while let Some(x) = stack.pop() {
                or(&mut p.offered, &own[x].offered);
                p.reads.add(&own[x].reads);
                p.makes |= own[x].makes;
                for &y in &next[x] {
                    if !seen[y] {
                        seen[y] = true;
                        stack.push(y);
                    }
                }
            }
            r.scenes.push(p);
        }
        // Flags some effect clears: their absence is not for good.
        let mut cleared = vec![false; n_flags];
        let mut note = |es: &[E]| {
            for x in es {
                if let E::Flag(f, false) = x {
                    cleared[*f as usize] = true;
                }
            }
        };
        for ch in choices {
            note(&ch.effects);
            ch.branches.iter().for_each(|b| note(&b.effects));
        }
        events.iter().for_each(|e| note(&e.effects));
        r.choice_blockers = choices
            .iter()
            .map(|ch| blockers_of(&ch.when, &cleared))
            .collect();
        for e in events {
            r.blockers.push(blockers_of(&e.when, &cleared));
            r.last_week.push(match e.timing {
                crate::case::model::Timing::Chance { to, .. } => Some(to),
                crate::case::model::Timing::Week(_) => None,
            });
        }
        r.event_go = events.iter().map(|e| e.go).collect();
        // A scene is fixed when every way out of the scenes it reaches stays open.
        let open_for_good: Vec<bool> = r
            .edges
            .iter()
            .map(|out| {
                out.iter()
                    .all(|&(ix, again, _)| again && r.choice_blockers[ix as usize].is_empty())
            })
            .collect();
        r.fixed = (0..n_scenes)
            .map(|s| {
                seen.iter_mut().for_each(|x| *x = false);
                stack.clear();
                stack.push(s);
                seen[s] = true;
                let mut fixed = true;
                while let Some(x) = stack.pop() {
                    fixed &= open_for_good[x];
                    for &y in &next[x] {
                        if !seen[y] {
                            seen[y] = true;
                            stack.push(y);
                        }
                    }
                }
                fixed
            })
            .collect();
        for e in events {
            let mut p = match e.go {
                Some(g) => r.scenes[g as usize].clone(),
                None => InPlay {
                    offered: vec![0; wc],
                    reads: empty(),
                    makes: 0,
                },
            };
            e.when.iter().for_each(|x| p.reads.read(x));
            p.makes |= super::compile::event_makes(e);
            r.events.push(p);
        }
        r.own = own;
        r
    }

    /// What is still in play in state `s`: the scenes it can still get to — over the ways out
    /// not yet closed by a choice that cannot be taken again — and the events still to come.
    /// (`out` is the scratch space of the walk; the answer may be the scene's own static
    /// reach instead, when nothing can be closed.)
    #[must_use]
    pub fn in_play<'a>(&'a self, s: &super::state::State, out: &'a mut Walk) -> &'a InPlay {
        let n = self.own.len();
        let here = s.scene as usize;
        let mut alive = std::mem::take(&mut out.alive);
        alive.clear();
        alive.extend((0..self.events.len()).filter(|&e| self.alive(e, s)));
        if alive.is_empty() && self.fixed.get(here).copied().unwrap_or(false) {
            // Every scene of the static reach is still reachable: it is what the walk
            // would find (a case's last scenes, states past their events).
            out.alive = alive;
            return &self.scenes[here];
        }
        out.reset(n, &self.own[0]);
        for &e in &alive {
            out.mask.reads.add(&self.events[e].reads);
            out.mask.makes |= self.events[e].makes;
        }
        if n > WALK_SCENES {
            out.mask.offered.copy_from_slice(&self.scenes[here].offered);
            out.mask.reads.add(&self.scenes[here].reads);
            out.mask.makes |= self.scenes[here].makes;
            for &e in &alive {
                or(&mut out.mask.offered, &self.events[e].offered);
            }
            out.alive = alive;
            return &out.mask;
        }
        out.stack.push(here);
        out.seen[here] = true;
        for &e in &alive {
            if let Some(g) = self.event_go[e] {
                let g = g as usize;
                if !out.seen[g] {
                    out.seen[g] = true;
                    out.stack.push(g);
                }
            }
        }
        out.alive = alive;
        while let Some(x) = out.stack.pop() {
            or(&mut out.mask.offered, &self.own[x].offered);
            out.mask.reads.add(&self.own[x].reads);
            out.mask.makes |= self.own[x].makes;
            for &(ix, again, to) in &self.edges[x] {
                let to = to as usize;
                if !out.seen[to]
                    && (again || !s.chosen.get(ix))
                    && !blocked(&self.choice_blockers[ix as usize], s)
                {
                    out.seen[to] = true;
                    out.stack.push(to);
                }
            }
        }
        &out.mask
    }
}

/// Scratch space for `Relevance::in_play`, reused from state to state.
#[derive(Debug, Default)]
pub struct Walk {
    pub mask: InPlay,
    seen: Vec<bool>,
    stack: Vec<usize>,
    alive: Vec<usize>,
}

impl Walk {
    fn reset(&mut self, n: usize, like: &InPlay) {
        self.seen.clear();
        self.seen.resize(n, false);
        self.stack.clear();
        // The scratch space outlives a case (it is thread-local): take the new case's shape
        // whenever any part differs, or a shorter mask left by another case would drop facts,
        // flags or people from the fingerprints (`zip` stops at the shorter).
        let m = &self.mask;
        if m.offered.len() != like.offered.len()
            || m.reads.choices.len() != like.reads.choices.len()
            || m.reads.facts.len() != like.reads.facts.len()
            || m.reads.flags.len() != like.reads.flags.len()
            || m.reads.seen.len() != like.reads.seen.len()
        {
            self.mask = like.clone();
        }
        self.mask.makes = 0;
        self.mask.offered.iter_mut().for_each(|w| *w = 0);
        self.mask.reads.choices.iter_mut().for_each(|w| *w = 0);
        self.mask.reads.facts.iter_mut().for_each(|w| *w = 0);
        self.mask.reads.flags.iter_mut().for_each(|w| *w = 0);
        self.mask.reads.seen.iter_mut().for_each(|w| *w = 0);
    }
}
