//! Colours and emphasis. Named ANSI colours follow the terminal's own palette,
//! so they read on dark and light backgrounds alike; with `NO_COLOR` set every
//! style keeps only its emphasis (bold, dim, reversed), never a colour.

use ratatui::style::{Color, Modifier, Style};

/// Every style the screen uses, chosen once at start-up.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub(crate) text: Style,
    pub(crate) dim: Style,
    pub(crate) title: Style,
    pub(crate) heading_top: Style,
    pub(crate) heading: Style,
    pub(crate) selected: Style,
    pub(crate) selected_unfocused: Style,
    pub(crate) border: Style,
    pub(crate) border_focused: Style,
    pub(crate) status: Style,
    pub(crate) key: Style,
    pub(crate) notice: Style,
    /// A recalled query in the search input, selected: typing replaces it.
    pub(crate) selection: Style,
    /// Matched characters in a search result.
    pub(crate) mark: Style,
    /// A full-text hit in the reader, and the one n/N went to.
    pub(crate) hit: Style,
    pub(crate) current_hit: Style,
}

impl Default for Theme {
    fn default() -> Theme {
        Theme::new(false)
    }
}

impl Theme {
    /// The theme for this terminal: colours unless `no_color`.
    pub fn new(no_color: bool) -> Theme {
        let colour = |style: Style, fg: Color| if no_color { style } else { style.fg(fg) };
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Theme {
            text: Style::new(),
            dim: Style::new().add_modifier(Modifier::DIM),
            title: bold,
            heading_top: colour(bold, Color::Cyan),
            heading: colour(bold, Color::Blue),
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            selected_unfocused: Style::new().add_modifier(Modifier::REVERSED),
            border: Style::new().add_modifier(Modifier::DIM),
            border_focused: colour(Style::new(), Color::Cyan),
            status: Style::new().add_modifier(Modifier::REVERSED),
            key: colour(bold, Color::Yellow),
            notice: colour(bold, Color::Magenta),
            // Reversed, as a text field shows selected text, with or
            // without colours.
            selection: Style::new().add_modifier(Modifier::REVERSED),
            mark: colour(bold.add_modifier(Modifier::UNDERLINED), Color::Yellow),
            hit: if no_color {
                Style::new().add_modifier(Modifier::UNDERLINED)
            } else {
                Style::new().bg(Color::Yellow).fg(Color::Black)
            },
            current_hit: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        }
    }

    /// `NO_COLOR` set to anything but the empty string (no-color.org).
    pub fn from_env() -> Theme {
        Theme::new(std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty()))
    }
}
