//! A plain reference explorer, and the fast one checked against it.
//!
//! The reference is as simple as it can be: a search that applies every available choice to
//! every reachable state (`engine::game::available` and `step`, what `Game::choose_ix` runs
//! before it writes its log) and keys the visited set on the whole `State` — every field, by
//! its derived `Hash`, as a 128-bit xxh3 digest (a collision among 10⁸ states: < 10⁻²²) —
//! with no relevance masks, no dominance, no bounds and no values carried up the tree. It
//! collects the reachable states, and every figure is read off that set: the best and worst
//! final totals, the endings, the dead ends, the scenes reached, the choices taken, the
//! mistakes made and, for each, the best total, whether a line with it can win outright and
//! its best chance of winning. Lines the fast explorer reports are replayed through `Game`.
//!
//! The fast explorer (`analysis::explore`) must agree exactly, one seed per variant as
//! `analyze` explores, on generated cases and on the bundled cases whose whole-state spaces a
//! plain search can hold: first-lead in the normal run, board-tuesday (3.0 M + 2 × 0.5 M whole
//! states) and coal-mine (4.0 M + 1.4 M) `#[ignore]`d, for a release run:
//! `cargo test --release --no-default-features --test reference_explorer -- --include-ignored`.
//! Haicheng and data-mining have more than 20 M whole states in every variant (more than this
//! machine's plain search can hold beside the other engineers' work; measured, see
//! docs/performance.md), so they are not compared here.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use dealcraft::analysis::explore::{Exploration, Limits, explore_with, trap_kind};
use dealcraft::analysis::generated;
use dealcraft::analysis::report::variant_seeds;
use dealcraft::analysis::{Options, analyze_with};
use dealcraft::case::model::Outcome;
use dealcraft::engine::game::{available, step};
use dealcraft::engine::load_bytes;
use dealcraft::engine::trace::Trace;
use dealcraft::engine::{Compiled, Game, State};
use dealcraft::scoring::total::{Reads, score};

/// Everything the reference finds for one seed.
#[derive(Debug, Default)]
struct Reference {
    states: usize,
    best: Option<f64>,
    worst: Option<f64>,
    endings: BTreeSet<String>,
    dead_ends: usize,
    dead_end_scenes: BTreeSet<String>,
    scenes_seen: Vec<bool>,
    taken: Vec<bool>,
    /// Mistakes made on some reachable state.
    made: u64,
    /// Per mistake bit: best final total with it, any winning line with it, best win chance.
    traps: BTreeMap<u32, (Option<f64>, bool, f64)>,
}

/// Win chance of a final state (0–1), as the report counts it: the decision's outright
/// chance, or 1 for an authored ending the case calls won.
fn win(c: &Compiled, s: &State) -> f64 {
    match (s.decision, s.ending) {
        (Some(d), _) => d.chance as f64 / 1000.0,
        (None, Some(e)) if c.ending(e).outcome == Outcome::Won => 1.0,
        _ => 0.0,
    }
}

/// The whole state, every field, hashed to 128 bits.
fn key(s: &State) -> u128 {
    struct Digest(xxhash_rust::xxh3::Xxh3Default);
    impl Hasher for Digest {
        fn write(&mut self, bytes: &[u8]) {
            self.0.update(bytes);
        }
        fn finish(&self) -> u64 {
            unreachable!("the 128-bit digest is read instead")
        }
    }
    let mut h = Digest(xxhash_rust::xxh3::Xxh3Default::new());
    s.hash(&mut h);
    h.0.digest128()
}

