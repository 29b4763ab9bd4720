//! Playing a deal: the choices on offer, taking one, the world's answer, and the result.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::compiled::{Compiled, Ix, Next};
use super::rng::{self, Purpose};
use super::rules::{all_hold, apply_effect, check_meetings};
use super::state::State;
use crate::case::model::{Attitude, Cost, Outcome, ScoreKind, Timing};
use crate::case::text::Text;
use crate::scoring::intensity::Intensity;
use crate::scoring::total::{Scores, score};

/// A score change and the teaching note that explains it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Delta {
    pub kind: ScoreKind,
    pub points: i32,
    pub note: Text,
}

/// What one step changed, as the engine applies it. Cheap when nobody reads it.
#[derive(Debug, Default)]
pub struct Trace {
    pub changed: bool,
    pub deltas: Vec<Delta>,
    pub learned: Vec<Ix>,
    pub revealed: Vec<Ix>,
    pub attitudes: Vec<(
        Ix,
        crate::case::model::Attitude,
        crate::case::model::Attitude,
    )>,
    pub news: Vec<Text>,
    /// Note credited to authored `Score` effects (the choice's, or its branch's).
    pub note: Text,
    pub branch: Option<usize>,
}

/// Choices offered in the current scene, in the order the case lists them.
pub fn available(c: &Compiled, s: &State) -> Vec<Ix> {
    if s.ending.is_some() {
        return Vec::new();
    }
    let left = s.money_left(c);
    c.scene_choices[s.scene as usize]
        .iter()
        .copied()
        .filter(|&ix| {
            let ch = &c.cchoices[ix as usize];
            (ch.repeatable || !s.chosen.get(ix))
                && ch.cost.money as i64 <= left
                && all_hold(c, s, &ch.when)
        })
        .collect()
}

/// Take a choice (assumed available) and let the world answer.
pub fn step(c: &Compiled, s: &mut State, ix: Ix, t: &mut Trace) {
    let ch = &c.cchoices[ix as usize];
    let choice = c.choice(ix);
    s.turn += 1;
    s.chosen.set(ix, true);
    let week_before = s.week;
    s.week = s.week.saturating_add(ch.cost.weeks);
    s.money_spent = s.money_spent.saturating_add(ch.cost.money);
    t.note = choice.note.clone();

    check_meetings(c, s, &ch.meets, t);
    for (e, orig) in ch.effects.iter().zip(&choice.effects) {
        apply_effect(c, s, e, orig, t);
    }
    let mut next = ch.next;
    for (bi, br) in ch.branches.iter().enumerate() {
        let purpose = Purpose::Branch(ix as u32 * 64 + bi as u32);
        if all_hold(c, s, &br.when)
            && br
                .chance
                .is_none_or(|p| rng::roll(s.seed, s.turn, purpose, p))
        {
            let written = &choice.branches[bi];
            if !written.note.is_empty() {
                t.note = written.note.clone();
            }
            for (e, orig) in br.effects.iter().zip(&written.effects) {
                apply_effect(c, s, e, orig, t);
            }
            if br.next != Next::Stay {
                next = br.next;
            }
            t.branch = Some(bi);
            break;
        }
    }
    if !ch.meets.is_empty() && !t.changed {
        let points = c.case.scoring.sequencing.wasted_meeting;
        s.points[ScoreKind::Sequencing as usize] =
            s.points[ScoreKind::Sequencing as usize].saturating_add(points);
        t.deltas.push(Delta {
            kind: ScoreKind::Sequencing,
            points,
            note: super::notes::wasted_meeting(),
        });
    }
    match next {
        Next::End(e) => s.ending = Some(e),
        Next::Scene(sc) => s.scene = sc,
        Next::Stay => {}
    }
    if s.ending.is_none() {
        if s.week > c.case.calendar.weeks {
            s.ending = Some(c.timeout);
        } else {
            fire_events(c, s, week_before, t);
        }
    }
    if let Some(e) = s.ending
        && let Some(f) = c.ending(e).funnel
        && f > s.funnel
    {
        s.funnel = f;
    }
}

fn fire_events(c: &Compiled, s: &mut State, week_before: u32, t: &mut Trace) {
    for (i, ev) in c.cevents.iter().enumerate() {
        let i = i as Ix;
        if s.fired.get(i) {
            continue;
        }
        let due = match ev.timing {
            Timing::Week(_) => s.event_week[i as usize].is_some_and(|w| w <= s.week),
            Timing::Chance { percent, from, to } => {
                // One roll for each week entered since the last step, inside the window.
                // The first turn also covers the starting week.
                let first = if s.turn == 1 {
                    week_before
                } else {
                    week_before.saturating_add(1)
                };
                let lo = first.max(from);
                let hi = s.week.min(to);
                (lo..=hi).any(|w| rng::roll(s.seed, w, Purpose::Event(i as u32), percent))
            }
        };
        if due && all_hold(c, s, &ev.when) {
            s.fired.set(i, true);
            let written = &c.case.events[i as usize];
            // Points an event gives are explained by its news, not by the trainee's last note;
            // the move keeps its own teaching note.
            let move_note = std::mem::replace(&mut t.note, written.news.clone());
            for (e, orig) in ev.effects.iter().zip(&written.effects) {
                apply_effect(c, s, e, orig, t);
            }
            t.note = move_note;
            t.news.push(written.news.clone());
            if let Some(go) = ev.go {
                s.scene = go;
            }
        }
    }
}

