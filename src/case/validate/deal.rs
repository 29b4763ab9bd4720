//! Checks of the deal model's parts: the decision model and its endings, introductions,
//! questions, traps, competitors' repertoires, and warnings that point an older case to the
//! fields that make its outcome follow from the deal.

use super::{Checker, Kind, Names, check_ref};
use crate::case::model::*;

/// Competitor indices are stored in a byte with two values reserved.
pub const MAX_COMPETITORS: usize = 250;

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
                } else if ch.meets.contains(v) {
                    ck.warn(
                        "W201",
                        ck.loc.field_in(&ch.id, "via"),
                        format!("`{}`: `{v}` cannot introduce you to himself", ch.id),
                        Some("`via` is the person who arranged the meeting with the others".into()),
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
            }
            if let Some(t) = &ch.trap {
                if t.trim().is_empty() {
                    ck.error(
                        "E010",
                        ck.loc.field_in(&ch.id, "trap"),
                        format!("`{}` has an empty trap name", ch.id),
                        None,
                    );
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
                } else if !traps.contains(&t.as_str()) {
                    traps.push(t);
                }
            }
            let decides =
                uses_decide(&ch.effects) || ch.branches.iter().any(|b| uses_decide(&b.effects));
            if decides && case.decision.is_none() {
                ck.error(
                    "E024",
                    ck.loc.value_in(&ch.id, "Decide"),
                    format!(
                        "`{}` lets the customer decide, but the case has no `decision` model",
                        ch.id
                    ),
                    Some("add `decision: Some((won: \"…\", lost: \"…\"))` at the top level".into()),
                );
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
    }
    for e in &case.events {
        if uses_decide(&e.effects) && case.decision.is_none() {
            ck.error(
                "E024",
                ck.loc.value_in(&e.id, "Decide"),
                format!(
                    "event `{}` lets the customer decide, but the case has no `decision` model",
                    e.id
                ),
                Some("add `decision: Some((won: \"…\", lost: \"…\"))` at the top level".into()),
            );
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
        }
        if case.calendar.decision_week.is_some() {
            ck.error(
                "E024",
                ck.loc.field_after(0, "decision_week").unwrap_or((0, 0)),
                "`calendar.decision_week` needs a `decision` model".into(),
                Some("add `decision: Some((won: \"…\", lost: \"…\"))` at the top level".into()),
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
    }
}