fn reference(c: &Arc<Compiled>, seed: u64) -> Reference {
    let start = State::start(c, seed);
    let mut r = Reference {
        scenes_seen: vec![false; c.scenes.len()],
        taken: vec![false; c.choices.len()],
        ..Reference::default()
    };
    let mut visited: HashSet<u128> = HashSet::new();
    visited.insert(key(&start));
    let mut stack = vec![start];
    let mut trace = Trace::quiet();
    let mut finals: Vec<(f64, f64, u64, String)> = Vec::new();
    while let Some(state) = stack.pop() {
        r.scenes_seen[state.scene as usize] = true;
        r.made |= state.mistakes;
        if let Some(e) = state.ending {
            let total = score(c, &state, Reads::Perfect).total;
            finals.push((
                total,
                win(c, &state),
                state.mistakes,
                c.endings.names[e as usize].clone(),
            ));
            continue;
        }
        let options = available(c, &state);
        if options.is_empty() {
            r.dead_ends += 1;
            r.dead_end_scenes
                .insert(c.scenes.names[state.scene as usize].clone());
        }
        for ix in options {
            r.taken[ix as usize] = true;
            let mut next = state.clone();
            step(c, &mut next, ix, &mut trace);
            if visited.insert(key(&next)) {
                stack.push(next);
            }
        }
    }
    r.states = visited.len();
    for (total, _, _, ending) in &finals {
        r.best = Some(r.best.map_or(*total, |b: f64| b.max(*total)));
        r.worst = Some(r.worst.map_or(*total, |b: f64| b.min(*total)));
        r.endings.insert(ending.clone());
    }
    let mut bits = r.made;
    while bits != 0 {
        let bit = bits.trailing_zeros();
        bits &= bits - 1;
        let mut t = (None, false, 0.0f64);
        for &(total, w, mistakes, _) in &finals {
            if mistakes & (1u64 << bit) != 0 {
                t.0 = Some(t.0.map_or(total, |b: f64| b.max(total)));
                t.1 |= w > 0.0;
                t.2 = t.2.max(w);
            }
        }
        r.traps.insert(bit, t);
    }
    r
}

/// Replay a line of choice ids from the start: the final state, if the line is playable.
fn replay(c: &Arc<Compiled>, seed: u64, line: &[String]) -> Game {
    Game::replay(c.clone(), seed, line.iter().map(|s| s.as_str()))
        .unwrap_or_else(|(i, e)| panic!("move {i} of {line:?} does not replay: {e}"))
}

/// The fast explorer's exhaustive results against the reference's, for one seed.
fn check_seed(name: &str, c: &Arc<Compiled>, seed: u64) -> (Exploration, Reference) {
    let r = reference(c, seed);
    let ex = explore_with(c, seed, Limits::default());
    let at = format!("{name}, seed {seed}");
    assert!(ex.exhaustive, "{at}: not exhaustive");

    // Best and worst totals, and the lines that claim them.
    assert_eq!(
        ex.best.as_ref().map(|b| b.score),
        r.best,
        "{at}: best total"
    );
    if let Some(b) = &ex.best {
        let g = replay(c, seed, &b.line);
        assert!(g.is_over(), "{at}: the best line does not end");
        assert_eq!(score(c, &g.state, Reads::Perfect).total, b.score, "{at}");
    }
    // Past 300,000 states in its best pass the report samples the worst line (and says so).
    if ex.worst_exact {
        assert_eq!(
            ex.worst.as_ref().map(|w| w.score),
            r.worst,
            "{at}: worst total"
        );
    }
    if let Some(w) = &ex.worst {
        let g = replay(c, seed, &w.line);
        assert_eq!(score(c, &g.state, Reads::Perfect).total, w.score, "{at}");
    }

    // Endings reached (the fast explorer's counts are of merged states: only the set).
    let endings: BTreeSet<String> = ex.endings.keys().cloned().collect();
    assert_eq!(endings, r.endings, "{at}: endings reached");

    // Dead ends: each reported one is real; with fewer than the report's 50, the same scenes.
    assert_eq!(ex.dead_ends.is_empty(), r.dead_ends == 0, "{at}: dead ends");
    for d in &ex.dead_ends {
        let g = replay(c, seed, &d.line);
        assert!(!g.is_over() && g.available().is_empty(), "{at}: {d:?}");
        assert_eq!(c.scenes.names[g.state.scene as usize], d.scene, "{at}");
    }
    if r.dead_ends < 50 {
        let scenes: BTreeSet<String> = ex.dead_ends.iter().map(|d| d.scene.clone()).collect();
        assert_eq!(scenes, r.dead_end_scenes, "{at}: dead-end scenes");
    }

    // Reachable content.
    assert_eq!(ex.scenes_seen, r.scenes_seen, "{at}: scenes reached");
    let names = |v: &[bool], n: &[String]| -> Vec<String> {
        v.iter()
            .zip(n)
            .filter(|(t, _)| !**t)
            .map(|(_, n)| n.clone())
            .collect()
    };
    assert_eq!(
        names(&ex.taken, &c.choices.names),
        names(&r.taken, &c.choices.names),
        "{at}: choices never taken"
    );

    // Traps: the same mistakes, and for each the best total and whether it can win.
    let ids: Vec<String> = r.traps.keys().map(|&b| c.trap_name(b)).collect();
    let fast: Vec<String> = ex.traps.iter().map(|t| t.id.clone()).collect();
    assert_eq!(fast, ids, "{at}: mistakes made");
    for (t, (&bit, &(best, wins, best_win))) in ex.traps.iter().zip(&r.traps) {
        assert_eq!(t.kind, trap_kind(bit), "{at}");
        assert_eq!(
            t.best_total,
            best.unwrap_or(0.0),
            "{at}: best total with {}",
            t.id
        );
        assert_eq!(t.wins_possible, wins, "{at}: can a line with {} win", t.id);
        if wins {
            // The report's figure is the chance of a line with it that wins, rounded to
            // 0.1 %: never more than the best any line with it has.
            assert!(
                t.best_win_chance <= (best_win * 1000.0).round() / 10.0,
                "{at}: {} best win chance {} > {}",
                t.id,
                t.best_win_chance,
                best_win * 100.0
            );
        }
        if !t.line.is_empty() {
            let g = replay(c, seed, &t.line);
            assert!(g.state.mistakes & (1u64 << bit) != 0, "{at}: {} line", t.id);
            assert_eq!(
                score(c, &g.state, Reads::Perfect).total,
                t.best_total,
                "{at}"
            );
        }
    }
    (ex, r)
}

