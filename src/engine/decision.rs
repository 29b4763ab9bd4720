//! The customer's decision, computed from the deal (the deal model).
//!
//! Each stakeholder leans toward the bidders: toward us by his real attitude, toward a
//! competitor by its standing, far more if he backs it. His lean counts by his real influence
//! on this decision, several times over for the decision maker. That gives each bidder its
//! support. Our pull is our support cut by what the course says decides a big deal: the 5K
//! intensity as seed 001's product (a zero anywhere means no deal), a proposal whose UCV
//! answers the real burning issue, the quality of our insider, and whether we ever met the
//! decision maker. A competitor our insider secretly backs knows our plan. Buying nothing is
//! always an option. The chances follow from the pulls, sharpened by the case's
//! decisiveness, and one seeded draw per seed picks the winner — so a stronger position never
//! loses where a weaker one would have won.

use serde::{Deserialize, Serialize};

use super::commit::insider_quality;
use super::competitors::weight;
use super::compile::{Compiled, Ix};
use super::notes;
use super::rng::{self, Purpose};
use super::sequencing;
use super::state::{Bidder, Decided, RivalStatus, State};
use super::trace::Trace;
use crate::case::model::{Attitude, DecisionWeights, Rank};
use crate::case::text::Text;

/// How strongly a person leans toward us, by his attitude.
fn lean_us(a: Attitude) -> f64 {
    match a {
        Attitude::Opponent => 0.05,
        Attitude::NonSupporter => 0.3,
        Attitude::Neutral => 1.0,
        Attitude::Supporter => 2.5,
        Attitude::Mentor => 5.0,
    }
}

/// How strongly a person leans toward a competitor of this standing.
fn lean_rival(strength: u8, backs: bool) -> f64 {
    let s = strength as f64;
    if backs { 1.0 + 0.4 * s } else { 0.15 * s }
}

/// One person's place in the decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Standing {
    pub person: String,
    /// His weight in the decision (influence, × for the decision maker).
    pub weight: u32,
    pub attitude: Attitude,
    pub backs: Option<String>,
    /// The share of his voice that goes to us, 0–1.
    pub for_us: f64,
}

/// One bidder's position.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Position {
    /// "us", a competitor's id, or "nobody" (the customer buys nothing).
    pub bidder: String,
    pub partner: bool,
    pub support: f64,
    pub pull: f64,
    pub chance: f64,
}

/// The decision model's reading of a state: who stands where and what it adds up to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    pub people: Vec<Standing>,
    /// Our share of the weighted voices, 0–1.
    pub support: f64,
    /// The 5K product as a 0–1 factor (the geometric mean of the five meters; 0 if any is 0).
    pub intensity: f64,
    /// Whether the proposal answers the real burning issue (None: the case has none).
    pub issue_fit: Option<bool>,
    /// Our insider's quality, 0–1.
    pub insider: f64,
    pub met_decision_maker: bool,
    /// What our support is multiplied by.
    pub factor: f64,
    pub positions: Vec<Position>,
}

impl Evaluation {
    pub fn chance_us(&self) -> f64 {
        self.positions.first().map(|p| p.chance).unwrap_or(0.0)
    }
}

/// The full decision as the debrief and `simulate` explain it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DecisionReport {
    pub evaluation: Evaluation,
    /// The seeded draw, 0–1, against the cumulative chances (us first).
    pub draw: f64,
    pub winner: String,
    pub ending: String,
    /// What tipped it, in the course's terms, most important first.
    pub tipped: Vec<Text>,
}

fn weights(c: &Compiled) -> DecisionWeights {
    c.decision.as_ref().map(|d| d.weights).unwrap_or_default()
}

/// The 5K intensity as a factor: seed 001 multiplies the five, so a zero anywhere is no deal.
pub fn intensity_factor(s: &State) -> f64 {
    let m = s.intensity.as_array();
    if m.contains(&0) {
        return 0.0;
    }
    let logs: f64 = m
        .iter()
        .map(|&x| libm::log((x as f64 / 20.0).min(1.0)))
        .sum();
    libm::exp(logs / 5.0)
}

