//! Checks of the deal model's parts: the decision model and its endings, introductions,
//! questions, traps, competitors' repertoires, and warnings that point an older case to the
//! fields that make its outcome follow from the deal.

use super::{Checker, Kind, Names, check_ref};
use crate::case::model::*;

/// Competitor indices are stored in a byte with two values reserved.
pub const MAX_COMPETITORS: usize = 250;

/// The hint of every E024: where the decision model goes.
const ADD_DECISION: (&str, &str) = (
    "add `decision: Some((won: \"…\", lost: \"…\"))` at the top level",
    "在最外层加上 `decision: Some((won: \"…\", lost: \"…\"))`",
);

/// E024: `who` (a choice, an event) lets the customer decide, but there is no decision model.
fn decides_without_model(ck: &mut Checker, span: crate::case::locate::Span, who: (&str, &str)) {
    ck.error(
        "E024",
        span,
        format!(
            "{} lets the customer decide, but the case has no `decision` model",
            who.0
        ),
        Some(ADD_DECISION.0.into()),
    );
    ck.zh(
        format!(
            "{} 让客户做决定，但案例没有客户决策模型（`decision`）",
            who.1
        ),
        Some(ADD_DECISION.1.into()),
    );
}

fn uses_decide(es: &[Effect]) -> bool {
    es.iter().any(|e| matches!(e, Effect::Decide))
}

pub(super) fn check(ck: &mut Checker, case: &Case, names: &Names) {
    if case.competitors.len() > MAX_COMPETITORS {
        ck.error(
            "E016",
            (0, 0),
            format!(
                "{} competitors; a case may have at most {MAX_COMPETITORS}",
                case.competitors.len()
            ),
            None,
        );
        ck.zh(
            format!(
                "{} 个竞争对手；一个案例最多只能有 {MAX_COMPETITORS} 个",
                case.competitors.len()
            ),
            None,
        );
    }
    check_decision(ck, case, names);
    let mut traps: Vec<&str> = Vec::new();
    for scene in &case.scenes {
        let meeting = matches!(scene.kind, SceneKind::Meeting(_));
        for ch in &scene.choices {
            if let Some(v) = &ch.via {
                check_ref(ck, names, Kind::Stakeholder, v, &ch.id);
                if ch.meets.is_empty() {
                    ck.warn(
                        "W201",
                        ck.loc.field_in(&ch.id, "via"),
                        format!(
                            "`{}` names who introduces you (`via`) but meets nobody",
                            ch.id
                        ),
                        Some("list the people this introduction leads to in `meets`".into()),
                    );
                    ck.zh(
                        format!("`{}` 写了由谁引荐（`via`），却没有见到任何人", ch.id),
                        Some("在 `meets` 里列出这次引荐要见的人".into()),
                    );
                } else if ch.meets.contains(v) {
                    ck.warn(
                        "W201",
                        ck.loc.field_in(&ch.id, "via"),
                        format!("`{}`: `{v}` cannot introduce you to himself", ch.id),
                        Some("`via` is the person who arranged the meeting with the others".into()),
                    );
                    ck.zh(
                        format!("`{}`：`{v}` 不能把你引荐给他自己", ch.id),
                        Some("`via` 写的是安排你去见其他人的那个人".into()),
                    );
                }
            }
            if ch.ask.is_some() && !meeting && ch.meets.is_empty() {
                ck.warn(
                    "W202",
                    ck.loc.field_in(&ch.id, "ask"),
                    format!(
                        "`{}` asks a question, but nobody is there to answer: it is not in a meeting and meets nobody",
                        ch.id
                    ),
                    Some("put the choice in a `Meeting([...])` scene or add `meets`".into()),
                );
                ck.zh(
                    format!(
                        "`{}` 提了一个问题，但没人回答：它不在会谈场景里，也没有见任何人",
                        ch.id
                    ),
                    Some("把这个选项放进 `Meeting([...])` 场景，或者加上 `meets`".into()),
                );
            }
            if let Some(t) = &ch.trap {
                if t.trim().is_empty() {
                    ck.error(
                        "E010",
                        ck.loc.field_in(&ch.id, "trap"),
                        format!("`{}` has an empty trap name", ch.id),
                        None,
                    );
                    ck.zh(format!("`{}` 的陷阱名（`trap`）是空的", ch.id), None);
                } else if Mistake::ALL.iter().any(|m| m.key() == t) {
                    ck.warn(
                        "W203",
                        ck.loc.field_in(&ch.id, "trap"),
                        format!(
                            "`{}`: `{t}` is one of the engine's own mistakes, which it finds by itself",
                            ch.id
                        ),
                        Some("give authored traps their own names, e.g. `fly_blind`".into()),
                    );
                    ck.zh(
                        format!("`{}`：`{t}` 是游戏自己就会认出的失误，不用写成陷阱", ch.id),
                        Some("给你自己写的陷阱起个自己的名字，比如 `fly_blind`".into()),
                    );
                } else if !traps.contains(&t.as_str()) {
                    traps.push(t);
                }
            }
            let decides =
                uses_decide(&ch.effects) || ch.branches.iter().any(|b| uses_decide(&b.effects));
            if decides && case.decision.is_none() {
                let span = ck.loc.value_in(&ch.id, "Decide");
                let who = format!("`{}`", ch.id);
                decides_without_model(ck, span, (&who, &who));
            }
        }
    }
    if traps.len() > MAX_TRAPS {
        ck.error(
            "E016",
            (0, 0),
            format!(
                "{} distinct trap names; a case may name at most {MAX_TRAPS}",
                traps.len()
            ),
            None,
        );
        ck.zh(
            format!(
                "{} 个不同的陷阱名；一个案例最多只能有 {MAX_TRAPS} 个",
                traps.len()
            ),
            None,
        );
    }
    for e in &case.events {
        if uses_decide(&e.effects) && case.decision.is_none() {
            let span = ck.loc.value_in(&e.id, "Decide");
            let who = (format!("event `{}`", e.id), format!("事件 `{}`", e.id));
            decides_without_model(ck, span, (&who.0, &who.1));
        }
    }
    for k in &case.competitors {
        for mv in &k.moves {
            if let CompetitorMove::Court(Some(p)) | CompetitorMove::SpreadDoubt(Some(p)) = mv {
                check_ref(ck, names, Kind::Stakeholder, p, &k.id);
            }
        }
        if let Some(a) = k.activity
            && a > 100
        {
            ck.error(
                "E016",
                ck.loc.field_in(&k.id, "activity"),
                format!("`{}`: activity is {a}%, but the scale is 0–100", k.id),
                None,
            );
            ck.zh(
                format!("`{}`：活跃度（`activity`）是 {a}%，但范围是 0–100", k.id),
                None,
            );
        }
    }
}

