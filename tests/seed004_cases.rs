//! The three "where do we rank?" cases from seed 004 (你在客户那儿到底算老几?):
//! cases/coal-mine.ron (Backup: leave early), cases/data-mining.ron (FirstChoice: press on
//! without getting careless) and cases/board-tuesday.ron (ReferenceOnly: a sensible, cheap
//! response). For each: it loads with no diagnostics, the expert line scores ≥ 90 on every
//! seed, the classic mistake scores < 50, the analysis is exhaustive with no dead ends or
//! unreachable content, and the rank judgement is scored (right beats wrong).

use std::collections::BTreeSet;
use std::sync::Arc;

use dealcraft::case::load_bytes;
use dealcraft::case::model::{Outcome, Rank};
use dealcraft::engine::{Compiled, Game};
use dealcraft::scoring::RunResult;

const SEEDS: std::ops::Range<u64> = 0..30;

fn load(file: &str, bytes: &[u8]) -> Arc<Compiled> {
    let l = load_bytes(file, bytes);
    assert!(l.diagnostics.is_empty(), "{file}: {:#?}", l.diagnostics);
    l.case.unwrap_or_else(|| panic!("{file} did not load"))
}

fn coal() -> Arc<Compiled> {
    load(
        "cases/coal-mine.ron",
        include_bytes!("../cases/coal-mine.ron"),
    )
}
fn data() -> Arc<Compiled> {
    load(
        "cases/data-mining.ron",
        include_bytes!("../cases/data-mining.ron"),
    )
}
fn board() -> Arc<Compiled> {
    load(
        "cases/board-tuesday.ron",
        include_bytes!("../cases/board-tuesday.ron"),
    )
}

/// A script file: one choice id a line, `#` comments and blank lines ignored.
fn script(text: &str) -> Vec<&str> {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .collect()
}

fn play(c: &Arc<Compiled>, seed: u64, line: &[&str]) -> Game {
    let g = Game::replay(c.clone(), seed, line.iter().copied())
        .unwrap_or_else(|(i, e)| panic!("{} seed {seed}: move {i} ({}): {e}", c.case.id, line[i]));
    assert!(
        g.is_over(),
        "{} seed {seed}: line {line:?} did not end the deal",
        c.case.id
    );
    g
}

fn run(c: &Arc<Compiled>, seed: u64, line: &[&str]) -> RunResult {
    dealcraft::scoring::result(&play(c, seed, line))
}

fn swap<'a>(line: &[&'a str], from: &str, to: &'a str) -> Vec<&'a str> {
    assert!(line.contains(&from), "{from} not in {line:?}");
    line.iter()
        .map(|&id| if id == from { to } else { id })
        .collect()
}

/// Expert ≥ 90 on every seed, both variants seen, same ending every time.
fn check_expert(c: &Arc<Compiled>, line: &[&str], ending: &str, rank: Rank) {
    let mut variants = BTreeSet::new();
    for seed in SEEDS {
        let g = play(c, seed, line);
        let r = dealcraft::scoring::result(&g);
        assert_eq!(
            r.variant,
            g.state
                .variant
                .map(|v| c.variants.names[v as usize].clone())
        );
        variants.insert(r.variant.clone().unwrap());
        assert!(
            r.score.total >= 90.0,
            "{} seed {seed} ({:?}): expert scored {} ({:?})",
            c.case.id,
            r.variant,
            r.score.total,
            r.score
        );
        assert_eq!(
            r.ending.as_deref(),
            Some(ending),
            "{} seed {seed}",
            c.case.id
        );
        assert_eq!(r.score.rank, 100, "{} seed {seed}", c.case.id);
        assert_eq!(
            g.state.rank.map(|r| r.0),
            Some(rank),
            "{} seed {seed}",
            c.case.id
        );
    }
    assert_eq!(
        variants.len(),
        c.variants.len(),
        "{}: seeds 0..30 miss a variant",
        c.case.id
    );
}

fn check_naive(c: &Arc<Compiled>, line: &[&str]) {
    for seed in SEEDS {
        let r = run(c, seed, line);
        assert!(
            r.score.total < 50.0,
            "{} seed {seed}: naive line scored {} ({:?})",
            c.case.id,
            r.score.total,
            r.score
        );
        assert_ne!(r.outcome, Some(Outcome::Won), "{} seed {seed}", c.case.id);
    }
}

/// The right judgement gives strictly more rank points than each wrong one.
fn check_rank_scored(c: &Arc<Compiled>, line: &[&str], right: &str, wrong: &[&str]) {
    for seed in [0, 7, 11] {
        let good = run(c, seed, line).score.rank;
        for &w in wrong {
            let bad = run(c, seed, &swap(line, right, w)).score.rank;
            assert!(
                good > bad,
                "{} seed {seed}: {right} gives {good} rank points, {w} gives {bad}",
                c.case.id
            );
        }
    }
}

