//! References: every id a case names — in conditions, effects, meetings, events and
//! variants — must exist, with a did-you-mean when it does not.

use std::collections::HashMap;

use super::{Checker, Kind, Names};
use crate::case::diagnostic::{Severity, suggestion, suggestion_zh};
use crate::case::ids;
use crate::case::model::*;
use crate::case::text::Lang;

pub(crate) fn check_ref(ck: &mut Checker, names: &Names, kind: Kind, id: &str, anchor: &str) {
    if !names.has(kind, id) {
        let known = names.list(kind);
        unknown(ck, known, (kind.word(), kind.word_zh()), id, anchor);
    }
}

/// E011 with did-you-mean (or the list of what there is), in both languages.
fn unknown(ck: &mut Checker, known: &[&str], what: (&str, &str), id: &str, anchor: &str) {
    if ck.full() {
        ck.dropped(Severity::Error);
        return;
    }
    let span = ck.loc.value_in(anchor, id);
    let few = !known.is_empty() && known.len() <= 12;
    let hint = suggestion(id, known.iter().copied())
        .or_else(|| ids::problem(id).map(|(what, hint)| format!("it {what}; {hint}")))
        .or_else(|| few.then(|| format!("known {}s: {}", what.0, known.join(", "))));
    let hint_zh = suggestion_zh(id, known.iter().copied())
        .or_else(|| {
            ids::problem_in(id, Lang::Zh).map(|(what, hint)| format!("这个 id {what}；{hint}"))
        })
        .or_else(|| few.then(|| format!("已有的{}：{}", what.1, known.join("、"))));
    let shown = ids::shown(id);
    ck.error("E011", span, format!("unknown {} `{shown}`", what.0), hint);
    ck.zh(format!("没有这个{}：`{shown}`", what.1), hint_zh);
}

pub(super) fn check_conditions(ck: &mut Checker, names: &Names, conds: &[Condition], anchor: &str) {
    for c in conds {
        use Condition as K;
        match c {
            K::Knows(f) | K::NotKnows(f) => check_ref(ck, names, Kind::Fact, f, anchor),
            K::Met(p) | K::NotMet(p) | K::Known(p) | K::Insider(p) => {
                check_ref(ck, names, Kind::Stakeholder, p, anchor)
            }
            K::AttitudeAtLeast(p, _) | K::AttitudeAtMost(p, _) | K::Away(p) => {
                check_person(ck, names, p, anchor)
            }
            K::Chose(ch) | K::NotChose(ch) => check_ref(ck, names, Kind::Choice, ch, anchor),
            K::Variant(v) => check_ref(ck, names, Kind::Variant, v, anchor),
            K::Diagnosed(b) => check_ref(ck, names, Kind::Issue, b, anchor),
            K::CompetitorAtLeast(k, _)
            | K::CompetitorAtMost(k, _)
            | K::CompetitorOut(k)
            | K::Partner(k) => check_ref(ck, names, Kind::Competitor, k, anchor),
            K::Backs(p, k) => {
                check_ref(ck, names, Kind::Stakeholder, p, anchor);
                if let Some(k) = k {
                    check_ref(ck, names, Kind::Competitor, k, anchor);
                }
            }
            K::Observed(p, _) => check_ref(ck, names, Kind::Stakeholder, p, anchor),
            K::Proposed(b) => check_ref(ck, names, Kind::Issue, b, anchor),
            K::AllyBrought(a) => check_ref(ck, names, Kind::Ally, a, anchor),
            K::Any(v) | K::All(v) => check_conditions(ck, names, v, anchor),
            K::Not(b) => check_conditions(ck, names, std::slice::from_ref(b), anchor),
            K::Flag(_)
            | K::NotFlag(_)
            | K::WeekAtMost(_)
            | K::WeekAtLeast(_)
            | K::MoneyAtLeast(_)
            | K::NoInsider
            | K::HasInsider
            | K::RankJudged(_)
            | K::ChanceAtLeast(_)
            | K::InsiderAtLeast(_)
            | K::ChanceAtMost(_)
            | K::RankIs(_)
            | K::DecisionWithin(_) => {}
        }
    }
}

