//! The rules a case author relies on, each shown on a tiny case.

use dealcraft::case::load_bytes;
use dealcraft::case::model::Outcome;
use dealcraft::engine::Game;

/// A small case; `extra_choices` are added to the board.
fn case(extra_choices: &str, events: &str) -> String {
    format!(
        r#"Case(
    id: "t", title: (en: "T"), summary: (en: "s"), briefing: (en: "b"),
    calendar: (weeks: 3, budget: 1000, timeout_ending: "late"),
    seller: (company: (en: "Us"), you: (en: "You")),
    customer: (name: (en: "Them")),
    stakeholders: [
        (id: "vp", name: (en: "VP"), title: (en: "VP"), role: DecisionMaker, power: 5, influence: 5, attitude: Neutral, traps: [HighestRank], known: true),
        (id: "eng", name: (en: "Eng"), title: (en: "Engineer"), reports_to: "vp", role: TechnicalEvaluator, power: 1, influence: 5, attitude: Neutral, known: true),
        (id: "friend", name: (en: "Friend"), title: (en: "Old friend"), role: Sidelined, power: 2, influence: 1, attitude: Mentor, traps: [LikesYou, OldFriend], known: true),
        (id: "mole", name: (en: "Mole"), title: (en: "Deputy"), role: ProjectLead, power: 4, influence: 4, attitude: Mentor, backs: "rival", known: true),
    ],
    competitors: [(id: "rival", name: (en: "Rival"), strength: 5)],
    burning_issues: [
        (id: "real", owner: "vp", text: (en: "r"), real: true, explain: (en: "why")),
        (id: "fake", owner: "eng", text: (en: "f"), real: false, explain: (en: "why not")),
    ],
    facts: [(id: "f1", text: (en: "a fact"))],
    start: "board",
    scenes: [(id: "board", title: (en: "Board"), text: (en: "t"), choices: [
        (id: "wait", label: (en: "Wait"), cost: (weeks: 1), repeatable: true, note: (en: "n")),
        (id: "meet_vp", label: (en: "Meet VP"), meets: ["vp"], effects: [Attitude("vp", 1)], note: (en: "n")),
        (id: "meet_eng_empty", label: (en: "Chat"), meets: ["eng"], note: (en: "n")),
        (id: "win_eng", label: (en: "Win eng"), effects: [Attitude("eng", 1)], note: (en: "n")),
        (id: "ins_eng", label: (en: "Insider eng"), effects: [ChooseInsider("eng")], note: (en: "n")),
        (id: "ins_friend", label: (en: "Insider friend"), effects: [ChooseInsider("friend")], note: (en: "n")),
        (id: "ins_mole", label: (en: "Insider mole"), effects: [ChooseInsider("mole")], note: (en: "n")),
        (id: "dx_real", label: (en: "Real"), effects: [Diagnose("real")], note: (en: "n")),
        (id: "dx_fake", label: (en: "Fake"), effects: [Diagnose("fake")], note: (en: "n")),
        (id: "pricey", label: (en: "Pricey"), cost: (money: 1500), note: (en: "n")),
        (id: "finish", label: (en: "Finish"), end: "won", note: (en: "n")),
        {extra_choices}
    ])],
    events: [{events}],
    endings: [
        (id: "won", title: (en: "Won"), outcome: Won, value: 100, text: (en: "w")),
        (id: "late", title: (en: "Late"), outcome: TimedOut, value: 0, text: (en: "l")),
    ],
    scoring: (weights: (burning_issue: 1, insider: 1, sequencing: 1, outcome: 1),
              burning_issue: (correct: 100, wrong: -40, on_time_week: 1, late_per_week: 10)),
)"#
    )
}

fn game(extra: &str, events: &str, seed: u64) -> Game {
    let src = case(extra, events);
    let l = load_bytes("t.ron", src.as_bytes());
    assert_eq!(l.errors(), 0, "{:#?}", l.diagnostics);
    Game::new(l.case.unwrap(), seed)
}

#[test]
fn insider_quality_is_influence_times_willingness() {
    let mut g = game("", "", 1);
    g.choose("win_eng").unwrap(); // Neutral → Supporter
    let m = g.choose("ins_eng").unwrap();
    assert_eq!(m.deltas[0].points, 80, "influence 5/5 × supporter 0.8");
    assert!(m.deltas[0].note.en.contains("Insider quality 80/100"));
}

#[test]
fn insider_traps_are_named() {
    let mut g = game("", "", 1);
    let m = g.choose("ins_friend").unwrap();
    assert_eq!(m.deltas[0].points, 20, "influence 1/5 × mentor 1.0");
    assert!(m.deltas[0].note.en.contains("liking you is not the same"));
    assert!(m.deltas[0].note.en.contains("old friendship"));
    assert!(m.deltas[0].note.zh.contains("喜欢你不等于"));
    let mut g = game("", "", 1);
    let m = g.choose("ins_mole").unwrap();
    assert_eq!(
        m.deltas[0].points, 0,
        "the competitor's man is worth nothing"
    );
    assert!(m.deltas[0].note.en.contains("Rival's man"));
}

#[test]
fn changing_insider_replaces_the_points() {
    let mut g = game("", "", 1);
    g.choose("ins_friend").unwrap();
    g.choose("win_eng").unwrap();
    let m = g.choose("ins_eng").unwrap();
    assert_eq!(m.deltas[0].points, 60, "80 replaces the earlier 20");
    g.choose("finish").unwrap();
    assert_eq!(dealcraft::scoring::result(&g).score.insider, 80);
}

