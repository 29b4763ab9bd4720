//! The class report: one self-contained HTML page for the projector (leaderboard, score
//! distributions, the room's most costly decisions, each player's line beside the expert line)
//! and a CSV with one row per run. Built from results files only: no case file is needed.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use crate::case::model::{Outcome, ScoreKind};
use crate::case::text::{Lang, Text};
use crate::engine::game::Move;
use crate::engine::trace::Delta;
use crate::report::transcript::kind_name;
use crate::results::{ExpertLine, ResultsFile};
use crate::scoring::total::Scores;

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

fn won(r: &ResultsFile) -> bool {
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
fn own_deltas(m: &Move) -> impl Iterator<Item = &Delta> {
    m.deltas.iter().filter(|d| !m.news.contains(&d.note))
}

// ---- CSV ----------------------------------------------------------------------------------

pub use super::csv::{CSV_COLUMNS, csv};

pub(crate) fn outcome_key(o: Option<Outcome>) -> &'static str {
    o.map(Outcome::key).unwrap_or("unfinished")
}

// ---- HTML ---------------------------------------------------------------------------------

/// Escape text for HTML element content and quoted attributes.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn tr(l: Lang, en: &'static str, zh: &'static str) -> &'static str {
    match l {
        Lang::En => en,
        Lang::Zh => zh,
    }
}

fn outcome_name(o: Option<Outcome>, l: Lang) -> &'static str {
    match o {
        Some(Outcome::Won) => tr(l, "won", "赢单"),
        Some(Outcome::Lost) => tr(l, "lost", "丢单"),
        Some(Outcome::Withdrew) => tr(l, "withdrew", "主动退出"),
        Some(Outcome::TimedOut) => tr(l, "timed out", "超时"),
        None => tr(l, "unfinished", "未结束"),
    }
}

fn meter_names(l: Lang) -> [&'static str; 5] {
    match l {
        Lang::En => ["Pain", "Power", "Vision", "Value", "Control"],
        Lang::Zh => ["问题", "权力", "愿景", "价值", "控制"],
    }
}

/// 12345 → "12,345".
fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    if n < 0 { format!("-{out}") } else { out }
}

/// "2026-03-21T09:05:03Z" → "2026-03-21 09:05".
fn short_time(t: &str) -> String {
    let t = t.trim_end_matches('Z').replacen('T', " ", 1);
    t.get(..16).unwrap_or(&t).to_string()
}

fn signed(n: i32) -> String {
    if n > 0 {
        format!("+{n}")
    } else {
        format!("−{}", n.unsigned_abs())
    }
}

fn delta_badges(deltas: &[Delta], l: Lang) -> String {
    let mut s = String::new();
    for d in deltas {
        let class = if d.points < 0 { "neg" } else { "pos" };
        let _ = write!(
            s,
            r#" <span class="badge {class}">{} {}</span>"#,
            signed(d.points),
            esc(kind_name(d.kind, l))
        );
    }
    s
}

const STYLE: &str = r#"
* { box-sizing: border-box; }
body { margin: 0; background: #f6f5f0; color: #1d2433;
  font-family: "Noto Sans CJK SC", "Noto Sans SC", sans-serif; font-size: 22px; line-height: 1.4; }
