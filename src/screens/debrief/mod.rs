//! Debrief: the trainee's line beside the expert line, every move with its score change and
//! teaching note, the 5K radar and the funnel over time. Large type for a projector.

use bevy::asset::RenderAssetUsages;
use bevy::prelude::*;
use bevy::render::render_resource::{Extent3d, TextureDimension, TextureFormat};

use super::Screen;
use super::outcome::{headline_rows, outcome_word};
use super::parts::scroll_column;
use crate::report::radar::radar_rgba;
use crate::session::Deal;
use crate::theme::interaction::HotKey;
use crate::theme::widget::{gap, panel_node, panel_with, row, screen_root, size};
use crate::theme::{Activate, Kit, palette};

/// Whether the expert line was ready when the screen was drawn.
#[derive(Resource, Default)]
struct ExpertShown(bool);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ExpertShown>();
    app.add_systems(OnEnter(Screen::Debrief), spawn);
    app.add_systems(
        Update,
        redraw_when_expert_ready.run_if(in_state(Screen::Debrief)),
    );
}

fn redraw_when_expert_ready(
    deal: Option<Res<Deal>>,
    shown: Res<ExpertShown>,
    mut next: ResMut<NextState<Screen>>,
) {
    if shown.0 {
        return;
    }
    if let Some(d) = deal
        && d.expert.lock().map(|e| e.is_some()).unwrap_or(false)
    {
        next.set(Screen::Debrief);
    }
}

pub fn radar_image(values: [u8; 5], px: u32) -> Image {
    let v: Vec<f32> = values.iter().map(|&x| x as f32 / 20.0).collect();
    let mut img = Image::new_fill(
        Extent3d {
            width: px,
            height: px,
            depth_or_array_layers: 1,
        },
        TextureDimension::D2,
        &[0, 0, 0, 0],
        TextureFormat::Rgba8UnormSrgb,
        RenderAssetUsages::RENDER_WORLD | RenderAssetUsages::MAIN_WORLD,
    );
    img.data = Some(radar_rgba(&v, px, [245, 179, 66], [100, 110, 130]));
    img
}

