//! Scripted play (`--script FILE`): choice ids played through the same `Activate` path a click
//! takes, one screenshot per screen visited (`NN-screen.png`), the result as `result.json`.

use std::collections::VecDeque;
use std::path::PathBuf;

use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured, save_to_disk};

use crate::cli::simulate_parse_choices;
use crate::screens::Screen;
use crate::screens::briefing::StartButton;
use crate::screens::cards::Reading;
use crate::screens::case_select::CaseButton;
use crate::screens::debrief::{Tab, TabButton};
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
    /// Debrief views still to show (and photograph).
    tabs: VecDeque<Tab>,
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
            tabs: VecDeque::from([Tab::Decision, Tab::People]),
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
    Query<'w, 's, (Entity, &'static TabButton)>,
);

// A Bevy system: its parameters are the resources it reads, not an API to slim.
#[allow(clippy::too_many_arguments)]
fn drive(
    mut script: ResMut<Script>,
    mut done: ResMut<ShotDone>,
    screen: Res<State<Screen>>,
    mut deal: Option<ResMut<Deal>>,
    buttons: Buttons,
    mut reading: ResMut<Reading>,
    mut next: ResMut<NextState<Screen>>,
    mut commands: Commands,
    mut exit: MessageWriter<AppExit>,
    settings: Res<crate::session::Settings>,
) {
    script.frames += 1;
    // Let layout and text settle before looking (and before the screenshot).
    if script.frames < 4 || script.acted {
        return;
    }
    let screen = *screen.get();
    let expert_ready = deal.as_ref().is_none_or(|d| d.expert.is_ready());
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
    let (new_game, cases, start, choices, cont, debrief, tabs) = buttons;
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
            let Some(deal) = deal.as_mut() else { return };
            // `read PERSON key=value …`: the trainee writes his read of someone (on the board
            // the editor opens on it, so the screenshot shows what he wrote).
            if deal.pending.is_none()
                && let Some((line, text)) = script.choices.front().cloned()
                && let Some(parsed) = crate::cli::simulate_as_read(&text)
            {
                script.choices.pop_front();
                let read = match parsed {
                    Ok(r) => r,
                    Err(e) => return fail(format!("script line {line}: {e}"), &mut exit),
                };
                let Some(ix) = deal.case().stakeholders.get(&read.person) else {
                    return fail(
                        format!(
                            "script line {line}: no person `{}` in this case",
                            read.person
                        ),
                        &mut exit,
                    );
                };
                // As the read editor does: noted, autosaved, sent to a classroom.
                deal.set_read(read, settings.lang);
                if screen == Screen::Board {
                    reading.open(ix, deal.game.turn());
                }
                next.set(screen);
                script.acted = true;
                return;
            }
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
            // With screenshots, each view of the debrief in turn.
            if script.shots.is_some()
                && let Some(t) = script.tabs.pop_front()
                && let Some((e, _)) = tabs.iter().find(|(_, b)| b.0 == t)
            {
                press(e, &mut commands);
                script.acted = true;
                return;
            }
            if script.exit_when_done {
                exit.write(AppExit::Success);
            }
        }
        Screen::Settings => {}
    }
    script.acted = true;
}
