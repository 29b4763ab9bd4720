//! Widgets: text, buttons, panels, meters. Each returns a bundle to spawn.

use bevy::input::keyboard::KeyCode;
use bevy::prelude::*;

use super::interaction::{ButtonColors, FocusOrder, HotKey, PreviousInteraction};
use super::palette;
use crate::case::text::{Lang, Text as CaseText};

/// Type scale (logical pixels at text size 100%).
pub mod size {
    pub const TITLE: f32 = 44.0;
    pub const H1: f32 = 30.0;
    pub const H2: f32 = 22.0;
    pub const BODY: f32 = 18.0;
    pub const SMALL: f32 = 15.0;
}

/// Spacing scale.
pub mod gap {
    pub const XS: f32 = 4.0;
    pub const S: f32 = 8.0;
    pub const M: f32 = 14.0;
    pub const L: f32 = 24.0;
}

/// What every screen needs to draw text: fonts, text scale, language.
#[derive(Resource, Clone)]
pub struct Kit {
    pub regular: Handle<Font>,
    pub bold: Handle<Font>,
    pub scale: f32,
    pub lang: Lang,
}

impl Kit {
    /// A UI string in the current language.
    pub fn t<'a>(&self, en: &'a str, zh: &'a str) -> &'a str {
        match self.lang {
            Lang::En => en,
            Lang::Zh => zh,
        }
    }
    /// A case text in the current language.
    /// "wk 6" / "第 6 周".
    pub fn week(&self, n: u32) -> String {
        match self.lang {
            Lang::En => format!("wk {n}"),
            Lang::Zh => format!("第 {n} 周"),
        }
    }

    pub fn c<'a>(&self, text: &'a CaseText) -> &'a str {
        text.get(self.lang)
    }

    pub fn font(&self, px: f32, bold: bool) -> TextFont {
        TextFont::from_font_size(px * self.scale).with_font(if bold {
            self.bold.clone()
        } else {
            self.regular.clone()
        })
    }

    /// Wrapping text of the given size and colour.
    pub fn text(&self, s: impl Into<String>, px: f32, color: Color) -> impl Bundle {
        (
            Text::new(s),
            self.font(px, false),
            TextColor(color),
            TextLayout::default(),
        )
    }

    pub fn bold(&self, s: impl Into<String>, px: f32, color: Color) -> impl Bundle {
        (
            Text::new(s),
            self.font(px, true),
            TextColor(color),
            TextLayout::default(),
        )
    }

    /// A short one-line label (never wraps; for rows of label + bar).
    pub fn label(&self, s: impl Into<String>, px: f32, color: Color, width: f32) -> impl Bundle {
        (
            Node {
                width: Val::Px(width * self.scale),
                flex_shrink: 0.0,
                ..default()
            },
            children![(
                Text::new(s),
                self.font(px, false),
                TextColor(color),
                TextLayout::no_wrap()
            )],
        )
    }

    pub fn body(&self, s: impl Into<String>) -> impl Bundle {
        self.text(s, size::BODY, palette::TEXT)
    }

    pub fn dim(&self, s: impl Into<String>) -> impl Bundle {
        self.text(s, size::SMALL, palette::TEXT_DIM)
    }

    pub fn heading(&self, s: impl Into<String>) -> impl Bundle {
        self.bold(s, size::H1, palette::TEXT)
    }

    pub fn subheading(&self, s: impl Into<String>) -> impl Bundle {
        self.bold(s, size::H2, palette::ACCENT)
    }

    /// A button with a label; attach its action with `.observe(|_: On<Activate>| …)`.
    pub fn button(&self, label: impl Into<String>, order: u32) -> impl Bundle {
        self.button_styled(label, order, palette::BUTTON, Val::Auto)
    }

    pub fn quiet_button(&self, label: impl Into<String>, order: u32) -> impl Bundle {
        self.button_styled(label, order, palette::BUTTON_QUIET, Val::Auto)
    }

    /// A compact button in small type, for actions inside a card or a table.
    pub fn small_button(&self, label: impl Into<String>, order: u32) -> impl Bundle {
        (
            Button,
            Node {
                align_self: AlignSelf::FlexStart,
                padding: UiRect::axes(Val::Px(gap::S), Val::Px(2.0)),
                border: UiRect::all(Val::Px(1.0)),
                border_radius: BorderRadius::all(Val::Px(4.0)),
                ..default()
            },
            BackgroundColor(palette::BUTTON_QUIET),
            BorderColor::all(palette::BORDER),
            ButtonColors {
                idle: palette::BUTTON_QUIET,
                hover: palette::PANEL_RAISED,
                pressed: palette::BUTTON_PRESSED,
            },
            PreviousInteraction::default(),
            Outline {
                width: Val::Px(2.0),
                offset: Val::Px(1.0),
                color: Color::NONE,
            },
            FocusOrder(order),
            children![self.text(label, size::SMALL, palette::TEXT)],
        )
    }

    pub fn wide_button(&self, label: impl Into<String>, order: u32) -> impl Bundle {
        self.button_styled(label, order, palette::BUTTON, Val::Percent(100.0))
    }

    fn button_styled(
        &self,
        label: impl Into<String>,
        order: u32,
        idle: Color,
        width: Val,
    ) -> impl Bundle {
        let hover = if idle == palette::BUTTON {
            palette::BUTTON_HOVER
        } else {
            palette::PANEL_RAISED
        };
        (
            Button,
            Node {
                width,
                // Auto-width buttons keep their size in a stretching column.
                align_self: if width == Val::Auto {
                    AlignSelf::FlexStart
                } else {
                    AlignSelf::Auto
                },
                padding: UiRect::axes(Val::Px(gap::M), Val::Px(gap::S)),
                justify_content: JustifyContent::FlexStart,
                align_items: AlignItems::Center,
                border_radius: BorderRadius::all(Val::Px(6.0)),
                ..default()
            },
            BackgroundColor(idle),
            ButtonColors {
                idle,
                hover,
                pressed: palette::BUTTON_PRESSED,
            },
            PreviousInteraction::default(),
            Outline {
                width: Val::Px(2.0),
                offset: Val::Px(1.0),
                color: Color::NONE,
            },
            FocusOrder(order),
            children![self.text(label, size::BODY, palette::TEXT)],
        )
    }

    /// A numbered choice: the number key activates it.
    pub fn choice_button(&self, number: usize, label: &str, order: u32) -> impl Bundle {
        let key = digit_key(number);
        (
            self.wide_button(format!("{number}.  {label}"), order),
            HotKey(key.unwrap_or(KeyCode::F24)),
        )
    }
}

