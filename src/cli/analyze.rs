//! `dealcraft analyze CASE`

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};

use super::output::{outln, print_json};
use super::{CmdResult, Failure, load_case};
use crate::analysis::explore::{Line, Stop};
use crate::analysis::{Options, analyze_with};

/// The bounds a user gives on the command line.
pub struct Bounds {
    pub playouts: usize,
    pub max_states: usize,
    pub max_memory_mib: usize,
    pub max_seconds: Option<f64>,
    pub threads: Option<usize>,
}

pub fn run(case: &str, seed: u64, b: Bounds, json: bool) -> CmdResult {
    let c = load_case(case)?;
    if let Some(s) = b.max_seconds
        && !(s > 0.0 && s.is_finite())
    {
        return Err(Failure::Usage(format!(
            "--max-seconds must be a positive number, not {s}"
        )));
    }
    let states = AtomicUsize::new(0);
    let started = Instant::now();
    let options = Options {
        playouts: b.playouts,
        max_states: b.max_states.max(1),
        max_bytes: b.max_memory_mib.max(1).saturating_mul(1 << 20),
        deadline: b
            .max_seconds
            .map(|s| started + Duration::from_secs_f64(s.min(1e9))),
        threads: b.threads.unwrap_or(Options::default().threads).max(1),
        progress: Some(&states),
    };
    // Shown only on a terminal, and never with --json.
    let bar = if json {
        ProgressBar::hidden()
    } else {
        ProgressBar::new_spinner()
    };
    bar.set_style(
        ProgressStyle::with_template("{spinner} {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    let done = std::sync::atomic::AtomicBool::new(false);
    let a = std::thread::scope(|scope| {
        // The bar's own thread, only where the bar is drawn; woken at the end rather than
        // left to finish its sleep (a short analysis would otherwise wait for it).
        let ticker = (!bar.is_hidden()).then(|| {
            scope.spawn(|| {
                while !done.load(Ordering::Relaxed) {
                    let n = states.load(Ordering::Relaxed);
                    let secs = started.elapsed().as_secs_f64().max(1e-3);
                    bar.set_message(format!(
                        "exploring: {n} states · {:.0} k states/s · {} MiB",
                        n as f64 / secs / 1000.0,
                        (crate::analysis::explore::entry_size() * n) >> 20
                    ));
                    bar.tick();
                    std::thread::park_timeout(Duration::from_millis(120));
                }
            })
        });
        let a = analyze_with(&c, seed, options, || {});
        done.store(true, Ordering::Relaxed);
        if let Some(t) = ticker {
            t.thread().unpark();
        }
        a
    });
    bar.finish_and_clear();
    if json {
        return print_json(&a);
    }
    outln!(
        "case {} · seed {} · variant {}",
        a.case,
        a.seed,
        a.variant.as_deref().unwrap_or("-")
    );
    let why = |s: Option<Stop>| match s {
        None => "exhaustive".to_string(),
        Some(Stop::States) => "STOPPED at --max-states; lines below are sampled".into(),
        Some(Stop::Memory) => "STOPPED at --max-memory; lines below are sampled".into(),
        Some(Stop::Time) => "STOPPED at --max-seconds; lines below are sampled".into(),
    };
    outln!("states explored: {} ({})", a.states, why(a.stopped));
    if a.variants.len() > 1 {
        outln!(
            "variants: {} explored, {} states in all, {} MiB at most in visited sets",
            a.variants.len(),
            a.states_total,
            a.bytes >> 20
        );
        for v in &a.variants {
            outln!(
                "  {:<24} seed {:<5} {:>9} states  best {}{}",
                v.variant.as_deref().unwrap_or("-"),
                v.seed,
                v.states,
                v.best
                    .map(|b| format!("{b:.1}"))
                    .unwrap_or_else(|| "-".into()),
                if v.exhaustive { "" } else { "  (stopped)" }
            );
        }
    }
    let show = |name: &str, l: &Option<Line>| match l {
        Some(l) => outln!(
            "{name}: {:.1} ({}{})\n  {}",
            l.score,
            l.ending.as_deref().unwrap_or("?"),
            l.win_chance
                .map(|w| format!(", {w:.0}% chance to win"))
                .unwrap_or_default(),
            l.line.join(" → ")
        ),
        None => outln!("{name}: no line reaches an ending"),
    };
    show("best line", &a.best);
    show("worst line", &a.worst);
    outln!(
        "real choices on the best line: {:.0}% of its moves offered two or more",
        a.real_choices
    );
    for f in &a.forced_moves {
        outln!("  forced: {} (scene {})", f.choice, f.scene);
    }
    if a.expert_lines.len() > 1 {
        outln!("expert lines across variants: {}", a.expert_lines.len());
        for e in &a.expert_lines {
            outln!(
                "  {:.1} in {}: {}",
                e.score,
                e.variants.join(", "),
                e.line.join(" → ")
            );
        }
    }
    if !a.traps.is_empty() {
        outln!("traps: the best a line containing each can do (cost: below the expert line)");
        for t in &a.traps {
            outln!(
                "  {:<26} {:<13} best {:>5.1}  cost {:>5.1}  {}  {}",
                t.id,
                t.kind,
                t.best_total,
                t.cost,
                if t.wins_possible {
                    format!("can still win ({:.1}%)", t.best_win_chance)
                } else {
                    "cannot win".to_string()
                },
                t.best_ending.as_deref().unwrap_or("")
            );
        }
    }
    outln!("endings reached (distinct final states):");
    for (e, n) in &a.endings {
        outln!("  {e:<24} {n}");
    }
    let unused: Vec<&str> = c
        .endings
        .names
        .iter()
        .filter(|e| !a.endings.contains_key(*e))
        .map(|s| s.as_str())
        .collect();
    if !unused.is_empty() {
        outln!("  never reached with this seed: {}", unused.join(", "));
    }
    if a.dead_ends.is_empty() {
        outln!("dead ends: none");
    } else {
        outln!(
            "dead ends ({}): a trainee gets stuck with no choice",
            a.dead_ends.len()
        );
        for d in a.dead_ends.iter().take(10) {
            outln!("  in scene {} after: {}", d.scene, d.line.join(" → "));
        }
    }
    if a.unreachable.is_empty() {
        outln!("unreachable content: none (over all variants)");
    } else {
        outln!(
            "unreachable content (over all variants): {}",
            a.unreachable.join(", ")
        );
    }
    if let Some(p) = &a.playouts {
        outln!(
            "random playouts: n={} min {:.1} · p10 {:.1} · median {:.1} · p90 {:.1} · max {:.1}",
            p.n,
            p.min,
            p.p10,
            p.p50,
            p.p90,
            p.max
        );
    }
    for w in &a.warnings {
        outln!("warning: {w}");
    }
    outln!(
        "fingerprints: 64-bit; chance of any collision in this analysis {:.1e}",
        a.collision_probability
    );
    outln!("elapsed: {} ms", a.elapsed_ms);
    Ok(())
}
