//! A run as plain text: what the trainee saw, chose, and what it earned.

use std::fmt::Write;

use crate::case::model::ScoreKind;
use crate::case::text::{Lang, Text};
use crate::engine::compile::Compiled;
use crate::engine::game::{Game, Move};
use crate::scoring::RunResult;

fn t(x: &Text, l: Lang) -> &str {
    x.get(l)
}

pub fn kind_name(k: ScoreKind, l: Lang) -> &'static str {
    match (k, l) {
        (ScoreKind::BurningIssue, Lang::En) => "burning issue",
        (ScoreKind::BurningIssue, Lang::Zh) => "燃眉之急",
        (ScoreKind::Insider, Lang::En) => "insider",
        (ScoreKind::Insider, Lang::Zh) => "内线",
        (ScoreKind::Sequencing, Lang::En) => "sequencing",
        (ScoreKind::Sequencing, Lang::Zh) => "拜访顺序",
        (ScoreKind::Rank, Lang::En) => "rank judgement",
        (ScoreKind::Rank, Lang::Zh) => "排名判断",
    }
}

pub fn header(g: &Game, l: Lang) -> String {
    let c = &g.case.case;
    let mut s = String::new();
    let _ = writeln!(s, "== {} ==", t(&c.title, l));
    let _ = writeln!(s, "{}", t(&c.briefing, l));
    let _ = writeln!(
        s,
        "[{} {} · {}{} · seed {}{}]",
        c.calendar.weeks,
        if l == Lang::Zh { "周" } else { "weeks" },
        c.calendar.currency,
        c.calendar.budget,
        g.state.seed,
        g.state
            .variant
            .map(|v| format!(" · variant {}", g.case.variants.names[v as usize]))
            .unwrap_or_default()
    );
    s
}

/// The scene as the trainee sees it now (heading and the paragraphs that apply).
pub fn scene(g: &Game, l: Lang) -> String {
    let sc = g.case.scene(g.state.scene);
    let mut s = String::new();
    let week = match l {
        Lang::Zh => format!("第 {} 周", g.state.week),
        Lang::En => format!("week {}", g.state.week),
    };
    let _ = writeln!(s, "\n-- {} · {week} --", t(&sc.title, l));
    for p in g.scene_text() {
        let _ = writeln!(s, "{}", t(p, l));
    }
    s
}

/// One move: the choice, its cost, what it revealed and the score changes with their notes.
pub fn move_text(c: &Compiled, m: &Move, l: Lang) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "> [{}] {}", m.choice, t(&m.label, l));
    if m.cost.weeks > 0 || m.cost.money > 0 {
        let _ = writeln!(
            s,
            "  cost: {} week(s), {}{}",
            m.cost.weeks, c.case.calendar.currency, m.cost.money
        );
    }
    if !m.reply.is_empty() {
        let _ = writeln!(s, "  {}", t(&m.reply, l));
    }
    for f in &m.learned {
        if let Some(fact) = c.facts.get(f).map(|i| &c.case.facts[i as usize]) {
            let _ = writeln!(
                s,
                "  + {} {}",
                if l == Lang::Zh { "记下：" } else { "noted:" },
                t(&fact.text, l)
            );
        }
    }
    for p in &m.revealed {
        if let Some(i) = c.stakeholders.get(p) {
            let person = c.stakeholder(i);
            let _ = writeln!(
                s,
                "  + {} {} ({})",
                if l == Lang::Zh {
                    "新人物："
                } else {
                    "new person:"
                },
                t(&person.name, l),
                t(&person.title, l)
            );
        }
    }
    for d in &m.deltas {
        let _ = writeln!(
            s,
            "  {:+} {}: {}",
            d.points,
            kind_name(d.kind, l),
            t(&d.note, l)
        );
    }
    if !m.note.is_empty() {
        let _ = writeln!(s, "  note: {}", t(&m.note, l));
    }
    for n in &m.news {
        let _ = writeln!(s, "  news: {}", t(n, l));
    }
    s
}

pub fn result(g: &Game, r: &RunResult, l: Lang) -> String {
    let mut s = String::new();
    let c = &g.case;
    let _ = writeln!(
        s,
        "\n== {} ==",
        if l == Lang::Zh { "结果" } else { "Result" }
    );
    match g.state.ending {
        Some(e) => {
            let ending = c.ending(e);
            let _ = writeln!(
                s,
                "{} [{}]: {}",
                t(&ending.title, l),
                ending.outcome.key(),
                t(&ending.text, l)
            );
        }
        None => {
            let _ = writeln!(
                s,
                "the deal is not finished; available: {}",
                g.available_ids().join(", ")
            );
        }
    }
    let sc = &r.score;
    let _ = writeln!(
        s,
        "total {:.1} · burning issue {} · insider {} · sequencing {} · rank {}",
        sc.total, sc.burning_issue, sc.insider, sc.sequencing, sc.rank
    );
    let i = &r.intensity;
    let _ = writeln!(
        s,
        "5K: pain {} · power {} · vision {} · value {} · control {} (= {}/100) · funnel {}%",
        i.pain,
        i.power,
        i.vision,
        i.value,
        i.control,
        i.product(),
        r.funnel
    );
    let _ = writeln!(
        s,
        "spent {}{} and {} week(s)",
        c.case.calendar.currency, r.cost.money, r.cost.weeks
    );
    s
}
