//! Playing a deal: the choices on offer, taking one, the world's answer, and the log.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::competitors;
use super::compile::{Compiled, Ix, Next};
use super::decision::{self, DecisionReport};
use super::intensity::Intensity;
use super::questions;
use super::read::Read;
use super::rng::{self, Purpose};
use super::rules::{all_hold, apply_effect};
use super::sequencing;
use super::state::State;
use super::trace::{Delta, Trace};
use crate::case::model::{Action, Aspect, Attitude, Cost, Outcome, Timing};
use crate::case::text::Text;

/// Choices offered in the current scene, in the order the case lists them.
pub fn available(c: &Compiled, s: &State) -> Vec<Ix> {
    let mut out = Vec::new();
    available_into(c, s, &mut out);
    out
}

/// `available` into a reused buffer (the explorer's hot loop).
pub fn available_into(c: &Compiled, s: &State, out: &mut Vec<Ix>) {
    out.clear();
    if s.ending.is_some() {
        return;
    }
    let left = s.money_left(c);
    let truth = c.truth_of(s.variant);
    let list = &c.scene_choices[s.scene as usize];
    let (Some(&first), Some(&last)) = (list.first(), list.last()) else {
        return;
    };
    // The analysis calls this for every state it visits. The scene's choices are one run
    // of indices: those taken that cannot be taken again are left out a word at a time
    // (most of a long scene's, late in a deal), and the rest tested in order.
    let (first, last) = (first as usize, last as usize);
    debug_assert_eq!(
        last - first + 1,
        list.len(),
        "a scene's choices are one run"
    );
    for w in first / 64..=last / 64 {
        let lo = if w == first / 64 { first % 64 } else { 0 };
        let hi = if w == last / 64 { last % 64 } else { 63 };
        let run = (u64::MAX >> (63 - hi)) & (u64::MAX << lo);
        let taken = s.chosen.words().get(w).copied().unwrap_or(0);
        let mut open = run & !(taken & c.once_only.get(w).copied().unwrap_or(0));
        while open != 0 {
            let ix = (w * 64 + open.trailing_zeros() as usize) as Ix;
            open &= open - 1;
            let ch = &c.cchoices[ix as usize];
            if ch.cost.money as i64 <= left
                && all_hold(c, s, &ch.when)
                && ch.meets.iter().all(|&p| !truth.away(p, s.week))
                && ch.brings.iter().all(|&a| ally_can_come(truth, s, a))
            {
                out.push(ix);
            }
        }
    }
}

/// Whether an ally is there this week and willing to come along.
pub fn ally_can_come(truth: &super::compile::Truth, s: &State, a: Ix) -> bool {
    !truth.ally_away(a, s.week) && s.ally_attitude(a) >= Attitude::Neutral
}