#[test]
fn diagnosis_right_wrong_and_late() {
    let mut g = game("", "", 1);
    assert_eq!(g.choose("dx_real").unwrap().deltas[0].points, 100);
    let mut g = game("", "", 1);
    assert_eq!(g.choose("dx_fake").unwrap().deltas[0].points, -40);
    let mut g = game("", "", 1);
    g.choose("wait").unwrap();
    g.choose("wait").unwrap();
    let m = g.choose("dx_real").unwrap();
    assert_eq!(m.deltas[0].points, 80, "two weeks late at 10 a week");
    assert!(m.deltas[0].note.en.contains("2 week(s) later"));
}

#[test]
fn meeting_the_top_without_support_costs_sequencing() {
    let mut g = game("", "", 1);
    let m = g.choose("meet_vp").unwrap();
    assert_eq!(m.deltas.len(), 1);
    assert!(m.deltas[0].points < 0);
    assert!(m.deltas[0].note.en.contains("Out of sequence"));
    // With a supporter inside who has influence, the same meeting is fine.
    let mut g = game("", "", 1);
    g.choose("win_eng").unwrap();
    assert!(g.choose("meet_vp").unwrap().deltas.is_empty());
}

#[test]
fn a_meeting_that_changes_nothing_is_wasted() {
    let mut g = game("", "", 1);
    let m = g.choose("meet_eng_empty").unwrap();
    assert_eq!(m.deltas[0].points, -5);
    assert!(m.deltas[0].note.en.contains("wasted meeting"));
}

#[test]
fn choices_are_once_only_unless_repeatable_and_money_gates_them() {
    let mut g = game("", "", 1);
    g.choose("win_eng").unwrap();
    assert!(g.choose("win_eng").is_err());
    g.choose("wait").unwrap();
    assert!(g.available_ids().contains(&"wait"));
    assert!(
        !g.available_ids().contains(&"pricey"),
        "costs more than the budget"
    );
}

#[test]
fn running_out_of_weeks_times_out() {
    let mut g = game("", "", 1);
    for _ in 0..3 {
        g.choose("wait").unwrap();
    }
    assert!(g.is_over());
    assert_eq!(
        dealcraft::scoring::result(&g).outcome,
        Some(Outcome::TimedOut)
    );
    assert!(g.choose("finish").is_err());
}

#[test]
fn scheduled_events_fire_once_with_news_and_effects() {
    let ev = r#"(id: "bid", when: Week(2), effects: [Learn("f1"), Competitor("rival", 2)], news: (en: "Rival hosted a dinner"))"#;
    let mut g = game("", ev, 1);
    assert!(g.choose("win_eng").unwrap().news.is_empty());
    let m = g.choose("wait").unwrap().clone();
    assert_eq!(m.news[0].en, "Rival hosted a dinner");
    assert_eq!(m.learned, vec!["f1".to_string()]);
    assert_eq!(g.state.rivals[0].strength, 7);
    assert!(g.choose("wait").unwrap().news.is_empty(), "fires once");
}

#[test]
fn chance_events_depend_only_on_the_seed() {
    let ev =
        r#"(id: "maybe", when: Chance(percent: 50, from: 1, to: 3), news: (en: "It happened"))"#;
    let fired = |seed| {
        let mut g = game("", ev, seed);
        g.choose("wait").unwrap();
        g.choose("wait").unwrap();
        g.moves.iter().position(|m| !m.news.is_empty())
    };
    let runs: Vec<_> = (0..40).map(fired).collect();
    assert_eq!(
        runs,
        (0..40).map(fired).collect::<Vec<_>>(),
        "same seed, same timing"
    );
    assert!(
        runs.iter().any(|r| r.is_some()) && runs.iter().any(|r| r.is_none()),
        "varies by seed: {runs:?}"
    );
}

#[test]
fn branches_pick_the_first_that_applies() {
    let extra = r#"(id: "ask", label: (en: "Ask"), note: (en: "base"), reply: (en: "plain"),
        branches: [
            (when: [AttitudeAtLeast("eng", Supporter)], reply: (en: "warm"), note: (en: "warm note"), effects: [Learn("f1")]),
            (reply: (en: "cold"), end: "late"),
        ])"#;
    let mut g = game(extra, "", 1);
    g.choose("win_eng").unwrap();
    let m = g.choose("ask").unwrap();
    assert_eq!(m.reply.en, "warm");
    assert_eq!(m.note.en, "warm note");
    assert!(!g.is_over());
    let mut g = game(extra, "", 1);
    assert_eq!(g.choose("ask").unwrap().reply.en, "cold");
    assert!(g.is_over());
}

#[test]
fn total_is_the_weighted_mean() {
    let mut g = game("", "", 1);
    g.choose("win_eng").unwrap();
    g.choose("dx_real").unwrap(); // burning issue 100
    g.choose("ins_eng").unwrap(); // insider 80
    g.choose("finish").unwrap(); // outcome 100, sequencing 0
    let r = dealcraft::scoring::result(&g);
    assert_eq!(
        (r.score.burning_issue, r.score.insider, r.score.sequencing),
        (100, 80, 0)
    );
    assert_eq!(r.score.total, 70.0, "(100 + 80 + 0 + 100) / 4");
}

#[test]
fn an_event_does_not_replace_the_moves_teaching_note() {
    let ev = r#"(id: "bid", when: Week(2), effects: [Score(Sequencing, -5)], news: (en: "Rival hosted a dinner"))"#;
    let mut g = game("", ev, 1);
    let m = g.choose("wait").unwrap().clone();
    assert_eq!(m.note.en, "n", "the choice's own note");
    assert_eq!(
        m.deltas[0].note.en, "Rival hosted a dinner",
        "the event's points are explained by its news"
    );
}