pub(super) fn check_effects(ck: &mut Checker, names: &Names, effects: &[Effect], anchor: &str) {
    for e in effects {
        match e {
            Effect::Learn(f) => check_ref(ck, names, Kind::Fact, f, anchor),
            Effect::Attitude(p, _) => check_person(ck, names, p, anchor),
            Effect::Reveal(p)
            | Effect::ChooseInsider(p)
            | Effect::Observe(p, _)
            | Effect::Hear(p, _) => check_ref(ck, names, Kind::Stakeholder, p, anchor),
            Effect::Competitor(k, _) | Effect::Eliminate(k) | Effect::Partner(k) => {
                check_ref(ck, names, Kind::Competitor, k, anchor)
            }
            Effect::SetBacks(p, k) => {
                check_ref(ck, names, Kind::Stakeholder, p, anchor);
                if let Some(k) = k {
                    check_ref(ck, names, Kind::Competitor, k, anchor);
                }
            }
            Effect::Diagnose(b) | Effect::Propose(b) => {
                check_ref(ck, names, Kind::Issue, b, anchor)
            }
            Effect::BringAlly(a) => check_ref(ck, names, Kind::Ally, a, anchor),
            Effect::Set(_)
            | Effect::Clear(_)
            | Effect::Score(..)
            | Effect::JudgeRank(_)
            | Effect::Pain(..)
            | Effect::Power(_)
            | Effect::Vision(..)
            | Effect::Value(..)
            | Effect::Control(_)
            | Effect::Funnel(_)
            | Effect::Money(_)
            | Effect::News(_)
            | Effect::Decide
            | Effect::Delay(_)
            | Effect::Letter => {}
        }
    }
}

fn check_next(
    ck: &mut Checker,
    names: &Names,
    go: &Option<String>,
    end: &Option<String>,
    anchor: &str,
) {
    if let Some(g) = go {
        check_ref(ck, names, Kind::Scene, g, anchor);
    }
    if let Some(e) = end {
        check_ref(ck, names, Kind::Ending, e, anchor);
    }
    if go.is_some() && end.is_some() {
        ck.error(
            "E013",
            ck.loc.field_in(anchor, "end"),
            format!("`{anchor}` has both `go` and `end`"),
            Some("a choice either moves to a scene or ends the deal, not both".into()),
        );
        ck.zh(
            format!("`{anchor}` 同时写了 `go` 和 `end`"),
            Some("一个选项要么去往另一个场景，要么结束这单，不能两样都做".into()),
        );
    }
}

