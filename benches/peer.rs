//! The peer benchmark: random playthroughs per second of the same case, played by our engine
//! and by an ink story (the case's branching, rules and scoring written in ink by
//! `benches/peer/gen_ink.py`) run by bladeink. Goal: ours ≥ 10×.
//!
//! Run: `cargo bench --no-default-features --bench peer`
//! Case: `PEER_CASE=first-lead` (default `haicheng`; `benches/peer/<case>.ink.json` must exist).
//! Before timing, both sides play `PEER_CHECK_N` (default 2000) seeds and the mean score and
//! mean number of moves of each are printed: they should agree (the RNGs differ, not the rules).
//!
//! Helper for the generator: `PEER_DUMP_CASE=cases/haicheng.ron cargo bench
//! --no-default-features --bench peer` prints the loaded case as JSON and exits.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use bladeink::story::Story;
use bladeink::value_type::ValueType;
use criterion::{BenchmarkId, Criterion, Throughput};
use dealcraft::analysis::playouts::playout;
use dealcraft::engine::Compiled;
use dealcraft::engine::load_path;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn load_case(path: &Path) -> Arc<Compiled> {
    let loaded = load_path(path);
    match loaded.case {
        Some(c) => c,
        None => panic!(
            "{} does not load: {}",
            path.display(),
            loaded
                .first_error()
                .map(|d| d.to_string())
                .unwrap_or_default()
        ),
    }
}

/// Tiny seeded generator for the ink side's choice picks (SplitMix64).
struct Picks(u64);
impl Picks {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        (z % n as u64) as usize
    }
}

/// One random playthrough of the ink story, from a reset to an end. Returns the story's
/// `total` (the same weighted score as ours) and the number of choices taken.
fn ink_playthrough(story: &mut Story, seed: u64) -> (f64, u32) {
    story.reset_state().expect("reset");
    // The story seeds its own RANDOM from this (variants, chance branches and events).
    story
        .set_variable("run_seed", &ValueType::from((seed % 1_000_000_007) as i32))
        .expect("run_seed");
    let mut picks = Picks(seed);
    let mut steps = 0;
    loop {
        while story.can_continue() {
            story.cont().expect("continue");
        }
        let choices = story.get_current_choices();
        if choices.is_empty() {
            break;
        }
        story
            .choose_choice_index(picks.below(choices.len()))
            .expect("choose");
        steps += 1;
        assert!(steps < 10_000, "the ink story does not end");
    }
    let total = match story.get_variable("total") {
        Some(ValueType::Float(f)) => f as f64,
        Some(ValueType::Int(i)) => i as f64,
        _ => panic!("the story has no numeric `total` at the end"),
    };
    (total, steps)
}

/// Moves in our random playout with this seed (the same loop as `playout`, counting turns).
fn our_turns(c: &Compiled, seed: u64) -> u32 {
    use dealcraft::engine::game::{available, step};
    use dealcraft::engine::rng::{Purpose, stream};
    use dealcraft::engine::state::State;
    use dealcraft::engine::trace::Trace;
    use rand::RngExt;
    let mut s = State::start(c, seed);
    let mut rng = stream(seed, 0, Purpose::Playout);
    let mut turns = 0u32;
    while s.ending.is_none() && turns < 10_000 {
        let options = available(c, &s);
        if options.is_empty() {
            break;
        }
        let ix = options[rng.random_range(0..options.len())];
        step(c, &mut s, ix, &mut Trace::default());
        turns += 1;
    }
    turns
}

fn mean(xs: &[f64]) -> f64 {
    xs.iter().sum::<f64>() / xs.len().max(1) as f64
}

fn main() {
    if let Ok(path) = std::env::var("PEER_DUMP_CASE") {
        let c = load_case(&root().join(path));
        println!("{}", serde_json::to_string(&c.case).expect("case to JSON"));
        return;
    }
    let id = std::env::var("PEER_CASE").unwrap_or_else(|_| "haicheng".into());
    let case = load_case(&root().join("cases").join(format!("{id}.ron")));
    let ink_path = root().join("benches/peer").join(format!("{id}.ink.json"));
    let json = std::fs::read_to_string(&ink_path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (generate it: python3 benches/peer/gen_ink.py {id})",
            ink_path.display()
        )
    });
    let mut story = Story::new_with_seed(&json, 1).expect("the ink story loads in bladeink");

    // Both sides play the same game: compare the score distributions before timing them.
    let n: u64 = std::env::var("PEER_CHECK_N")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(2_000);
    let ours: Vec<f64> = (0..n).filter_map(|s| playout(&case, s)).collect();
    let ink: Vec<(f64, u32)> = (0..n).map(|s| ink_playthrough(&mut story, s)).collect();
    let ink_totals: Vec<f64> = ink.iter().map(|x| x.0).collect();
    // How much of an ink playthrough is the reset alone (for the report, not a benchmark).
    let t = std::time::Instant::now();
    for _ in 0..200 {
        story.reset_state().expect("reset");
    }
    let reset_us = t.elapsed().as_secs_f64() * 1e6 / 200.0;
    eprintln!(
        "peer/{id}: {n} random playthroughs each: ours mean total {:.1} ({} finished), ink mean \
         total {:.1}; mean choices: ours {:.2}, ink {:.2}; ink reset_state alone {reset_us:.1} µs",
        mean(&ours),
        ours.len(),
        mean(&ink_totals),
        (0..n).map(|s| our_turns(&case, s) as f64).sum::<f64>() / n as f64,
        ink.iter().map(|x| x.1 as f64).sum::<f64>() / n as f64,
    );

    let mut c = Criterion::default()
        .measurement_time(Duration::from_secs(10))
        .configure_from_args();
    {
        let mut g = c.benchmark_group("random playthrough");
        g.throughput(Throughput::Elements(1));
        let mut seed = 0u64;
        g.bench_function(BenchmarkId::new("bladeink", &id), |b| {
            b.iter(|| {
                seed += 1;
                ink_playthrough(&mut story, seed)
            })
        });
        let mut seed = 0u64;
        g.bench_function(BenchmarkId::new("ours", &id), |b| {
            b.iter(|| {
                seed += 1;
                playout(&case, seed)
            })
        });
        g.finish();
    }
    c.final_summary();
}
