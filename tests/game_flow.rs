//! Headless Bevy tests of the game's screen flow: no window, no GPU, the real screens.
#![cfg(feature = "game")]

use bevy::prelude::*;
use dealcraft::case::text::Lang;
use dealcraft::screens::Screen;
use dealcraft::screens::briefing::StartButton;
use dealcraft::screens::case_select::CaseButton;
use dealcraft::screens::title::{ContinueSaveButton, NewGameButton};
use dealcraft::session::{Deal, Settings};
use dealcraft::theme::Activate;

mod common;
use common::game::{app, choose, press, screen};

#[test]
fn play_through_the_screens_then_resume_exactly() {
    let dir = std::env::temp_dir().join(format!("dealcraft-flow-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut app = app(&dir);
    assert_eq!(screen(&app), Screen::Title);
    assert!(
        app.world_mut()
            .query::<&ContinueSaveButton>()
            .iter(app.world())
            .next()
            .is_none(),
        "nothing to continue yet"
    );

    press::<NewGameButton>(&mut app);
    assert_eq!(screen(&app), Screen::CaseSelect);
    // Pick the tutorial from the list, as a trainee would.
    let tutorial = app
        .world_mut()
        .query::<(Entity, &CaseButton)>()
        .iter(app.world())
        .find(|(_, b)| b.0 == "first-lead")
        .map(|(e, _)| e)
        .expect("the tutorial is listed");
    app.world_mut().trigger(Activate { entity: tutorial });
    app.update();
    app.update();
    assert_eq!(screen(&app), Screen::Briefing);
    assert_eq!(
        app.world().resource::<Deal>().game.state.seed,
        3,
        "the launch seed is used"
    );
    press::<StartButton>(&mut app);
    assert_eq!(screen(&app), Screen::Board);

    // A press reaches the engine: the move is made and the next screen follows the story.
    choose(&mut app, "call_lin");
    assert_eq!(screen(&app), Screen::Meeting);
    choose(&mut app, "ask_open");
    choose(&mut app, "ask_closed");
    let deal = app.world().resource::<Deal>();
    assert_eq!(
        deal.game.chosen_ids(),
        ["call_lin", "ask_open", "ask_closed"]
    );
    let state_before = deal.game.state.clone();

    // Language switch applies at once and keeps the deal.
    app.world_mut().resource_mut::<Settings>().lang = Lang::Zh;
    app.world_mut()
        .resource_mut::<NextState<Screen>>()
        .set(Screen::Meeting);
    app.update();
    assert_eq!(
        app.world().resource::<dealcraft::theme::Kit>().lang,
        Lang::Zh
    );
    let zh_text = app
        .world_mut()
        .query::<&Text>()
        .iter(app.world())
        .any(|t| t.0.contains("和林华交谈"));
    assert!(zh_text, "the meeting is redrawn in Chinese");

    // Autosave written after every move; a new session continues exactly where this one was.
    assert!(dir.join("autosave.json").exists());
    drop(app);
    let mut again = self::app(&dir);
    assert_eq!(screen(&again), Screen::Title);
    press::<ContinueSaveButton>(&mut again);
    assert_eq!(screen(&again), Screen::Meeting);
    let resumed = again.world().resource::<Deal>();
    assert_eq!(resumed.game.state, state_before);

    // Finish the deal through the UI (seed 3 plays the `wing` variant: the tutorial's expert
    // line, tests/scripts/first-lead-expert.txt).
    choose(&mut again, "summarise_ask_intro");
    assert_eq!(screen(&again), Screen::Board);
    choose(&mut again, "prepare");
    assert_eq!(screen(&again), Screen::Decision);
    choose(&mut again, "bi_wing");
    assert_eq!(screen(&again), Screen::Board);
    choose(&mut again, "go_with_lin");
    assert_eq!(screen(&again), Screen::Meeting);
    for id in ["xu_problem", "xu_implication", "xu_payoff", "present_wing"] {
        choose(&mut again, id);
    }
    assert_eq!(screen(&again), Screen::Board);
    choose(&mut again, "send_letter");
    choose(&mut again, "ask_committee");
    assert_eq!(screen(&again), Screen::Outcome);
    let r = dealcraft::scoring::result(&again.world().resource::<Deal>().game);
    assert_eq!(r.outcome, Some(dealcraft::case::model::Outcome::Won));
    press::<dealcraft::screens::outcome::DebriefButton>(&mut again);
    assert_eq!(screen(&again), Screen::Debrief);
}

#[test]
fn a_damaged_save_is_set_aside_not_overwritten() {
    let dir = std::env::temp_dir().join(format!("dealcraft-bad-save-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    // Each test binary runs its tests in threads sharing one environment: use a save name
    // the other test does not touch by running this check on the core API as the title does.
    let p = dir.join("autosave.json");
    std::fs::write(&p, b"{ not json").unwrap();
    assert!(dealcraft::save::read_save(&p).is_err());
    let aside = dealcraft::save::set_aside(&p).unwrap();
    assert_eq!(std::fs::read(&aside).unwrap(), b"{ not json");
}
