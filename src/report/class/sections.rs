//! The class report's sections: the header, the leaderboard, the costly decisions, each
//! run's line beside the expert line, the footer.

use std::collections::BTreeSet;
use std::fmt::Write;

use super::format::*;
use super::{ClassInput, costly, leaderboard, outcome_key, shared_expert, won};
use crate::case::text::{Lang, Text};
use crate::engine::trace::Delta;
use crate::report::transcript::kind_name;

pub(super) fn header(s: &mut String, input: &ClassInput, title: &str) {
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

pub(super) fn leaderboard_section(s: &mut String, input: &ClassInput) {
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

pub(super) fn costly_section(s: &mut String, input: &ClassInput) {
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

pub(super) fn step_cell(label: &Text, deltas: &[Delta], l: Lang) -> String {
    format!("{}{}", esc(label.get(l)), delta_badges(deltas, l))
}

pub(super) fn lines_section(s: &mut String, input: &ClassInput) {
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

pub(super) fn footer(s: &mut String, input: &ClassInput) {
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