fn spawn(
    mut commands: Commands,
    kit: Res<Kit>,
    deal: Option<Res<Deal>>,
    mut images: ResMut<Assets<Image>>,
    mut shown: ResMut<ExpertShown>,
) {
    let Some(deal) = deal else { return };
    let c = deal.case();
    let r = crate::scoring::result(&deal.game);
    let expert = deal.expert.lock().ok().and_then(|e| e.clone());
    shown.0 = expert.is_some();
    let radar = images.add(radar_image(r.intensity.as_array(), 220));
    commands
        .spawn((screen_root(), DespawnOnExit(Screen::Debrief)))
        .with_children(|root| {
            // Header: scores, radar, funnel over time.
            root.spawn(Node {
                padding: UiRect::all(Val::Px(gap::S)),
                column_gap: Val::Px(gap::S),
                flex_shrink: 0.0,
                ..default()
            })
            .with_children(|top| {
                top.spawn(panel_with(
                    Node {
                        flex_grow: 1.0,
                        ..panel_node()
                    },
                    palette::BORDER,
                ))
                .with_children(|p| {
                    p.spawn(kit.bold(
                        format!(
                            "{} · {} · {} {:.1}",
                            kit.t("DEBRIEF", "复盘"),
                            outcome_word(&kit, r.outcome),
                            kit.t("total", "总分"),
                            r.score.total
                        ),
                        size::H1,
                        palette::ACCENT,
                    ));
                    headline_rows(p, &kit, &c.case.scoring.weights, &r.score);
                    // Funnel over the moves.
                    p.spawn(kit.text(
                        kit.t("Funnel over your moves", "漏斗随行动的变化"),
                        size::SMALL,
                        palette::TEXT_DIM,
                    ));
                    p.spawn(Node {
                        height: Val::Px(48.0),
                        align_items: AlignItems::FlexEnd,
                        column_gap: Val::Px(2.0),
                        border: UiRect::bottom(Val::Px(1.0)),
                        ..default()
                    })
                    .insert(BorderColor::all(palette::BORDER))
                    .with_children(|bars| {
                        for m in &r.moves {
                            bars.spawn((
                                Node {
                                    flex_grow: 1.0,
                                    max_width: Val::Px(24.0),
                                    height: Val::Percent(m.funnel.max(2) as f32),
                                    ..default()
                                },
                                BackgroundColor(palette::INFO),
                            ));
                        }
                    });
                });
                top.spawn(panel_with(
                    Node {
                        align_items: AlignItems::Center,
                        ..panel_node()
                    },
                    palette::BORDER,
                ))
                .with_children(|p| {
                    p.spawn(kit.text(
                        kit.t("5K intensity", "5K 销售强度"),
                        size::SMALL,
                        palette::TEXT_DIM,
                    ));
                    p.spawn((
                        ImageNode::new(radar),
                        Node {
                            width: Val::Px(150.0),
                            height: Val::Px(150.0),
                            ..default()
                        },
                    ));
                    let v = r.intensity.as_array();
                    let names = crate::scoring::intensity::Intensity::NAMES;
                    let legend: Vec<String> = names
                        .iter()
                        .zip(v)
                        .map(|((en, zh), x)| format!("{} {x}", kit.t(en, zh)))
                        .collect();
                    p.spawn(kit.text(legend.join(" · "), size::SMALL, palette::TEXT));
                });
            });
            // The two lines side by side.
            root.spawn(Node {
                flex_grow: 1.0,
                min_height: Val::Px(0.0),
                padding: UiRect::horizontal(Val::Px(gap::S)),
                column_gap: Val::Px(gap::S),
                ..default()
            })
            .with_children(|cols| {
                cols.spawn(panel_with(
                    Node {
                        flex_grow: 1.0,
                        flex_basis: Val::Px(0.0),
                        ..panel_node()
                    },
                    palette::BORDER,
                ))
                .with_children(|p| {
                    p.spawn(kit.bold(kit.t("YOUR LINE", "你的打法"), size::SMALL, palette::ACCENT));
                    p.spawn(scroll_column(Val::Percent(100.0)))
                        .with_children(|list| {
                            for m in &r.moves {
                                list.spawn(Node {
                                    flex_direction: FlexDirection::Column,
                                    flex_shrink: 0.0,
                                    row_gap: Val::Px(2.0),
                                    ..default()
                                })
                                .with_children(|item| {
                                    item.spawn(kit.bold(
                                        format!(
                                            "{} {} · {}",
                                            kit.t("wk", "第"),
                                            m.week,
                                            kit.c(&m.label)
                                        ),
                                        size::BODY,
                                        palette::TEXT,
                                    ));
                                    for d in &m.deltas {
                                        item.spawn(super::parts::delta_line(&kit, d, &m.note));
                                    }
                                    item.spawn(kit.text(
                                        kit.c(&m.note),
                                        size::SMALL,
                                        palette::TEXT_DIM,
                                    ));
                                });
                            }
                        });
                });
                cols.spawn(panel_with(
                    Node {
                        flex_grow: 1.0,
                        flex_basis: Val::Px(0.0),
                        ..panel_node()
                    },
                    palette::BORDER,
                ))
                .with_children(|p| {
                    p.spawn(kit.bold(
                        kit.t(
                            "EXPERT LINE (best found by analysis)",
                            "专家打法（分析得出的最佳路线）",
                        ),
                        size::SMALL,
                        palette::ACCENT,
                    ));
                    p.spawn(scroll_column(Val::Percent(100.0))).with_children(
                        |list| match &expert {
                            None => {
                                list.spawn(kit.dim(kit.t("Analysing the case…", "正在分析案例……")));
                            }
                            Some(line) => {
                                list.spawn(kit.text(
                                    format!(
                                        "{} {:.1}",
                                        kit.t("Expert total", "专家总分"),
                                        line.score
                                    ),
                                    size::BODY,
                                    palette::GOOD,
                                ));
                                let mine: Vec<&str> =
                                    r.moves.iter().map(|m| m.choice.as_str()).collect();
                                for id in &line.line {
                                    let Some(ix) = c.choices.get(id) else {
                                        continue;
                                    };
                                    let ch = c.choice(ix);
                                    let same = mine.contains(&id.as_str());
                                    list.spawn(Node {
                                        flex_direction: FlexDirection::Column,
                                        flex_shrink: 0.0,
                                        row_gap: Val::Px(2.0),
                                        ..default()
                                    })
                                    .with_children(|item| {
                                        let mark = if same { "✓ " } else { "→ " };
                                        item.spawn(kit.bold(
                                            format!("{mark}{}", kit.c(&ch.label)),
                                            size::BODY,
                                            if same { palette::GOOD } else { palette::TEXT },
                                        ));
                                        item.spawn(kit.text(
                                            kit.c(&ch.note),
                                            size::SMALL,
                                            palette::TEXT_DIM,
                                        ));
                                    });
                                }
                            }
                        },
                    );
                });
            });
            root.spawn(Node {
                padding: UiRect::all(Val::Px(gap::S)),
                column_gap: Val::Px(gap::S),
                flex_shrink: 0.0,
                ..row()
            })
            .with_children(|b| {
                b.spawn((
                    kit.button(kit.t("Play another deal (Enter)", "再来一局 (Enter)"), 0),
                    HotKey(KeyCode::Enter),
                ))
                .observe(
                    |_: On<Activate>, mut next: ResMut<NextState<Screen>>| {
                        next.set(Screen::CaseSelect)
                    },
                );
                b.spawn((
                    kit.quiet_button(kit.t("Title (Esc)", "标题 (Esc)"), 1),
                    HotKey(KeyCode::Escape),
                ))
                .observe(
                    |_: On<Activate>, mut next: ResMut<NextState<Screen>>| next.set(Screen::Title),
                );
            });
        });
}
