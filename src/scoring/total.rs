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
    let w = &c.case.scoring.weights;
    let adjust = |k: ScoreKind| s.points[k as usize];
    let burning_issue = clamp(issue_points(c, s).saturating_add(adjust(ScoreKind::BurningIssue)));
    let insider = clamp(
        ((100.0 * insider_quality(c, s)).round() as i32).saturating_add(adjust(ScoreKind::Insider)),
    );
    let sequencing = clamp(sequencing::points(c, s).saturating_add(adjust(ScoreKind::Sequencing)));
    let rank = clamp(
        match s.rank {
            Some((_, true)) => 100i32,
            _ => 0,
        }
        .saturating_add(adjust(ScoreKind::Rank)),
    );
    let read = crate::scoring::read::score(
        c,
        s,
        match reads {
            Reads::Given(r) => Some(r),
            Reads::Perfect => None,
        },
    );
    let intensity = s.intensity.product().min(100) as u8;
    let outcome = match (s.decision, s.ending) {
        (Some(d), _) => (d.expected as f64 / 10.0).round().min(100.0) as u8,
        (None, Some(e)) => c.ending(e).value.min(100),
        (None, None) => 0,
    };
    let budget = c.case.calendar.budget.max(1) as f64;
    let cost = (100.0 * s.money_left(c) as f64 / budget).clamp(0.0, 100.0);
    let parts = [
        (w.burning_issue, burning_issue as f64),
        (w.insider, insider as f64),
        (w.sequencing, sequencing as f64),
        (w.rank, rank as f64),
        (w.intensity, intensity as f64),
        (w.outcome, outcome as f64),
        (w.cost, cost),
        (w.read, read as f64),
    ];
    let weight: u64 = parts.iter().map(|p| p.0 as u64).sum();
    let total = if weight == 0 {
        0.0
    } else {
        parts.iter().map(|(w, v)| *w as f64 * v).sum::<f64>() / weight as f64
    };
    Scores {
        total: (total * 10.0).round() / 10.0,
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
