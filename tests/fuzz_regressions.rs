//! Inputs found by fuzzing (fuzz/fuzz_targets/load_validate_play.rs) or written to reproduce a
//! bug found while reading the code, kept as files in tests/fuzz_regressions/. Each goes
//! through what the fuzz target does: load + validate, and if the case is usable a short game
//! with choices picked by the input's own bytes, a replay of it, and one analysis playout.
//! None may panic, and the total score stays within 0–100.
//!
//! Every file must be listed below. A file whose bug is not fixed yet is listed with
//! `unfixed: "…"`: its test is `#[ignore]`d with that reason, so it shows up in `cargo test`
//! as ignored; run `cargo test --no-default-features --test fuzz_regressions -- --ignored` to
//! see it fail, and remove the `unfixed` once src/ is fixed.

use std::path::{Path, PathBuf};

use dealcraft::analysis::playouts::playout;
use dealcraft::engine::Game;
use dealcraft::engine::load_bytes;

/// At most this many moves in the byte-driven game (as in the fuzz target).
const MAX_STEPS: usize = 50;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions")
}

/// Exactly what the fuzz target does with one input.
fn run(data: &[u8]) {
    let loaded = load_bytes("fuzz.ron", data);
    for d in &loaded.diagnostics {
        let _ = d.to_string();
    }
    let Some(case) = loaded.case.clone() else {
        return;
    };
    let mut seed_bytes = [0u8; 8];
    for (i, b) in data.iter().rev().take(8).enumerate() {
        seed_bytes[i] = *b;
    }
    let seed = u64::from_le_bytes(seed_bytes);
    let mut game = Game::new(case.clone(), seed);
    let _ = game.scene_text();
    for &pick in data.iter().rev().skip(8).take(MAX_STEPS) {
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
        "total score out of range: {}",
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
        assert!(
            (0.0..=100.0).contains(&total),
            "playout total out of range: {total}"
        );
    }
}

fn check(file: &str) {
    let path = dir().join(file);
    let data = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    run(&data);
}