/// Take a choice (assumed available) and let the world answer.
pub fn step(c: &Compiled, s: &mut State, ix: Ix, t: &mut Trace) {
    // A reused trace (the analysis reuses one) must not carry the last step's verdict.
    t.informative = false;
    let ch = &c.cchoices[ix as usize];
    let choice = c.choice(ix);
    let week_before = s.week;
    s.chosen.set(ix, true);
    s.week = s.week.saturating_add(ch.cost.weeks_from(s.week));
    s.money_spent = s.money_spent.saturating_add(ch.cost.money);
    if !t.quiet {
        t.note = choice.note.clone();
    }
    if let Some(bit) = ch.trap {
        sequencing::mistake(s, bit, 0, Text::default, t);
    }
    sequencing::spend(c, s, ch.cost.money, t);

    // A move that meets people starts a visit, unless one is going on (inside a meeting).
    let new_visit = !ch.meets.is_empty() && s.visit == 0;
    if new_visit {
        s.visit = 1;
        s.asked = 0;
    }
    sequencing::meet(c, s, ch, new_visit, t);
    // Allies who come along: named in `meets`, or present in the meeting this move is in.
    for &a in ch.brings.iter().chain(&c.scene_allies[ch.scene as usize]) {
        if a < 32 {
            s.allies |= 1 << a;
        }
    }
    if let Some(a) = ch.ask {
        questions::ask(c, s, ch, a, t);
    }
    for (e, orig) in ch.effects.iter().zip(&choice.effects) {
        apply_effect(c, s, e, Some(orig), t);
    }
    let mut next = ch.next;
    for (bi, br) in ch.branches.iter().enumerate() {
        // Keyed by the week, so waiting is the only way to try one's luck again.
        let purpose = Purpose::Branch(ix as u32 * 64 + bi as u32);
        if all_hold(c, s, &br.when)
            && br
                .chance
                .is_none_or(|p| rng::roll(s.seed, week_before, purpose, p))
        {
            let written = &choice.branches[bi];
            if !written.note.is_empty() && !t.quiet {
                t.note = written.note.clone();
            }
            for (e, orig) in br.effects.iter().zip(&written.effects) {
                apply_effect(c, s, e, Some(orig), t);
            }
            if br.next != Next::Stay {
                next = br.next;
            }
            t.branch = Some(bi);
            break;
        }
    }
    // An effect may already have ended the deal (the customer decided).
    if s.ending.is_none() {
        match next {
            Next::End(e) => {
                s.ending = Some(e);
                if c.ending(e).outcome == Outcome::Withdrew || ch.action == Action::Withdraw {
                    sequencing::at_withdrawal(c, s, t);
                }
            }
            Next::Scene(sc) => s.scene = sc,
            Next::Stay => {}
        }
    }
    // Was the meeting worth it? Judged before the world moves: what competitors and events
    // do is not something the meeting taught.
    let visiting = s.visit != 0;
    if visiting && t.informative {
        s.visit = 2;
    }
    let in_meeting = s.ending.is_none() && c.is_meeting(s.scene);
    if visiting && !in_meeting {
        sequencing::end_visit(c, s, t);
    }
    if s.ending.is_none() {
        world(c, s, week_before, t);
    }
    if s.ending.is_none() && c.is_meeting(s.scene) && s.visit == 0 {
        s.visit = 1;
        s.asked = 0;
    }
    if let Some(e) = s.ending
        && let Some(f) = c.ending(e).funnel
        && f > s.funnel
    {
        s.funnel = f;
    }
    s.began = true;
}

/// The world's answer to a move: the calendar, competitors, events, the decision date.
fn world(c: &Compiled, s: &mut State, week_before: u32, t: &mut Trace) {
    let informative = t.informative;
    if s.week > c.case.calendar.weeks && s.decision_week.is_none_or(|d| d > s.week) {
        s.ending = Some(c.timeout);
        return;
    }
    competitors::act(c, s, week_before, t);
    fire_events(c, s, week_before, t);
    if s.ending.is_none() && s.decision_week.is_some_and(|d| s.week >= d) {
        decision::decide(c, s, t);
    }
    t.informative = informative;
}

