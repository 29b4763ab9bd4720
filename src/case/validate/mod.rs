//! Semantic checks of a parsed case: ids, references, reachability, translations, scoring.
//! Every finding carries a location in the file and, where it helps, a hint.

mod cast;
mod deal;
mod flags;
mod refs;

use std::collections::{HashMap, HashSet};

use super::checker::{Checker, Kind, Names};
use super::diagnostic::{Diagnostic, Severity};
use super::model::*;
use super::text::{Lang, Text};
pub(crate) use refs::check_ref;
use refs::check_references;

/// Limits on what a case may contain, so an untrusted file cannot exhaust the game.
pub const MAX_STAKEHOLDERS: usize = 200;
pub const MAX_SCENES: usize = 2_000;
pub const MAX_CHOICES: usize = 10_000;
pub const MAX_TEXT_CHARS: usize = 10_000;
/// Facts, flags, events, competitors, burning issues, endings, variants, units: each kind.
pub const MAX_OTHER_IDS: usize = 10_000;
pub const MAX_WEEKS: u32 = 520;
pub use super::checker::MAX_DIAGNOSTICS;

pub fn validate(case: &Case, src: &str, file: &str) -> Vec<Diagnostic> {
    validate_counted(case, src, file).0
}

/// [`validate`], and the work it did (bytes read and lookup steps: see
/// [`super::locate::Locator::work`]), so tests can check that validation is linear.
pub fn validate_counted(case: &Case, src: &str, file: &str) -> (Vec<Diagnostic>, usize) {
    let mut ck = Checker::new(file, src);
    let names = collect_ids(&mut ck, case);
    super::ids::check_id_chars(&mut ck, case, &names);
    check_limits(&mut ck, case);
    check_references(&mut ck, case, &names);
    deal::check(&mut ck, case, &names);
    flags::check(&mut ck, case);
    check_ranges(&mut ck, case);
    check_flow(&mut ck, case);
    check_scoring(&mut ck, case);
    cast::check(&mut ck, case);
    check_texts(&mut ck, case);
    check_font(&mut ck);
    check_files(&mut ck, case);
    let work = ck.work();
    (ck.finish(), work)
}

fn collect_ids<'a>(ck: &mut Checker, case: &'a Case) -> Names<'a> {
    let mut sets: HashMap<Kind, Vec<&'a str>> = HashMap::new();
    let mut all: Vec<(Kind, Vec<&'a str>)> = vec![
        (
            Kind::Scene,
            case.scenes.iter().map(|s| s.id.as_str()).collect(),
        ),
        (
            Kind::Choice,
            case.scenes
                .iter()
                .flat_map(|s| s.choices.iter().map(|c| c.id.as_str()))
                .collect(),
        ),
        (
            Kind::Stakeholder,
            case.stakeholders.iter().map(|s| s.id.as_str()).collect(),
        ),
        (
            Kind::Fact,
            case.facts.iter().map(|s| s.id.as_str()).collect(),
        ),
        (
            Kind::Competitor,
            case.competitors.iter().map(|s| s.id.as_str()).collect(),
        ),
        (
            Kind::Issue,
            case.burning_issues.iter().map(|s| s.id.as_str()).collect(),
        ),
        (
            Kind::Ending,
            case.endings.iter().map(|s| s.id.as_str()).collect(),
        ),
        (
            Kind::Event,
            case.events.iter().map(|s| s.id.as_str()).collect(),
        ),
        (
            Kind::Variant,
            case.variants.iter().map(|s| s.id.as_str()).collect(),
        ),
        (
            Kind::Unit,
            case.customer.units.iter().map(|s| s.id.as_str()).collect(),
        ),
        (
            Kind::Ally,
            case.seller.allies.iter().map(|s| s.id.as_str()).collect(),
        ),
    ];
    let mut seen_anywhere: HashMap<&str, usize> = HashMap::new();
    for (kind, ids) in &mut all {
        let mut seen = HashSet::new();
        for id in ids.iter() {
            let n = seen_anywhere.entry(id).or_insert(0);
            *n += 1;
            let duplicate = !id.trim().is_empty() && !seen.insert(*id);
            if id.trim().is_empty() {
                ck.error(
                    "E010",
                    ck.loc.id(id).unwrap_or((0, 0)),
                    format!("a {} has an empty id", kind.word()),
                    None,
                );
                ck.zh(format!("有一个{}的 id 是空的", kind.word_zh()), None);
            } else if duplicate && ck.full() {
                ck.dropped(Severity::Error);
            } else if duplicate {
                let span = ck.loc.nth_id(id, *n - 1).unwrap_or((0, 0));
                ck.error(
                    "E010",
                    span,
                    format!("duplicate {} id `{id}`", kind.word()),
                    Some("every id must be unique; rename one of them".into()),
                );
                ck.zh(
                    format!("{}的 id `{id}` 重复了", kind.word_zh()),
                    Some("每个 id 都必须独一无二；给其中一个改个名字".into()),
                );
            }
        }
        sets.insert(*kind, std::mem::take(ids));
    }
    // Also people on the seller's side can be named in texts but not referenced; nothing to do.
    let lookup = sets
        .iter()
        .map(|(k, v)| (*k, v.iter().copied().collect()))
        .collect();
    Names { sets, lookup }
}

