//! The author's overlay (`play --author`), headless: no window, no GPU, the real screens.
//! Its own test binary, because the data folder is process-wide.
#![cfg(feature = "game")]

use bevy::input::ButtonState;
use bevy::input::keyboard::{Key, KeyboardInput};
use bevy::prelude::*;
use dealcraft::case::text::Lang;
use dealcraft::screens::briefing::StartButton;
use dealcraft::screens::case_select::CaseButton;
use dealcraft::screens::title::NewGameButton;
use dealcraft::session::Deal;
use dealcraft::theme::Activate;

mod common;
use common::game::{app, choose, press};

/// Press and release a key, as the keyboard would (through the input plugin's messages).
fn key(app: &mut App, code: KeyCode, logical: Key) {
    for state in [ButtonState::Pressed, ButtonState::Released] {
        app.world_mut().write_message(KeyboardInput {
            key_code: code,
            logical_key: logical.clone(),
            state,
            text: None,
            repeat: false,
            window: Entity::PLACEHOLDER,
        });
        app.update();
    }
    app.update();
}

/// Every text on screen, in spawn order.
fn texts(app: &mut App) -> Vec<String> {
    app.world_mut()
        .query::<&Text>()
        .iter(app.world())
        .map(|t| t.0.clone())
        .collect()
}

#[test]
fn the_author_overlay_checks_every_choice_and_draws_the_map() {
    let dir = std::env::temp_dir().join(format!("dealcraft-author-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut app = app(&dir);
    app.add_plugins(dealcraft::author::plugin);
    press::<NewGameButton>(&mut app);
    let tutorial = app
        .world_mut()
        .query::<(Entity, &CaseButton)>()
        .iter(app.world())
        .find(|(_, b)| b.0 == "first-lead")
        .map(|(e, _)| e)
        .unwrap();
    app.world_mut().trigger(Activate { entity: tutorial });
    app.update();
    app.update();
    press::<StartButton>(&mut app);
    app.update();
    let shown = texts(&mut app);
    assert!(
        shown.iter().any(|t| t.starts_with("AUTHOR VIEW")),
        "{shown:?}"
    );
    // Each choice of the scene is listed, offered or with the reason it is not.
    let deal = app.world().resource::<Deal>();
    let here: Vec<String> = deal.case().scene_choices[deal.game.state.scene as usize]
        .iter()
        .map(|&ix| deal.case().choices.names[ix as usize].clone())
        .collect();
    let offered = deal.game.available_ids().len();
    for id in &here {
        assert!(
            shown.iter().any(|t| t.contains(&format!(" {id} — "))),
            "{id} missing from the overlay"
        );
    }
    let crossed = shown.iter().filter(|t| t.starts_with("× ")).count();
    assert_eq!(crossed, here.len() - offered);
    assert!(shown.iter().any(|t| t.starts_with("burning issue: ")));

    // A move redraws it for the new scene; F8 opens the map with the current scene on it.
    choose(&mut app, "call_lin");
    app.update();
    let label = {
        let deal = app.world().resource::<Deal>();
        dealcraft::analysis::map::scene_label(
            &deal.case().case,
            deal.game.state.scene as usize,
            Lang::En,
        )
    };
    key(&mut app, KeyCode::F8, Key::F8);
    let shown = texts(&mut app);
    assert!(shown.iter().any(|t| t.starts_with("CASE MAP")));
    assert!(shown.contains(&label), "{label:?} not on the map");
    // F7 hides the truth panel; the map stays.
    key(&mut app, KeyCode::F7, Key::F7);
    let shown = texts(&mut app);
    assert!(!shown.iter().any(|t| t.starts_with("AUTHOR VIEW")));
    assert!(shown.iter().any(|t| t.starts_with("CASE MAP")));
}
