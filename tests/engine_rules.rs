//! The rules of the deal model, each shown on a tiny case: the customer's decision, the
//! sequencing rules, the question mechanic, competitors, commitments, what the trainee sees.

use dealcraft::case::model::{Aspect, Attitude, Mistake, Outcome};
use dealcraft::engine::game::Game;
use dealcraft::engine::load_bytes;
use dealcraft::engine::view::{self, Card};
use dealcraft::engine::{Read, decision};
use dealcraft::scoring::{Reads, result, score};

/// A small deal: a VP who decides, a manager under him, an engineer under the manager, an old
/// friend with no say, and the rival's man. `extra` choices go on the board, `events` and
/// `rival_moves` where they say.
fn case(extra: &str, events: &str, rival: &str) -> String {
    format!(
        r#"(
    id: "t", title: (en: "T"), summary: (en: "s"), briefing: (en: "b"),
    calendar: (weeks: 10, budget: 10000, timeout_ending: "late"),
    seller: (company: (en: "Us"), you: (en: "You"), allies: [(id: "guru", name: (en: "Guru"), title: (en: "Expert"))]),
    customer: (name: (en: "Them")),
    stakeholders: [
        (id: "vp", name: (en: "VP"), title: (en: "VP"), role: DecisionMaker, power: 5, influence: 5, attitude: Neutral, traps: [HighestRank], known: true, concern: Some(Results)),
        (id: "mgr", name: (en: "Mgr"), title: (en: "Manager"), reports_to: Some("vp"), role: ProjectLead, power: 3, influence: 3, attitude: Neutral, known: true),
        (id: "eng", name: (en: "Eng"), title: (en: "Engineer"), reports_to: Some("mgr"), role: TechnicalEvaluator, power: 1, influence: 4, attitude: Neutral, known: true, needs: Esteem, change: Embraces, concern: Some(Career)),
        (id: "friend", name: (en: "Friend"), title: (en: "Old friend"), role: Sidelined, power: 2, influence: 1, attitude: Mentor, traps: [LikesYou, OldFriend], known: true),
        (id: "mole", name: (en: "Mole"), title: (en: "Deputy"), role: Gatekeeper, power: 3, influence: 2, attitude: Neutral, shows: Some(Mentor), backs: Some("rival"), known: true),
    ],
    competitors: [(id: "rival", name: (en: "Rival"), strength: 5{rival})],
    burning_issues: [
        (id: "real", owner: "vp", text: (en: "r"), real: true, explain: (en: "why")),
        (id: "fake", owner: "eng", text: (en: "f"), real: false, explain: (en: "why not")),
    ],
    facts: [(id: "f1", text: (en: "a fact"))],
    start: "board",
    scenes: [
        (id: "board", title: (en: "Board"), text: (en: "t"), choices: [
            (id: "wait", label: (en: "Wait"), cost: (weeks: 1), repeatable: true, note: (en: "n")),
            (id: "qualify", label: (en: "Qualify"), effects: [Funnel(QualifiedLead)], note: (en: "n")),
            (id: "win_eng", label: (en: "Win eng"), effects: [Attitude("eng", 2)], note: (en: "n")),
            (id: "meet_eng", label: (en: "Meet eng"), meets: ["eng"], go: Some("m"), note: (en: "n")),
            (id: "chat_eng", label: (en: "Chat with eng"), meets: ["eng"], note: (en: "n")),
            (id: "meet_mgr", label: (en: "Meet mgr"), meets: ["mgr"], effects: [Learn("f1")], note: (en: "n")),
            (id: "meet_mgr_via_eng", label: (en: "Meet mgr through eng"), meets: ["mgr"], via: Some("eng"), effects: [Learn("f1")], note: (en: "n")),
            (id: "meet_vp_cold", label: (en: "Call the VP"), meets: ["vp"], effects: [Learn("f1")], note: (en: "n")),
            (id: "meet_vp_via_mgr", label: (en: "Meet VP through mgr"), meets: ["vp"], via: Some("mgr"), effects: [Learn("f1")], note: (en: "n")),
            (id: "meet_vp_via_eng", label: (en: "Meet VP through eng"), meets: ["vp"], via: Some("eng"), effects: [Learn("f1")], note: (en: "n")),
            (id: "ins_eng", label: (en: "Insider eng"), effects: [ChooseInsider("eng")], note: (en: "n")),
            (id: "ins_vp", label: (en: "Insider vp"), effects: [ChooseInsider("vp")], note: (en: "n")),
            (id: "ins_friend", label: (en: "Insider friend"), effects: [ChooseInsider("friend")], note: (en: "n")),
            (id: "ins_mole", label: (en: "Insider mole"), effects: [ChooseInsider("mole")], note: (en: "n")),
            (id: "dx_real", label: (en: "Real"), effects: [Diagnose("real")], note: (en: "n")),
            (id: "dx_fake", label: (en: "Fake"), effects: [Diagnose("fake")], note: (en: "n")),
            (id: "propose_real", label: (en: "Propose real"), effects: [Propose("real")], note: (en: "n")),
            (id: "meters", label: (en: "Evidence"), effects: [Pain(AdmitsPain, DecisionMaker), Power(AgreesProposal), Vision(CustomerAgrees, DecisionMaker), Value(JointlyVerified, DecisionMaker), Control(PlanComplete)], note: (en: "n")),
            (id: "letter", label: (en: "Write"), effects: [Letter], note: (en: "n")),
            (id: "judge_first", label: (en: "First"), effects: [JudgeRank(FirstChoice)], note: (en: "n")),
            (id: "judge_ref", label: (en: "Reference"), effects: [JudgeRank(ReferenceOnly)], note: (en: "n")),
            (id: "partner", label: (en: "Partner"), effects: [Partner("rival")], note: (en: "n")),
            (id: "ally", label: (en: "Ally"), effects: [BringAlly("guru")], note: (en: "n")),
            (id: "spend", label: (en: "Spend"), cost: (money: 3000), note: (en: "n")),
            (id: "decide", label: (en: "Decide"), effects: [Decide], note: (en: "n")),
            (id: "quit", label: (en: "Quit"), action: Withdraw, end: "gone", note: (en: "n")),
            {extra}
        ]),
        (id: "m", title: (en: "Meeting"), kind: Meeting(["eng"]), text: (en: "t"), choices: [
            (id: "q_open", label: (en: "Open"), ask: Some(Open), note: (en: "n")),
            (id: "q_closed", label: (en: "Closed"), ask: Some(Closed), note: (en: "n")),
            (id: "q_summary", label: (en: "Summary"), ask: Some(Summary), note: (en: "n")),
            (id: "q_problem", label: (en: "Problem"), ask: Some(Problem), note: (en: "n")),
            (id: "q_impl", label: (en: "Implication"), ask: Some(Implication), note: (en: "n")),
            (id: "q_pitch", label: (en: "Pitch"), ask: Some(Pitch), note: (en: "n")),
            (id: "leave", label: (en: "Leave"), action: Continue, go: Some("board"), note: (en: "n")),
        ]),
    ],
    events: [{events}],
    endings: [
        (id: "won", title: (en: "Won"), outcome: Won, value: 100, text: (en: "w")),
        (id: "shared", title: (en: "Shared"), outcome: Won, value: 80, text: (en: "s")),
        (id: "lost", title: (en: "Lost"), outcome: Lost, value: 10, text: (en: "l")),
        (id: "gone", title: (en: "Gone"), outcome: Withdrew, value: 30, text: (en: "g")),
        (id: "late", title: (en: "Late"), outcome: TimedOut, value: 0, text: (en: "l")),
    ],
    decision: Some((won: "won", lost: "lost", shared: Some("shared"), weights: (without_decision_maker: 0))),
    scoring: (weights: (burning_issue: 1, insider: 1, sequencing: 1, outcome: 1),
              burning_issue: (correct: 100, wrong: -40, on_time_week: 1, late_per_week: 10)),
)"#
    )
}

