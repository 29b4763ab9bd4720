//! The Bevy app: window, plugins, settings, live reload. `run` is what `dealcraft play` calls.

use std::path::PathBuf;
#[cfg(not(target_arch = "wasm32"))]
use web_time::SystemTime;

use bevy::prelude::*;
use bevy::window::WindowResolution;

use crate::screens::{self, Screen};
use crate::session::{Deal, Launch, Library, PlayOptions, Settings};
use crate::theme::fonts::UiFonts;
use crate::theme::{self, Kit, palette};

/// Everything the game needs except the window and the renderer, so headless tests can run
/// the real screens with `MinimalPlugins`.
pub fn game_plugin(app: &mut App) {
    app.add_plugins((
        theme::plugin,
        screens::plugin,
        crate::classroom_link::plugin,
    ));
    app.init_resource::<Settings>();
    app.insert_resource(kit_for(
        app.world().resource::<UiFonts>(),
        app.world().resource::<Settings>(),
    ));
    app.add_systems(
        PreUpdate,
        (update_kit, save_settings).run_if(resource_changed::<Settings>),
    );
    app.add_systems(
        PreUpdate,
        (crate::session::load_portraits, crate::session::poll_expert),
    );
}

fn kit_for(fonts: &UiFonts, settings: &Settings) -> Kit {
    Kit {
        regular: fonts.regular.clone(),
        bold: fonts.bold.clone(),
        scale: settings.text_scale,
        lang: settings.lang,
    }
}

/// Runs before the state transition, so a redrawn screen already uses the new settings.
fn update_kit(fonts: Res<UiFonts>, settings: Res<Settings>, mut kit: ResMut<Kit>) {
    *kit = kit_for(&fonts, &settings);
}

#[derive(serde::Serialize, serde::Deserialize)]
struct SavedSettings {
    lang: crate::case::text::Lang,
    text_scale: f32,
    fullscreen: bool,
}

fn settings_path() -> PathBuf {
    crate::save::data_dir().join("settings.json")
}

fn load_settings() -> Settings {
    crate::save::read_small(&settings_path(), 64 * 1024)
        .and_then(|b| serde_json::from_slice::<SavedSettings>(&b).ok())
        .map(|s| Settings {
            lang: s.lang,
            text_scale: s.text_scale.clamp(0.8, 1.5),
            fullscreen: s.fullscreen,
        })
        .unwrap_or_default()
}

fn save_settings(settings: Res<Settings>, launch: Option<Res<Launch>>) {
    // A scripted run must not change the trainee's settings.
    if launch.is_some_and(|l| l.0.script.is_some()) {
        return;
    }
    let s = SavedSettings {
        lang: settings.lang,
        text_scale: settings.text_scale,
        fullscreen: settings.fullscreen,
    };
    if let Ok(json) = serde_json::to_vec_pretty(&s) {
        let _ = crate::save::write_atomic(&settings_path(), &json);
    }
}

#[derive(Resource)]
struct Started(web_time::Instant);

/// For `scripts/measure-startup.sh`: with `DEALCRAFT_FIRST_FRAME=1`, print the time to the first
/// complete frame of the title screen and quit (frames 1–2 present black under lavapipe).
fn report_first_frame(
    started: Res<Started>,
    mut frames: Local<u32>,
    mut exit: MessageWriter<AppExit>,
) {
    *frames += 1;
    #[cfg(target_arch = "wasm32")]
    if *frames == 3 {
        crate::web::mark_ready();
    }
    if *frames == 3 && std::env::var_os("DEALCRAFT_FIRST_FRAME").is_some() {
        println!("first-frame-ms {}", started.0.elapsed().as_millis());
        exit.write(AppExit::Success);
    }
}

#[cfg(not(target_arch = "wasm32"))]
/// F12 saves a screenshot into the data folder (for a trainee's notes or a bug report).
fn screenshot_key(mut commands: Commands) {
    let dir = crate::save::data_dir().join("screenshots");
    if std::fs::create_dir_all(&dir).is_err() {
        return;
    }
    let stamp = SystemTime::now()
        .duration_since(web_time::UNIX_EPOCH)
        .map(|d| d.as_millis())
        .unwrap_or(0);
    let path = dir.join(format!("dealcraft-{stamp}.png"));
    eprintln!("screenshot: {}", path.display());
    commands
        .spawn(bevy::render::view::screenshot::Screenshot::primary_window())
        .observe(bevy::render::view::screenshot::save_to_disk(path));
}

