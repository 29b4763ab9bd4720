//! The state of one deal: a plain value (hashable, comparable, serialisable).

use serde::{Deserialize, Serialize};

use super::compiled::{Compiled, Ix};
use crate::case::model::{Attitude, Change, FunnelStage, Rank, Timing};
use crate::scoring::intensity::Intensity;

/// A fixed-size bit set.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Bits(Vec<u64>);

impl Bits {
    pub fn new(words: usize) -> Bits {
        Bits(vec![0; words])
    }
    pub fn get(&self, i: Ix) -> bool {
        let i = i as usize;
        self.0.get(i / 64).is_some_and(|w| w >> (i % 64) & 1 == 1)
    }
    pub fn set(&mut self, i: Ix, on: bool) {
        let i = i as usize;
        if let Some(w) = self.0.get_mut(i / 64) {
            if on {
                *w |= 1 << (i % 64);
            } else {
                *w &= !(1 << (i % 64));
            }
        }
    }
    pub fn count(&self) -> u32 {
        self.0.iter().map(|w| w.count_ones()).sum()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct State {
    pub seed: u64,
    pub variant: Option<Ix>,
    pub scene: Ix,
    pub turn: u32,
    /// Current week, starting at 1.
    pub week: u32,
    pub money_spent: u32,
    /// Money added (+) or taken (−) by effects, outside the trainee's spending.
    pub money_adjust: i32,
    pub facts: Bits,
    pub flags: Bits,
    pub chosen: Bits,
    pub known: Bits,
    pub met: Bits,
    pub fired: Bits,
    pub eliminated: Bits,
    pub attitudes: Vec<Attitude>,
    pub influence: Vec<u8>,
    pub backs: Vec<Option<Ix>>,
    pub real_issue: Vec<bool>,
    pub event_week: Vec<Option<u32>>,
    pub competitors: Vec<u8>,
    pub intensity: Intensity,
    pub funnel: FunnelStage,
    /// Headline score points collected so far, in `ScoreKind::ALL` order (not yet clamped).
    pub points: [i32; 4],
    pub insider: Option<Ix>,
    /// Points the current insider choice earned (replaced if the trainee changes insider).
    pub insider_points: i32,
    pub diagnosed: Option<Ix>,
    pub rank: Option<Rank>,
    pub ending: Option<Ix>,
}

impl State {
    /// The state at the start of a deal with this seed: variant picked, its changes applied.
    pub fn start(c: &Compiled, seed: u64) -> State {
        let case = &c.case;
        let w = c.words;
        let mut s = State {
            seed,
            variant: None,
            scene: c.start,
            turn: 0,
            week: 1,
            money_spent: 0,
            money_adjust: 0,
            facts: Bits::new(w.facts),
            flags: Bits::new(w.flags),
            chosen: Bits::new(w.choices),
            known: Bits::new(w.people),
            met: Bits::new(w.people),
            fired: Bits::new(w.events),
            eliminated: Bits::new(w.competitors),
            attitudes: case.stakeholders.iter().map(|p| p.attitude).collect(),
            influence: case.stakeholders.iter().map(|p| p.influence).collect(),
            backs: case
                .stakeholders
                .iter()
                .map(|p| p.backs.as_deref().and_then(|b| c.competitors.get(b)))
                .collect(),
            real_issue: case.burning_issues.iter().map(|b| b.real).collect(),
            event_week: case
                .events
                .iter()
                .map(|e| match e.when {
                    Timing::Week(n) => Some(n),
                    Timing::Chance { .. } => None,
                })
                .collect(),
            competitors: case.competitors.iter().map(|k| k.strength).collect(),
            intensity: Intensity::default(),
            funnel: FunnelStage::Lead,
            points: [0; 4],
            insider: None,
            insider_points: 0,
            diagnosed: None,
            rank: None,
            ending: None,
        };
        for (i, p) in case.stakeholders.iter().enumerate() {
            if p.known {
                s.known.set(i as Ix, true);
            }
        }
        let weights: Vec<u32> = case.variants.iter().map(|v| v.weight).collect();
        if let Some(v) = super::rng::weighted(seed, &weights) {
            s.variant = Some(v as Ix);
            for (k, change) in case.variants[v].changes.iter().enumerate() {
                s.apply_change(c, v, k, change);
            }
        }
        s
    }

    fn apply_change(&mut self, c: &Compiled, v: usize, k: usize, change: &Change) {
        match change {
            Change::Attitude(p, a) => {
                if let Some(i) = c.stakeholders.get(p) {
                    self.attitudes[i as usize] = *a;
                }
            }
            Change::Influence(p, n) => {
                if let Some(i) = c.stakeholders.get(p) {
                    self.influence[i as usize] = *n;
                }
            }
            Change::Backs(p, k) => {
                if let Some(i) = c.stakeholders.get(p) {
                    self.backs[i as usize] = k.as_deref().and_then(|k| c.competitors.get(k));
                }
            }
            Change::EventWeek(e, w) => {
                if let Some(i) = c.events.get(e) {
                    self.event_week[i as usize] = Some(*w);
                }
            }
            Change::RealIssue(b, real) => {
                if let Some(i) = c.issues.get(b) {
                    self.real_issue[i as usize] = *real;
                }
            }
            Change::Effects(effs) => {
                // Variant effects are silent set-up: no move, no score trace.
                let mut sink = super::game::Trace::default();
                for (e, orig) in c.variant_effects[v][k].iter().zip(effs) {
                    super::rules::apply_effect(c, self, e, orig, &mut sink);
                }
            }
        }
    }

    pub fn money_left(&self, c: &Compiled) -> i64 {
        c.case.calendar.budget as i64 - self.money_spent as i64 + self.money_adjust as i64
    }

    pub fn attitude(&self, p: Ix) -> Attitude {
        self.attitudes[p as usize]
    }
}
