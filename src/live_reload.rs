//! Live reload of `--cases DIR` (desktop): a saved case file is read again; an error shows as
//! an overlay with its location while the game keeps the last good version.

use std::path::PathBuf;
use std::time::SystemTime;

use bevy::prelude::*;

use crate::screens::Screen;
use crate::session::{Library, Origin};
use crate::theme::palette;
use crate::theme::widget::size;

/// Watch `--cases DIR`: a saved file is reloaded; an error shows as an overlay with its
/// location while the game keeps the last good version.
pub fn plugin(app: &mut App) {
    app.insert_resource(Watch::default());
    app.add_systems(Startup, spawn_overlay);
    app.add_systems(Update, poll_cases);
}

#[derive(Resource, Default)]
struct Watch {
    timer: f32,
    seen: Vec<(PathBuf, Option<SystemTime>)>,
}

#[derive(Component)]
struct ReloadOverlay;

fn spawn_overlay(mut commands: Commands) {
    commands.spawn((
        ReloadOverlay,
        Node {
            position_type: PositionType::Absolute,
            bottom: Val::Px(12.0),
            left: Val::Px(12.0),
            right: Val::Px(12.0),
            padding: UiRect::all(Val::Px(10.0)),
            display: Display::None,
            border_radius: BorderRadius::all(Val::Px(6.0)),
            ..default()
        },
        BackgroundColor(Color::srgba(0.35, 0.08, 0.08, 0.95)),
        GlobalZIndex(100),
        children![(
            Text::new(""),
            TextFont::from_font_size(size::SMALL),
            TextColor(palette::TEXT)
        )],
    ));
}

// A Bevy system: its parameters are the resources it reads, not an API to slim.
#[allow(clippy::too_many_arguments)]
fn poll_cases(
    time: Res<Time>,
    mut watch: ResMut<Watch>,
    mut library: ResMut<Library>,
    mut overlay: Query<(&mut Node, &Children), With<ReloadOverlay>>,
    mut texts: Query<&mut Text>,
    screen: Res<State<Screen>>,
    mut next: ResMut<NextState<Screen>>,
    settings: Res<crate::session::Settings>,
) {
    watch.timer += time.delta_secs();
    if watch.timer < 0.5 {
        return;
    }
    watch.timer = 0.0;
    let Some(dir) = library.folder.clone() else {
        return;
    };
    let Ok(rd) = std::fs::read_dir(&dir) else {
        return;
    };
    let mut changed = Vec::new();
    for e in rd.flatten() {
        let p = e.path();
        if p.extension().is_none_or(|x| x != "ron") {
            continue;
        }
        let mtime = e.metadata().and_then(|m| m.modified()).ok();
        match watch.seen.iter_mut().find(|(q, _)| *q == p) {
            Some((_, t)) if *t == mtime => {}
            Some((_, t)) => {
                *t = mtime;
                changed.push(p);
            }
            None => {
                // First sighting: the library loaded it at start, unless it is new.
                if !library
                    .entries
                    .iter()
                    .any(|x| x.origin == Origin::File(p.clone()))
                {
                    changed.push(p.clone());
                }
                watch.seen.push((p, mtime));
            }
        }
    }
    if changed.is_empty() {
        return;
    }
    let mut problems = Vec::new();
    for p in &changed {
        library.reload(p);
        if let Some(e) = library
            .entries
            .iter()
            .find(|e| e.origin == Origin::File(p.clone()))
            && let Some(d) = e.loaded.first_error()
        {
            problems.push(d.line_in(settings.lang));
        }
    }
    if let Ok((mut node, children)) = overlay.single_mut() {
        node.display = if problems.is_empty() {
            Display::None
        } else {
            Display::Flex
        };
        if let Some(&child) = children.first()
            && let Ok(mut t) = texts.get_mut(child)
        {
            let keeps = match settings.lang {
                crate::case::text::Lang::En => "(the game keeps the last good version)",
                crate::case::text::Lang::Zh => "（游戏继续使用上一个正确的版本）",
            };
            t.0 = format!("{}\n{keeps}", problems.join("\n"));
        }
    }
    if *screen.get() == Screen::CaseSelect {
        next.set(Screen::CaseSelect);
    }
}
