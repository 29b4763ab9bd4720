//! Pieces shared by the deal screens: the top bar, the choice list, the consequence panel,
//! people cards, scrolling.

use bevy::input::mouse::{MouseScrollUnit, MouseWheel};
use bevy::prelude::*;

use super::{Screen, screen_for};
use crate::case::text::Lang;
use crate::engine::compile::Ix;
use crate::engine::intensity::Intensity;
use crate::engine::state::RivalStatus;
use crate::engine::view;
use crate::report::group_digits;
use crate::report::transcript::kind_name;
use crate::session::{Deal, Settings};
use crate::theme::interaction::HotKey;
use crate::theme::widget::{gap, row, size};
use crate::theme::{Activate, Kit, palette};

/// A button that takes this engine choice.
#[derive(Component, Clone, Copy, Debug)]
pub struct ChoiceButton(pub Ix);

/// The button that closes the consequence panel.
#[derive(Component)]
pub struct ContinueButton;

pub use crate::theme::widget::Scrollable;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (scroll, add_scroll_thumbs, place_scroll_thumbs).chain(),
    );
}

/// The scroll bar of a `Scrollable`: shown only when its content does not fit, so what is
/// cut off at the bottom is visibly more to scroll to, not a lost line.
#[derive(Component)]
struct ScrollThumb;

/// Width of a scroll bar, in logical pixels.
const THUMB: f32 = 5.0;

fn add_scroll_thumbs(mut commands: Commands, added: Query<Entity, Added<Scrollable>>) {
    for e in &added {
        commands.entity(e).with_child((
            ScrollThumb,
            Node {
                position_type: PositionType::Absolute,
                right: Val::Px(0.0),
                width: Val::Px(THUMB),
                border_radius: BorderRadius::all(Val::Px(THUMB / 2.0)),
                ..default()
            },
            BackgroundColor(palette::BORDER.with_alpha(0.0)),
            GlobalZIndex(10),
        ));
    }
}

/// Size and place each bar from its node's view, content and scroll position. The bar is a
/// child of the scrolled node, so it moves with the content: its top adds the scroll offset
/// back to stay in view.
fn place_scroll_thumbs(
    views: Query<(&ComputedNode, &ScrollPosition), With<Scrollable>>,
    mut thumbs: Query<(&ChildOf, &mut Node, &mut BackgroundColor), With<ScrollThumb>>,
) {
    for (parent, mut node, mut colour) in &mut thumbs {
        let Ok((view, pos)) = views.get(parent.parent()) else {
            continue;
        };
        let k = view.inverse_scale_factor();
        let (seen, all) = (view.size().y * k, view.content_size().y * k);
        let over = all - seen;
        if over <= 1.0 || seen <= 0.0 {
            if colour.0.alpha() != 0.0 {
                colour.0 = colour.0.with_alpha(0.0);
            }
            continue;
        }
        let len = (seen * seen / all).max(24.0).min(seen);
        let top = pos.y + (pos.y / over).clamp(0.0, 1.0) * (seen - len);
        let (top, len) = (Val::Px(top), Val::Px(len));
        if node.top != top || node.height != len {
            node.top = top;
            node.height = len;
        }
        if colour.0.alpha() == 0.0 {
            colour.0 = palette::TEXT_DIM.with_alpha(0.55);
        }
    }
}

/// Take a choice: the only way the UI moves the engine.
pub fn choose(
    ev: On<Activate>,
    buttons: Query<&ChoiceButton>,
    mut deal: ResMut<Deal>,
    settings: Res<Settings>,
    screen: Res<State<Screen>>,
    mut next: ResMut<NextState<Screen>>,
) {
    let Ok(ChoiceButton(ix)) = buttons.get(ev.entity) else {
        return;
    };
    if deal.pending.is_some() {
        return;
    }
    deal.choose(*ix, settings.lang);
    // Redraw this screen with the consequence panel.
    next.set(*screen.get());
}

