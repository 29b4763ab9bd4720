//! Colours. A calm, projector-friendly dark theme with high contrast text.

use bevy::prelude::*;

pub const BACKGROUND: Color = Color::srgb(0.094, 0.110, 0.141);
pub const PANEL: Color = Color::srgb(0.137, 0.161, 0.204);
pub const PANEL_RAISED: Color = Color::srgb(0.176, 0.204, 0.255);
pub const BORDER: Color = Color::srgb(0.263, 0.302, 0.373);
pub const TEXT: Color = Color::srgb(0.925, 0.937, 0.957);
pub const TEXT_DIM: Color = Color::srgb(0.655, 0.690, 0.745);
pub const ACCENT: Color = Color::srgb(0.961, 0.702, 0.259);
pub const GOOD: Color = Color::srgb(0.404, 0.792, 0.529);
pub const BAD: Color = Color::srgb(0.933, 0.416, 0.416);
pub const INFO: Color = Color::srgb(0.435, 0.655, 0.953);

pub const BUTTON: Color = Color::srgb(0.212, 0.290, 0.420);
pub const BUTTON_HOVER: Color = Color::srgb(0.267, 0.365, 0.522);
pub const BUTTON_PRESSED: Color = Color::srgb(0.176, 0.239, 0.349);
pub const BUTTON_QUIET: Color = Color::srgb(0.176, 0.204, 0.255);
pub const FOCUS: Color = ACCENT;

use crate::case::model::Attitude;

/// Colour of an attitude to us, from opponent (red) to mentor (green).
pub fn attitude(a: Attitude) -> Color {
    match a {
        Attitude::Opponent => BAD,
        Attitude::NonSupporter => Color::srgb(0.906, 0.612, 0.400),
        Attitude::Neutral => TEXT_DIM,
        Attitude::Supporter => Color::srgb(0.604, 0.835, 0.455),
        Attitude::Mentor => GOOD,
    }
}
