//! The state of one deal: a plain value (hashable, comparable). What a variant fixes lives in
//! the compiled case's `Truth`; the state holds only what moves, in small integers and bit
//! sets, so the analysis can copy and fingerprint millions of them.

use super::compile::{Compiled, Ix};
use super::intensity::Intensity;
use crate::case::model::{Attitude, FunnelStage, Rank};

/// A fixed-size bit set.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
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
    pub fn words(&self) -> &[u64] {
        &self.0
    }
}

/// A stakeholder during play: the truth that moves, and what the trainee has found out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PersonState {
    /// His real attitude to us now.
    pub attitude: Attitude,
    /// The competitor he backs now (index + 1; 0: nobody).
    pub backs: u8,
    /// Aspects the trainee has seen the truth of (`Aspect::bit`), at the time he saw them.
    pub seen: u8,
    /// The mood the trainee last saw (attitude index + 1; 0: never seen) and in which week.
    pub mood: u8,
    pub mood_week: u8,
    /// The buying role on the card (index + 1; 0: unknown) — observed or only told.
    pub role: u8,
    /// The influence on the card (0–5, + 1; 0: unknown) — observed or only told.
    pub influence: u8,
    /// Whom the trainee last saw him back (competitor index + 2; 1: nobody; 0: unknown).
    pub backs_seen: u8,
    /// Meetings held with him (capped).
    pub meetings: u8,
    pub flags: u8,
}

impl PersonState {
    pub const KNOWN: u8 = 1;
    pub const MET: u8 = 2;
    pub fn known(&self) -> bool {
        self.flags & Self::KNOWN != 0
    }
    pub fn met(&self) -> bool {
        self.flags & Self::MET != 0
    }
    pub fn backs(&self) -> Option<Ix> {
        (self.backs > 0).then(|| self.backs as Ix - 1)
    }
}

/// A competitor during play.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RivalState {
    /// Standing with the customer, 0–10.
    pub strength: u8,
    pub status: RivalStatus,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RivalStatus {
    InRace,
    Out,
    /// Our partner (coopetition): it stops working against us; its win is shared.
    Partner,
}

/// Who the customer chose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Bidder {
    Us,
    Rival(Ix),
    /// The customer bought nothing.
    Nobody,
}

/// The customer's decision, once made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Decided {
    pub winner: Bidder,
    /// Our chance of winning outright, in permille.
    pub chance: u16,
    /// The chance that a partner won (a shared win), in permille.
    pub shared: u16,
    /// The expected value of the outcome (ending values weighted by their chances), ×10.
    pub expected: u16,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct State {
    pub seed: u64,
    pub variant: Option<Ix>,
    pub scene: Ix,
    /// Current week, starting at 1.
    pub week: u32,
    pub money_spent: u32,
    /// Money added (+) or taken (−) by effects, outside the trainee's spending.
    pub money_adjust: i32,
    pub facts: Bits,
    pub flags: Bits,
    pub chosen: Bits,
    pub fired: Bits,
    pub people: Vec<PersonState>,
    pub rivals: Vec<RivalState>,
    /// Weeks at which `Week` events are due (competitors and variants move some).
    pub event_week: Vec<Option<u32>>,
    pub intensity: Intensity,
    pub funnel: FunnelStage,
    /// Points the case's own `Score` effects gave, in `ScoreKind::ALL` order.
    pub points: [i32; 4],
    /// Mistakes made so far: the engine's (`Mistake::bit`) and authored traps.
    pub mistakes: u64,
    pub insider: Option<Ix>,
    /// The burning issue the trainee named, and the week he named it.
    pub diagnosed: Option<(Ix, u32)>,
    /// The burning issue our proposal's UCV answers.
    pub proposal: Option<Ix>,
    /// The trainee's rank judgement and whether it matched the deal at the time.
    pub rank: Option<(Rank, bool)>,
    /// The week the customer decides, when the case fixes one.
    pub decision_week: Option<u32>,
    /// Question types asked in the current meeting (`Ask::bit`).
    pub asked: u8,
    /// The current meeting visit: 0 none, 1 going, 2 going and something learned or moved.
    pub visit: u8,
    /// A decision maker was met and no letter has followed yet.
    pub letter_owed: bool,
    /// Allies brought in (bit per ally, up to 32).
    pub allies: u32,
    /// Whether the first move has been made (chance events also roll for week 1 then).
    pub began: bool,
    pub decision: Option<Decided>,
    pub ending: Option<Ix>,
}