pub fn evaluate(c: &Compiled, s: &State) -> Evaluation {
    let w = weights(c);
    let n_rivals = s.rivals.len();
    // Bidders in the race: us, then competitors in case order.
    let racing: Vec<Ix> = (0..n_rivals as Ix)
        .filter(|&k| s.rivals[k as usize].status != RivalStatus::Out)
        .collect();
    let mut support = vec![0.0f64; 1 + racing.len()];
    let mut total_weight = 0.0f64;
    let mut people = Vec::new();
    for p in 0..s.people.len() as Ix {
        let pw = weight(c, s, p);
        let person = &s.people[p as usize];
        let backs = person.backs();
        let mut leans = Vec::with_capacity(1 + racing.len());
        leans.push(lean_us(person.attitude));
        for &k in &racing {
            leans.push(lean_rival(s.rivals[k as usize].strength, backs == Some(k)));
        }
        let sum: f64 = leans.iter().sum();
        let for_us = if sum > 0.0 { leans[0] / sum } else { 0.0 };
        if pw > 0 {
            total_weight += pw as f64;
            for (i, l) in leans.iter().enumerate() {
                support[i] += pw as f64 * l / sum;
            }
            people.push(Standing {
                person: c.stakeholders.names[p as usize].clone(),
                weight: pw,
                attitude: person.attitude,
                backs: backs.map(|k| c.competitors.names[k as usize].clone()),
                for_us,
            });
        }
    }
    if total_weight > 0.0 {
        for x in &mut support {
            *x /= total_weight;
        }
    } else {
        let even = 1.0 / support.len() as f64;
        support.iter_mut().for_each(|x| *x = even);
    }
    let (factor, intensity, issue_fit, insider, met_decision_maker) = factor(c, s, &w);
    // A competitor that our insider secretly backs knows our plan.
    let leak = s.insider.and_then(|p| s.people[p as usize].backs());
    let mut positions = Vec::with_capacity(racing.len() + 2);
    positions.push(Position {
        bidder: "us".into(),
        partner: false,
        support: support[0],
        pull: support[0] * factor,
        chance: 0.0,
    });
    for (i, &k) in racing.iter().enumerate() {
        let boost = if leak == Some(k) { 1.5 } else { 1.0 };
        positions.push(Position {
            bidder: c.competitors.names[k as usize].clone(),
            partner: s.rivals[k as usize].status == RivalStatus::Partner,
            support: support[i + 1],
            pull: support[i + 1] * boost,
            chance: 0.0,
        });
    }
    positions.push(Position {
        bidder: "nobody".into(),
        partner: false,
        support: 0.0,
        pull: w.status_quo.min(100) as f64 / 100.0,
        chance: 0.0,
    });
    let mut i = 0;
    for_each_chance(c, s, |_, p| {
        positions[i].chance = p;
        i += 1;
    });
    Evaluation {
        people,
        support: support[0],
        intensity,
        issue_fit,
        insider,
        met_decision_maker,
        factor,
        positions,
    }
}

/// Our chance of winning outright if the customer decided now. Same model as `evaluate`,
/// without building the report: conditions call it while the analysis explores.
pub fn chance_us(c: &Compiled, s: &State) -> f64 {
    chances(c, s).0
}

/// (our chance, the best competitor's chance), allocation-free.
pub fn chances(c: &Compiled, s: &State) -> (f64, f64) {
    let mut us = 0.0;
    let mut best = 0.0f64;
    for_each_chance(c, s, |b, p| match b {
        Bidder::Us => us = p,
        Bidder::Rival(_) => best = best.max(p),
        Bidder::Nobody => {}
    });
    (us, best)
}

/// Every bidder's chance, in draw order: us, competitors in the race (case order), nobody.
/// The one place the chances are computed; `evaluate` and `decide` read them from here.
fn for_each_chance(c: &Compiled, s: &State, mut f: impl FnMut(Bidder, f64)) {
    let w = weights(c);
    let gamma = w.decisiveness.clamp(1, 6) as f64;
    let racing = |k: usize| s.rivals[k].status != RivalStatus::Out;
    // Support of bidder `b` (None: us): each person's lean toward it, weighted.
    let support = |b: Option<usize>| {
        let mut total = 0.0;
        let mut got = 0.0;
        for p in 0..s.people.len() {
            let pw = weight(c, s, p as Ix) as f64;
            if pw == 0.0 {
                continue;
            }
            let person = &s.people[p];
            let backs = person.backs().map(|k| k as usize);
            let mut sum = lean_us(person.attitude);
            for k in (0..s.rivals.len()).filter(|&k| racing(k)) {
                sum += lean_rival(s.rivals[k].strength, backs == Some(k));
            }
            let mine = match b {
                None => lean_us(person.attitude),
                Some(k) => lean_rival(s.rivals[k].strength, backs == Some(k)),
            };
            total += pw;
            got += pw * mine / sum;
        }
        if total > 0.0 {
            got / total
        } else {
            let n = 1 + (0..s.rivals.len()).filter(|&k| racing(k)).count();
            1.0 / n as f64
        }
    };
    let leak = s.insider.and_then(|p| s.people[p as usize].backs());
    let pull = |b: Bidder| -> f64 {
        match b {
            Bidder::Us => support(None) * factor(c, s, &w).0,
            Bidder::Rival(k) => support(Some(k as usize)) * if leak == Some(k) { 1.5 } else { 1.0 },
            Bidder::Nobody => w.status_quo.min(100) as f64 / 100.0,
        }
    };
    let bidders = || {
        std::iter::once(Bidder::Us)
            .chain(
                (0..s.rivals.len())
                    .filter(move |&k| racing(k))
                    .map(|k| Bidder::Rival(k as Ix)),
            )
            .chain(std::iter::once(Bidder::Nobody))
    };
    let sum: f64 = bidders().map(|b| libm::pow(pull(b), gamma)).sum();
    for b in bidders() {
        let p = if sum > 0.0 {
            libm::pow(pull(b), gamma) / sum
        } else if b == Bidder::Nobody {
            1.0
        } else {
            0.0
        };
        f(b, p);
    }
}