fn check_limits(ck: &mut Checker, case: &Case) {
    let choices: usize = case.scenes.iter().map(|s| s.choices.len()).sum();
    let mut flags: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut note_flags = |cs: &[Condition], es: &[Effect]| {
        fn conds(cs: &[Condition], out: &mut std::collections::HashSet<String>) {
            for c in cs {
                match c {
                    Condition::Flag(f) | Condition::NotFlag(f) => {
                        out.insert(f.clone());
                    }
                    Condition::Any(v) | Condition::All(v) => conds(v, out),
                    Condition::Not(b) => conds(std::slice::from_ref(b), out),
                    _ => {}
                }
            }
        }
        conds(cs, &mut flags);
        for e in es {
            if let Effect::Set(f) | Effect::Clear(f) = e {
                flags.insert(f.clone());
            }
        }
    };
    for s in &case.scenes {
        for c in &s.choices {
            note_flags(&c.when, &c.effects);
            for b in &c.branches {
                note_flags(&b.when, &b.effects);
            }
        }
    }
    for e in &case.events {
        note_flags(&e.conditions, &e.effects);
    }
    for v in &case.variants {
        for ch in &v.changes {
            if let Change::Effects(effs) = ch {
                note_flags(&[], effs);
            }
        }
    }
    for (what, what_zh, n, max) in [
        (
            "stakeholders",
            "人物",
            case.stakeholders.len(),
            MAX_STAKEHOLDERS,
        ),
        ("scenes", "场景", case.scenes.len(), MAX_SCENES),
        ("choices", "选项", choices, MAX_CHOICES),
        ("facts", "信息", case.facts.len(), MAX_OTHER_IDS),
        ("flags", "标记", flags.len(), MAX_OTHER_IDS),
        ("events", "事件", case.events.len(), MAX_OTHER_IDS),
        (
            "competitors",
            "竞争对手",
            case.competitors.len(),
            MAX_OTHER_IDS,
        ),
        (
            "burning_issues",
            "燃眉之急",
            case.burning_issues.len(),
            MAX_OTHER_IDS,
        ),
        ("endings", "结局", case.endings.len(), MAX_OTHER_IDS),
        ("variants", "变体", case.variants.len(), MAX_OTHER_IDS),
    ] {
        if n > max {
            ck.error(
                "E020",
                ck.loc.field_after(0, what).unwrap_or((0, 0)),
                format!("too many {what}: {n} (the limit is {max})"),
                Some("split the deal into several cases".into()),
            );
            ck.zh(
                format!("{what_zh}太多了（`{what}`）：{n} 个（上限是 {max} 个）"),
                Some("把这单拆成几个案例".into()),
            );
        }
    }
}

