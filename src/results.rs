//! Results files: one JSON file per finished run, for the instructor's class report.
//!
//! Pure code (no Bevy): the game and `dealcraft simulate` both build a [`ResultsFile`] from a
//! finished [`Game`] with [`build`] and write it with [`write_results`] (atomically, never over
//! another run's file). `dealcraft report` reads a folder of them with [`load_dir`], which
//! skips malformed, foreign and future-version files with a reason instead of failing.

#[cfg(not(target_arch = "wasm32"))]
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;
use web_time::{Instant, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

mod read;
pub use read::{
    MAX_DEPTH, MAX_ENTRIES, Recovery, Runs, Skip, SkipGroup, Skipped, check_values, group,
    load_dir, parse_results, read_results, recover,
};

use crate::analysis::explore::{Limits, Line, best_line};
use crate::case::model::Outcome;
use crate::case::text::{Lang, Text};
#[cfg(not(target_arch = "wasm32"))]
use crate::durable;
use crate::engine::game::Game;
use crate::engine::intensity::Intensity;
use crate::engine::trace::Delta;
use crate::save;
use crate::scoring::RunResult;
use crate::scoring::total::Scores;

pub const RESULTS_VERSION: u32 = 1;

/// A results file is a few hundred kilobytes at most; larger files in the folder are refused.
pub const MAX_RESULTS_BYTES: u64 = 16 * 1024 * 1024;

/// One finished run, as written to the results folder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResultsFile {
    pub version: u32,
    pub player: String,
    /// The case's id (as in the case file).
    pub case: String,
    pub case_title: Text,
    /// [`save::content_hash`] of the case text: runs of a changed case are not comparable.
    pub case_hash: String,
    pub seed: u64,
    /// The language the trainee played in.
    pub lang: Lang,
    /// RFC 3339, UTC, e.g. `2026-03-21T09:05:03Z`.
    pub started: String,
    pub ended: String,
    /// The case's currency sign, for money spent.
    #[serde(default)]
    pub currency: String,
    /// Every move with its score changes, the scores, the 5K meters, the outcome.
    pub result: RunResult,
    /// The best line for this case and seed, for the debrief (None if the case has no ending
    /// reachable, or if it was not found within the bound: see `expert_pending`).
    #[serde(default)]
    pub expert: Option<ExpertLine>,
    /// True when the expert line was not computed because the case is too large to explore
    /// within [`EXPERT_STATE_CAP`] states and [`EXPERT_DEADLINE`] while the results file was
    /// written (`dealcraft analyze CASE --seed N` finds it).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub expert_pending: bool,
}

/// The best line of a case for one seed (from [`explore`]), replayed so that every step has its
/// label and score changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExpertLine {
    /// False when the exploration stopped at its state cap: the best line *found*.
    pub exhaustive: bool,
    pub outcome: Option<Outcome>,
    pub ending: Option<String>,
    pub score: Scores,
    pub intensity: Intensity,
    pub steps: Vec<LineStep>,
}

/// One step of a line: the choice, its label and what it scored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LineStep {
    pub choice: String,
    pub label: Text,
    pub deltas: Vec<Delta>,
}

/// `--results DIR`, else `<data dir>/results`.
pub fn results_dir(arg: Option<&Path>) -> PathBuf {
    match arg {
        Some(d) => d.to_path_buf(),
        None => save::data_dir().join("results"),
    }
}

/// States the exploration for a results file's expert line may visit (about 130 MB at most).
/// The best pass of the smaller bundled cases fits; Haicheng's largest variant (about 1.5
/// million states, 3 s in a release build) does not fit in the deadline and is recorded as
/// pending — the game computes it in the background while the trainee plays and hands it
/// over (`build_with_expert`), so only `simulate --results` meets the bound.
pub const EXPERT_STATE_CAP: usize = 2_000_000;
/// Wall-clock bound on that exploration: writing a results file never waits longer.
pub const EXPERT_DEADLINE: Duration = Duration::from_secs(1);

/// The expert line of a results file, computed within a bound.
#[derive(Debug, Clone, PartialEq)]
pub enum Expert {
    Found(ExpertLine),
    /// The whole case was explored: no line reaches an ending.
    NoEnding,
    /// The bound ([`EXPERT_STATE_CAP`] states, [`EXPERT_DEADLINE`]) was reached first.
    Pending,
}

/// The expert line for `game`'s case and seed, within [`EXPERT_STATE_CAP`] states and
/// [`EXPERT_DEADLINE`]: writing a results file never waits for a long exploration. The
/// explorer is iterative, so a case that is a chain of 10,000 moves needs no deep stack.
pub fn expert_bounded(game: &Game) -> Expert {
    let limits = Limits {
        max_states: EXPERT_STATE_CAP,
        deadline: Some(Instant::now() + EXPERT_DEADLINE),
        ..Limits::default()
    };
    match best_line(&game.case, game.state.seed, limits) {
        (Some(best), true) => {
            expert_from_line(game, &best, true).map_or(Expert::NoEnding, Expert::Found)
        }
        (None, true) => Expert::NoEnding,
        _ => Expert::Pending,
    }
}

