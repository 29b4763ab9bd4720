//! A validated case turned into index form, so the engine never looks up a string while
//! playing. Built once per load; the analysis explores hundreds of thousands of states on it.
//!
//! What a variant fixes for a whole game (who really has influence, whose issue burns, the
//! face each person shows, the weeks of events) is compiled into one `Truth` per variant, so
//! the state carries only what moves during play.

use std::collections::HashMap;

use super::intensity::{control_points, pain_points, power_points, value_points, vision_points};
use super::org::Org;
use super::relevance::Relevance;
use crate::case::model::*;

pub type Ix = u16;

/// Ids of one kind of thing, in file order.
#[derive(Debug, Default, Clone)]
pub struct Ids {
    pub names: Vec<String>,
    map: HashMap<String, Ix>,
}

impl Ids {
    pub fn of<'a>(names: impl IntoIterator<Item = &'a str>) -> Ids {
        let mut ids = Ids::default();
        for n in names {
            ids.intern(n);
        }
        ids
    }
    pub fn intern(&mut self, name: &str) -> Ix {
        if let Some(&i) = self.map.get(name) {
            return i;
        }
        let i = self.names.len() as Ix;
        self.names.push(name.to_string());
        self.map.insert(name.to_string(), i);
        i
    }
    pub fn get(&self, name: &str) -> Option<Ix> {
        self.map.get(name).copied()
    }
    pub fn len(&self) -> usize {
        self.names.len()
    }
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

/// A compiled condition.
#[derive(Debug, Clone)]
pub enum C {
    Knows(Ix, bool),
    Flag(Ix, bool),
    Met(Ix, bool),
    Known(Ix),
    AttitudeAtLeast(Ix, Attitude),
    AttitudeAtMost(Ix, Attitude),
    WeekAtMost(u32),
    WeekAtLeast(u32),
    MoneyAtLeast(u32),
    Chose(Ix, bool),
    Variant(Ix),
    Insider(Ix),
    HasInsider(bool),
    Diagnosed(Ix),
    RankJudged(Rank),
    CompetitorAtLeast(Ix, u8),
    CompetitorAtMost(Ix, u8),
    CompetitorOut(Ix),
    Partner(Ix),
    Backs(Ix, Option<Ix>),
    Observed(Ix, Aspect),
    Proposed(Ix),
    InsiderAtLeast(u8),
    AllyBrought(Ix),
    ChanceAtLeast(u8),
    ChanceAtMost(u8),
    RankIs(Rank),
    DecisionWithin(u32),
    /// A stakeholder is away this week.
    Away(Ix),
    /// An ally is away this week.
    AllyAway(Ix),
    AllyAttitudeAtLeast(Ix, Attitude),
    AllyAttitudeAtMost(Ix, Attitude),
    Any(Vec<C>),
    All(Vec<C>),
    Not(Box<C>),
    /// Refers to something that does not exist (only in unvalidated cases): never holds.
    Never,
}

/// A compiled effect. 5K levels are already turned into rubric points.
#[derive(Debug, Clone)]
pub enum E {
    Learn(Ix),
    Reveal(Ix),
    Flag(Ix, bool),
    Attitude(Ix, i8),
    Competitor(Ix, i8),
    Eliminate(Ix),
    Score(ScoreKind, i32),
    Diagnose(Ix),
    ChooseInsider(Ix),
    JudgeRank(Rank),
    Pain(u8),
    Power(u8),
    Vision(u8),
    Value(u8),
    Control(u8),
    Funnel(FunnelStage),
    Money(i32),
    News,
    Observe(Ix, Aspect),
    Hear(Ix, Claim),
    Propose(Ix),
    Decide,
    Delay(i8),
    Partner(Ix),
    BringAlly(Ix),
    Letter,
    SetBacks(Ix, Option<Ix>),
    /// Move an ally's willingness by steps.
    AllyAttitude(Ix, i8),
    Nothing,
}

#[derive(Debug, Clone)]
pub struct CBranch {
    pub when: Vec<C>,
    pub chance: Option<u8>,
    pub effects: Vec<E>,
    pub next: Next,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    Stay,
    Scene(Ix),
    End(Ix),
}