fn game_with(extra: &str, events: &str, rival: &str, seed: u64) -> Game {
    let src = case(extra, events, rival);
    let l = load_bytes("t.ron", src.as_bytes());
    assert_eq!(l.errors(), 0, "{:#?}", l.diagnostics);
    Game::new(l.case.unwrap(), seed)
}

fn game(seed: u64) -> Game {
    game_with("", "", "", seed)
}

fn play(ids: &[&str]) -> Game {
    let mut g = game(1);
    for id in ids {
        let offered: Vec<String> = g.available_ids().iter().map(|s| s.to_string()).collect();
        if let Err(e) = g.choose(id) {
            panic!("{id}: {e}; offered {offered:?}");
        }
    }
    g
}

fn made(g: &Game, m: Mistake) -> bool {
    g.state.made(m.bit())
}

fn attitude(g: &Game, id: &str) -> Attitude {
    g.state.attitude(g.case.stakeholders.get(id).unwrap())
}

// ─── Sequencing ────────────────────────────────────────────────────────────────────────────

#[test]
fn calling_on_the_top_cold_and_unprepared_are_named_mistakes() {
    let g = play(&["meet_vp_cold"]);
    assert!(made(&g, Mistake::TopCold));
    assert!(made(&g, Mistake::TopUnprepared));
    let notes: Vec<&str> = g.moves[0]
        .deltas
        .iter()
        .map(|d| d.note.en.as_str())
        .collect();
    assert!(notes.iter().any(|n| n.contains("cold")), "{notes:?}");
    // Introduced by the manager, after a diagnosis: neither.
    let g = play(&["meet_mgr", "dx_real", "meet_vp_via_mgr"]);
    assert!(!made(&g, Mistake::TopCold) && !made(&g, Mistake::TopUnprepared));
}

