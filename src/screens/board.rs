//! The deal board: who's who, deal health, notebook and news, and the actions on offer.

use bevy::prelude::*;

use super::Screen;
use super::parts::{
    choices_or_consequence, competitors, deal_health, person_card, scroll_column, top_bar,
};
use crate::engine::compile::Ix;
use crate::session::Deal;
use crate::theme::widget::{gap, panel_node, panel_with, screen_root, size};
use crate::theme::{Kit, palette};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Board), spawn);
}

/// Org-chart levels: people with no superior first, then their reports, and so on.
pub fn levels(deal: &Deal) -> Vec<Vec<Ix>> {
    let c = deal.case();
    let n = c.case.stakeholders.len();
    let depth = |i: usize| {
        let mut d = 0;
        let mut cur = i;
        while let Some(b) = c.case.stakeholders[cur]
            .reports_to
            .as_deref()
            .and_then(|b| c.stakeholders.get(b))
        {
            d += 1;
            cur = b as usize;
            if d > n {
                break;
            }
        }
        d
    };
    let mut out: Vec<Vec<Ix>> = Vec::new();
    for i in 0..n {
        let d = depth(i);
        if out.len() <= d {
            out.resize(d + 1, Vec::new());
        }
        out[d].push(i as Ix);
    }
    out
}

fn spawn(mut commands: Commands, kit: Res<Kit>, deal: Option<Res<Deal>>) {
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
                // Left: deal health.
                main.spawn(panel_with(
                    Node {
                        width: Val::Px(250.0),
                        flex_shrink: 0.0,
                        ..panel_node()
                    },
                    palette::BORDER,
                ))
                .with_children(|p| {
                    deal_health(p, &kit, &deal);
                    competitors(p, &kit, &deal);
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
                            for level in levels(&deal) {
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
                                        for ix in level {
                                            person_card(row, &kit, &deal, ix, Val::Px(170.0));
                                        }
                                    });
                            }
                        });
                });
                // Right: notebook and news.
                main.spawn(panel_with(
                    Node {
                        width: Val::Px(280.0),
                        flex_shrink: 0.0,
                        ..panel_node()
                    },
                    palette::BORDER,
                ))
                .with_children(|p| {
                    p.spawn(kit.bold(kit.t("NOTEBOOK", "笔记"), size::SMALL, palette::ACCENT));
                    p.spawn(scroll_column(Val::Percent(55.0)))
                        .with_children(|notes| {
                            let c = deal.case();
                            let mut any = false;
                            for (i, f) in c.case.facts.iter().enumerate() {
                                if deal.game.state.facts.get(i as Ix) {
                                    notes.spawn(kit.text(
                                        format!("• {}", kit.c(&f.text)),
                                        size::SMALL,
                                        palette::TEXT,
                                    ));
                                    any = true;
                                }
                            }
                            if !any {
                                notes.spawn(
                                    kit.dim(kit.t("Nothing learned yet.", "还没有记下任何信息。")),
                                );
                            }
                        });
                    p.spawn(kit.bold(kit.t("NEWS", "消息"), size::SMALL, palette::ACCENT));
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
                                    format!("{} {week} · {}", kit.t("wk", "第"), kit.c(n)),
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
