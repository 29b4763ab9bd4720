//! A meeting: the people present with their visible mood, the conversation, the choices.

use bevy::prelude::*;

use super::Screen;
use super::cards::person_card;
use super::parts::{choices_or_consequence, scroll_column, top_bar};
use crate::case::model::SceneKind;
use crate::session::Deal;
use crate::theme::widget::{gap, panel_node, panel_with, screen_root, size};
use crate::theme::{Kit, palette};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Meeting), spawn);
}

fn spawn(mut commands: Commands, kit: Res<Kit>, deal: Option<Res<Deal>>) {
    let Some(deal) = deal else { return };
    let c = deal.case();
    let scene = c.scene(deal.game.state.scene);
    let present: Vec<_> = match &scene.kind {
        SceneKind::Meeting(ids) => ids.iter().filter_map(|id| c.stakeholders.get(id)).collect(),
        _ => Vec::new(),
    };
    commands
        .spawn((screen_root(), DespawnOnExit(Screen::Meeting)))
        .with_children(|root| {
            top_bar(root, &kit, &deal);
            root.spawn(Node {
                flex_grow: 1.0,
                min_height: Val::Px(0.0),
                padding: UiRect::all(Val::Px(gap::S)),
                column_gap: Val::Px(gap::S),
                ..default()
            })
            .with_children(|main| {
                if !present.is_empty() {
                    main.spawn(panel_with(
                        Node {
                            width: Val::Px(240.0),
                            flex_shrink: 0.0,
                            ..panel_node()
                        },
                        palette::BORDER,
                    ))
                    .with_children(|p| {
                        p.spawn(kit.bold(
                            kit.t("IN THE ROOM", "在场的人"),
                            size::SMALL,
                            palette::ACCENT,
                        ));
                        for ix in &present {
                            person_card(p, &kit, &deal, *ix, Val::Percent(100.0), false);
                        }
                    });
                }
                main.spawn(panel_with(
                    Node {
                        flex_grow: 1.0,
                        min_width: Val::Px(0.0),
                        ..panel_node()
                    },
                    palette::BORDER,
                ))
                .with_children(|p| {
                    p.spawn(kit.heading(kit.c(&scene.title)));
                    p.spawn(scroll_column(Val::Percent(100.0)))
                        .with_children(|talk| {
                            for t in deal.game.scene_text() {
                                talk.spawn(kit.text(kit.c(t), size::H2, palette::TEXT));
                            }
                            talk.spawn(Node {
                                height: Val::Px(gap::S),
                                flex_shrink: 0.0,
                                ..default()
                            });
                            choices_or_consequence(talk, &kit, &deal, false);
                        });
                });
            });
        });
}