fn check_ranges(ck: &mut Checker, case: &Case) {
    for p in &case.stakeholders {
        for (field, field_zh, v) in [
            ("power", "权力", p.power),
            ("influence", "影响力", p.influence),
        ] {
            if v > 5 {
                ck.error(
                    "E016",
                    ck.loc.field_in(&p.id, field),
                    format!("`{}`: {field} is {v}, but {field} must be 0–5", p.id),
                    Some(format!("{field} is a 0–5 scale: 0 none … 5 decisive")),
                );
                ck.zh(
                    format!("`{}`：{field_zh}（`{field}`）是 {v}，但只能是 0–5", p.id),
                    Some(format!(
                        "`{field}` 按 0–5 打分：0 表示没有……5 表示起决定作用"
                    )),
                );
            }
        }
    }
    for k in &case.competitors {
        if k.strength > 10 {
            ck.error(
                "E016",
                ck.loc.field_in(&k.id, "strength"),
                format!(
                    "`{}`: strength is {}, but strength must be 0–10",
                    k.id, k.strength
                ),
                None,
            );
            ck.zh(
                format!(
                    "`{}`：实力（`strength`）是 {}，但只能是 0–10",
                    k.id, k.strength
                ),
                None,
            );
        }
    }
    for e in &case.endings {
        if e.value > 100 {
            ck.error(
                "E016",
                ck.loc.field_in(&e.id, "value"),
                format!(
                    "ending `{}`: value is {}, but value must be 0–100",
                    e.id, e.value
                ),
                None,
            );
            ck.zh(
                format!(
                    "结局 `{}`：分值（`value`）是 {}，但只能是 0–100",
                    e.id, e.value
                ),
                None,
            );
        }
    }
    if case.calendar.weeks > MAX_WEEKS {
        ck.error(
            "E016",
            ck.loc.field_after(0, "weeks").unwrap_or((0, 0)),
            format!(
                "the calendar has {} weeks; the limit is {MAX_WEEKS}",
                case.calendar.weeks
            ),
            Some("a deal is played in weeks, not decades".into()),
        );
        ck.zh(
            format!("日历有 {} 周；上限是 {MAX_WEEKS} 周", case.calendar.weeks),
            Some("一单生意按周来算，不会打上几十年".into()),
        );
    }
    if case.calendar.weeks == 0 {
        ck.error(
            "E016",
            ck.loc.field_after(0, "weeks").unwrap_or((0, 0)),
            "the calendar has 0 weeks".into(),
            Some("give the deal at least one week".into()),
        );
        ck.zh("日历是 0 周".into(), Some("这单至少要有一周".into()));
    }
    for s in &case.scenes {
        for c in &s.choices {
            for br in &c.branches {
                if let Some(p) = br.chance
                    && (p == 0 || p > 100)
                {
                    let (en, zh) =
                        not_a_percentage(format!("`{}`", c.id), format!("`{}`", c.id), p);
                    ck.error("E016", ck.loc.field_in(&c.id, "chance"), en, None);
                    ck.zh(zh, None);
                }
            }
            if c.repeatable && c.cost.weeks == 0 {
                ck.error(
                    "E015",
                    ck.loc.field_in(&c.id, "repeatable"),
                    format!(
                        "`{}` is repeatable but costs no time, so a deal could go on forever",
                        c.id
                    ),
                    Some("give it `cost: (weeks: 1)` or make it once-only".into()),
                );
                ck.zh(
                    format!("`{}` 可以反复选，却不花时间，这单就可能永远打不完", c.id),
                    Some("给它加上 `cost: (weeks: 1)`，或者改成只能选一次".into()),
                );
            }
            if c.note.is_empty() {
                ck.error(
                    "E017",
                    ck.loc.id(&c.id).unwrap_or((0, 0)),
                    format!("choice `{}` has no teaching note", c.id),
                    Some(
                        "every choice needs a `note` that explains why the move is good or bad"
                            .into(),
                    ),
                );
                ck.zh(
                    format!("选项 `{}` 没有教学点评", c.id),
                    Some(
                        "每个选项都要有一条教学点评（`note`），讲清这一步为什么对、为什么错".into(),
                    ),
                );
            }
        }
    }
    for e in &case.events {
        if let Timing::Chance { percent, from, to } = e.when {
            if percent == 0 || percent > 100 {
                let (en, zh) = not_a_percentage(
                    format!("event `{}`", e.id),
                    format!("事件 `{}`", e.id),
                    percent,
                );
                ck.error("E016", ck.loc.field_in(&e.id, "percent"), en, None);
                ck.zh(zh, None);
            }
            if from > to {
                ck.error(
                    "E016",
                    ck.loc.field_in(&e.id, "from"),
                    format!(
                        "event `{}`: weeks from {from} to {to} is an empty window",
                        e.id
                    ),
                    None,
                );
                ck.zh(
                    format!(
                        "事件 `{}`：从第 {from} 周到第 {to} 周，这段时间是空的",
                        e.id
                    ),
                    None,
                );
            }
        }
    }
    if !case.variants.is_empty() && case.variants.iter().all(|v| v.weight == 0) {
        ck.error(
            "E016",
            ck.loc.field_after(0, "variants").unwrap_or((0, 0)),
            "every variant has weight 0, so none can be picked".into(),
            None,
        );
        ck.zh(
            "每个变体的权重（`weight`）都是 0，一个也抽不到".into(),
            None,
        );
    }
}

