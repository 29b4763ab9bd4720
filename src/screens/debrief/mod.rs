//! Debrief: the headline scores, then three views an instructor can put on a projector —
//! the trainee's line beside the expert line, the customer's decision explained with the
//! mistakes that led to it, and the trainee's read of people beside the truth.

mod decision;
mod lines;
mod people;

use bevy::asset::RenderAssetUsages;
use bevy::prelude::*;
use bevy::render::render_resource::{Extent3d, TextureDimension, TextureFormat};

use super::Screen;
use super::outcome::{headline_rows, outcome_word};
use crate::engine::intensity::Intensity;
use crate::report::radar::radar_rgba;
use crate::session::Deal;
use crate::theme::interaction::HotKey;
use crate::theme::widget::{gap, panel_node, panel_with, row, screen_root, size};
use crate::theme::{Activate, Kit, palette};

/// Whether the expert line was ready when the screen was drawn.
#[derive(Resource, Default)]
struct ExpertShown(bool);

/// Which view of the debrief is showing.
#[derive(Resource, Default, Clone, Copy, PartialEq, Eq, Debug)]
pub enum Tab {
    #[default]
    Lines,
    Decision,
    People,
}

impl Tab {
    const ALL: [Tab; 3] = [Tab::Lines, Tab::Decision, Tab::People];
    fn label(self, kit: &Kit) -> &'static str {
        match self {
            Tab::Lines => kit.t("Your line and the expert's (F1)", "你的打法与专家打法 (F1)"),
            Tab::Decision => kit.t("The decision (F2)", "客户的决定 (F2)"),
            Tab::People => kit.t("Your read of people (F3)", "你的识人判断 (F3)"),
        }
    }
    fn key(self) -> KeyCode {
        match self {
            Tab::Lines => KeyCode::F1,
            Tab::Decision => KeyCode::F2,
            Tab::People => KeyCode::F3,
        }
    }
}

#[derive(Component, Clone, Copy)]
pub struct TabButton(pub Tab);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ExpertShown>();
    app.init_resource::<Tab>();
    app.add_systems(OnEnter(Screen::Debrief), spawn);
    // A new debrief opens on the lines.
    app.add_systems(OnExit(Screen::Outcome), |mut t: ResMut<Tab>| {
        *t = Tab::Lines
    });
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
        && d.expert.is_ready()
    {
        next.set(Screen::Debrief);
    }
}

fn pick_tab(
    ev: On<Activate>,
    buttons: Query<&TabButton>,
    mut tab: ResMut<Tab>,
    mut next: ResMut<NextState<Screen>>,
) {
    if let Ok(TabButton(t)) = buttons.get(ev.entity) {
        *tab = *t;
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
    tab: Res<Tab>,
    mut images: ResMut<Assets<Image>>,
    mut shown: ResMut<ExpertShown>,
) {
    let Some(deal) = deal else { return };
    let c = deal.case();
    let r = crate::scoring::result(&deal.game);
    let expert = deal.expert.line().cloned();
    shown.0 = deal.expert.is_ready();
    let radar = images.add(radar_image(r.intensity.as_array(), 220));
    commands
        .spawn((screen_root(), DespawnOnExit(Screen::Debrief)))
        .with_children(|root| {
            // Header: scores, funnel over time, radar.
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
                    headline_rows(p, &kit, &c.case.scoring.weights, &r.score, true);
                    p.spawn(kit.text(
                        kit.t("Funnel over your moves", "漏斗随行动的变化"),
                        size::SMALL,
                        palette::TEXT_DIM,
                    ));
                    p.spawn(Node {
                        height: Val::Px(28.0),
                        align_items: AlignItems::FlexEnd,
                        column_gap: Val::Px(2.0),
                        border: UiRect::bottom(Val::Px(1.0)),
                        flex_shrink: 0.0,
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
                        flex_shrink: 0.0,
                        ..panel_node()
                    },
                    palette::BORDER,
                ))
                .with_children(|p| {
                    p.spawn(kit.text(
                        format!(
                            "{} {}/100",
                            kit.t("5K intensity", "5K 销售强度"),
                            r.intensity.product()
                        ),
                        size::SMALL,
                        palette::TEXT_DIM,
                    ));
                    p.spawn((
                        ImageNode::new(radar),
                        Node {
                            width: Val::Px(110.0),
                            height: Val::Px(110.0),
                            ..default()
                        },
                    ));
                    let legend: Vec<String> = Intensity::NAMES
                        .iter()
                        .zip(r.intensity.as_array())
                        .map(|((en, zh), x)| format!("{} {x}", kit.t(en, zh)))
                        .collect();
                    p.spawn(kit.text(legend.join(" · "), size::SMALL, palette::TEXT));
                });
            });
            // The views.
            root.spawn(Node {
                padding: UiRect::horizontal(Val::Px(gap::S)),
                column_gap: Val::Px(gap::S),
                flex_wrap: FlexWrap::Wrap,
                row_gap: Val::Px(gap::XS),
                flex_shrink: 0.0,
                ..row()
            })
            .with_children(|tabs| {
                for (i, t) in Tab::ALL.into_iter().enumerate() {
                    let mut button = if t == *tab {
                        tabs.spawn(kit.button(t.label(&kit), 10 + i as u32))
                    } else {
                        tabs.spawn(kit.quiet_button(t.label(&kit), 10 + i as u32))
                    };
                    button
                        .insert((TabButton(t), HotKey(t.key())))
                        .observe(pick_tab);
                }
            });
            root.spawn(Node {
                flex_grow: 1.0,
                min_height: Val::Px(0.0),
                padding: UiRect::all(Val::Px(gap::S)),
                column_gap: Val::Px(gap::S),
                ..default()
            })
            .with_children(|body| match *tab {
                Tab::Lines => lines::spawn(body, &kit, &deal, &r, expert.as_ref()),
                Tab::Decision => decision::spawn(body, &kit, &deal, &r),
                Tab::People => people::spawn(body, &kit, &deal, &r),
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
