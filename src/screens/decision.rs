//! A decision: the trainee commits (which burning issue, which insider, where we rank).

use bevy::prelude::*;

use super::Screen;
use super::parts::{choices_or_consequence, scroll_column, top_bar};
use crate::case::model::{DecisionKind, SceneKind};
use crate::session::Deal;
use crate::theme::widget::{gap, panel_node, panel_with, size};
use crate::theme::{Kit, palette};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Decision), spawn);
}

fn spawn(mut commands: Commands, kit: Res<Kit>, deal: Option<Res<Deal>>) {
    let Some(deal) = deal else { return };
    let scene = deal.case().scene(deal.game.state.scene);
    let kind = match scene.kind {
        SceneKind::Decision(DecisionKind::BurningIssue) => {
            kit.t("DECISION · THE BURNING ISSUE", "决断 · 燃眉之急")
        }
        SceneKind::Decision(DecisionKind::Insider) => {
            kit.t("DECISION · YOUR INSIDER", "决断 · 选择内线")
        }
        SceneKind::Decision(DecisionKind::Rank) => {
            kit.t("DECISION · WHERE DO WE RANK?", "决断 · 我们排第几？")
        }
        _ => kit.t("DECISION", "决断"),
    };
    commands
        .spawn((
            crate::theme::widget::screen_root(),
            DespawnOnExit(Screen::Decision),
        ))
        .with_children(|root| {
            top_bar(root, &kit, &deal);
            root.spawn(Node {
                flex_grow: 1.0,
                min_height: Val::Px(0.0),
                justify_content: JustifyContent::Center,
                padding: UiRect::all(Val::Px(gap::M)),
                ..default()
            })
            .with_children(|main| {
                main.spawn(panel_with(
                    Node {
                        width: Val::Percent(100.0),
                        max_width: Val::Px(1000.0),
                        ..panel_node()
                    },
                    palette::ACCENT,
                ))
                .with_children(|p| {
                    p.spawn(kit.text(kind, size::SMALL, palette::ACCENT));
                    p.spawn(kit.heading(kit.c(&scene.title)));
                    p.spawn(scroll_column(Val::Percent(100.0)))
                        .with_children(|body| {
                            for t in deal.game.scene_text() {
                                body.spawn(kit.text(kit.c(t), size::H2, palette::TEXT));
                            }
                            body.spawn(Node {
                                height: Val::Px(gap::S),
                                flex_shrink: 0.0,
                                ..default()
                            });
                            choices_or_consequence(body, &kit, &deal, false);
                        });
                });
            });
        });
}
