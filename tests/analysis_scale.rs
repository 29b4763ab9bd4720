//! The analysis at scale: the generated family's state counts are what its construction says,
//! the report is the same byte for byte on one thread or several, and a case too big for the
//! memory bound stops at it with a useful report (`exhaustive: false`, what was covered, a
//! sampled best line). Measurements: docs/performance.md.

use std::sync::Arc;

use dealcraft::analysis::explore::{Limits, Stop, best_line, best_line_paced};
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
fn the_report_is_the_same_on_one_thread_or_several() {
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
        for threads in [2, 5] {
            assert_eq!(
                one,
                json(&analysis(c, threads, 1 << 30)),
                "{name}, {threads}"
            );
        }
    }
    // Also where the memory bound stops a multi-variant case early.
    let (_, src) = dealcraft::bundled::BUNDLED
        .iter()
        .find(|(n, _)| *n == "board-tuesday.ron")
        .expect("bundled");
    let c = load_bytes("b.ron", src.as_bytes()).case.expect("loads");
    // 3 MiB stops the first variant's best pass; at 4 MiB its best pass ends and its worst
    // pass stops (run beside its other passes, set aside for a sampled worst line).
    for mib in [3, 4] {
        let one = analysis(&c, 1, mib << 20);
        assert!(!one.exhaustive || mib == 4, "{mib}");
        for threads in [2, 5] {
            let other = analysis(&c, threads, mib << 20);
            assert_eq!(json(&one), json(&other), "{mib} MiB, {threads}");
        }
    }
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

/// Peak resident memory of this process's children that have been waited for, in KiB.
#[cfg(target_os = "linux")]
fn children_peak_rss_kib() -> i64 {
    // SAFETY: getrusage writes one plain struct, which is zeroed and ours.
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    let ok = unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut u) };
    assert_eq!(ok, 0, "getrusage");
    u.ru_maxrss
}

#[cfg(target_os = "linux")]
#[test]
fn a_wide_deep_case_stays_within_the_memory_bound() {
    // 1,500 once-only choices, all on offer at once: lines 1,500 moves deep with a choice of
    // up to 1,500 at every step. The search stack (each state on it with its children being
    // looked at) counts in the bound as the visited set does, so the process stays near
    // `--max-memory` instead of growing with the depth times the width.
    let dir = std::env::temp_dir().join(format!("dealcraft-wide-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("wide.ron");
    std::fs::write(&file, chains(&[1; 1500])).expect("write case");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_dealcraft"))
        .args(["analyze", "--json", "--playouts", "0", "--threads", "1"])
        .args(["--max-memory", "24"])
        .arg(&file)
        .output()
        .expect("dealcraft runs");
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    assert_eq!(report["exhaustive"], false);
    assert_eq!(report["stopped"], "memory");
    assert!(report["states"].as_u64().unwrap() > 1_000, "{report}");
    // The program itself (case, code, buffers) is well under 40 MiB here.
    let peak = children_peak_rss_kib();
    assert!(peak < (24 + 40) << 10, "peak RSS {peak} KiB");
}

/// The browser's expert line is searched a slice at a time, pausing between slices so the page
/// keeps drawing: whatever the slice, it is the line of the search run whole, also where the
/// state bound stops the search and the line is sampled.
#[test]
fn a_search_paused_between_slices_finds_the_same_line() {
    use std::future::Future;
    use std::pin::Pin;
    use std::task::{Context, Poll, Waker};
    /// Pending once, then ready: the search is really suspended at every pause.
    struct Pause(bool);
    impl Future for Pause {
        type Output = ();
        fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
            if self.0 {
                return Poll::Ready(());
            }
            self.0 = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
    fn block_on<F: Future>(f: F) -> F::Output {
        let mut f = std::pin::pin!(f);
        let mut cx = Context::from_waker(Waker::noop());
        loop {
            if let Poll::Ready(v) = f.as_mut().poll(&mut cx) {
                return v;
            }
        }
    }
    for (file, src) in dealcraft::bundled::BUNDLED {
        let c = load_bytes(file, src.as_bytes()).case.expect("loads");
        for (seed, cap) in [(7, 4_000_000), (3, 5_000)] {
            let whole = best_line(&c, seed, Limits::states(cap));
            for slice in [1, 10_000] {
                let mut pauses = 0usize;
                let paced = block_on(best_line_paced(
                    &c,
                    seed,
                    Limits::states(cap),
                    slice,
                    || {
                        pauses += 1;
                        Pause(false)
                    },
                ));
                assert_eq!(
                    whole, paced,
                    "{file}, seed {seed}, cap {cap}, slice {slice}"
                );
                if slice == 1 {
                    assert!(pauses > 10, "{file}: the search paused ({pauses})");
                }
            }
        }
    }
}
