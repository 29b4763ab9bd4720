//! What the explorer does besides the exhaustive search: guided sampling once a limit has
//! stopped it, and the forced moves of a line.

use super::{DeadEnd, Explorer, Forced, Line, SAMPLED_WORK, Seen};
use crate::engine::game::{available_into, step};
use crate::engine::state::State;
use crate::engine::trace::Trace;
use crate::scoring::total::{Reads, score};

impl Explorer<'_> {
    /// Guided sampling, when the limits stopped the exhaustive search: playouts that follow
    /// the best child already valued where there is one and a seeded random one elsewhere.
    /// Finds good and bad lines and dead ends, without any claim to have seen everything.
    pub(super) fn sample(&mut self, start: &State, playouts: u32) -> (Option<Line>, Option<Line>) {
        use rand::RngExt;
        let c = self.c;
        let mut best: Option<Line> = None;
        let mut worst: Option<Line> = None;
        let mut options = Vec::new();
        let mut t = Trace::quiet();
        let max_moves = c.choices.len() as u32 + c.case.calendar.weeks + 1;
        let mut budget = SAMPLED_WORK;
        let words = c.words;
        let state_words = (words.facts + words.flags + 2 * words.choices + words.events) as u64
            + (c.stakeholders.len() + c.competitors.len()) as u64 / 4
            + 8;
        for i in 0..playouts {
            if budget == 0 {
                break;
            }
            let mut rng = crate::engine::rng::stream(
                start.seed ^ 0x5a5a,
                i,
                crate::engine::rng::Purpose::Playout,
            );
            let mut s = start.clone();
            let mut ids: Vec<String> = Vec::new();
            let mut moves = 0;
            while s.ending.is_none() && moves < max_moves && budget > 0 {
                available_into(c, &s, &mut options);
                let looks = if i % 2 == 0 { options.len() as u64 } else { 0 };
                budget = budget.saturating_sub((1 + looks) * state_words);
                if options.is_empty() {
                    let d = DeadEnd {
                        scene: c.scenes.names[s.scene as usize].clone(),
                        line: ids.clone(),
                    };
                    if self.dead_ends.len() < 50 && !self.dead_ends.contains(&d) {
                        self.dead_ends.push(d);
                    }
                    break;
                }
                // Half the playouts follow known values, the other half explore at random.
                let known = if i % 2 == 0 {
                    options
                        .iter()
                        .filter_map(|&ix| {
                            let mut n = s.clone();
                            step(c, &mut n, ix, &mut t);
                            let fp = n.future_fingerprint(c);
                            match self.table.seen(fp, &n.gains(c)) {
                                Seen::Same(i) => {
                                    let e = self.node_entry(i);
                                    (!e.best.is_nan()).then_some((e.best, ix))
                                }
                                _ => None,
                            }
                        })
                        .max_by(|a, b| a.0.total_cmp(&b.0))
                        .map(|(_, ix)| ix)
                } else {
                    None
                };
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
    pub(super) fn forced(&self, start: &State, line: &[String]) -> Vec<Forced> {
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