/// Close the consequence panel and go where the story went.
pub fn continue_on(_: On<Activate>, mut deal: ResMut<Deal>, mut next: ResMut<NextState<Screen>>) {
    deal.pending = None;
    next.set(screen_for(&deal));
}

fn money(n: i64, currency: &str) -> String {
    let sign = if n < 0 { "-" } else { "" };
    format!("{sign}{currency}{}", group_digits(n.unsigned_abs()))
}

pub fn cost_label(kit: &Kit, weeks: u32, amount: u32, currency: &str) -> String {
    let mut parts = Vec::new();
    if weeks > 0 {
        parts.push(match kit.lang {
            Lang::En => format!("{weeks} wk"),
            Lang::Zh => format!("{weeks} 周"),
        });
    }
    if amount > 0 {
        parts.push(money(amount as i64, currency));
    }
    parts.join(" · ")
}

/// The bar across the top of every deal screen.
pub fn top_bar(parent: &mut ChildSpawnerCommands, kit: &Kit, deal: &Deal) {
    let c = deal.case();
    let s = &deal.game.state;
    let weeks = c.case.calendar.weeks;
    let week_text = match kit.lang {
        Lang::En => format!("Week {} / {weeks}", s.week.min(weeks)),
        Lang::Zh => format!("第 {} / {weeks} 周", s.week.min(weeks)),
    };
    let budget = format!(
        "{} {}",
        kit.t("Budget left", "剩余预算"),
        money(s.money_left(c), &c.case.calendar.currency)
    );
    let funnel = format!("{} {}%", kit.t("Funnel", "漏斗"), s.funnel.percent());
    parent
        .spawn((
            Node {
                width: Val::Percent(100.0),
                padding: UiRect::axes(Val::Px(gap::L), Val::Px(gap::S)),
                column_gap: Val::Px(gap::L),
                align_items: AlignItems::Center,
                flex_shrink: 0.0,
                ..default()
            },
            BackgroundColor(palette::PANEL),
        ))
        .with_children(|bar| {
            // The title gives way (wraps, smaller) so the figures and buttons never break.
            bar.spawn((
                kit.bold(kit.c(&c.case.title), size::BODY, palette::TEXT),
                Node {
                    flex_grow: 1.0,
                    flex_shrink: 1.0,
                    min_width: Val::Px(0.0),
                    ..default()
                },
            ));
            let fixed = || Node {
                flex_shrink: 0.0,
                ..default()
            };
            bar.spawn(fixed()).with_children(|n| {
                n.spawn(kit.text(week_text, size::BODY, palette::ACCENT));
            });
            bar.spawn(fixed()).with_children(|n| {
                n.spawn(kit.text(budget, size::BODY, palette::TEXT));
            });
            bar.spawn(fixed()).with_children(|n| {
                n.spawn(kit.text(funnel, size::BODY, palette::INFO));
            });
            bar.spawn(fixed()).with_children(|n| {
                n.spawn(kit.quiet_button(kit.t("中文", "English"), 900))
                    .observe(toggle_language);
            });
            bar.spawn(fixed()).with_children(|n| {
                n.spawn((
                    kit.quiet_button(kit.t("Menu (Esc)", "菜单 (Esc)"), 901),
                    HotKey(KeyCode::Escape),
                ))
                .observe(
                    |_: On<Activate>, mut next: ResMut<NextState<Screen>>| next.set(Screen::Title),
                );
            });
        });
}

/// Switch language everywhere at once: redraw the current screen.
pub fn toggle_language(
    _: On<Activate>,
    mut settings: ResMut<Settings>,
    screen: Res<State<Screen>>,
    mut next: ResMut<NextState<Screen>>,
) {
    settings.lang = settings.lang.other();
    next.set(*screen.get());
}