#[test]
fn going_over_the_head_of_a_contact_who_carries_you() {
    // The engineer is won over; meeting his manager without him goes over his head.
    let g = play(&["win_eng", "chat_eng", "meet_mgr"]);
    assert!(made(&g, Mistake::OverHead));
    assert_eq!(
        attitude(&g, "eng"),
        Attitude::Supporter,
        "he cools one step from mentor"
    );
    // Through him, it is the way up.
    let g = play(&["win_eng", "chat_eng", "meet_mgr_via_eng"]);
    assert!(!made(&g, Mistake::OverHead));
    // A contact who is not carrying you is not gone over.
    let g = play(&["chat_eng", "meet_mgr"]);
    assert!(!made(&g, Mistake::OverHead));
}

#[test]
fn someone_sidelined_is_not_a_contact_to_go_over() {
    // The old friend supports us but has no say: meeting anyone is not over his head.
    let g = play(&["meet_vp_cold"]);
    assert!(!made(&g, Mistake::OverHead));
}

#[test]
fn skipping_a_level_leaves_out_the_manager_in_between() {
    let g = play(&["chat_eng", "dx_real", "meet_vp_via_eng"]);
    assert!(made(&g, Mistake::SkippedLevel));
    assert_eq!(
        attitude(&g, "mgr"),
        Attitude::NonSupporter,
        "the skipped manager cools"
    );
    let g = play(&["chat_eng", "meet_mgr_via_eng", "dx_real", "meet_vp_via_eng"]);
    assert!(!made(&g, Mistake::SkippedLevel), "the manager was met");
}

#[test]
fn no_letter_after_the_decision_maker_is_judged_at_the_decision() {
    let g = play(&["meet_mgr", "dx_real", "meet_vp_via_mgr", "decide"]);
    assert!(made(&g, Mistake::NoLetter));
    let g = play(&["meet_mgr", "dx_real", "meet_vp_via_mgr", "letter", "decide"]);
    assert!(!made(&g, Mistake::NoLetter));
}

