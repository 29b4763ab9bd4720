//! Case select: bundled cases and those of `--cases DIR`. A broken case shows its diagnostic.

use bevy::prelude::*;

use super::Screen;
use crate::case::text::Lang;
use crate::session::{Deal, Launch, Library};
use crate::theme::interaction::HotKey;
use crate::theme::widget::{gap, screen_root, size};
use crate::theme::{Activate, Kit, palette};

use super::parts::scroll_column;

/// The button that starts this library entry.
#[derive(Component, Clone)]
pub struct CaseButton(pub String);

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::CaseSelect), spawn);
}

fn spawn(mut commands: Commands, kit: Res<Kit>, library: Res<Library>) {
    commands.spawn((screen_root(), DespawnOnExit(Screen::CaseSelect))).with_children(|root| {
        root.spawn(Node {
            flex_direction: FlexDirection::Column,
            padding: UiRect::all(Val::Px(gap::L)),
            row_gap: Val::Px(gap::M),
            height: Val::Percent(100.0),
            ..default()
        })
        .with_children(|col| {
            col.spawn(kit.heading(kit.t("Choose a case", "选择案例")));
            col.spawn(scroll_column(Val::Percent(80.0))).with_children(|list| {
                for (n, e) in library.entries.iter().enumerate() {
                    list.spawn(crate::theme::widget::panel_with(Node { flex_shrink: 0.0, ..crate::theme::widget::panel_node() }, palette::BORDER))
                        .with_children(|p| match &e.loaded.case {
                            Some(c) => {
                                let case = &c.case;
                                let langs: Vec<&str> = [Lang::Zh, Lang::En].into_iter().filter(|&l| case.title.has(l)).map(|l| match l { Lang::Zh => "中文", Lang::En => "English" }).collect();
                                let difficulty = match case.difficulty {
                                    crate::case::model::Difficulty::Easy => kit.t("easy", "入门"),
                                    crate::case::model::Difficulty::Medium => kit.t("medium", "中等"),
                                    crate::case::model::Difficulty::Hard => kit.t("hard", "困难"),
                                };
                                let meta = format!(
                                    "{difficulty} · {} {} · {} {} · {}",
                                    case.calendar.weeks,
                                    kit.t("weeks", "周"),
                                    c.choices.len(),
                                    kit.t("choices", "个选项"),
                                    langs.join(" / ")
                                );
                                p.spawn((kit.wide_button(format!("{}.  {}", n + 1, kit.c(&case.title)), n as u32), CaseButton(e.key.clone())))
                                    .insert(HotKey(crate::theme::widget::digit_key(n + 1).unwrap_or(KeyCode::F24)))
                                    .observe(pick);
                                p.spawn(kit.body(kit.c(&case.summary)));
                                p.spawn(kit.dim(meta));
                                if let Some(d) = e.loaded.first_error() {
                                    p.spawn(kit.text(format!("{} {d}", kit.t("Latest edit has an error; playing the last good version:", "最新修改有错误，仍使用上一个可用版本：")), size::SMALL, palette::BAD));
                                }
                            }
                            None => {
                                p.spawn(kit.bold(format!("{}  × {}", e.key, kit.t("cannot be played", "无法运行")), size::BODY, palette::BAD));
                                for d in e.loaded.diagnostics.iter().filter(|d| d.is_error()).take(3) {
                                    p.spawn(kit.text(d.to_string(), size::SMALL, palette::BAD));
                                }
                            }
                        });
                }
            });
            col.spawn((kit.button(kit.t("Back (Esc)", "返回 (Esc)"), 100), HotKey(KeyCode::Escape)))
                .observe(|_: On<Activate>, mut next: ResMut<NextState<Screen>>| next.set(Screen::Title));
        });
    });
}

/// Start a new deal on this case and show its briefing.
pub fn pick(
    ev: On<Activate>,
    q: Query<&CaseButton>,
    library: Res<Library>,
    launch: Res<Launch>,
    mut commands: Commands,
    mut next: ResMut<NextState<Screen>>,
) {
    let Ok(CaseButton(key)) = q.get(ev.entity) else {
        return;
    };
    let Some(entry) = library.find(key) else {
        return;
    };
    let Some(case) = entry.loaded.case.clone() else {
        return;
    };
    let seed = launch.0.seed.unwrap_or_else(fresh_seed);
    let mut deal = Deal::start(entry, case, seed, launch.0.player.clone());
    deal.results_dir = launch.0.results.clone();
    commands.insert_resource(deal);
    next.set(Screen::Briefing);
}

/// A new seed when none was given (shown on the briefing so the game can be replayed).
fn fresh_seed() -> u64 {
    web_time::SystemTime::now()
        .duration_since(web_time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64 % 1_000_000)
        .unwrap_or(1)
}
