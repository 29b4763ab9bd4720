//! The class report: one self-contained HTML page for the projector (leaderboard, score
//! distributions, the room's most costly decisions, each player's line beside the expert line)
//! and a CSV with one row per run. Built from results files only: no case file is needed.
//!
//! Here the page's data (the leaderboard's order, the costly decisions) and its assembly;
//! [`format`]: escaping, numbers, badges and the style sheet; [`sections`]: the header, the
//! leaderboard, the costly decisions, each run's line and the footer; [`charts`]: the score
//! distributions.

mod charts;
mod format;
mod sections;

use charts::charts_section;
pub use format::esc;
use format::{STYLE, tr};
use sections::{costly_section, footer, header, leaderboard_section, lines_section};

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use crate::case::model::{Outcome, ScoreKind};
use crate::case::text::{Lang, Text};
use crate::engine::game::Move;
use crate::engine::trace::Delta;
use crate::results::{ExpertLine, ResultsFile};

/// What the page is made from.
pub struct ClassInput<'a> {
    pub runs: &'a [ResultsFile],
    /// Files not read, one row per kind of problem: (an example, as shown; how many files;
    /// the reason, with the kind).
    pub skipped: &'a [(String, usize, String)],
    pub lang: Lang,
    /// When the report was made (RFC 3339), for the footer.
    pub generated: String,
}

// ---- ordering -----------------------------------------------------------------------------

/// Run indices in leaderboard order, each with its place (1-based; equal totals share a place).
pub fn leaderboard(runs: &[ResultsFile]) -> Vec<(usize, usize)> {
    let mut ix: Vec<usize> = (0..runs.len()).collect();
    ix.sort_by(|&a, &b| {
        let (ra, rb) = (&runs[a], &runs[b]);
        rb.result
            .score
            .total
            .total_cmp(&ra.result.score.total)
            .then(won(rb).cmp(&won(ra)))
            .then(ra.result.cost.money.cmp(&rb.result.cost.money))
            .then(ra.player.to_lowercase().cmp(&rb.player.to_lowercase()))
            .then(ra.ended.cmp(&rb.ended))
    });
    let mut out = Vec::with_capacity(ix.len());
    let mut place = 0;
    for (n, &i) in ix.iter().enumerate() {
        if n == 0 || runs[i].result.score.total != runs[ix[n - 1]].result.score.total {
            place = n + 1;
        }
        out.push((place, i));
    }
    out
}

pub(super) fn won(r: &ResultsFile) -> bool {
    r.result.outcome == Some(Outcome::Won)
}

// ---- the room's costly decisions ----------------------------------------------------------

/// Every point lost on one choice, over all runs.
#[derive(Debug, Clone, PartialEq)]
pub struct Costly {
    pub choice: String,
    pub label: Text,
    /// The choice's teaching note, then the notes of the losses where they say more.
    pub notes: Vec<Text>,
    /// Runs in which the choice lost points.
    pub players: usize,
    /// Negative: the points lost, all runs together.
    pub points: i32,
    pub by_kind: BTreeMap<ScoreKind, i32>,
}

/// Negative score changes of the trainees' own choices (not of events that fired meanwhile),
/// grouped by choice, costliest first.
pub fn costly(runs: &[ResultsFile]) -> Vec<Costly> {
    let mut by: BTreeMap<String, Costly> = BTreeMap::new();
    for r in runs {
        let mut seen = BTreeSet::new();
        for m in &r.result.moves {
            let losses: Vec<&Delta> = own_deltas(m).filter(|d| d.points < 0).collect();
            if losses.is_empty() {
                continue;
            }
            let c = by.entry(m.choice.clone()).or_insert_with(|| Costly {
                choice: m.choice.clone(),
                label: m.label.clone(),
                notes: Vec::new(),
                players: 0,
                points: 0,
                by_kind: BTreeMap::new(),
            });
            if seen.insert(m.choice.clone()) {
                c.players += 1;
            }
            // A move's note is the news of an event when one fired on that turn: not a lesson
            // about the choice.
            if !m.note.is_empty() && !m.news.contains(&m.note) && !c.notes.contains(&m.note) {
                c.notes.insert(0, m.note.clone());
            }
            for d in losses {
                c.points += d.points;
                *c.by_kind.entry(d.kind).or_default() += d.points;
                if !d.note.is_empty() && !c.notes.contains(&d.note) {
                    c.notes.push(d.note.clone());
                }
            }
        }
    }
    let mut out: Vec<Costly> = by.into_values().collect();
    out.sort_by(|a, b| {
        a.points
            .cmp(&b.points)
            .then(b.players.cmp(&a.players))
            .then(a.choice.cmp(&b.choice))
    });
    out
}

/// The deltas a move earned by the choice itself (events' deltas carry their news as note).
pub(super) fn own_deltas(m: &Move) -> impl Iterator<Item = &Delta> {
    m.deltas.iter().filter(|d| !m.news.contains(&d.note))
}

// ---- CSV ----------------------------------------------------------------------------------

pub use super::csv::{CSV_COLUMNS, csv};

pub(crate) fn outcome_key(o: Option<Outcome>) -> &'static str {
    o.map(Outcome::key).unwrap_or("unfinished")
}

