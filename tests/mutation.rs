//! Mutation testing in the normal test run: the bundled cases, mutated at the byte and token
//! level (bytes flipped, spans deleted or duplicated, RON tokens and hostile values inserted,
//! numbers replaced), go through everything a user can make the tools do with a case: load and
//! validate (diagnostics rendered, each bounded in size), and if the case is usable a bounded
//! random line, its replay, a playout, a capped exploration and a results file read back.
//! Nothing may panic, hang or print without bound. `PROPTEST_CASES=N` runs more.

use dealcraft::analysis::explore::explore;
use dealcraft::analysis::playouts::playout;
use dealcraft::bundled::BUNDLED;
use dealcraft::case::Lang;
use dealcraft::case::diagnostic::render;
use dealcraft::engine::Game;
use dealcraft::engine::load_bytes;
use proptest::prelude::*;

/// Tokens and values that break RON or the case's rules in interesting ways.
const TOKENS: &[&str] = &[
    "\"",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "//",
    "/*",
    "*/",
    "\\",
    "\0",
    "\u{feff}",
    "-1",
    "300",
    "1.5",
    "1e999",
    "18446744073709551616",
    "-9223372036854775809",
    "0",
    "Some(",
    "None",
    "true",
    "r#\"",
    "id: \"x\",",
    "go: \"nowhere\",",
    "end: \"e\",",
    "zn: \"x\",",
    "when: [Chose(\"c\")],",
    "repeatable: true,",
    "cost: (weeks: 0),",
    "\u{0430}",
    "\u{200B}",
    "\u{202E}",
    "𠀀",
    "é",
    "\n",
    "Learn(\"f\"),",
    "Set(\"g\"),",
    "Score(Sequencing, 2147483647),",
    "Money(-2147483648),",
    "weeks: 4294967295,",
];

#[derive(Debug, Clone)]
enum Op {
    Flip(usize, u8),
    Delete(usize, usize),
    Insert(usize, usize),
    Duplicate(usize, usize),
    Number(usize, i64),
    /// The string literal after the first position replaced by the one after the second: ids
    /// swapped between references, texts moved, mostly still valid RON.
    Swap(usize, usize),
}

/// The string literal (quotes included) at or after `p`, as a byte range.
fn literal_at(b: &[u8], p: usize) -> Option<(usize, usize)> {
    let start = p + b.get(p..)?.iter().position(|&c| c == b'"')?;
    let mut i = start + 1;
    while i < b.len() && b[i] != b'"' {
        i += if b[i] == b'\\' { 2 } else { 1 };
    }
    (i < b.len()).then_some((start, i + 1))
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (any::<usize>(), 1..=255u8).prop_map(|(p, x)| Op::Flip(p, x)),
        (any::<usize>(), 1..200usize).prop_map(|(p, n)| Op::Delete(p, n)),
        (any::<usize>(), 0..TOKENS.len()).prop_map(|(p, t)| Op::Insert(p, t)),
        (any::<usize>(), 1..400usize).prop_map(|(p, n)| Op::Duplicate(p, n)),
        (any::<usize>(), any::<i64>()).prop_map(|(p, n)| Op::Number(p, n)),
        (any::<usize>(), any::<usize>()).prop_map(|(p, q)| Op::Swap(p, q)),
        (any::<usize>(), any::<usize>()).prop_map(|(p, q)| Op::Swap(p, q)),
    ]
}

fn apply(src: &[u8], ops: &[Op]) -> Vec<u8> {
    let mut b = src.to_vec();
    for op in ops {
        let len = b.len().max(1);
        match *op {
            Op::Flip(p, x) => {
                let i = p % len;
                if let Some(c) = b.get_mut(i) {
                    *c ^= x;
                }
            }
            Op::Delete(p, n) => {
                let i = p % len;
                let j = (i + n).min(b.len());
                b.drain(i.min(b.len())..j);
            }
            Op::Insert(p, t) => {
                let i = (p % len).min(b.len());
                b.splice(i..i, TOKENS[t].bytes());
            }
            Op::Duplicate(p, n) => {
                let i = (p % len).min(b.len());
                let j = (i + n).min(b.len());
                let piece = b[i..j].to_vec();
                b.splice(j..j, piece);
            }
            Op::Swap(p, q) => {
                if let (Some((a, b_end)), Some((c, d))) =
                    (literal_at(&b, p % len), literal_at(&b, q % len))
                {
                    let piece = b[c..d].to_vec();
                    b.splice(a..b_end, piece);
                }
            }
            Op::Number(p, n) => {
                // The next number after p, replaced.
                let i = p % len;
                if let Some(k) = b[i.min(b.len())..].iter().position(u8::is_ascii_digit) {
                    let start = i + k;
                    let end = start
                        + b[start..]
                            .iter()
                            .position(|c| !c.is_ascii_digit())
                            .unwrap_or(b.len() - start);
                    b.splice(start..end, n.to_string().bytes());
                }
            }
        }
    }
    b
}

