//! The author's overlay (`play --author`): beside whatever screen is showing, the deal's hidden
//! truth, the flags and facts so far and why each choice of the scene is or is not on offer
//! (F7); over it, the case map with the current scene marked (F8). It reads the engine's
//! `author_view` and `analysis::map`; it never moves the deal.

use bevy::input::common_conditions::input_just_pressed;
use bevy::prelude::*;

use crate::analysis::map::{Map, map, scene_label};
use crate::engine::author::author_view;
use crate::screens::Screen;
use crate::screens::parts::Scrollable;
use crate::session::Deal;
use crate::theme::widget::{gap, size};
use crate::theme::{Kit, palette};

pub fn plugin(app: &mut App) {
    app.insert_resource(Panels {
        truth: true,
        map: false,
        zoom: 0,
    });
    app.init_resource::<MapCache>();
    app.add_systems(
        Update,
        (
            (|mut p: ResMut<Panels>| p.truth = !p.truth).run_if(input_just_pressed(KeyCode::F7)),
            (|mut p: ResMut<Panels>| p.map = !p.map).run_if(input_just_pressed(KeyCode::F8)),
            zoom_keys,
            redraw.run_if(needs_redraw),
        )
            .chain(),
    );
}

/// Which panels are open, and the map's zoom (an index into `ZOOMS`).
#[derive(Resource, Clone, Copy, PartialEq)]
struct Panels {
    truth: bool,
    map: bool,
    zoom: usize,
}

/// The map's scales: as laid out (labels readable), half, and an overview of the whole case.
const ZOOMS: [f32; 3] = [1.0, 0.55, 0.3];

/// + and − zoom the map while it is open.
fn zoom_keys(keys: Res<ButtonInput<KeyCode>>, mut panels: ResMut<Panels>) {
    if !panels.map {
        return;
    }
    let out = keys.any_just_pressed([KeyCode::Minus, KeyCode::NumpadSubtract]);
    let into = keys.any_just_pressed([KeyCode::Equal, KeyCode::NumpadAdd]);
    if out && panels.zoom + 1 < ZOOMS.len() {
        panels.zoom += 1;
    } else if into && panels.zoom > 0 {
        panels.zoom -= 1;
    }
}

/// The laid-out map of the case being played, per case and language (layout takes a few
/// milliseconds on a big case: not every frame).
#[derive(Resource, Default)]
struct MapCache(Option<(String, crate::case::text::Lang, Result<Map, String>)>);

#[derive(Component)]
struct Overlay;

fn needs_redraw(
    panels: Res<Panels>,
    deal: Option<Res<Deal>>,
    kit: Res<Kit>,
    screen: Res<State<Screen>>,
    overlays: Query<(), With<Overlay>>,
) -> bool {
    panels.is_changed()
        || kit.is_changed()
        || screen.is_changed()
        || deal.is_some_and(|d| d.is_changed())
        // A screen's redraw does not remove the overlay, but a first frame has none.
        || (overlays.is_empty() && (panels.truth || panels.map))
}

fn redraw(
    mut commands: Commands,
    panels: Res<Panels>,
    deal: Option<Res<Deal>>,
    kit: Res<Kit>,
    mut cache: ResMut<MapCache>,
    old: Query<Entity, With<Overlay>>,
    window: Query<&Window>,
) {
    for e in &old {
        commands.entity(e).despawn();
    }
    let Some(deal) = deal else { return };
    if panels.truth {
        truth_panel(&mut commands, &kit, &deal);
    }
    if panels.map {
        let case = &deal.case().case;
        let stale = cache
            .0
            .as_ref()
            .is_none_or(|(id, lang, _)| *id != deal.hash || *lang != kit.lang);
        if stale {
            cache.0 = Some((deal.hash.clone(), kit.lang, map(case, kit.lang)));
        }
        if let Some((_, _, m)) = &cache.0 {
            let here = scene_label(case, deal.game.state.scene as usize, kit.lang);
            let view = window
                .iter()
                .next()
                .map(|w| Vec2::new(w.width(), w.height()))
                .unwrap_or(Vec2::new(1280.0, 720.0));
            map_panel(&mut commands, &kit, m, &here, ZOOMS[panels.zoom], view);
        }
    }
}

/// An overlay panel placed by `at` (its edges and size), drawn above the screen at `z`:
/// opaque, framed in the author's colour, a column.
fn frame(at: Node, z: i32) -> impl Bundle {
    (
        Overlay,
        Node {
            position_type: PositionType::Absolute,
            padding: UiRect::all(Val::Px(gap::S)),
            border: UiRect::all(Val::Px(2.0)),
            flex_direction: FlexDirection::Column,
            row_gap: Val::Px(gap::XS),
            border_radius: BorderRadius::all(Val::Px(6.0)),
            ..at
        },
        BackgroundColor(Color::srgb(0.05, 0.06, 0.09)),
        BorderColor::all(palette::INFO),
        GlobalZIndex(z),
    )
}

