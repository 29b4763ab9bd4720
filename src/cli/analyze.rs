//! `dealcraft analyze CASE`

use super::output::outln;
use indicatif::{ProgressBar, ProgressStyle};

use super::output::print_json;
use super::{CmdResult, load_case};
use crate::analysis::analyze;
use crate::analysis::explore::Line;

pub fn run(case: &str, seed: u64, playouts: usize, max_states: usize, json: bool) -> CmdResult {
    let c = load_case(case)?;
    // Hidden automatically when stderr is not a terminal.
    let bar = ProgressBar::new(playouts as u64);
    bar.set_style(
        ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} playouts")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar.set_message("exploring");
    let a = analyze(&c, seed, playouts, max_states, || bar.inc(1));
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
    outln!(
        "states explored: {}{}",
        a.states,
        if a.exhaustive {
            " (exhaustive)"
        } else {
            " (STATE CAP HIT: results are partial; raise --max-states)"
        }
    );
    let show = |name: &str, l: &Option<Line>| match l {
        Some(l) => outln!(
            "{name}: {:.1} ({})\n  {}",
            l.score,
            l.ending.as_deref().unwrap_or("?"),
            l.line.join(" → ")
        ),
        None => outln!("{name}: no line reaches an ending"),
    };
    show("best line", &a.best);
    show("worst line", &a.worst);
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
    outln!("elapsed: {} ms", a.elapsed_ms);
    Ok(())
}
