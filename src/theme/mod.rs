//! The look of the game: palette, type and spacing scales, widgets, and input handling.

pub mod fonts;
pub mod interaction;
pub mod palette;
pub mod widget;

use bevy::prelude::*;

pub use interaction::Activate;
pub use widget::Kit;

pub fn plugin(app: &mut App) {
    app.add_plugins((fonts::plugin, interaction::plugin));
}
