//! Criterion benches for the simulation core: loading + validating the bundled cases,
//! exhaustive analysis, random playouts. Run: `cargo bench --no-default-features --bench core`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dealcraft::analysis::explore::{DEFAULT_STATE_CAP, explore};
use dealcraft::analysis::generated;
use dealcraft::analysis::playouts::playout;
use dealcraft::bundled;
use dealcraft::engine::load_bytes;

fn load_and_validate(c: &mut Criterion) {
    let mut g = c.benchmark_group("load+validate");
    for (file, src) in bundled::BUNDLED {
        g.throughput(Throughput::Bytes(src.len() as u64));
        g.bench_function(*file, |b| {
            b.iter(|| {
                let l = load_bytes(file, src.as_bytes());
                assert!(l.case.is_some());
                l
            })
        });
    }
    g.finish();
}

fn analyze(c: &mut Criterion) {
    let mut g = c.benchmark_group("analyze (exhaustive, one seed)");
    g.sample_size(10);
    for l in bundled::load_all() {
        let case = l.case.expect("bundled cases load");
        g.bench_function(case.case.id.as_str(), |b| {
            b.iter(|| {
                let e = explore(&case, 1, DEFAULT_STATE_CAP);
                assert!(e.exhaustive);
                e.states
            })
        });
    }
    g.finish();
}

/// The generated family (`analysis::generated`): a state count known by construction, so the
/// throughput is in states per second.
fn analysis_scale(c: &mut Criterion) {
    let mut g = c.benchmark_group("analysis-scale (generated, exhaustive)");
    g.sample_size(10);
    for (name, lengths) in generated::family().into_iter().take(2) {
        let src = generated::chains(&lengths);
        let case = load_bytes("gen.ron", src.as_bytes())
            .case
            .expect("generated cases load");
        let n = generated::analyzed_states(&lengths);
        g.throughput(Throughput::Elements(n));
        g.bench_function(name, |b| {
            b.iter(|| {
                let e = explore(&case, 1, DEFAULT_STATE_CAP);
                assert!(e.exhaustive && e.states as u64 == n);
                e.states
            })
        });
    }
    g.finish();
}

fn playouts(c: &mut Criterion) {
    let mut g = c.benchmark_group("random playouts");
    for l in bundled::load_all() {
        let case = l.case.expect("bundled cases load");
        g.throughput(Throughput::Elements(1));
        let mut seed = 0u64;
        g.bench_function(case.case.id.as_str(), |b| {
            b.iter(|| {
                seed += 1;
                playout(&case, seed)
            })
        });
    }
    g.finish();
}

criterion_group!(
    benches,
    load_and_validate,
    analyze,
    analysis_scale,
    playouts
);
criterion_main!(benches);
