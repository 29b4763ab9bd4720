//! The baseline for `scripts/measure-startup.sh`: an empty Bevy 0.19 window app built with the
//! same features as the game. With `DEALCRAFT_FIRST_FRAME=1` it prints the time to its first
//! rendered frame and exits, exactly like the game does.

use std::time::Instant;

use bevy::prelude::*;

#[derive(Resource)]
struct Started(Instant);

fn main() {
    let started = Instant::now();
    App::new()
        .add_plugins(DefaultPlugins.set(bevy::log::LogPlugin {
            level: bevy::log::Level::ERROR,
            ..default()
        }))
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
    if *frames == 3 && std::env::var_os("DEALCRAFT_FIRST_FRAME").is_some() {
        println!("first-frame-ms {}", started.0.elapsed().as_millis());
        exit.write(AppExit::Success);
    }
}