/// [`expert_bounded`], as an option (None: no ending, or pending).
pub fn expert_line(game: &Game) -> Option<ExpertLine> {
    match expert_bounded(game) {
        Expert::Found(e) => Some(e),
        _ => None,
    }
}

/// An expert line from a best line found elsewhere (the game explores in the background),
/// replayed on `game`'s case and seed. None if the line does not replay.
pub fn expert_from_line(game: &Game, best: &Line, exhaustive: bool) -> Option<ExpertLine> {
    let replayed = Game::replay(
        game.case.clone(),
        game.state.seed,
        best.line.iter().map(String::as_str),
    )
    .ok()?;
    let r = crate::scoring::result(&replayed);
    Some(ExpertLine {
        exhaustive,
        outcome: r.outcome,
        ending: r.ending,
        score: r.score,
        intensity: r.intensity,
        steps: r
            .moves
            .into_iter()
            .map(|m| LineStep {
                choice: m.choice,
                label: m.label,
                deltas: m.deltas,
            })
            .collect(),
    })
}

/// The results file of a finished (or abandoned) game, ended now; computes the expert line
/// within its bound ([`expert_bounded`]).
pub fn build(
    game: &Game,
    case_hash: &str,
    player: &str,
    lang: Lang,
    started: SystemTime,
) -> ResultsFile {
    build_at(game, case_hash, player, lang, started, SystemTime::now())
}

/// [`build`] with an explicit end time.
pub fn build_at(
    game: &Game,
    case_hash: &str,
    player: &str,
    lang: Lang,
    started: SystemTime,
    ended: SystemTime,
) -> ResultsFile {
    let (expert, pending) = match expert_bounded(game) {
        Expert::Found(e) => (Some(e), false),
        Expert::NoEnding => (None, false),
        Expert::Pending => (None, true),
    };
    let mut r = build_with_expert(game, case_hash, player, lang, started, ended, expert);
    r.expert_pending = pending;
    r
}

/// [`build_at`] with an expert line already at hand (see [`expert_from_line`]).
pub fn build_with_expert(
    game: &Game,
    case_hash: &str,
    player: &str,
    lang: Lang,
    started: SystemTime,
    ended: SystemTime,
    expert: Option<ExpertLine>,
) -> ResultsFile {
    let case = &game.case.case;
    let player = player.trim();
    ResultsFile {
        version: RESULTS_VERSION,
        player: if player.is_empty() {
            "anonymous".into()
        } else {
            player.into()
        },
        case: case.id.clone(),
        case_title: case.title.clone(),
        case_hash: case_hash.into(),
        seed: game.state.seed,
        lang,
        started: rfc3339(started),
        ended: rfc3339(ended),
        currency: case.calendar.currency.clone(),
        result: crate::scoring::result(game),
        expert,
        expert_pending: false,
    }
}