#[test]
fn a_decision_without_ever_meeting_the_top_cannot_be_won() {
    let g = play(&["meters", "propose_real", "decide"]);
    assert!(made(&g, Mistake::NeverReachedTop));
    let r = result(&g);
    assert_eq!(r.score.win_chance, Some(0), "without_decision_maker: 0");
    assert_ne!(r.outcome, Some(Outcome::Won));
}

#[test]
fn a_meeting_that_teaches_nothing_is_wasted_and_a_conversation_is_not() {
    let g = play(&["chat_eng"]);
    assert!(made(&g, Mistake::WastedMeeting));
    let g = play(&["meet_eng", "q_open", "leave"]);
    assert!(
        !made(&g, Mistake::WastedMeeting),
        "an open question taught something"
    );
    let g = play(&["meet_eng", "q_pitch", "leave"]);
    assert!(
        !made(&g, Mistake::WastedMeeting),
        "even a pitch moves a meter"
    );
}

#[test]
fn spending_before_qualifying_and_big_spends_before_the_top() {
    let g = play(&["spend"]);
    assert!(made(&g, Mistake::MoneyBeforeQualified));
    assert!(
        made(&g, Mistake::InvestedEarly),
        "30% of the budget before the top"
    );
    let g = play(&["qualify", "spend"]);
    assert!(!made(&g, Mistake::MoneyBeforeQualified));
    assert!(made(&g, Mistake::InvestedEarly));
}

#[test]
fn walking_away_late_is_named_and_early_is_not() {
    assert!(!made(&play(&["quit"]), Mistake::LateExit));
    let g = play(&["wait", "wait", "wait", "wait", "wait", "wait", "quit"]);
    assert!(made(&g, Mistake::LateExit));
}

#[test]
fn sequencing_is_a_hundred_less_each_kind_once() {
    // Two wasted meetings cost like one; a cold call adds its own costs.
    let g = play(&["chat_eng", "meet_eng", "leave", "quit"]);
    assert!(made(&g, Mistake::WastedMeeting));
    assert_eq!(
        result(&g).score.sequencing,
        90,
        "default wasted-meeting cost is 10"
    );
    let g = play(&["quit"]);
    assert_eq!(
        result(&g).score.sequencing,
        100,
        "walking away at once made no mistake"
    );
}

// ─── Questions ─────────────────────────────────────────────────────────────────────────────

#[test]
fn open_then_closed_shows_the_real_attitude_and_a_summary_moves_him() {
    let g = play(&["meet_eng", "q_open", "q_closed", "q_summary"]);
    let eng = g.case.stakeholders.get("eng").unwrap();
    let seen = g.state.people[eng as usize].seen;
    for a in [
        Aspect::Needs,
        Aspect::Concerns,
        Aspect::Attitude,
        Aspect::Change,
    ] {
        assert!(seen & a.bit() != 0, "{a:?} seen");
    }
    assert_eq!(
        attitude(&g, "eng"),
        Attitude::Supporter,
        "agreement grew one step"
    );
    assert_eq!(g.state.mistakes & Mistake::ClosedFirst.bit(), 0);
}

#[test]
fn questions_out_of_order_are_mistakes_and_bring_out_less() {
    let g = play(&["meet_eng", "q_closed"]);
    assert!(made(&g, Mistake::ClosedFirst));
    let eng = g.case.stakeholders.get("eng").unwrap() as usize;
    assert_eq!(
        g.state.people[eng].seen & Aspect::Attitude.bit(),
        0,
        "only a yes or a no"
    );
    let g = play(&["meet_eng", "q_summary"]);
    assert!(made(&g, Mistake::EmptySummary));
    assert_eq!(
        attitude(&g, "eng"),
        Attitude::Neutral,
        "a summary of nothing moves nobody"
    );
    let g = play(&["meet_eng", "q_pitch"]);
    assert!(made(&g, Mistake::PitchFirst));
    let g = play(&["meet_eng", "q_impl"]);
    assert!(made(&g, Mistake::PayoffFirst));
}

