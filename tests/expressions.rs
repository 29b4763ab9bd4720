//! The expressions a sales manager's own deal needs, each on a tiny case: a person away for
//! some weeks (and a variant that moves the absence), waiting until a tender date, an event
//! that only one variant has, and allies as cast (willingness, conditions, meetings).

use dealcraft::analysis::{Options, analyze_with};
use dealcraft::case::diagnostic::Severity;
use dealcraft::engine::game::Game;
use dealcraft::engine::load_bytes;
use dealcraft::engine::why;

/// Two variants: in `quiet` the engineer is away in weeks 3–4 (as written on him); in `busy`
/// he is away in weeks 6–7 instead, and the rival's roadshow happens.
fn case(extra_board: &str, events: &str, ally: &str) -> String {
    format!(
        r#"(
    id: "x", title: (en: "X"), summary: (en: "s"), briefing: (en: "b"),
    calendar: (weeks: 10, budget: 1000, timeout_ending: "late", decision_week: Some(8)),
    seller: (company: (en: "Us"), you: (en: "You"), allies: [
        (id: "guru", name: (en: "Guru", zh: "专家"), title: (en: "Vendor engineer"){ally}),
    ]),
    customer: (name: (en: "Them")),
    stakeholders: [
        (id: "boss", name: (en: "Boss"), title: (en: "CEO"), role: DecisionMaker, power: 5, influence: 5, attitude: Neutral, known: true),
        (id: "eng", name: (en: "Eng"), title: (en: "Engineer"), reports_to: Some("boss"), role: TechnicalEvaluator, power: 2, influence: 3, attitude: Neutral, known: true,
         away: [(from: 3, to: 4, why: (en: "on leave", zh: "休假"))]),
    ],
    competitors: [(id: "rival", name: (en: "Rival"), strength: 5)],
    burning_issues: [(id: "real", owner: "boss", text: (en: "r"), real: true, explain: (en: "why"))],
    start: "board",
    scenes: [
        (id: "board", title: (en: "Board"), text: (en: "t"), choices: [
            (id: "wait", label: (en: "Wait a week"), cost: (weeks: 1), repeatable: true, note: (en: "n")),
            (id: "meet_eng", label: (en: "Meet the engineer"), meets: ["eng"], repeatable: true, cost: (weeks: 1), note: (en: "n")),
            (id: "tender", label: (en: "Wait for the tender"), cost: (until: 8), note: (en: "n")),
            (id: "with_guru", label: (en: "Bring the guru"), meets: ["eng", "guru"], note: (en: "n")),
            (id: "lab", label: (en: "The guru's lab"), go: Some("lab"), note: (en: "n")),
            (id: "court_guru", label: (en: "Court the guru"), effects: [Attitude("guru", 2)], note: (en: "n")),
            (id: "guru_happy", label: (en: "Thank the guru"), when: [AttitudeAtLeast("guru", Supporter)], note: (en: "n")),
            (id: "eng_gone", label: (en: "Call his deputy"), when: [Away("eng")], note: (en: "n")),
            {extra_board}
        ]),
        (id: "lab", title: (en: "Lab"), kind: Meeting(["eng", "guru"]), text: (en: "t"), choices: [
            (id: "demo", label: (en: "Demo"), go: Some("board"), note: (en: "n")),
        ]),
    ],
    events: [
        (id: "memo", when: Week(5), news: (en: "A memo goes round.")),
        (id: "roadshow", when: Week(2), variants: ["busy"], effects: [Competitor("rival", 2)], news: (en: "The rival's roadshow.")),
        {events}
    ],
    variants: [
        (id: "quiet", changes: []),
        (id: "busy", changes: [Away("eng", [(from: 6, to: 7)])]),
    ],
    endings: [
        (id: "won", title: (en: "Won"), outcome: Won, value: 100, text: (en: "w")),
        (id: "lost", title: (en: "Lost"), outcome: Lost, value: 10, text: (en: "l")),
        (id: "late", title: (en: "Late"), outcome: TimedOut, value: 0, text: (en: "l")),
    ],
    decision: Some((won: "won", lost: "lost")),
    scoring: (weights: (burning_issue: 1, insider: 1, sequencing: 1, outcome: 1),
              burning_issue: (correct: 100, wrong: -40, on_time_week: 1, late_per_week: 10)),
)"#
    )
}

fn load(src: &str) -> dealcraft::engine::Loaded {
    load_bytes("x.ron", src.as_bytes())
}