/// E016 for a chance outside 1–100, said of `who` (`c1`, event `e1`) in both languages.
fn not_a_percentage(who: String, who_zh: String, p: impl std::fmt::Display) -> (String, String) {
    (
        format!("{who}: chance {p} is not a percentage 1–100"),
        format!("{who_zh}：概率 {p} 不是 1–100 之间的百分数"),
    )
}

/// Static reachability: which scenes can be entered at all, and which endings are named.
fn check_flow(ck: &mut Checker, case: &Case) {
    let by_id: HashMap<&str, &Scene> = case.scenes.iter().map(|s| (s.id.as_str(), s)).collect();
    let mut reached: HashSet<&str> = HashSet::new();
    let mut todo: Vec<&str> = vec![case.start.as_str()];
    todo.extend(case.events.iter().filter_map(|e| e.go.as_deref()));
    while let Some(id) = todo.pop() {
        if !reached.insert(id) {
            continue;
        }
        if let Some(s) = by_id.get(id) {
            for c in &s.choices {
                todo.extend(c.go.as_deref());
                todo.extend(c.branches.iter().filter_map(|b| b.go.as_deref()));
            }
        }
    }
    for s in &case.scenes {
        if !reached.contains(s.id.as_str()) {
            ck.warn(
                "W102",
                ck.loc.id(&s.id).unwrap_or((0, 0)),
                format!("scene `{}` can never be reached", s.id),
                Some("no choice or event leads here (`go`)".into()),
            );
            ck.zh(
                format!("场景 `{}` 永远走不到", s.id),
                Some("没有任何选项或事件通向这里（`go`）".into()),
            );
        }
        if s.choices.is_empty() {
            ck.error(
                "E018",
                ck.loc.id(&s.id).unwrap_or((0, 0)),
                format!("scene `{}` has no choices: a trainee would be stuck", s.id),
                Some("add a choice that moves on or ends the deal".into()),
            );
            ck.zh(
                format!("场景 `{}` 没有选项：学员会卡在这里", s.id),
                Some("加一个能往下走、或者结束这单的选项".into()),
            );
        }
    }
    let mut ended: HashSet<&str> = HashSet::new();
    ended.insert(case.calendar.timeout_ending.as_str());
    if let Some(d) = &case.decision {
        ended.insert(d.won.as_str());
        ended.insert(d.lost.as_str());
        ended.extend(d.shared.as_deref());
        ended.extend(d.lost_to.iter().map(|(_, e)| e.as_str()));
    }
    for s in &case.scenes {
        for c in &s.choices {
            ended.extend(c.end.as_deref());
            ended.extend(c.branches.iter().filter_map(|b| b.end.as_deref()));
        }
    }
    for e in &case.endings {
        if !ended.contains(e.id.as_str()) {
            ck.warn(
                "W103",
                ck.loc.id(&e.id).unwrap_or((0, 0)),
                format!("ending `{}` is never used", e.id),
                Some(
                    "no choice ends the deal here (`end`), and the decision model does not name it"
                        .into(),
                ),
            );
            ck.zh(
                format!("结局 `{}` 从来没用到", e.id),
                Some(
                    "没有哪个选项在这里结束这单（`end`），客户决策模型（`decision`）也没有提到它"
                        .into(),
                ),
            );
        }
    }
    // No ending to aim for: nothing is won, and no walk-away is the full-value lesson (as in
    // the coal-mine case, where the right play is a cheap exit worth value 100).
    let good_exit = |e: &Ending| e.outcome == Outcome::Withdrew && e.value >= 100;
    if !case.endings.is_empty()
        && !case
            .endings
            .iter()
            .any(|e| e.outcome == Outcome::Won || good_exit(e))
    {
        ck.warn(
            "W110",
            ck.loc.field_after(0, "endings").unwrap_or((0, 0)),
            "no ending has `outcome: Won` (nor is any withdrawal worth value 100), so no run can end well".into(),
            Some(
                "add an ending with `outcome: Won`; if walking away is the lesson, give that `Withdrew` ending `value: 100`"
                    .into(),
            ),
        );
        ck.zh(
            "没有哪个结局是 `outcome: Won`（也没有哪个退出结局的 `value` 达到 100），所以怎么打都不会有好结果".into(),
            Some("加一个 `outcome: Won` 的结局；如果要教的就是及时退出，就给那个 `Withdrew` 结局 `value: 100`".into()),
        );
    }
    // Choices whose conditions can never hold: they need a fact nobody teaches, a flag nobody
    // sets, a person nobody meets.
    let mut learned = HashSet::new();
    let mut set = HashSet::new();
    let mut met: HashSet<&str> = HashSet::new();
    let mut effects_all: Vec<&Effect> = Vec::new();
    for s in &case.scenes {
        for c in &s.choices {
            effects_all.extend(&c.effects);
            effects_all.extend(c.branches.iter().flat_map(|b| &b.effects));
            met.extend(c.meets.iter().map(|m| m.as_str()));
        }
    }
    effects_all.extend(case.events.iter().flat_map(|e| &e.effects));
    for v in &case.variants {
        for ch in &v.changes {
            if let Change::Effects(effs) = ch {
                effects_all.extend(effs);
            }
        }
    }
    for e in &effects_all {
        match e {
            Effect::Learn(f) => {
                learned.insert(f.as_str());
            }
            Effect::Set(f) => {
                set.insert(f.as_str());
            }
            _ => {}
        }
    }
    for s in &case.scenes {
        for c in &s.choices {
            if let Some((why, why_zh)) = c
                .when
                .iter()
                .find_map(|k| impossible(k, &learned, &set, &met))
            {
                ck.warn(
                    "W104",
                    ck.loc.field_in(&c.id, "when"),
                    format!("choice `{}` can never be offered: {why}", c.id),
                    None,
                );
                ck.zh(format!("选项 `{}` 永远不会出现：{why_zh}", c.id), None);
            }
        }
    }
    for f in &case.facts {
        if !learned.contains(f.id.as_str()) {
            ck.warn(
                "W107",
                ck.loc.id(&f.id).unwrap_or((0, 0)),
                format!("fact `{}` is never learned", f.id),
                Some("add `Learn(\"…\")` to a choice or event".into()),
            );
            ck.zh(
                format!("学员永远得不到信息 `{}`", f.id),
                Some("在某个选项或事件里加上 `Learn(\"…\")`".into()),
            );
        }
    }
}

