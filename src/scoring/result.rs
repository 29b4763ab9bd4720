//! The result of a finished (or abandoned) deal: what the results file and the debrief show.

use serde::{Deserialize, Serialize};

use super::read::{ReadCheck, checks};
use super::total::{Reads, Scores, score};
use crate::case::model::Outcome;
use crate::engine::decision::DecisionReport;
use crate::engine::game::{Game, Move};
use crate::engine::intensity::Intensity;
use crate::engine::read::Read;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunResult {
    pub case: String,
    pub seed: u64,
    pub variant: Option<String>,
    pub outcome: Option<Outcome>,
    pub ending: Option<String>,
    pub score: Scores,
    pub intensity: Intensity,
    pub funnel: u8,
    pub cost: Spent,
    pub moves: Vec<Move>,
    /// The trainee's reads as he left them.
    #[serde(default)]
    pub reads: Vec<Read>,
    /// His read of each person met, beside the truth.
    #[serde(default)]
    pub read_checks: Vec<ReadCheck>,
    /// Mistakes and traps of the whole run, by name, in the order first made.
    #[serde(default)]
    pub mistakes: Vec<String>,
    /// The customer's decision, explained.
    #[serde(default)]
    pub decision: Option<DecisionReport>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Spent {
    pub money: i64,
    pub weeks: u32,
}

pub fn result(g: &Game) -> RunResult {
    let c = &g.case;
    let s = &g.state;
    let mut mistakes: Vec<String> = Vec::new();
    for m in &g.moves {
        for k in &m.mistakes {
            if !mistakes.contains(k) {
                mistakes.push(k.clone());
            }
        }
    }
    RunResult {
        case: c.case.id.clone(),
        seed: s.seed,
        variant: s.variant.map(|v| c.variants.names[v as usize].clone()),
        outcome: s.ending.map(|e| c.ending(e).outcome),
        ending: s.ending.map(|e| c.endings.names[e as usize].clone()),
        score: score(c, s, Reads::Given(&g.reads)),
        intensity: s.intensity,
        funnel: s.funnel.percent(),
        cost: Spent {
            money: s.money_spent as i64 - s.money_adjust as i64,
            weeks: s.week.saturating_sub(1),
        },
        moves: g.moves.clone(),
        reads: g.reads.clone(),
        read_checks: checks(c, s, &g.reads),
        mistakes,
        decision: g.moves.iter().rev().find_map(|m| m.decision.clone()),
    }
}