#[derive(Debug, Clone)]
pub struct CChoice {
    pub scene: Ix,
    /// Position in the scene's choice list.
    pub pos: usize,
    pub action: Action,
    pub when: Vec<C>,
    pub effects: Vec<E>,
    pub meets: Vec<Ix>,
    /// Allies this choice brings along (named in `meets` or by `BringAlly`): it is offered
    /// only when each is there and willing.
    pub brings: Vec<Ix>,
    pub via: Option<Ix>,
    pub ask: Option<Ask>,
    /// Bit of the authored trap this choice falls into.
    pub trap: Option<u64>,
    /// The mistakes (`Mistake::bit`, authored traps) this choice could make.
    pub makes: u64,
    pub branches: Vec<CBranch>,
    pub next: Next,
    pub cost: Cost,
    pub repeatable: bool,
}

#[derive(Debug, Clone)]
pub struct CEvent {
    pub timing: Timing,
    pub when: Vec<C>,
    pub effects: Vec<E>,
    pub go: Option<Ix>,
}

/// What a variant fixes for the whole game: the truth the trainee has to find out.
#[derive(Debug, Clone)]
pub struct Truth {
    pub influence: Vec<u8>,
    pub role: Vec<BuyingRole>,
    pub shows: Vec<Option<Attitude>>,
    pub start_attitude: Vec<Attitude>,
    pub start_backs: Vec<Option<Ix>>,
    pub real_issue: Vec<bool>,
    pub issue_owner: Vec<Option<Ix>>,
    pub strength: Vec<u8>,
    pub event_week: Vec<Option<u32>>,
    pub decision_week: Option<u32>,
    /// Weeks each stakeholder is away (`from..=to`).
    pub away: Vec<Vec<(u32, u32)>>,
    /// Weeks each ally is away.
    pub ally_away: Vec<Vec<(u32, u32)>>,
    /// Each ally's willingness at the start.
    pub ally_attitude: Vec<Attitude>,
    /// Whether each event happens in this variant.
    pub event_on: Vec<bool>,
}

impl Truth {
    pub fn away(&self, p: Ix, week: u32) -> bool {
        covers(&self.away[p as usize], week)
    }
    pub fn ally_away(&self, a: Ix, week: u32) -> bool {
        covers(&self.ally_away[a as usize], week)
    }
}

fn covers(windows: &[(u32, u32)], week: u32) -> bool {
    windows
        .iter()
        .any(|&(from, to)| (from..=to).contains(&week))
}

fn windows(ws: &[Window]) -> Vec<(u32, u32)> {
    ws.iter().map(|w| (w.from, w.to)).collect()
}

/// The decision model with its endings resolved.
#[derive(Debug, Clone)]
pub struct CDecision {
    pub won: Ix,
    pub lost: Ix,
    pub shared: Option<Ix>,
    /// Ending for losing to each competitor (default: `lost`).
    pub lost_to: Vec<Ix>,
    pub weights: DecisionWeights,
}