/// `dealcraft play`.
pub fn run(args: PlayOptions) -> Result<(), String> {
    let started = Started(web_time::Instant::now());
    if cfg!(target_os = "linux") && std::env::var_os("DISPLAY").is_none() {
        return Err("no display: DISPLAY is not set. Run the game on a desktop, or headless with `xvfb-run -a dealcraft …`".into());
    }
    // Library first: a missing --cases folder or an unknown CASE is a plain error, not a window.
    let mut library = Library::load(args.cases.clone());
    let mut start_key = None;
    if let Some(given) = &args.given_case {
        start_key = Some(library.give(given));
    } else if let Some(case) = &args.case {
        let path = std::path::Path::new(case);
        if path.exists() {
            library.reload(path);
            start_key = Some(path.display().to_string());
        } else if library.find(case).is_some() {
            start_key = Some(case.clone());
        } else {
            return Err(crate::bundled::resolve(case)
                .err()
                .unwrap_or_else(|| format!("no case `{case}`")));
        }
    }
    if let Some(dir) = &args.cases
        && !dir.is_dir()
    {
        return Err(format!("--cases {}: not a folder", dir.display()));
    }
    // Scripted runs (automation) are the desktop's: the browser takes no files.
    #[cfg(not(target_arch = "wasm32"))]
    let script = match &args.script {
        Some(p) => Some(
            std::fs::read_to_string(p)
                .map_err(|e| format!("cannot read script {}: {e}", p.display()))?,
        ),
        None => None,
    };
    if let Some(dir) = &args.screenshots {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    // Any failure inside the engine's window/GPU start-up becomes one clear line, not a trace.
    // (In the browser Bevy's log plugin sends panics to the console.)
    #[cfg(not(target_arch = "wasm32"))]
    std::panic::set_hook(Box::new(|info| {
        let msg = info
            .payload()
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| info.payload().downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_else(|| "unknown failure".into());
        let hint = if msg.contains("GPU") || msg.contains("adapter") || msg.contains("Vulkan") {
            " (no usable GPU/Vulkan driver: install mesa-vulkan-drivers for software rendering)"
        } else {
            ""
        };
        eprintln!(
            "error: the game stopped: {}{hint}",
            msg.lines().next().unwrap_or("")
        );
        std::process::exit(1);
    }));

    let mut settings = load_settings();
    if let Some(l) = args.lang {
        settings.lang = l;
    }
    let mut app = App::new();
    app.add_plugins(
        DefaultPlugins
            .set(WindowPlugin {
                primary_window: Some(Window {
                    title: "Dealcraft · 成交工坊".into(),
                    resolution: {
                        let (w, h) = args.window.unwrap_or((1280, 720));
                        WindowResolution::new(w, h)
                    },
                    // In the browser: the page's canvas, filling its parent, and keys such
                    // as F7 or Tab are the game's, not the browser's.
                    canvas: cfg!(target_arch = "wasm32").then(|| "#bevy".into()),
                    fit_canvas_to_parent: true,
                    prevent_default_event_handling: true,
                    ..default()
                }),
                ..default()
            })
            .set(bevy::log::LogPlugin {
                level: bevy::log::Level::WARN,
                filter: "wgpu=error,naga=error,bevy_render=error".into(),
                ..default()
            }),
    );
    app.insert_resource(ClearColor(palette::BACKGROUND));
    app.insert_resource(started);
    app.add_systems(Last, report_first_frame);
    #[cfg(target_arch = "wasm32")]
    app.add_systems(Last, crate::web::publish_page_state);
    #[cfg(not(target_arch = "wasm32"))]
    app.add_systems(
        Update,
        screenshot_key.run_if(bevy::input::common_conditions::input_just_pressed(
            KeyCode::F12,
        )),
    );
    app.insert_resource(settings);
    app.add_plugins(game_plugin);
    app.insert_resource(library);
    app.insert_resource(Launch(args.clone()));
    app.add_systems(Startup, spawn_camera);
    #[cfg(not(target_arch = "wasm32"))]
    app.add_plugins(crate::live_reload::plugin);
    if let Some(key) = start_key {
        app.add_systems(
            Startup,
            move |mut commands: Commands,
                  library: Res<Library>,
                  launch: Res<Launch>,
                  settings: Res<Settings>,
                  mut next: ResMut<NextState<Screen>>| {
                // In a classroom the page may have been reloaded (or the game restarted)
                // mid-deal: carry on from the autosave of this case, seed and player, since
                // the server already has those moves.
                let seed = launch.0.seed.unwrap_or(1);
                if launch.0.classroom.is_some()
                    && let Ok(s) = crate::save::read_save(&crate::save::autosave_path())
                    && s.case == key
                    && s.seed == seed
                    && s.player == launch.0.player
                    && let Ok(mut deal) = Deal::resume(&library, &s)
                {
                    deal.results_dir = launch.0.results.clone();
                    next.set(crate::screens::screen_for(&deal));
                    commands.insert_resource(deal);
                    return;
                }
                if let Some(entry) = library.find(&key)
                    && let Some(case) = entry.loaded.case.clone()
                {
                    let mut deal = Deal::start(
                        entry,
                        case,
                        launch.0.seed.unwrap_or(1),
                        launch.0.player.clone(),
                    );
                    deal.results_dir = launch.0.results.clone();
                    // The author's preview: play the line, then open at the scene it reaches.
                    let lang = settings.lang;
                    let mut screen = Screen::Briefing;
                    if !launch.0.preview.is_empty() {
                        for id in &launch.0.preview {
                            if let Some(ix) = deal.case().choices.get(id) {
                                deal.choose(ix, lang);
                                deal.pending = None;
                            }
                        }
                        screen = crate::screens::screen_for(&deal);
                    }
                    commands.insert_resource(deal);
                    next.set(screen);
                }
            },
        );
    }
    #[cfg(not(target_arch = "wasm32"))]
    if let Some(text) = script {
        app.add_plugins(crate::automation::plugin(
            &text,
            args.screenshots.clone(),
            args.exit_when_done,
        ));
    }
    #[cfg(not(target_arch = "wasm32"))]
    if args.author {
        app.add_plugins(crate::author::plugin);
    }
    #[cfg(feature = "dev")]
    app.add_plugins(crate::dev_tools::plugin);
    match app.run() {
        AppExit::Success => Ok(()),
        AppExit::Error(_) => Err(String::new()),
    }
}

fn spawn_camera(mut commands: Commands) {
    commands.spawn(Camera2d);
}
