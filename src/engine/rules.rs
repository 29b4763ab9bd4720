//! Conditions and effects: the rules of the game, applied to a `State`.

use super::compiled::{C, Compiled, E, Ix};
use super::game::{Delta, Trace};
use super::notes;
use super::state::State;
use crate::case::model::{Attitude, BuyingRole, Effect, ScoreKind};

pub fn holds(c: &Compiled, s: &State, cond: &C) -> bool {
    match cond {
        C::Knows(f, want) => s.facts.get(*f) == *want,
        C::Flag(f, want) => s.flags.get(*f) == *want,
        C::Met(p, want) => s.met.get(*p) == *want,
        C::Known(p) => s.known.get(*p),
        C::AttitudeAtLeast(p, a) => s.attitude(*p) >= *a,
        C::AttitudeAtMost(p, a) => s.attitude(*p) <= *a,
        C::WeekAtMost(w) => s.week <= *w,
        C::WeekAtLeast(w) => s.week >= *w,
        C::MoneyAtLeast(m) => s.money_left(c) >= *m as i64,
        C::Chose(ch, want) => s.chosen.get(*ch) == *want,
        C::Variant(v) => s.variant == Some(*v),
        C::Insider(p) => s.insider == Some(*p),
        C::HasInsider(want) => s.insider.is_some() == *want,
        C::Diagnosed(b) => s.diagnosed == Some(*b),
        C::RankJudged(r) => s.rank == Some(*r),
        C::CompetitorAtLeast(k, n) => s.competitors[*k as usize] >= *n,
        C::CompetitorAtMost(k, n) => s.competitors[*k as usize] <= *n,
        C::CompetitorOut(k) => s.eliminated.get(*k),
        C::Any(v) => v.iter().any(|x| holds(c, s, x)),
        C::All(v) => v.iter().all(|x| holds(c, s, x)),
        C::Not(x) => !holds(c, s, x),
        C::Never => false,
    }
}

pub fn all_hold(c: &Compiled, s: &State, conds: &[C]) -> bool {
    conds.iter().all(|x| holds(c, s, x))
}

/// Apply one effect. `orig` is the effect as written (for texts such as news).
pub fn apply_effect(c: &Compiled, s: &mut State, e: &E, orig: &Effect, t: &mut Trace) {
    match *e {
        E::Learn(f) => {
            if !s.facts.get(f) {
                s.facts.set(f, true);
                t.changed = true;
                t.learned.push(f);
            }
        }
        E::Reveal(p) => {
            if !s.known.get(p) {
                s.known.set(p, true);
                t.changed = true;
                t.revealed.push(p);
            }
        }
        E::Flag(f, on) => s.flags.set(f, on),
        E::Attitude(p, d) => {
            let old = s.attitude(p);
            let new = Attitude::from_index(old.index() as i32 + d as i32);
            if new != old {
                s.attitudes[p as usize] = new;
                t.changed = true;
                t.attitudes.push((p, old, new));
            }
        }
        E::Competitor(k, d) => {
            let v = &mut s.competitors[k as usize];
            let new = (*v as i32 + d as i32).clamp(0, 10) as u8;
            if new != *v {
                *v = new;
                t.changed = true;
            }
        }
        E::Eliminate(k) => {
            if !s.eliminated.get(k) {
                s.eliminated.set(k, true);
                t.changed = true;
            }
        }
        E::Score(kind, n) => {
            s.points[kind as usize] = s.points[kind as usize].saturating_add(n);
            t.changed = true;
            t.deltas.push(Delta {
                kind,
                points: n,
                note: t.note.clone(),
            });
        }
        E::Diagnose(b) => {
            let sc = &c.case.scoring.burning_issue;
            let issue = &c.case.burning_issues[b as usize];
            let real = s.real_issue[b as usize];
            let late = s.week.saturating_sub(sc.on_time_week) as i64;
            let points = if real {
                (sc.correct as i64 - late * sc.late_per_week as i64)
                    .clamp(i32::MIN as i64, i32::MAX as i64) as i32
            } else {
                sc.wrong
            };
            s.points[ScoreKind::BurningIssue as usize] =
                s.points[ScoreKind::BurningIssue as usize].saturating_add(points);
            s.diagnosed = Some(b);
            t.changed = true;
            let owner = c.stakeholders.get(&issue.owner).map(|o| c.stakeholder(o));
            t.deltas.push(Delta {
                kind: ScoreKind::BurningIssue,
                points,
                note: notes::diagnosis(issue, owner, real, late.min(i32::MAX as i64) as i32),
            });
        }
        E::ChooseInsider(p) => {
            let person = c.stakeholder(p);
            let influence = s.influence[p as usize];
            let attitude = s.attitude(p);
            let backs = s.backs[p as usize].map(|k| &c.case.competitors[k as usize]);
            let quality = if backs.is_some() {
                0
            } else {
                (100.0 * influence as f64 / 5.0 * attitude.willingness()).round() as i32
            };
            let points = quality - s.insider_points;
            s.points[ScoreKind::Insider as usize] =
                s.points[ScoreKind::Insider as usize].saturating_add(points);
            s.insider = Some(p);
            s.insider_points = quality;
            t.changed = true;
            t.deltas.push(Delta {
                kind: ScoreKind::Insider,
                points,
                note: notes::insider(person, influence, attitude, backs, quality),
            });
        }
        E::JudgeRank(r) => {
            s.rank = Some(r);
            t.changed = true;
        }
        E::Pain(n) => raise(&mut s.intensity.pain, n, t),
        E::Power(n) => raise(&mut s.intensity.power, n, t),
        E::Vision(n) => raise(&mut s.intensity.vision, n, t),
        E::Value(n) => raise(&mut s.intensity.value, n, t),
        E::Control(n) => raise(&mut s.intensity.control, n, t),
        E::Funnel(f) => {
            if f > s.funnel {
                s.funnel = f;
                t.changed = true;
            }
        }
        E::Money(m) => {
            s.money_adjust = s.money_adjust.saturating_add(m);
            t.changed = true;
        }
        E::News => {
            if let Effect::News(text) = orig {
                t.news.push(text.clone());
            }
        }
        E::Nothing => {}
    }
}

fn raise(meter: &mut u8, n: u8, t: &mut Trace) {
    if n > *meter {
        *meter = n;
        t.changed = true;
    }
}

/// Sequencing: meeting a decision maker with nobody inside on our side — a known supporter
/// with some influence who does not back a competitor (checked before the
/// meeting's own effects, which may win the decision maker over).
pub fn check_meetings(c: &Compiled, s: &mut State, meets: &[Ix], t: &mut Trace) {
    for &m in meets {
        let person = c.stakeholder(m);
        if person.role == BuyingRole::DecisionMaker && !s.met.get(m) {
            let supported = (0..c.stakeholders.len() as Ix).any(|o| {
                o != m
                    && s.known.get(o)
                    && s.attitude(o) >= Attitude::Supporter
                    && s.influence[o as usize] >= 2
                    && s.backs[o as usize].is_none()
            });
            if !supported {
                let points = c.case.scoring.sequencing.top_without_support;
                s.points[ScoreKind::Sequencing as usize] =
                    s.points[ScoreKind::Sequencing as usize].saturating_add(points);
                t.deltas.push(Delta {
                    kind: ScoreKind::Sequencing,
                    points,
                    note: notes::top_without_support(person),
                });
            }
        }
        s.met.set(m, true);
        if !s.known.get(m) {
            // Meeting someone you did not know of teaches you who they are.
            s.known.set(m, true);
            t.revealed.push(m);
            t.changed = true;
        }
    }
}
