//! Competitors act: each week, each competitor still in the race may make one move from the
//! repertoire the author gave it, drawn from the seeded RNG. The trainee sees traces as news;
//! with a good insider he also learns whom the move reached.

use rand::RngExt;

use super::commit::insider_quality;
use super::compile::{Compiled, Ix};
use super::notes;
use super::rng::{Purpose, stream};
use super::rules::{observe, shift_attitude};
use super::state::{RivalStatus, State};
use super::trace::Trace;
use crate::case::model::{Aspect, Attitude, BuyingRole, CompetitorMove};

/// How much a person's voice counts in the decision (the decision model's weight).
pub fn weight(c: &Compiled, s: &State, p: Ix) -> u32 {
    let truth = c.truth_of(s.variant);
    let role = truth.role[p as usize];
    if role == BuyingRole::Sidelined {
        return 0;
    }
    let dm = c
        .decision
        .as_ref()
        .map(|d| d.weights.decision_maker)
        .unwrap_or(3)
        .max(1) as u32;
    truth.influence[p as usize] as u32 * if role.decides() { dm } else { 1 }
}

/// The person with the most weight among those `ok` accepts (ties: first in the case).
fn heaviest(c: &Compiled, s: &State, ok: impl Fn(Ix) -> bool) -> Option<Ix> {
    let mut best: Option<(u32, Ix)> = None;
    for p in 0..s.people.len() as Ix {
        let w = weight(c, s, p);
        if w > 0 && ok(p) && best.is_none_or(|(bw, _)| w > bw) {
            best = Some((w, p));
        }
    }
    best.map(|(_, p)| p)
}

/// The weeks a step entered: on the first move the starting week too.
pub fn weeks_entered(s: &State, week_before: u32) -> std::ops::RangeInclusive<u32> {
    let first = if s.began {
        week_before.saturating_add(1)
    } else {
        week_before
    };
    first..=s.week
}

pub fn act(c: &Compiled, s: &mut State, week_before: u32, t: &mut Trace) {
    for w in weeks_entered(s, week_before) {
        for (k, rival) in c.case.competitors.iter().enumerate() {
            let k = k as Ix;
            if rival.moves.is_empty()
                || s.rivals[k as usize].status != RivalStatus::InRace
                || w < rival.from_week.unwrap_or(1)
            {
                continue;
            }
            let strength = s.rivals[k as usize].strength as u32;
            let activity = rival
                .activity
                .map(|a| a as u32)
                .unwrap_or(10 + 6 * strength)
                .min(100);
            let mut r = stream(s.seed, w, Purpose::Rival(k as u32));
            if r.random_range(0..100u32) >= activity {
                continue;
            }
            let mv = &rival.moves[r.random_range(0..rival.moves.len())];
            play(c, s, k, mv, t);
        }
    }
}

fn target(c: &Compiled, named: &Option<String>) -> Option<Ix> {
    named.as_deref().and_then(|n| c.stakeholders.get(n))
}

/// Whether the trainee has someone inside who tells him what the competitors do.
fn informed(c: &Compiled, s: &State) -> bool {
    insider_quality(c, s) >= 0.5
}

fn strengthen(c: &Compiled, s: &mut State, k: Ix, t: &mut Trace) {
    let v = &mut s.rivals[k as usize].strength;
    if *v < 10 {
        *v += 1;
        t.rival(k, 1);
    }
    t.news(|| notes::rival_invests(c, k));
}

fn play(c: &Compiled, s: &mut State, k: Ix, mv: &CompetitorMove, t: &mut Trace) {
    let informed = informed(c, s);
    match mv {
        CompetitorMove::Court(named) => {
            let backs_k = |s: &State, p: Ix| s.people[p as usize].backs() == Some(k);
            let who = target(c, named)
                .filter(|&p| s.attitude(p) < Attitude::Mentor)
                .or_else(|| {
                    heaviest(c, s, |p| {
                        s.people[p as usize].backs().is_none() && s.attitude(p) <= Attitude::Neutral
                    })
                });
            match who {
                Some(p) if backs_k(s, p) => {
                    // Already theirs: the courting deepens against us.
                    shift_attitude(s, p, -1, t);
                    t.news(|| notes::rival_courts(c, k, informed.then_some(p)));
                }
                Some(p) => {
                    s.people[p as usize].backs = k as u8 + 1;
                    t.news(|| notes::rival_courts(c, k, informed.then_some(p)));
                }
                None => strengthen(c, s, k, t),
            }
            if informed && let Some(p) = who {
                observe(c, s, p, Aspect::Backs, t);
            }
        }
        CompetitorMove::CutPrice => {
            let v = &mut s.rivals[k as usize].strength;
            if *v < 10 {
                *v += 1;
                t.rival(k, 1);
            }
            t.news(|| notes::rival_cuts_price(c, k));
        }
        CompetitorMove::BringExpert => {
            let truth = c.truth_of(s.variant);
            let technical = |p: Ix| {
                matches!(
                    truth.role[p as usize],
                    BuyingRole::TechnicalEvaluator | BuyingRole::OutsideExpert
                )
            };
            let who = heaviest(c, s, |p| {
                technical(p)
                    && s.attitude(p) > Attitude::Opponent
                    && s.attitude(p) < Attitude::Mentor
            });
            match who {
                None => strengthen(c, s, k, t),
                Some(_) if s.allies != 0 => t.news(|| notes::rival_expert_blunted(c, k)),
                Some(p) => {
                    shift_attitude(s, p, -1, t);
                    t.news(|| notes::rival_expert(c, k, informed.then_some(p)));
                }
            }
        }
        CompetitorMove::PushDate => match s.decision_week {
            Some(d) if d > s.week.saturating_add(1) => {
                s.decision_week = Some(d - 1);
                t.news(|| notes::rival_pushes_date(c, k, d - 1));
            }
            _ => strengthen(c, s, k, t),
        },
        CompetitorMove::SpreadDoubt(named) => {
            let who = target(c, named)
                .filter(|&p| s.attitude(p) < Attitude::Mentor)
                .or_else(|| heaviest(c, s, |p| s.attitude(p) == Attitude::Supporter));
            match who {
                Some(p) => {
                    shift_attitude(s, p, -1, t);
                    t.news(|| notes::rival_doubt(c, k, informed.then_some(p)));
                }
                None => strengthen(c, s, k, t),
            }
        }
    }
}
