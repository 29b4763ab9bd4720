//! The class report's charts: the distribution of each score, the expert's marked.

use std::fmt::Write;

use super::format::*;
use super::{ClassInput, shared_expert};
use crate::case::model::ScoreKind;
use crate::case::text::Lang;
use crate::report::transcript::kind_name;
use crate::scoring::total::Scores;

/// How the values of one chart are binned.
#[derive(Clone, Copy)]
pub(super) enum Scale {
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
    pub(super) fn bin(self, v: f64) -> usize {
        let v = v.max(0.0);
        match self {
            Scale::Hundred => ((v / 10.0).floor() as usize).min(9),
            Scale::Twenty => (v.round() as usize).min(20),
        }
    }
}

/// A histogram as inline SVG: bars with their counts, axis ticks, the expert's value marked.
pub(super) fn histogram(values: &[f64], scale: Scale, expert: Option<f64>, l: Lang) -> String {
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

pub(super) fn stats(values: &[f64]) -> (f64, f64) {
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

pub(super) fn charts_section(s: &mut String, input: &ClassInput) {
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