/// A case ready to play.
#[derive(Debug, Clone)]
pub struct Compiled {
    pub case: Case,
    pub scenes: Ids,
    pub choices: Ids,
    pub stakeholders: Ids,
    pub facts: Ids,
    pub flags: Ids,
    pub competitors: Ids,
    pub issues: Ids,
    pub endings: Ids,
    pub events: Ids,
    pub variants: Ids,
    pub allies: Ids,
    /// Authored trap names, in the order their bits follow the engine's mistakes.
    pub traps: Ids,
    pub cchoices: Vec<CChoice>,
    /// Choice indices of each scene, in order (one ascending run: a scene's choices are
    /// numbered one after the other).
    pub scene_choices: Vec<Vec<Ix>>,
    /// The choices that cannot be taken again, as a bit set over choice indices: with the
    /// choices taken, what a scene can no longer offer, a word at a time.
    pub once_only: Vec<u64>,
    /// People present in each scene (a meeting's cast; empty for other scenes).
    pub scene_people: Vec<Vec<Ix>>,
    /// Allies present in each scene (named in a meeting's cast).
    pub scene_allies: Vec<Vec<Ix>>,
    pub cevents: Vec<CEvent>,
    /// Conditions of each scene's extra paragraphs.
    pub paragraph_conds: Vec<Vec<Vec<C>>>,
    /// Compiled effects of each variant's `Effects` changes, applied at the start.
    pub variant_effects: Vec<Vec<E>>,
    /// One truth per variant (index 0 when the case has none).
    pub truths: Vec<Truth>,
    pub org: Org,
    /// What of a state can still matter, for the analysis's fingerprints.
    pub relevance: Relevance,
    pub decision: Option<CDecision>,
    pub start: Ix,
    pub timeout: Ix,
    /// No condition reads money and the budget covers every cost there is, so money left can
    /// never change what is on offer: for the analysis it is only a score.
    pub money_never_binds: bool,
    /// At most `MAX_GAIN_RIVALS` competitors, no condition reads their standing and every
    /// one that acts has its activity set: their standing only ever helps us as it falls.
    pub rivals_are_gains: bool,
    /// Whether anything is left to chance after the start (branch or event percentages,
    /// competitors that act).
    pub uses_chance: bool,
    /// 64-bit words needed for each bit set in the state.
    pub words: Words,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct Words {
    pub facts: usize,
    pub flags: usize,
    pub choices: usize,
    pub events: usize,
}

fn words(n: usize) -> usize {
    n.div_ceil(64).max(1)
}

impl Compiled {
    /// Build the index form. Unknown references compile to conditions that never hold and
    /// effects that do nothing; the validator reports them, so a played case is clean.
    pub fn new(case: Case) -> Compiled {
        let scenes = Ids::of(case.scenes.iter().map(|s| s.id.as_str()));
        let choices = Ids::of(
            case.scenes
                .iter()
                .flat_map(|s| s.choices.iter().map(|c| c.id.as_str())),
        );
        let stakeholders = Ids::of(case.stakeholders.iter().map(|s| s.id.as_str()));
        let facts = Ids::of(case.facts.iter().map(|f| f.id.as_str()));
        let competitors = Ids::of(case.competitors.iter().map(|c| c.id.as_str()));
        let issues = Ids::of(case.burning_issues.iter().map(|b| b.id.as_str()));
        let endings = Ids::of(case.endings.iter().map(|e| e.id.as_str()));
        let events = Ids::of(case.events.iter().map(|e| e.id.as_str()));
        let variants = Ids::of(case.variants.iter().map(|v| v.id.as_str()));
        let allies = Ids::of(case.seller.allies.iter().map(|a| a.id.as_str()));
        let traps = Ids::of(
            case.scenes
                .iter()
                .flat_map(|s| &s.choices)
                .filter_map(|c| c.trap.as_deref())
                .take(MAX_TRAPS),
        );
        let mut b = Builder {
            scenes,
            choices,
            stakeholders,
            facts,
            flags: Ids::default(),
            competitors,
            issues,
            endings,
            events,
            variants,
            allies,
        };
        let mut cchoices = Vec::new();
        let mut scene_choices = Vec::new();
        for (si, scene) in case.scenes.iter().enumerate() {
            let mut list = Vec::new();
            for (pos, ch) in scene.choices.iter().enumerate() {
                list.push(cchoices.len() as Ix);
                cchoices.push(CChoice {
                    scene: si as Ix,
                    pos,
                    action: ch.action,
                    when: b.conds(&ch.when),
                    effects: b.effects(&ch.effects),
                    meets: ch
                        .meets
                        .iter()
                        .filter_map(|m| b.stakeholders.get(m))
                        .collect(),
                    brings: brought(&b, ch),
                    via: ch.via.as_deref().and_then(|v| b.stakeholders.get(v)),
                    ask: ch.ask,
                    trap: ch
                        .trap
                        .as_deref()
                        .and_then(|t| traps.get(t))
                        .map(|i| 1u64 << (FIRST_TRAP_BIT + i as u32)),
                    makes: 0,
                    branches: ch
                        .branches
                        .iter()
                        .map(|br| CBranch {
                            when: b.conds(&br.when),
                            chance: br.chance,
                            effects: b.effects(&br.effects),
                            next: b.next(&br.go, &br.end),
                        })
                        .collect(),
                    next: b.next(&ch.go, &ch.end),
                    cost: ch.cost,
                    repeatable: ch.repeatable,
                });
            }
            scene_choices.push(list);
        }
        for ch in &mut cchoices {
            ch.makes = can_make(&case, ch);
        }
        let scene_people: Vec<Vec<Ix>> = case
            .scenes
            .iter()
            .map(|s| match &s.kind {
                SceneKind::Meeting(people) => people
                    .iter()
                    .filter_map(|p| b.stakeholders.get(p))
                    .collect(),
                _ => Vec::new(),
            })
            .collect();
        let scene_allies: Vec<Vec<Ix>> = case
            .scenes
            .iter()
            .map(|s| match &s.kind {
                SceneKind::Meeting(people) => {
                    people.iter().filter_map(|p| b.allies.get(p)).collect()
                }
                _ => Vec::new(),
            })
            .collect();
        let cevents: Vec<CEvent> = case
            .events
            .iter()
            .map(|ev| CEvent {
                timing: ev.when.clone(),
                when: b.conds(&ev.conditions),
                effects: b.effects(&ev.effects),
                go: ev.go.as_deref().and_then(|g| b.scenes.get(g)),
            })
            .collect();
        let paragraph_conds = case
            .scenes
            .iter()
            .map(|s| s.paragraphs.iter().map(|p| b.conds(&p.when)).collect())
            .collect();
        let variant_effects = case
            .variants
            .iter()
            .map(|v| {
                v.changes
                    .iter()
                    .flat_map(|ch| match ch {
                        Change::Effects(effs) => b.effects(effs),
                        _ => Vec::new(),
                    })
                    .collect()
            })
            .collect();
        let truths = if case.variants.is_empty() {
            vec![truth(&case, &b, None)]
        } else {
            case.variants
                .iter()
                .map(|v| truth(&case, &b, Some(v)))
                .collect()
        };
        let decision = case.decision.as_ref().map(|d| CDecision {
            won: b.endings.get(&d.won).unwrap_or(0),
            lost: b.endings.get(&d.lost).unwrap_or(0),
            shared: d.shared.as_deref().and_then(|s| b.endings.get(s)),
            lost_to: (0..b.competitors.len())
                .map(|k| {
                    d.lost_to
                        .iter()
                        .find(|(who, _)| b.competitors.get(who) == Some(k as Ix))
                        .and_then(|(_, e)| b.endings.get(e))
                        .unwrap_or_else(|| b.endings.get(&d.lost).unwrap_or(0))
                })
                .collect(),
            weights: d.weights,
        });
        let uses_chance = case
            .events
            .iter()
            .any(|e| matches!(e.when, Timing::Chance { .. }))
            || case
                .scenes
                .iter()
                .flat_map(|s| &s.choices)
                .flat_map(|c| &c.branches)
                .any(|b| b.chance.is_some())
            || case.competitors.iter().any(|k| !k.moves.is_empty());
        let money_never_binds = money_never_binds(&case);
        let rivals_are_gains = case.competitors.len() <= MAX_GAIN_RIVALS
            && case
                .competitors
                .iter()
                .all(|k| k.moves.is_empty() || k.activity.is_some())
            && !reads_standing(&case);
        let start = b.scenes.get(&case.start).unwrap_or(0);
        let timeout = b.endings.get(&case.calendar.timeout_ending).unwrap_or(0);
        let org = Org::new(&case, &b.stakeholders);
        let relevance = Relevance::new(
            b.scenes.len(),
            b.choices.len(),
            b.facts.len(),
            b.flags.len(),
            b.stakeholders.len(),
            &cchoices,
            &scene_choices,
            &cevents,
        );
        let w = Words {
            facts: words(b.facts.len()),
            flags: words(b.flags.len()),
            choices: words(b.choices.len()),
            events: words(b.events.len()),
        };
        Compiled {
            case,
            scenes: b.scenes,
            choices: b.choices,
            stakeholders: b.stakeholders,
            facts: b.facts,
            flags: b.flags,
            competitors: b.competitors,
            issues: b.issues,
            endings: b.endings,
            events: b.events,
            variants: b.variants,
            allies: b.allies,
            traps,
            once_only: {
                let mut once = vec![0u64; words(cchoices.len())];
                for (ix, ch) in cchoices.iter().enumerate() {
                    if !ch.repeatable {
                        once[ix / 64] |= 1 << (ix % 64);
                    }
                }
                once
            },
            cchoices,
            scene_choices,
            scene_people,
            scene_allies,
            cevents,
            uses_chance,
            money_never_binds,
            rivals_are_gains,
            variant_effects,
            paragraph_conds,
            truths,
            org,
            relevance,
            decision,
            start,
            timeout,
            words: w,
        }
    }