header.top { background: #16324f; color: #fff; padding: 28px 48px 22px; }
header.top h1 { margin: 0 0 6px; font-size: 44px; line-height: 1.2; }
header.top .sub { font-size: 22px; opacity: .85; }
header.top nav { margin-top: 14px; font-size: 20px; }
header.top nav a { color: #ffd59e; margin-right: 24px; text-decoration: none; }
main, section.intro { padding: 8px 48px 40px; max-width: 1600px; }
section.intro { padding-bottom: 0; }
h2 { font-size: 34px; margin: 40px 0 14px; border-bottom: 3px solid #16324f; padding-bottom: 4px; }
h3 { font-size: 26px; margin: 26px 0 10px; }
.warn { background: #fff3cd; border-left: 8px solid #e0a800; padding: 12px 18px; margin: 18px 0 0; }
.tiles { display: flex; gap: 18px; margin-top: 22px; flex-wrap: wrap; }
.tile { background: #fff; border-radius: 10px; padding: 14px 22px; min-width: 200px;
  box-shadow: 0 1px 3px rgba(0,0,0,.15); }
.tile b { display: block; font-size: 44px; line-height: 1.1; color: #16324f; }
.tile span { font-size: 19px; color: #555; }
table { border-collapse: collapse; width: 100%; background: #fff; box-shadow: 0 1px 3px rgba(0,0,0,.15); }
th, td { padding: 8px 14px; text-align: left; vertical-align: top; border-bottom: 1px solid #e3e1d9; }
th { background: #e9e6dc; font-size: 19px; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.total { font-weight: bold; font-size: 26px; }
tr.expert td { background: #fdf0e8; font-style: italic; }
tr.podium td.place { color: #b8860b; font-weight: bold; }
.won { color: #2e7d32; font-weight: bold; }
.lost, .timed_out { color: #c0392b; }
.withdrew, .unfinished { color: #7a6a2f; }
.charts { display: grid; grid-template-columns: repeat(2, 1fr); gap: 18px; }
@media (min-width: 1800px) { .charts { grid-template-columns: repeat(3, 1fr); } }
@media (max-width: 800px) { .charts { grid-template-columns: 1fr; } }
figure { margin: 0; background: #fff; padding: 12px 14px 6px; border-radius: 10px;
  box-shadow: 0 1px 3px rgba(0,0,0,.15); }
figcaption { font-size: 22px; font-weight: bold; }
figcaption small { font-weight: normal; color: #555; font-size: 18px; margin-left: 8px; }
svg { display: block; width: 100%; height: auto; }
.lost-pts { color: #c0392b; font-weight: bold; font-size: 28px; white-space: nowrap; }
.note { color: #333; }
.note + .note { margin-top: 6px; color: #555; font-size: 19px; }
.id { color: #888; font-size: 16px; font-family: monospace; }
.badge { display: inline-block; font-size: 16px; padding: 1px 8px; border-radius: 10px;
  margin: 2px 0 2px 4px; white-space: nowrap; }
.badge.neg { background: #fbe3e0; color: #a12a1c; }
.badge.pos { background: #e1f2e3; color: #216b27; }
.player { margin-bottom: 20px; }
.player summary { cursor: pointer; }
.player summary h3 { display: inline; }
.player summary::marker { font-size: 24px; color: #777; }
.player table { margin-top: 10px; }
.same-tag { font-size: 18px; color: #216b27; background: #e1f2e3; border-radius: 8px; padding: 2px 10px;
  margin-left: 10px; font-weight: normal; vertical-align: middle; }
.player table td { font-size: 20px; width: 47%; }
.player table td.step { width: 6%; color: #777; text-align: right; }
td.same { background: #f1f8f1; }
td.depart { background: #fdecea; border-left: 6px solid #c0392b; }
.tag { font-size: 15px; color: #fff; background: #c0392b; border-radius: 6px; padding: 1px 6px;
  margin-left: 6px; white-space: nowrap; }
footer { padding: 18px 48px 40px; font-size: 18px; color: #555; }
footer li { margin: 2px 0; }
.muted { color: #777; }
"#;

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
fn shared_expert(runs: &[ResultsFile]) -> Option<&ExpertLine> {
    let first = runs.first()?;
    let same = runs
        .iter()
        .all(|r| r.seed == first.seed && r.case_hash == first.case_hash);
    if same { first.expert.as_ref() } else { None }
}

fn header(s: &mut String, input: &ClassInput, title: &str) {
    let l = input.lang;
    let runs = input.runs;
    let seeds: BTreeSet<u64> = runs.iter().map(|r| r.seed).collect();
    let hashes: BTreeSet<&str> = runs.iter().map(|r| r.case_hash.as_str()).collect();
    let seed_list = seeds
        .iter()
        .map(|x| x.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    let first = runs.iter().map(|r| r.started.as_str()).min().unwrap_or("");
    let last = runs.iter().map(|r| r.ended.as_str()).max().unwrap_or("");
    let case_id = runs.first().map(|r| r.case.as_str()).unwrap_or("");
    let _ = write!(
        s,
        r##"<header class="top"><h1>{}</h1><div class="sub">{} <span class="id" style="color:#cfd8e3">{}</span> · {} {} · {} {} · {} – {} UTC</div>
<nav><a href="#board">{}</a><a href="#costly">{}</a><a href="#charts">{}</a><a href="#lines">{}</a></nav></header>
"##,
        esc(title),
        tr(l, "Class report", "课堂报告"),
        esc(case_id),
        runs.len(),
        tr(l, "runs", "次演练"),
        if seeds.len() == 1 {
            tr(l, "seed", "种子")
        } else {
            tr(l, "seeds", "种子")
        },
        esc(&seed_list),
        esc(&short_time(first)),
        esc(&short_time(last)),
        tr(l, "Leaderboard", "排行榜"),
        tr(l, "Costly decisions", "代价最大的决策"),
        tr(l, "Distributions", "分数分布"),
        tr(l, "Lines", "每人路线"),
    );
    s.push_str("<section class=\"intro\">\n");
    let mut warnings = Vec::new();
    if seeds.len() > 1 {
        warnings.push(match l {
            Lang::En => format!(
                "The runs used {} different seeds ({}): they did not play the same game, so their scores are not directly comparable. Give the class one <code>--seed</code>.",
                seeds.len(),
                esc(&seed_list)
            ),
            Lang::Zh => format!(
                "这些演练用了 {} 个不同的种子（{}）：大家玩的不是同一局，分数不能直接比较。请给全班同一个 <code>--seed</code>。",
                seeds.len(),
                esc(&seed_list)
            ),
        });
    }
    if hashes.len() > 1 {
        warnings.push(match l {
            Lang::En => format!(
                "The case file changed between runs ({} versions of it): some runs played different content.",
                hashes.len()
            ),
            Lang::Zh => format!(
                "案例文件在演练之间被修改过（共 {} 个版本）：部分演练的内容不同。",
                hashes.len()
            ),
        });
    }
    let unfinished = runs.iter().filter(|r| r.result.outcome.is_none()).count();
    if unfinished > 0 {
        warnings.push(match l {
            Lang::En => format!("{unfinished} run(s) did not reach an ending."),
            Lang::Zh => format!("{unfinished} 次演练没有走到结局。"),
        });
    }
    if !input.skipped.is_empty() {
        let n: usize = input.skipped.iter().map(|(_, n, _)| n).sum();
        warnings.push(match l {
            Lang::En => {
                format!("{n} file(s) in the results folder were skipped (listed at the bottom).")
            }
            Lang::Zh => format!("结果文件夹中有 {n} 个文件被跳过（列在页面底部）。"),
        });
    }
    for w in &warnings {
        let _ = writeln!(s, r#"<p class="warn">⚠ {w}</p>"#);
    }
    // Tiles: runs, won, average, best, expert.
    let n = runs.len().max(1) as f64;
    let won = runs.iter().filter(|r| won(r)).count();
    let mean = runs.iter().map(|r| r.result.score.total).sum::<f64>() / n;
    let best = runs
        .iter()
        .map(|r| r.result.score.total)
        .fold(f64::NAN, f64::max);
    let _ = write!(
        s,
        r#"<div class="tiles"><div class="tile"><b>{}</b><span>{}</span></div><div class="tile"><b>{won} / {}</b><span>{}</span></div><div class="tile"><b>{mean:.1}</b><span>{}</span></div><div class="tile"><b>{best:.1}</b><span>{}</span></div>"#,
        runs.len(),
        tr(l, "runs", "次演练"),
        runs.len(),
        tr(l, "won the deal", "赢单"),
        tr(l, "average total", "平均总分"),
        tr(l, "best total", "最高总分"),
    );
    if let Some(e) = shared_expert(runs) {
        let _ = write!(
            s,
            r#"<div class="tile"><b>{:.1}</b><span>{}</span></div>"#,
            e.score.total,
            tr(l, "expert line", "专家路线")
        );
    }
    s.push_str("</div></section>\n");
}

fn leaderboard_section(s: &mut String, input: &ClassInput) {
    let l = input.lang;
    let runs = input.runs;
    let _ = writeln!(
        s,
        r#"<h2 id="board">{}</h2><table><thead><tr><th class="num">#</th><th>{}</th><th class="num">{}</th><th class="num">{}</th><th class="num">{}</th><th class="num">{}</th><th>{}</th><th class="num">{}</th></tr></thead><tbody>"#,
        tr(l, "Leaderboard", "排行榜"),
        tr(l, "Player", "学员"),
        tr(l, "Total", "总分"),
        tr(l, "Burning issue", "燃眉之急"),
        tr(l, "Insider", "内线"),
        tr(l, "Sequencing", "拜访顺序"),
        tr(l, "Outcome", "结果"),
        tr(l, "Money spent", "花费"),
    );
    for (place, i) in leaderboard(runs) {
        let r = &runs[i];
        let sc = &r.result.score;
        let _ = writeln!(
            s,
            r#"<tr{}><td class="num place">{place}</td><td>{}</td><td class="num total">{:.1}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td><td class="{}">{}</td><td class="num">{}{}</td></tr>"#,
            if place <= 3 { r#" class="podium""# } else { "" },
            esc(&r.player),
            sc.total,
            sc.burning_issue,
            sc.insider,
            sc.sequencing,
            outcome_key(r.result.outcome),
            outcome_name(r.result.outcome, l),
            esc(&r.currency),
            thousands(r.result.cost.money),
        );
    }
    if let Some(e) = shared_expert(runs) {
        let _ = writeln!(
            s,
            r#"<tr class="expert"><td class="num">★</td><td>{}</td><td class="num total">{:.1}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td><td class="{}">{}</td><td class="num"></td></tr>"#,
            tr(l, "Expert line (for reference)", "专家路线（参考）"),
            e.score.total,
            e.score.burning_issue,
            e.score.insider,
            e.score.sequencing,
            outcome_key(e.outcome),
            outcome_name(e.outcome, l),
        );
    }
    s.push_str("</tbody></table>\n");
}

fn costly_section(s: &mut String, input: &ClassInput) {
    let l = input.lang;
    let list = costly(input.runs);
    let _ = writeln!(
        s,
        r#"<h2 id="costly">{}</h2>"#,
        tr(l, "The room's most costly decisions", "全班代价最大的决策"),
    );
    if list.is_empty() {
        let _ = writeln!(
            s,
            r#"<p class="muted">{}</p>"#,
            tr(
                l,
                "No decision lost points in any run.",
                "没有任何一次演练因决策失分。"
            )
        );
        return;
    }
    let _ = writeln!(
        s,
        r#"<table><thead><tr><th class="num">#</th><th>{}</th><th class="num">{}</th><th class="num">{}</th><th>{}</th></tr></thead><tbody>"#,
        tr(l, "Decision", "决策"),
        tr(l, "Players", "人数"),
        tr(l, "Points lost", "失分合计"),
        tr(l, "Why it costs (teaching note)", "为什么失分（教学要点）"),
    );
    let total = input.runs.len();
    for (n, c) in list.iter().take(12).enumerate() {
        let kinds: Vec<String> = c
            .by_kind
            .iter()
            .map(|(k, p)| format!("{} {}", signed(*p), kind_name(*k, l)))
            .collect();
        let mut notes = String::new();
        for t in c.notes.iter().take(3) {
            let _ = write!(notes, r#"<div class="note">{}</div>"#, esc(t.get(l)));
        }
        let _ = writeln!(
            s,
            r#"<tr><td class="num">{}</td><td><b>{}</b><br><span class="id">{}</span></td><td class="num">{} / {total}</td><td class="num"><span class="lost-pts">{}</span><br><span class="muted" style="font-size:16px">{}</span></td><td>{notes}</td></tr>"#,
            n + 1,
            esc(c.label.get(l)),
            esc(&c.choice),
            c.players,
            signed(c.points),
            esc(&kinds.join(" · ")),
        );
    }
    s.push_str("</tbody></table>\n");
    if list.len() > 12 {
        let _ = writeln!(
            s,
            r#"<p class="muted">{} {}</p>"#,
            list.len() - 12,
            tr(
                l,
                "more decisions lost fewer points.",
                "个其他决策失分较少，未列出。"
            )
        );
    }
}

/// How the values of one chart are binned.
#[derive(Clone, Copy)]
enum Scale {
    /// 0–100 in ten bins of ten (100 goes in the last).
    Hundred,
    /// 0–20, one bin per value.
    Twenty,
}

impl Scale {
    fn bins(self) -> usize {
        match self {
            Scale::Hundred => 10,
            Scale::Twenty => 21,
        }
    }
    fn bin(self, v: f64) -> usize {
        let v = v.max(0.0);
        match self {
            Scale::Hundred => ((v / 10.0).floor() as usize).min(9),
            Scale::Twenty => (v.round() as usize).min(20),
        }
    }
}

/// A histogram as inline SVG: bars with their counts, axis ticks, the expert's value marked.
fn histogram(values: &[f64], scale: Scale, expert: Option<f64>, l: Lang) -> String {
    let (w, h) = (420.0, 214.0);
    let (left, right, top, bottom) = (14.0, 18.0, 42.0, 34.0);
    let pw = w - left - right;
    let ph = h - top - bottom;
    let bins = scale.bins();
    let mut counts = vec![0usize; bins];
    for &v in values {
        counts[scale.bin(v)] += 1;
    }
    let max = counts.iter().copied().max().unwrap_or(0).max(1) as f64;
    let bw = pw / bins as f64;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg viewBox="0 0 {w} {h}" role="img" font-family="Noto Sans CJK SC, Noto Sans SC, sans-serif">"#
    );
    for (i, &c) in counts.iter().enumerate() {
        if c == 0 {
            continue;
        }
        let bh = ph * c as f64 / max;
        let x = left + i as f64 * bw;
        let y = top + ph - bh;
        let _ = write!(
            s,
            r##"<rect x="{:.1}" y="{y:.1}" width="{:.1}" height="{bh:.1}" fill="#2a9d8f" rx="2"/><text x="{:.1}" y="{:.1}" font-size="15" text-anchor="middle" fill="#1d2433">{c}</text>"##,
            x + 1.0,
            (bw - 2.0).max(1.0),
            x + bw / 2.0,
            y - 5.0,
        );
    }
    let base = top + ph;
    let _ = write!(
        s,
        r##"<line x1="{left}" y1="{base}" x2="{:.1}" y2="{base}" stroke="#555" stroke-width="1.5"/>"##,
        left + pw
    );
    let ticks: Vec<(f64, String)> = match scale {
        Scale::Hundred => (0..=5)
            .map(|k| (left + pw * k as f64 / 5.0, (k * 20).to_string()))
            .collect(),
        Scale::Twenty => (0..=4)
            .map(|k| (left + (k * 5) as f64 * bw + bw / 2.0, (k * 5).to_string()))
            .collect(),
    };
    for (x, label) in ticks {
        let _ = write!(
            s,
            r##"<line x1="{x:.1}" y1="{base}" x2="{x:.1}" y2="{:.1}" stroke="#555"/><text x="{x:.1}" y="{:.1}" font-size="15" text-anchor="middle" fill="#555">{label}</text>"##,
            base + 5.0,
            base + 21.0
        );
    }
    if let Some(e) = expert {
        let x = left + scale.bin(e) as f64 * bw + bw / 2.0;
        let anchor = if x > w * 0.8 {
            "end"
        } else if x < w * 0.2 {
            "start"
        } else {
            "middle"
        };
        let _ = write!(
            s,
            r##"<line x1="{x:.1}" y1="{:.1}" x2="{x:.1}" y2="{base}" stroke="#e76f51" stroke-width="2.5" stroke-dasharray="5 4"/><text x="{x:.1}" y="14" font-size="14" text-anchor="{anchor}" fill="#c4502f">★ {}</text>"##,
            top - 2.0,
            tr(l, "expert", "专家"),
        );
    }
    s.push_str("</svg>");
    s
}

fn stats(values: &[f64]) -> (f64, f64) {
    if values.is_empty() {
        return (0.0, 0.0);
    }
    let mean = values.iter().sum::<f64>() / values.len() as f64;
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let mid = v.len() / 2;
    let median = if v.len().is_multiple_of(2) {
        (v[mid - 1] + v[mid]) / 2.0
    } else {
        v[mid]
    };
    (mean, median)
}

fn charts_section(s: &mut String, input: &ClassInput) {
    let l = input.lang;
    let runs = input.runs;
    let expert = shared_expert(runs);
    let _ = write!(
        s,
        r#"<h2 id="charts">{}</h2>
<p class="muted">{}</p><div class="charts">
"#,
        tr(l, "Distributions", "分数分布"),
        tr(
            l,
            "Number of players per score. The dashed line is the expert line's score.",
            "每个分数段的人数。虚线为专家路线的得分。"
        ),
    );
    let mut chart = |name: &str, values: Vec<f64>, scale: Scale, e: Option<f64>| {
        let (mean, median) = stats(&values);
        let _ = writeln!(
            s,
            r#"<figure><figcaption>{}<small>{} {mean:.1} · {} {median:.1}</small></figcaption>{}</figure>"#,
            esc(name),
            tr(l, "mean", "平均"),
            tr(l, "median", "中位数"),
            histogram(&values, scale, e, l)
        );
    };
    chart(
        tr(l, "Total", "总分"),
        runs.iter().map(|r| r.result.score.total).collect(),
        Scale::Hundred,
        expert.map(|e| e.score.total),
    );
    type Get = fn(&Scores) -> u8;
    let headline: [(ScoreKind, Get); 3] = [
        (ScoreKind::BurningIssue, |s| s.burning_issue),
        (ScoreKind::Insider, |s| s.insider),
        (ScoreKind::Sequencing, |s| s.sequencing),
    ];
    for (kind, get) in headline {
        let name = match (kind, l) {
            (ScoreKind::BurningIssue, Lang::En) => "Burning issue",
            (ScoreKind::Insider, Lang::En) => "Insider",
            (ScoreKind::Sequencing, Lang::En) => "Sequencing",
            _ => kind_name(kind, l),
        };
        chart(
            name,
            runs.iter().map(|r| get(&r.result.score) as f64).collect(),
            Scale::Hundred,
            expert.map(|e| get(&e.score) as f64),
        );
    }
    for (m, name) in meter_names(l).iter().enumerate() {
        chart(
            &format!("5K · {name} (0–20)"),
            runs.iter()
                .map(|r| r.result.intensity.as_array()[m] as f64)
                .collect(),
            Scale::Twenty,
            expert.map(|e| e.intensity.as_array()[m] as f64),
        );
    }
    s.push_str("</div>\n");
}

fn step_cell(label: &Text, deltas: &[Delta], l: Lang) -> String {
    format!("{}{}", esc(label.get(l)), delta_badges(deltas, l))
}

fn lines_section(s: &mut String, input: &ClassInput) {
    let l = input.lang;
    let runs = input.runs;
    let _ = write!(
        s,
        r#"<h2 id="lines">{}</h2>
<p class="muted">{}</p>
"#,
        tr(
            l,
            "Each player's line beside the expert line",
            "每位学员的路线与专家路线对照"
        ),
        tr(
            l,
            "Green: the same move as the expert. Red: where the player first left the expert line. Lines identical to the expert's are folded: click to open.",
            "绿色：与专家相同的一步。红色：学员第一次偏离专家路线的地方。与专家完全相同的路线已折叠，点击展开。"
        ),
    );
    for (place, i) in leaderboard(runs) {
        let r = &runs[i];
        let moves = &r.result.moves;
        let expert: &[crate::results::LineStep] =
            r.expert.as_ref().map(|e| e.steps.as_slice()).unwrap_or(&[]);
        let departs = (0..moves.len().max(expert.len())).find(|&k| {
            moves.get(k).map(|m| m.choice.as_str()) != expert.get(k).map(|e| e.choice.as_str())
        });
        // A line identical to the expert's is folded (click to open): the room's attention goes
        // to the lines that departed.
        let open = if departs.is_some() { " open" } else { "" };
        let same = if departs.is_none() {
            format!(
                r#" <span class="same-tag">✓ {}</span>"#,
                tr(l, "the expert line", "与专家路线相同")
            )
        } else {
            String::new()
        };
        let _ = writeln!(
            s,
            r#"<details class="player"{open}><summary><h3>#{place} {} — {:.1} · <span class="{}">{}</span>{same}</h3></summary><table><thead><tr><th class="num"></th><th>{}</th><th>{}</th></tr></thead><tbody>"#,
            esc(&r.player),
            r.result.score.total,
            outcome_key(r.result.outcome),
            outcome_name(r.result.outcome, l),
            esc(&r.player),
            match &r.expert {
                Some(e) => format!(
                    "{} — {:.1} · {}",
                    tr(l, "Expert line", "专家路线"),
                    e.score.total,
                    outcome_name(e.outcome, l)
                ),
                None if r.expert_pending => tr(
                    l,
                    "Expert line (not computed: the case is too large to explore while recording; see `dealcraft analyze`)",
                    "专家路线（未计算：案例太大，记录时无法穷举；请用 `dealcraft analyze`）",
                )
                .to_string(),
                None => tr(l, "Expert line (not available)", "专家路线（无）").to_string(),
            },
        );
        for k in 0..moves.len().max(expert.len()) {
            let m = moves.get(k);
            let e = expert.get(k);
            let class = match departs {
                Some(d) if k < d => "same",
                Some(d) if k == d => "depart",
                None => "same",
                _ => "",
            };
            let mine = m
                .map(|m| {
                    let tag = if class == "depart" {
                        format!(
                            r#"<span class="tag">{}</span>"#,
                            tr(l, "first departure", "首次偏离")
                        )
                    } else {
                        String::new()
                    };
                    format!("{}{tag}", step_cell(&m.label, &m.deltas, l))
                })
                .unwrap_or_else(|| {
                    if class == "depart" {
                        format!(
                            r#"<span class="muted">{}</span><span class="tag">{}</span>"#,
                            tr(l, "(stopped here)", "（到此为止）"),
                            tr(l, "first departure", "首次偏离")
                        )
                    } else {
                        String::new()
                    }
                });
            let theirs = e
                .map(|e| step_cell(&e.label, &e.deltas, l))
                .unwrap_or_default();
            let _ = writeln!(
                s,
                r#"<tr><td class="step">{}</td><td class="{class}">{mine}</td><td>{theirs}</td></tr>"#,
                k + 1
            );
        }
        s.push_str("</tbody></table></details>\n");
    }
}

fn footer(s: &mut String, input: &ClassInput) {
    let l = input.lang;
    s.push_str("<footer>");
    if !input.skipped.is_empty() {
        let _ = write!(s, "<h3>{}</h3><ul>", tr(l, "Files skipped", "跳过的文件"));
        for (name, n, why) in input.skipped {
            let more = match (n.saturating_sub(1), l) {
                (0, _) => String::new(),
                (m, Lang::En) => format!(" and {m} more"),
                (m, Lang::Zh) => format!(" 等另 {m} 个"),
            };
            let _ = write!(s, "<li><code>{}</code>{more}: {}</li>", esc(name), esc(why));
        }
        s.push_str("</ul>");
    }
    let _ = writeln!(
        s,
        "<p>{} Dealcraft {} · {} UTC</p></footer>",
        tr(l, "Made by", "生成工具："),
        env!("CARGO_PKG_VERSION"),
        esc(&short_time(&input.generated)),
    );
}

#[cfg(test)]
mod tests {
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
    const EXPERT: &str = include_str!("../../tests/scripts/first-lead-expert.txt");

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
