//! Scripted play (`--script FILE`): choice ids played through the same `Activate` path a click
//! takes, one screenshot per screen visited (`NN-screen.png`), the result as `result.json`.

use std::collections::VecDeque;
use std::path::PathBuf;

use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured, save_to_disk};

use crate::cli::simulate_parse_choices;
use crate::screens::Screen;
use crate::screens::briefing::StartButton;
use crate::screens::case_select::CaseButton;
use crate::screens::outcome::DebriefButton;
use crate::screens::parts::{ChoiceButton, ContinueButton};
use crate::screens::title::NewGameButton;
use crate::session::Deal;
use crate::theme::Activate;

#[derive(Resource)]
pub struct Script {
    pub choices: VecDeque<(usize, String)>,
    pub shots: Option<PathBuf>,
    pub exit_when_done: bool,
    shot_no: u32,
    frames: u32,
    acted: bool,
    shot_pending: bool,
    shot_taken: bool,
}

/// Set by the screenshot observer when the PNG is on disk.
#[derive(Resource, Default)]
struct ShotDone(bool);

pub fn plugin(
    script: &str,
    shots: Option<PathBuf>,
    exit_when_done: bool,
) -> impl Fn(&mut App) + use<> {
    let choices: VecDeque<(usize, String)> = simulate_parse_choices(script).into();
    move |app: &mut App| {
        app.insert_resource(Script {
            choices: choices.clone(),
            shots: shots.clone(),
            exit_when_done,
            shot_no: 0,
            frames: 0,
            acted: false,
            shot_pending: false,
            shot_taken: false,
        });
        app.init_resource::<ShotDone>();
        app.add_systems(Update, (on_enter, drive).chain());
    }
}

fn on_enter(
    mut transitions: MessageReader<StateTransitionEvent<Screen>>,
    mut script: ResMut<Script>,
) {
    if transitions.read().last().is_some() {
        script.frames = 0;
        script.acted = false;
        script.shot_taken = false;
        script.shot_pending = false;
    }
}

fn fail(msg: String, exit: &mut MessageWriter<AppExit>) {
    eprintln!("error: {msg}");
    exit.write(AppExit::error());
}

/// The buttons the script knows how to press.
type Buttons<'w, 's> = (
    Query<'w, 's, Entity, With<NewGameButton>>,
    Query<'w, 's, Entity, With<CaseButton>>,
    Query<'w, 's, Entity, With<StartButton>>,
    Query<'w, 's, (Entity, &'static ChoiceButton)>,
    Query<'w, 's, Entity, With<ContinueButton>>,
    Query<'w, 's, Entity, With<DebriefButton>>,
);

fn drive(
    mut script: ResMut<Script>,
    mut done: ResMut<ShotDone>,
    screen: Res<State<Screen>>,
    deal: Option<Res<Deal>>,
    buttons: Buttons,
    mut commands: Commands,
    mut exit: MessageWriter<AppExit>,
) {
    script.frames += 1;
    // Let layout and text settle before looking (and before the screenshot).
    if script.frames < 4 || script.acted {
        return;
    }
    let screen = *screen.get();
    let expert_ready = deal
        .as_ref()
        .is_none_or(|d| d.expert.lock().map(|e| e.is_some()).unwrap_or(true));
    if screen == Screen::Debrief && !expert_ready {
        return;
    }
    if let Some(dir) = script.shots.clone()
        && !script.shot_taken
    {
        if !script.shot_pending {
            script.shot_no += 1;
            let path = dir.join(format!("{:02}-{}.png", script.shot_no, screen.slug()));
            done.0 = false;
            script.shot_pending = true;
            commands
                .spawn(Screenshot::primary_window())
                .observe(save_to_disk(path))
                .observe(|_: On<ScreenshotCaptured>, mut done: ResMut<ShotDone>| done.0 = true);
            return;
        }
        if !done.0 {
            return;
        }
        script.shot_taken = true;
    }
    let (new_game, cases, start, choices, cont, debrief) = buttons;
    let press = |e: Entity, commands: &mut Commands| commands.trigger(Activate { entity: e });
    match screen {
        Screen::Title => {
            if let Some(e) = new_game.iter().next() {
                press(e, &mut commands);
            }
        }
        Screen::CaseSelect => {
            if let Some(e) = cases.iter().next() {
                press(e, &mut commands);
            }
        }
        Screen::Briefing => {
            if let Some(e) = start.iter().next() {
                press(e, &mut commands);
            }
        }
        Screen::Board | Screen::Meeting | Screen::Decision => {
            let Some(deal) = deal else { return };
            if deal.pending.is_some() {
                if let Some(e) = cont.iter().next() {
                    press(e, &mut commands);
                }
            } else if let Some((line, id)) = script.choices.pop_front() {
                let ix = deal.case().choices.get(&id);
                match choices.iter().find(|(_, b)| Some(b.0) == ix) {
                    Some((e, _)) => press(e, &mut commands),
                    None => {
                        let available = deal.game.available_ids().join(", ");
                        return fail(
                            format!(
                                "script line {line}: choice `{id}` is not available here; available: {available}"
                            ),
                            &mut exit,
                        );
                    }
                }
            } else {
                return fail(
                    format!(
                        "the script ended before the deal did; available: {}",
                        deal.game.available_ids().join(", ")
                    ),
                    &mut exit,
                );
            }
        }
        Screen::Outcome => {
            if let (Some(dir), Some(deal)) = (&script.shots, &deal) {
                let json = serde_json::to_vec_pretty(&crate::scoring::result(&deal.game))
                    .unwrap_or_default();
                if let Err(e) = crate::save::write_atomic(&dir.join("result.json"), &json) {
                    return fail(format!("cannot write result.json: {e}"), &mut exit);
                }
            }
            if let Some(e) = debrief.iter().next() {
                press(e, &mut commands);
            }
        }
        Screen::Debrief => {
            if script.exit_when_done {
                exit.write(AppExit::Success);
            }
        }
        Screen::Settings => {}
    }
    script.acted = true;
}