/// One move of the trainee, as the debrief and the results file show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Move {
    pub turn: u32,
    /// The week in which the choice was made.
    pub week: u32,
    pub scene: String,
    pub choice: String,
    pub label: Text,
    pub cost: Cost,
    pub deltas: Vec<Delta>,
    pub note: Text,
    pub reply: Text,
    pub learned: Vec<String>,
    pub revealed: Vec<String>,
    pub news: Vec<Text>,
    /// Attitudes that moved: (stakeholder id, before, after).
    pub moods: Vec<(String, Attitude, Attitude)>,
    pub intensity: Intensity,
    pub funnel: u8,
}

/// The result of a finished (or abandoned) deal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunResult {
    pub case: String,
    pub seed: u64,
    pub variant: Option<String>,
    pub outcome: Option<Outcome>,
    pub ending: Option<String>,
    pub score: Scores,
    pub intensity: Intensity,
    pub funnel: u8,
    pub cost: Spent,
    pub moves: Vec<Move>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Spent {
    pub money: i64,
    pub weeks: u32,
}

/// Why a choice could not be taken.
#[derive(Debug, Clone, PartialEq)]
pub enum ChoiceError {
    Unknown(String),
    NotAvailable(String),
    Over,
}

impl std::fmt::Display for ChoiceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ChoiceError::Unknown(id) => write!(f, "no choice with id `{id}` in this case"),
            ChoiceError::NotAvailable(id) => {
                write!(f, "choice `{id}` is not available here and now")
            }
            ChoiceError::Over => write!(f, "the deal is already over"),
        }
    }
}

/// A deal being played, with its log. Owns its case so a game shell can keep it as-is.
#[derive(Debug, Clone)]
pub struct Game {
    pub case: Arc<Compiled>,
    pub state: State,
    pub moves: Vec<Move>,
}

impl Game {
    pub fn new(case: Arc<Compiled>, seed: u64) -> Game {
        let state = State::start(&case, seed);
        Game {
            case,
            state,
            moves: Vec::new(),
        }
    }

    /// Replay a list of choice ids (a save, a script).
    pub fn replay<'a>(
        case: Arc<Compiled>,
        seed: u64,
        choices: impl IntoIterator<Item = &'a str>,
    ) -> Result<Game, (usize, ChoiceError)> {
        let mut g = Game::new(case, seed);
        for (i, id) in choices.into_iter().enumerate() {
            g.choose(id).map_err(|e| (i, e))?;
        }
        Ok(g)
    }

    pub fn available(&self) -> Vec<Ix> {
        available(&self.case, &self.state)
    }

    pub fn available_ids(&self) -> Vec<&str> {
        self.available()
            .into_iter()
            .map(|i| self.case.choices.names[i as usize].as_str())
            .collect()
    }

    pub fn is_over(&self) -> bool {
        self.state.ending.is_some()
    }

    pub fn choose(&mut self, id: &str) -> Result<&Move, ChoiceError> {
        if self.is_over() {
            return Err(ChoiceError::Over);
        }
        let ix = self
            .case
            .choices
            .get(id)
            .ok_or_else(|| ChoiceError::Unknown(id.to_string()))?;
        if !self.available().contains(&ix) {
            return Err(ChoiceError::NotAvailable(id.to_string()));
        }
        Ok(self.choose_ix(ix))
    }

    pub fn choose_ix(&mut self, ix: Ix) -> &Move {
        let c = Arc::clone(&self.case);
        let scene = c.scenes.names[self.state.scene as usize].clone();
        let week = self.state.week;
        let mut t = Trace::default();
        step(&c, &mut self.state, ix, &mut t);
        let choice = c.choice(ix);
        let reply = match t.branch {
            Some(b) if !choice.branches[b].reply.is_empty() => choice.branches[b].reply.clone(),
            _ => choice.reply.clone(),
        };
        self.moves.push(Move {
            turn: self.state.turn,
            week,
            scene,
            choice: choice.id.clone(),
            label: choice.label.clone(),
            cost: choice.cost,
            deltas: t.deltas,
            note: t.note,
            reply,
            learned: t
                .learned
                .iter()
                .map(|&f| c.facts.names[f as usize].clone())
                .collect(),
            revealed: t
                .revealed
                .iter()
                .map(|&p| c.stakeholders.names[p as usize].clone())
                .collect(),
            news: t.news,
            moods: t
                .attitudes
                .iter()
                .map(|&(p, a, b)| (c.stakeholders.names[p as usize].clone(), a, b))
                .collect(),
            intensity: self.state.intensity,
            funnel: self.state.funnel.percent(),
        });
        self.moves.last().expect("just pushed")
    }

    /// The current scene's text and the paragraphs whose conditions hold now.
    pub fn scene_text(&self) -> Vec<&Text> {
        let scene = self.case.scene(self.state.scene);
        let mut out = vec![&scene.text];
        for (p, conds) in scene
            .paragraphs
            .iter()
            .zip(&self.case.paragraph_conds[self.state.scene as usize])
        {
            if all_hold(&self.case, &self.state, conds) {
                out.push(&p.text);
            }
        }
        out
    }

    pub fn chosen_ids(&self) -> Vec<String> {
        self.moves.iter().map(|m| m.choice.clone()).collect()
    }

    pub fn result(&self) -> RunResult {
        let c = &self.case;
        let s = &self.state;
        RunResult {
            case: c.case.id.clone(),
            seed: s.seed,
            variant: s.variant.map(|v| c.variants.names[v as usize].clone()),
            outcome: s.ending.map(|e| c.ending(e).outcome),
            ending: s.ending.map(|e| c.endings.names[e as usize].clone()),
            score: score(c, s),
            intensity: s.intensity,
            funnel: s.funnel.percent(),
            cost: Spent {
                money: s.money_spent as i64 - s.money_adjust as i64,
                weeks: s.week.saturating_sub(1),
            },
            moves: self.moves.clone(),
        }
    }
}
