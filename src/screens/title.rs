//! Title: continue a saved deal, start a new one, settings, quit.

use bevy::prelude::*;

use super::{Screen, screen_for};
use crate::save::{self, SaveError};
use crate::session::{Deal, Library, Settings};
use crate::theme::interaction::HotKey;
use crate::theme::widget::{centered_column, screen_root, size};
use crate::theme::{Activate, Kit, palette};

/// A message for the title screen (e.g. a damaged save was set aside).
#[derive(Resource, Default)]
pub struct TitleNotice(pub Option<String>);

#[derive(Component)]
pub struct NewGameButton;

#[derive(Component)]
pub struct ContinueSaveButton;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<TitleNotice>();
    app.add_systems(OnEnter(Screen::Title), spawn);
}

fn spawn(mut commands: Commands, kit: Res<Kit>, mut notice: ResMut<TitleNotice>) {
    // Look at the autosave: usable, missing, or damaged (then set aside, never overwritten).
    let path = save::autosave_path();
    let resumable = match save::read_save(&path) {
        Ok(s) => Some(s),
        Err(SaveError::Missing) => None,
        Err(e) => {
            let moved = save::set_aside(&path)
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            notice.0 = Some(format!(
                "{e}. {} {moved}",
                kit.t("It was moved aside to", "已移至")
            ));
            None
        }
    };
    commands.spawn((screen_root(), DespawnOnExit(Screen::Title))).with_children(|root| {
        root.spawn(centered_column(720.0)).with_children(|col| {
            col.spawn(kit.bold("Dealcraft · 成交工坊", size::TITLE, palette::ACCENT));
            col.spawn(kit.text(
                kit.t("Practise the big deal: find the burning issue, choose your insider, climb to the decision maker.", "练习打大单：找准燃眉之急，选对内线，一步步接近拍板人。"),
                size::H2,
                palette::TEXT,
            ));
            col.spawn(Node { height: Val::Px(12.0), ..default() });
            let mut order = 0;
            if let Some(s) = resumable {
                let label = format!("{} — {} ({} {})", kit.t("Continue", "继续"), s.case, s.choices.len(), kit.t("moves", "步"));
                col.spawn((kit.wide_button(label, order), ContinueSaveButton)).observe(continue_save);
                order += 1;
            }
            col.spawn((kit.wide_button(kit.t("New deal", "新的商机"), order), NewGameButton)).observe(new_game);
            col.spawn(kit.wide_button(kit.t("Settings", "设置"), order + 1))
                .observe(|_: On<Activate>, mut next: ResMut<NextState<Screen>>| next.set(Screen::Settings));
            col.spawn(kit.wide_button(kit.t("中文", "English"), order + 2)).observe(
                |_: On<Activate>, mut settings: ResMut<Settings>, mut next: ResMut<NextState<Screen>>| {
                    settings.lang = settings.lang.other();
                    next.set(Screen::Title);
                },
            );
            // A browser tab is closed by the browser, not by the game.
            if !cfg!(target_arch = "wasm32") {
                col.spawn((kit.wide_button(kit.t("Quit (Esc)", "退出 (Esc)"), order + 3), HotKey(KeyCode::Escape)))
                    .observe(|_: On<Activate>, mut exit: MessageWriter<AppExit>| {
                        exit.write(AppExit::Success);
                    });
            }
            if let Some(n) = &notice.0 {
                col.spawn(kit.text(n.clone(), size::SMALL, palette::BAD));
            }
            col.spawn(kit.text(
                kit.t("Keys: Tab/arrows move · Enter chooses · 1–9 pick a choice · Esc goes back", "按键：Tab/方向键移动 · Enter 确认 · 1–9 选择 · Esc 返回"),
                size::SMALL,
                palette::TEXT_DIM,
            ));
        });
    });
}

fn new_game(_: On<Activate>, mut next: ResMut<NextState<Screen>>) {
    next.set(Screen::CaseSelect);
}

fn continue_save(
    _: On<Activate>,
    mut commands: Commands,
    library: Res<Library>,
    mut notice: ResMut<TitleNotice>,
    mut next: ResMut<NextState<Screen>>,
) {
    let s = match save::read_save(&save::autosave_path()) {
        Ok(s) => s,
        Err(e) => {
            notice.0 = Some(e.to_string());
            next.set(Screen::Title);
            return;
        }
    };
    match Deal::resume(&library, &s) {
        Ok(deal) => {
            next.set(screen_for(&deal));
            commands.insert_resource(deal);
        }
        Err(e) => {
            notice.0 = Some(e);
            next.set(Screen::Title);
        }
    }
}
