//! The one source of chance: rand's Xoshiro256++ seeded from the game seed.
//!
//! Each draw point gets a stream seeded from (seed, week, purpose). That keeps every game state
//! a plain value — saves are the seed plus the choices, and analysis can memoise states —
//! while the whole game still depends on nothing but the one seed. Draws are keyed by the
//! week, not by the number of moves, so a line cannot re-roll its luck by making idle moves;
//! the customer's decision uses one draw per seed, so a stronger position never loses where a
//! weaker one would have won.

use rand::rngs::Xoshiro256PlusPlus;
use rand::{RngExt, SeedableRng};

#[derive(Clone, Copy)]
pub enum Purpose {
    Variant,
    Branch(u32),
    Event(u32),
    /// A competitor's move in a week.
    Rival(u32),
    /// The customer's decision.
    Decision,
    /// Random playouts in the analysis (not part of a game).
    Playout,
}

pub fn stream(seed: u64, week: u32, purpose: Purpose) -> Xoshiro256PlusPlus {
    let salt = match purpose {
        Purpose::Variant => 0x5a17_u64,
        Purpose::Branch(i) => 0x1_0000_0000 | i as u64,
        Purpose::Event(i) => 0x2_0000_0000 | i as u64,
        Purpose::Playout => 0x3_0000_0000,
        Purpose::Rival(i) => 0x4_0000_0000 | i as u64,
        Purpose::Decision => 0x5_0000_0000,
    };
    let mixed = seed
        ^ (week as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
        ^ salt.wrapping_mul(0xD1B5_4A32_D192_ED03);
    Xoshiro256PlusPlus::seed_from_u64(mixed)
}

/// True with `percent` % probability.
pub fn roll(seed: u64, week: u32, purpose: Purpose, percent: u8) -> bool {
    stream(seed, week, purpose).random_range(0..100u32) < percent as u32
}

/// A uniform draw in [0, 1).
pub fn unit(seed: u64, week: u32, purpose: Purpose) -> f64 {
    stream(seed, week, purpose).random::<f64>()
}

/// Index picked by weight.
pub fn weighted(seed: u64, weights: &[u32]) -> Option<usize> {
    let total: u64 = weights.iter().map(|&w| w as u64).sum();
    if total == 0 {
        return None;
    }
    let mut pick = stream(seed, 0, Purpose::Variant).random_range(0..total);
    for (i, &w) in weights.iter().enumerate() {
        if pick < w as u64 {
            return Some(i);
        }
        pick -= w as u64;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_draws() {
        for seed in [0, 1, 42, u64::MAX] {
            let a: Vec<bool> = (0..50)
                .map(|t| roll(seed, t, Purpose::Event(3), 50))
                .collect();
            let b: Vec<bool> = (0..50)
                .map(|t| roll(seed, t, Purpose::Event(3), 50))
                .collect();
            assert_eq!(a, b);
        }
    }

    #[test]
    fn variants_follow_weights_roughly() {
        let mut counts = [0u32; 2];
        for seed in 0..2000 {
            counts[weighted(seed, &[1, 3]).unwrap()] += 1;
        }
        assert!(counts[1] > counts[0] * 2, "{counts:?}");
        assert!(counts[0] > 300, "{counts:?}");
    }

    #[test]
    fn zero_and_hundred_percent_are_certain() {
        for t in 0..100 {
            assert!(!roll(7, t, Purpose::Branch(1), 0));
            assert!(roll(7, t, Purpose::Branch(1), 100));
        }
    }
}