fn impossible(
    k: &Condition,
    learned: &HashSet<&str>,
    set: &HashSet<&str>,
    met: &HashSet<&str>,
) -> Option<(String, String)> {
    match k {
        Condition::Knows(f) if !learned.contains(f.as_str()) => Some((
            format!("nothing ever teaches fact `{f}`"),
            format!("没有任何地方能让学员得知信息 `{f}`"),
        )),
        Condition::Flag(f) if !set.contains(f.as_str()) => Some((
            format!("nothing ever sets flag `{f}`"),
            format!("没有任何地方设置标记 `{f}`"),
        )),
        Condition::Met(p) if !met.contains(p.as_str()) => Some((
            format!("no choice ever meets `{p}`"),
            format!("没有哪个选项会见到 `{p}`"),
        )),
        Condition::All(v) => v.iter().find_map(|x| impossible(x, learned, set, met)),
        _ => None,
    }
}

fn check_scoring(ck: &mut Checker, case: &Case) {
    let w = &case.scoring.weights;
    let span = ck.loc.field_after(0, "weights").unwrap_or((0, 0));
    // The read alone does not count: it scores the trainee's opinion of the people, so a
    // case weighing nothing else would score no move of the deal (as the guide says).
    if w.in_order()[..Weights::READ].iter().all(|&x| x == 0) {
        ck.error(
            "E019",
            span,
            "all scoring weights are 0, so every run scores 0".into(),
            Some("give weights to burning_issue, insider, sequencing, outcome …".into()),
        );
        ck.zh(
            "所有评分权重都是 0，每一局都得 0 分".into(),
            Some("给 `burning_issue`、`insider`、`sequencing`、`outcome` 等设上权重".into()),
        );
    }
    // Sequencing is the engine's judgement of every deal: it is always scored.
    let mut given: HashSet<&str> = HashSet::from(["sequencing"]);
    let mut visit = |e: &Effect| match e {
        Effect::JudgeRank(_) => {
            given.insert("rank");
        }
        Effect::Score(k, n) if *n > 0 => {
            given.insert(k.key());
        }
        Effect::Diagnose(_) => {
            given.insert("burning_issue");
        }
        Effect::ChooseInsider(_) => {
            given.insert("insider");
        }
        _ => {}
    };
    for s in &case.scenes {
        for c in &s.choices {
            c.effects.iter().for_each(&mut visit);
            c.branches
                .iter()
                .flat_map(|b| &b.effects)
                .for_each(&mut visit);
        }
    }
    case.events
        .iter()
        .flat_map(|e| &e.effects)
        .for_each(&mut visit);
    for (key, weight) in [
        ("burning_issue", w.burning_issue),
        ("insider", w.insider),
        ("sequencing", w.sequencing),
        ("rank", w.rank),
    ] {
        if weight > 0 && !given.contains(key) {
            ck.warn(
                "W105",
                span,
                format!("`{key}` has weight {weight}, but no choice ever scores it"),
                Some(match key {
                    "burning_issue" => {
                        "add a Decision(BurningIssue) scene whose choices `Diagnose(...)`".into()
                    }
                    "insider" => {
                        "add a Decision(Insider) scene whose choices `ChooseInsider(...)`".into()
                    }
                    _ => format!("add `Score({key}, n)` effects, or set its weight to 0"),
                }),
            );
            ck.zh(
                format!("`{key}` 的权重是 {weight}，但没有哪个选项会为它得分"),
                Some(match key {
                    "burning_issue" => {
                        "加一个 `Decision(BurningIssue)` 场景，在它的选项里用 `Diagnose(...)`"
                            .into()
                    }
                    "insider" => {
                        "加一个 `Decision(Insider)` 场景，在它的选项里用 `ChooseInsider(...)`"
                            .into()
                    }
                    _ => format!("加上 `Score({key}, n)` 效果，或者把它的权重设为 0"),
                }),
            );
        }
        if weight == 0 && given.contains(key) && key != "sequencing" {
            ck.warn(
                "W106",
                span,
                format!("choices score `{key}`, but its weight is 0, so those points never count"),
                Some(format!("give `{key}` a weight")),
            );
            ck.zh(
                format!("有选项为 `{key}` 得分，但它的权重是 0，这些分永远不算数"),
                Some(format!("给 `{key}` 设一个权重")),
            );
        }
    }
    for s in &case.scenes {
        if let SceneKind::Decision(kind) = &s.kind {
            let effects: Vec<&Effect> = s
                .choices
                .iter()
                .flat_map(|c| {
                    c.effects
                        .iter()
                        .chain(c.branches.iter().flat_map(|b| &b.effects))
                })
                .collect();
            let (ok, what, what_zh) = match kind {
                DecisionKind::BurningIssue => (
                    effects
                        .iter()
                        .any(|e| matches!(e, Effect::Diagnose(_) | Effect::Propose(_))),
                    "Diagnose(...) or Propose(...)",
                    "`Diagnose(...)` 或 `Propose(...)`",
                ),
                DecisionKind::Insider => (
                    effects
                        .iter()
                        .any(|e| matches!(e, Effect::ChooseInsider(_))),
                    "ChooseInsider(...)",
                    "`ChooseInsider(...)`",
                ),
                DecisionKind::Rank => (
                    effects.iter().any(|e| matches!(e, Effect::JudgeRank(_))),
                    "JudgeRank(...)",
                    "`JudgeRank(...)`",
                ),
                DecisionKind::Qualify => (true, "", ""),
            };
            if !ok {
                ck.warn(
                    "W108",
                    ck.loc.id(&s.id).unwrap_or((0, 0)),
                    format!("decision scene `{}` has no choice with `{what}`", s.id),
                    None,
                );
                ck.zh(
                    format!("决策场景 `{}` 里没有一个选项带 {what_zh}", s.id),
                    None,
                );
            }
        }
    }
}