fn check_analysis(c: &Arc<Compiled>, seed: u64) {
    let a = dealcraft::analysis::analyze(c, seed, 0, 2_000_000, || {});
    assert!(
        a.exhaustive,
        "{}: analysis hit the state cap ({} states)",
        c.case.id, a.states
    );
    assert!(
        a.dead_ends.is_empty(),
        "{}: dead ends {:#?}",
        c.case.id,
        a.dead_ends
    );
    assert!(
        a.unreachable.is_empty(),
        "{}: unreachable {:?}",
        c.case.id,
        a.unreachable
    );
    let best = a.best.expect("a best line");
    assert!(
        best.score >= 90.0,
        "{}: best line only {}: {:?}",
        c.case.id,
        best.score,
        best.line
    );
    // Every ending, the time-out included, is reached with this seed.
    for e in &c.case.endings {
        assert!(
            a.endings.contains_key(&e.id),
            "{}: ending {} never reached with seed {seed}",
            c.case.id,
            e.id
        );
    }
}

// ---------------------------------------------------------------------------------------
// Coal mine: Backup, and a cheap early exit is the win.

const COAL_EXPERT: &str = include_str!("scripts/coal-mine-expert.txt");

/// Chase it to the end: fly out, dine, demo, attack, judge "first", bid with a discount.
const COAL_NAIVE: &[&str] = &[
    "fly_out",
    "zhao_open",
    "zhao_gao",
    "zhao_leave",
    "ch_dinner",
    "ch_demo",
    "demo_full",
    "demo_attack",
    "demo_done",
    "judge_late",
    "late_first",
    "ch_bid",
];

#[test]
fn coal_mine_expert_leaves_early_and_scores_high() {
    let c = coal();
    let line = script(COAL_EXPERT);
    check_expert(&c, &line, "early_exit", Rank::Backup);
    let r = run(&c, 7, &line);
    assert_eq!(r.outcome, Some(Outcome::Withdrew));
    assert_eq!(r.cost.money, 0, "the right exit costs nothing");
    assert_eq!(r.cost.weeks, 0, "and no time");
}

#[test]
fn coal_mine_chasing_scores_low() {
    let c = coal();
    check_naive(&c, COAL_NAIVE);
    // Even the cheapest chase (straight to a bid) is a poor result.
    check_naive(&c, &["fly_out", "zhao_leave", "ch_bid"]);
    // Reading the signals right and then chasing anyway is still a poor result.
    let mut hope = script(COAL_EXPERT);
    hope.truncate(hope.len() - 1);
    hope.extend(["chase_anyway", "zhao_leave", "ch_bid"]);
    check_naive(&c, &hope);
    // Staying in as the spare is better than chasing, worse than leaving.
    let spare = swap(&script(COAL_EXPERT), "bow_out", "stay_spare");
    let r = run(&c, 7, &spare);
    assert_eq!(r.ending.as_deref(), Some("spare_tyre"));
    assert!(r.score.total < run(&c, 7, &script(COAL_EXPERT)).score.total);
    // Dithering before the right exit costs the "early" in early exit.
    let mut slow = script(COAL_EXPERT);
    slow.insert(6, "research");
    let r = run(&c, 7, &slow);
    assert_eq!(r.ending.as_deref(), Some("slow_exit"));
    assert!(r.score.total < 90.0);
}

#[test]
fn coal_mine_rank_decision_is_scored() {
    let c = coal();
    let line = script(COAL_EXPERT);
    check_rank_scored(&c, &line, "rank_backup", &["rank_first", "rank_reference"]);
    // The late judgement, after paying for the trip, scores the same way, but lower.
    let late = [
        "fly_out",
        "zhao_leave",
        "judge_late",
        "late_backup",
        "ch_withdraw",
    ];
    check_rank_scored(&c, &late, "late_backup", &["late_first", "late_reference"]);
    assert!(run(&c, 7, &late).score.rank < run(&c, 7, &line).score.rank);
    // Judging before asking all four questions is right but earns less.
    let thin = [
        "ask_geng",
        "q_questions",
        "hang_up",
        "judge_early",
        "rank_backup",
        "bow_out",
    ];
    assert!(run(&c, 7, &thin).score.rank < 100);
}

#[test]
fn coal_mine_analysis_is_exhaustive_and_clean() {
    check_analysis(&coal(), 7);
}

// ---------------------------------------------------------------------------------------
// Data mining: FirstChoice, and the trap is carelessness.

const DATA_EXPERT: &str = include_str!("scripts/data-mining-expert.txt");

/// Get careless: judge "first" on half the evidence, send the junior, wait for the call.
const DATA_NAIVE: &[&str] = &[
    "b_zhou",
    "zhou_asks",
    "zhou_next",
    "zhou_leave",
    "b_judge",
    "rank_first",
    "p_sim_junior",
    "p_coast",
];

/// Careless but busy: cut the demo short, send the junior, still get to the VP.
const DATA_CARELESS_BUSY: &[&str] = &[
    "b_zhou",
    "zhou_asks",
    "zhou_next",
    "zhou_vp",
    "zhou_leave",
    "b_demo",
    "demo_skip",
    "b_judge",
    "rank_first",
    "p_sim_junior",
    "p_intro",
    "bi_renewal",
    "vp_pitch",
    "c_commit",
];

