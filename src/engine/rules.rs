//! Conditions and effects: the rules of the game, applied to a `State`.

use super::commit;
use super::compile::{C, Compiled, E, Ix};
use super::decision;
use super::notes;
use super::sequencing::mistake;
use super::state::{PersonState, RivalStatus, State};
use super::trace::Trace;
use crate::case::model::{Aspect, Attitude, Claim, Effect, Mistake, ScoreKind};

/// Whether a condition holds. The conditions every case is full of — on facts, flags and
/// choices taken — are tested where they are asked (the analysis asks this for every choice
/// of every state it visits); the rest in `holds_any`.
#[inline]
pub fn holds(c: &Compiled, s: &State, cond: &C) -> bool {
    match cond {
        C::Chose(ch, want) => s.chosen.get(*ch) == *want,
        C::Knows(f, want) => s.facts.get(*f) == *want,
        C::Flag(f, want) => s.flags.get(*f) == *want,
        _ => holds_any(c, s, cond),
    }
}

#[inline(never)]
fn holds_any(c: &Compiled, s: &State, cond: &C) -> bool {
    match cond {
        // `holds` answers these itself, inline (the analysis tests them most).
        C::Chose(..) | C::Knows(..) | C::Flag(..) => holds(c, s, cond),
        C::Met(p, want) => s.met(*p) == *want,
        C::Known(p) => s.known(*p),
        C::AttitudeAtLeast(p, a) => s.attitude(*p) >= *a,
        C::AttitudeAtMost(p, a) => s.attitude(*p) <= *a,
        C::WeekAtMost(w) => s.week <= *w,
        C::WeekAtLeast(w) => s.week >= *w,
        C::MoneyAtLeast(m) => s.money_left(c) >= *m as i64,
        C::Variant(v) => s.variant == Some(*v),
        C::Insider(p) => s.insider == Some(*p),
        C::HasInsider(want) => s.insider.is_some() == *want,
        C::Diagnosed(b) => s.diagnosed.is_some_and(|(d, _)| d == *b),
        C::RankJudged(r) => s.rank.is_some_and(|(j, _)| j == *r),
        C::CompetitorAtLeast(k, n) => s.rivals[*k as usize].strength >= *n,
        C::CompetitorAtMost(k, n) => s.rivals[*k as usize].strength <= *n,
        C::CompetitorOut(k) => s.rivals[*k as usize].status == RivalStatus::Out,
        C::Partner(k) => s.rivals[*k as usize].status == RivalStatus::Partner,
        C::Backs(p, k) => s.people[*p as usize].backs() == *k,
        C::Observed(p, a) => s.people[*p as usize].seen & a.bit() != 0,
        C::Proposed(b) => s.proposal == Some(*b),
        C::InsiderAtLeast(n) => commit::insider_quality(c, s) * 100.0 + 1e-9 >= *n as f64,
        C::AllyBrought(a) => *a < 32 && s.allies & (1 << a) != 0,
        C::ChanceAtLeast(n) => decision::chance_us(c, s) * 100.0 >= *n as f64,
        C::ChanceAtMost(n) => decision::chance_us(c, s) * 100.0 <= *n as f64,
        C::RankIs(r) => decision::rank(c, s) == *r,
        C::DecisionWithin(w) => s
            .decision_week
            .is_some_and(|d| d.saturating_sub(s.week) <= *w),
        C::Away(p) => c.truth_of(s.variant).away(*p, s.week),
        C::AllyAway(a) => c.truth_of(s.variant).ally_away(*a, s.week),
        C::AllyAttitudeAtLeast(a, at) => s.ally_attitude(*a) >= *at,
        C::AllyAttitudeAtMost(a, at) => s.ally_attitude(*a) <= *at,
        C::Any(v) => v.iter().any(|x| holds(c, s, x)),
        C::All(v) => v.iter().all(|x| holds(c, s, x)),
        C::Not(x) => !holds(c, s, x),
        C::Never => false,
    }
}