/// The numbered choices of the current scene, or the consequence panel after a move.
pub fn choices_or_consequence(
    parent: &mut ChildSpawnerCommands,
    kit: &Kit,
    deal: &Deal,
    columns: bool,
) {
    if deal.pending.is_some() {
        consequence(parent, kit, deal);
        return;
    }
    let c = deal.case();
    let currency = &c.case.calendar.currency;
    parent
        .spawn(Node {
            width: Val::Percent(100.0),
            flex_direction: if columns {
                FlexDirection::Row
            } else {
                FlexDirection::Column
            },
            // Only rows wrap: a wrapping column that runs out of height starts a second
            // column beside it, off the right edge of a small window. A list scrolls instead.
            flex_wrap: if columns {
                FlexWrap::Wrap
            } else {
                FlexWrap::NoWrap
            },
            flex_shrink: 0.0,
            row_gap: Val::Px(gap::S),
            column_gap: Val::Px(gap::S),
            ..default()
        })
        .with_children(|list| {
            for (n, ix) in deal.game.available().into_iter().enumerate() {
                let ch = c.choice(ix);
                let cost = cost_label(kit, ch.cost.weeks, ch.cost.money, currency);
                let label = if cost.is_empty() {
                    kit.c(&ch.label).to_string()
                } else {
                    format!("{}   [{cost}]", kit.c(&ch.label))
                };
                list.spawn((Node {
                    width: if columns {
                        Val::Percent(49.5)
                    } else {
                        Val::Percent(100.0)
                    },
                    ..default()
                },))
                    .with_children(|cell| {
                        cell.spawn(kit.choice_button(n + 1, &label, n as u32))
                            .insert(ChoiceButton(ix))
                            .observe(choose);
                    });
            }
        });
}

/// What the last move did: reply, revelations, mood changes, score changes, teaching note.
pub fn consequence(parent: &mut ChildSpawnerCommands, kit: &Kit, deal: &Deal) {
    let Some(m) = deal.pending.as_ref() else {
        return;
    };
    let c = deal.case();
    parent
        .spawn(crate::theme::widget::panel_with(
            Node {
                width: Val::Percent(100.0),
                border: UiRect::all(Val::Px(2.0)),
                ..crate::theme::widget::panel_node()
            },
            palette::ACCENT,
        ))
        .with_children(|p| {
            p.spawn(kit.bold(
                format!("› {}", kit.c(&m.label)),
                size::BODY,
                palette::ACCENT,
            ));
            if !m.reply.is_empty() {
                p.spawn(kit.body(kit.c(&m.reply)));
            }
            for f in &m.learned {
                if let Some(i) = c.facts.get(f) {
                    p.spawn(kit.text(
                        format!(
                            "＋ {} {}",
                            kit.t("Noted:", "记下："),
                            kit.c(&c.case.facts[i as usize].text)
                        ),
                        size::SMALL,
                        palette::INFO,
                    ));
                }
            }
            for who in &m.revealed {
                if let Some(i) = c.stakeholders.get(who) {
                    let s = c.stakeholder(i);
                    p.spawn(kit.text(
                        format!(
                            "＋ {} {} · {}",
                            kit.t("New on the map:", "新人物："),
                            kit.c(&s.name),
                            kit.c(&s.title)
                        ),
                        size::SMALL,
                        palette::INFO,
                    ));
                }
            }
            for (who, from, to) in &m.visible {
                if let Some(i) = c.stakeholders.get(who) {
                    let color = if to > from {
                        palette::GOOD
                    } else {
                        palette::BAD
                    };
                    p.spawn(kit.text(
                        format!(
                            "{} {} → {}",
                            kit.c(&c.stakeholder(i).name),
                            kit.c(&from.name()),
                            kit.c(&to.name())
                        ),
                        size::SMALL,
                        color,
                    ));
                }
            }
            for (who, aspect) in &m.observed {
                if let Some(i) = c.stakeholders.get(who) {
                    p.spawn(kit.text(
                        format!(
                            "＋ {} {} · {}",
                            kit.t("You see:", "看清了："),
                            kit.c(&c.stakeholder(i).name),
                            kit.c(&aspect.name())
                        ),
                        size::SMALL,
                        palette::INFO,
                    ));
                }
            }
            for (rival, change) in &m.rivals {
                if let Some(k) = c.case.competitors.iter().find(|k| &k.id == rival) {
                    let (text, color) = if *change > 0 {
                        (kit.t("gains ground", "势头上升"), palette::BAD)
                    } else {
                        (kit.t("loses ground", "势头减弱"), palette::GOOD)
                    };
                    p.spawn(kit.text(format!("{} {text}", kit.c(&k.name)), size::SMALL, color));
                }
            }
            for d in &m.deltas {
                p.spawn(delta_line(kit, d, &m.note));
            }
            if !m.note.is_empty() {
                p.spawn(kit.text(
                    format!("{} {}", kit.t("Coach:", "教练点评："), kit.c(&m.note)),
                    size::BODY,
                    palette::TEXT_DIM,
                ));
            }
            for n in &m.news {
                p.spawn(kit.text(
                    format!("{} {}", kit.t("News:", "消息："), kit.c(n)),
                    size::SMALL,
                    palette::ACCENT,
                ));
            }
            if let Some(notice) = &deal.notice {
                p.spawn(kit.text(notice.text(kit.lang), size::SMALL, palette::BAD));
            }
            p.spawn((
                kit.button(kit.t("Continue (Enter)", "继续 (Enter)"), 0),
                ContinueButton,
                HotKey(KeyCode::Enter),
            ))
            .observe(continue_on);
        });
}