fn truth_panel(commands: &mut Commands, kit: &Kit, deal: &Deal) {
    let v = author_view(&deal.game);
    let small = size::SMALL * 0.9;
    commands
        .spawn(frame(
            Node {
                top: Val::Px(56.0),
                right: Val::Px(8.0),
                bottom: Val::Px(8.0),
                width: Val::Px(400.0),
                max_width: Val::Percent(45.0),
                ..default()
            },
            80,
        ))
        .with_children(|p| {
            p.spawn(kit.bold(
                kit.t(
                    "AUTHOR VIEW · F7 hide · F8 map",
                    "作者视图 · F7 隐藏 · F8 地图",
                ),
                size::SMALL,
                palette::INFO,
            ));
            p.spawn((
                Scrollable,
                Interaction::default(),
                Node {
                    flex_grow: 1.0,
                    min_height: Val::Px(0.0),
                    flex_direction: FlexDirection::Column,
                    row_gap: Val::Px(gap::XS),
                    overflow: Overflow::scroll_y(),
                    ..default()
                },
            ))
            .with_children(|col| {
                for line in &v.deal {
                    col.spawn(kit.text(kit.c(line), small, palette::TEXT));
                }
                col.spawn(kit.bold(
                    kit.t("Choices here", "本场景的选项"),
                    size::SMALL,
                    palette::ACCENT,
                ));
                for ch in &v.choices {
                    let (mark, colour) = if ch.offered {
                        ("✓", palette::GOOD)
                    } else {
                        ("×", palette::BAD)
                    };
                    col.spawn(kit.text(
                        format!("{mark} {} — {}", ch.id, kit.c(&ch.label)),
                        small,
                        colour,
                    ));
                    for r in &ch.reasons {
                        col.spawn((
                            Node {
                                margin: UiRect::left(Val::Px(18.0)),
                                ..default()
                            },
                            children![kit.text(kit.c(r), small, palette::TEXT_DIM)],
                        ));
                    }
                }
                col.spawn(kit.bold(
                    kit.t("People as they really are", "人物的真实情况"),
                    size::SMALL,
                    palette::ACCENT,
                ));
                for person in &v.people {
                    col.spawn(kit.text(
                        format!(
                            "{} {}: {}",
                            person.id,
                            kit.c(&person.name),
                            kit.c(&person.line)
                        ),
                        small,
                        palette::TEXT,
                    ));
                }
                if !v.rivals.is_empty() {
                    col.spawn(kit.bold(
                        kit.t("Competitors", "竞争对手"),
                        size::SMALL,
                        palette::ACCENT,
                    ));
                    for r in &v.rivals {
                        col.spawn(kit.text(kit.c(r), small, palette::TEXT));
                    }
                }
                let none = kit.t("none", "无");
                let list = |ids: &[String]| {
                    if ids.is_empty() {
                        none.to_string()
                    } else {
                        ids.join(", ")
                    }
                };
                col.spawn(kit.bold(
                    kit.t("Flags set", "已设置的标记"),
                    size::SMALL,
                    palette::ACCENT,
                ));
                col.spawn(kit.text(list(&v.flags), small, palette::TEXT));
                col.spawn(kit.bold(
                    kit.t("Facts found", "已获得的信息"),
                    size::SMALL,
                    palette::ACCENT,
                ));
                col.spawn(kit.text(list(&v.facts), small, palette::TEXT));
            });
        });
}

/// Thickness of the map's lines, in layout pixels.
const LINE: f32 = 1.5;

fn map_panel(
    commands: &mut Commands,
    kit: &Kit,
    m: &Result<Map, String>,
    here: &str,
    zoom: f32,
    view: Vec2,
) {
    commands
        .spawn(frame(
            Node {
                top: Val::Px(8.0),
                left: Val::Px(8.0),
                right: Val::Px(8.0),
                bottom: Val::Px(8.0),
                ..default()
            },
            90,
        ))
        .with_children(|p| {
            p.spawn(kit.bold(
                kit.t(
                    "CASE MAP · the deal is in the highlighted scene · dashed: an event's jump · + − zoom · wheel, Shift+wheel scroll · F8 close",
                    "案例地图 · 高亮处是当前场景 · 虚线：事件跳转 · + − 缩放 · 滚轮、Shift+滚轮 移动 · F8 关闭",
                ),
                size::SMALL,
                palette::INFO,
            ));
            let m = match m {
                Ok(m) => m,
                Err(e) => {
                    p.spawn(kit.text(e.clone(), size::SMALL, palette::BAD));
                    return;
                }
            };
            // The map scrolls both ways, opening with the current scene in the middle.
            let start = m
                .boxes_of(here)
                .next()
                .map(|b| {
                    Vec2::new(
                        (b.x + b.w / 2.0) * zoom - view.x / 2.0,
                        (b.y + b.h / 2.0) * zoom - view.y / 2.0,
                    )
                    .max(Vec2::ZERO)
                })
                .unwrap_or_default();
            p.spawn((
                Scrollable,
                Interaction::default(),
                ScrollPosition(start),
                Node {
                    flex_grow: 1.0,
                    min_height: Val::Px(0.0),
                    overflow: Overflow::scroll(),
                    ..default()
                },
            ))
            .with_children(|view| {
                view.spawn(Node {
                    width: Val::Px(m.width * zoom),
                    height: Val::Px(m.height * zoom),
                    min_width: Val::Px(m.width * zoom),
                    min_height: Val::Px(m.height * zoom),
                    flex_shrink: 0.0,
                    ..default()
                })
                .with_children(|canvas| draw_map(canvas, kit, m, here, zoom));
            });
        });
}