    pub fn choice(&self, ix: Ix) -> &Choice {
        let c = &self.cchoices[ix as usize];
        &self.case.scenes[c.scene as usize].choices[c.pos]
    }
    pub fn scene(&self, ix: Ix) -> &Scene {
        &self.case.scenes[ix as usize]
    }
    pub fn stakeholder(&self, ix: Ix) -> &Stakeholder {
        &self.case.stakeholders[ix as usize]
    }
    pub fn ending(&self, ix: Ix) -> &Ending {
        &self.case.endings[ix as usize]
    }
    pub fn is_meeting(&self, scene: Ix) -> bool {
        matches!(self.scene(scene).kind, SceneKind::Meeting(_))
    }
    /// The truth of variant `v` (the only one when the case has no variants).
    pub fn truth_of(&self, v: Option<Ix>) -> &Truth {
        &self.truths[v
            .map(|v| v as usize)
            .unwrap_or(0)
            .min(self.truths.len() - 1)]
    }
    /// The name of an authored trap or engine mistake by its bit.
    pub fn trap_name(&self, bit: u32) -> String {
        if bit < FIRST_TRAP_BIT {
            Mistake::ALL[bit as usize].key().to_string()
        } else {
            self.traps
                .names
                .get((bit - FIRST_TRAP_BIT) as usize)
                .cloned()
                .unwrap_or_default()
        }
    }
}

/// The mistakes an effect list can make.
fn effects_make(es: &[E]) -> u64 {
    let insider = Mistake::InsiderLikesYou.bit()
        | Mistake::InsiderOldFriend.bit()
        | Mistake::InsiderHighestRank.bit()
        | Mistake::InsiderCompetitorsMan.bit()
        | Mistake::InsiderNoInfluence.bit();
    es.iter()
        .map(|e| match e {
            E::Diagnose(_) => Mistake::WrongIssue.bit(),
            E::ChooseInsider(_) => insider,
            E::JudgeRank(_) => Mistake::WrongRank.bit(),
            E::Decide => Mistake::NoLetter.bit() | Mistake::NeverReachedTop.bit(),
            _ => 0,
        })
        .fold(0, |a, b| a | b)
}

/// Every mistake a choice could make, whatever the state (for the analysis: a line that can
/// no longer reach a choice making a mistake can no longer make it).
fn can_make(case: &Case, ch: &CChoice) -> u64 {
    let mut m = ch.trap.unwrap_or(0) | effects_make(&ch.effects);
    for b in &ch.branches {
        m |= effects_make(&b.effects);
    }
    let meeting = matches!(case.scenes[ch.scene as usize].kind, SceneKind::Meeting(_));
    if !ch.meets.is_empty() {
        m |= Mistake::OverHead.bit()
            | Mistake::TopCold.bit()
            | Mistake::SkippedLevel.bit()
            | Mistake::TopUnprepared.bit();
    }
    if !ch.meets.is_empty() || meeting {
        m |= Mistake::WastedMeeting.bit();
    }
    if ch.cost.money > 0 {
        m |= Mistake::MoneyBeforeQualified.bit() | Mistake::InvestedEarly.bit();
    }
    let ends = std::iter::once(ch.next)
        .chain(ch.branches.iter().map(|b| b.next))
        .any(|n| matches!(n, Next::End(_)));
    if ch.action == Action::Withdraw || ends {
        m |= Mistake::LateExit.bit();
    }
    m |= match ch.ask {
        Some(Ask::Closed) => Mistake::ClosedFirst.bit(),
        Some(Ask::Summary) => Mistake::EmptySummary.bit(),
        Some(Ask::Pitch) => Mistake::PitchFirst.bit(),
        Some(Ask::Implication) | Some(Ask::NeedPayoff) => Mistake::PayoffFirst.bit(),
        _ => 0,
    };
    m
}

/// Mistakes events can make (any of them, while it can still fire).
pub fn event_makes(ev: &CEvent) -> u64 {
    effects_make(&ev.effects)
}

fn reads_money(cs: &[Condition]) -> bool {
    cs.iter().any(|c| match c {
        Condition::MoneyAtLeast(_) => true,
        Condition::Any(v) | Condition::All(v) => reads_money(v),
        Condition::Not(x) => reads_money(std::slice::from_ref(x)),
        _ => false,
    })
}

/// Competitors whose standing can be one of a state's gains.
pub const MAX_GAIN_RIVALS: usize = 8;

fn reads_strength(cs: &[Condition]) -> bool {
    cs.iter().any(|c| match c {
        Condition::CompetitorAtLeast(..) | Condition::CompetitorAtMost(..) => true,
        Condition::Any(v) | Condition::All(v) => reads_strength(v),
        Condition::Not(x) => reads_strength(std::slice::from_ref(x)),
        _ => false,
    })
}

fn reads_standing(case: &Case) -> bool {
    case.scenes
        .iter()
        .flat_map(|s| &s.choices)
        .any(|c| reads_strength(&c.when) || c.branches.iter().any(|b| reads_strength(&b.when)))
        || case.events.iter().any(|e| reads_strength(&e.conditions))
}

fn money_taken(es: &[Effect]) -> u64 {
    es.iter()
        .map(|e| match e {
            Effect::Money(m) if *m < 0 => m.unsigned_abs() as u64,
            _ => 0,
        })
        .sum()
}

/// Whether money can never decide what is on offer: no condition reads it, no repeatable
/// choice costs any, and every cost and charge in the case together fit in the budget.
fn money_never_binds(case: &Case) -> bool {
    let choices = || case.scenes.iter().flat_map(|s| &s.choices);
    let mut total: u64 = 0;
    for c in choices() {
        if reads_money(&c.when) || c.branches.iter().any(|b| reads_money(&b.when)) {
            return false;
        }
        if c.repeatable && c.cost.money > 0 {
            return false;
        }
        total += c.cost.money as u64 + money_taken(&c.effects);
        total += c
            .branches
            .iter()
            .map(|b| money_taken(&b.effects))
            .sum::<u64>();
    }
    for e in &case.events {
        if reads_money(&e.conditions) {
            return false;
        }
        total += money_taken(&e.effects);
    }
    for v in &case.variants {
        for ch in &v.changes {
            if let Change::Effects(es) = ch {
                total += money_taken(es);
            }
        }
    }
    total <= case.calendar.budget as u64
}

/// The truth a variant fixes, from the case's defaults and the variant's changes.
fn truth(case: &Case, b: &Builder, v: Option<&Variant>) -> Truth {
    let p = &case.stakeholders;
    let mut t = Truth {
        influence: p.iter().map(|s| s.influence.min(5)).collect(),
        role: p.iter().map(|s| s.role).collect(),
        shows: p.iter().map(|s| s.shows).collect(),
        start_attitude: p.iter().map(|s| s.attitude).collect(),
        start_backs: p
            .iter()
            .map(|s| s.backs.as_deref().and_then(|k| b.competitors.get(k)))
            .collect(),
        real_issue: case.burning_issues.iter().map(|i| i.real).collect(),
        issue_owner: case
            .burning_issues
            .iter()
            .map(|i| b.stakeholders.get(&i.owner))
            .collect(),
        strength: case
            .competitors
            .iter()
            .map(|k| k.strength.min(10))
            .collect(),
        event_week: case
            .events
            .iter()
            .map(|e| match e.when {
                Timing::Week(n) => Some(n),
                Timing::Chance { .. } => None,
            })
            .collect(),
        decision_week: case.calendar.decision_week,
        away: p.iter().map(|s| windows(&s.away)).collect(),
        ally_away: case
            .seller
            .allies
            .iter()
            .map(|a| windows(&a.away))
            .collect(),
        ally_attitude: case
            .seller
            .allies
            .iter()
            .map(|a| a.attitude.unwrap_or(Attitude::Supporter))
            .collect(),
        event_on: case
            .events
            .iter()
            .map(|e| e.variants.is_empty() || v.is_some_and(|v| e.variants.contains(&v.id)))
            .collect(),
    };
    let Some(v) = v else { return t };
    let person = |id: &str| b.stakeholders.get(id).map(|i| i as usize);
    for change in &v.changes {
        match change {
            Change::Attitude(s, a) => {
                if let Some(i) = person(s) {
                    t.start_attitude[i] = *a;
                } else if let Some(i) = b.allies.get(s) {
                    t.ally_attitude[i as usize] = *a;
                }
            }
            Change::Away(s, ws) => {
                if let Some(i) = person(s) {
                    t.away[i] = windows(ws);
                } else if let Some(i) = b.allies.get(s) {
                    t.ally_away[i as usize] = windows(ws);
                }
            }
            Change::Influence(s, n) => {
                if let Some(i) = person(s) {
                    t.influence[i] = (*n).min(5);
                }
            }
            Change::Backs(s, k) => {
                if let Some(i) = person(s) {
                    t.start_backs[i] = k.as_deref().and_then(|k| b.competitors.get(k));
                }
            }
            Change::Role(s, r) => {
                if let Some(i) = person(s) {
                    t.role[i] = *r;
                }
            }
            Change::Shows(s, a) => {
                if let Some(i) = person(s) {
                    t.shows[i] = *a;
                }
            }
            Change::EventWeek(e, w) => {
                if let Some(i) = b.events.get(e) {
                    t.event_week[i as usize] = Some(*w);
                }
            }
            Change::RealIssue(x, real) => {
                if let Some(i) = b.issues.get(x) {
                    t.real_issue[i as usize] = *real;
                }
            }
            Change::IssueOwner(x, owner) => {
                if let Some(i) = b.issues.get(x) {
                    t.issue_owner[i as usize] = b.stakeholders.get(owner);
                }
            }
            Change::Strength(k, n) => {
                if let Some(i) = b.competitors.get(k) {
                    t.strength[i as usize] = (*n).min(10);
                }
            }
            Change::DecisionWeek(w) => t.decision_week = Some(*w),
            Change::Effects(_) => {}
        }
    }
    t
}

/// The allies a choice brings along: named in `meets` or by a `BringAlly` effect.
fn brought(b: &Builder, ch: &Choice) -> Vec<Ix> {
    let mut out: Vec<Ix> = ch.meets.iter().filter_map(|m| b.allies.get(m)).collect();
    for e in &ch.effects {
        if let Effect::BringAlly(a) = e
            && let Some(i) = b.allies.get(a)
            && !out.contains(&i)
        {
            out.push(i);
        }
    }
    out
}

struct Builder {
    scenes: Ids,
    choices: Ids,
    stakeholders: Ids,
    facts: Ids,
    flags: Ids,
    competitors: Ids,
    issues: Ids,
    endings: Ids,
    events: Ids,
    variants: Ids,
    allies: Ids,
}

impl Builder {
    fn next(&self, go: &Option<String>, end: &Option<String>) -> Next {
        if let Some(e) = end {
            return self.endings.get(e).map(Next::End).unwrap_or(Next::Stay);
        }
        if let Some(g) = go {
            return self.scenes.get(g).map(Next::Scene).unwrap_or(Next::Stay);
        }
        Next::Stay
    }