/// One score change: points, the score it moves, and its note unless it is the move's own.
pub fn delta_line(
    kit: &Kit,
    d: &crate::engine::trace::Delta,
    move_note: &crate::case::text::Text,
) -> impl Bundle {
    let color = if d.points >= 0 {
        palette::GOOD
    } else {
        palette::BAD
    };
    let note = if &d.note == move_note {
        String::new()
    } else {
        format!(" — {}", kit.c(&d.note))
    };
    kit.text(
        format!("{:+} {}{note}", d.points, kind_name(d.kind, kit.lang)),
        size::SMALL,
        color,
    )
}

/// A titled panel that grows to fill its column.
pub fn titled_panel(title: &str, kit: &Kit) -> impl Bundle {
    (
        crate::theme::widget::panel(),
        children![kit.bold(title.to_string(), size::SMALL, palette::ACCENT)],
    )
}

/// The 5K meters, their product and the funnel stage.
pub fn deal_health(parent: &mut ChildSpawnerCommands, kit: &Kit, deal: &Deal) {
    let s = &deal.game.state;
    let values = s.intensity.as_array();
    parent.spawn(kit.bold(
        kit.t("DEAL HEALTH", "商机健康度"),
        size::SMALL,
        palette::ACCENT,
    ));
    parent.spawn(kit.text(
        format!("{} · {}%", kit.c(&s.funnel.name()), s.funnel.percent()),
        size::SMALL,
        palette::INFO,
    ));
    for (i, (en, zh)) in Intensity::NAMES.iter().enumerate() {
        parent.spawn(row()).with_children(|r| {
            r.spawn(kit.label(kit.t(en, zh), size::SMALL, palette::TEXT, 64.0));
            r.spawn(Node {
                flex_grow: 1.0,
                ..default()
            })
            .with_children(|b| {
                let color = if values[i] == 0 {
                    palette::BAD
                } else {
                    palette::ACCENT
                };
                b.spawn(crate::theme::widget::meter_bar(
                    values[i] as f32,
                    20.0,
                    color,
                ));
            });
            r.spawn(kit.label(
                format!("{}", values[i]),
                size::SMALL,
                palette::TEXT_DIM,
                24.0,
            ));
        });
    }
    // Seed 001 multiplies the five: a zero anywhere is no deal, however high the rest.
    let product = s.intensity.product();
    let (text, color) = if product == 0 {
        (
            kit.t(
                "Intensity 0: a meter at zero means no deal",
                "销售强度 0：任何一项为零就没有成交",
            )
            .to_string(),
            palette::BAD,
        )
    } else {
        (
            format!("{} {product}/100", kit.t("Intensity", "销售强度")),
            palette::TEXT,
        )
    };
    parent.spawn(kit.text(text, size::SMALL, color));
}

