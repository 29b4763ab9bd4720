//! The visited set of one pass of the explorer: 64-bit fingerprints of what can still matter
//! (the key) → the nodes of the states that share it, each with its gains and the values of
//! its futures. Sized for tens of millions of states: a node is 28 bytes, a key's slot 12, and
//! the table of slots grows shard by shard, so it never holds two copies of itself.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::engine::compile::Ix;
use crate::engine::state::Gains;

pub(super) const NIL: u32 = u32::MAX;
pub(super) const NONE: Ix = Ix::MAX;

/// Shards of the key table (by the key's low bits): each grows on its own, so growing costs
/// at most 1/64 of the table in a second copy instead of the whole table.
const SHARD_BITS: u32 = 6;
const SHARDS: usize = 1 << SHARD_BITS;

/// A key and its first node (a key that is 0 is stored as 1: 0 marks an empty slot; one more
/// way for two states to share a fingerprint, which the collision bound already counts).
/// Three 32-bit words rather than (u64, u32), which Rust pads to 16 bytes.
#[derive(Clone, Copy, Default)]
#[repr(C)]
struct Slot {
    lo: u32,
    hi: u32,
    node: u32,
}

impl Slot {
    fn key(&self) -> u64 {
        (self.hi as u64) << 32 | self.lo as u64
    }
    fn is_empty(&self) -> bool {
        self.lo == 0 && self.hi == 0
    }
}

/// Key → the first node of the states that share it: open addressing with linear probing,
/// so a lookup touches one cache line (the keys are fingerprints, uniformly spread). The
/// shard is the key's low bits, the slot in it the high 32 bits scaled to the shard's size,
/// which grows by half again each time (not doubling: less room left empty).
#[derive(Default)]
pub(super) struct Heads {
    shards: Vec<Shard>,
    /// The shards' slots, in bytes (kept, not summed: the explorer asks on every state).
    bytes: usize,
}

#[derive(Default)]
struct Shard {
    slots: Vec<Slot>,
    len: usize,
}

impl Shard {
    fn home(&self, key: u64) -> usize {
        (((key >> 32) * self.slots.len() as u64) >> 32) as usize
    }

    fn get(&self, key: u64) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        self.probe(key).1
    }

    /// Where the key is, or the empty slot where it would go, and its node if it is there.
    fn probe(&self, key: u64) -> (usize, Option<u32>) {
        let n = self.slots.len();
        let mut i = self.home(key);
        loop {
            let s = self.slots[i];
            if s.key() == key {
                return (i, Some(s.node));
            }
            if s.is_empty() {
                return (i, None);
            }
            i += 1;
            if i == n {
                i = 0;
            }
        }
    }

    /// Set the key's node.
    fn put(&mut self, key: u64, node: u32) {
        let n = self.slots.len();
        let mut i = self.home(key);
        loop {
            let s = &mut self.slots[i];
            if s.key() == key {
                s.node = node;
                return;
            }
            if s.is_empty() {
                *s = Slot {
                    lo: key as u32,
                    hi: (key >> 32) as u32,
                    node,
                };
                self.len += 1;
                return;
            }
            i += 1;
            if i == n {
                i = 0;
            }
        }
    }

    /// Keys it takes before it grows (a load of 7/8 at most).
    fn capacity(&self) -> usize {
        self.slots.len() / 8 * 7
    }

    /// Its size once grown.
    fn grown(&self) -> usize {
        (self.slots.len() + self.slots.len() / 2).max(16)
    }

    fn grow(&mut self) {
        let size = self.grown();
        let old = std::mem::replace(&mut self.slots, vec![Slot::default(); size]);
        self.len = 0;
        for s in old {
            if !s.is_empty() {
                self.put(s.key(), s.node);
            }
        }
    }
}

impl Heads {
    fn key(key: u64) -> u64 {
        key.max(1)
    }

    fn shard(&self, key: u64) -> Option<&Shard> {
        self.shards.get(key as usize & (SHARDS - 1))
    }

    pub(super) fn get(&self, key: u64) -> Option<u32> {
        let key = Self::key(key);
        self.shard(key)?.get(key)
    }

    /// Ask the processor to bring the key's slot into the cache: the explorer does this for
    /// every child of a state before it looks any of them up, so the misses overlap instead
    /// of coming one after the other (the lookups are what a large exploration waits on).
    pub(super) fn prefetch(&self, key: u64) {
        let key = Self::key(key);
        if let Some(s) = self.shard(key)
            && !s.slots.is_empty()
        {
            prefetch(&s.slots[s.home(key)]);
        }
    }

