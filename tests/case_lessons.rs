//! The three "where do we rank?" cases of seed 004 (你在客户那儿到底算老几?) and the tutorial,
//! on the deal model: for each, the exhaustive analysis proves what the course teaches is what
//! wins. Every variant has an expert line of at least 90 that replays to the same result; the
//! right play differs between variants (so memorising a line fails); every named mistake costs,
//! at least three cost 10 or more, and the fatal ones cannot win; nearly every move of the
//! expert line is a real choice.
//!
//! (Haicheng, the flagship, has its own file: tests/haicheng.rs.)

use std::sync::Arc;

use dealcraft::analysis::report::ExpertLine;
use dealcraft::analysis::{Analysis, Options, analyze_with};
use dealcraft::case::model::Outcome;
use dealcraft::engine::load_bytes;
use dealcraft::engine::{Compiled, Game};
use dealcraft::scoring::result;

/// What the course says the right play is in one variant.
struct Right {
    variant: &'static str,
    /// Moves the expert line must contain (the reading, the response).
    contains: &'static [&'static str],
    outcome: Outcome,
}

struct Lesson {
    file: &'static str,
    source: &'static str,
    right: &'static [Right],
    /// Mistakes after which no line wins the deal outright.
    fatal: &'static [&'static str],
}

fn load(l: &Lesson) -> Arc<Compiled> {
    let loaded = load_bytes(l.file, l.source.as_bytes());
    assert!(
        loaded.diagnostics.is_empty(),
        "{}: {:#?}",
        l.file,
        loaded.diagnostics
    );
    loaded
        .case
        .unwrap_or_else(|| panic!("{} does not load", l.file))
}

fn analysis(c: &Arc<Compiled>) -> Analysis {
    analyze_with(
        c,
        1,
        Options {
            playouts: 0,
            ..Options::default()
        },
        || {},
    )
}

fn expert<'a>(a: &'a Analysis, variant: &str) -> &'a ExpertLine {
    a.expert_lines
        .iter()
        .find(|e| e.variants.iter().any(|v| v == variant))
        .unwrap_or_else(|| {
            panic!(
                "{}: no expert line for {variant}: {:#?}",
                a.case, a.expert_lines
            )
        })
}

fn check(l: &Lesson) {
    let c = load(l);
    let a = analysis(&c);
    let id = &a.case;
    assert!(a.exhaustive, "{id}: the analysis stopped: {:?}", a.stopped);
    assert!(a.dead_ends.is_empty(), "{id}: dead ends {:#?}", a.dead_ends);
    assert!(
        a.unreachable.is_empty(),
        "{id}: unreachable {:?}",
        a.unreachable
    );
    assert!(
        a.real_choices >= 90.0,
        "{id}: real choices {}",
        a.real_choices
    );

    // Every variant: an expert line of at least 90, the right play in it, same result on replay.
    assert_eq!(
        a.variants.len(),
        c.variants.len().max(1),
        "{id}: every variant explored"
    );
    for e in &a.expert_lines {
        assert!(
            e.score >= 90.0,
            "{id} {:?}: expert scores {}",
            e.variants,
            e.score
        );
        let ids: Vec<&str> = e.line.iter().map(String::as_str).collect();
        let g = Game::replay(c.clone(), e.seed, ids.iter().copied())
            .unwrap_or_else(|(i, err)| panic!("{id}: move {i} of the expert line: {err}"));
        assert!(g.is_over(), "{id}: the expert line ends the deal");
        let r = result(&g);
        assert_eq!(r.outcome, e.outcome, "{id} {:?}", e.variants);
        assert_eq!(
            r,
            result(&Game::replay(c.clone(), e.seed, ids.iter().copied()).unwrap()),
            "{id}: same seed and choices, same result"
        );
    }
    for right in l.right {
        let e = expert(&a, right.variant);
        assert_eq!(
            e.outcome,
            Some(right.outcome),
            "{id} {}: {:?}",
            right.variant,
            e.line
        );
        for m in right.contains {
            assert!(
                e.line.iter().any(|x| x == m),
                "{id} {}: the expert line should contain {m}: {:?}",
                right.variant,
                e.line
            );
        }
    }
    assert!(
        a.expert_lines.len() >= 2,
        "{id}: the right play must differ between variants: {:#?}",
        a.expert_lines
    );

    // Every named mistake costs; at least three cost 10 or more; the fatal ones cannot win.
    for t in &a.traps {
        assert!(t.cost > 0.0, "{id}: trap {} costs nothing: {t:#?}", t.id);
    }
    let costly = a.traps.iter().filter(|t| t.cost >= 10.0).count();
    assert!(
        costly >= 3,
        "{id}: only {costly} traps cost 10 or more: {:#?}",
        a.traps
    );
    for f in l.fatal {
        let t = a
            .traps
            .iter()
            .find(|t| t.id == *f)
            .unwrap_or_else(|| panic!("{id}: trap {f} is not reported"));
        assert!(!t.wins_possible, "{id}: {f} can still win: {t:#?}");
        assert!(t.cost >= 10.0, "{id}: {f} costs only {}", t.cost);
    }
}