pub(super) fn check_references(ck: &mut Checker, case: &Case, names: &Names) {
    if !names.has(Kind::Scene, &case.start) {
        let span = ck.loc.field_after(0, "start").unwrap_or((0, 0));
        let scenes = names.list(Kind::Scene);
        let hint = suggestion(&case.start, scenes.iter().copied());
        ck.error(
            "E012",
            span,
            format!("the start scene `{}` does not exist", case.start),
            hint,
        );
        ck.zh(
            format!("开始场景 `{}` 不存在", case.start),
            suggestion_zh(&case.start, scenes.iter().copied()),
        );
    }
    if !names.has(Kind::Ending, &case.calendar.timeout_ending) {
        let span = ck
            .loc
            .after(0, &case.calendar.timeout_ending)
            .unwrap_or((0, 0));
        let endings = names.list(Kind::Ending);
        let hint = suggestion(&case.calendar.timeout_ending, endings.iter().copied());
        ck.error(
            "E011",
            span,
            format!(
                "unknown ending `{}` (calendar.timeout_ending)",
                case.calendar.timeout_ending
            ),
            hint,
        );
        ck.zh(
            format!(
                "没有这个结局：`{}`（`calendar.timeout_ending`，超时的结局）",
                case.calendar.timeout_ending
            ),
            suggestion_zh(&case.calendar.timeout_ending, endings.iter().copied()),
        );
    }
    for u in &case.customer.units {
        if let Some(p) = &u.parent {
            check_ref(ck, names, Kind::Unit, p, &u.id);
        }
    }
    for p in &case.stakeholders {
        if let Some(u) = &p.unit {
            check_ref(ck, names, Kind::Unit, u, &p.id);
        }
        if let Some(r) = &p.reports_to {
            check_ref(ck, names, Kind::Stakeholder, r, &p.id);
        }
        if let Some(b) = &p.backs {
            check_ref(ck, names, Kind::Competitor, b, &p.id);
        }
    }
    // Org chart must be a tree: follow reports_to and detect loops, each person visited once
    // (0 unseen, 1 on the current walk, 2 done): linear however many people there are.
    let index: HashMap<&str, usize> = case
        .stakeholders
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    let boss = |i: usize| {
        case.stakeholders[i]
            .reports_to
            .as_deref()
            .and_then(|r| index.get(r).copied())
    };
    let mut state = vec![0u8; case.stakeholders.len()];
    for start in 0..case.stakeholders.len() {
        let mut walk = Vec::new();
        let mut cur = Some(start);
        while let Some(i) = cur {
            match state[i] {
                0 => {
                    state[i] = 1;
                    walk.push(i);
                    cur = boss(i);
                }
                1 => {
                    // A loop: everyone on it from `i` on reports to themselves through it.
                    let from = walk.iter().position(|&w| w == i).unwrap_or(0);
                    for &w in &walk[from..] {
                        let p = &case.stakeholders[w];
                        ck.error(
                            "E014",
                            ck.loc.field_in(&p.id, "reports_to"),
                            format!(
                                "`{}` reports to themselves through a loop in `reports_to`",
                                p.id
                            ),
                            Some("the org chart must be a tree".into()),
                        );
                        ck.zh(
                            format!("`{}` 顺着 `reports_to` 绕了一圈，又成了向自己汇报", p.id),
                            Some("组织架构必须是一棵树：汇报关系不能绕成圈".into()),
                        );
                    }
                    break;
                }
                _ => break,
            }
        }
        for w in walk {
            state[w] = 2;
        }
    }
    for b in &case.burning_issues {
        check_ref(ck, names, Kind::Stakeholder, &b.owner, &b.id);
    }
    for s in &case.scenes {
        if let SceneKind::Meeting(people) = &s.kind {
            for p in people {
                check_person(ck, names, p, &s.id);
            }
        }
        for para in &s.paragraphs {
            check_conditions(ck, names, &para.when, &s.id);
        }
        for c in &s.choices {
            check_conditions(ck, names, &c.when, &c.id);
            check_effects(ck, names, &c.effects, &c.id);
            for m in &c.meets {
                check_person(ck, names, m, &c.id);
            }
            check_next(ck, names, &c.go, &c.end, &c.id);
            for br in &c.branches {
                check_conditions(ck, names, &br.when, &c.id);
                check_effects(ck, names, &br.effects, &c.id);
                check_next(ck, names, &br.go, &br.end, &c.id);
            }
        }
    }
    for e in &case.events {
        check_conditions(ck, names, &e.conditions, &e.id);
        check_effects(ck, names, &e.effects, &e.id);
        if let Some(g) = &e.go {
            check_ref(ck, names, Kind::Scene, g, &e.id);
        }
        for v in &e.variants {
            check_ref(ck, names, Kind::Variant, v, &e.id);
        }
    }
    for v in &case.variants {
        for ch in &v.changes {
            match ch {
                Change::Attitude(p, _) | Change::Away(p, _) => check_person(ck, names, p, &v.id),
                Change::Influence(p, _) | Change::Role(p, _) | Change::Shows(p, _) => {
                    check_ref(ck, names, Kind::Stakeholder, p, &v.id)
                }
                Change::Strength(k, _) => check_ref(ck, names, Kind::Competitor, k, &v.id),
                Change::DecisionWeek(_) => {}
                Change::IssueOwner(b, p) => {
                    check_ref(ck, names, Kind::Issue, b, &v.id);
                    check_ref(ck, names, Kind::Stakeholder, p, &v.id);
                }
                Change::Backs(p, k) => {
                    check_ref(ck, names, Kind::Stakeholder, p, &v.id);
                    if let Some(k) = k {
                        check_ref(ck, names, Kind::Competitor, k, &v.id);
                    }
                }
                Change::EventWeek(e, _) => check_ref(ck, names, Kind::Event, e, &v.id),
                Change::RealIssue(b, _) => check_ref(ck, names, Kind::Issue, b, &v.id),
                Change::Effects(effs) => check_effects(ck, names, effs, &v.id),
            }
        }
    }
}

/// A person a stakeholder or an ally may be: meetings, attitudes, absences.
pub(super) fn check_person(ck: &mut Checker, names: &Names, id: &str, anchor: &str) {
    if names.has(Kind::Ally, id) || names.has(Kind::Stakeholder, id) {
        return;
    }
    let allies = names.list(Kind::Ally);
    if allies.is_empty() {
        return check_ref(ck, names, Kind::Stakeholder, id, anchor);
    }
    let people: Vec<&str> = names
        .list(Kind::Stakeholder)
        .iter()
        .chain(allies)
        .copied()
        .collect();
    unknown(
        ck,
        &people,
        ("stakeholder or ally", "人物或盟友"),
        id,
        anchor,
    );
}