    /// Where the key is or would go: its shard, the slot, and its node if it is there (None
    /// before the first key).
    fn probe(&self, key: u64) -> Option<Probe> {
        let key = Self::key(key);
        let shard = key as usize & (SHARDS - 1);
        let s = self.shards.get(shard)?;
        if s.slots.is_empty() {
            return None;
        }
        let (slot, node) = s.probe(key);
        Some(Probe {
            key,
            shard,
            slot,
            node,
        })
    }

    /// `insert` where `probe` (of this key, with nothing added since) found its place: the
    /// search is not made again.
    fn insert_probed(&mut self, p: Probe, node: u32) {
        let shard = &mut self.shards[p.shard];
        if shard.len + 1 > shard.capacity() {
            // Growing moves the slots: the probe no longer says where the key goes.
            return self.insert(p.key, node);
        }
        if p.node.is_none() {
            shard.len += 1;
        }
        shard.slots[p.slot] = Slot {
            lo: p.key as u32,
            hi: (p.key >> 32) as u32,
            node,
        };
    }

    pub(super) fn insert(&mut self, key: u64, node: u32) {
        if self.shards.is_empty() {
            self.shards = (0..SHARDS).map(|_| Shard::default()).collect();
        }
        let key = Self::key(key);
        let shard = &mut self.shards[key as usize & (SHARDS - 1)];
        if shard.len + 1 > shard.capacity() {
            self.bytes -= shard.slots.capacity() * std::mem::size_of::<Slot>();
            shard.grow();
            self.bytes += shard.slots.capacity() * std::mem::size_of::<Slot>();
        }
        shard.put(key, node);
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.shards.iter().map(|s| s.len).sum()
    }

    pub(super) fn bytes(&self) -> usize {
        self.bytes
    }

    /// Bytes taken while adding `key` (the old and the new copy of its shard, if it grows).
    pub(super) fn bytes_to_add(&self, key: u64) -> usize {
        match self.shard(Self::key(key)) {
            Some(s) if s.len + 1 > s.capacity() => s.grown() * std::mem::size_of::<Slot>(),
            Some(_) => 0,
            None => SHARDS * 16 * std::mem::size_of::<Slot>(),
        }
    }
}

#[inline(always)]
fn prefetch<T>(at: &T) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
        // SAFETY: SSE is part of the x86_64 baseline, so the instruction exists on every CPU
        // this runs on; a prefetch is only a hint (it reads nothing into the program and
        // cannot fault), and the address is a live reference anyway.
        unsafe { _mm_prefetch::<_MM_HINT_T0>(at as *const T as *const i8) };
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = at;
}

/// Where a key is or would go in the key table (see `Table::seen`, `Table::add`).
#[derive(Clone, Copy)]
struct Probe {
    key: u64,
    shard: usize,
    slot: usize,
    node: Option<u32>,
}

/// A fast hasher for the gains (a few words; no untrusted keys).
#[derive(Default)]
struct Mix(u64);

