//! Colours and emphasis, for a dark or a light terminal background.
//!
//! Colours come from the 256-colour cube and grey ramp, whose values are
//! the same in xterm, macOS Terminal and Windows Terminal (unlike the 16
//! named colours, which each palette sets its own way): every colour that
//! draws text reaches a contrast of 4.5:1 on the default backgrounds of
//! those terminals, dark ones for [`Background::Dark`] and light ones for
//! [`Background::Light`] (checked in the tests below). With `NO_COLOR` set
//! every style keeps only its emphasis (bold, dim, reversed), never a
//! colour.

use ratatui::style::{Color, Modifier, Style};

/// Which background the colours are for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Background {
    #[default]
    Dark,
    Light,
}

/// Every style the screen uses, chosen once at start-up.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub(crate) text: Style,
    pub(crate) dim: Style,
    pub(crate) title: Style,
    /// Headings by outline level: top, second, and third and deeper.
    pub(crate) heading_top: Style,
    pub(crate) heading: Style,
    pub(crate) heading_minor: Style,
    pub(crate) selected: Style,
    pub(crate) selected_unfocused: Style,
    pub(crate) border: Style,
    pub(crate) border_focused: Style,
    pub(crate) key: Style,
    pub(crate) notice: Style,
    /// A recalled query in the search input, selected: typing replaces it.
    pub(crate) selection: Style,
    /// Matched characters in a search result.
    pub(crate) mark: Style,
    /// A full-text hit in the reader, and the one n/N went to.
    pub(crate) hit: Style,
}

impl Default for Theme {
    fn default() -> Theme {
        Theme::new(false)
    }
}

/// The colours of one background: 256-colour indexes.
struct Colours {
    dim: u8,
    heading_top: u8,
    heading: u8,
    heading_minor: u8,
    border: u8,
    accent: u8,
    key: u8,
    notice: u8,
}

const DARK: Colours = Colours {
    dim: 246,
    heading_top: 81,
    heading: 114,
    heading_minor: 183,
    border: 246,
    accent: 81,
    key: 221,
    notice: 213,
};

const LIGHT: Colours = Colours {
    dim: 241,
    heading_top: 24,
    heading: 22,
    heading_minor: 90,
    border: 242,
    accent: 24,
    key: 94,
    notice: 127,
};

/// A full-text hit: black on pale yellow, on either background.
const HIT_FOREGROUND: u8 = 16;
const HIT_BACKGROUND: u8 = 228;

impl Theme {
    /// The dark-background theme: colours unless `no_color`.
    pub fn new(no_color: bool) -> Theme {
        Theme::for_background(Background::Dark, no_color)
    }

    /// The theme for a terminal with this background: colours unless
    /// `no_color`.
    pub fn for_background(background: Background, no_color: bool) -> Theme {
        let colours = match background {
            Background::Dark => &DARK,
            Background::Light => &LIGHT,
        };
        let colour = |style: Style, index: u8| {
            if no_color {
                style
            } else {
                style.fg(Color::Indexed(index))
            }
        };
        let bold = Style::new().add_modifier(Modifier::BOLD);
        // Without colour, dim is the terminal's faint; with colour, a grey
        // that keeps its contrast (faint text is often too faint).
        let dim = if no_color {
            Style::new().add_modifier(Modifier::DIM)
        } else {
            Style::new().fg(Color::Indexed(colours.dim))
        };
        Theme {
            text: Style::new(),
            dim,
            title: bold,
            heading_top: colour(bold, colours.heading_top),
            heading: colour(bold, colours.heading),
            // Without colour the third level differs from the second by
            // more than its indent.
            heading_minor: if no_color {
                bold.add_modifier(Modifier::ITALIC)
            } else {
                colour(bold, colours.heading_minor)
            },
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            selected_unfocused: Style::new().add_modifier(Modifier::REVERSED),
            border: if no_color {
                Style::new().add_modifier(Modifier::DIM)
            } else {
                Style::new().fg(Color::Indexed(colours.border))
            },
            border_focused: colour(Style::new(), colours.accent),
            key: colour(bold, colours.key),
            notice: colour(bold, colours.notice),
            // Reversed, as a text field shows selected text, with or
            // without colours.
            selection: Style::new().add_modifier(Modifier::REVERSED),
            mark: colour(bold.add_modifier(Modifier::UNDERLINED), colours.key),
            hit: if no_color {
                Style::new().add_modifier(Modifier::UNDERLINED)
            } else {
                Style::new()
                    .bg(Color::Indexed(HIT_BACKGROUND))
                    .fg(Color::Indexed(HIT_FOREGROUND))
            },
        }
    }

