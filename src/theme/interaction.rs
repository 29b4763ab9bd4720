//! Pointer and keyboard interaction for every widget, as observers.
//!
//! A press (mouse release over a button, Enter/Space on the focused button, a number key for a
//! numbered choice, or the automation script) triggers one `Activate` event on the button
//! entity; widgets attach what they do with `.observe(...)`. One path for all input, so a
//! scripted run exercises exactly what a click does.

use bevy::input::keyboard::KeyCode;
use bevy::prelude::*;

use super::palette;

/// "This button was pressed."
#[derive(EntityEvent, Debug, Clone, Copy)]
pub struct Activate {
    pub entity: Entity,
}

/// Colours of a button in its states.
#[derive(Component, Clone, Copy)]
pub struct ButtonColors {
    pub idle: Color,
    pub hover: Color,
    pub pressed: Color,
}

/// Order in keyboard focus (Tab / arrows).
#[derive(Component, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub struct FocusOrder(pub u32);

/// A hot key that activates this button (e.g. Digit1 for choice 1, Escape for Back).
#[derive(Component, Clone, Copy)]
pub struct HotKey(pub KeyCode);

/// The button that has keyboard focus.
#[derive(Resource, Default)]
pub struct Focused(pub Option<Entity>);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Focused>();
    app.add_systems(
        Update,
        (
            press_on_release,
            colour_buttons,
            keyboard_focus,
            hot_keys,
            show_focus,
        )
            .chain(),
    );
}

/// A click is a press followed by release over the same button.
fn press_on_release(
    mut q: Query<(Entity, &Interaction, &mut PreviousInteraction), Changed<Interaction>>,
    mut commands: Commands,
) {
    for (entity, now, mut before) in &mut q {
        if before.0 == Interaction::Pressed && *now == Interaction::Hovered {
            commands.trigger(Activate { entity });
        }
        before.0 = *now;
    }
}

/// Last interaction state, to detect a completed click.
#[derive(Component, Clone, Copy)]
pub struct PreviousInteraction(pub Interaction);

impl Default for PreviousInteraction {
    fn default() -> Self {
        PreviousInteraction(Interaction::None)
    }
}

fn colour_buttons(
    mut q: Query<(&Interaction, &ButtonColors, &mut BackgroundColor), Changed<Interaction>>,
) {
    for (i, colors, mut bg) in &mut q {
        bg.0 = match i {
            Interaction::Pressed => colors.pressed,
            Interaction::Hovered => colors.hover,
            Interaction::None => colors.idle,
        };
    }
}

fn keyboard_focus(
    keys: Res<ButtonInput<KeyCode>>,
    q: Query<(Entity, &FocusOrder, &InheritedVisibility)>,
    mut focused: ResMut<Focused>,
    mut commands: Commands,
) {
    let mut order: Vec<(FocusOrder, Entity)> = q
        .iter()
        .filter(|(_, _, v)| v.get())
        .map(|(e, o, _)| (*o, e))
        .collect();
    order.sort();
    if order.is_empty() {
        focused.0 = None;
        return;
    }
    let current = focused
        .0
        .and_then(|f| order.iter().position(|(_, e)| *e == f));
    let shift = keys.pressed(KeyCode::ShiftLeft) || keys.pressed(KeyCode::ShiftRight);
    let forward = (keys.just_pressed(KeyCode::Tab) && !shift)
        || keys.just_pressed(KeyCode::ArrowDown)
        || keys.just_pressed(KeyCode::ArrowRight);
    let backward = (keys.just_pressed(KeyCode::Tab) && shift)
        || keys.just_pressed(KeyCode::ArrowUp)
        || keys.just_pressed(KeyCode::ArrowLeft);
    let n = order.len();
    if forward {
        focused.0 = Some(order[current.map(|c| (c + 1) % n).unwrap_or(0)].1);
    } else if backward {
        focused.0 = Some(order[current.map(|c| (c + n - 1) % n).unwrap_or(n - 1)].1);
    } else if current.is_none() && focused.0.is_some() {
        focused.0 = None;
    }
    if (keys.just_pressed(KeyCode::Enter)
        || keys.just_pressed(KeyCode::NumpadEnter)
        || keys.just_pressed(KeyCode::Space))
        && let Some(entity) = focused.0
    {
        commands.trigger(Activate { entity });
    }
}

fn hot_keys(
    keys: Res<ButtonInput<KeyCode>>,
    q: Query<(Entity, &HotKey, &InheritedVisibility)>,
    focused: Res<Focused>,
    mut commands: Commands,
) {
    for (entity, key, vis) in &q {
        // With a focused button, Enter/Space belong to it (see `keyboard_focus`).
        let confirm = matches!(
            key.0,
            KeyCode::Enter | KeyCode::NumpadEnter | KeyCode::Space
        );
        if confirm && focused.0.is_some() {
            continue;
        }
        // The keypad's Enter is Enter too.
        let pressed = keys.just_pressed(key.0)
            || (key.0 == KeyCode::Enter && keys.just_pressed(KeyCode::NumpadEnter));
        if vis.get() && pressed {
            commands.trigger(Activate { entity });
            // One key, one action (e.g. Escape on a screen with two back buttons).
            break;
        }
    }
}

fn show_focus(focused: Res<Focused>, mut q: Query<(Entity, &mut Outline), With<FocusOrder>>) {
    if !focused.is_changed() {
        return;
    }
    for (e, mut outline) in &mut q {
        outline.color = if Some(e) == focused.0 {
            palette::FOCUS
        } else {
            Color::NONE
        };
    }
}