#[test]
fn data_mining_expert_wins_at_full_price() {
    let c = data();
    check_expert(&c, &script(DATA_EXPERT), "won", Rank::FirstChoice);
}

#[test]
fn data_mining_carelessness_scores_low() {
    let c = data();
    check_naive(&c, DATA_NAIVE);
    check_naive(&c, DATA_CARELESS_BUSY);
    for seed in SEEDS {
        assert_eq!(
            run(&c, seed, DATA_NAIVE).ending.as_deref(),
            Some("lost_coasting")
        );
        assert_eq!(
            run(&c, seed, DATA_CARELESS_BUSY).ending.as_deref(),
            Some("lost_late")
        );
    }
    // Misreading strength as weakness leads to an unasked discount: a cheaper win, lower score.
    let expert = script(DATA_EXPERT);
    let nervous = swap(&expert, "rank_first", "rank_backup");
    let mut nervous = nervous;
    let at = nervous.iter().position(|&id| id == "p_sim").unwrap();
    nervous.insert(at, "p_discount");
    let r = run(&c, 7, &nervous);
    assert_eq!(r.ending.as_deref(), Some("won_discount"));
    assert!(r.score.total < 80.0, "{}", r.score.total);
}

#[test]
fn data_mining_rank_decision_is_scored() {
    let c = data();
    check_rank_scored(
        &c,
        &script(DATA_EXPERT),
        "rank_first",
        &["rank_backup", "rank_reference"],
    );
}

#[test]
fn data_mining_analysis_is_exhaustive_and_clean() {
    check_analysis(&data(), 7);
}

// ---------------------------------------------------------------------------------------
// Board on Tuesday: ReferenceOnly, and the answer is a cheap, gracious response.

const BOARD_EXPERT: &str = include_str!("scripts/board-tuesday-expert.txt");

/// Pour money into the bid: fly the team in, misread price and rank, go all in.
const BOARD_NAIVE: &[&str] = &[
    "b_sun",
    "sun_promise",
    "sun_leave",
    "b_fly",
    "b_judge",
    "bi_price",
    "rank_backup",
    "r_all_in",
];

#[test]
fn board_tuesday_expert_exits_gracefully() {
    let c = board();
    let line = script(BOARD_EXPERT);
    check_expert(&c, &line, "graceful_exit", Rank::ReferenceOnly);
    // The other sensible response, an honest reference bid, also scores high.
    let r = run(&c, 7, &swap(&line, "r_exit", "r_ref_bid"));
    assert_eq!(r.ending.as_deref(), Some("clean_reference"));
    assert!(r.score.total >= 85.0, "{}", r.score.total);
}

#[test]
fn board_tuesday_pouring_money_in_scores_low() {
    let c = board();
    check_naive(&c, BOARD_NAIVE);
    // Reading the rank right does not rescue pouring money in, or attacking the favourite.
    let line = script(BOARD_EXPERT);
    check_naive(&c, &swap(&line, "r_exit", "r_all_in"));
    check_naive(&c, &swap(&line, "r_exit", "r_attack"));
}

#[test]
fn board_tuesday_rank_decision_is_scored() {
    let c = board();
    check_rank_scored(
        &c,
        &script(BOARD_EXPERT),
        "rank_reference",
        &["rank_first", "rank_backup"],
    );
}

#[test]
fn board_tuesday_analysis_is_exhaustive_and_clean() {
    check_analysis(&board(), 7);
}

#[test]
fn every_case_has_weighted_rank_and_a_rank_decision() {
    use dealcraft::case::model::{DecisionKind, Effect, SceneKind};
    for c in [coal(), data(), board()] {
        assert!(c.case.scoring.weights.rank > 0, "{}", c.case.id);
        let decisions: Vec<_> = c
            .case
            .scenes
            .iter()
            .filter(|s| s.kind == SceneKind::Decision(DecisionKind::Rank))
            .collect();
        assert!(!decisions.is_empty(), "{}", c.case.id);
        for s in decisions {
            for ch in &s.choices {
                assert!(
                    ch.effects.iter().any(|e| matches!(e, Effect::JudgeRank(_))),
                    "{}: {} has no JudgeRank",
                    c.case.id,
                    ch.id
                );
                let scored = ch
                    .effects
                    .iter()
                    .chain(ch.branches.iter().flat_map(|b| &b.effects));
                assert!(
                    scored
                        .clone()
                        .any(|e| matches!(e, Effect::Score(k, _) if k.key() == "rank")),
                    "{}: {} gives no rank points",
                    c.case.id,
                    ch.id
                );
            }
        }
        let n: usize = c.case.scenes.iter().map(|s| s.choices.len()).sum();
        assert!((25..=45).contains(&n), "{}: {n} choices", c.case.id);
        assert!(
            (3..=6).contains(&c.case.stakeholders.len()),
            "{}",
            c.case.id
        );
        assert_eq!(c.case.variants.len(), 2, "{}", c.case.id);
    }
}
