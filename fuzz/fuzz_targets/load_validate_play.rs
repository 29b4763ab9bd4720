//! Untrusted case bytes → load + validate → (if the case is usable) a short seeded game played
//! with choices picked by the input's own bytes, and one analysis playout.
//!
//! Run (stable toolchain): `RUSTC_BOOTSTRAP=1 cargo fuzz run load_validate_play -- -dict=ron.dict`
#![no_main]

use dealcraft::analysis::playouts::playout;
use dealcraft::engine::load_bytes;
use dealcraft::engine::Game;
use libfuzzer_sys::fuzz_target;

/// At most this many moves in the byte-driven game.
const MAX_STEPS: usize = 50;

fuzz_target!(|data: &[u8]| {
    let loaded = load_bytes("fuzz.ron", data);
    // Diagnostics must be printable (this is what the CLI does with them).
    for d in &loaded.diagnostics {
        let _ = d.to_string();
        // Rendered with an excerpt of the source, never the whole line.
        let shown = dealcraft::case::diagnostic::render(d, loaded.source.as_deref(), false);
        assert!(shown.len() < 8_000, "a diagnostic of {} bytes", shown.len());
    }
    let Some(case) = loaded.case else { return };

    // Seed from the last 8 bytes, picks from the bytes in reverse order, so mutations of the
    // case text and of the moves are mostly independent.
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
    let result = game.result();
    assert!(
        (0.0..=100.0).contains(&result.score.total),
        "total score out of range: {}",
        result.score.total
    );
    // A replay of the recorded ids reproduces the game (what saves rely on).
    let ids = game.chosen_ids();
    let replayed = Game::replay(case.clone(), seed, ids.iter().map(String::as_str))
        .expect("recorded choices replay");
    assert_eq!(replayed.result(), result, "replay differs");

    let _ = playout(&case, seed);
});