/// Every variant's seed, then `analyze`'s unreachable content against the reference's.
fn check_case(name: &str, c: &Arc<Compiled>) -> Vec<(u64, usize, usize)> {
    let seeds = variant_seeds(c, 1);
    let mut taken = vec![false; c.choices.len()];
    let mut seen = vec![false; c.scenes.len()];
    let mut sizes = Vec::new();
    for &seed in &seeds {
        let (ex, r) = check_seed(name, c, seed);
        for (t, x) in taken.iter_mut().zip(&r.taken) {
            *t |= x;
        }
        for (t, x) in seen.iter_mut().zip(&r.scenes_seen) {
            *t |= x;
        }
        sizes.push((seed, ex.states, r.states));
    }
    let mut unreachable = Vec::new();
    for (i, s) in seen.iter().enumerate() {
        if !s {
            unreachable.push(format!("scene:{}", c.scenes.names[i]));
        }
    }
    for (i, t) in taken.iter().enumerate() {
        if !t && seen[c.cchoices[i].scene as usize] {
            unreachable.push(format!("choice:{}", c.choices.names[i]));
        }
    }
    let a = analyze_with(
        c,
        1,
        Options {
            playouts: 0,
            ..Options::default()
        },
        || {},
    );
    assert!(a.exhaustive, "{name}");
    assert_eq!(a.unreachable, unreachable, "{name}: unreachable content");
    eprintln!("{name}: (seed, fast states, reference states) {sizes:?}");
    sizes
}

fn bundled(file: &str) -> Arc<Compiled> {
    let (_, src) = dealcraft::bundled::BUNDLED
        .iter()
        .find(|(f, _)| *f == file)
        .expect("bundled");
    load_bytes(file, src.as_bytes()).case.expect("loads")
}

#[test]
fn first_lead_matches_the_reference() {
    check_case("first-lead", &bundled("first-lead.ron"));
}

#[test]
#[ignore = "minutes in a debug build: run with --release --include-ignored"]
fn board_tuesday_matches_the_reference() {
    check_case("board-tuesday", &bundled("board-tuesday.ron"));
}

#[test]
#[ignore = "minutes in a debug build: run with --release --include-ignored"]
fn coal_mine_matches_the_reference() {
    check_case("coal-mine", &bundled("coal-mine.ron"));
}

#[test]
fn generated_chains_match_the_reference_and_the_formula() {
    for lengths in [vec![1], vec![2, 3], vec![9, 9, 9], vec![4, 1, 2, 3]] {
        let src = generated::chains(&lengths);
        let l = load_bytes("gen.ron", src.as_bytes());
        assert!(l.diagnostics.is_empty(), "{:#?}", l.diagnostics);
        let c = l.case.expect("loads");
        let sizes = check_case("chains", &c);
        let (_, fast, full) = sizes[0];
        assert_eq!(
            fast as u64,
            generated::analyzed_states(&lengths),
            "{lengths:?}"
        );
        assert_eq!(
            full as u64,
            2 * generated::states_in_scene(&lengths),
            "{lengths:?}"
        );
    }
}