impl Hasher for Mix {
    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 29)
    }
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut w = [0u8; 8];
            w[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(w));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7C_C1_B7_27_22_0A_95);
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(n as u64);
    }
    fn write_u8(&mut self, n: u8) {
        self.write_u64(n as u64);
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

/// The distinct gains of a pass, each stored once: nodes hold an index (states by the million
/// share a few thousand gains).
#[derive(Default)]
struct GainsTable {
    all: Vec<Gains>,
    ids: HashMap<Gains, u32, BuildHasherDefault<Mix>>,
    /// The last gains asked for (states found one after the other mostly share them).
    last: Option<(Gains, u32)>,
}

impl GainsTable {
    fn id(&mut self, g: Gains) -> u32 {
        if let Some((last, id)) = self.last
            && last == g
        {
            return id;
        }
        let id = self.intern(g);
        self.last = Some((g, id));
        id
    }

    fn intern(&mut self, g: Gains) -> u32 {
        let next = self.all.len() as u32;
        let id = *self.ids.entry(g).or_insert(next);
        if id == next {
            self.all.push(g);
        }
        id
    }
    fn bytes(&self) -> usize {
        self.all.capacity() * std::mem::size_of::<Gains>()
            + self.ids.capacity() * (std::mem::size_of::<(Gains, u32)>() + 1) * 8 / 7
    }
}

/// A chance of winning outright (0–1) as the node keeps it: in permille, which is what the
/// decision gives (an authored win is 1000). Upper bounds use the two values above 1000.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Permille(u16);

impl Permille {
    /// Nothing below yet (an upper bound still on the stack).
    pub(super) const OPEN: Permille = Permille(u16::MAX);
    /// Unbounded (a child on a cycle, or not explored).
    pub(super) const INF: Permille = Permille(u16::MAX - 1);

    pub(super) fn of(chance: f32) -> Permille {
        if chance.is_nan() {
            Permille::OPEN
        } else if chance > 1.0 {
            Permille::INF
        } else {
            // −∞ (no final state below) reads as 0: a bound of 0 and of −∞ prune alike.
            Permille((chance.max(0.0) * 1000.0).round() as u16)
        }
    }

    pub(super) fn get(self) -> f32 {
        match self {
            Permille::OPEN => f32::NAN,
            Permille::INF => f32::INFINITY,
            Permille(p) => p as f32 / 1000.0,
        }
    }
}

/// Values of a state's futures.
#[derive(Clone, Copy, Debug)]
pub(super) struct Entry {
    /// Best and worst final totals below (NaN: nothing counted below).
    pub(super) best: f32,
    pub(super) worst: f32,
    /// Upper bound on the best total of any final state below (NaN while the node is still
    /// on the stack). Unlike `best`, which folds only the children this node reached first,
    /// it also takes the value of the state that covers a child (and +∞ for a child still
    /// open, on a cycle), so a trap's pass can prune on it soundly. `ub_win` likewise for the
    /// chance of winning outright.
    pub(super) ub: f32,
    /// Best chance of winning outright below.
    pub(super) win: Permille,
    pub(super) ub_win: Permille,
    /// The choices that lead to them (the nodes they lead to are found again by key when a
    /// line is followed, see `Table::find`: not kept, they were a fifth of a node).
    pub(super) best_next: Ix,
    pub(super) worst_next: Ix,
}

impl Entry {
    pub(super) const OPEN: Entry = Entry {
        best: f32::NAN,
        worst: f32::NAN,
        ub: f32::NAN,
        win: Permille(0),
        ub_win: Permille::OPEN,
        best_next: NONE,
        worst_next: NONE,
    };

    /// Fold in a child reached by `ix` (ties keep the earlier choice: deterministic).
    pub(super) fn fold(&mut self, ix: Ix, e: &Entry) {
        if e.best.is_nan() {
            return;
        }
        if self.best.is_nan() || e.best > self.best {
            self.best = e.best;
            self.best_next = ix;
        }
        if self.worst.is_nan() || e.worst < self.worst {
            self.worst = e.worst;
            self.worst_next = ix;
        }
        self.win = self.win.max(e.win);
    }
}

/// One visited state: its gains (the rest is in its key), the values of its futures, and
/// the next state with the same key.
#[derive(Clone, Copy, Debug)]
pub(super) struct Node {
    /// Index in the pass's `GainsTable`, with `COVERED` once a later state with the same key
    /// covers it (see `Table::add`).
    gains: u32,
    next: u32,
    pub(super) entry: Entry,
}

/// A node's mark once a later node with its key covers it: it stays in its key's list (after
/// every node not covered) so that a line through it can be followed, but no state is
/// compared with it again.
const COVERED: u32 = 1 << 31;

impl Node {
    fn covered(&self) -> bool {
        self.gains & COVERED != 0
    }
}

/// What the explorer does with a state it reaches.
pub(super) enum Seen {
    /// Visited before: this node.
    Same(u32),
    /// Another state with the same key, this node, is at least as good in every gain (as
    /// bad, when looking for the worst line): nothing below this one can do better.
    Covered(u32),
    New,
}

/// What a pass looks for.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Aim {
    /// The best line; also the endings, dead ends and the mistakes lines make.
    Best,
    Worst,
    /// The best line among those that make this mistake or trap.
    Trap(u64),
    /// Any line that makes it and can still win outright (a search that stops at the first).
    TrapWin(u64),
    /// What is reachable, without values: the endings, the mistakes made, the dead ends, the
    /// scenes and choices. The best pass may leave out a state for one that is better in
    /// every gain, but a state worse in the meters or the competitors' standing can be
    /// shelved where the better one is won (the customer's decision), and one with a lower
    /// funnel or less money can make a spending or exit mistake the better one cannot. This
    /// pass merges states only when they share their future and every gain that can still
    /// steer it (`steering_gains`); the rest of the gains (points, mistakes made, the week of
    /// the diagnosis) change the score and nothing else.
    Reach,
}

/// Bytes one visited state takes: its node, and its share of the key table (at its fullest).
pub fn entry_size() -> usize {
    std::mem::size_of::<Node>() + std::mem::size_of::<Slot>() * 8 / 7
}

