//! The trainee's read of each person he met beside the truth, field by field, weighted by how
//! much the person counted in the decision.

use bevy::prelude::*;

use crate::scoring::result::RunResult;
use crate::screens::cards::{Field, field_value};
use crate::screens::parts::scroll_column;
use crate::session::Deal;
use crate::theme::widget::{gap, panel_node, panel_with, size};
use crate::theme::{Kit, palette};

pub fn spawn(body: &mut ChildSpawnerCommands, kit: &Kit, deal: &Deal, r: &RunResult) {
    let c = deal.case();
    body.spawn(panel_with(
        Node {
            flex_grow: 1.0,
            min_width: Val::Px(0.0),
            ..panel_node()
        },
        palette::BORDER,
    ))
    .with_children(|p| {
        p.spawn(kit.bold(
            format!(
                "{} · {} {}/100",
                kit.t("YOUR READ BESIDE THE TRUTH", "你的判断与真相"),
                kit.t("score", "得分"),
                r.score.read
            ),
            size::SMALL,
            palette::ACCENT,
        ));
        p.spawn(kit.text(
            kit.t(
                "For everyone you met who counted in the decision. Green: right. Red: wrong. ?: you left it open.",
                "列出你见过、且对决策有影响的每个人。绿色：判断正确；红色：判断错误；？：没有填写。",
            ),
            size::SMALL,
            palette::TEXT_DIM,
        ));
        p.spawn(scroll_column(Val::Percent(100.0)))
            .with_children(|list| {
                if r.read_checks.is_empty() {
                    list.spawn(kit.dim(kit.t(
                        "You met nobody who counted in the decision.",
                        "你没有见到任何对决策有影响的人。",
                    )));
                }
                list.spawn(Node {
                    flex_wrap: FlexWrap::Wrap,
                    column_gap: Val::Px(gap::S),
                    row_gap: Val::Px(gap::S),
                    flex_shrink: 0.0,
                    ..default()
                })
                .with_children(|grid| {
                    for check in &r.read_checks {
                        let name = c
                            .stakeholders
                            .get(&check.person)
                            .map(|i| kit.c(&c.stakeholder(i).name).to_string())
                            .unwrap_or_else(|| check.person.clone());
                        grid.spawn(panel_with(
                            Node {
                                width: Val::Px(330.0),
                                flex_shrink: 0.0,
                                row_gap: Val::Px(2.0),
                                ..panel_node()
                            },
                            palette::BORDER,
                        ))
                        .with_children(|card| {
                            card.spawn(kit.bold(
                                format!("{name} · {}%  (×{})", check.score, check.weight),
                                size::BODY,
                                palette::TEXT,
                            ));
                            card.spawn(Node {
                                column_gap: Val::Px(gap::S),
                                flex_shrink: 0.0,
                                ..default()
                            })
                            .with_children(|h| {
                                h.spawn(kit.label("", size::SMALL, palette::TEXT_DIM, 110.0));
                                h.spawn(kit.label(
                                    kit.t("you", "你的判断"),
                                    size::SMALL,
                                    palette::TEXT_DIM,
                                    95.0,
                                ));
                                h.spawn(kit.label(
                                    kit.t("truth", "真相"),
                                    size::SMALL,
                                    palette::TEXT_DIM,
                                    95.0,
                                ));
                            });
                            for f in Field::ALL {
                                let truth = field_value(kit, Some(&check.truth), f);
                                if truth == "?" {
                                    // The case does not say (e.g. no concern given).
                                    continue;
                                }
                                let mine = field_value(kit, check.read.as_ref(), f);
                                let color = if mine == "?" {
                                    palette::TEXT_DIM
                                } else if mine == truth {
                                    palette::GOOD
                                } else {
                                    palette::BAD
                                };
                                card.spawn(Node {
                                    column_gap: Val::Px(gap::S),
                                    flex_shrink: 0.0,
                                    ..default()
                                })
                                .with_children(|row| {
                                    row.spawn(kit.label(
                                        f.label(kit),
                                        size::SMALL,
                                        palette::TEXT_DIM,
                                        110.0,
                                    ));
                                    row.spawn(kit.label(mine, size::SMALL, color, 95.0));
                                    row.spawn(kit.label(truth, size::SMALL, palette::TEXT, 95.0));
                                });
                            }
                        });
                    }
                });
            });
    });
}
