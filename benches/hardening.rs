//! Time bounds of issue 10 (hardening), as benchmarks rather than timed tests: validating the
//! 2 MB hostile cases, and building a results file (bounded expert line) for cases whose full
//! exploration is huge. Run: `cargo bench --no-default-features --bench hardening`.

#[path = "../tests/hostile_gen/mod.rs"]
mod hostile_gen;

use std::time::{Duration, UNIX_EPOCH};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dealcraft::case::Lang;
use dealcraft::engine::Game;
use dealcraft::engine::load_bytes;

fn validate(c: &mut Criterion) {
    let mut g = c.benchmark_group("validate (hostile, 2 MB)");
    g.sample_size(10).measurement_time(Duration::from_secs(5));
    let mut n = 1_000;
    while hostile_gen::one_line_with_errors(n * 2).len() < hostile_gen::MAX {
        n *= 2;
    }
    let cases = [
        ("font coverage W109, 2 MB", hostile_gen::font_heavy()),
        (
            "10,000 unlearned facts",
            hostile_gen::unlearned_facts(10_000),
        ),
        (
            "30,000 unknown scenes",
            hostile_gen::many_unknown_scenes(30_000),
        ),
        (
            "one line of unknown facts",
            hostile_gen::one_line_with_errors(n),
        ),
        (
            "369 missing translations",
            hostile_gen::missing_translations(369),
        ),
    ];
    for (name, src) in &cases {
        g.throughput(Throughput::Bytes(src.len() as u64));
        g.bench_function(*name, |b| {
            b.iter(|| load_bytes("bench.ron", src.as_bytes()))
        });
    }
    g.finish();
}

fn results_file(c: &mut Criterion) {
    let mut g = c.benchmark_group("results file (bounded expert line)");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    let cases = [
        ("28 free choices", hostile_gen::free_choices(28), "c"),
        ("chain of 9,000 moves", hostile_gen::chain(9_000), "c"),
        (
            "coal-mine",
            dealcraft::bundled::source("coal-mine").unwrap().to_string(),
            "",
        ),
    ];
    for (name, src, line) in &cases {
        let case = load_bytes("bench.ron", src.as_bytes())
            .case
            .unwrap_or_else(|| panic!("{name} loads"));
        let game = Game::replay(case, 1, line.split_whitespace()).unwrap();
        let t = UNIX_EPOCH + Duration::from_secs(1_780_000_000);
        g.bench_function(*name, |b| {
            b.iter(|| dealcraft::results::build_at(&game, "h", "p", Lang::En, t, t))
        });
    }
    g.finish();
}

criterion_group!(benches, validate, results_file);
criterion_main!(benches);