fn check_decision(ck: &mut Checker, case: &Case, names: &Names) {
    let Some(d) = &case.decision else {
        if !case.competitors.is_empty() || case.calendar.decision_week.is_some() {
            let span = ck.loc.field_after(0, "scoring").unwrap_or((0, 0));
            ck.warn(
                "W200",
                span,
                "the case has no `decision` model: who wins is written into its endings, not computed from the deal".into(),
                Some("add `decision: Some((won: \"…\", lost: \"…\"))` so the customer decides from who stands where (see docs/case-format.md, \"The customer decides\")".into()),
            );
            ck.zh(
                "案例没有客户决策模型（`decision`）：谁赢是写死在结局里的，不是根据这单的局面算出来的".into(),
                Some("加上 `decision: Some((won: \"…\", lost: \"…\"))`，让客户根据各方站在哪一边来做决定（见 docs/case-format.md 的 \"The customer decides\" 一节）".into()),
            );
        }
        if case.calendar.decision_week.is_some() {
            ck.error(
                "E024",
                ck.loc.field_after(0, "decision_week").unwrap_or((0, 0)),
                "`calendar.decision_week` needs a `decision` model".into(),
                Some(ADD_DECISION.0.into()),
            );
            ck.zh(
                "`calendar.decision_week`（客户拍板的那一周）需要一个客户决策模型（`decision`）"
                    .into(),
                Some(ADD_DECISION.1.into()),
            );
        }
        return;
    };
    let anchor = "decision";
    let span = ck.loc.field_after(0, "decision").unwrap_or((0, 0));
    for (what, e) in [
        ("won", Some(&d.won)),
        ("lost", Some(&d.lost)),
        ("shared", d.shared.as_ref()),
    ] {
        let Some(e) = e else { continue };
        check_ref(ck, names, Kind::Ending, e, anchor);
        if let Some(ending) = case.endings.iter().find(|x| &x.id == e) {
            let fits = match what {
                "won" | "shared" => ending.outcome == Outcome::Won,
                _ => ending.outcome == Outcome::Lost,
            };
            if !fits {
                ck.warn(
                    "W204",
                    span,
                    format!(
                        "decision.{what} is `{e}`, whose outcome is `{}`",
                        ending.outcome.key()
                    ),
                    Some(format!(
                        "the {what} ending of the decision should have `outcome: {}`",
                        if what == "lost" { "Lost" } else { "Won" }
                    )),
                );
                ck.zh(
                    format!(
                        "`decision.{what}` 是 `{e}`，但这个结局的 `outcome` 是 `{}`",
                        ending.outcome.key()
                    ),
                    Some(format!(
                        "客户决策模型的 `{what}` 结局应该是 `outcome: {}`",
                        if what == "lost" { "Lost" } else { "Won" }
                    )),
                );
            }
        }
    }
    for (k, e) in &d.lost_to {
        check_ref(ck, names, Kind::Competitor, k, anchor);
        check_ref(ck, names, Kind::Ending, e, anchor);
    }
    let w = &d.weights;
    for (field, v, lo, hi) in [
        ("decision_maker", w.decision_maker, 1, 10),
        ("decisiveness", w.decisiveness, 1, 6),
        ("burning_issue", w.burning_issue, 0, 100),
        ("insider", w.insider, 0, 100),
        ("intensity", w.intensity, 0, 100),
        ("without_decision_maker", w.without_decision_maker, 0, 100),
        ("decision_maker_against", w.decision_maker_against, 0, 100),
        ("status_quo", w.status_quo, 0, 100),
    ] {
        if v < lo || v > hi {
            ck.error(
                "E016",
                ck.loc.field_after(span.0, field).unwrap_or(span),
                format!("decision.weights.{field} is {v}, but the scale is {lo}–{hi}"),
                None,
            );
            ck.zh(
                format!("`decision.weights.{field}` 是 {v}，但范围是 {lo}–{hi}"),
                None,
            );
        }
    }
    if let Some(week) = case.calendar.decision_week
        && (week == 0 || week > case.calendar.weeks)
    {
        ck.error(
            "E016",
            ck.loc.field_after(0, "decision_week").unwrap_or((0, 0)),
            format!(
                "calendar.decision_week is {week}, but the calendar runs weeks 1–{}",
                case.calendar.weeks
            ),
            None,
        );
        ck.zh(
            format!(
                "`calendar.decision_week` 是第 {week} 周，但日历只有第 1–{} 周",
                case.calendar.weeks
            ),
            None,
        );
    }
    let any_decide =
        case.calendar.decision_week.is_some()
            || case.scenes.iter().flat_map(|s| &s.choices).any(|c| {
                uses_decide(&c.effects) || c.branches.iter().any(|b| uses_decide(&b.effects))
            })
            || case.events.iter().any(|e| uses_decide(&e.effects));
    if !any_decide {
        ck.warn(
            "W205",
            span,
            "the case has a `decision` model, but nothing ever makes the customer decide".into(),
            Some(
                "set `calendar.decision_week`, or give a choice or an event the effect `Decide`"
                    .into(),
            ),
        );
        ck.zh(
            "案例有客户决策模型（`decision`），但从来没有什么让客户做决定".into(),
            Some("设置 `calendar.decision_week`，或者给某个选项或事件加上效果 `Decide`".into()),
        );
    }
    if d.shared.is_none()
        && case
            .scenes
            .iter()
            .flat_map(|s| &s.choices)
            .any(|c| c.effects.iter().any(|e| matches!(e, Effect::Partner(_))))
    {
        ck.warn(
            "W206",
            span,
            "a choice makes a competitor our partner, but the decision has no `shared` ending"
                .into(),
            Some(
                "add `shared: Some(\"…\")`: the ending when we win together with the partner"
                    .into(),
            ),
        );
        ck.zh(
            "有选项让竞争对手成了我们的合作伙伴，但客户决策模型没有 `shared` 结局".into(),
            Some("加上 `shared: Some(\"…\")`：我们和伙伴一起赢下这单时的结局".into()),
        );
    }
}