pub fn digit_key(n: usize) -> Option<KeyCode> {
    Some(match n {
        1 => KeyCode::Digit1,
        2 => KeyCode::Digit2,
        3 => KeyCode::Digit3,
        4 => KeyCode::Digit4,
        5 => KeyCode::Digit5,
        6 => KeyCode::Digit6,
        7 => KeyCode::Digit7,
        8 => KeyCode::Digit8,
        9 => KeyCode::Digit9,
        _ => return None,
    })
}

/// A full-window root for a screen.
pub fn screen_root() -> impl Bundle {
    (
        Node {
            width: Val::Percent(100.0),
            height: Val::Percent(100.0),
            flex_direction: FlexDirection::Column,
            ..default()
        },
        BackgroundColor(palette::BACKGROUND),
    )
}

/// A centred column (title, menus, briefing).
pub fn centered_column(max_width: f32) -> impl Bundle {
    (
        // Taller than the window (a small one, large text): it scrolls, with a bar.
        Scrollable,
        Interaction::default(),
        Node {
            width: Val::Percent(100.0),
            max_width: Val::Px(max_width),
            max_height: Val::Percent(100.0),
            flex_direction: FlexDirection::Column,
            row_gap: Val::Px(gap::M),
            align_self: AlignSelf::Center,
            margin: UiRect::vertical(Val::Auto),
            padding: UiRect::all(Val::Px(gap::L)),
            overflow: Overflow::scroll_y(),
            ..default()
        },
    )
}

/// A node that scrolls with the mouse wheel and PageUp/PageDown (systems in
/// `screens::parts`), with a scroll bar when its content does not fit.
#[derive(Component)]
pub struct Scrollable;

/// A panel with a border.
pub fn panel() -> impl Bundle {
    panel_with(panel_node(), palette::BORDER)
}

/// A panel with its own layout and border colour.
pub fn panel_with(node: Node, border: Color) -> impl Bundle {
    (
        node,
        BackgroundColor(palette::PANEL),
        BorderColor::all(border),
    )
}

/// A horizontal meter: `value` out of `max`, as a filled bar.
pub fn meter_bar(value: f32, max: f32, color: Color) -> impl Bundle {
    let pct = if max > 0.0 {
        (value / max).clamp(0.0, 1.0) * 100.0
    } else {
        0.0
    };
    (
        Node {
            width: Val::Percent(100.0),
            height: Val::Px(10.0),
            // In a column that scrolls (the board's left panel on a short window) a bar
            // would otherwise be squeezed to nothing before the text beside it moves.
            flex_shrink: 0.0,
            border_radius: BorderRadius::all(Val::Px(5.0)),
            ..default()
        },
        BackgroundColor(palette::PANEL_RAISED),
        children![(
            Node {
                width: Val::Percent(pct),
                height: Val::Percent(100.0),
                border_radius: BorderRadius::all(Val::Px(5.0)),
                ..default()
            },
            BackgroundColor(color),
        )],
    )
}

/// A row with items spread apart.
pub fn row() -> Node {
    Node {
        flex_direction: FlexDirection::Row,
        align_items: AlignItems::Center,
        column_gap: Val::Px(gap::S),
        ..default()
    }
}

/// The node of `panel()`, for combining with other layout fields.
pub fn panel_node() -> Node {
    Node {
        flex_direction: FlexDirection::Column,
        padding: UiRect::all(Val::Px(gap::M)),
        row_gap: Val::Px(gap::S),
        border: UiRect::all(Val::Px(1.0)),
        border_radius: BorderRadius::all(Val::Px(8.0)),
        ..default()
    }
}
