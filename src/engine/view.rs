//! What the trainee knows: the view the screens read. Nothing here shows the truth unless the
//! trainee has found it out; what he was only told is marked as told, and what he saw is
//! dated, because people change.

use super::compile::{Compiled, Ix};
use super::game::Game;
use super::read::Read;
use super::state::{RivalStatus, State};
use crate::case::model::{
    Aspect, Attitude, BuyingRole, ChangeAttitude, Competitor, Needs, Stakeholder,
};
use crate::case::text::Text;

/// A fact on a card: unknown, told by someone (maybe wrong), or seen for oneself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Card<T> {
    Unknown,
    Told(T),
    Seen(T),
}

impl<T: Copy> Card<T> {
    pub fn value(&self) -> Option<T> {
        match self {
            Card::Unknown => None,
            Card::Told(v) | Card::Seen(v) => Some(*v),
        }
    }
}

/// One person as the trainee knows him.
#[derive(Debug, Clone)]
pub struct PersonView<'a> {
    pub ix: Ix,
    pub id: &'a str,
    /// Name, title, unit, portrait and profile: public once he is known.
    pub person: &'a Stakeholder,
    pub known: bool,
    pub met: bool,
    pub meetings: u8,
    pub role: Card<BuyingRole>,
    pub influence: Card<u8>,
    /// The mood he last showed (or was said to have), and in which week; `true` when it was
    /// his real attitude (a closed question, an insider's word).
    pub mood: Option<(Attitude, u32, bool)>,
    /// Whom he was seen backing: `Some(None)` for nobody.
    pub backs: Option<Option<&'a Competitor>>,
    pub needs: Option<Needs>,
    pub change: Option<ChangeAttitude>,
    pub concerns: Option<&'a Text>,
    pub insider: bool,
    /// The trainee's own read of him.
    pub read: Option<&'a Read>,
}

pub fn person<'a>(c: &'a Compiled, s: &State, reads: &'a [Read], p: Ix) -> PersonView<'a> {
    let ps = &s.people[p as usize];
    let seen = |a: Aspect| ps.seen & a.bit() != 0;
    let card = |raw: u8, a: Aspect| -> Card<u8> {
        match raw {
            0 => Card::Unknown,
            v if seen(a) => Card::Seen(v - 1),
            v => Card::Told(v - 1),
        }
    };
    let person = c.stakeholder(p);
    let id = c.stakeholders.names[p as usize].as_str();
    PersonView {
        ix: p,
        id,
        person,
        known: ps.known(),
        met: ps.met(),
        meetings: ps.meetings,
        role: match card(ps.role, Aspect::Role) {
            Card::Unknown => Card::Unknown,
            Card::Told(r) => Card::Told(BuyingRole::ALL[(r as usize).min(9)]),
            Card::Seen(r) => Card::Seen(BuyingRole::ALL[(r as usize).min(9)]),
        },
        influence: card(ps.influence, Aspect::Influence),
        mood: (ps.mood > 0).then(|| {
            (
                Attitude::from_index(ps.mood as i32 - 1),
                ps.mood_week as u32,
                seen(Aspect::Attitude),
            )
        }),
        backs: (ps.backs_seen > 0)
            .then(|| (ps.backs_seen > 1).then(|| &c.case.competitors[ps.backs_seen as usize - 2])),
        needs: seen(Aspect::Needs).then_some(person.needs),
        change: seen(Aspect::Change).then_some(person.change),
        concerns: (seen(Aspect::Concerns) && !person.concerns.is_empty())
            .then_some(&person.concerns),
        insider: s.insider == Some(p),
        read: reads.iter().find(|r| r.person == id),
    }
}

/// Everyone the trainee knows of, in org-chart levels (top first).
pub fn org_chart<'a>(game: &'a Game) -> Vec<Vec<PersonView<'a>>> {
    let c = &game.case;
    c.org
        .levels()
        .into_iter()
        .map(|level| {
            level
                .into_iter()
                .filter(|&p| game.state.known(p))
                .map(|p| person(c, &game.state, &game.reads, p))
                .collect::<Vec<_>>()
        })
        .filter(|l| !l.is_empty())
        .collect()
}

/// The notebook: facts learned, in the case's order.
pub fn notebook<'a>(c: &'a Compiled, s: &State) -> Vec<&'a Text> {
    c.case
        .facts
        .iter()
        .enumerate()
        .filter(|(i, _)| s.facts.get(*i as Ix))
        .map(|(_, f)| &f.text)
        .collect()
}

/// A competitor as the trainee sees it: its public standing and whether it is still in.
#[derive(Debug, Clone)]
pub struct RivalView<'a> {
    pub competitor: &'a Competitor,
    /// Standing as the market sees it (the case's figure, not its hidden moves).
    pub reputation: u8,
    pub status: RivalStatus,
}

pub fn rivals<'a>(c: &'a Compiled, s: &State) -> Vec<RivalView<'a>> {
    c.case
        .competitors
        .iter()
        .zip(&s.rivals)
        .map(|(k, r)| RivalView {
            competitor: k,
            reputation: k.strength,
            status: r.status,
        })
        .collect()
}