/// The whole page.
pub fn html(input: &ClassInput) -> String {
    let l = input.lang;
    let runs = input.runs;
    let mut s = String::new();
    let title = runs
        .first()
        .map(|r| r.case_title.get(l).to_string())
        .unwrap_or_default();
    let _ = write!(
        s,
        r#"<!DOCTYPE html>
<html lang="{}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{} — {}</title>
<style>{STYLE}</style></head><body>
"#,
        if l == Lang::Zh { "zh-CN" } else { "en" },
        esc(&title),
        tr(l, "class report", "课堂报告"),
    );
    header(&mut s, input, &title);
    s.push_str("<main>\n");
    leaderboard_section(&mut s, input);
    costly_section(&mut s, input);
    charts_section(&mut s, input);
    lines_section(&mut s, input);
    s.push_str("</main>\n");
    footer(&mut s, input);
    s.push_str("</body></html>\n");
    s
}

/// The expert line all runs share (same case version and seed), if they do.
pub(super) fn shared_expert(runs: &[ResultsFile]) -> Option<&ExpertLine> {
    let first = runs.first()?;
    let same = runs
        .iter()
        .all(|r| r.seed == first.seed && r.case_hash == first.case_hash);
    if same { first.expert.as_ref() } else { None }
}

#[cfg(test)]
mod tests {
    use super::charts::Scale;
    use super::format::{short_time, signed, thousands};
    use super::*;

    use crate::engine::Game;
    use crate::results::build_at;
    use std::time::{Duration, UNIX_EPOCH};

    fn run(player: &str, line: &str) -> ResultsFile {
        let case = crate::bundled::resolve("first-lead").unwrap().case.unwrap();
        let game = Game::replay(case, 7, line.split_whitespace()).unwrap();
        let t = UNIX_EPOCH + Duration::from_secs(1_780_000_000);
        build_at(&game, "hash", player, Lang::En, t, t)
    }

    /// The tutorial's expert line in the variant seed 7 plays (`wing`).
    const EXPERT: &str = include_str!("../../../tests/scripts/first-lead-expert.txt");

    #[test]
    fn equal_totals_share_a_place() {
        let runs = vec![
            run("Zed", EXPERT),
            run("Bob", "walk_away"),
            run("amy", EXPERT),
        ];
        let board: Vec<(usize, &str)> = leaderboard(&runs)
            .into_iter()
            .map(|(p, i)| (p, runs[i].player.as_str()))
            .collect();
        assert_eq!(board, vec![(1, "amy"), (1, "Zed"), (3, "Bob")]);
    }

    #[test]
    fn costly_decisions_add_up_over_the_room() {
        // A trip before the lead is qualified (the engine's rule, −35 in this case), twice; a
        // meeting built on price, once.
        let trip = EXPERT.replacen("call_lin", "visit_ward", 1);
        let runs = vec![
            run("A", &trip),
            run(
                "B",
                &trip
                    .replace("bi_wing", "bi_price")
                    .replace("present_wing", "present_price"),
            ),
            run("C", EXPERT),
        ];
        let list = costly(&runs);
        assert_eq!(list[0].choice, "visit_ward");
        assert_eq!(list[0].players, 2);
        assert_eq!(list[0].points, -70);
        assert_eq!(list[0].by_kind[&ScoreKind::Sequencing], -70);
        assert_eq!(list[1].choice, "bi_price", "smaller loss: second");
        assert_eq!(list[1].points, -40);
        assert!(
            list[1].notes.len() >= 2,
            "choice note and the diagnosis note"
        );
        assert!(list.iter().all(|c| c.points < 0));
    }

    #[test]
    fn page_escapes_every_name() {
        let mut runs = vec![
            run("<img src=x onerror=alert(1)>", EXPERT),
            run("</td><script>alert(2)</script>", "walk_away"),
        ];
        runs[1].case_title.en = "<script>alert(3)</script>".into();
        runs[1].currency = "<b>¥</b>".into();
        let page = html(&ClassInput {
            runs: &runs,
            skipped: &[("<b>.json".into(), 3, "not \"valid\"".into())],
            lang: Lang::Zh,
            generated: "2026-01-01T00:00:00Z".into(),
        });
        assert!(!page.contains("<img") && !page.contains("<b>.json"));
        assert!(
            !page.contains("<script>") && !page.contains("<b>¥"),
            "raw markup in the page"
        );
        assert!(page.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assert!(page.contains("排行榜"));
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(
            esc(r#"<b>"Tom" & 'Jerry'</b>"#),
            "&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;"
        );
    }

    #[test]
    fn numbers_and_times_read_well() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(1500), "1,500");
        assert_eq!(thousands(-1234567), "-1,234,567");
        assert_eq!(short_time("2026-03-21T09:05:03Z"), "2026-03-21 09:05");
        assert_eq!(signed(-20), "−20");
        assert_eq!(signed(30), "+30");
    }

    #[test]
    fn bins_cover_the_scale() {
        assert_eq!(Scale::Hundred.bin(0.0), 0);
        assert_eq!(Scale::Hundred.bin(9.9), 0);
        assert_eq!(Scale::Hundred.bin(100.0), 9);
        assert_eq!(Scale::Twenty.bin(20.0), 20);
        assert_eq!(Scale::Twenty.bin(0.0), 0);
    }
}
