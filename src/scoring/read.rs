//! The trainee's read of the people beside the truth: the five-dimension read (needs,
//! attitude to change, decision concerns, closeness, attitude to us) plus buying role and real
//! influence, for the people he met, weighted by how much each counts in the decision.

use serde::{Deserialize, Serialize};

use crate::engine::competitors::weight;
use crate::engine::compile::{Compiled, Ix};
use crate::engine::read::{Read, truth};
use crate::engine::state::State;

/// One person's read beside the truth.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReadCheck {
    pub person: String,
    pub weight: u32,
    pub read: Option<Read>,
    pub truth: Read,
    /// 0–100 for this person.
    pub score: u8,
}

fn exact<T: PartialEq>(read: Option<T>, truth: Option<T>) -> Option<f64> {
    let t = truth?;
    Some(if read == Some(t) { 1.0 } else { 0.0 })
}

fn near(read: Option<usize>, truth: Option<usize>) -> Option<f64> {
    let t = truth?;
    Some(match read {
        Some(r) if r == t => 1.0,
        Some(r) if r.abs_diff(t) == 1 => 0.5,
        _ => 0.0,
    })
}

/// 0–1: how well `read` matches `truth` over the dimensions the case gives.
pub fn accuracy(read: Option<&Read>, truth: &Read) -> f64 {
    let r = read.cloned().unwrap_or_default();
    let parts = [
        exact(r.role, truth.role),
        near(
            r.influence.map(|v| v as usize),
            truth.influence.map(|v| v as usize),
        ),
        near(
            r.attitude.map(|v| v as usize),
            truth.attitude.map(|v| v as usize),
        ),
        near(r.needs.map(|v| v as usize), truth.needs.map(|v| v as usize)),
        exact(r.change, truth.change),
        exact(r.concern, truth.concern),
        near(
            r.closeness.map(|v| v as usize),
            truth.closeness.map(|v| v as usize),
        ),
    ];
    let (sum, n) = parts
        .iter()
        .flatten()
        .fold((0.0, 0), |(s, n), x| (s + x, n + 1));
    if n == 0 { 0.0 } else { sum / n as f64 }
}

/// Each person met who counts in the decision, his read and the truth.
pub fn checks(c: &Compiled, s: &State, reads: &[Read]) -> Vec<ReadCheck> {
    (0..s.people.len() as Ix)
        .filter(|&p| s.met(p) && weight(c, s, p) > 0)
        .map(|p| {
            let t = truth(c, s, p);
            let read = reads.iter().find(|r| r.person == t.person).cloned();
            ReadCheck {
                person: t.person.clone(),
                weight: weight(c, s, p),
                score: (100.0 * accuracy(read.as_ref(), &t)).round() as u8,
                read,
                truth: t,
            }
        })
        .collect()
}

/// The read score, 0–100; `None` reads mean a perfect read (the analysis's expert).
pub fn score(c: &Compiled, s: &State, reads: Option<&[Read]>) -> u8 {
    let mut total = 0.0;
    let mut got = 0.0;
    for p in 0..s.people.len() as Ix {
        let w = weight(c, s, p) as f64;
        if !s.met(p) || w == 0.0 {
            continue;
        }
        total += w;
        got += w * match reads {
            None => 1.0,
            Some(reads) => {
                let t = truth(c, s, p);
                accuracy(reads.iter().find(|r| r.person == t.person), &t)
            }
        };
    }
    if total == 0.0 {
        0
    } else {
        (100.0 * got / total).round() as u8
    }
}