/// Everything the tools do with one case's bytes; panics on any broken promise.
fn exercise(bytes: &[u8], seed: u64, picks: &[u8]) {
    let loaded = load_bytes("mutant.ron", bytes);
    assert!(
        loaded.errors() <= 201 && loaded.warnings() <= 201,
        "{} errors, {} warnings: the caps do not hold",
        loaded.errors(),
        loaded.warnings()
    );
    for d in &loaded.diagnostics {
        let shown = render(d, loaded.source.as_deref(), false);
        assert!(shown.len() < 8_000, "a diagnostic of {} bytes", shown.len());
        let _ = d.to_string();
    }
    let Some(case) = loaded.case.clone() else {
        assert!(
            loaded.errors() > 0,
            "a case that does not load has an error"
        );
        return;
    };
    let mut game = Game::new(case.clone(), seed);
    let _ = game.scene_text();
    for &pick in picks {
        let options = game.available();
        if options.is_empty() {
            break;
        }
        game.choose_ix(options[pick as usize % options.len()]);
        let _ = game.scene_text();
    }
    let result = dealcraft::scoring::result(&game);
    assert!(
        (0.0..=100.0).contains(&result.score.total),
        "{}",
        result.score.total
    );
    let ids = game.chosen_ids();
    let replayed = Game::replay(case.clone(), seed, ids.iter().map(String::as_str))
        .expect("recorded choices replay");
    assert_eq!(
        dealcraft::scoring::result(&replayed),
        result,
        "replay differs"
    );
    if let Some(total) = playout(&case, seed) {
        assert!((0.0..=100.0).contains(&total), "playout {total}");
    }
    // A capped exploration on its own stack (the explorer recurses once per move).
    let c = case.clone();
    let ex = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || explore(&c, seed, 2_000))
        .unwrap()
        .join()
        .expect("exploration does not panic");
    if let Some(best) = &ex.best {
        assert!((0.0..=100.0).contains(&best.score), "best {}", best.score);
    }
    // The results file of the run reads back and passes the range checks.
    let t = std::time::UNIX_EPOCH;
    let r = dealcraft::results::build_with_expert(&game, "h", "p", Lang::En, t, t, None);
    let json = serde_json::to_vec(&r).unwrap();
    let back = dealcraft::results::parse_results(&json).expect("results file reads back");
    assert_eq!(back.result, r.result);
}

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(160);
    ProptestConfig {
        cases,
        // The inputs are big: shrinking a failure is worth more than many more inputs.
        max_shrink_iters: 2_000,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn mutated_bundled_cases_never_break_the_tools(
        which in 0..BUNDLED.len(),
        ops in prop::collection::vec(op(), 1..8),
        seed in any::<u64>(),
        picks in prop::collection::vec(any::<u8>(), 0..60),
    ) {
        let bytes = apply(BUNDLED[which].1.as_bytes(), &ops);
        exercise(&bytes, seed, &picks);
    }
}

/// Mutants that load are the ones that reach the engine: make sure some do, or the test is
/// only testing the parser.
#[test]
fn light_mutants_still_load_often() {
    let src = BUNDLED[1].1.as_bytes();
    let mut usable = 0;
    for i in 0..50usize {
        let bytes = apply(src, &[Op::Number(i * 997, (i % 4) as i64)]);
        if load_bytes("m.ron", &bytes).case.is_some() {
            usable += 1;
            exercise(&bytes, i as u64, &[1, 2, 3, 4, 5, 6, 7, 8]);
        }
    }
    assert!(usable >= 10, "only {usable} of 50 number mutants load");
}

/// The same mutants, drawn by a deterministic runner, counted: how many load and are played.
/// Guards the test's power (if no mutant ever loaded, the engine would go untested) and gives
/// the figures for docs/reliability.md (`--nocapture`).
#[test]
fn mutation_statistics() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = (
        0..BUNDLED.len(),
        prop::collection::vec(op(), 1..4),
        any::<u64>(),
    );
    let (mut total, mut loaded, mut played_moves) = (0, 0, 0);
    for _ in 0..300 {
        let (which, ops, seed) = strategy.new_tree(&mut runner).unwrap().current();
        let bytes = apply(BUNDLED[which].1.as_bytes(), &ops);
        total += 1;
        if let Some(case) = load_bytes("m.ron", &bytes).case {
            loaded += 1;
            let mut game = Game::new(case, seed);
            for k in 0..40u64 {
                let options = game.available();
                if options.is_empty() {
                    break;
                }
                game.choose_ix(options[((seed >> (k % 60)) as usize) % options.len()]);
                played_moves += 1;
            }
        }
        exercise(&bytes, seed, &[3, 1, 4, 1, 5, 9, 2, 6]);
    }
    eprintln!("mutation: {total} mutants, {loaded} loaded and played ({played_moves} moves)");
    assert!(
        loaded * 20 >= total,
        "only {loaded} of {total} mutants load"
    );
}
