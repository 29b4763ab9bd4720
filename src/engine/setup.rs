//! The state at the start of a deal: the seed picks the variant, whose truth sets the people,
//! the competitors and the calendar; the variant's own effects are applied silently.

use super::compile::{Compiled, Ix};
use super::intensity::Intensity;
use super::rng;
use super::rules::apply_effect;
use super::state::{Bits, PersonState, RivalState, RivalStatus, State};
use super::trace::Trace;
use crate::case::model::FunnelStage;

impl State {
    pub fn start(c: &Compiled, seed: u64) -> State {
        let case = &c.case;
        let w = c.words;
        let weights: Vec<u32> = case.variants.iter().map(|v| v.weight).collect();
        let variant = rng::weighted(seed, &weights).map(|v| v as Ix);
        let truth = c.truth_of(variant);
        let people = case
            .stakeholders
            .iter()
            .enumerate()
            .map(|(i, p)| PersonState {
                attitude: truth.start_attitude[i],
                backs: truth.start_backs[i].map(|k| k as u8 + 1).unwrap_or(0),
                seen: 0,
                mood: 0,
                mood_week: 0,
                role: 0,
                influence: 0,
                backs_seen: 0,
                meetings: 0,
                flags: if p.known { PersonState::KNOWN } else { 0 },
            })
            .collect();
        let rivals = truth
            .strength
            .iter()
            .map(|&strength| RivalState {
                strength,
                status: RivalStatus::InRace,
            })
            .collect();
        let mut s = State {
            seed,
            variant,
            scene: c.start,
            week: 1,
            money_spent: 0,
            money_adjust: 0,
            facts: Bits::new(w.facts),
            flags: Bits::new(w.flags),
            chosen: Bits::new(w.choices),
            fired: Bits::new(w.events),
            people,
            rivals,
            event_week: truth.event_week.clone(),
            intensity: Intensity::default(),
            funnel: FunnelStage::Lead,
            points: [0; 4],
            mistakes: 0,
            insider: None,
            diagnosed: None,
            proposal: None,
            rank: None,
            decision_week: truth.decision_week,
            asked: 0,
            visit: 0,
            letter_owed: false,
            allies: 0,
            ally_moods: 0,
            began: false,
            decision: None,
            ending: None,
        };
        for (a, &at) in truth.ally_attitude.iter().enumerate() {
            s.set_ally_attitude(a as Ix, at);
        }
        if let Some(v) = variant {
            // Variant effects are silent set-up: no move, no score trace.
            let mut sink = Trace::default();
            for e in &c.variant_effects[v as usize] {
                apply_effect(c, &mut s, e, None, &mut sink);
            }
        }
        s
    }
}
