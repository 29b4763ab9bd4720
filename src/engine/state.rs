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
        copy_list(&mut self.facts.0, &facts.0);
        copy_list(&mut self.flags.0, &flags.0);
        copy_list(&mut self.chosen.0, &chosen.0);
        copy_list(&mut self.fired.0, &fired.0);
        copy_list(&mut self.people, people);
        copy_list(&mut self.rivals, rivals);
        copy_list(&mut self.event_week, event_week);
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
    /// The fingerprint of what decides which futures a state has (states that share it
    /// differ only in their `Gains`). Left out: the seed (the same for a whole
    /// exploration); what only the screens read — the moods, roles and influence written on
    /// the cards, the count of meetings; the gains; and facts, flags, seen aspects and taken
    /// choices that no condition reads any more (see `Relevance`).
    pub fn future_fingerprint(&self, c: &Compiled) -> u64 {
        WALK.with(|w| self.future_and_makes(c, &mut w.borrow_mut()).0)
    }

    /// `future_fingerprint`, and the mistakes the state can still make (those its futures
    /// can reach, and the decision's), with the caller's scratch space for the walk (the explorer keeps its own rather than reach for the thread's on
    /// every state).
    pub fn future_and_makes(&self, c: &Compiled, w: &mut Walk) -> (u64, u64) {
        let opt = |v: Option<Ix>| v.map(|v| v as u64).unwrap_or(u32::MAX as u64);
        // Money is a gain only where it can never decide what is on offer.
        let (spent, adjust) = if c.money_never_binds {
            (0, 0)
        } else {
            (self.money_spent, self.money_adjust)
        };
        // What still matters: what the scenes still reachable offer and read, and what the
        // events still to come read (see `Relevance::in_play`).
        let m = c.relevance.in_play(self, w);
        let mut h = Fingerprint::new();
        h.word(opt(self.variant) | (self.scene as u64) << 32);
        h.word(self.week as u64 | (spent as u64) << 32);
        h.word(adjust as u32 as u64 | opt(self.insider) << 32);
        h.word(
            self.diagnosed
                .map(|(b, _)| b as u64)
                .unwrap_or(u32::MAX as u64)
                | opt(self.proposal) << 32,
        );
        h.word(
            self.rank
                .map(|(r, ok)| r as u64 * 2 + ok as u64)
                .unwrap_or(u32::MAX as u64)
                | (self.decision_week.unwrap_or(u32::MAX) as u64) << 32,
        );
        h.word(self.allies as u64 | opt(self.ending) << 32);
        h.word(self.ally_moods);
        h.word(
            self.asked as u64
                | (self.visit as u64) << 8
                | (self.letter_owed as u64) << 16
                | (self.began as u64) << 24,
        );
        if let Some(d) = self.decision {
            let w = match d.winner {
                Bidder::Us => 0u64,
                Bidder::Rival(k) => k as u64 + 1,
                Bidder::Nobody => u32::MAX as u64,
            };
            h.word(w | (d.chance as u64) << 32 | (d.shared as u64) << 48);
            h.word(d.expected as u64 | 1 << 16);
        }
        for (i, &x) in self.chosen.words().iter().enumerate() {
            let keep = m.offered.get(i).copied().unwrap_or(0)
                | m.reads.choices.get(i).copied().unwrap_or(0);
            h.word(x & keep);
        }
        for (&x, &k) in self.facts.words().iter().zip(&m.reads.facts) {
            h.word(x & k);
        }
        for (&x, &k) in self.flags.words().iter().zip(&m.reads.flags) {
            h.word(x & k);
        }
        for (p, &k) in self.people.iter().zip(&m.reads.seen) {
            h.word(u32::from_le_bytes([p.attitude as u8, p.backs, p.seen & k, p.flags]) as u64);
        }
        let mut makes = m.makes;
        for &x in self.fired.words() {
            h.word(x);
        }
        for r in &self.rivals {
            let strength = if c.rivals_are_gains { 0 } else { r.strength };
            h.word(strength as u64 | (r.status as u64) << 8);
        }
        for w in &self.event_week {
            h.word(w.unwrap_or(u32::MAX) as u64);
        }
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
        (h.finish(), makes)
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

/// `to.clone_from(from)` for the short lists of a state: the explorer copies a state for
/// every child, and its lists are mostly a word or two (or empty), where a call to `memcpy`
/// for each costs more than the copy.
#[inline(always)]
fn copy_list<T: Copy>(to: &mut Vec<T>, from: &[T]) {
    if to.len() != from.len() {
        to.clear();
        to.extend_from_slice(from);
        return;
    }
    match from.len() {
        0 => {}
        1 => to[0] = from[0],
        2 => {
            to[0] = from[0];
            to[1] = from[1];
        }
        _ => to.copy_from_slice(from),
    }
}

/// A 64-bit fingerprint taken word by word: each word, xored with a secret of its position,
/// goes through a folded 64 × 64 → 128-bit multiply (the mix of foldhash and wyhash), the
/// results are summed, and the count of words and a final avalanche (xxh3's) go in at the
/// end. Taken straight from the state's fields: writing them out as bytes first, for a byte
/// hash, was a fifth of the explorer's time.
///
/// Why a sum of words mixed on their own, not a chain (each word mixed into the running
/// value): a chained folded multiply is not one-to-one, so two states once apart could meet
/// again at every later word (a chance growing with the words that follow); an odd multiply,
/// which is one-to-one, spreads a difference only upwards, so states differing in the top
/// bit of one word and two bits of the next met for certain. Here two different sequences of
/// the same case share a fingerprint only when their words' mixes happen to sum alike, about
/// 2⁻⁶⁴, which is what the analysis's collision bound assumes; and the words are mixed
/// independently, side by side in the processor.
struct Fingerprint {
    sum: u64,
    secret: u64,
    n: u64,
}

impl Fingerprint {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;

    fn new() -> Fingerprint {
        Fingerprint {
            sum: 0,
            secret: 0x243F_6A88_85A3_08D3,
            n: 0,
        }
    }

    #[inline(always)]
    fn word(&mut self, w: u64) {
        let x = (w ^ self.secret) as u128 * Self::K as u128;
        self.sum = self.sum.wrapping_add((x as u64) ^ ((x >> 64) as u64));
        self.secret = self.secret.wrapping_add(0x2545_F491_4F6C_DD1D);
        self.n += 1;
    }

    fn finish(&self) -> u64 {
        let mut h = self.sum ^ self.n.wrapping_mul(0xA076_1D64_78BD_642F);
        h ^= h >> 37;
        h = h.wrapping_mul(0x1656_6791_9E37_79F9);
        h ^ (h >> 32)
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

#[cfg(test)]
mod tests {
    use super::Fingerprint;
    use std::collections::HashSet;

    fn of(words: &[u64]) -> u64 {
        let mut h = Fingerprint::new();
        words.iter().for_each(|&w| h.word(w));
        h.finish()
    }

    /// States differ in a few small fields or single bits: the fingerprints of such close
    /// sequences of words must not collide (a million random 64-bit values share one with a
    /// chance of 3 × 10⁻⁸, so one collision here means the mixing has a weakness).
    #[test]
    fn close_sequences_of_words_have_distinct_fingerprints() {
        let mut seen = HashSet::new();
        let mut n = 0;
        for i in 0..128u64 {
            for j in 0..128u64 {
                for k in 0..64u64 {
                    assert!(seen.insert(of(&[i, j << 32 | k, 0, 1 << k])));
                    n += 1;
                }
            }
        }
        // One bit set anywhere in eight words, and the same words one longer or shorter.
        for w in 0..8 {
            for bit in 0..64 {
                let mut words = [0u64; 8];
                words[w] = 1 << bit;
                assert!(seen.insert(of(&words)));
                assert!(seen.insert(of(&[&words[..], &[0]].concat())));
                n += 2;
            }
        }
        // Two bits apart in each of two words (a chained odd multiply met on such pairs).
        for a in 0..64 {
            for b in 0..64 {
                let (x, y) = (1u64 << a, 1u64 << b | 1 << ((b + 29) % 64));
                assert!(seen.insert(of(&[x, y, 7, 7])));
                n += 1;
            }
        }
        assert!(seen.insert(of(&[])) && seen.insert(of(&[0])) && seen.insert(of(&[0, 0])));
        assert_eq!(seen.len(), n + 3);
        // Order matters.
        assert_ne!(of(&[1, 2]), of(&[2, 1]));
    }
}