/// Our factor and its parts: (factor, 5K intensity, issue fit, insider quality, met the top).
fn factor(c: &Compiled, s: &State, w: &DecisionWeights) -> (f64, f64, Option<bool>, f64, bool) {
    let against = (0..s.people.len()).any(|p| {
        c.truth_of(s.variant).role[p].decides() && s.people[p].attitude <= Attitude::NonSupporter
    });
    let f_against = if against {
        w.decision_maker_against.min(100) as f64 / 100.0
    } else {
        1.0
    };
    let intensity = intensity_factor(s);
    let truth = c.truth_of(s.variant);
    let issue_fit = (!c.case.burning_issues.is_empty())
        .then(|| s.proposal.is_some_and(|b| truth.real_issue[b as usize]));
    let insider = insider_quality(c, s);
    let met_decision_maker =
        (0..s.people.len()).any(|p| s.people[p].met() && truth.role[p].decides());
    let f_intensity = libm::pow(intensity, w.intensity as f64 / 100.0);
    let f_issue = match issue_fit {
        Some(false) => 1.0 - w.burning_issue.min(100) as f64 / 100.0,
        _ => 1.0,
    };
    let f_insider = 1.0 - w.insider.min(100) as f64 / 100.0 * (1.0 - insider);
    let f_top = if met_decision_maker {
        1.0
    } else {
        w.without_decision_maker.min(100) as f64 / 100.0
    };
    (
        f_intensity * f_issue * f_insider * f_top * f_against,
        intensity,
        issue_fit,
        insider,
        met_decision_maker,
    )
}

/// Where we rank now: first choice, backup, or only the reference bid.
pub fn rank(c: &Compiled, s: &State) -> Rank {
    let (us, best_rival) = chances(c, s);
    rank_from(us, best_rival)
}

fn rank_from(us: f64, best_rival: f64) -> Rank {
    if us >= best_rival && us > 0.0 {
        Rank::FirstChoice
    } else if us >= 0.15 {
        Rank::Backup
    } else {
        Rank::ReferenceOnly
    }
}

pub fn rank_of(e: &Evaluation) -> Rank {
    let best_rival = e.positions[1..]
        .iter()
        .filter(|p| p.bidder != "nobody")
        .map(|p| p.chance)
        .fold(0.0, f64::max);
    rank_from(e.chance_us(), best_rival)
}

/// The customer decides now: the deal ends with the ending the draw gives.
pub fn decide(c: &Compiled, s: &mut State, t: &mut Trace) {
    let Some(d) = c.decision.as_ref() else {
        return;
    };
    if s.ending.is_some() {
        return;
    }
    sequencing::at_decision(c, s, t);
    let draw = rng::unit(s.seed, 0, Purpose::Decision);
    let partnered = s.rivals.iter().any(|r| r.status == RivalStatus::Partner);
    let ending_of = |b: Bidder| -> Ix {
        match b {
            Bidder::Us if partnered => d.shared.unwrap_or(d.won),
            Bidder::Us => d.won,
            Bidder::Rival(k) if s.rivals[k as usize].status == RivalStatus::Partner => {
                d.shared.unwrap_or(d.lost_to[k as usize])
            }
            Bidder::Rival(k) => d.lost_to[k as usize],
            Bidder::Nobody => d.lost,
        }
    };
    let mut acc = 0.0;
    let mut winner = Bidder::Nobody;
    let mut decided = false;
    let mut expected = 0.0;
    let mut chance = 0.0;
    let mut shared = 0.0;
    for_each_chance(c, s, |b, p| {
        acc += p;
        if !decided && draw < acc {
            winner = b;
            decided = true;
        }
        expected += p * c.ending(ending_of(b)).value.min(100) as f64;
        match b {
            Bidder::Us => chance = p,
            Bidder::Rival(k) if s.rivals[k as usize].status == RivalStatus::Partner => shared += p,
            _ => {}
        }
    });
    let ending = ending_of(winner);
    if !t.quiet {
        let e = evaluate(c, s);
        let tipped = notes::decision(c, s, &e, winner);
        t.decision = Some(DecisionReport {
            winner: match winner {
                Bidder::Us => "us".into(),
                Bidder::Rival(k) => c.competitors.names[k as usize].clone(),
                Bidder::Nobody => "nobody".into(),
            },
            ending: c.endings.names[ending as usize].clone(),
            evaluation: e,
            draw,
            tipped,
        });
    }
    s.decision = Some(Decided {
        winner,
        chance: (chance * 1000.0).round() as u16,
        shared: (shared * 1000.0).round() as u16,
        expected: (expected * 10.0).round() as u16,
    });
    s.ending = Some(ending);
}