    fn conds(&mut self, cs: &[Condition]) -> Vec<C> {
        cs.iter().map(|c| self.cond(c)).collect()
    }

    fn cond(&mut self, c: &Condition) -> C {
        use Condition as K;
        let p = |ids: &Ids, s: &str, f: &dyn Fn(Ix) -> C| ids.get(s).map(f).unwrap_or(C::Never);
        match c {
            K::Knows(f) => p(&self.facts, f, &|i| C::Knows(i, true)),
            K::NotKnows(f) => p(&self.facts, f, &|i| C::Knows(i, false)),
            K::Flag(f) => C::Flag(self.flags.intern(f), true),
            K::NotFlag(f) => C::Flag(self.flags.intern(f), false),
            K::Met(s) => p(&self.stakeholders, s, &|i| C::Met(i, true)),
            K::NotMet(s) => p(&self.stakeholders, s, &|i| C::Met(i, false)),
            K::Known(s) => p(&self.stakeholders, s, &C::Known),
            K::AttitudeAtLeast(s, a) => match self.allies.get(s) {
                Some(i) if self.stakeholders.get(s).is_none() => C::AllyAttitudeAtLeast(i, *a),
                _ => p(&self.stakeholders, s, &|i| C::AttitudeAtLeast(i, *a)),
            },
            K::AttitudeAtMost(s, a) => match self.allies.get(s) {
                Some(i) if self.stakeholders.get(s).is_none() => C::AllyAttitudeAtMost(i, *a),
                _ => p(&self.stakeholders, s, &|i| C::AttitudeAtMost(i, *a)),
            },
            K::Away(s) => match self.allies.get(s) {
                Some(i) if self.stakeholders.get(s).is_none() => C::AllyAway(i),
                _ => p(&self.stakeholders, s, &C::Away),
            },
            K::WeekAtMost(w) => C::WeekAtMost(*w),
            K::WeekAtLeast(w) => C::WeekAtLeast(*w),
            K::MoneyAtLeast(m) => C::MoneyAtLeast(*m),
            K::Chose(ch) => p(&self.choices, ch, &|i| C::Chose(i, true)),
            K::NotChose(ch) => p(&self.choices, ch, &|i| C::Chose(i, false)),
            K::Variant(v) => p(&self.variants, v, &C::Variant),
            K::Insider(s) => p(&self.stakeholders, s, &C::Insider),
            K::NoInsider => C::HasInsider(false),
            K::HasInsider => C::HasInsider(true),
            K::Diagnosed(b) => p(&self.issues, b, &C::Diagnosed),
            K::RankJudged(r) => C::RankJudged(*r),
            K::CompetitorAtLeast(c, n) => p(&self.competitors, c, &|i| C::CompetitorAtLeast(i, *n)),
            K::CompetitorAtMost(c, n) => p(&self.competitors, c, &|i| C::CompetitorAtMost(i, *n)),
            K::CompetitorOut(c) => p(&self.competitors, c, &C::CompetitorOut),
            K::Partner(c) => p(&self.competitors, c, &C::Partner),
            K::Backs(s, k) => match (self.stakeholders.get(s), k) {
                (Some(i), None) => C::Backs(i, None),
                (Some(i), Some(k)) => match self.competitors.get(k) {
                    Some(k) => C::Backs(i, Some(k)),
                    None => C::Never,
                },
                (None, _) => C::Never,
            },
            K::Observed(s, a) => p(&self.stakeholders, s, &|i| C::Observed(i, *a)),
            K::Proposed(b) => p(&self.issues, b, &C::Proposed),
            K::InsiderAtLeast(n) => C::InsiderAtLeast(*n),
            K::AllyBrought(a) => p(&self.allies, a, &C::AllyBrought),
            K::ChanceAtLeast(n) => C::ChanceAtLeast(*n),
            K::ChanceAtMost(n) => C::ChanceAtMost(*n),
            K::RankIs(r) => C::RankIs(*r),
            K::DecisionWithin(w) => C::DecisionWithin(*w),
            K::Any(v) => C::Any(self.conds(v)),
            K::All(v) => C::All(self.conds(v)),
            K::Not(b) => C::Not(Box::new(self.cond(b))),
        }
    }