#[inline]
pub fn all_hold(c: &Compiled, s: &State, conds: &[C]) -> bool {
    conds.iter().all(|x| holds(c, s, x))
}

/// Move a person's real attitude, recording the change.
pub fn set_attitude(s: &mut State, p: Ix, to: Attitude, t: &mut Trace) {
    let from = s.attitude(p);
    if from != to {
        s.people[p as usize].attitude = to;
        t.attitude(p, from, to);
    }
}

pub fn shift_attitude(s: &mut State, p: Ix, by: i32, t: &mut Trace) {
    let to = Attitude::from_index(s.attitude(p).index() as i32 + by);
    set_attitude(s, p, to, t);
}

/// The trainee sees the truth of one aspect of a person, as it is now.
pub fn observe(c: &Compiled, s: &mut State, p: Ix, a: Aspect, t: &mut Trace) {
    let truth = c.truth_of(s.variant);
    let week = s.week.min(255) as u8;
    let person = &mut s.people[p as usize];
    person.seen |= a.bit();
    match a {
        Aspect::Role => person.role = truth.role[p as usize].index() as u8 + 1,
        Aspect::Influence => person.influence = truth.influence[p as usize] + 1,
        Aspect::Attitude => {
            person.mood = person.attitude.index() as u8 + 1;
            person.mood_week = week;
        }
        Aspect::Backs => person.backs_seen = person.backs + 1,
        Aspect::Needs | Aspect::Change | Aspect::Concerns => {}
    }
    // Seeing it counts as learning, even a second time: a meeting is wasted when nothing is
    // learned at all. (Novelty would make every seen bit part of what decides the future.)
    t.observed(p, a);
}

/// The face a person shows when met: his true attitude, unless the case gives him a mask.
/// Seeing a face is not learning anything (a meeting is judged by what it taught).
pub fn see_mood(c: &Compiled, s: &mut State, p: Ix) {
    let truth = c.truth_of(s.variant);
    let week = s.week.min(255) as u8;
    let person = &mut s.people[p as usize];
    let shown = truth.shows[p as usize].unwrap_or(person.attitude);
    person.mood = shown.index() as u8 + 1;
    person.mood_week = week;
}

pub fn make_known(s: &mut State, p: Ix, t: &mut Trace) {
    let person = &mut s.people[p as usize];
    if !person.known() {
        person.flags |= PersonState::KNOWN;
        t.revealed(p);
    }
}

