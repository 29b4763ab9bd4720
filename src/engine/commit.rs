//! The trainee's commitments the course scores: which burning issue is the real one, and whom
//! to trust as insider. Both are judged against the variant's truth, not against the label of
//! the choice.

use super::compile::{Compiled, Ix};
use super::notes;
use super::sequencing::mistake;
use super::state::State;
use super::trace::Trace;
use crate::case::model::{InsiderTrap, Mistake, ScoreKind};

/// Points of the burning-issue diagnosis: the real one, less for each week late; a decoy
/// costs.
pub fn issue_points(c: &Compiled, s: &State) -> i32 {
    let sc = &c.case.scoring.burning_issue;
    match s.diagnosed {
        None => 0,
        Some((b, week)) => {
            if c.truth_of(s.variant).real_issue[b as usize] {
                let late = week.saturating_sub(sc.on_time_week) as i64;
                (sc.correct as i64 - late * sc.late_per_week as i64)
                    .clamp(i32::MIN as i64, i32::MAX as i64) as i32
            } else {
                sc.wrong
            }
        }
    }
}

/// How good an insider `p` is right now, 0–1: real influence × willingness to help us win.
/// The competitor's man is worth nothing, however warm; and the one who decides will not
/// coach a bidder against the others, so he is worth a quarter of what he seems.
pub fn quality(c: &Compiled, s: &State, p: Ix) -> f64 {
    let person = &s.people[p as usize];
    if person.backs().is_some() {
        return 0.0;
    }
    let truth = c.truth_of(s.variant);
    let influence = truth.influence[p as usize] as f64;
    let q = influence / 5.0 * person.attitude.willingness();
    if truth.role[p as usize].decides() {
        q * 0.25
    } else {
        q
    }
}

/// The current insider's quality (0 without one).
pub fn insider_quality(c: &Compiled, s: &State) -> f64 {
    s.insider.map(|p| quality(c, s, p)).unwrap_or(0.0)
}

/// Make `p` the insider; the classic wrong reasons are named as mistakes.
pub fn choose_insider(c: &Compiled, s: &mut State, p: Ix, t: &mut Trace) {
    let truth = c.truth_of(s.variant);
    let person = c.stakeholder(p);
    let influence = truth.influence[p as usize];
    let attitude = s.attitude(p);
    let backs = s.people[p as usize]
        .backs()
        .map(|k| &c.case.competitors[k as usize]);
    let q = (100.0 * quality(c, s, p)).round() as i32;
    s.insider = Some(p);
    let note = || notes::insider(person, influence, attitude, backs, q);
    let mut wrong: Vec<Mistake> = Vec::new();
    if backs.is_some() {
        wrong.push(Mistake::InsiderCompetitorsMan);
    }
    if truth.role[p as usize].decides()
        || (person.traps.contains(&InsiderTrap::HighestRank) && influence < 4)
    {
        wrong.push(Mistake::InsiderHighestRank);
    }
    if influence < 3 {
        for (trap, m) in [
            (InsiderTrap::OldFriend, Mistake::InsiderOldFriend),
            (InsiderTrap::LikesYou, Mistake::InsiderLikesYou),
        ] {
            if person.traps.contains(&trap) {
                wrong.push(m);
            }
        }
        if wrong.is_empty() {
            wrong.push(Mistake::InsiderNoInfluence);
        }
    }
    if wrong.is_empty() {
        t.delta(ScoreKind::Insider, q, note);
    } else {
        for (i, m) in wrong.into_iter().enumerate() {
            if i == 0 {
                mistake(s, m.bit(), q, note, t);
            } else {
                mistake(s, m.bit(), 0, || notes::mistake_name(m), t);
            }
        }
    }
}