macro_rules! regressions {
    ($( $name:ident: $file:literal $(, unfixed: $why:literal)? ;)*) => {
        const LISTED: &[&str] = &[$($file),*];
        $(
            #[test]
            $(#[ignore = $why])?
            fn $name() {
                check($file);
            }
        )*
    };
}

regressions! {
    // Found by cargo-fuzz (a seed with a huge weight): the u32 sum of the weights overflows.
    weights_sum_overflow: "weights-sum-overflow.ron";
    // Found by reading the engine; reproduced here. All are integer overflows on values a case
    // file controls (debug builds panic, release builds wrap and score nonsense).
    score_points_overflow: "score-points-overflow.ron";
    week_overflow: "week-overflow.ron";
    money_spent_overflow: "money-spent-overflow.ron";
    money_adjust_overflow: "money-adjust-overflow.ron";
    diagnose_lateness_overflow: "diagnose-lateness-overflow.ron";
    event_week_overflow: "event-week-overflow.ron";
}

/// A file dropped into tests/fuzz_regressions/ without a test would silently not run.
#[test]
fn every_regression_file_is_listed() {
    let mut on_disk: Vec<String> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = LISTED.iter().map(|s| s.to_string()).collect();
    listed.sort();
    assert_eq!(
        on_disk, listed,
        "list every file of tests/fuzz_regressions/ in regressions!{{}}"
    );
}

/// The bundled cases go through the same path without trouble (a sanity check of `run`).
#[test]
fn bundled_cases_pass_the_fuzz_path() {
    for (file, src) in dealcraft::bundled::BUNDLED {
        let _ = file;
        run(src.as_bytes());
    }
}

// --- Found by reading the code; too big to keep as files, so built here. ---------------------

/// A minimal valid case around `facts`, `effects` of the one choice, and `extra_choices`.
fn big_case(facts: &str, effects: &str, extra_choices: &str) -> String {
    format!(
        "Case(id:\"r\",title:(en:\"t\"),summary:(en:\"s\"),briefing:(en:\"b\"),\
         calendar:(weeks:10,budget:100,timeout_ending:\"e\"),\
         seller:(company:(en:\"c\"),you:(en:\"y\")),customer:(name:(en:\"n\")),\
         stakeholders:[],facts:[{facts}],start:\"a\",\
         scenes:[(id:\"a\",title:(en:\"a\"),text:(en:\"a\"),choices:[\
         (id:\"c\",label:(en:\"c\"),note:(en:\"n\"),effects:[{effects}],end:\"e\"){extra_choices}])],\
         endings:[(id:\"e\",title:(en:\"e\"),outcome:Won,value:50,text:(en:\"e\"))],\
         scoring:(weights:(outcome:1)))\n"
    )
}

/// Load `src` on another thread; fail if it takes longer than `limit`.
fn loads_within(src: String, limit: std::time::Duration) {
    let bytes = src.len();
    assert!(
        bytes <= dealcraft::case::load::MAX_CASE_BYTES,
        "the test case is over the size limit"
    );
    let (tx, rx) = std::sync::mpsc::channel();
    let started = std::time::Instant::now();
    std::thread::spawn(move || {
        let loaded = load_bytes("big.ron", src.as_bytes());
        let _ = tx.send(loaded.diagnostics.len());
    });
    match rx.recv_timeout(limit) {
        Ok(n) => eprintln!("{bytes} bytes, {n} diagnostics in {:?}", started.elapsed()),
        Err(_) => panic!("loading a {bytes}-byte case took longer than {limit:?}"),
    }
}

/// Flag (and fact, event, …) indices are u16 (`engine::compile::Ix`) and `Ids::intern` casts
/// the count with `as`: the 65,537th flag silently becomes flag 0. Here `c1` sets flags
/// g1…g65536, and `c2` (which needs g0, just cleared) is then offered.
#[test]
fn more_than_65536_flags_do_not_alias() {
    let sets: Vec<String> = (1..=65_536).map(|i| format!("Set(\"g{i}\")")).collect();
    let extra = format!(
        ",(id:\"c0\",label:(en:\"c0\"),note:(en:\"n\"),effects:[Set(\"g0\"),Clear(\"g0\")]),\
         (id:\"c1\",label:(en:\"c1\"),note:(en:\"n\"),when:[Chose(\"c0\")],effects:[{}]),\
         (id:\"c2\",label:(en:\"c2\"),note:(en:\"n\"),when:[Flag(\"g0\")],end:\"e\")",
        sets.join(",")
    );
    // `Set("g0")` must come first so g0 gets index 0: put it in the first choice's effects.
    let src = big_case("", "Set(\"g0\"),Clear(\"g0\")", &extra);
    let loaded = load_bytes("flags.ron", src.as_bytes());
    let Some(case) = loaded.case.clone() else {
        // Refusing so many flags with a validation error is also a fix.
        assert!(loaded.errors() > 0);
        return;
    };
    let game = Game::replay(case, 1, ["c0", "c1"]).expect("c0, c1 are playable");
    assert!(
        !game.available_ids().contains(&"c2"),
        "flag g0 is clear, yet the choice that needs it is offered (flag 65536 aliases flag 0)"
    );
}

/// Validation is quadratic in the number of duplicate ids: for each duplicate,
/// `Locator::nth_id` rescans the source from the start. 288 KB of duplicate fact ids take ~9 s
/// (release build); a 2 MB file (the size limit) takes about ten minutes.
#[test]
fn many_duplicate_ids_validate_quickly() {
    // 19 bytes per fact with its separator; stay under the size limit.
    let n = (dealcraft::case::load::MAX_CASE_BYTES - 1_000) / 20;
    let facts = vec!["(id:\"a\",text:())"; n].join(",\n");
    loads_within(big_case(&facts, "", ""), std::time::Duration::from_secs(30));
}

/// Same for unknown references: each E011 searches the source for its anchor and value
/// (`Locator::value_in`) and computes its line from the start of the file (`line_col`).
/// 261 KB take ~3 s (release); 2 MB several minutes.
#[test]
fn many_unknown_references_validate_quickly() {
    let mut effects = Vec::new();
    let mut len = 0;
    let mut i = 0;
    while len < dealcraft::case::load::MAX_CASE_BYTES - 1_000 {
        let e = format!("Learn(\"x{i}\")");
        len += e.len() + 2;
        effects.push(e);
        i += 1;
    }
    loads_within(
        big_case("", &effects.join(",\n"), ""),
        std::time::Duration::from_secs(30),
    );
}
