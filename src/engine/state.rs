//! The state of one deal: a plain value (hashable, comparable). What a variant fixes lives in
//! the compiled case's `Truth`; the state holds only what moves, in small integers and bit
//! sets, so the analysis can copy and fingerprint millions of them.

use super::compile::{Compiled, Ix, MAX_GAIN_RIVALS};
use super::relevance::Walk;
use crate::case::model::Mistake;

thread_local! {
    /// Scratch space of the fingerprints (the analysis computes millions).
    static WALK: std::cell::RefCell<Walk> = std::cell::RefCell::new(Walk::default());
}
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
    /// Each ally's willingness (`Attitude` index), four bits per ally, up to 16.
    pub ally_moods: u64,
    /// Whether the first move has been made (chance events also roll for week 1 then).
    pub began: bool,
    pub decision: Option<Decided>,
    pub ending: Option<Ix>,
}

impl State {
    pub fn money_left(&self, c: &Compiled) -> i64 {
        c.case.calendar.budget as i64 - self.money_spent as i64 + self.money_adjust as i64
    }

    pub fn ally_attitude(&self, a: Ix) -> Attitude {
        if a >= 16 {
            return Attitude::Supporter;
        }
        Attitude::from_index(((self.ally_moods >> (4 * a as u32)) & 0xf) as i32)
    }

    pub fn set_ally_attitude(&mut self, a: Ix, to: Attitude) {
        if a < 16 {
            let shift = 4 * a as u32;
            self.ally_moods = (self.ally_moods & !(0xf << shift)) | ((to.index() as u64) << shift);
        }
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
    /// (A derived `clone_from` would allocate afresh: this one copies into what is there.)
    pub fn copy_from(&mut self, other: &State) {
        let State {
            seed,
            variant,
            scene,
            week,
            money_spent,
            money_adjust,
            facts,
            flags,
            chosen,
            fired,
            people,
            rivals,
            event_week,
            intensity,
            funnel,
            points,
            mistakes,
            insider,
            diagnosed,
            proposal,
            rank,
            decision_week,
            asked,
            visit,
            letter_owed,
            allies,
            ally_moods,
            began,
            decision,
            ending,
        } = other;
        self.seed = *seed;
        self.variant = *variant;
        self.scene = *scene;
        self.week = *week;
        self.money_spent = *money_spent;
        self.money_adjust = *money_adjust;
        self.facts.0.clone_from(&facts.0);
        self.flags.0.clone_from(&flags.0);
        self.chosen.0.clone_from(&chosen.0);
        self.fired.0.clone_from(&fired.0);
        self.people.clone_from(people);
        self.rivals.clone_from(rivals);
        self.event_week.clone_from(event_week);
        self.intensity = *intensity;
        self.funnel = *funnel;
        self.points = *points;
        self.mistakes = *mistakes;
        self.insider = *insider;
        self.diagnosed = *diagnosed;
        self.proposal = *proposal;
        self.rank = *rank;
        self.decision_week = *decision_week;
        self.asked = *asked;
        self.visit = *visit;
        self.letter_owed = *letter_owed;
        self.allies = *allies;
        self.ally_moods = *ally_moods;
        self.began = *began;
        self.decision = *decision;
        self.ending = *ending;
    }
}

impl State {
    /// Write every field that can change the future of the deal or its score into `buf`
    /// (cleared first), for a fingerprint. Left out: the seed (the same for a whole
    /// exploration); what only the screens read — the moods, roles and influence written on
    /// the cards, the count of meetings; and facts, flags, seen aspects and taken choices that
    /// no condition reads any more (see `Relevance`).
    pub fn encode(&self, c: &Compiled, buf: &mut Vec<u8>) {
        self.encode_future(c, buf);
        let g = self.gains(c);
        buf.extend_from_slice(&g.money_left.to_le_bytes());
        buf.extend_from_slice(&g.diagnosed_week.to_le_bytes());
        for p in g.points {
            buf.extend_from_slice(&p.to_le_bytes());
        }
        buf.extend_from_slice(&g.meters);
        buf.push(g.funnel);
        buf.extend_from_slice(&g.mistakes.to_le_bytes());
        buf.extend_from_slice(&g.rivals);
    }