impl State {
    pub fn money_left(&self, c: &Compiled) -> i64 {
        c.case.calendar.budget as i64 - self.money_spent as i64 + self.money_adjust as i64
    }

    pub fn attitude(&self, p: Ix) -> Attitude {
        self.people[p as usize].attitude
    }

    pub fn met(&self, p: Ix) -> bool {
        self.people[p as usize].met()
    }

    pub fn known(&self, p: Ix) -> bool {
        self.people[p as usize].known()
    }

    pub fn made(&self, bit: u64) -> bool {
        self.mistakes & bit != 0
    }

    /// Copy `other` into `self`, reusing the allocations (the explorer's hot loop).
    pub fn copy_from(&mut self, other: &State) {
        self.clone_from(other);
    }
}

impl State {
    /// Write every field that can change the future of the deal or its score into `buf`
    /// (cleared first), for a fingerprint. Left out: the seed (the same for a whole
    /// exploration) and what only the screens read — the moods, roles and influence written on
    /// the cards and the count of meetings — since no condition, rule or score (with the
    /// analysis's perfect read) depends on them.
    pub fn encode(&self, buf: &mut Vec<u8>) {
        buf.clear();
        let opt16 = |v: Option<Ix>| v.map(|v| v as u32).unwrap_or(u32::MAX);
        for v in [
            opt16(self.variant),
            self.scene as u32,
            self.week,
            self.money_spent,
            self.money_adjust as u32,
            opt16(self.insider),
            self.diagnosed.map(|(b, _)| b as u32).unwrap_or(u32::MAX),
            self.diagnosed.map(|(_, w)| w).unwrap_or(0),
            opt16(self.proposal),
            self.rank
                .map(|(r, ok)| r as u32 * 2 + ok as u32)
                .unwrap_or(u32::MAX),
            self.decision_week.unwrap_or(u32::MAX),
            self.allies,
            opt16(self.ending),
        ] {
            buf.extend_from_slice(&v.to_le_bytes());
        }
        for p in self.points {
            buf.extend_from_slice(&p.to_le_bytes());
        }
        buf.extend_from_slice(&self.mistakes.to_le_bytes());
        buf.extend_from_slice(&self.intensity.as_array());
        buf.extend_from_slice(&[
            self.funnel as u8,
            self.asked,
            self.visit,
            self.letter_owed as u8,
            self.began as u8,
        ]);
        if let Some(d) = self.decision {
            let w = match d.winner {
                Bidder::Us => 0u32,
                Bidder::Rival(k) => k as u32 + 1,
                Bidder::Nobody => u32::MAX,
            };
            buf.extend_from_slice(&w.to_le_bytes());
            buf.extend_from_slice(&d.chance.to_le_bytes());
            buf.extend_from_slice(&d.shared.to_le_bytes());
            buf.extend_from_slice(&d.expected.to_le_bytes());
        }
        for bits in [&self.facts, &self.flags, &self.chosen, &self.fired] {
            for w in bits.words() {
                buf.extend_from_slice(&w.to_le_bytes());
            }
        }
        for p in &self.people {
            buf.extend_from_slice(&[p.attitude as u8, p.backs, p.seen, p.flags]);
        }
        for r in &self.rivals {
            buf.extend_from_slice(&[r.strength, r.status as u8]);
        }
        for w in &self.event_week {
            buf.extend_from_slice(&w.unwrap_or(u32::MAX).to_le_bytes());
        }
    }

    /// A 64-bit fingerprint of the state (xxh3 of `encode`), as model checkers store.
    pub fn fingerprint(&self, buf: &mut Vec<u8>) -> u64 {
        self.encode(buf);
        xxhash_rust::xxh3::xxh3_64(buf)
    }
}
