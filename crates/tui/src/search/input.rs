//! A one-line text input that edits by character, never by byte: Chinese
//! from an input method, pasted text, Backspace taking one character. The
//! popup places the cursor by display width.
//!
//! A query recalled from an earlier search comes whole and selected, as a
//! browser's address bar does it: typing replaces it, Backspace or Delete
//! removes it, and a key that moves or edits otherwise keeps it and drops
//! the selection first.

/// The query being typed and the cursor in it (a byte offset that always
/// sits on a character boundary).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct LineInput {
    text: String,
    cursor: usize,
    /// The whole text is selected (the cursor is at its end).
    selected: bool,
}

impl LineInput {
    /// A recalled query: the whole of it selected, the cursor at its end.
    pub(crate) fn recalled(text: &str) -> LineInput {
        LineInput {
            text: text.to_string(),
            cursor: text.len(),
            selected: !text.is_empty(),
        }
    }

    pub(crate) fn text(&self) -> &str {
        &self.text
    }

    /// Whether the whole text is selected.
    pub(crate) fn is_selected(&self) -> bool {
        self.selected
    }

    /// Drop a selection, deleting its text; true if there was one.
    fn take_selection(&mut self) -> bool {
        if !std::mem::take(&mut self.selected) {
            return false;
        }
        self.text.clear();
        self.cursor = 0;
        true
    }

    /// Insert text at the cursor. Line breaks and tabs (from a paste) become
    /// spaces and other control characters are dropped: the query is one line.
    pub(crate) fn insert(&mut self, text: &str) {
        let clean: String = text
            .chars()
            .filter_map(|c| match c {
                '\n' | '\r' | '\t' => Some(' '),
                c if c.is_control() => None,
                c => Some(c),
            })
            .collect();
        if !clean.is_empty() {
            self.take_selection();
        }
        self.text.insert_str(self.cursor, &clean);
        self.cursor += clean.len();
    }

    /// Delete the character before the cursor; false if there was none.
    pub(crate) fn delete_back(&mut self) -> bool {
        if self.take_selection() {
            return true;
        }
        match self.text[..self.cursor].chars().next_back() {
            Some(c) => {
                self.cursor -= c.len_utf8();
                self.text.remove(self.cursor);
                true
            }
            None => false,
        }
    }

    /// Delete the character under the cursor; false if there was none.
    pub(crate) fn delete_forward(&mut self) -> bool {
        if self.take_selection() {
            return true;
        }
        if self.cursor < self.text.len() {
            self.text.remove(self.cursor);
            true
        } else {
            false
        }
    }

    /// Delete from the start to the cursor (Ctrl-U); false if nothing was.
    pub(crate) fn delete_to_start(&mut self) -> bool {
        self.selected = false;
        let deleted = self.cursor > 0;
        self.text.replace_range(..self.cursor, "");
        self.cursor = 0;
        deleted
    }

    /// Delete the word before the cursor, and the spaces after it (Ctrl-W).
    pub(crate) fn delete_word(&mut self) -> bool {
        self.selected = false;
        let before = &self.text[..self.cursor];
        let word_end = before.trim_end_matches(' ').len();
        let start = before[..word_end].rfind(' ').map_or(0, |space| space + 1);
        let deleted = start < self.cursor;
        self.text.replace_range(start..self.cursor, "");
        self.cursor = start;
        deleted
    }

    /// Left of a selection is its start, as in any text field.
    pub(crate) fn left(&mut self) {
        if std::mem::take(&mut self.selected) {
            self.cursor = 0;
            return;
        }
        if let Some(c) = self.text[..self.cursor].chars().next_back() {
            self.cursor -= c.len_utf8();
        }
    }

    pub(crate) fn right(&mut self) {
        self.selected = false;
        if let Some(c) = self.text[self.cursor..].chars().next() {
            self.cursor += c.len_utf8();
        }
    }

    pub(crate) fn home(&mut self) {
        self.selected = false;
        self.cursor = 0;
    }

    pub(crate) fn end(&mut self) {
        self.selected = false;
        self.cursor = self.text.len();
    }

    /// The text split at the cursor (before, after).
    pub(crate) fn split(&self) -> (&str, &str) {
        self.text.split_at(self.cursor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_and_moves_by_character() {
        let mut input = LineInput::default();
        input.insert("招商");
        input.insert("yz");
        assert_eq!(input.split(), ("招商yz", ""));
        input.left();
        input.left();
        input.left();
        assert_eq!(input.split(), ("招", "商yz"));
        assert!(input.delete_back());
        assert_eq!(input.text(), "商yz");
        input.insert("引资");
        assert_eq!(input.split(), ("引资", "商yz"));
        assert!(input.delete_forward());
        assert_eq!(input.text(), "引资yz");
        input.end();
        input.right();
        assert!(!input.delete_forward());
        input.home();
        assert!(!input.delete_back());
        input.left();
        assert_eq!(input.split(), ("", "引资yz"));
    }

    #[test]
    fn a_recalled_query_is_replaced_by_typing_and_deleted_whole() {
        let mut input = LineInput::recalled("招商 yz");
        assert!(input.is_selected());
        input.insert("党");
        assert_eq!(input.split(), ("党", ""));
        assert!(!input.is_selected());
        let mut input = LineInput::recalled("招商 yz");
        assert!(input.delete_back());
        assert_eq!(input.text(), "");
        let mut input = LineInput::recalled("招商");
        assert!(input.delete_forward());
        assert_eq!(input.text(), "");
        assert!(!LineInput::recalled("").is_selected());
    }

    #[test]
    fn moving_keeps_a_recalled_query_and_drops_the_selection() {
        let mut input = LineInput::recalled("招商");
        input.right();
        assert!(!input.is_selected());
        input.insert("yz");
        assert_eq!(input.text(), "招商yz");
        let mut input = LineInput::recalled("招商");
        input.left();
        assert_eq!(input.split(), ("", "招商"));
        let mut input = LineInput::recalled("招商");
        input.home();
        input.insert("dj ");
        assert_eq!(input.split(), ("dj ", "招商"));
        let mut input = LineInput::recalled("nanji 招商");
        assert!(input.delete_word());
        assert_eq!(input.text(), "nanji ");
    }

    #[test]
    fn a_paste_is_one_line_without_controls() {
        let mut input = LineInput::default();
        input.insert("招商\n引资\t\u{1b}[31m红");
        assert_eq!(input.text(), "招商 引资 [31m红");
    }

    #[test]
    fn ctrl_u_and_ctrl_w_delete_before_the_cursor() {
        let mut input = LineInput::default();
        input.insert("nanji 招商 yz");
        assert!(input.delete_word());
        assert_eq!(input.text(), "nanji 招商 ");
        assert!(input.delete_word());
        assert_eq!(input.text(), "nanji ");
        input.insert("dj");
        input.left();
        assert!(input.delete_to_start());
        assert_eq!(input.split(), ("", "j"));
        assert!(!input.delete_to_start());
        assert!(!input.delete_word());
    }
}
