//! The deal board: who's who, deal health, notebook and news, and the actions on offer.

use bevy::prelude::*;

use super::Screen;
use super::cards::{Reading, person_card, read_editor};
use super::parts::{choices_or_consequence, competitors, deal_health, scroll_column, top_bar};
use crate::engine::view;
use crate::session::Deal;
use crate::theme::widget::{gap, panel_node, panel_with, screen_root, size};
use crate::theme::{Kit, palette};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Board), spawn);
    app.add_systems(Update, show_notice.run_if(in_state(Screen::Board)));
}

/// The deal's notice above the news. It can arrive while the board is up (the classroom
/// link's trouble comes from its worker thread), so it is kept up to date, not only drawn.
#[derive(Component)]
struct NoticeLine;

fn notice_display(text: &str) -> Display {
    if text.is_empty() {
        Display::None
    } else {
        Display::Flex
    }
}

fn show_notice(
    kit: Res<Kit>,
    deal: Option<Res<Deal>>,
    mut line: Query<(&mut Text, &mut Node), With<NoticeLine>>,
) {
    let Some(deal) = deal.filter(|d| d.is_changed()) else {
        return;
    };
    let want = deal
        .notice
        .as_ref()
        .map(|n| n.text(kit.lang))
        .unwrap_or_default();
    for (mut text, mut node) in &mut line {
        if text.0 != want {
            text.0 = want.clone();
            node.display = notice_display(&want);
        }
    }
}

fn spawn(mut commands: Commands, kit: Res<Kit>, deal: Option<Res<Deal>>, reading: Res<Reading>) {
    let Some(deal) = deal else { return };
    commands
        .spawn((screen_root(), DespawnOnExit(Screen::Board)))
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
                // Left: deal health. The side panels grow with the window (a fixed width
                // left the notebook a narrow strip beside a half-empty centre at 1920×1080).
                main.spawn(panel_with(
                    Node {
                        width: Val::Percent(19.0),
                        min_width: Val::Px(230.0),
                        max_width: Val::Px(380.0),
                        flex_shrink: 0.0,
                        ..panel_node()
                    },
                    palette::BORDER,
                ))
                .with_children(|p| {
                    // On a small window the meters and the competitors scroll.
                    p.spawn(scroll_column(Val::Percent(100.0)))
                        .with_children(|col| {
                            deal_health(col, &kit, &deal);
                            competitors(col, &kit, &deal);
                        });
                });
                // Centre: who's who.
                main.spawn(panel_with(
                    Node {
                        flex_grow: 1.0,
                        min_width: Val::Px(0.0),
                        ..panel_node()
                    },
                    palette::BORDER,
                ))
                .with_children(|p| {
                    p.spawn(kit.bold(kit.t("WHO'S WHO", "客户组织"), size::SMALL, palette::ACCENT));
                    p.spawn(scroll_column(Val::Percent(100.0)))
                        .with_children(|chart| {
                            // Only the people found so far: who else matters is part
                            // of what the trainee has to find out.
                            let chart_levels = view::org_chart(&deal.game);
                            for level in &chart_levels {
                                chart
                                    .spawn(Node {
                                        flex_wrap: FlexWrap::Wrap,
                                        justify_content: JustifyContent::Center,
                                        column_gap: Val::Px(gap::S),
                                        row_gap: Val::Px(gap::S),
                                        flex_shrink: 0.0,
                                        ..default()
                                    })
                                    .with_children(|row| {
                                        for v in level {
                                            person_card(
                                                row,
                                                &kit,
                                                &deal,
                                                v.ix,
                                                Val::Px(180.0),
                                                true,
                                            );
                                        }
                                    });
                            }
                            chart.spawn(kit.dim(kit.t(
                                "Others you have not met may matter more than they seem.",
                                "还有你没见过的人，他们可能比看上去更重要。",
                            )));
                        });
                });
                // Right: notebook and news.
                main.spawn(panel_with(
                    Node {
                        width: Val::Percent(24.0),
                        min_width: Val::Px(260.0),
                        max_width: Val::Px(480.0),
                        flex_shrink: 0.0,
                        ..panel_node()
                    },
                    palette::BORDER,
                ))
                .with_children(|p| {
                    if let Some(ix) = reading.at(deal.game.turn()) {
                        p.spawn(scroll_column(Val::Percent(100.0)))
                            .with_children(|ed| read_editor(ed, &kit, &deal, ix));
                        return;
                    }
                    p.spawn(kit.bold(kit.t("NOTEBOOK", "笔记"), size::SMALL, palette::ACCENT));
                    p.spawn(scroll_column(Val::Percent(55.0)))
                        .with_children(|notes| {
                            let facts = view::notebook(deal.case(), &deal.game.state);
                            if facts.is_empty() {
                                notes.spawn(
                                    kit.dim(kit.t("Nothing learned yet.", "还没有记下任何信息。")),
                                );
                            }
                            for f in facts {
                                notes.spawn(kit.text(
                                    format!("• {}", kit.c(f)),
                                    size::SMALL,
                                    palette::TEXT,
                                ));
                            }
                        });
                    p.spawn(kit.bold(kit.t("NEWS", "消息"), size::SMALL, palette::ACCENT));
                    let notice = deal
                        .notice
                        .as_ref()
                        .map(|n| n.text(kit.lang))
                        .unwrap_or_default();
                    p.spawn((
                        NoticeLine,
                        Node {
                            display: notice_display(&notice),
                            ..default()
                        },
                        kit.text(notice, size::SMALL, palette::BAD),
                    ));
                    p.spawn(scroll_column(Val::Percent(40.0)))
                        .with_children(|news| {
                            let items: Vec<_> = deal
                                .game
                                .moves
                                .iter()
                                .rev()
                                .flat_map(|m| m.news.iter().map(move |n| (m.week, n)))
                                .collect();
                            if items.is_empty() {
                                news.spawn(kit.dim(kit.t("Quiet so far.", "暂无消息。")));
                            }
                            for (week, n) in items {
                                news.spawn(kit.text(
                                    format!("{} · {}", kit.week(week), kit.c(n)),
                                    size::SMALL,
                                    palette::TEXT,
                                ));
                            }
                        });
                });
            });
            // Bottom: what to do next.
            root.spawn(panel_with(
                Node {
                    margin: UiRect::all(Val::Px(gap::S)),
                    flex_shrink: 0.0,
                    ..panel_node()
                },
                palette::BORDER,
            ))
            .with_children(|p| {
                if deal.pending.is_none() {
                    p.spawn(kit.bold(kit.t("ACTIONS", "行动"), size::SMALL, palette::ACCENT));
                    for t in deal.game.scene_text() {
                        p.spawn(kit.text(kit.c(t), size::SMALL, palette::TEXT_DIM));
                    }
                }
                choices_or_consequence(p, &kit, &deal, true);
            });
        });
}
