//! One file per screen. Each screen spawns its UI on enter, scoped to the state so it is
//! despawned on exit; entering the same screen again redraws it (after a move, a language
//! switch, a live reload).

pub mod board;
pub mod briefing;
pub mod cards;
pub mod case_select;
pub mod debrief;
pub mod decision;
pub mod meeting;
pub mod outcome;
pub mod parts;
pub mod settings;
pub mod title;

use bevy::prelude::*;

use crate::case::model::SceneKind;
use crate::session::Deal;

#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Screen {
    #[default]
    Title,
    Settings,
    CaseSelect,
    Briefing,
    Board,
    Meeting,
    Decision,
    Outcome,
    Debrief,
}

impl Screen {
    /// File-name friendly name (screenshots).
    pub fn slug(self) -> &'static str {
        match self {
            Screen::Title => "title",
            Screen::Settings => "settings",
            Screen::CaseSelect => "case-select",
            Screen::Briefing => "briefing",
            Screen::Board => "board",
            Screen::Meeting => "meeting",
            Screen::Decision => "decision",
            Screen::Outcome => "outcome",
            Screen::Debrief => "debrief",
        }
    }
}

/// The screen that shows the deal's current scene (or its end).
pub fn screen_for(deal: &Deal) -> Screen {
    if deal.game.is_over() && deal.pending.is_none() {
        return Screen::Outcome;
    }
    match deal.case().scene(deal.game.state.scene).kind {
        SceneKind::Board => Screen::Board,
        SceneKind::Meeting(_) | SceneKind::Story => Screen::Meeting,
        SceneKind::Decision(_) => Screen::Decision,
    }
}

pub fn plugin(app: &mut App) {
    app.init_state::<Screen>();
    app.add_plugins((
        title::plugin,
        settings::plugin,
        case_select::plugin,
        briefing::plugin,
        board::plugin,
        meeting::plugin,
        decision::plugin,
        outcome::plugin,
        debrief::plugin,
        parts::plugin,
        cards::plugin,
    ));
}
