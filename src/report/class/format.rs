//! The class report's formatting: escaping, names, numbers, score badges, the style sheet.

use std::fmt::Write;

use crate::case::model::Outcome;
use crate::case::text::Lang;
use crate::engine::trace::Delta;
use crate::report::transcript::kind_name;

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

pub(super) fn tr(l: Lang, en: &'static str, zh: &'static str) -> &'static str {
    match l {
        Lang::En => en,
        Lang::Zh => zh,
    }
}

pub(super) fn outcome_name(o: Option<Outcome>, l: Lang) -> &'static str {
    match o {
        Some(Outcome::Won) => tr(l, "won", "赢单"),
        Some(Outcome::Lost) => tr(l, "lost", "丢单"),
        Some(Outcome::Withdrew) => tr(l, "withdrew", "主动退出"),
        Some(Outcome::TimedOut) => tr(l, "timed out", "超时"),
        None => tr(l, "unfinished", "未结束"),
    }
}

pub(super) fn meter_names(l: Lang) -> [&'static str; 5] {
    match l {
        Lang::En => ["Pain", "Power", "Vision", "Value", "Control"],
        Lang::Zh => ["问题", "权力", "愿景", "价值", "控制"],
    }
}

/// 12345 → "12,345".
pub(super) fn thousands(n: i64) -> String {
    let out = crate::report::group_digits(n.unsigned_abs());
    if n < 0 { format!("-{out}") } else { out }
}

/// "2026-03-21T09:05:03Z" → "2026-03-21 09:05".
pub(super) fn short_time(t: &str) -> String {
    let t = t.trim_end_matches('Z').replacen('T', " ", 1);
    t.get(..16).unwrap_or(&t).to_string()
}

pub(super) fn signed(n: i32) -> String {
    if n > 0 {
        format!("+{n}")
    } else {
        format!("−{}", n.unsigned_abs())
    }
}

pub(super) fn delta_badges(deltas: &[Delta], l: Lang) -> String {
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

pub(super) const STYLE: &str = r#"
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
