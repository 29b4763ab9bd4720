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

pub fn read_word(l: Lang) -> &'static str {
    match l {
        Lang::En => "your read:",
        Lang::Zh => "你的判断：",
    }
}

pub fn header(g: &Game, l: Lang) -> String {
    let c = &g.case.case;
    let mut s = String::new();
    let _ = writeln!(s, "== {} ==", t(&c.title, l));
    let _ = writeln!(s, "{}", t(&c.briefing, l));
    let _ = writeln!(
        s,
        "[{} {} · {}{} · {} {}{}]",
        c.calendar.weeks,
        if l == Lang::Zh { "周" } else { "weeks" },
        c.calendar.currency,
        c.calendar.budget,
        if l == Lang::Zh { "种子" } else { "seed" },
        g.state.seed,
        g.state
            .variant
            .map(|v| {
                let word = if l == Lang::Zh { "变体" } else { "variant" };
                format!(" · {word} {}", g.case.variants.names[v as usize])
            })
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
        let (weeks, cur, money) = (m.cost.weeks, &c.case.calendar.currency, m.cost.money);
        let _ = match l {
            Lang::En => writeln!(s, "  cost: {weeks} week(s), {cur}{money}"),
            Lang::Zh => writeln!(s, "  花费：{weeks} 周，{cur}{money}"),
        };
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
    let name = |id: &str| {
        c.stakeholders
            .get(id)
            .map(|i| t(&c.stakeholder(i).name, l).to_string())
            .unwrap_or_else(|| id.to_string())
    };
    for (who, from, to) in &m.moods {
        let _ = writeln!(
            s,
            "  {} {}: {} → {}",
            if l == Lang::Zh { "态度" } else { "attitude" },
            name(who),
            t(&from.name(), l),
            t(&to.name(), l)
        );
    }
    for &(meter, from, to) in &m.meters {
        let (en, zh) = crate::engine::intensity::Intensity::NAMES[meter as usize];
        let _ = writeln!(
            s,
            "  5K {}: {from} → {to}",
            if l == Lang::Zh { zh } else { en }
        );
    }
    for (k, change) in &m.rivals {
        let rival = c
            .competitors
            .get(k)
            .map(|i| t(&c.case.competitors[i as usize].name, l).to_string())
            .unwrap_or_else(|| k.clone());
        let _ = match (change, l) {
            (0, Lang::En) => writeln!(s, "  competitor {rival}: out of the race or a partner now"),
            (0, Lang::Zh) => writeln!(s, "  竞争对手 {rival}：已出局或成为合作伙伴"),
            (d, Lang::En) => writeln!(s, "  competitor {rival}: standing {d:+}"),
            (d, Lang::Zh) => writeln!(s, "  竞争对手 {rival}：实力 {d:+}"),
        };
    }
    // Each score change once, with the note that explains it; the choice's own note only
    // when no change already carries it.
    for d in &m.deltas {
        let _ = writeln!(
            s,
            "  {:+} {}: {}",
            d.points,
            kind_name(d.kind, l),
            t(&d.note, l)
        );
    }
    if !m.note.is_empty() && !m.deltas.iter().any(|d| d.note == m.note) {
        let _ = writeln!(
            s,
            "  {} {}",
            if l == Lang::Zh { "点评：" } else { "note:" },
            t(&m.note, l)
        );
    }
    if !m.mistakes.is_empty() {
        let _ = writeln!(
            s,
            "  {} {}",
            if l == Lang::Zh {
                "失误："
            } else {
                "mistakes:"
            },
            m.mistakes.join(", ")
        );
    }
    for n in &m.news {
        let _ = writeln!(
            s,
            "  {} {}",
            if l == Lang::Zh { "消息：" } else { "news:" },
            t(n, l)
        );
    }
    if let Some(d) = &m.decision {
        let _ = writeln!(
            s,
            "  {}",
            if l == Lang::Zh {
                "客户的决定："
            } else {
                "the customer decides:"
            }
        );
        for p in &d.evaluation.positions {
            let _ = writeln!(
                s,
                "    {:<20} support {:>3.0}%  pull {:.2}  chance {:>3.0}%",
                p.bidder,
                100.0 * p.support,
                p.pull,
                100.0 * p.chance
            );
        }
        for line in &d.tipped {
            let _ = writeln!(s, "    · {}", t(line, l));
        }
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
    let _ = match l {
        Lang::En => writeln!(
            s,
            "total {:.1} · burning issue {} · insider {} · sequencing {} · rank {} · read {} · outcome {}{}",
            sc.total,
            sc.burning_issue,
            sc.insider,
            sc.sequencing,
            sc.rank,
            sc.read,
            sc.outcome,
            sc.win_chance
                .map(|w| format!(" (chance to win {w}%)"))
                .unwrap_or_default()
        ),
        Lang::Zh => writeln!(
            s,
            "总分 {:.1} · 燃眉之急 {} · 内线 {} · 拜访顺序 {} · 排名判断 {} · 识人 {} · 结局 {}{}",
            sc.total,
            sc.burning_issue,
            sc.insider,
            sc.sequencing,
            sc.rank,
            sc.read,
            sc.outcome,
            sc.win_chance
                .map(|w| format!("（赢单机会 {w}%）"))
                .unwrap_or_default()
        ),
    };
    if !r.mistakes.is_empty() {
        let _ = writeln!(
            s,
            "{} {}",
            if l == Lang::Zh {
                "失误："
            } else {
                "mistakes:"
            },
            r.mistakes.join(", ")
        );
    }
    for rc in &r.read_checks {
        let read = rc
            .read
            .as_ref()
            .map(|x| x.to_line())
            .unwrap_or_else(|| "—".into());
        let _ = writeln!(
            s,
            "{} {:<12} {:>3}/100  {read}  |  {} {}",
            if l == Lang::Zh { "识人" } else { "read" },
            rc.person,
            rc.score,
            if l == Lang::Zh { "真相：" } else { "truth:" },
            rc.truth.to_line().trim_start_matches("read ")
        );
    }
    let i = &r.intensity;
    let _ = writeln!(
        s,
        "5K: pain {} · power {} · vision {} · value {} · control {} (product {}/100) · funnel {}%",
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
