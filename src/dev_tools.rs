//! Developer tools (feature `dev`): F1 toggles Bevy's UI layout outlines, state changes are logged.

use bevy::input::common_conditions::input_just_pressed;
use bevy::prelude::*;

use crate::screens::Screen;

pub fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (
            toggle_outlines.run_if(input_just_pressed(KeyCode::F1)),
            log_transitions,
        ),
    );
}

fn toggle_outlines(mut options: ResMut<bevy::ui_render::GlobalUiDebugOptions>) {
    options.toggle();
}

fn log_transitions(mut transitions: MessageReader<StateTransitionEvent<Screen>>) {
    for t in transitions.read() {
        info!("screen: {:?} -> {:?}", t.exited, t.entered);
    }
}