/// Apply one effect. `orig` is the effect as written (for texts such as news).
pub fn apply_effect(c: &Compiled, s: &mut State, e: &E, orig: Option<&Effect>, t: &mut Trace) {
    match *e {
        E::Learn(f) => {
            if !s.facts.get(f) {
                s.facts.set(f, true);
                t.learned(f);
            } else {
                // Heard again: still something said, for the wasted-meeting rule.
                t.informative = true;
            }
        }
        E::Reveal(p) => make_known(s, p, t),
        E::Flag(f, on) => s.flags.set(f, on),
        E::Attitude(p, d) => shift_attitude(s, p, d as i32, t),
        E::Competitor(k, d) => {
            let v = &mut s.rivals[k as usize].strength;
            let new = (*v as i32 + d as i32).clamp(0, 10) as u8;
            if new != *v {
                let change = new as i8 - *v as i8;
                *v = new;
                t.rival(k, change);
            }
        }
        E::Eliminate(k) => {
            if s.rivals[k as usize].status == RivalStatus::InRace {
                s.rivals[k as usize].status = RivalStatus::Out;
                t.rival(k, 0);
            }
        }
        E::Partner(k) => {
            if s.rivals[k as usize].status == RivalStatus::InRace {
                s.rivals[k as usize].status = RivalStatus::Partner;
                t.rival(k, 0);
            }
        }
        E::Score(kind, n) => {
            s.points[kind as usize] = s.points[kind as usize].saturating_add(n);
            if !t.quiet {
                let note = t.note.clone();
                t.delta(kind, n, || note);
            }
        }
        E::Diagnose(b) => {
            let truth = c.truth_of(s.variant);
            let real = truth.real_issue[b as usize];
            s.diagnosed = Some((b, s.week));
            let points = commit::issue_points(c, s);
            let issue = &c.case.burning_issues[b as usize];
            let owner = truth.issue_owner[b as usize].map(|o| c.stakeholder(o));
            let late = s
                .week
                .saturating_sub(c.case.scoring.burning_issue.on_time_week);
            let note = || notes::diagnosis(issue, owner, real, late.min(i32::MAX as u32) as i32);
            if real {
                t.delta(ScoreKind::BurningIssue, points, note);
            } else {
                mistake(s, Mistake::WrongIssue.bit(), points, note, t);
            }
        }
        E::ChooseInsider(p) => commit::choose_insider(c, s, p, t),
        E::JudgeRank(r) => {
            let truth = decision::rank(c, s);
            let right = truth == r;
            s.rank = Some((r, right));
            let note = || notes::rank(r, truth);
            if right {
                t.delta(ScoreKind::Rank, 100, note);
            } else {
                mistake(s, Mistake::WrongRank.bit(), 0, note, t);
            }
        }
        E::Pain(n) => raise(s, 0, n, t),
        E::Power(n) => raise(s, 1, n, t),
        E::Vision(n) => raise(s, 2, n, t),
        E::Value(n) => raise(s, 3, n, t),
        E::Control(n) => raise(s, 4, n, t),
        E::Funnel(f) => {
            // Progress said out loud counts as something happening, risen or not: what a
            // meeting taught must not depend on how far the meters already were.
            t.informative = true;
            if f > s.funnel {
                s.funnel = f;
            }
        }
        E::Money(m) => s.money_adjust = s.money_adjust.saturating_add(m),
        E::News => {
            if let Some(Effect::News(text)) = orig {
                t.news(|| text.clone());
            }
        }
        E::Observe(p, a) => observe(c, s, p, a, t),
        E::Hear(p, claim) => {
            let week = s.week.min(255) as u8;
            let person = &mut s.people[p as usize];
            match claim {
                Claim::Role(r) => person.role = r.index() as u8 + 1,
                Claim::Influence(n) => person.influence = n.min(5) + 1,
                Claim::Attitude(a) => {
                    person.mood = a.index() as u8 + 1;
                    person.mood_week = week;
                }
            }
            t.informative = true;
        }
        E::Propose(b) => {
            if s.proposal != Some(b) {
                s.proposal = Some(b);
                t.informative = true;
            }
        }
        E::Decide => decision::decide(c, s, t),
        E::Delay(w) => {
            if let Some(d) = s.decision_week {
                let min = s.week.saturating_add(1);
                s.decision_week = Some(((d as i64 + w as i64).max(min as i64)) as u32);
            }
        }
        E::BringAlly(a) => {
            if a < 32 {
                s.allies |= 1 << a;
            }
        }
        E::AllyAttitude(a, d) => {
            let to = Attitude::from_index(s.ally_attitude(a).index() as i32 + d as i32);
            if to != s.ally_attitude(a) {
                s.set_ally_attitude(a, to);
                t.informative = true;
            }
        }
        E::Letter => s.letter_owed = false,
        E::SetBacks(p, k) => {
            let v = k.map(|k| k as u8 + 1).unwrap_or(0);
            if s.people[p as usize].backs != v {
                s.people[p as usize].backs = v;
                t.informative = true;
            }
        }
        E::Nothing => {}
    }
}

/// Raise a 5K meter (they only rise: evidence once gathered stays).
pub fn raise(s: &mut State, meter: u8, n: u8, t: &mut Trace) {
    let m = match meter {
        0 => &mut s.intensity.pain,
        1 => &mut s.intensity.power,
        2 => &mut s.intensity.vision,
        3 => &mut s.intensity.value,
        _ => &mut s.intensity.control,
    };
    if n > *m {
        let from = *m;
        *m = n;
        t.meter(meter, from, n);
    } else {
        // Evidence given again is still evidence given (see `E::Funnel`).
        t.informative = true;
    }
}
