//! The headline scores and the weighted total, all derived from a game state.

use serde::{Deserialize, Serialize};

use crate::case::model::ScoreKind;
use crate::engine::compiled::Compiled;
use crate::engine::state::State;

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Scores {
    /// 0–100, weighted by the case's `scoring.weights`, one decimal.
    pub total: f64,
    pub burning_issue: u8,
    pub insider: u8,
    pub sequencing: u8,
    pub rank: u8,
}

fn clamp(points: i32) -> u8 {
    points.clamp(0, 100) as u8
}

pub fn score(c: &Compiled, s: &State) -> Scores {
    let w = &c.case.scoring.weights;
    let headline = |k: ScoreKind| clamp(s.points[k as usize]);
    let outcome = s
        .ending
        .map(|e| c.ending(e).value.min(100) as f64)
        .unwrap_or(0.0);
    let budget = c.case.calendar.budget.max(1) as f64;
    let cost = (100.0 * s.money_left(c) as f64 / budget).clamp(0.0, 100.0);
    let parts = [
        (w.burning_issue, headline(ScoreKind::BurningIssue) as f64),
        (w.insider, headline(ScoreKind::Insider) as f64),
        (w.sequencing, headline(ScoreKind::Sequencing) as f64),
        (w.rank, headline(ScoreKind::Rank) as f64),
        (w.intensity, s.intensity.total() as f64),
        (w.outcome, outcome),
        (w.cost, cost),
    ];
    let weight: u64 = parts.iter().map(|p| p.0 as u64).sum();
    let total = if weight == 0 {
        0.0
    } else {
        parts.iter().map(|(w, v)| *w as f64 * v).sum::<f64>() / weight as f64
    };
    Scores {
        total: (total * 10.0).round() / 10.0,
        burning_issue: headline(ScoreKind::BurningIssue),
        insider: headline(ScoreKind::Insider),
        sequencing: headline(ScoreKind::Sequencing),
        rank: headline(ScoreKind::Rank),
    }
}