fn fire_events(c: &Compiled, s: &mut State, week_before: u32, t: &mut Trace) {
    for (i, ev) in c.cevents.iter().enumerate() {
        let i = i as Ix;
        if s.fired.get(i) || s.ending.is_some() || !c.truth_of(s.variant).event_on[i as usize] {
            continue;
        }
        let due = match ev.timing {
            Timing::Week(_) => s.event_week[i as usize].is_some_and(|w| w <= s.week),
            Timing::Chance { percent, from, to } => {
                // One roll for each week entered since the last step, inside the window.
                let weeks = competitors::weeks_entered(s, week_before);
                let lo = (*weeks.start()).max(from);
                let hi = (*weeks.end()).min(to);
                (lo..=hi).any(|w| rng::roll(s.seed, w, Purpose::Event(i as u32), percent))
            }
        };
        if due && all_hold(c, s, &ev.when) {
            s.fired.set(i, true);
            let written = &c.case.events[i as usize];
            // Points an event gives are explained by its news, not by the trainee's last note;
            // the move keeps its own teaching note.
            let move_note = if t.quiet {
                Text::default()
            } else {
                std::mem::replace(&mut t.note, written.news.clone())
            };
            for (e, orig) in ev.effects.iter().zip(&written.effects) {
                apply_effect(c, s, e, Some(orig), t);
            }
            if !t.quiet {
                t.note = move_note;
            }
            t.news(|| written.news.clone());
            if let Some(go) = ev.go
                && s.ending.is_none()
            {
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
    /// Real attitudes that moved: (stakeholder id, before, after). The truth, for the
    /// debrief; during play only `visible` moods are shown.
    pub moods: Vec<(String, Attitude, Attitude)>,
    /// Moods that moved in front of the trainee (people present at the move).
    #[serde(default)]
    pub visible: Vec<(String, Attitude, Attitude)>,
    /// What the trainee found out about people: (stakeholder id, aspect).
    #[serde(default)]
    pub observed: Vec<(String, Aspect)>,
    /// Mistakes and traps of this move, by name.
    #[serde(default)]
    pub mistakes: Vec<String>,
    /// Competitors whose standing changed: (id, change).
    #[serde(default)]
    pub rivals: Vec<(String, i8)>,
    /// 5K meters that rose: (meter index in `Intensity::NAMES`, before, after).
    #[serde(default)]
    pub meters: Vec<(u8, u8, u8)>,
    /// The customer's decision, on the move that brought it.
    #[serde(default)]
    pub decision: Option<DecisionReport>,
    pub intensity: Intensity,
    pub funnel: u8,
}

/// Why a choice could not be taken.
#[derive(Debug, Clone, PartialEq)]
pub enum ChoiceError {
    Unknown(String),
    NotAvailable(String),
    Over,
}

impl ChoiceError {
    /// The error in a language.
    pub fn text(&self, l: crate::case::text::Lang) -> String {
        use crate::case::text::Lang;
        match (self, l) {
            (_, Lang::En) => self.to_string(),
            (ChoiceError::Unknown(id), Lang::Zh) => format!("案例里没有 id 为 `{id}` 的选择"),
            (ChoiceError::NotAvailable(id), Lang::Zh) => format!("选择 `{id}` 此时此地不可选"),
            (ChoiceError::Over, Lang::Zh) => "这一单已经结束".to_string(),
        }
    }
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
    /// The trainee's own read of people, latest per person last. Not a move: it changes
    /// nothing in the deal, and the debrief sets it beside the truth.
    pub reads: Vec<Read>,
}

impl Game {
    pub fn new(case: Arc<Compiled>, seed: u64) -> Game {
        let state = State::start(&case, seed);
        Game {
            case,
            state,
            moves: Vec::new(),
            reads: Vec::new(),
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

    pub fn turn(&self) -> u32 {
        self.moves.len() as u32
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
        let scene_ix = self.state.scene;
        let scene = c.scenes.names[scene_ix as usize].clone();
        let week = self.state.week;
        let mut t = Trace::default();
        step(&c, &mut self.state, ix, &mut t);
        let choice = c.choice(ix);
        let reply = match t.branch {
            Some(b) if !choice.branches[b].reply.is_empty() => choice.branches[b].reply.clone(),
            _ => choice.reply.clone(),
        };
        let id = |p: Ix| c.stakeholders.names[p as usize].clone();
        let present: Vec<Ix> = c.cchoices[ix as usize]
            .meets
            .iter()
            .chain(&c.scene_people[scene_ix as usize])
            .copied()
            .collect();
        let moods: Vec<(String, Attitude, Attitude)> =
            t.attitudes.iter().map(|&(p, a, b)| (id(p), a, b)).collect();
        let visible = t
            .attitudes
            .iter()
            .filter(|(p, _, _)| present.contains(p))
            .map(|&(p, a, b)| (id(p), a, b))
            .collect();
        self.moves.push(Move {
            turn: self.moves.len() as u32 + 1,
            week,
            scene,
            choice: choice.id.clone(),
            label: choice.label.clone(),
            // What the move took: `until` turned into the weeks waited.
            cost: Cost {
                weeks: self.state.week.saturating_sub(week),
                money: choice.cost.money,
                until: None,
            },
            deltas: t.deltas,
            note: t.note,
            reply,
            learned: t
                .learned
                .iter()
                .map(|&f| c.facts.names[f as usize].clone())
                .collect(),
            revealed: t.revealed.iter().map(|&p| id(p)).collect(),
            news: t.news,
            moods,
            visible,
            observed: t.observed.iter().map(|&(p, a)| (id(p), a)).collect(),
            mistakes: t
                .mistakes
                .iter()
                .map(|b| c.trap_name(b.trailing_zeros()))
                .collect(),
            rivals: t
                .rivals
                .iter()
                .map(|&(k, d)| (c.competitors.names[k as usize].clone(), d))
                .collect(),
            meters: t.meters,
            decision: t.decision,
            intensity: self.state.intensity,
            funnel: self.state.funnel.percent(),
        });
        self.moves.last().expect("just pushed")
    }

    /// Record the trainee's read of a person (replaces his earlier read of that person).
    pub fn set_read(&mut self, mut read: Read) {
        read.week = self.state.week;
        self.reads.retain(|r| r.person != read.person);
        self.reads.push(read);
    }

    pub fn read_of(&self, person: &str) -> Option<&Read> {
        self.reads.iter().find(|r| r.person == person)
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
}
