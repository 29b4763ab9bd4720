//! The vertical strategy as a mechanic: questions are typed, their order is judged, and what
//! a question brings out depends on its type and on the person asked.
//!
//! - Open questions get a person talking about what matters to him (his needs and concerns),
//!   unless he is against us.
//! - Situation questions show how the project is organised: his buying role.
//! - A closed question after the ground is opened gets a real commitment: his true attitude.
//!   Asked first, it gets only a yes or a no.
//! - A summary of what was opened and confirmed moves him one step toward us (agreement grows
//!   step by step) and shows how he takes change. A summary of nothing is a mistake.
//! - Problem → implication → need-payoff (SPIN) draws out pain and vision on the 5K meters,
//!   as far as the person really owns a burning issue; the real one goes furthest.
//! - Presenting before asking anything is premature.

use super::compile::{CChoice, Compiled, Ix};
use super::intensity::{pain_points, vision_points};
use super::rules::{observe, raise, shift_attitude};
use super::sequencing::rule;
use super::state::State;
use super::trace::Trace;
use crate::case::model::{Ask, Aspect, Attitude, Level, Mistake, PainLevel, VisionLevel};

/// The people a question in this move is put to: in a meeting its cast, elsewhere those the
/// move meets.
fn targets(c: &Compiled, ch: &CChoice) -> Vec<Ix> {
    let cast = &c.scene_people[ch.scene as usize];
    if cast.is_empty() {
        ch.meets.clone()
    } else {
        cast.clone()
    }
}

fn level(c: &Compiled, s: &State, p: Ix) -> Level {
    if c.truth_of(s.variant).role[p as usize].decides() {
        Level::DecisionMaker
    } else {
        Level::Handler
    }
}

/// The burning issues this person owns: (issue, real?).
fn owns<'a>(c: &'a Compiled, s: &State, p: Ix) -> impl Iterator<Item = bool> + 'a {
    let truth = c.truth_of(s.variant);
    truth
        .issue_owner
        .iter()
        .zip(&truth.real_issue)
        .filter(move |(o, _)| **o == Some(p))
        .map(|(_, &real)| real)
}

pub fn ask(c: &Compiled, s: &mut State, ch: &CChoice, kind: Ask, t: &mut Trace) {
    let asked = |a: Ask| s.asked & a.bit() != 0;
    let opened = asked(Ask::Open) || asked(Ask::Situation) || asked(Ask::Problem);
    let confirmed = asked(Ask::Closed);
    let problem = asked(Ask::Problem);
    let implication = asked(Ask::Implication);
    let nothing_yet = s.asked == 0;
    let summarised = asked(Ask::Summary);
    let who = targets(c, ch);
    // Order first: the mistake is made the moment the question is asked.
    match kind {
        Ask::Closed if !opened => rule(c, s, Mistake::ClosedFirst, &who, t),
        Ask::Summary if !opened => rule(c, s, Mistake::EmptySummary, &who, t),
        Ask::Pitch if nothing_yet => rule(c, s, Mistake::PitchFirst, &who, t),
        Ask::Implication if !problem => rule(c, s, Mistake::PayoffFirst, &who, t),
        Ask::NeedPayoff if !implication => rule(c, s, Mistake::PayoffFirst, &who, t),
        _ => {}
    }
    for p in who {
        let lvl = level(c, s, p);
        match kind {
            Ask::Open => {
                if s.attitude(p) >= Attitude::NonSupporter {
                    observe(c, s, p, Aspect::Needs, t);
                    observe(c, s, p, Aspect::Concerns, t);
                }
            }
            Ask::Situation => observe(c, s, p, Aspect::Role, t),
            Ask::Closed => {
                if opened {
                    observe(c, s, p, Aspect::Attitude, t);
                }
            }
            Ask::Summary => {
                if opened && confirmed && !summarised {
                    if s.attitude(p) < Attitude::Supporter && s.attitude(p) > Attitude::Opponent {
                        shift_attitude(s, p, 1, t);
                    }
                    observe(c, s, p, Aspect::Change, t);
                }
            }
            Ask::Problem => {
                let owner = owns(c, s, p).next().is_some();
                let row = if owner {
                    PainLevel::AdmitsNeed
                } else {
                    PainLevel::AssumesNeed
                };
                let lvl = if owner { lvl } else { Level::Handler };
                raise(s, 0, pain_points(row, lvl), t);
            }
            Ask::Implication => {
                if problem {
                    let real = owns(c, s, p).any(|r| r);
                    let decoy = owns(c, s, p).any(|r| !r);
                    if real {
                        raise(s, 0, pain_points(PainLevel::AdmitsPain, lvl), t);
                    } else if decoy {
                        raise(s, 0, pain_points(PainLevel::AdmitsCause, lvl), t);
                    }
                }
            }
            Ask::NeedPayoff => {
                if implication && owns(c, s, p).any(|r| r) {
                    raise(s, 2, vision_points(VisionLevel::CustomerAgrees, lvl), t);
                }
            }
            Ask::Pitch => raise(
                s,
                2,
                vision_points(VisionLevel::ProductVision, Level::Handler),
                t,
            ),
        }
    }
    s.asked |= kind.bit();
}