#[test]
fn a_problem_question_raises_pain_as_far_as_the_person_owns_an_issue() {
    // The engineer owns only a decoy: he admits a need, never the pain of the real issue.
    let g = play(&["meet_eng", "q_open", "q_problem", "q_impl"]);
    assert_eq!(
        g.state.intensity.pain, 8,
        "a decoy's owner admits the cause (handler: 8)"
    );
}

// ─── The decision ──────────────────────────────────────────────────────────────────────────

#[test]
fn the_same_seed_and_moves_give_the_same_decision() {
    let line = [
        "meet_mgr",
        "dx_real",
        "meet_vp_via_mgr",
        "meters",
        "propose_real",
        "letter",
        "decide",
    ];
    let a: Vec<_> = (0..20)
        .map(|s| {
            let mut g = game(s);
            for id in line {
                g.choose(id).unwrap();
            }
            result(&g)
        })
        .collect();
    let b: Vec<_> = (0..20)
        .map(|s| {
            let mut g = game(s);
            for id in line {
                g.choose(id).unwrap();
            }
            result(&g)
        })
        .collect();
    assert_eq!(a, b);
    assert!(
        a.iter().all(|r| r.decision.is_some()),
        "the decision is explained"
    );
    let winners: std::collections::HashSet<_> = a.iter().map(|r| r.ending.clone()).collect();
    assert!(winners.len() > 1, "over seeds the draw varies: {winners:?}");
}

#[test]
fn the_score_does_not_depend_on_the_draw() {
    let line = [
        "meet_mgr",
        "dx_real",
        "meet_vp_via_mgr",
        "meters",
        "propose_real",
        "letter",
        "decide",
    ];
    let totals: std::collections::HashSet<String> = (0..30)
        .map(|s| {
            let mut g = game(s);
            for id in line {
                g.choose(id).unwrap();
            }
            format!("{:.1}", result(&g).score.total)
        })
        .collect();
    assert_eq!(
        totals.len(),
        1,
        "won or lost by the draw, the same position scores the same"
    );
}

#[test]
fn a_zero_anywhere_in_the_5k_product_is_no_deal() {
    // Met, introduced, prepared — but the meters were never raised: no intensity at all.
    let g = play(&[
        "meet_mgr",
        "dx_real",
        "meet_vp_via_mgr",
        "propose_real",
        "letter",
        "decide",
    ]);
    assert_eq!(result(&g).score.win_chance, Some(0));
    let g = play(&[
        "meet_mgr",
        "dx_real",
        "meet_vp_via_mgr",
        "meters",
        "propose_real",
        "letter",
        "decide",
    ]);
    assert!(result(&g).score.win_chance.unwrap() > 0);
}

#[test]
fn answering_the_real_issue_and_a_good_insider_raise_the_chance() {
    let base = ["meet_mgr", "dx_real", "meet_vp_via_mgr", "meters", "letter"];
    let chance = |extra: &[&str]| {
        let mut g = game(1);
        for id in base.iter().chain(extra) {
            g.choose(id).unwrap();
        }
        decision::chance_us(&g.case, &g.state)
    };
    let plain = chance(&[]);
    assert!(chance(&["propose_real"]) > plain);
    assert!(chance(&["win_eng", "ins_eng"]) > plain);
    assert!(
        chance(&["ins_mole"]) < plain,
        "the rival's man leaks our plan"
    );
}

#[test]
fn a_decision_maker_against_you_is_a_veto() {
    let mut g = game_with(
        r#"(id: "offend", label: (en: "Offend"), effects: [Attitude("vp", -1)], note: (en: "n"))"#,
        "",
        "",
        1,
    );
    for id in [
        "meet_mgr",
        "dx_real",
        "meet_vp_via_mgr",
        "meters",
        "propose_real",
        "letter",
        "offend",
    ] {
        g.choose(id).unwrap();
    }
    assert_eq!(decision::chance_us(&g.case, &g.state), 0.0);
}

