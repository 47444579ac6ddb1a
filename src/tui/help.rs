//! The help layer (`?`): every key from the key table, by scope. It is drawn
//! over the screen; its own keys scroll it and Esc closes it.

use super::keymap::{Action, Scope, bindings, keys_label};
use super::paint::put_str;
use super::theme::Theme;
use crate::wrap::{Widths, truncate};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Clear, Widget};

const SCOPES: [Scope; 4] = [Scope::Global, Scope::Tree, Scope::Reader, Scope::Help];

/// One line of the help text: a scope title, a key row, or a blank.
enum HelpLine {
    Title(&'static str),
    Key(String, &'static str),
    Blank,
}

fn help_lines() -> Vec<HelpLine> {
    let mut lines = Vec::new();
    for scope in SCOPES {
        if !lines.is_empty() {
            lines.push(HelpLine::Blank);
        }
        lines.push(HelpLine::Title(scope.title()));
        lines
            .extend(bindings(scope).map(|binding| {
                HelpLine::Key(keys_label(binding, usize::MAX), binding.description)
            }));
    }
    lines
}

/// The help layer's state: how far it is scrolled.
#[derive(Debug, Default)]
pub struct HelpLayer {
    scroll: usize,
}

impl HelpLayer {
    pub fn act(&mut self, action: Action) {
        let last = help_lines().len().saturating_sub(1);
        match action {
            Action::Down => self.scroll = (self.scroll + 1).min(last),
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            _ => {}
        }
    }

    /// Where the layer sits on a screen of `area`: centred, as large as the text needs.
    pub fn area(area: Rect) -> Rect {
        let width = area.width.min(64);
        let height = area.height.min(help_lines().len() as u16 + 2);
        Rect::new(
            area.x + (area.width - width) / 2,
            area.y + (area.height - height) / 2,
            width,
            height,
        )
    }

    pub fn render(
        &self,
        screen: Rect,
        buf: &mut Buffer,
        theme: &Theme,
        widths: Widths,
        block: Block,
    ) {
        let area = HelpLayer::area(screen);
        Clear.render(area, buf);
        let inner = block.inner(area);
        block.render(area, buf);
        let lines = help_lines();
        let key_width = lines
            .iter()
            .filter_map(|line| {
                if let HelpLine::Key(keys, _) = line {
                    Some(widths.str(keys))
                } else {
                    None
                }
            })
            .max()
            .unwrap_or(0)
            .min(inner.width as usize / 2);
        for (row, line) in lines
            .iter()
            .skip(self.scroll)
            .take(inner.height as usize)
            .enumerate()
        {
            let y = inner.y + row as u16;
            match line {
                HelpLine::Title(title) => {
                    put_str(buf, inner.x, y, inner.right(), title, theme.title, widths);
                }
                HelpLine::Key(keys, description) => {
                    let x = inner.x + 2;
                    put_str(
                        buf,
                        x,
                        y,
                        inner.right(),
                        &truncate(keys, key_width, widths),
                        theme.key,
                        widths,
                    );
                    let x = x + key_width as u16 + 2;
                    let room = inner.right().saturating_sub(x) as usize;
                    put_str(
                        buf,
                        x,
                        y,
                        inner.right(),
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
