//! Lines that win by luck: an expert line found with one seed may pass through a chance
//! branch that this seed's roll happened to take. Replayed move by move, each branch taken
//! on a roll under 50 % is named, so the author can make the line win without it.

use serde::Serialize;

use crate::engine::compile::Compiled;
use crate::engine::game::{available, step};
use crate::engine::state::State;
use crate::engine::trace::Trace;

/// A chance branch a line took.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct LuckyRoll {
    /// 1-based move number in the line.
    pub turn: usize,
    pub choice: String,
    /// Position of the branch in the choice's `branches`.
    pub branch: usize,
    /// Its chance in percent.
    pub percent: u8,
}

/// Rolls under `below` percent that the line took with this seed (the line is assumed to be
/// playable; it stops at the first move that is not).
pub fn rolls(c: &Compiled, seed: u64, line: &[String], below: u8) -> Vec<LuckyRoll> {
    let mut s = State::start(c, seed);
    let mut t = Trace::quiet();
    let mut out = Vec::new();
    for (i, id) in line.iter().enumerate() {
        let Some(ix) = c.choices.get(id) else { break };
        if !available(c, &s).contains(&ix) {
            break;
        }
        t.branch = None;
        step(c, &mut s, ix, &mut t);
        if let Some(b) = t.branch
            && let Some(p) = c.cchoices[ix as usize].branches[b].chance
            && p < below
        {
            out.push(LuckyRoll {
                turn: i + 1,
                choice: id.clone(),
                branch: b,
                percent: p,
            });
        }
    }
    out
}
