//! Briefing: the lead as the salesperson receives it, the calendar and the budget.

use bevy::prelude::*;

use super::parts::cost_label;
use super::{Screen, screen_for};
use crate::session::Deal;
use crate::theme::interaction::HotKey;
use crate::theme::widget::{centered_column, screen_root, size};
use crate::theme::{Activate, Kit, palette};

#[derive(Component)]
pub struct StartButton;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Briefing), spawn);
}

fn spawn(
    mut commands: Commands,
    kit: Res<Kit>,
    deal: Option<Res<Deal>>,
    mut next: ResMut<NextState<Screen>>,
) {
    let Some(deal) = deal else {
        next.set(Screen::CaseSelect);
        return;
    };
    let case = &deal.case().case;
    commands
        .spawn((screen_root(), DespawnOnExit(Screen::Briefing)))
        .with_children(|root| {
            root.spawn(centered_column(900.0)).with_children(|col| {
                col.spawn(kit.text(kit.t("BRIEFING", "任务简报"), size::SMALL, palette::ACCENT));
                col.spawn(kit.heading(kit.c(&case.title)));
                col.spawn(kit.text(kit.c(&case.briefing), size::H2, palette::TEXT));
                let calendar = format!(
                    "{} {} {} · {} {}",
                    kit.t("You have", "时间："),
                    case.calendar.weeks,
                    kit.t("weeks", "周"),
                    kit.t("budget", "预算"),
                    cost_label(&kit, 0, case.calendar.budget, &case.calendar.currency)
                );
                col.spawn(kit.text(calendar, size::BODY, palette::INFO));
                col.spawn(kit.text(
                    format!(
                        "{} {} · {}",
                        kit.t("You play:", "你的角色："),
                        kit.c(&case.seller.you),
                        kit.c(&case.seller.company)
                    ),
                    size::BODY,
                    palette::TEXT_DIM,
                ));
                let who = deal
                    .player
                    .as_deref()
                    .map(|p| format!(" · {} {p}", kit.t("trainee", "学员")))
                    .unwrap_or_default();
                col.spawn(kit.text(
                    format!("{} {}{who}", kit.t("Seed", "种子"), deal.game.state.seed),
                    size::SMALL,
                    palette::TEXT_DIM,
                ));
                col.spawn((
                    kit.button(kit.t("Start the deal (Enter)", "开始 (Enter)"), 0),
                    StartButton,
                    HotKey(KeyCode::Enter),
                ))
                .observe(
                    |_: On<Activate>, deal: Res<Deal>, mut next: ResMut<NextState<Screen>>| {
                        next.set(screen_for(&deal))
                    },
                );
                col.spawn((
                    kit.quiet_button(kit.t("Back (Esc)", "返回 (Esc)"), 1),
                    HotKey(KeyCode::Escape),
                ))
                .observe(
                    |_: On<Activate>, mut next: ResMut<NextState<Screen>>| {
                        next.set(Screen::CaseSelect)
                    },
                );
            });
        });
}