    fn effects(&mut self, es: &[Effect]) -> Vec<E> {
        es.iter().map(|e| self.effect(e)).collect()
    }

    fn effect(&mut self, e: &Effect) -> E {
        let p = |ids: &Ids, s: &str, f: &dyn Fn(Ix) -> E| ids.get(s).map(f).unwrap_or(E::Nothing);
        match e {
            Effect::Learn(f) => p(&self.facts, f, &E::Learn),
            Effect::Reveal(s) => p(&self.stakeholders, s, &E::Reveal),
            Effect::Set(f) => E::Flag(self.flags.intern(f), true),
            Effect::Clear(f) => E::Flag(self.flags.intern(f), false),
            Effect::Attitude(s, d) => match self.allies.get(s) {
                Some(i) if self.stakeholders.get(s).is_none() => E::AllyAttitude(i, *d),
                _ => p(&self.stakeholders, s, &|i| E::Attitude(i, *d)),
            },
            Effect::Competitor(c, d) => p(&self.competitors, c, &|i| E::Competitor(i, *d)),
            Effect::Eliminate(c) => p(&self.competitors, c, &E::Eliminate),
            Effect::Score(k, n) => E::Score(*k, *n),
            Effect::Diagnose(b) => p(&self.issues, b, &E::Diagnose),
            Effect::ChooseInsider(s) => p(&self.stakeholders, s, &E::ChooseInsider),
            Effect::JudgeRank(r) => E::JudgeRank(*r),
            Effect::Pain(l, w) => E::Pain(pain_points(*l, *w)),
            Effect::Power(l) => E::Power(power_points(*l)),
            Effect::Vision(l, w) => E::Vision(vision_points(*l, *w)),
            Effect::Value(l, w) => E::Value(value_points(*l, *w)),
            Effect::Control(l) => E::Control(control_points(*l)),
            Effect::Funnel(f) => E::Funnel(*f),
            Effect::Money(m) => E::Money(*m),
            Effect::News(_) => E::News,
            Effect::Observe(s, a) => p(&self.stakeholders, s, &|i| E::Observe(i, *a)),
            Effect::Hear(s, claim) => p(&self.stakeholders, s, &|i| E::Hear(i, *claim)),
            Effect::Propose(b) => p(&self.issues, b, &E::Propose),
            Effect::Decide => E::Decide,
            Effect::Delay(w) => E::Delay(*w),
            Effect::Partner(c) => p(&self.competitors, c, &E::Partner),
            Effect::BringAlly(a) => p(&self.allies, a, &E::BringAlly),
            Effect::Letter => E::Letter,
            Effect::SetBacks(s, k) => match (self.stakeholders.get(s), k) {
                (Some(i), None) => E::SetBacks(i, None),
                (Some(i), Some(k)) => match self.competitors.get(k) {
                    Some(k) => E::SetBacks(i, Some(k)),
                    None => E::Nothing,
                },
                (None, _) => E::Nothing,
            },
        }
    }
}
