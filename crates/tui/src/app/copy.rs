//! `y` copies the section being read as text, `Y` the whole report: the
//! text goes to the terminal's clipboard through OSC 52 (the event loop
//! writes the sequence after the next frame), and a notice says what was
//! copied. A terminal known not to take OSC 52 (the Linux console, `dumb`)
//! gets a notice that says how to get the text instead.

use super::App;
use crate::effect::Effect;
use baogao_i18n::tf;
use baogao_report::model::{Report, Section};

/// The text of `section` and the sections under it: each heading on its
/// own line, paragraphs as written, a blank line between blocks.
fn section_text(section: &Section, out: &mut String) {
    out.push_str(&section.heading);
    out.push('\n');
    for paragraph in &section.paragraphs {
        out.push('\n');
        out.push_str(paragraph);
        out.push('\n');
    }
    for child in &section.sections {
        out.push('\n');
        section_text(child, out);
    }
}

/// The whole report as text: title, preamble, outline.
pub(crate) fn report_text(report: &Report) -> String {
    let mut out = format!("{}\n", report.title);
    for paragraph in &report.preamble {
        out.push('\n');
        out.push_str(paragraph);
        out.push('\n');
    }
    for section in &report.sections {
        out.push('\n');
        section_text(section, &mut out);
    }
    out
}

/// Whether the terminal is one that never takes OSC 52.
fn cannot_copy() -> bool {
    std::env::var("TERM").is_ok_and(|term| term == "linux" || term == "dumb")
}

/// `text` as base64 (RFC 4648, with padding), as OSC 52 wants it.
pub(crate) fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> shift) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The OSC 52 sequence that puts `text` on the clipboard.
pub(crate) fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64(text.as_bytes()))
}

impl App<'_> {
    /// `y` (the section) or `Y` (the report): the text to copy, and the
    /// notice.
    pub(super) fn copy(&mut self, whole: bool) -> Effect {
        let Some((index, path)) = self.reader.location() else {
            return Effect::Notice(baogao_i18n::t("copy.nothing_open").to_string());
        };
        let Some(report) = self.library.reports().get(index) else {
            return Effect::None;
        };
        let section = report.section(path).filter(|_| !whole);
        let (text, what) = match section {
            Some(section) => {
                let mut text = String::new();
                section_text(section, &mut text);
                (text, section.heading.clone())
            }
            None => (report_text(report), report.title.clone()),
        };
        let characters = text.chars().filter(|c| !c.is_whitespace()).count();
        let what: String = what.chars().take(10).collect();
        if cannot_copy() {
            let section_arg = if whole || path.depth() == 0 {
                String::new()
            } else {
                let numbers: Vec<String> = path.0.iter().map(|i| (i + 1).to_string()).collect();
                format!(" --section {}", numbers.join("."))
            };
            return Effect::Notice(tf(
                "copy.unsupported",
                &[("id", &report.id), ("section", &section_arg)],
            ));
        }
        self.clipboard = Some(text);
        Effect::Notice(tf("copy.done", &[("what", &what), ("n", &characters)]))
    }

    /// The text to put on the clipboard, once.
    pub fn take_clipboard(&mut self) -> Option<String> {
        self.clipboard.take()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_is_rfc_4648() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64("南麂".as_bytes()), "5Y2X6bqC");
        assert_eq!(osc52("fo"), "\x1b]52;c;Zm8=\x07");
    }
}
