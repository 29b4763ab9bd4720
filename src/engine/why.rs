//! Why a choice is not on offer, in words: for `simulate` and the author's overlay.

use super::compile::{C, Compiled, Ix};
use super::rules::holds;
use super::state::State;
use crate::case::text::{Lang, Text};

fn both(en: String, zh: String) -> Text {
    Text { en, zh }
}

fn name(_c: &Compiled, ids: &super::compile::Ids, i: Ix) -> String {
    ids.names.get(i as usize).cloned().unwrap_or_default()
}

/// A condition in words, as it would need to hold.
pub fn describe(c: &Compiled, cond: &C) -> Text {
    let person = |p: Ix| name(c, &c.stakeholders, p);
    let not = |b: bool, en: &str, zh: &str| -> (String, String) {
        if b {
            (String::new(), String::new())
        } else {
            (en.to_string(), zh.to_string())
        }
    };
    match cond {
        C::Knows(f, want) => {
            let (n, z) = not(*want, "not ", "不");
            both(
                format!("the trainee does {n}know fact `{}`", name(c, &c.facts, *f)),
                format!("{z}知道事实 `{}`", name(c, &c.facts, *f)),
            )
        }
        C::Flag(f, want) => {
            let (n, z) = not(*want, "not ", "未");
            both(
                format!("flag `{}` is {n}set", name(c, &c.flags, *f)),
                format!("标记 `{}` {z}设置", name(c, &c.flags, *f)),
            )
        }
        C::Met(p, want) => {
            let (n, z) = not(*want, "not yet ", "还没");
            both(
                format!("`{}` has {n}been met", person(*p)),
                format!("{z}见过 `{}`", person(*p)),
            )
        }
        C::Known(p) => both(
            format!("`{}` is known", person(*p)),
            format!("已知道 `{}`", person(*p)),
        ),
        C::AttitudeAtLeast(p, a) => both(
            format!("`{}` is at least {}", person(*p), a.name().en),
            format!("`{}` 的态度至少是{}", person(*p), a.name().zh),
        ),
        C::AttitudeAtMost(p, a) => both(
            format!("`{}` is at most {}", person(*p), a.name().en),
            format!("`{}` 的态度至多是{}", person(*p), a.name().zh),
        ),
        C::WeekAtMost(w) => both(
            format!("it is week {w} or earlier"),
            format!("在第 {w} 周或之前"),
        ),
        C::WeekAtLeast(w) => both(
            format!("it is week {w} or later"),
            format!("在第 {w} 周或之后"),
        ),
        C::MoneyAtLeast(m) => both(format!("at least {m} is left"), format!("剩余预算至少 {m}")),
        C::Chose(ch, want) => {
            let (n, z) = not(*want, "not ", "没");
            both(
                format!("choice `{}` was {n}taken", name(c, &c.choices, *ch)),
                format!("{z}选过 `{}`", name(c, &c.choices, *ch)),
            )
        }
        C::Variant(v) => both(
            format!("the variant is `{}`", name(c, &c.variants, *v)),
            format!("变体是 `{}`", name(c, &c.variants, *v)),
        ),
        C::Insider(p) => both(
            format!("`{}` is the insider", person(*p)),
            format!("内线是 `{}`", person(*p)),
        ),
        C::HasInsider(true) => both("an insider is chosen".into(), "已选定内线".into()),
        C::HasInsider(false) => both("no insider is chosen yet".into(), "还没选定内线".into()),
        C::Diagnosed(b) => both(
            format!("the diagnosis is `{}`", name(c, &c.issues, *b)),
            format!("判断的燃眉之急是 `{}`", name(c, &c.issues, *b)),
        ),
        C::RankJudged(r) => both(
            format!("the rank was judged {r:?}"),
            format!("排名判断为 {r:?}"),
        ),
        C::CompetitorAtLeast(k, n) => both(
            format!("`{}` stands at {n} or more", name(c, &c.competitors, *k)),
            format!("`{}` 的实力至少 {n}", name(c, &c.competitors, *k)),
        ),
        C::CompetitorAtMost(k, n) => both(
            format!("`{}` stands at {n} or less", name(c, &c.competitors, *k)),
            format!("`{}` 的实力至多 {n}", name(c, &c.competitors, *k)),
        ),
        C::CompetitorOut(k) => both(
            format!("`{}` is out", name(c, &c.competitors, *k)),
            format!("`{}` 已出局", name(c, &c.competitors, *k)),
        ),
        C::Partner(k) => both(
            format!("`{}` is our partner", name(c, &c.competitors, *k)),
            format!("`{}` 是我们的合作伙伴", name(c, &c.competitors, *k)),
        ),
        C::Backs(p, k) => {
            let who = k
                .map(|k| name(c, &c.competitors, k))
                .unwrap_or_else(|| "nobody".into());
            both(
                format!("`{}` backs {who}", person(*p)),
                format!("`{}` 支持 {who}", person(*p)),
            )
        }
        C::Observed(p, a) => both(
            format!("the trainee has seen `{}`'s {a:?}", person(*p)),
            format!("已看清 `{}` 的 {a:?}", person(*p)),
        ),
        C::Proposed(b) => both(
            format!("the proposal answers `{}`", name(c, &c.issues, *b)),
            format!("方案针对 `{}`", name(c, &c.issues, *b)),
        ),
        C::InsiderAtLeast(n) => both(
            format!("an insider of quality {n} or more"),
            format!("内线质量至少 {n}"),
        ),
        C::AllyBrought(a) => both(
            format!("ally `{}` came along", name(c, &c.allies, *a)),
            format!("盟友 `{}` 已到场", name(c, &c.allies, *a)),
        ),
        C::ChanceAtLeast(n) => both(
            format!("our chance is at least {n}%"),
            format!("赢单机会至少 {n}%"),
        ),
        C::ChanceAtMost(n) => both(
            format!("our chance is at most {n}%"),
            format!("赢单机会至多 {n}%"),
        ),
        C::RankIs(r) => both(format!("we rank {r:?}"), format!("我们的排名是 {r:?}")),
        C::DecisionWithin(w) => both(
            format!("the decision is {w} week(s) away or less"),
            format!("离决策不超过 {w} 周"),
        ),
        C::Away(p) => both(
            format!("`{}` is away this week", person(*p)),
            format!("`{}` 本周不在", person(*p)),
        ),
        C::AllyAway(a) => both(
            format!("ally `{}` is away this week", name(c, &c.allies, *a)),
            format!("盟友 `{}` 本周不在", name(c, &c.allies, *a)),
        ),
        C::AllyAttitudeAtLeast(a, at) => both(
            format!(
                "ally `{}` is at least {}",
                name(c, &c.allies, *a),
                at.name().en
            ),
            format!(
                "盟友 `{}` 的态度至少是{}",
                name(c, &c.allies, *a),
                at.name().zh
            ),
        ),
        C::AllyAttitudeAtMost(a, at) => both(
            format!(
                "ally `{}` is at most {}",
                name(c, &c.allies, *a),
                at.name().en
            ),
            format!(
                "盟友 `{}` 的态度至多是{}",
                name(c, &c.allies, *a),
                at.name().zh
            ),
        ),
        C::Any(v) => {
            let parts: Vec<Text> = v.iter().map(|x| describe(c, x)).collect();
            both(
                parts
                    .iter()
                    .map(|t| t.en.clone())
                    .collect::<Vec<_>>()
                    .join(" or "),
                parts
                    .iter()
                    .map(|t| t.zh.clone())
                    .collect::<Vec<_>>()
                    .join(" 或 "),
            )
        }
        C::All(v) => {
            let parts: Vec<Text> = v.iter().map(|x| describe(c, x)).collect();
            both(
                parts
                    .iter()
                    .map(|t| t.en.clone())
                    .collect::<Vec<_>>()
                    .join(" and "),
                parts
                    .iter()
                    .map(|t| t.zh.clone())
                    .collect::<Vec<_>>()
                    .join(" 且 "),
            )
        }
        C::Not(x) => {
            let t = describe(c, x);
            both(format!("not ({})", t.en), format!("并非（{}）", t.zh))
        }
        C::Never => both(
            "something that does not exist (see `validate`)".into(),
            "引用了不存在的东西（请运行 validate）".into(),
        ),
    }
}