/// A small deterministic generator (xorshift) of random cases: scenes of choices with
/// conditions on flags and earlier choices, costs in weeks and money, points, flags set and
/// cleared, repeatable choices, authored traps, and several endings.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn random_case(seed: u64) -> String {
    let mut r = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let scenes = 2 + r.below(3) as usize;
    let flags = 3;
    let per = 4 + r.below(3) as usize;
    let endings = ["won", "lost", "gone"];
    let kinds = ["Sequencing", "BurningIssue", "Rank", "Insider"];
    let mut out = String::new();
    for s in 0..scenes {
        let mut choices = String::new();
        for k in 0..per {
            let id = format!("s{s}c{k}");
            let mut when = Vec::new();
            match r.below(5) {
                0 => when.push(format!("Flag(\"f{}\")", r.below(flags))),
                1 => when.push(format!("NotFlag(\"f{}\")", r.below(flags))),
                2 if k > 0 => when.push(format!("Chose(\"s{s}c{}\")", r.below(k as u64))),
                _ => {}
            }
            let mut effects = Vec::new();
            for _ in 0..r.below(3) {
                match r.below(3) {
                    0 => effects.push(format!("Set(\"f{}\")", r.below(flags))),
                    1 => effects.push(format!("Clear(\"f{}\")", r.below(flags))),
                    _ => effects.push(format!(
                        "Score({}, {})",
                        kinds[r.below(4) as usize],
                        r.below(41) as i64 - 20
                    )),
                }
            }
            let weeks = r.below(3).min(1);
            let money = [0, 0, 10, 25][r.below(4) as usize];
            // Now and then a wait until a date instead of a week.
            let until = match r.below(6) {
                0 => format!(", until: {}", 2 + r.below(3)),
                _ => String::new(),
            };
            let repeatable = weeks > 0 && r.below(3) == 0;
            let next = match r.below(6) {
                0 => format!("end: \"{}\"", endings[r.below(3) as usize]),
                1 | 2 => format!("go: \"s{}\"", r.below(scenes as u64)),
                _ => String::new(),
            };
            let trap = if r.below(4) == 0 {
                format!("trap: \"t{}\", ", r.below(2))
            } else {
                String::new()
            };
            choices.push_str(&format!(
                "(id: \"{id}\", label: (en: \"{id}\"), note: (en: \"n\"), when: [{}], \
                 cost: (weeks: {weeks}, money: {money}{until}), effects: [{}], repeatable: {repeatable}, \
                 {trap}{next}),\n",
                when.join(", "),
                effects.join(", ")
            ));
        }
        // Every scene can end the deal, so most lines finish.
        choices.push_str(&format!(
            "(id: \"s{s}end\", label: (en: \"end\"), note: (en: \"n\"), end: \"{}\"),\n",
            endings[s % 2]
        ));
        out.push_str(&format!(
            "(id: \"s{s}\", title: (en: \"s\"), text: (en: \"s\"), choices: [\n{choices}]),\n"
        ));
    }
    format!(
        "(id: \"rand{seed}\", title: (en: \"t\"), summary: (en: \"s\"), briefing: (en: \"b\"),
calendar: (weeks: 4, budget: 60, timeout_ending: \"closed\"),
seller: (company: (en: \"c\"), you: (en: \"y\")), customer: (name: (en: \"n\")),
stakeholders: [], start: \"s0\",
scenes: [{out}],
endings: [
  (id: \"won\", title: (en: \"w\"), outcome: Won, value: 90, text: (en: \"w\")),
  (id: \"lost\", title: (en: \"l\"), outcome: Lost, value: 10, text: (en: \"l\")),
  (id: \"gone\", title: (en: \"g\"), outcome: Withdrew, value: 30, text: (en: \"g\")),
  (id: \"closed\", title: (en: \"c\"), outcome: TimedOut, value: 0, text: (en: \"c\")),
],
scoring: (weights: (sequencing: 30, burning_issue: 20, rank: 5, insider: 5, outcome: 30, cost: 10)))
"
    )
}

/// Who is there when: absences (one moved by a variant), an unwilling ally to win over, an
/// ally in a meeting, a wait until the tender date, an event of one variant.
const CAST: &str = r#"(
    id: "cast", title: (en: "C"), summary: (en: "s"), briefing: (en: "b"),
    calendar: (weeks: 6, budget: 100, timeout_ending: "late", decision_week: Some(6)),
    seller: (company: (en: "Us"), you: (en: "You"), allies: [
        (id: "guru", name: (en: "Guru"), title: (en: "Engineer"), attitude: Some(NonSupporter), away: [(from: 4, to: 4)]),
    ]),
    customer: (name: (en: "Them")),
    stakeholders: [
        (id: "boss", name: (en: "Boss"), title: (en: "CEO"), role: DecisionMaker, power: 5, influence: 5, attitude: Neutral, known: true, away: [(from: 2, to: 3)]),
        (id: "eng", name: (en: "Eng"), title: (en: "Engineer"), reports_to: Some("boss"), role: TechnicalEvaluator, power: 2, influence: 3, attitude: Neutral, known: true),
    ],
    competitors: [(id: "rival", name: (en: "Rival"), strength: 5)],
    burning_issues: [(id: "real", owner: "boss", text: (en: "r"), real: true, explain: (en: "why"))],
    start: "board",
    scenes: [
        (id: "board", title: (en: "Board"), text: (en: "t"), choices: [
            (id: "wait", label: (en: "W"), cost: (weeks: 1), repeatable: true, note: (en: "n")),
            (id: "boss", label: (en: "B"), meets: ["boss"], cost: (weeks: 1), effects: [Attitude("boss", 1)], note: (en: "n")),
            (id: "court", label: (en: "C"), effects: [Attitude("guru", 1)], cost: (weeks: 1), note: (en: "n")),
            (id: "eng_guru", label: (en: "E"), meets: ["eng", "guru"], effects: [Attitude("eng", 2)], note: (en: "n")),
            (id: "lab", label: (en: "L"), go: Some("lab"), when: [AttitudeAtLeast("guru", Neutral)], note: (en: "n")),
            (id: "deputy", label: (en: "D"), when: [Away("boss")], effects: [Score(Sequencing, 5)], note: (en: "n")),
            (id: "tender", label: (en: "T"), cost: (until: 6), note: (en: "n")),
            (id: "dx", label: (en: "X"), effects: [Diagnose("real"), Propose("real")], note: (en: "n")),
        ]),
        (id: "lab", title: (en: "Lab"), kind: Meeting(["eng", "guru"]), text: (en: "t"), choices: [
            (id: "demo", label: (en: "Demo"), effects: [Attitude("boss", 1)], go: Some("board"), note: (en: "n")),
        ]),
    ],
    events: [
        (id: "road", when: Week(3), variants: ["busy"], effects: [Competitor("rival", 3)], news: (en: "r")),
    ],
    variants: [
        (id: "quiet", changes: []),
        (id: "busy", changes: [Away("boss", [(from: 4, to: 5)]), Attitude("guru", Neutral)]),
    ],
    endings: [
        (id: "won", title: (en: "Won"), outcome: Won, value: 100, text: (en: "w")),
        (id: "lost", title: (en: "Lost"), outcome: Lost, value: 10, text: (en: "l")),
        (id: "late", title: (en: "Late"), outcome: TimedOut, value: 0, text: (en: "l")),
    ],
    decision: Some((won: "won", lost: "lost")),
    scoring: (weights: (burning_issue: 1, insider: 1, sequencing: 1, outcome: 1),
              burning_issue: (correct: 100, wrong: -40, on_time_week: 1, late_per_week: 10)),
)"#;

#[test]
fn absences_allies_and_waits_match_the_reference() {
    let l = load_bytes("cast.ron", CAST.as_bytes());
    assert_eq!(l.errors(), 0, "{:#?}", l.diagnostics);
    let sizes = check_case("cast", &l.case.unwrap());
    assert!(sizes.len() >= 2, "both variants explored: {sizes:?}");
}

#[test]
fn random_generated_cases_match_the_reference() {
    let mut checked = 0;
    for seed in 0..60u64 {
        let src = random_case(seed);
        let l = load_bytes("rand.ron", src.as_bytes());
        let Some(c) = l.case else {
            panic!(
                "random case {seed} does not load: {:#?}\n{src}",
                l.diagnostics
            );
        };
        check_case(&format!("random case {seed}"), &c);
        checked += 1;
    }
    assert_eq!(checked, 60);
}