/// A game in the named variant (the first seed that draws it).
fn game_in(src: &str, variant: &str) -> Game {
    let l = load(src);
    assert_eq!(l.errors(), 0, "{:#?}", l.diagnostics);
    let c = l.case.unwrap();
    let want = c.variants.get(variant).unwrap();
    let seed = (0..1000u64)
        .find(|&s| Game::new(c.clone(), s).state.variant == Some(want))
        .expect("a seed for the variant");
    Game::new(c, seed)
}

fn offered(g: &Game, id: &str) -> bool {
    g.available_ids().contains(&id)
}

fn why_not(g: &Game, id: &str) -> String {
    let ix = g.case.choices.get(id).unwrap();
    why::line(&g.case, &g.state, ix, dealcraft::case::text::Lang::En)
}

fn choose(g: &mut Game, id: &str) {
    if let Err(e) = g.choose(id) {
        panic!("{id}: {e}; offered {:?}", g.available_ids());
    }
}

#[test]
fn a_person_away_cannot_be_met_and_the_reason_is_named() {
    let mut g = game_in(&case("", "", ""), "quiet");
    assert!(offered(&g, "meet_eng") && !offered(&g, "eng_gone"));
    choose(&mut g, "wait");
    choose(&mut g, "wait"); // week 3: on leave
    assert_eq!(g.state.week, 3);
    assert!(!offered(&g, "meet_eng"));
    assert!(!offered(&g, "with_guru"), "the guru's visit meets him too");
    assert!(offered(&g, "eng_gone"), "`Away` holds while he is away");
    let why = why_not(&g, "meet_eng");
    assert!(why.contains("`eng` is away in week 3 (on leave)"), "{why}");
    choose(&mut g, "wait");
    choose(&mut g, "wait"); // week 5: back
    assert!(offered(&g, "meet_eng") && !offered(&g, "eng_gone"));
}

#[test]
fn a_variant_moves_the_absence() {
    let mut g = game_in(&case("", "", ""), "busy");
    for _ in 0..2 {
        choose(&mut g, "wait");
    }
    assert!(offered(&g, "meet_eng"), "in `busy` he is there in week 3");
    for _ in 0..3 {
        choose(&mut g, "wait");
    }
    assert_eq!(g.state.week, 6);
    assert!(
        !offered(&g, "meet_eng"),
        "in `busy` he is away in weeks 6–7"
    );
}

#[test]
fn waiting_until_a_date_takes_the_weeks_to_it_and_the_events_on_the_way() {
    let mut g = game_in(&case("", "", ""), "quiet");
    choose(&mut g, "wait");
    choose(&mut g, "tender");
    let m = g.moves.last().unwrap();
    assert_eq!(m.week, 2);
    assert_eq!(m.cost.weeks, 6, "from week 2 to week 8");
    assert_eq!(g.state.week, 8);
    let news: Vec<&str> = m.news.iter().map(|n| n.en.as_str()).collect();
    assert!(news.contains(&"A memo goes round."), "{news:?}");
    assert!(
        g.state.decision.is_some() && g.is_over(),
        "the customer decided on the tender date"
    );
}

#[test]
fn an_event_of_one_variant_happens_only_there() {
    let mut quiet = game_in(&case("", "", ""), "quiet");
    let mut busy = game_in(&case("", "", ""), "busy");
    choose(&mut quiet, "wait");
    choose(&mut busy, "wait");
    let fired = |g: &Game| g.moves[0].news.iter().any(|n| n.en.contains("roadshow"));
    assert!(!fired(&quiet));
    assert!(fired(&busy));
    assert_eq!(busy.state.rivals[0].strength, 7);
    assert_eq!(quiet.state.rivals[0].strength, 5);
}

#[test]
fn an_unwilling_ally_does_not_come_until_he_is_won_over() {
    let src = case("", "", ", attitude: Some(NonSupporter)");
    let mut g = game_in(&src, "quiet");
    assert!(!offered(&g, "with_guru"));
    let why = why_not(&g, "with_guru");
    assert!(why.contains("ally `guru` will not come"), "{why}");
    assert!(!offered(&g, "guru_happy"));
    choose(&mut g, "court_guru");
    assert!(offered(&g, "with_guru") && offered(&g, "guru_happy"));
    choose(&mut g, "with_guru");
    let brought = g.case.allies.get("guru").unwrap();
    assert!(
        g.state.allies & (1 << brought) != 0,
        "meeting with him brings him"
    );
}