/// Letters and digits (any script) kept, everything else one `-`; never empty, at most 40 chars.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for ch in s.chars() {
        if ch.is_alphanumeric() {
            out.extend(ch.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.chars().count() >= 40 {
            break;
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() { "x".into() } else { out }
}

/// The file name of a run: `{case}-{player}-{seed}-{ended, compact}.json`.
pub fn file_name(r: &ResultsFile, counter: u32) -> String {
    let stamp: String = r
        .ended
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    let n = if counter > 1 {
        format!("-{counter}")
    } else {
        String::new()
    };
    format!(
        "{}-{}-{}-{stamp}{n}.json",
        slug(&r.case),
        slug(&r.player),
        r.seed
    )
}

/// Write `r` into `dir` (created if needed) under a new name; returns the path written.
///
/// Atomic and never over an existing file (see [`durable::publish_new`]): the name appears
/// only once the whole file is on disk, and a counter is added if it is taken. Temp files that
/// killed writers left in `dir` are recovered or removed first ([`recover`]). On failure
/// nothing is left behind.
pub fn write_results(dir: &Path, r: &ResultsFile) -> io::Result<PathBuf> {
    let json = serde_json::to_vec_pretty(r).map_err(io::Error::other)?;
    // In the browser: kept in its storage, and the outcome screen offers it as a download.
    #[cfg(target_arch = "wasm32")]
    {
        let path = dir.join(file_name(r, 1));
        crate::web::write(&path, &json)?;
        Ok(path)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        if dir.exists() && !dir.is_dir() {
            return Err(io::Error::other("it is a file, not a folder"));
        }
        fs::create_dir_all(dir)?;
        let _ = recover(dir);
        durable::publish_new(dir, &json, |counter| file_name(r, counter))
    }
}

// ---- time ---------------------------------------------------------------------------------

/// Seconds since 1970 as RFC 3339 UTC (`2026-03-21T09:05:03Z`). Times before 1970 print as 1970.
pub fn rfc3339(t: SystemTime) -> String {
    let secs = t
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    rfc3339_secs(secs)
}

pub fn rfc3339_secs(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem / 60 % 60,
        rem % 60
    )
}

/// (year, month, day) of a day count since 1970-01-01 (H. Hinnant's `civil_from_days`).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097); // [0, 146096]
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365; // [0, 399]
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // [0, 365]
    let mp = (5 * doy + 2) / 153; // [0, 11], March first
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_known_instants() {
        assert_eq!(rfc3339_secs(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339_secs(951_782_400), "2000-02-29T00:00:00Z"); // leap day, 400-year rule
        assert_eq!(rfc3339_secs(1_709_251_199), "2024-02-29T23:59:59Z");
        assert_eq!(rfc3339_secs(1_735_689_600), "2025-01-01T00:00:00Z");
        assert_eq!(rfc3339_secs(4_107_542_400), "2100-03-01T00:00:00Z"); // 2100 is not leap
        assert_eq!(
            rfc3339(UNIX_EPOCH + std::time::Duration::from_secs(1_234_567_890)),
            "2009-02-13T23:31:30Z"
        );
    }

    #[test]
    fn days_walk_the_calendar_without_gaps() {
        let (mut y, mut m, mut d) = civil_from_days(0);
        for z in 1..200_000 {
            let next = civil_from_days(z);
            let dim = match m {
                2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            let expect = if d < dim {
                (y, m, d + 1)
            } else if m < 12 {
                (y, m + 1, 1)
            } else {
                (y + 1, 1, 1)
            };
            assert_eq!(next, expect, "day {z}");
            (y, m, d) = next;
        }
    }

    fn run(player: &str, line: &str) -> ResultsFile {
        let case = crate::bundled::resolve("first-lead").unwrap().case.unwrap();
        let game = Game::replay(case, 7, line.split_whitespace()).unwrap();
        let t = UNIX_EPOCH + std::time::Duration::from_secs(1_780_000_000);
        build_at(&game, "hash", player, Lang::En, t, t)
    }

    fn scratch(name: &str) -> PathBuf {
        let d =
            std::env::temp_dir().join(format!("dealcraft-results-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&d);
        d
    }

    #[test]
    fn written_files_read_back_and_never_collide() {
        let d = scratch("rw");
        let r = run(
            "Li Lei",
            include_str!("../tests/scripts/first-lead-expert.txt"),
        );
        assert_eq!(r.expert.as_ref().unwrap().steps.len(), 13);
        let a = write_results(&d, &r).unwrap();
        let b = write_results(&d, &r).unwrap();
        assert_ne!(a, b, "same name and second: a counter is added");
        assert!(b.to_string_lossy().ends_with("-2.json"), "{}", b.display());
        assert_eq!(read_results(&a).unwrap(), r);
        let (runs, skipped) = load_dir(&d).unwrap();
        assert_eq!(runs.len(), 1, "the second file is a copy of the same run");
        assert!(skipped[0].why.contains("the same run"), "{skipped:?}");
        assert_eq!(fs::read_dir(&d).unwrap().count(), 2, "no temp files");
    }

    #[test]
    fn foreign_and_future_files_are_skipped_with_reasons() {
        let d = scratch("bad");
        fs::create_dir_all(d.join("sub")).unwrap();
        let r = run("Li", "walk_away");
        let mut v = serde_json::to_value(&r).unwrap();
        v["version"] = 9.into();
        fs::write(d.join("future.json"), v.to_string()).unwrap();
        fs::write(d.join("list.json"), "[1, 2]").unwrap();
        fs::write(d.join("empty.json"), "").unwrap();
        fs::write(d.join("notes.txt"), "hello").unwrap();
        fs::write(
            d.join("autosave.json"),
            r#"{"version":1,"case":"x","case_hash":"h","seed":1,"lang":"en","player":null,"choices":[]}"#,
        )
        .unwrap();
        v["version"] = 1.into();
        v["result"]["score"] = "high".into();
        fs::write(d.join("sub/damaged.json"), v.to_string()).unwrap();
        write_results(&d.join("sub"), &r).unwrap();
        let (runs, skipped) = load_dir(&d).unwrap();
        assert_eq!(runs.len(), 1, "the good file in the subfolder is read");
        let why = |n: &str| {
            skipped
                .iter()
                .find(|s| s.path.ends_with(n))
                .map(|s| s.why.clone())
                .unwrap_or_else(|| panic!("{n} not skipped: {skipped:?}"))
        };
        assert!(why("future.json").contains("newer Dealcraft"));
        assert!(why("list.json").contains("not a JSON object"));
        assert!(why("empty.json").contains("empty"));
        assert!(why("notes.txt").contains("not a .json"));
        assert!(why("autosave.json").contains("autosave"));
        assert!(why("damaged.json").contains("damaged"));
    }

    #[test]
    fn slugs_are_safe_file_name_parts() {
        assert_eq!(slug("Li Lei"), "li-lei");
        assert_eq!(slug("  ../../etc/passwd "), "etc-passwd");
        assert_eq!(slug("李雷"), "李雷");
        assert_eq!(slug("***"), "x");
        assert!(slug(&"a".repeat(100)).len() <= 40);
    }
}
