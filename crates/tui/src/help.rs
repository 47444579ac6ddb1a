//! The help layer (`?`): every key from the key table, by scope, and what
//! the mouse does. It is drawn over the screen in a frame the app draws; its
//! own keys and the mouse wheel scroll it and Esc closes it. Descriptions
//! wrap at 50 columns rather than being cut.

use super::effect::Effect;
use super::keymap::{Action, Scope, bindings, keys_label};
use super::paint::put_str;
use super::theme::Theme;
use baogao_i18n::t;
use baogao_layout::{Widths, truncate, wrap_cjk};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

const SCOPES: [Scope; 10] = [
    Scope::Global,
    Scope::Tree,
    Scope::Reader,
    Scope::Outline,
    Scope::Figures,
    Scope::Compare,
    Scope::Related,
    Scope::Search,
    Scope::Marks,
    Scope::Help,
];

/// What the mouse does, listed after the keys: the wheel and a click.
const MOUSE: [(&str, &str); 3] = [
    (
        "wheel",
        "scroll the pane under the pointer, this help, or the outline's selection",
    ),
    ("click", "give a pane the keys; in the tree, select the row"),
    (
        "click",
        "in the search results, select; a second click goes there",
    ),
];

/// Descriptions wrap at this many cells: longer lines are hard to scan.
const DESCRIPTION_WIDTH: usize = 50;