fn draw_map(canvas: &mut ChildSpawnerCommands, kit: &Kit, m: &Map, here: &str, z: f32) {
    for a in &m.arrows {
        let colour = if a.dashed {
            palette::INFO
        } else {
            palette::TEXT_DIM
        };
        for (i, w) in a.points.windows(2).enumerate() {
            // A dashed line: every other segment.
            if a.dashed && i % 2 == 1 {
                continue;
            }
            segment(
                canvas,
                (w[0].0 * z, w[0].1 * z),
                (w[1].0 * z, w[1].1 * z),
                colour,
            );
        }
        // The arrow head: a dot where the edge arrives.
        if let Some(&(x, y)) = a.points.last() {
            let (x, y) = (x * z, y * z);
            canvas.spawn((
                Node {
                    position_type: PositionType::Absolute,
                    left: Val::Px(x - 3.5),
                    top: Val::Px(y - 3.5),
                    width: Val::Px(7.0),
                    height: Val::Px(7.0),
                    border_radius: BorderRadius::all(Val::Px(3.5)),
                    ..default()
                },
                BackgroundColor(colour),
            ));
        }
    }
    for b in &m.boxes {
        let current = b.label == here;
        let (fill, border) = if current {
            (Color::srgba(0.45, 0.32, 0.08, 1.0), palette::ACCENT)
        } else {
            (palette::PANEL_RAISED, palette::BORDER)
        };
        let radius = if b.round { b.h.min(b.w) * z / 2.0 } else { 4.0 };
        canvas
            .spawn((
                Node {
                    position_type: PositionType::Absolute,
                    left: Val::Px(b.x * z),
                    top: Val::Px(b.y * z),
                    width: Val::Px(b.w * z),
                    height: Val::Px(b.h * z),
                    border: UiRect::all(Val::Px(if current { 3.0 } else { 1.0 })),
                    justify_content: JustifyContent::Center,
                    align_items: AlignItems::Center,
                    border_radius: BorderRadius::all(Val::Px(radius)),
                    ..default()
                },
                BackgroundColor(fill),
                BorderColor::all(border),
            ))
            .with_children(|n| {
                n.spawn((
                    Text::new(b.label.clone()),
                    TextFont::from_font_size(13.0 * z).with_font(kit.regular.clone()),
                    TextColor(palette::TEXT),
                    TextLayout::justify(Justify::Center),
                ));
            });
    }
    // Below half size the choice ids are too small to read: the overview shows only shapes.
    if z < 0.5 {
        return;
    }
    for l in &m.labels {
        canvas.spawn((
            Node {
                position_type: PositionType::Absolute,
                left: Val::Px(l.x * z - 40.0),
                top: Val::Px(l.y * z - 8.0),
                width: Val::Px(80.0),
                justify_content: JustifyContent::Center,
                ..default()
            },
            children![(
                Text::new(l.text.clone()),
                TextFont::from_font_size(11.0 * z.max(0.8)).with_font(kit.regular.clone()),
                TextColor(palette::ACCENT),
                TextLayout::new(Justify::Center, LineBreak::NoWrap),
            )],
        ));
    }
}

/// A straight line from `a` to `b`: a thin node rotated about its centre.
fn segment(canvas: &mut ChildSpawnerCommands, a: (f32, f32), b: (f32, f32), colour: Color) {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len = (dx * dx + dy * dy).sqrt();
    if len < 0.5 {
        return;
    }
    let mid = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
    canvas.spawn((
        Node {
            position_type: PositionType::Absolute,
            left: Val::Px(mid.0 - len / 2.0),
            top: Val::Px(mid.1 - LINE / 2.0),
            // Slightly longer, so the segments of a curve meet without gaps.
            width: Val::Px(len + LINE),
            height: Val::Px(LINE),
            ..default()
        },
        // Clockwise in screen space (y down), which is the angle atan2 gives there.
        UiTransform::from_rotation(Rot2::radians(dy.atan2(dx))),
        BackgroundColor(colour),
    ));
}