/// Why choice `ix` is not on offer in state `s` (empty when it is).
pub fn unavailable(c: &Compiled, s: &State, ix: Ix) -> Vec<Text> {
    let ch = &c.cchoices[ix as usize];
    let mut out = Vec::new();
    if s.ending.is_some() {
        out.push(both("the deal is over".into(), "这一单已经结束".into()));
        return out;
    }
    if ch.scene != s.scene {
        let here = &c.scenes.names[s.scene as usize];
        let there = &c.scenes.names[ch.scene as usize];
        out.push(both(
            format!("it belongs to scene `{there}`, and the deal is in `{here}`"),
            format!("它属于场景 `{there}`，而当前在 `{here}`"),
        ));
        return out;
    }
    if !ch.repeatable && s.chosen.get(ix) {
        out.push(both(
            "it was already taken, and it cannot be taken twice".into(),
            "已经选过，不能重复选择".into(),
        ));
    }
    let left = s.money_left(c);
    if ch.cost.money as i64 > left {
        out.push(both(
            format!("it costs {} and only {left} is left", ch.cost.money),
            format!("它要花 {}，只剩 {left}", ch.cost.money),
        ));
    }
    let truth = c.truth_of(s.variant);
    for &p in &ch.meets {
        if truth.away(p, s.week) {
            let why = away_why(&c.case.stakeholders[p as usize].away, s.week);
            out.push(both(
                format!(
                    "`{}` is away in week {}{}",
                    name(c, &c.stakeholders, p),
                    s.week,
                    why.en
                ),
                format!(
                    "`{}` 第 {} 周不在{}",
                    name(c, &c.stakeholders, p),
                    s.week,
                    why.zh
                ),
            ));
        }
    }
    for &a in &ch.brings {
        let id = name(c, &c.allies, a);
        if truth.ally_away(a, s.week) {
            let why = away_why(&c.case.seller.allies[a as usize].away, s.week);
            out.push(both(
                format!("ally `{id}` is away in week {}{}", s.week, why.en),
                format!("盟友 `{id}` 第 {} 周不在{}", s.week, why.zh),
            ));
        } else if !super::game::ally_can_come(truth, s, a) {
            let at = s.ally_attitude(a).name();
            out.push(both(
                format!(
                    "ally `{id}` will not come: he is {} (Neutral or better comes)",
                    at.en
                ),
                format!("盟友 `{id}` 不肯来：他的态度是{}（中立以上才会来）", at.zh),
            ));
        }
    }
    for cond in &ch.when {
        if !holds(c, s, cond) {
            let d = describe(c, cond);
            out.push(both(
                format!("this does not hold: {}", d.en),
                format!("条件不成立：{}", d.zh),
            ));
        }
    }
    out
}

/// The written reason of the window that covers `week` (as written on the person; a
/// variant's windows carry their own), as ` (…)`, or nothing.
fn away_why(windows: &[crate::case::model::Window], week: u32) -> Text {
    match windows.iter().find(|w| w.covers(week) && !w.why.is_empty()) {
        Some(w) => both(format!(" ({})", w.why.en), format!("（{}）", w.why.zh)),
        None => Text::default(),
    }
}

/// `unavailable` as one line in a language.
pub fn line(c: &Compiled, s: &State, ix: Ix, l: Lang) -> String {
    unavailable(c, s, ix)
        .iter()
        .map(|t| t.get(l).to_string())
        .collect::<Vec<_>>()
        .join(match l {
            Lang::En => "; ",
            Lang::Zh => "；",
        })
}