/// Files a case names must exist inside the case's folder.
fn check_files(ck: &mut Checker, case: &Case) {
    let dir = std::path::Path::new(ck.file)
        .parent()
        .filter(|d| d.is_dir());
    for p in &case.stakeholders {
        if let Some(rel) = &p.portrait
            && let Err((why, why_zh)) = super::assets::resolve_said(dir, rel)
        {
            let span = ck.loc.value_in(&p.id, rel);
            ck.error("E022", span, format!("portrait of `{}`: {why}", p.id), Some("put the image in the case's folder (or a subfolder) and name it relative to the case file".into()));
            ck.zh(
                format!("`{}` 的头像：{why_zh}", p.id),
                Some(
                    "把图片放在案例所在的文件夹（或其子文件夹）里，路径写成相对于案例文件的位置"
                        .into(),
                ),
            );
        }
    }
}

/// Characters the bundled font cannot draw would show as boxes in the game.
fn check_font(ck: &mut Checker) {
    for (c, offset) in super::font::uncovered_in_strings(ck.loc.src) {
        ck.warn(
            "W109",
            (offset, c.len_utf8()),
            format!("the character `{c}` (U+{:04X}) is not in the game's font; it will show as a box", c as u32),
            Some("use a common character instead (the font covers GB2312 Chinese, Latin-1 and common symbols)".into()),
        );
        ck.zh(
            format!(
                "字符 `{c}`（U+{:04X}）不在游戏的字体里；游戏里会显示成一个方框",
                c as u32
            ),
            Some("换一个常用字（字体包含 GB2312 汉字、Latin-1 字母和常用符号）".into()),
        );
    }
}