    // Styles that are another one under a name of their own: kept out of
    // the struct, which is copied into every pane.

    /// A heading run into its paragraph: a bold lead-in, as print sets it.
    pub(crate) fn run_in(&self) -> Style {
        self.title
    }

    /// The status bar: reversed, with or without colours.
    pub(crate) fn status(&self) -> Style {
        // Reversed like a selected row that is not focused, so one style
        // serves both.
        self.selected_unfocused
    }

    /// The full-text hit n/N went to: as a selected row.
    pub(crate) fn current_hit(&self) -> Style {
        self.selected
    }

    /// `NO_COLOR` set to anything but the empty string (no-color.org).
    pub fn no_color_from_env() -> bool {
        std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty())
    }

    /// The dark theme, without colours if `NO_COLOR` asks.
    pub fn from_env() -> Theme {
        Theme::new(Theme::no_color_from_env())
    }

    /// The style of a heading at outline depth `depth` (1 is the top).
    pub(crate) fn heading_at(&self, depth: usize) -> Style {
        match depth {
            0 | 1 => self.heading_top,
            2 => self.heading,
            _ => self.heading_minor,
        }
    }

    /// Every style that draws text, named, for the contrast test.
    #[cfg(test)]
    fn text_styles(&self) -> Vec<(&'static str, Style)> {
        vec![
            ("text", self.text),
            ("dim", self.dim),
            ("title", self.title),
            ("heading_top", self.heading_top),
            ("heading", self.heading),
            ("heading_minor", self.heading_minor),
            ("run_in", self.run_in()),
            ("selected", self.selected),
            ("selected_unfocused", self.selected_unfocused),
            // Pane titles are drawn in the border's style.
            ("border", self.border),
            ("border_focused", self.border_focused),
            ("status", self.status()),
            ("key", self.key),
            // The notice is drawn in the status bar, reversed.
            ("notice", self.notice.patch(self.status())),
            ("selection", self.selection),
            ("mark", self.mark),
            ("hit", self.hit),
            ("current_hit", self.current_hit()),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Rgb = (u8, u8, u8);

    /// A terminal's default foreground and background.
    struct Palette {
        name: &'static str,
        foreground: Rgb,
        background: Rgb,
    }

    /// Default dark palettes. xterm: `xterm -rv` (reverse video) of its
    /// default black on white (XTerm's app-defaults). macOS Terminal: the
    /// Basic profile in dark appearance, white on rgb(30, 30, 30), and the
    /// black-background profiles (Pro, Homebrew). Windows Terminal: its
    /// default scheme, Campbell (background #0C0C0C, foreground #CCCCCC,
    /// defaults.json).
    const DARK_PALETTES: [Palette; 4] = [
        Palette {
            name: "xterm -rv",
            foreground: (0xFF, 0xFF, 0xFF),
            background: (0x00, 0x00, 0x00),
        },
        Palette {
            name: "macOS Terminal Basic (dark)",
            foreground: (0xFF, 0xFF, 0xFF),
            background: (0x1E, 0x1E, 0x1E),
        },
        Palette {
            name: "macOS Terminal Pro",
            foreground: (0xF2, 0xF2, 0xF2),
            background: (0x00, 0x00, 0x00),
        },
        Palette {
            name: "Windows Terminal Campbell",
            foreground: (0xCC, 0xCC, 0xCC),
            background: (0x0C, 0x0C, 0x0C),
        },
    ];

    /// Default light palettes. xterm: black on white (its default).
    /// macOS Terminal: the Basic profile, black on white. Windows
    /// Terminal: One Half Light, its light scheme (background #FAFAFA,
    /// foreground #383A42, defaults.json).
    const LIGHT_PALETTES: [Palette; 3] = [
        Palette {
            name: "xterm",
            foreground: (0x00, 0x00, 0x00),
            background: (0xFF, 0xFF, 0xFF),
        },
        Palette {
            name: "macOS Terminal Basic",
            foreground: (0x00, 0x00, 0x00),
            background: (0xFF, 0xFF, 0xFF),
        },
        Palette {
            name: "Windows Terminal One Half Light",
            foreground: (0x38, 0x3A, 0x42),
            background: (0xFA, 0xFA, 0xFA),
        },
    ];

    /// The RGB value of a 256-colour index from 16 up: the 6×6×6 cube and
    /// the grey ramp, as xterm defines them (and the others follow).
    fn indexed(index: u8) -> Rgb {
        const STEPS: [u8; 6] = [0, 95, 135, 175, 215, 255];
        match index {
            16..=231 => {
                let n = index - 16;
                (
                    STEPS[usize::from(n / 36)],
                    STEPS[usize::from(n / 6 % 6)],
                    STEPS[usize::from(n % 6)],
                )
            }
            232..=255 => {
                let v = 8 + 10 * (index - 232);
                (v, v, v)
            }
            _ => panic!("a named colour ({index}) depends on the palette"),
        }
    }

    fn rgb(colour: Option<Color>, default: Rgb) -> Rgb {
        match colour {
            None | Some(Color::Reset) => default,
            Some(Color::Indexed(index)) => indexed(index),
            Some(Color::Rgb(r, g, b)) => (r, g, b),
            Some(other) => panic!("{other:?} depends on the palette"),
        }
    }

    /// WCAG 2 relative luminance.
    fn luminance((r, g, b): Rgb) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    }

    fn contrast(a: Rgb, b: Rgb) -> f64 {
        let (a, b) = (luminance(a), luminance(b));
        let (light, dark) = if a > b { (a, b) } else { (b, a) };
        (light + 0.05) / (dark + 0.05)
    }

    fn check(background: Background, palettes: &[Palette]) {
        let theme = Theme::for_background(background, false);
        for palette in palettes {
            for (name, style) in theme.text_styles() {
                let mut fg = rgb(style.fg, palette.foreground);
                let mut bg = rgb(style.bg, palette.background);
                if style.add_modifier.contains(Modifier::REVERSED) {
                    std::mem::swap(&mut fg, &mut bg);
                }
                let ratio = contrast(fg, bg);
                assert!(
                    ratio >= 4.5,
                    "{name} on {} ({background:?} theme): {ratio:.2}:1",
                    palette.name
                );
            }
        }
    }

    #[test]
    fn every_text_colour_reads_on_the_default_dark_palettes() {
        check(Background::Dark, &DARK_PALETTES);
    }

    #[test]
    fn every_text_colour_reads_on_the_default_light_palettes() {
        check(Background::Light, &LIGHT_PALETTES);
    }

    #[test]
    fn no_color_keeps_emphasis_only() {
        for background in [Background::Dark, Background::Light] {
            for (name, style) in Theme::for_background(background, true).text_styles() {
                assert!(style.fg.is_none() && style.bg.is_none(), "{name}");
            }
        }
    }

    #[test]
    fn heading_levels_never_share_a_style() {
        for no_color in [false, true] {
            let theme = Theme::new(no_color);
            assert_ne!(theme.heading_at(2), theme.heading_at(3));
            assert_ne!(theme.heading_at(2), theme.text);
            assert_ne!(theme.heading_at(3), theme.text);
        }
    }
}
