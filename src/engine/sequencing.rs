//! Sequencing as the engine judges it, the same in every case: from the org chart and the
//! meeting history, never from points an author placed. Each rule is a named mistake with
//! its own teaching note; its cost comes off the sequencing score once, while its
//! consequences in the deal (the people it offends) count every time.

use super::compile::{CChoice, Compiled, Ix};
use super::notes;
use super::rules::{make_known, see_mood, shift_attitude};
use super::state::{PersonState, State};
use super::trace::Trace;
use crate::case::model::{Attitude, FIRST_TRAP_BIT, FunnelStage, Mistake, ScoreKind};
use crate::case::text::Text;

/// Record a mistake (an engine rule or an authored trap) and explain it.
pub fn mistake(s: &mut State, bit: u64, points: i32, note: impl FnOnce() -> Text, t: &mut Trace) {
    let first = !s.made(bit);
    s.mistakes |= bit;
    t.mistake(bit);
    let index = bit.trailing_zeros();
    if index >= FIRST_TRAP_BIT {
        return;
    }
    let kind = Mistake::ALL[index as usize].kind();
    // A sequencing mistake costs once; the note still explains every occurrence.
    let points = if kind == ScoreKind::Sequencing && !first {
        0
    } else {
        points
    };
    t.delta(kind, points, note);
}

/// What a sequencing mistake costs in this case.
pub fn cost(c: &Compiled, m: Mistake) -> i32 {
    let sc = &c.case.scoring.sequencing;
    match m {
        Mistake::OverHead => sc.over_head,
        Mistake::TopCold => sc.top_cold,
        Mistake::SkippedLevel => sc.skipped_level,
        Mistake::TopUnprepared => sc.top_unprepared,
        Mistake::NoLetter => sc.no_letter,
        Mistake::WastedMeeting => sc.wasted_meeting,
        Mistake::MoneyBeforeQualified => sc.money_before_qualified,
        Mistake::InvestedEarly => sc.invested_early,
        Mistake::LateExit => sc.late_exit,
        Mistake::NeverReachedTop => sc.never_reached_top,
        Mistake::ClosedFirst => sc.closed_first,
        Mistake::EmptySummary => sc.empty_summary,
        Mistake::PitchFirst => sc.pitch_first,
        Mistake::PayoffFirst => sc.payoff_first,
        _ => 0,
    }
}

/// A sequencing rule broken.
pub fn rule(c: &Compiled, s: &mut State, m: Mistake, who: &[Ix], t: &mut Trace) {
    mistake(s, m.bit(), cost(c, m), || notes::rule(c, m, who), t);
}

/// The sequencing score before the case's own adjustments: 100 less each kind of mistake.
pub fn points(c: &Compiled, s: &State) -> i32 {
    Mistake::ALL
        .iter()
        .filter(|m| m.kind() == ScoreKind::Sequencing && s.made(m.bit()))
        .map(|&m| cost(c, m))
        .fold(100i32, |a, b| a.saturating_add(b))
}

fn decides(c: &Compiled, s: &State, p: Ix) -> bool {
    c.truth_of(s.variant).role[p as usize].decides()
}

/// Money spent by a move, judged against how far the lead is qualified.
pub fn spend(c: &Compiled, s: &mut State, money: u32, t: &mut Trace) {
    if money == 0 {
        return;
    }
    if s.funnel < FunnelStage::QualifiedLead {
        rule(c, s, Mistake::MoneyBeforeQualified, &[], t);
    }
    let big = c.case.scoring.sequencing.big_spend as u64;
    if money as u64 * 100 >= big * c.case.calendar.budget as u64
        && s.funnel < FunnelStage::QualifiedDecisionMaker
    {
        rule(c, s, Mistake::InvestedEarly, &[], t);
    }
}

/// The people a move meets: the rules of the first meeting with each, then what meeting
/// them shows.
pub fn meet(c: &Compiled, s: &mut State, ch: &CChoice, new_visit: bool, t: &mut Trace) {
    // An introduction counts only from someone we have met who is not against us.
    let via = ch
        .via
        .filter(|&v| s.met(v) && s.attitude(v) >= Attitude::Neutral);
    for &m in &ch.meets {
        if !s.met(m) {
            first_meeting(c, s, m, via.filter(|&v| v != m), t);
        }
        let person = &mut s.people[m as usize];
        person.flags |= PersonState::MET;
        if new_visit || person.meetings == 0 {
            person.meetings = person.meetings.saturating_add(1).min(15);
        }
        make_known(s, m, t);
        see_mood(c, s, m);
        if decides(c, s, m) {
            s.letter_owed = true;
        }
    }
}

fn first_meeting(c: &Compiled, s: &mut State, m: Ix, via: Option<Ix>, t: &mut Trace) {
    let top = decides(c, s, m);
    if top && via.is_none() {
        rule(c, s, Mistake::TopCold, &[m], t);
    }
    // The people below him who carry us, and whom this meeting goes around (someone who no
    // longer has a say in the deal carries nobody).
    let truth = c.truth_of(s.variant);
    let carriers: Vec<Ix> = (0..s.people.len() as Ix)
        .filter(|&y| {
            y != m
                && Some(y) != via
                && truth.role[y as usize] != crate::case::model::BuyingRole::Sidelined
                && s.met(y)
                && c.org.above(m, y)
                && s.attitude(y) >= Attitude::Supporter
                && s.people[y as usize].backs().is_none()
        })
        .collect();
    if !carriers.is_empty() {
        let mut who = vec![m];
        who.extend(&carriers);
        rule(c, s, Mistake::OverHead, &who, t);
        for y in carriers {
            shift_attitude(s, y, -1, t);
        }
    }
    if let Some(v) = via {
        let skipped: Vec<Ix> = c
            .org
            .between(m, v)
            .iter()
            .copied()
            .filter(|&b| !s.met(b))
            .collect();
        if !skipped.is_empty() {
            let mut who = vec![m, v];
            who.extend(&skipped);
            rule(c, s, Mistake::SkippedLevel, &who, t);
            for b in skipped {
                shift_attitude(s, b, -1, t);
            }
        }
    }
    if top && s.diagnosed.is_none() && s.proposal.is_none() {
        rule(c, s, Mistake::TopUnprepared, &[m], t);
    }
}

/// A meeting visit ends: did it teach anything or move anybody?
pub fn end_visit(c: &Compiled, s: &mut State, t: &mut Trace) {
    if s.visit == 1 {
        rule(c, s, Mistake::WastedMeeting, &[], t);
    }
    s.visit = 0;
    s.asked = 0;
}

/// When the customer decides: did we ever reach the top, and write after meeting him?
pub fn at_decision(c: &Compiled, s: &mut State, t: &mut Trace) {
    let reached = (0..s.people.len() as Ix).any(|p| s.met(p) && decides(c, s, p));
    if !reached {
        rule(c, s, Mistake::NeverReachedTop, &[], t);
    }
    if s.letter_owed {
        rule(c, s, Mistake::NoLetter, &[], t);
    }
}

/// Walking away: right when the deal is lost, but it should be early.
pub fn at_withdrawal(c: &Compiled, s: &mut State, t: &mut Trace) {
    let cal = &c.case.calendar;
    let spent_much = s.money_spent as u64 * 100 >= 30 * cal.budget as u64 && cal.budget > 0;
    let late = s.week.saturating_mul(2) > cal.weeks;
    if spent_much || late {
        rule(c, s, Mistake::LateExit, &[], t);
    }
}
