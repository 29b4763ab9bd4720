//! The class CSV: one row per run, for a spreadsheet. Text that comes from a results file
//! (player names, case ids, times) is untrusted: a cell starting with `=`, `+`, `-`, `@`, a tab
//! or a carriage return would be run as a formula by a spreadsheet (CSV injection), so it is
//! prefixed with `'` (the OWASP rule). Numbers are written by us and left as they are.

use super::class::{leaderboard, outcome_key};
use crate::results::ResultsFile;

/// A text cell, neutralised against formula injection.
pub fn cell(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

pub const CSV_COLUMNS: [&str; 21] = [
    "player",
    "case",
    "seed",
    "lang",
    "outcome",
    "total",
    "burning_issue",
    "insider",
    "sequencing",
    "rank",
    "pain",
    "power",
    "vision",
    "value",
    "control",
    "funnel",
    "money",
    "weeks",
    "moves",
    "started",
    "ended",
];

/// One row per run, in leaderboard order. `rank` is the rank-judgement score (like `total`,
/// `insider` …), not the place on the leaderboard: the rows are already in that order.
pub fn csv(runs: &[ResultsFile], bom: bool) -> Result<Vec<u8>, csv::Error> {
    let mut buf = Vec::new();
    if bom {
        buf.extend_from_slice("\u{feff}".as_bytes());
    }
    let mut w = csv::Writer::from_writer(buf);
    w.write_record(CSV_COLUMNS)?;
    for (_, i) in leaderboard(runs) {
        let r = &runs[i];
        let s = &r.result.score;
        let k = &r.result.intensity;
        w.write_record([
            cell(&r.player),
            cell(&r.case),
            r.seed.to_string(),
            cell(r.lang.code()),
            cell(outcome_key(r.result.outcome)),
            format!("{:.1}", s.total),
            s.burning_issue.to_string(),
            s.insider.to_string(),
            s.sequencing.to_string(),
            s.rank.to_string(),
            k.pain.to_string(),
            k.power.to_string(),
            k.vision.to_string(),
            k.value.to_string(),
            k.control.to_string(),
            r.result.funnel.to_string(),
            r.result.cost.money.to_string(),
            r.result.cost.weeks.to_string(),
            r.result.moves.len().to_string(),
            cell(&r.started),
            cell(&r.ended),
        ])?;
    }
    w.into_inner().map_err(|e| e.into_error().into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised() {
        for evil in [
            "=HYPERLINK(\"http://x\",\"y\")",
            "+1",
            "-2+3",
            "@SUM(A1)",
            "\t=1",
            "\r=1",
        ] {
            assert_eq!(cell(evil), format!("'{evil}"));
        }
        assert_eq!(cell("Li Lei"), "Li Lei");
        assert_eq!(cell("李雷"), "李雷");
    }

    #[test]
    fn a_hostile_player_name_is_a_harmless_cell() {
        let case = crate::bundled::resolve("first-lead").unwrap().case.unwrap();
        let game = crate::engine::Game::replay(case, 7, ["walk_away"]).unwrap();
        let t = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_780_000_000);
        let r = crate::results::build_with_expert(
            &game,
            "h",
            "=HYPERLINK(\"http://evil\",\"click\")",
            crate::case::Lang::En,
            t,
            t,
            None,
        );
        let bytes = csv(&[r], false).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        let row = text.lines().nth(1).unwrap();
        assert!(row.starts_with("\"'=HYPERLINK("), "{row}");
    }
}