#[test]
fn coal_mine_the_backup_leaves_early_the_reference_bid_leaves_at_once() {
    check(&Lesson {
        file: "cases/coal-mine.ron",
        source: include_str!("../cases/coal-mine.ron"),
        right: &[
            Right {
                variant: "v_lu",
                contains: &["q_questions", "call_judge", "rank_backup", "bow_out"],
                outcome: Outcome::Withdrew,
            },
            Right {
                // Zhao is Kuangtong's man behind a warm face: his promise is tested by a call.
                variant: "v_zhao",
                contains: &["call_zhao", "rank_reference", "bow_out"],
                outcome: Outcome::Withdrew,
            },
        ],
        fatal: &[
            "drop_blind",
            "attack_rival",
            "ambush_top",
            "late_exit",
            "over_head",
        ],
    });
}

#[test]
fn data_mining_the_favourite_presses_on_without_getting_careless() {
    check(&Lesson {
        file: "cases/data-mining.ron",
        source: include_str!("../cases/data-mining.ron"),
        right: &[
            Right {
                variant: "v_steady",
                contains: &["rank_first", "ins_zhou", "bi_renewal", "c_letter"],
                outcome: Outcome::Won,
            },
            Right {
                // Wen is Shuzhi's man: win him over before his memo comes.
                variant: "v_wen",
                contains: &["rank_first", "p_wen", "bi_renewal"],
                outcome: Outcome::Won,
            },
            Right {
                // The VP's own problem is the coupon budget.
                variant: "v_coupons",
                contains: &["rank_first", "bi_coupons"],
                outcome: Outcome::Won,
            },
        ],
        fatal: &["hand_back", "knock_rival", "refuse_terms", "wasted_meeting"],
    });
}

#[test]
fn board_tuesday_exit_cleanly_or_slow_the_decision_when_behind() {
    check(&Lesson {
        file: "cases/board-tuesday.ron",
        source: include_str!("../cases/board-tuesday.ron"),
        right: &[
            Right {
                variant: "v_reference",
                contains: &["rank_reference", "r_exit"],
                outcome: Outcome::Withdrew,
            },
            Right {
                variant: "v_sun",
                contains: &["rank_reference", "r_exit"],
                outcome: Outcome::Withdrew,
            },
            Right {
                // Behind but in the race: slow the decision through the finance director's
                // worry, reopen the criteria, reach the VP through her.
                variant: "v_behind",
                contains: &["rank_backup", "r_slow", "r_reopen", "r_tang", "r_letter"],
                outcome: Outcome::Won,
            },
        ],
        fatal: &["ambush_top", "top_cold", "late_exit"],
    });
}

#[test]
fn tutorial_the_issue_that_burns_depends_on_the_variant() {
    check(&Lesson {
        file: "cases/first-lead.ron",
        source: include_str!("../cases/first-lead.ron"),
        right: &[
            Right {
                variant: "wing",
                contains: &[
                    "call_lin",
                    "ask_open",
                    "bi_wing",
                    "go_with_lin",
                    "send_letter",
                ],
                outcome: Outcome::Won,
            },
            Right {
                variant: "inspection",
                contains: &[
                    "call_lin",
                    "ask_open",
                    "bi_inspection",
                    "go_with_lin",
                    "send_letter",
                ],
                outcome: Outcome::Won,
            },
        ],
        fatal: &[
            "price_first",
            "around_lin",
            "over_head",
            "top_cold",
            "empty_summary",
        ],
    });
}

/// `analyze` says when the calendar's time-out can never come (every line ends first), and
/// stays quiet when it can.
#[test]
fn a_time_out_that_can_never_happen_is_warned() {
    let src = std::fs::read_to_string("tests/hostile/bom-clean.ron").unwrap();
    let warned = |text: &str| {
        let l = dealcraft::engine::load_bytes("t.ron", text.as_bytes());
        let a = analysis(&l.case.expect("loads"));
        a.warnings
            .iter()
            .any(|w| w.contains("time-out `quarter_closed` can never happen"))
    };
    assert!(warned(&src));
    let short = src.replacen("weeks: 4,", "weeks: 1,", 1);
    assert_ne!(short, src);
    assert!(
        !warned(&short),
        "with a one-week calendar the time-out comes"
    );
}