/// Translations: a bilingual case should have both languages everywhere; a case written in
/// one language only gets one warning, not hundreds.
fn check_texts(ck: &mut Checker, case: &Case) {
    let mut texts: Vec<(&str, &str, &Text)> = vec![
        ("", "title", &case.title),
        ("", "summary", &case.summary),
        ("", "briefing", &case.briefing),
    ];
    for p in &case.stakeholders {
        texts.push((&p.id, "name", &p.name));
        texts.push((&p.id, "title", &p.title));
    }
    for s in &case.scenes {
        texts.push((&s.id, "title", &s.title));
        texts.push((&s.id, "text", &s.text));
        for c in &s.choices {
            texts.push((&c.id, "label", &c.label));
            texts.push((&c.id, "note", &c.note));
            if !c.reply.is_empty() {
                texts.push((&c.id, "reply", &c.reply));
            }
        }
    }
    for e in &case.endings {
        texts.push((&e.id, "title", &e.title));
        texts.push((&e.id, "text", &e.text));
    }
    for f in &case.facts {
        texts.push((&f.id, "text", &f.text));
    }
    for b in &case.burning_issues {
        texts.push((&b.id, "text", &b.text));
    }
    let any = |l: Lang| texts.iter().any(|(_, _, t)| t.has(l));
    let (en, zh) = (any(Lang::En), any(Lang::Zh));
    if en != zh {
        let (missing, missing_zh) = if en {
            ("Chinese (zh)", "中文（zh）")
        } else {
            ("English (en)", "英文（en）")
        };
        ck.warn(
            "W101",
            (0, 0),
            format!("the case has no {missing} text; it will play in one language only"),
            None,
        );
        ck.zh(
            format!("案例没有{missing_zh}文字；只能用一种语言来玩"),
            None,
        );
    } else if en && zh {
        for (anchor, field, t) in &texts {
            for l in [Lang::En, Lang::Zh] {
                if !t.has(l) && !t.is_empty() {
                    let span = if anchor.is_empty() {
                        ck.loc.field_after(0, field).unwrap_or((0, 0))
                    } else {
                        ck.loc.field_in(anchor, field)
                    };
                    let (what, what_zh) = if anchor.is_empty() {
                        (field.to_string(), format!("`{field}`"))
                    } else {
                        (
                            format!("`{anchor}` {field}"),
                            format!("`{anchor}` 的 `{field}`"),
                        )
                    };
                    ck.warn(
                        "W101",
                        span,
                        format!("{what} has no {} translation", l.code()),
                        Some(format!("add `{}: \"…\"`", l.code())),
                    );
                    let lang_zh = if l == Lang::Zh { "中文" } else { "英文" };
                    ck.zh(
                        format!("{what_zh} 没有{lang_zh}（{}）译文", l.code()),
                        Some(format!("加上 `{}: \"…\"`", l.code())),
                    );
                }
            }
        }
    }
    for (anchor, field, t) in &texts {
        for s in t.strings() {
            if s.chars().count() > MAX_TEXT_CHARS {
                let span = if anchor.is_empty() {
                    ck.loc.field_after(0, field).unwrap_or((0, 0))
                } else {
                    ck.loc.field_in(anchor, field)
                };
                ck.error(
                    "E020",
                    span,
                    format!("text longer than {MAX_TEXT_CHARS} characters"),
                    Some("shorten it; nobody reads a wall of text in a meeting".into()),
                );
                ck.zh(
                    format!("文字超过了 {MAX_TEXT_CHARS} 个字"),
                    Some("删短一些；开会的时候没人会读一大段文字".into()),
                );
            }
        }
    }
}