#[test]
fn an_ally_in_a_meeting_is_there_and_counts_as_brought() {
    let mut g = game_in(&case("", "", ""), "quiet");
    choose(&mut g, "lab");
    choose(&mut g, "demo");
    assert!(g.state.allies != 0);
}

#[test]
fn an_ally_away_is_named() {
    let src = case(
        "",
        "",
        ", away: [(from: 1, to: 2, why: (en: \"in Shanghai\"))]",
    );
    let g = game_in(&src, "quiet");
    assert!(!offered(&g, "with_guru"));
    let why = why_not(&g, "with_guru");
    assert!(
        why.contains("ally `guru` is away in week 1 (in Shanghai)"),
        "{why}"
    );
}

#[test]
fn the_new_expressions_are_validated() {
    let errs = |src: &str| -> Vec<(String, String)> {
        load(src)
            .diagnostics
            .iter()
            .map(|d| (d.code.to_string(), d.message.clone()))
            .collect()
    };
    // A misspelt variant on an event, a misspelt person in `Away`, a window backwards, a
    // wait past the calendar.
    let src = case(
        r#"(id: "late_wait", label: (en: "L"), cost: (until: 14), note: (en: "n")),
           (id: "typo", label: (en: "T"), when: [Away("gruu")], note: (en: "n")),"#,
        r#"(id: "odd", when: Week(3), variants: ["bussy"], news: (en: "?")),"#,
        ", away: [(from: 5, to: 2)]",
    );
    let d = errs(&src);
    let has = |code: &str, text: &str| d.iter().any(|(c, m)| c == code && m.contains(text));
    assert!(has("E011", "unknown variant `bussy`"), "{d:#?}");
    assert!(has("E011", "`gruu`"), "{d:#?}");
    assert!(has("E025", "waits until week 14"), "{d:#?}");
    assert!(has("E025", "from week 5 to week 2"), "{d:#?}");
    let l = load(&src);
    let typo = l
        .diagnostics
        .iter()
        .find(|x| x.message.contains("gruu"))
        .unwrap();
    assert!(
        typo.hint.as_deref().unwrap_or("").contains("guru"),
        "did-you-mean over allies: {typo:?}"
    );
    assert!(
        l.diagnostics
            .iter()
            .all(|x| x.severity != Severity::Error || x.code != "E010")
    );
}

#[test]
fn the_analysis_explores_the_new_expressions() {
    let l = load(&case("", "", ", attitude: Some(NonSupporter)"));
    let c = l.case.unwrap();
    let r = analyze_with(&c, 1, Options::default(), || {});
    assert!(r.exhaustive, "{:?}", r.warnings);
    // Both variants reach the tender's decision, and the choice that needs the guru's
    // goodwill is reachable only after courting him: nothing is unreachable.
    assert!(r.unreachable.is_empty(), "{:?}", r.unreachable);
    assert!(r.best.is_some());
}

#[test]
fn an_expert_line_that_needs_a_lucky_roll_is_warned_with_the_roll_named() {
    let gamble = r#"(id: "gamble", label: (en: "Bet on a hunch"), branches: [(chance: Some(25), effects: [Score(Sequencing, 80)], reply: (en: "It pays off."))], note: (en: "n")),"#;
    let l = load(&case(gamble, "", ""));
    assert_eq!(l.errors(), 0, "{:#?}", l.diagnostics);
    let c = l.case.unwrap();
    let line = vec!["gamble".to_string()];
    // Seeds whose week-1 roll takes the 25 % branch, and seeds whose roll does not.
    let lucky: Vec<u64> = (0..200)
        .filter(|&s| !dealcraft::analysis::luck::rolls(&c, s, &line, 50).is_empty())
        .collect();
    assert!(
        !lucky.is_empty() && lucky.len() < 120,
        "about a quarter: {}",
        lucky.len()
    );
    let r = dealcraft::analysis::luck::rolls(&c, lucky[0], &line, 50);
    assert_eq!(
        (r[0].turn, r[0].choice.as_str(), r[0].percent),
        (1, "gamble", 25)
    );
    // The analysis of a lucky seed: its best line takes the gamble, and the warning names it.
    let a = analyze_with(&c, lucky[0], Options::default(), || {});
    let best = a.best.as_ref().unwrap();
    assert!(best.line.contains(&"gamble".to_string()), "{:?}", best.line);
    assert!(
        a.warnings
            .iter()
            .any(|w| w.contains("counts on a 25% roll") && w.contains("`gamble`")),
        "{:#?}",
        a.warnings
    );
}
