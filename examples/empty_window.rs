//! The baseline for `scripts/measure-startup.sh` and the web build's numbers: an empty Bevy
//! 0.19 window app built with the same features as the game. With `DEALCRAFT_FIRST_FRAME=1`
//! it prints the time to its first rendered frame and exits, exactly like the game does. In
//! the browser (`scripts/web-build-empty.sh`) it draws into the page's canvas and sets
//! `window.__dealcraftReady` at that frame, as the game does, so the same page measures both.

use bevy::prelude::*;
use web_time::Instant;

#[derive(Resource)]
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
struct Started(Instant);

fn main() {
    let started = Instant::now();
    App::new()
        .add_plugins(
            DefaultPlugins
                .set(bevy::log::LogPlugin {
                    level: bevy::log::Level::ERROR,
                    ..default()
                })
                .set(WindowPlugin {
                    primary_window: Some(Window {
                        canvas: cfg!(target_arch = "wasm32").then(|| "#bevy".into()),
                        fit_canvas_to_parent: true,
                        ..default()
                    }),
                    ..default()
                }),
        )
        .insert_resource(Started(started))
        .add_systems(Startup, |mut commands: Commands| {
            commands.spawn(Camera2d);
        })
        .add_systems(Last, report_first_frame)
        .run();
}

fn report_first_frame(
    started: Res<Started>,
    mut frames: Local<u32>,
    mut exit: MessageWriter<AppExit>,
) {
    *frames += 1;
    // Frame 3 is the first complete frame under Xvfb + lavapipe (frames 1–2 present black).
    if *frames != 3 {
        return;
    }
    #[cfg(target_arch = "wasm32")]
    if let Some(w) = web_sys::window() {
        let _ = js_sys::Reflect::set(&w, &"__dealcraftReady".into(), &js_sys::Date::now().into());
    }
    #[cfg(not(target_arch = "wasm32"))]
    if std::env::var_os("DEALCRAFT_FIRST_FRAME").is_some() {
        println!("first-frame-ms {}", started.0.elapsed().as_millis());
        exit.write(AppExit::Success);
    }
    let _ = (&started, &mut exit);
}