#[test]
fn a_partner_shares_the_win() {
    let g = play(&[
        "meet_mgr",
        "dx_real",
        "meet_vp_via_mgr",
        "meters",
        "propose_real",
        "letter",
        "partner",
        "decide",
    ]);
    assert_eq!(
        g.state
            .ending
            .map(|e| g.case.endings.names[e as usize].clone()),
        Some("shared".to_string())
    );
}

#[test]
fn rank_judgements_are_scored_against_the_deal() {
    // Nothing done: we are nobody's first choice.
    let g = play(&["judge_first"]);
    assert!(made(&g, Mistake::WrongRank));
    let g = play(&["judge_ref"]);
    assert!(!made(&g, Mistake::WrongRank));
}

// ─── Commitments ───────────────────────────────────────────────────────────────────────────

#[test]
fn insider_quality_is_influence_times_willingness_at_the_end() {
    let g = play(&["win_eng", "ins_eng", "quit"]);
    // Influence 4/5 × mentor (two steps from neutral) 1.0.
    assert_eq!(result(&g).score.insider, 80);
    let g = play(&["ins_eng", "win_eng", "quit"]);
    assert_eq!(
        result(&g).score.insider,
        80,
        "developing him after choosing counts"
    );
}

#[test]
fn the_classic_wrong_insiders_are_named() {
    let g = play(&["ins_friend"]);
    assert!(made(&g, Mistake::InsiderLikesYou) && made(&g, Mistake::InsiderOldFriend));
    let g = play(&["ins_mole"]);
    assert!(made(&g, Mistake::InsiderCompetitorsMan));
    assert_eq!(result(&g).score.insider, 0);
    let g = play(&["ins_vp"]);
    assert!(made(&g, Mistake::InsiderHighestRank));
}

#[test]
fn diagnosis_right_wrong_and_late() {
    assert_eq!(result(&play(&["dx_real"])).score.burning_issue, 100);
    let g = play(&["dx_fake"]);
    assert_eq!(result(&g).score.burning_issue, 0);
    assert!(made(&g, Mistake::WrongIssue));
    assert_eq!(
        result(&play(&["wait", "wait", "dx_real"]))
            .score
            .burning_issue,
        80,
        "two weeks late at 10 a week"
    );
}

// ─── Competitors ───────────────────────────────────────────────────────────────────────────

#[test]
fn competitors_act_each_week_from_the_seed() {
    let moves = ", moves: [CutPrice], activity: Some(100)";
    let mut g = game_with("", "", moves, 3);
    let before = g.state.rivals[0].strength;
    g.choose("wait").unwrap();
    g.choose("wait").unwrap();
    assert_eq!(g.state.rivals[0].strength, before + 3, "weeks 1, 2 and 3");
    assert!(
        g.moves
            .iter()
            .any(|m| m.news.iter().any(|n| n.en.contains("price")))
    );
    let again = {
        let mut h = game_with("", "", ", moves: [CutPrice], activity: Some(50)", 3);
        h.choose("wait").unwrap();
        h.choose("wait").unwrap();
        h.state.rivals[0].strength
    };
    let same = {
        let mut h = game_with("", "", ", moves: [CutPrice], activity: Some(50)", 3);
        h.choose("wait").unwrap();
        h.choose("wait").unwrap();
        h.state.rivals[0].strength
    };
    assert_eq!(again, same, "same seed, same moves");
}