/// The visited set of one pass.
pub(super) struct Table {
    pub(super) aim: Aim,
    heads: Heads,
    nodes: Vec<Node>,
    gains: GainsTable,
    /// Where the last key `seen` looked for is or would go: a state found new is added next,
    /// and its key's place is then not searched for again (it was twice: for its list and
    /// to insert it).
    last: Option<Probe>,
}

impl Table {
    pub(super) fn new(aim: Aim) -> Table {
        Table {
            aim,
            heads: Heads::default(),
            nodes: Vec::new(),
            gains: GainsTable::default(),
            last: None,
        }
    }

    pub(super) fn len(&self) -> usize {
        self.nodes.len()
    }

    pub(super) fn node(&self, i: u32) -> &Node {
        &self.nodes[i as usize]
    }

    pub(super) fn get(&self, i: u32) -> Option<&Node> {
        self.nodes.get(i as usize)
    }

    pub(super) fn entry_mut(&mut self, i: u32) -> &mut Entry {
        &mut self.nodes[i as usize].entry
    }

    pub(super) fn gains_of(&self, n: &Node) -> &Gains {
        &self.gains.all[(n.gains & !COVERED) as usize]
    }

    pub(super) fn prefetch(&self, key: u64) {
        self.heads.prefetch(key);
    }

    pub(super) fn bytes(&self) -> usize {
        self.nodes.capacity() * std::mem::size_of::<Node>()
            + self.heads.bytes()
            + self.gains.bytes()
    }

    /// Bytes the table would take at its largest while adding a state with this key: the
    /// node store and the key's shard may grow (and the shard is copied as it grows).
    pub(super) fn bytes_to_add(&self, key: u64) -> usize {
        let nodes = if self.nodes.len() == self.nodes.capacity() {
            self.grown_nodes() * std::mem::size_of::<Node>()
        } else {
            0
        };
        self.bytes() + nodes + self.heads.bytes_to_add(key)
    }

    /// The node store's next size: half again (reallocating a large vector moves its pages
    /// rather than copying them, so there is never a second copy).
    fn grown_nodes(&self) -> usize {
        (self.nodes.capacity() / 2).max(1024)
    }

    /// Whether gains `a` are at least as good as `b` for this pass.
    fn covers(&self, a: &Gains, b: &Gains) -> bool {
        match self.aim {
            Aim::Best | Aim::Trap(_) | Aim::TrapWin(_) => a.covers(b),
            Aim::Worst => b.covers(a),
            Aim::Reach => false,
        }
    }

    pub(super) fn seen(&mut self, key: u64, g: &Gains) -> Seen {
        self.last = self.heads.probe(key);
        let mut i = self.last.and_then(|p| p.node).unwrap_or(NIL);
        if self.aim == Aim::Reach && i != NIL {
            return Seen::Same(i);
        }
        while i != NIL && !self.nodes[i as usize].covered() {
            let n = &self.nodes[i as usize];
            let ng = self.gains_of(n);
            if ng == g {
                return Seen::Same(i);
            }
            if self.covers(ng, g) {
                return Seen::Covered(i);
            }
            i = n.next;
        }
        Seen::New
    }

    /// The values of a state's node in this (complete) table, or of a state covering it:
    /// its `ub` and `ub_win` bound what the state can reach. None when the table never saw
    /// its key.
    pub(super) fn bound(&self, key: u64, g: &Gains) -> Option<Entry> {
        let mut i = self.heads.get(key).unwrap_or(NIL);
        while i != NIL && !self.nodes[i as usize].covered() {
            let n = &self.nodes[i as usize];
            let ng = self.gains_of(n);
            if ng == g || ng.covers(g) {
                return Some(n.entry);
            }
            i = n.next;
        }
        None
    }

    /// The node of a state this table visited, by its key and gains (covered or not): the
    /// next node of a line.
    pub(super) fn find(&self, key: u64, g: &Gains) -> Option<u32> {
        let mut i = self.heads.get(key).unwrap_or(NIL);
        while i != NIL {
            let n = &self.nodes[i as usize];
            if self.gains_of(n) == g {
                return Some(i);
            }
            i = n.next;
        }
        None
    }