/// Competitors as the market sees them: public standing and whether they are still in.
pub fn competitors(parent: &mut ChildSpawnerCommands, kit: &Kit, deal: &Deal) {
    let c = deal.case();
    let rivals = view::rivals(c, &deal.game.state);
    if rivals.is_empty() {
        return;
    }
    parent.spawn(kit.bold(
        kit.t("COMPETITORS", "竞争对手"),
        size::SMALL,
        palette::ACCENT,
    ));
    for r in rivals {
        // Name on its own line: bidders' names can be long ("… (Cisco gold partner)").
        let (name, color) = match r.status {
            RivalStatus::Out => (
                format!("{} ×  {}", kit.c(&r.competitor.name), kit.t("out", "出局")),
                palette::TEXT_DIM,
            ),
            RivalStatus::Partner => (
                format!(
                    "{} ◆  {}",
                    kit.c(&r.competitor.name),
                    kit.t("our partner", "合作伙伴")
                ),
                palette::GOOD,
            ),
            RivalStatus::InRace => (kit.c(&r.competitor.name).to_string(), palette::TEXT),
        };
        parent.spawn(kit.text(name, size::SMALL, color));
        if r.status == RivalStatus::InRace {
            parent.spawn(crate::theme::widget::meter_bar(
                r.reputation as f32,
                10.0,
                palette::BAD,
            ));
        }
    }
}

/// Mouse wheel and PageUp/PageDown scroll the scrollable node under the pointer (or the first);
/// a sideways wheel, or Shift with the wheel, scrolls a node that is wider than its view.
fn scroll(
    mut wheel: MessageReader<MouseWheel>,
    keys: Res<ButtonInput<KeyCode>>,
    mut q: Query<(&Interaction, &ComputedNode, &mut ScrollPosition), With<Scrollable>>,
) {
    let (mut dx, mut dy) = wheel
        .read()
        .map(|e| match e.unit {
            MouseScrollUnit::Line => (e.x * 28.0, e.y * 28.0),
            MouseScrollUnit::Pixel => (e.x, e.y),
        })
        .fold((0.0f32, 0.0f32), |(x, y), (a, b)| (x + a, y + b));
    if keys.any_pressed([KeyCode::ShiftLeft, KeyCode::ShiftRight]) {
        (dx, dy) = (dx + dy, 0.0);
    }
    if keys.just_pressed(KeyCode::PageDown) {
        dy -= 300.0;
    }
    if keys.just_pressed(KeyCode::PageUp) {
        dy += 300.0;
    }
    if dy == 0.0 && dx == 0.0 {
        return;
    }
    let any_hovered = q.iter().any(|(i, _, _)| *i != Interaction::None);
    for (interaction, node, mut pos) in &mut q {
        if any_hovered && *interaction == Interaction::None {
            continue;
        }
        let over = (node.content_size() - node.size()) * node.inverse_scale_factor();
        pos.y = (pos.y - dy).clamp(0.0, over.y.max(0.0));
        pos.x = (pos.x - dx).clamp(0.0, over.x.max(0.0));
        if !any_hovered {
            break;
        }
    }
}

/// A column that scrolls.
pub fn scroll_column(height: Val) -> impl Bundle {
    (
        Scrollable,
        Interaction::default(),
        Node {
            width: Val::Percent(100.0),
            height,
            flex_direction: FlexDirection::Column,
            row_gap: Val::Px(gap::S),
            overflow: Overflow::scroll_y(),
            ..default()
        },
    )
}