#[test]
fn courting_turns_a_neutral_person_and_an_insider_tells_you() {
    let moves = ", moves: [Court(Some(\"mgr\"))], activity: Some(100)";
    let mut g = game_with("", "", moves, 1);
    g.choose("wait").unwrap();
    let mgr = g.case.stakeholders.get("mgr").unwrap() as usize;
    assert_eq!(g.state.people[mgr].backs(), Some(0));
    assert!(
        g.moves[0]
            .news
            .iter()
            .any(|n| n.en.contains("do not know with whom"))
    );
    // With a good insider the news names him, and the card shows it.
    let mut g = game_with("", "", moves, 1);
    g.choose("win_eng").unwrap();
    g.choose("ins_eng").unwrap();
    g.choose("wait").unwrap();
    assert!(g.moves[2].news.iter().any(|n| n.en.contains("Mgr")));
    let card = view::person(&g.case, &g.state, &g.reads, mgr as u16);
    assert_eq!(
        card.backs.map(|b| b.map(|k| k.id.as_str())),
        Some(Some("rival"))
    );
}

#[test]
fn an_ally_blunts_the_rivals_expert() {
    let moves = ", moves: [BringExpert], activity: Some(100)";
    let mut g = game_with("", "", moves, 1);
    g.choose("wait").unwrap();
    assert_eq!(
        attitude(&g, "eng"),
        Attitude::Opponent,
        "weeks 1 and 2: two visits"
    );
    let mut g = game_with("", "", moves, 1);
    g.choose("ally").unwrap();
    g.choose("wait").unwrap();
    assert_eq!(attitude(&g, "eng"), Attitude::Neutral);
}

// ─── What the trainee sees ─────────────────────────────────────────────────────────────────

#[test]
fn cards_show_the_face_people_show_until_the_truth_is_seen() {
    let g = game(1);
    let mole = g.case.stakeholders.get("mole").unwrap();
    let card = view::person(&g.case, &g.state, &g.reads, mole);
    assert_eq!(card.role, Card::Unknown, "role hidden until found out");
    assert_eq!(card.influence, Card::Unknown);
    assert!(card.mood.is_none(), "never met");
    let extra = r#"(id: "meet_mole", label: (en: "Meet mole"), meets: ["mole"], effects: [Learn("f1")], note: (en: "n")),
        (id: "tip", label: (en: "Tip"), effects: [Observe("mole", Attitude), Hear("vp", Role(User))], note: (en: "n"))"#;
    let mut g = game_with(extra, "", "", 1);
    g.choose("meet_mole").unwrap();
    let card = view::person(&g.case, &g.state, &g.reads, mole);
    assert_eq!(
        card.mood.map(|m| (m.0, m.2)),
        Some((Attitude::Mentor, false)),
        "the warm face"
    );
    g.choose("tip").unwrap();
    let card = view::person(&g.case, &g.state, &g.reads, mole);
    assert_eq!(
        card.mood.map(|m| (m.0, m.2)),
        Some((Attitude::Neutral, true)),
        "the truth"
    );
    let vp = view::person(
        &g.case,
        &g.state,
        &g.reads,
        g.case.stakeholders.get("vp").unwrap(),
    );
    assert!(matches!(vp.role, Card::Told(_)), "told, and wrong");
}

#[test]
fn the_trainees_read_is_scored_beside_the_truth() {
    let mut g = play(&["chat_eng"]);
    g.set_read(Read::parse("read eng role=TechnicalEvaluator influence=4 attitude=Neutral needs=Esteem change=Embraces concern=Career closeness=Occasional").unwrap());
    assert_eq!(score(&g.case, &g.state, Reads::Given(&g.reads)).read, 100);
    g.set_read(Read::parse("read eng role=User influence=3").unwrap());
    let s = score(&g.case, &g.state, Reads::Given(&g.reads)).read;
    assert!(s > 0 && s < 30, "{s}");
    assert_eq!(score(&g.case, &g.state, Reads::Perfect).read, 100);
    assert!(Read::parse("read eng role=Boss").is_err());
}

#[test]
fn running_out_of_weeks_times_out_and_choices_are_once_only() {
    let mut g = game(1);
    g.choose("win_eng").unwrap();
    assert!(g.choose("win_eng").is_err());
    for _ in 0..10 {
        if g.is_over() {
            break;
        }
        g.choose("wait").unwrap();
    }
    assert_eq!(result(&g).outcome, Some(Outcome::TimedOut));
}