    pub(super) fn add(&mut self, key: u64, gains: Gains) -> u32 {
        let i = self.nodes.len() as u32;
        // The key's list: the new node, the nodes it does not cover (in their order), the
        // ones it covers (marked: a state the new one covers is never worth visiting again;
        // its node stays, for the values already folded from it and the lines through it),
        // then those covered before.
        let (mut live, mut live_end) = (NIL, NIL);
        let (mut gone, mut gone_end) = (NIL, NIL);
        // The probe `seen` just made of this key, if nothing was added since.
        let probe = self
            .last
            .take()
            .filter(|p| p.key == Heads::key(key))
            .or_else(|| self.heads.probe(key));
        let mut j = probe.and_then(|p| p.node).unwrap_or(NIL);
        while j != NIL && !self.nodes[j as usize].covered() {
            let next = self.nodes[j as usize].next;
            let (first, end) = if self.covers(&gains, self.gains_of(&self.nodes[j as usize])) {
                self.nodes[j as usize].gains |= COVERED;
                (&mut gone, &mut gone_end)
            } else {
                (&mut live, &mut live_end)
            };
            if *end == NIL {
                *first = j;
            } else {
                self.nodes[*end as usize].next = j;
            }
            *end = j;
            j = next;
        }
        // j: the first of those covered before (or the list's end).
        let mut rest = j;
        if gone_end != NIL {
            self.nodes[gone_end as usize].next = rest;
            rest = gone;
        }
        if live_end != NIL {
            self.nodes[live_end as usize].next = rest;
            rest = live;
        }
        match probe {
            Some(p) => self.heads.insert_probed(p, i),
            None => self.heads.insert(key, i),
        }
        let gains = self.gains.id(gains);
        debug_assert!(gains & COVERED == 0, "fewer than 2^31 distinct gains");
        if self.nodes.len() == self.nodes.capacity() {
            self.nodes.reserve_exact(self.grown_nodes());
        }
        self.nodes.push(Node {
            gains,
            next: rest,
            entry: Entry::OPEN,
        });
        i
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_survive_growth_and_zero_is_a_key() {
        let mut h = Heads::default();
        let key = |i: u64| i.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        for i in 0..100_000u64 {
            h.insert(key(i), i as u32);
        }
        assert_eq!(h.len(), 100_000);
        for i in 0..100_000u64 {
            assert_eq!(h.get(key(i)), Some(i as u32));
        }
        assert_eq!(h.get(12345), None);
        h.insert(0, 7);
        assert_eq!(h.get(0), Some(7));
        assert_eq!(h.get(1), Some(7), "0 is stored as 1");
        // Every shard stays at most 7/8 full.
        assert!(h.shards.iter().all(|s| s.len <= s.capacity()));
    }

    #[test]
    fn permille_keeps_chances_and_bounds() {
        assert_eq!(Permille::of(0.437).get(), 0.437);
        assert_eq!(Permille::of(1.0).get(), 1.0);
        assert!(Permille::of(f32::NAN).get().is_nan());
        assert_eq!(Permille::of(f32::INFINITY).get(), f32::INFINITY);
        assert_eq!(Permille::of(f32::NEG_INFINITY).get(), 0.0);
        assert!(Permille::of(0.2) < Permille::of(0.3));
    }

    #[test]
    fn a_covered_node_is_no_longer_compared_but_still_found() {
        let g = |points: i32, funnel: u8| Gains {
            money_left: 0,
            diagnosed_week: 3,
            points: [points, 0, 0, 0],
            meters: [0; 5],
            funnel,
            mistakes: 0,
            rivals: [0; crate::engine::compile::MAX_GAIN_RIVALS],
        };
        let mut t = Table::new(Aim::Best);
        let (a, b, c) = (t.add(7, g(1, 1)), t.add(7, g(2, 0)), t.add(7, g(0, 2)));
        // a, b and c are on a frontier: none covers another.
        assert!(matches!(t.seen(7, &g(1, 1)), Seen::Same(i) if i == a));
        // d covers a and c, not b.
        let d = t.add(7, g(1, 2));
        assert!(matches!(t.seen(7, &g(1, 1)), Seen::Covered(i) if i == d));
        assert!(matches!(t.seen(7, &g(0, 2)), Seen::Covered(i) if i == d));
        assert!(matches!(t.seen(7, &g(2, 0)), Seen::Same(i) if i == b));
        assert!(matches!(t.seen(7, &g(0, 0)), Seen::Covered(_)));
        assert!(matches!(t.seen(7, &g(3, 3)), Seen::New));
        assert!(t.bound(7, &g(1, 1)).is_some());
        // The covered ones stay findable for the lines through them.
        for (gains, node) in [(g(1, 1), a), (g(2, 0), b), (g(0, 2), c), (g(1, 2), d)] {
            assert_eq!(t.find(7, &gains), Some(node));
        }
        assert_eq!(t.find(8, &g(1, 1)), None);
        // A later one covering everything leaves one node compared.
        let e = t.add(7, g(5, 5));
        assert!(matches!(t.seen(7, &g(2, 0)), Seen::Covered(i) if i == e));
        assert_eq!(t.find(7, &g(2, 0)), Some(b));
        assert_eq!(t.find(7, &g(1, 1)), Some(a));
    }
}
