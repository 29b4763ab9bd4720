//! Settings: language, text size, window mode. Applied everywhere at once.

use bevy::prelude::*;
use bevy::window::{MonitorSelection, PrimaryWindow, WindowMode};

use super::Screen;
use crate::case::text::Lang;
use crate::session::{Settings, TEXT_SCALES};
use crate::theme::interaction::HotKey;
use crate::theme::widget::{centered_column, gap, row, screen_root, size};
use crate::theme::{Activate, Kit, palette};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Settings), spawn);
    app.add_systems(
        Update,
        apply_window_mode.run_if(resource_changed::<Settings>),
    );
}

#[derive(Component, Clone, Copy)]
enum Setting {
    Lang(Lang),
    Scale(f32),
    Fullscreen(bool),
}

fn spawn(mut commands: Commands, kit: Res<Kit>, settings: Res<Settings>) {
    commands
        .spawn((screen_root(), DespawnOnExit(Screen::Settings)))
        .with_children(|root| {
            root.spawn(centered_column(720.0)).with_children(|col| {
                col.spawn(kit.heading(kit.t("Settings", "设置")));
                let mut order = 0;
                let mut group =
                    |col: &mut ChildSpawnerCommands,
                     title: &str,
                     options: Vec<(String, Setting, bool)>| {
                        col.spawn(kit.subheading(title.to_string()));
                        col.spawn(Node {
                            column_gap: Val::Px(gap::S),
                            ..row()
                        })
                        .with_children(|r| {
                            for (label, setting, on) in options {
                                let text = if on { format!("● {label}") } else { label };
                                r.spawn((kit.button(text, order), setting)).observe(pick);
                                order += 1;
                            }
                        });
                    };
                group(
                    col,
                    kit.t("Language", "语言"),
                    vec![
                        (
                            "English".into(),
                            Setting::Lang(Lang::En),
                            settings.lang == Lang::En,
                        ),
                        (
                            "中文".into(),
                            Setting::Lang(Lang::Zh),
                            settings.lang == Lang::Zh,
                        ),
                    ],
                );
                group(
                    col,
                    kit.t("Text size", "文字大小"),
                    TEXT_SCALES
                        .iter()
                        .map(|&s| {
                            (
                                format!("{:.0}%", s * 100.0),
                                Setting::Scale(s),
                                (settings.text_scale - s).abs() < 0.01,
                            )
                        })
                        .collect(),
                );
                group(
                    col,
                    kit.t("Window", "窗口"),
                    vec![
                        (
                            kit.t("Windowed", "窗口").to_string(),
                            Setting::Fullscreen(false),
                            !settings.fullscreen,
                        ),
                        (
                            kit.t("Full screen", "全屏").to_string(),
                            Setting::Fullscreen(true),
                            settings.fullscreen,
                        ),
                    ],
                );
                col.spawn(Node {
                    height: Val::Px(gap::L),
                    ..default()
                });
                col.spawn((
                    kit.button(kit.t("Back (Esc)", "返回 (Esc)"), 100),
                    HotKey(KeyCode::Escape),
                ))
                .observe(
                    |_: On<Activate>, mut next: ResMut<NextState<Screen>>| next.set(Screen::Title),
                );
                col.spawn(kit.text(
                    kit.t(
                        "Settings are saved for next time.",
                        "设置会保存，下次启动仍然有效。",
                    ),
                    size::SMALL,
                    palette::TEXT_DIM,
                ));
            });
        });
}

fn pick(
    ev: On<Activate>,
    q: Query<&Setting>,
    mut settings: ResMut<Settings>,
    mut next: ResMut<NextState<Screen>>,
) {
    let Ok(setting) = q.get(ev.entity) else {
        return;
    };
    match *setting {
        Setting::Lang(l) => settings.lang = l,
        Setting::Scale(s) => settings.text_scale = s,
        Setting::Fullscreen(f) => settings.fullscreen = f,
    }
    next.set(Screen::Settings);
}

fn apply_window_mode(
    settings: Res<Settings>,
    mut windows: Query<&mut Window, With<PrimaryWindow>>,
) {
    for mut w in &mut windows {
        let mode = if settings.fullscreen {
            WindowMode::BorderlessFullscreen(MonitorSelection::Current)
        } else {
            WindowMode::Windowed
        };
        if w.mode != mode {
            w.mode = mode;
        }
    }
}
