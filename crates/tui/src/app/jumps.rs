//! The jump list (Ctrl-O back, Ctrl-I or Ctrl-N forward), as in vim: the
//! place the reader was before each jump (a search result, n/N, a section
//! or report step, g/G, Enter in the tree, the outline, the figures or the
//! related list, a bookmark) is kept, and Ctrl-O goes back to it. Plain
//! scrolling is not a jump. The list is kept across runs in the state file,
//! beside the reading position.
//!
//! A layer or pane that sends the reader somewhere goes through
//! `App::leap`, whatever brought it there (a key, a click, a search
//! answer that came after Enter); the reader's own moves by key (section
//! steps, g/G, n/N) are told apart by `is_jump`.

use super::App;
use crate::effect::Effect;
use crate::keymap::Action;
use crate::position::ReadingPosition;
use baogao_i18n::t;
use serde::{Deserialize, Serialize};

/// How many places each way are kept: enough to retrace a session.
const KEPT: usize = 100;

/// Places to go back and forward to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Jumps {
    #[serde(default)]
    pub back: Vec<ReadingPosition>,
    #[serde(default)]
    pub forward: Vec<ReadingPosition>,
}

impl Jumps {
    /// Note `from` as the place left by a jump: the forward list ends.
    fn left(&mut self, from: ReadingPosition) {
        if self.back.last() != Some(&from) {
            self.back.push(from);
        }
        if self.back.len() > KEPT {
            self.back.remove(0);
        }
        self.forward.clear();
    }
}

/// Whether the key `action` (with the `effect` it gave) moves the reader
/// by a jump rather than by scrolling. Reading what a layer or the tree
/// picked is noted by [`App::leap`] instead.
pub(super) fn is_jump(action: Option<Action>, effect: &Effect) -> bool {
    matches!(effect, Effect::SteppedHit)
        || matches!(
            action,
            Some(
                Action::NextSection
                    | Action::PreviousSection
                    | Action::NextTopSection
                    | Action::PreviousTopSection
                    | Action::NextReport
                    | Action::PreviousReport
                    | Action::First
                    | Action::Last
                    | Action::Open
            )
        )
}

impl App<'_> {
    /// Send the reader elsewhere by `go`, keeping the place it leaves in
    /// the jump list (when it leaves its section): every way of opening
    /// another place goes through here, so Ctrl-O always comes back.
    pub(super) fn leap<T>(&mut self, go: impl FnOnce(&mut Self) -> T) -> T {
        let before = self.reader.position();
        let went = go(self);
        self.note_jump(before);
        went
    }

    /// After a jump: keep `before` if the reader left its section.
    pub(super) fn note_jump(&mut self, before: Option<ReadingPosition>) {
        let Some(before) = before else {
            return;
        };
        let moved = self
            .reader
            .position()
            .is_none_or(|now| now.report_id != before.report_id || now.section != before.section);
        if moved {
            self.jumps.left(before);
        }
    }

    /// Ctrl-O (back) or Ctrl-I (forward): go to the next kept place whose
    /// report is still here; the place left goes on the other list.
    pub(super) fn jump(&mut self, back: bool) -> Effect {
        let here = self.reader.position();
        loop {
            let next = if back {
                self.jumps.back.pop()
            } else {
                self.jumps.forward.pop()
            };
            let Some(target) = next else {
                return Effect::Notice(
                    t(if back {
                        "notice.jump_oldest"
                    } else {
                        "notice.jump_newest"
                    })
                    .to_string(),
                );
            };
            if Some(&target) == here.as_ref() {
                continue;
            }
            if self.resume(&target) {
                if let Some(here) = here {
                    let other = if back {
                        &mut self.jumps.forward
                    } else {
                        &mut self.jumps.back
                    };
                    other.push(here);
                }
                return Effect::None;
            }
        }
    }
}
