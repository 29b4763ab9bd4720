//! The headline scores and the weighted total, all derived from a game state.

use serde::{Deserialize, Serialize};

use crate::case::model::ScoreKind;
use crate::engine::commit::{insider_quality, issue_points};
use crate::engine::compile::Compiled;
use crate::engine::read::Read;
use crate::engine::sequencing;
use crate::engine::state::State;

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Scores {
    /// 0–100, weighted by the case's `scoring.weights`, one decimal.
    pub total: f64,
    pub burning_issue: u8,
    pub insider: u8,
    pub sequencing: u8,
    pub rank: u8,
    /// The trainee's read of the people he met, beside the truth.
    #[serde(default)]
    pub read: u8,
    /// 5K intensity as the product of the five meters (0–100).
    #[serde(default)]
    pub intensity: u8,
    /// The outcome's value: the ending's, or — when the customer decided — the values of the
    /// possible endings weighted by their chances, so luck does not decide a score.
    #[serde(default)]
    pub outcome: u8,
    /// Our chance of winning outright when the customer decided, in percent.
    #[serde(default)]
    pub win_chance: Option<u8>,
}

/// Whose read to score: the trainee's, or a perfect one (the analysis's expert).
#[derive(Clone, Copy)]
pub enum Reads<'a> {
    Given(&'a [Read]),
    Perfect,
}

fn clamp(points: i32) -> u8 {
    points.clamp(0, 100) as u8
}

pub fn score(c: &Compiled, s: &State, reads: Reads) -> Scores {
    let p = Part { c, s };
    let (burning_issue, insider, sequencing, rank) =
        (p.burning_issue(), p.insider(), p.sequencing(), p.rank());
    let (read, intensity, outcome) = (p.read(reads), p.intensity(), p.outcome());
    let cost = p.cost();
    Scores {
        total: weighted(
            c,
            [
                burning_issue as f64,
                insider as f64,
                sequencing as f64,
                rank as f64,
                intensity as f64,
                outcome as f64,
                cost,
                read as f64,
            ],
        ),
        burning_issue,
        insider,
        sequencing,
        rank,
        read,
        intensity,
        outcome,
        win_chance: s.decision.map(|d| (d.chance as f64 / 10.0).round() as u8),
    }
}

/// `score(c, s, Reads::Perfect).total`, the same to the bit, without working out the parts
/// the case gives no weight (the analysis scores every final state it reaches; several
/// bundled cases weigh the insider, the read or the intensity at 0).
pub fn total(c: &Compiled, s: &State) -> f64 {
    let w = &c.case.scoring.weights;
    let p = Part { c, s };
    // A part without weight adds 0 × its value, which is 0 whatever the value is.
    let v = |weight: u32, part: &dyn Fn() -> f64| if weight == 0 { 0.0 } else { part() };
    weighted(
        c,
        [
            v(w.burning_issue, &|| p.burning_issue() as f64),
            v(w.insider, &|| p.insider() as f64),
            v(w.sequencing, &|| p.sequencing() as f64),
            v(w.rank, &|| p.rank() as f64),
            v(w.intensity, &|| p.intensity() as f64),
            v(w.outcome, &|| p.outcome() as f64),
            v(w.cost, &|| p.cost()),
            v(w.read, &|| p.read(Reads::Perfect) as f64),
        ],
    )
}

/// The weighted total of the parts (burning issue, insider, sequencing, rank, intensity,
/// outcome, cost, read), to one decimal.
fn weighted(c: &Compiled, values: [f64; 8]) -> f64 {
    let weights = c.case.scoring.weights.in_order();
    let weight: u64 = weights.iter().map(|&w| w as u64).sum();
    let total = if weight == 0 {
        0.0
    } else {
        weights
            .iter()
            .zip(values)
            .map(|(&w, v)| w as f64 * v)
            .sum::<f64>()
            / weight as f64
    };
    (total * 10.0).round() / 10.0
}

/// The parts of a state's score, each on its own.
struct Part<'a> {
    c: &'a Compiled,
    s: &'a State,
}

impl Part<'_> {
    fn adjust(&self, k: ScoreKind) -> i32 {
        self.s.points[k as usize]
    }
    fn burning_issue(&self) -> u8 {
        clamp(issue_points(self.c, self.s).saturating_add(self.adjust(ScoreKind::BurningIssue)))
    }
    fn insider(&self) -> u8 {
        clamp(
            ((100.0 * insider_quality(self.c, self.s)).round() as i32)
                .saturating_add(self.adjust(ScoreKind::Insider)),
        )
    }
    fn sequencing(&self) -> u8 {
        clamp(sequencing::points(self.c, self.s).saturating_add(self.adjust(ScoreKind::Sequencing)))
    }
    fn rank(&self) -> u8 {
        clamp(
            match self.s.rank {
                Some((_, true)) => 100i32,
                _ => 0,
            }
            .saturating_add(self.adjust(ScoreKind::Rank)),
        )
    }
    fn read(&self, reads: Reads) -> u8 {
        crate::scoring::read::score(
            self.c,
            self.s,
            match reads {
                Reads::Given(r) => Some(r),
                Reads::Perfect => None,
            },
        )
    }
    fn intensity(&self) -> u8 {
        self.s.intensity.product().min(100) as u8
    }
    fn outcome(&self) -> u8 {
        match (self.s.decision, self.s.ending) {
            (Some(d), _) => (d.expected as f64 / 10.0).round().min(100.0) as u8,
            (None, Some(e)) => self.c.ending(e).value.min(100),
            (None, None) => 0,
        }
    }
    fn cost(&self) -> f64 {
        let budget = self.c.case.calendar.budget.max(1) as f64;
        (100.0 * self.s.money_left(self.c) as f64 / budget).clamp(0.0, 100.0)
    }
}

#[cfg(test)]
mod tests {
    use super::{Reads, score, total};
    use crate::engine::game::{available, step};
    use crate::engine::state::State;
    use crate::engine::trace::Trace;
    use rand::{RngExt, SeedableRng};

    /// The analysis's total is the total of the full score, to the bit, on the final states
    /// of random lines through every bundled case (their weights leave out different parts).
    #[test]
    fn the_total_alone_is_the_full_scores_total() {
        let mut rng = rand::rngs::Xoshiro256PlusPlus::seed_from_u64(7);
        let mut finals = 0;
        for loaded in crate::bundled::load_all() {
            let c = loaded.case.expect("bundled cases load");
            for seed in 0..60 {
                let mut s = State::start(&c, seed);
                let mut t = Trace::quiet();
                for _ in 0..400 {
                    let options = available(&c, &s);
                    if s.ending.is_some() || options.is_empty() {
                        break;
                    }
                    step(
                        &c,
                        &mut s,
                        options[rng.random_range(0..options.len())],
                        &mut t,
                    );
                }
                if s.ending.is_some() {
                    finals += 1;
                    let full = score(&c, &s, Reads::Perfect).total;
                    assert_eq!(total(&c, &s).to_bits(), full.to_bits(), "{}", c.case.id);
                }
            }
        }
        assert!(finals > 200, "only {finals} lines reached an ending");
    }
}
