//! The headless game both game-level test binaries drive: the real screens with
//! `MinimalPlugins`, presses as a click makes them.
#![allow(dead_code)]

use bevy::input::InputPlugin;
use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use dealcraft::screens::Screen;
use dealcraft::screens::parts::{ChoiceButton, ContinueButton};
use dealcraft::session::{Deal, Launch, Library};
use dealcraft::theme::Activate;

pub fn app(data_dir: &std::path::Path) -> App {
    // SAFETY: set before any thread of this test binary reads it; every test uses the same value.
    unsafe { std::env::set_var("DEALCRAFT_DATA_DIR", data_dir) };
    let mut app = App::new();
    app.add_plugins((
        MinimalPlugins,
        StatesPlugin,
        AssetPlugin::default(),
        bevy::image::ImagePlugin::default(),
        bevy::text::TextPlugin,
        InputPlugin,
    ));
    app.add_plugins(dealcraft::app::game_plugin);
    app.insert_resource(Library::load(None));
    app.insert_resource(Launch(dealcraft::session::PlayOptions {
        seed: Some(3),
        ..Default::default()
    }));
    app.update();
    app
}

pub fn screen(app: &App) -> Screen {
    *app.world().resource::<State<Screen>>().get()
}

/// Press the first button carrying component `C`, as a click would, and let the app react.
pub fn press<C: Component>(app: &mut App) {
    let e = app
        .world_mut()
        .query_filtered::<Entity, With<C>>()
        .iter(app.world())
        .next()
        .expect("button on screen");
    app.world_mut().trigger(Activate { entity: e });
    app.update();
    app.update();
}

/// Press the choice button for this choice id.
pub fn choose(app: &mut App, id: &str) {
    let ix = app
        .world()
        .resource::<Deal>()
        .case()
        .choices
        .get(id)
        .expect("choice exists");
    let e = app
        .world_mut()
        .query::<(Entity, &ChoiceButton)>()
        .iter(app.world())
        .find(|(_, b)| b.0 == ix)
        .map(|(e, _)| e)
        .unwrap_or_else(|| panic!("no button for `{id}` on {:?}", screen(app)));
    app.world_mut().trigger(Activate { entity: e });
    app.update();
    app.update();
    assert!(
        app.world().resource::<Deal>().pending.is_some(),
        "consequence shown after {id}"
    );
    press::<ContinueButton>(app);
}