/// One entry of the help: a scope title, a key row, or a blank.
#[derive(Debug)]
enum Entry {
    Title(&'static str),
    Key(String, &'static str),
    Blank,
}

/// One line of the help text: a scope title, a key row (its keys and the
/// first line of its description), a further line of a description, or a
/// blank.
#[derive(Debug)]
enum HelpLine {
    Title(&'static str),
    Key(String, String),
    More(String),
    Blank,
}

/// The help layer's state: its lines (from the key table) and how far it is
/// scrolled.
#[derive(Debug)]
pub(crate) struct HelpLayer {
    entries: Vec<Entry>,
    /// The entries with descriptions wrapped at `wrapped_at` cells.
    lines: Vec<HelpLine>,
    wrapped_at: usize,
    /// The width the text needs with descriptions wrapped at 50 columns.
    full_width: u16,
    scroll: usize,
    /// Rows of text on screen, known after the app fits the layer.
    height: usize,
    theme: Theme,
    widths: Widths,
}

impl HelpLayer {
    pub(crate) fn new(theme: Theme, widths: Widths) -> HelpLayer {
        let mut entries = Vec::new();
        for scope in SCOPES {
            if !entries.is_empty() {
                entries.push(Entry::Blank);
            }
            entries.push(Entry::Title(scope.title()));
            for binding in bindings(scope) {
                entries.push(Entry::Key(
                    keys_label(binding, usize::MAX),
                    t(binding.description),
                ));
            }
        }
        entries.push(Entry::Blank);
        entries.push(Entry::Title(t("help.mouse")));
        for (what, description) in MOUSE {
            entries.push(Entry::Key(t(what).to_string(), t(description)));
        }
        let lines = wrapped(&entries, DESCRIPTION_WIDTH, widths);
        let mut help = HelpLayer {
            entries,
            lines,
            wrapped_at: DESCRIPTION_WIDTH,
            full_width: 0,
            scroll: 0,
            height: 1,
            theme,
            widths,
        };
        help.full_width = help.text_width();
        help
    }

    /// Scroll (the last page stays full), or close.
    pub(crate) fn act(&mut self, action: Action) -> Effect {
        let last = self.lines.len().saturating_sub(self.height);
        let page = self.height.saturating_sub(1).max(1);
        match action {
            Action::Down => self.scroll = (self.scroll + 1).min(last),
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::PageDown => self.scroll = (self.scroll + page).min(last),
            Action::PageUp => self.scroll = self.scroll.saturating_sub(page),
            Action::First => self.scroll = 0,
            Action::Last => self.scroll = last,
            Action::Close => return Effect::CloseLayer,
            _ => {}
        }
        Effect::None
    }

    /// The mouse wheel: `lines` down (negative: up).
    pub(crate) fn scroll(&mut self, lines: isize) -> Effect {
        let last = self.lines.len().saturating_sub(self.height);
        self.scroll = self.scroll.saturating_add_signed(lines).min(last);
        Effect::None
    }

    /// Where the layer's frame sits on a screen of `area`: centred, as large
    /// as the text needs.
    pub(crate) fn frame(&self, area: Rect) -> Rect {
        // Borders and a column of air on the right.
        let width = area.width.min(self.full_width + 3);
        let height = area.height.min(self.lines.len() as u16 + 2);
        Rect::new(
            area.x + (area.width - width) / 2,
            area.y + (area.height - height) / 2,
            width,
            height,
        )
    }

    /// The width of the widest line: indent, keys, gap, description.
    fn text_width(&self) -> u16 {
        let widths = self.widths;
        let key_width = self.key_width();
        let widest = self
            .lines
            .iter()
            .map(|line| match line {
                HelpLine::Title(title) => widths.str(title),
                HelpLine::Key(_, description) | HelpLine::More(description) => {
                    2 + key_width + 2 + widths.str(description)
                }
                HelpLine::Blank => 0,
            })
            .max()
            .unwrap_or(0);
        u16::try_from(widest).unwrap_or(u16::MAX)
    }

    fn key_width(&self) -> usize {
        self.lines
            .iter()
            .filter_map(|line| match line {
                HelpLine::Key(keys, _) => Some(self.widths.str(keys)),
                _ => None,
            })
            .max()
            .unwrap_or(0)
    }

    /// Whether there is more than fits: the frame then says how to scroll.
    pub(crate) fn scrollable(&self) -> bool {
        self.lines.len() > self.height
    }

    /// Fit the text to `rows` rows of `columns` cells: descriptions wrap
    /// at 50 columns, or at what is left beside the keys when that is less.
    pub(crate) fn resize(&mut self, rows: usize, columns: usize) {
        let key_width = self.key_width().min(columns / 2);
        let room = columns.saturating_sub(2 + key_width + 2);
        let wrap_at = room.clamp(1, DESCRIPTION_WIDTH);
        if wrap_at != self.wrapped_at {
            self.lines = wrapped(&self.entries, wrap_at, self.widths);
            self.wrapped_at = wrap_at;
        }
        self.height = rows.max(1);
        self.scroll = self
            .scroll
            .min(self.lines.len().saturating_sub(self.height));
    }
}

impl Widget for &HelpLayer {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (theme, widths) = (&self.theme, self.widths);
        let key_width = self.key_width().min(area.width as usize / 2);
        for (y, line) in (area.y..).zip(
            self.lines
                .iter()
                .skip(self.scroll)
                .take(area.height as usize),
        ) {
            match line {
                HelpLine::Title(title) => {
                    put_str(buf, area.x, y, area.right(), title, theme.title, widths);
                }
                HelpLine::Key(keys, description) => {
                    let x = area.x + 2;
                    put_str(
                        buf,
                        x,
                        y,
                        area.right(),
                        &truncate(keys, key_width, widths),
                        theme.key,
                        widths,
                    );
                    let x = x + key_width as u16 + 2;
                    let room = area.right().saturating_sub(x) as usize;
                    put_str(
                        buf,
                        x,
                        y,
                        area.right(),
                        &truncate(description, room, widths),
                        theme.text,
                        widths,
                    );
                }
                HelpLine::More(description) => {
                    let x = area.x + 2 + key_width as u16 + 2;
                    let room = area.right().saturating_sub(x) as usize;
                    put_str(
                        buf,
                        x,
                        y,
                        area.right(),
                        &truncate(description, room, widths),
                        theme.text,
                        widths,
                    );
                }
                HelpLine::Blank => {}
            }
        }
    }
}

/// The help's lines, descriptions wrapped at `width` cells.
fn wrapped(entries: &[Entry], width: usize, widths: Widths) -> Vec<HelpLine> {
    let mut lines = Vec::new();
    for entry in entries {
        match entry {
            Entry::Title(title) => lines.push(HelpLine::Title(title)),
            Entry::Blank => lines.push(HelpLine::Blank),
            Entry::Key(keys, description) => {
                let mut parts = wrap_cjk(description, width, 0, widths)
                    .into_iter()
                    .map(|line| line.text(description).trim_end().to_string());
                lines.push(HelpLine::Key(
                    keys.clone(),
                    parts.next().unwrap_or_default(),
                ));
                lines.extend(parts.map(HelpLine::More));
            }
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_scrolls_itself_and_asks_to_be_closed() {
        let mut help = HelpLayer::new(Theme::default(), Widths::default());
        help.resize(3, 80);
        assert_eq!(help.act(Action::Down), Effect::None);
        assert_eq!(help.scroll, 1);
        assert_eq!(help.act(Action::Last), Effect::None);
        assert_eq!(help.scroll, help.lines.len() - 3);
        assert_eq!(help.act(Action::First), Effect::None);
        assert_eq!(help.scroll, 0);
        assert_eq!(help.act(Action::PageDown), Effect::None);
        assert_eq!(help.scroll, 2);
        assert_eq!(help.scroll(-9), Effect::None);
        assert_eq!(help.scroll, 0);
        assert_eq!(help.act(Action::Close), Effect::CloseLayer);
    }

    /// Chinese descriptions wrap by their measured width too: no line of
    /// the help is wider than its column, at the full width or a narrow one.
    #[test]
    fn chinese_descriptions_fit_their_column() {
        baogao_i18n::with_language(baogao_i18n::Language::Chinese, || {
            let widths = Widths::default();
            let mut help = HelpLayer::new(Theme::default(), widths);
            for width in [120, 50] {
                help.resize(10, width);
                let room = (width - 2 - help.key_width() - 2).min(DESCRIPTION_WIDTH);
                for line in &help.lines {
                    if let HelpLine::Key(_, text) | HelpLine::More(text) = line {
                        assert!(widths.str(text) <= room, "{text}");
                    }
                }
            }
        });
    }

    #[test]
    fn descriptions_wrap_at_fifty_columns_and_the_mouse_is_listed() {
        let help = HelpLayer::new(Theme::default(), Widths::default());
        let widths = Widths::default();
        for line in &help.lines {
            if let HelpLine::Key(_, text) | HelpLine::More(text) = line {
                assert!(widths.str(text) <= DESCRIPTION_WIDTH, "{text}");
            }
        }
        assert!(
            help.lines
                .iter()
                .any(|line| matches!(line, HelpLine::More(_)))
        );
        assert!(
            help.lines
                .iter()
                .any(|line| matches!(line, HelpLine::Title("Mouse")))
        );
        // On a narrow screen they wrap at what is left beside the keys.
        let mut help = help;
        help.resize(10, 40);
        for line in &help.lines {
            if let HelpLine::Key(_, text) | HelpLine::More(text) = line {
                assert!(widths.str(text) <= 40 - 2 - help.key_width() - 2, "{text}");
            }
        }
    }
}
