//! The trainee's line beside the expert line: every move with its score change and note.

use bevy::prelude::*;

use crate::analysis::explore::Line as ExpertLine;
use crate::scoring::result::RunResult;
use crate::screens::parts::{delta_line, scroll_column};
use crate::session::Deal;
use crate::theme::widget::{panel_node, panel_with, size};
use crate::theme::{Kit, palette};

fn column() -> impl Bundle {
    panel_with(
        Node {
            flex_grow: 1.0,
            flex_basis: Val::Px(0.0),
            min_width: Val::Px(0.0),
            ..panel_node()
        },
        palette::BORDER,
    )
}

fn item() -> Node {
    Node {
        flex_direction: FlexDirection::Column,
        flex_shrink: 0.0,
        row_gap: Val::Px(2.0),
        ..default()
    }
}

pub fn spawn(
    body: &mut ChildSpawnerCommands,
    kit: &Kit,
    deal: &Deal,
    r: &RunResult,
    expert: Option<&ExpertLine>,
) {
    let c = deal.case();
    body.spawn(column()).with_children(|p| {
        p.spawn(kit.bold(kit.t("YOUR LINE", "你的打法"), size::SMALL, palette::ACCENT));
        p.spawn(scroll_column(Val::Percent(100.0)))
            .with_children(|list| {
                for m in &r.moves {
                    list.spawn(item()).with_children(|it| {
                        it.spawn(kit.bold(
                            format!("{} · {}", kit.week(m.week), kit.c(&m.label)),
                            size::BODY,
                            palette::TEXT,
                        ));
                        for d in &m.deltas {
                            it.spawn(delta_line(kit, d, &m.note));
                        }
                        if !m.note.is_empty() {
                            it.spawn(kit.text(kit.c(&m.note), size::SMALL, palette::TEXT_DIM));
                        }
                    });
                }
            });
    });
    body.spawn(column()).with_children(|p| {
        p.spawn(kit.bold(
            kit.t(
                "EXPERT LINE (best found by analysis, same seed)",
                "专家打法（同一随机种子下分析得出的最佳路线）",
            ),
            size::SMALL,
            palette::ACCENT,
        ));
        p.spawn(scroll_column(Val::Percent(100.0)))
            .with_children(|list| match expert {
                None => {
                    list.spawn(kit.dim(kit.t("Analysing the case…", "正在分析案例……")));
                }
                Some(line) => {
                    list.spawn(kit.text(
                        format!("{} {:.1}", kit.t("Expert total", "专家总分"), line.score),
                        size::BODY,
                        palette::GOOD,
                    ));
                    let mine: Vec<&str> = r.moves.iter().map(|m| m.choice.as_str()).collect();
                    for id in &line.line {
                        let Some(ix) = c.choices.get(id) else {
                            continue;
                        };
                        let ch = c.choice(ix);
                        let same = mine.contains(&id.as_str());
                        list.spawn(item()).with_children(|it| {
                            let mark = if same { "✓ " } else { "→ " };
                            it.spawn(kit.bold(
                                format!("{mark}{}", kit.c(&ch.label)),
                                size::BODY,
                                if same { palette::GOOD } else { palette::TEXT },
                            ));
                            if !ch.note.is_empty() {
                                it.spawn(kit.text(kit.c(&ch.note), size::SMALL, palette::TEXT_DIM));
                            }
                        });
                    }
                }
            });
    });
}
