//! The analysis at scale: the generated family's state counts are what its construction says,
//! the report is the same byte for byte on one thread or two, and a case too big for the
//! memory bound stops at it with a useful report (`exhaustive: false`, what was covered, a
//! sampled best line). Measurements: docs/performance.md.

use std::sync::Arc;

use dealcraft::analysis::explore::Stop;
use dealcraft::analysis::generated::{analyzed_states, chains, decimal, family};
use dealcraft::analysis::{Analysis, Options, analyze_with};
use dealcraft::engine::Compiled;
use dealcraft::engine::load_bytes;

fn generated(lengths: &[u32]) -> Arc<Compiled> {
    let src = chains(lengths);
    let l = load_bytes("gen.ron", src.as_bytes());
    assert!(l.diagnostics.is_empty(), "{:#?}", l.diagnostics);
    l.case.expect("loads")
}

fn analysis(c: &Compiled, threads: usize, max_bytes: usize) -> Analysis {
    analyze_with(
        c,
        1,
        Options {
            playouts: 200,
            threads,
            max_bytes,
            ..Options::default()
        },
        || {},
    )
}

/// The JSON report without its wall-clock time.
fn json(a: &Analysis) -> String {
    let mut v = serde_json::to_value(a).expect("serialises");
    v.as_object_mut().expect("object").remove("elapsed_ms");
    serde_json::to_string_pretty(&v).expect("serialises")
}

#[test]
fn the_generated_family_has_the_state_counts_of_its_construction() {
    let sizes: Vec<(&str, u64)> = family()
        .iter()
        .map(|(n, l)| (*n, analyzed_states(l)))
        .collect();
    assert_eq!(
        sizes,
        [
            ("1k", 1_000),
            ("100k", 100_000),
            ("500k", 500_000),
            ("1m", 1_000_000),
            ("10m", 10_000_000),
            ("100m", 100_000_000)
        ]
    );
    for lengths in [vec![1], vec![3, 2], decimal(3), decimal(4), decimal(5)] {
        let a = analysis(&generated(&lengths), 1, 1 << 30);
        assert!(a.exhaustive, "{lengths:?}");
        assert_eq!(a.states as u64, analyzed_states(&lengths), "{lengths:?}");
        assert_eq!(a.best.as_ref().map(|b| b.score), Some(50.0));
    }
}

#[test]
fn the_report_is_the_same_on_one_thread_or_two() {
    let mut cases: Vec<(String, Arc<Compiled>)> = ["first-lead.ron", "board-tuesday.ron"]
        .iter()
        .map(|f| {
            let (_, src) = dealcraft::bundled::BUNDLED
                .iter()
                .find(|(n, _)| n == f)
                .expect("bundled");
            (
                f.to_string(),
                load_bytes(f, src.as_bytes()).case.expect("loads"),
            )
        })
        .collect();
    cases.push(("gen 1k".into(), generated(&decimal(3))));
    cases.push(("gen 100k".into(), generated(&decimal(5))));
    for (name, c) in &cases {
        let one = json(&analysis(c, 1, 1 << 30));
        let two = json(&analysis(c, 2, 1 << 30));
        assert_eq!(one, two, "{name}");
    }
    // Also where the memory bound stops a multi-variant case early.
    let (_, src) = dealcraft::bundled::BUNDLED
        .iter()
        .find(|(n, _)| *n == "board-tuesday.ron")
        .expect("bundled");
    let c = load_bytes("b.ron", src.as_bytes()).case.expect("loads");
    let one = analysis(&c, 1, 3 << 20);
    assert!(!one.exhaustive);
    assert_eq!(json(&one), json(&analysis(&c, 2, 3 << 20)));
}

#[test]
fn a_case_past_the_memory_bound_stops_there_with_a_useful_report() {
    // 2 × 10⁶ states, against a 16 MiB bound.
    let c = generated(&decimal(6));
    let a = analysis(&c, 2, 16 << 20);
    assert!(!a.exhaustive);
    assert_eq!(a.stopped, Some(Stop::Memory));
    assert!(a.states > 10_000 && a.states < 1_000_000, "{}", a.states);
    assert!(a.bytes <= 16 << 20, "{}", a.bytes);
    let best = a.best.as_ref().expect("a sampled best line");
    assert_eq!(best.score, 50.0);
    assert!(a.worst.is_some());
}
