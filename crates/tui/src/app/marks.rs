//! Bookmarks, as in less and vim: `m` and a letter marks the reading
//! position, `'` and a letter goes back to it (a jump: Ctrl-O returns), and
//! `M` lists the marks (report, section, first words); a letter typed in
//! the list goes there. Marks are kept by report id and section path, with
//! the section's heading: a report imported again finds its section by the
//! heading, else the nearest by the path.

use super::{App, Focus, Layer};
use crate::effect::Effect;
use crate::paint::put_str;
use crate::position::{Kept, Mark, ReadingPosition};
use crate::shelf::{report_title, township_with_county};
use baogao_i18n::{t, tf};
use baogao_layout::truncate;
use baogao_report::model::{Report, SectionPath};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// A key that waits for its letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Pending {
    Set,
    Go,
}

/// The list of marks, one line each.
#[derive(Debug)]
pub(crate) struct MarksLayer {
    lines: Vec<String>,
}

impl MarksLayer {
    pub(crate) fn frame(&self, area: Rect) -> Rect {
        let width = area.width.min(80);
        let rows = u16::try_from(self.lines.len()).unwrap_or(u16::MAX);
        let height = area.height.min(rows.saturating_add(2).max(3));
        Rect::new(
            area.x + (area.width - width) / 2,
            area.y + (area.height - height) / 2,
            width,
            height,
        )
    }

    pub(crate) fn render(&self, area: Rect, buf: &mut Buffer, app: &App) {
        for (row, line) in self.lines.iter().enumerate() {
            let Ok(row) = u16::try_from(row) else { break };
            if row >= area.height {
                break;
            }
            let text = truncate(line, usize::from(area.width), app.widths);
            put_str(
                buf,
                area.x,
                area.y + row,
                area.right(),
                &text,
                app.theme.text,
                app.widths,
            );
        }
    }
}

/// The section `mark` names in `report` as it is now: the one at its
/// path if it still has the heading, else the first with that heading,
/// else the nearest by its path.
fn placed(mark: &Mark, report: &Report) -> ReadingPosition {
    let path = SectionPath(mark.position.section.clone());
    let same = report
        .section(&path)
        .is_none_or(|section| section.heading == mark.heading);
    if same || mark.heading.is_empty() {
        return mark.position.clamped_to(report);
    }
    match report
        .outline()
        .find(|(_, section)| section.heading == mark.heading)
    {
        Some((path, _)) => ReadingPosition {
            section: path.0,
            ..mark.position.clone()
        }
        .clamped_to(report),
        None => mark.position.clamped_to(report),
    }
}

impl App<'_> {
    /// The letter after `m` or `'`: set or go to that mark. Anything else
    /// lets the wait go.
    pub(super) fn on_mark_key(&mut self, pending: Pending, key: &KeyEvent) -> Effect {
        let letter = match key.code {
            KeyCode::Char(c)
                if c.is_ascii_alphabetic()
                    && !key
                        .modifiers
                        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                c
            }
            _ => return Effect::None,
        };
        match pending {
            Pending::Set => self.set_mark(letter),
            Pending::Go => self.go_to_mark(letter),
        }
    }

    fn set_mark(&mut self, letter: char) -> Effect {
        let Some(position) = self.reader.position() else {
            return Effect::Notice(t("marks.nothing_open").to_string());
        };
        let heading = self
            .library
            .find(&position.report_id)
            .and_then(|report| report.section(&SectionPath(position.section.clone())))
            .map(|section| section.heading.clone())
            .unwrap_or_default();
        self.marks.insert(letter, Mark { position, heading });
        Effect::Notice(tf("marks.set", &[("letter", &letter)]))
    }

    pub(super) fn go_to_mark(&mut self, letter: char) -> Effect {
        let Some(mark) = self.marks.get(&letter).cloned() else {
            return Effect::Notice(tf("marks.none", &[("letter", &letter)]));
        };
        let Some(report) = self.library.find(&mark.position.report_id) else {
            return Effect::Notice(tf("marks.gone", &[("letter", &letter)]));
        };
        let target = placed(&mark, report);
        let before = self.reader.position();
        if self.resume(&target) {
            self.note_jump(before);
            self.focus = Focus::Reader;
        }
        Effect::None
    }

    /// `M`: the list of marks over the screen.
    pub(super) fn open_marks(&mut self) -> Effect {
        let mut lines = Vec::new();
        for (letter, mark) in &self.marks {
            let Some(report) = self.library.find(&mark.position.report_id) else {
                lines.push(format!("{letter}  {}", t("marks.gone_short")));
                continue;
            };
            let target = placed(mark, report);
            let section = report.section(&SectionPath(target.section.clone()));
            let words: String = section
                .and_then(|s| s.paragraphs.first())
                .or(report.preamble.first())
                .map(|text| text.chars().take(24).collect())
                .unwrap_or_default();
            let heading = section.map_or(report_title(report), |s| s.heading.as_str());
            lines.push(format!(
                "{letter}  {} \u{B7} {heading} \u{B7} {words}",
                township_with_county(report)
            ));
        }
        if lines.is_empty() {
            lines.push(t("marks.empty").to_string());
        }
        lines.push(t("marks.hint").to_string());
        self.layers.push(Layer::Marks(MarksLayer { lines }));
        self.unfitted = true;
        Effect::None
    }

    /// A letter typed in the list: close it and go there.
    pub(super) fn on_marks_letter(&mut self, c: char) -> Effect {
        if !c.is_ascii_alphabetic() {
            return Effect::None;
        }
        self.layers.pop();
        self.go_to_mark(c)
    }

    /// The bookmarks and jump list, to be kept for next time.
    pub fn kept(&self) -> Kept {
        Kept {
            jumps: self.jumps.clone(),
            marks: self.marks.clone(),
        }
    }

    /// Take up what was kept from last time.
    pub fn set_kept(&mut self, kept: Kept) {
        self.jumps = kept.jumps;
        self.marks = kept.marks;
    }
}