    /// `encode` without the `Gains`: what decides which futures a state has. Returns the
    /// mistakes the state can still make (those its futures can reach, and the decision's).
    pub fn encode_future(&self, c: &Compiled, buf: &mut Vec<u8>) -> u64 {
        WALK.with(|w| self.encode_future_in(c, buf, &mut w.borrow_mut()))
    }

    /// `encode_future` with the caller's scratch space for the walk (the explorer keeps
    /// its own rather than reach for the thread's on every state).
    pub fn encode_future_in(&self, c: &Compiled, buf: &mut Vec<u8>, w: &mut Walk) -> u64 {
        buf.clear();
        let opt16 = |v: Option<Ix>| v.map(|v| v as u32).unwrap_or(u32::MAX);
        // Money is a gain only where it can never decide what is on offer.
        let (spent, adjust) = if c.money_never_binds {
            (0, 0)
        } else {
            (self.money_spent, self.money_adjust)
        };
        for v in [
            opt16(self.variant),
            self.scene as u32,
            self.week,
            spent,
            adjust as u32,
            opt16(self.insider),
            self.diagnosed.map(|(b, _)| b as u32).unwrap_or(u32::MAX),
            opt16(self.proposal),
            self.rank
                .map(|(r, ok)| r as u32 * 2 + ok as u32)
                .unwrap_or(u32::MAX),
            self.decision_week.unwrap_or(u32::MAX),
            self.allies,
            self.ally_moods as u32,
            (self.ally_moods >> 32) as u32,
            opt16(self.ending),
        ] {
            buf.extend_from_slice(&v.to_le_bytes());
        }
        buf.extend_from_slice(&[
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
        // What still matters: what the scenes still reachable offer and read, and what the
        // events still to come read (see `Relevance::in_play`).
        let makes = {
            c.relevance.in_play(self, w);
            let m = &w.mask;
            for (i, &x) in self.chosen.words().iter().enumerate() {
                let keep = m.offered.get(i).copied().unwrap_or(0)
                    | m.reads.choices.get(i).copied().unwrap_or(0);
                buf.extend_from_slice(&(x & keep).to_le_bytes());
            }
            for (&x, &k) in self.facts.words().iter().zip(&m.reads.facts) {
                buf.extend_from_slice(&(x & k).to_le_bytes());
            }
            for (&x, &k) in self.flags.words().iter().zip(&m.reads.flags) {
                buf.extend_from_slice(&(x & k).to_le_bytes());
            }
            for (p, &k) in self.people.iter().zip(&m.reads.seen) {
                buf.extend_from_slice(&[p.attitude as u8, p.backs, p.seen & k, p.flags]);
            }
            m.makes
        };
        for w in self.fired.words() {
            buf.extend_from_slice(&w.to_le_bytes());
        }
        for r in &self.rivals {
            let strength = if c.rivals_are_gains { 0 } else { r.strength };
            buf.extend_from_slice(&[strength, r.status as u8]);
        }
        for w in &self.event_week {
            buf.extend_from_slice(&w.unwrap_or(u32::MAX).to_le_bytes());
        }
        let mut makes = makes;
        if c.decision.is_some() && self.ending.is_none() {
            makes |= Mistake::NoLetter.bit() | Mistake::NeverReachedTop.bit();
        }
        // Rules that can no longer fire, whatever comes: the first meeting with the top once
        // every decision maker has been met, spending before qualification once the funnel
        // is past it.
        let truth = c.truth_of(self.variant);
        let all_top_met = (0..self.people.len())
            .filter(|&p| truth.role[p].decides())
            .all(|p| self.people[p].met());
        if all_top_met {
            makes &= !(Mistake::TopCold.bit()
                | Mistake::TopUnprepared.bit()
                | Mistake::NeverReachedTop.bit());
        }
        if self.funnel >= FunnelStage::QualifiedLead {
            makes &= !Mistake::MoneyBeforeQualified.bit();
        }
        if self.funnel >= FunnelStage::QualifiedDecisionMaker {
            makes &= !Mistake::InvestedEarly.bit();
        }
        if self.letter_owed {
            makes |= Mistake::NoLetter.bit();
        }
        makes
    }

    /// A 64-bit fingerprint of the state (xxh3 of `encode`), as model checkers store.
    pub fn fingerprint(&self, c: &Compiled, buf: &mut Vec<u8>) -> u64 {
        self.encode(c, buf);
        xxhash_rust::xxh3::xxh3_64(buf)
    }

    /// The fingerprint of `encode_future`: states that share it have the same futures, and
    /// differ only in their `Gains`.
    pub fn future_fingerprint(&self, c: &Compiled, buf: &mut Vec<u8>) -> u64 {
        self.encode_future(c, buf);
        xxhash_rust::xxh3::xxh3_64(buf)
    }

    /// `future_fingerprint`, and the mistakes the state can still make (with the caller's
    /// scratch space for the walk).
    pub fn future_and_makes(&self, c: &Compiled, buf: &mut Vec<u8>, w: &mut Walk) -> (u64, u64) {
        let makes = self.encode_future_in(c, buf, w);
        (xxhash_rust::xxh3::xxh3_64(buf), makes)
    }

    /// What of the state only ever makes the final score better when it is larger (or, for
    /// the week of the diagnosis, earlier): two states with the same future and these gains
    /// in order compare in score over every future alike.
    pub fn gains(&self, c: &Compiled) -> Gains {
        Gains {
            money_left: if c.money_never_binds {
                self.money_left(c)
            } else {
                0
            },
            diagnosed_week: self.diagnosed.map(|(_, w)| w).unwrap_or(0),
            points: self.points,
            meters: self.intensity.as_array(),
            funnel: self.funnel as u8,
            mistakes: self.mistakes,
            rivals: {
                let mut r = [0u8; MAX_GAIN_RIVALS];
                if c.rivals_are_gains {
                    for (x, k) in r.iter_mut().zip(&self.rivals) {
                        // How much a competitor stands in our way: its standing, or — for a
                        // partner, whose win we share — how far it is from the top.
                        *x = match k.status {
                            RivalStatus::InRace => k.strength,
                            RivalStatus::Partner => 10u8.saturating_sub(k.strength),
                            RivalStatus::Out => 0,
                        };
                    }
                }
                r
            },
        }
    }
}

/// The parts of a state that only ever help the score more as they grow: money left, the
/// case's own points, the 5K meters (the decision's chance and the intensity score rise with
/// them, and no condition reads them) and the funnel (a later stage makes no spending rule
/// fire). The week of the diagnosis helps as it is earlier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Gains {
    pub money_left: i64,
    pub diagnosed_week: u32,
    pub points: [i32; 4],
    pub meters: [u8; 5],
    pub funnel: u8,
    /// Mistakes made: fewer is better (no rule reads them; they only cost points).
    pub mistakes: u64,
    /// How much each competitor stands in our way (lower is better), when that is a gain.
    pub rivals: [u8; MAX_GAIN_RIVALS],
}

impl Gains {
    /// Whether `self` is at least as good as `other` in every part.
    pub fn covers(&self, other: &Gains) -> bool {
        self.money_left >= other.money_left
            && self.diagnosed_week <= other.diagnosed_week
            && self.points.iter().zip(&other.points).all(|(a, b)| a >= b)
            && self.meters.iter().zip(&other.meters).all(|(a, b)| a >= b)
            && self.funnel >= other.funnel
            && self.mistakes & !other.mistakes == 0
            && self.rivals.iter().zip(&other.rivals).all(|(a, b)| a <= b)
    }
}
