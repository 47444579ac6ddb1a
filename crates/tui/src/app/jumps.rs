//! The jump list (Ctrl-O back, Ctrl-I or Ctrl-N forward), as in vim: the
//! place the reader was before each jump (a search result, n/N, a section
//! or report step, g/G, Enter in the tree or the outline, a bookmark) is
//! kept, and Ctrl-O goes back to it. Plain scrolling is not a jump. The list
//! is kept across runs in the state file, beside the reading position.

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
/// by a jump rather than by scrolling.
pub(super) fn is_jump(action: Option<Action>, effect: &Effect) -> bool {
    matches!(
        effect,
        Effect::Read { .. } | Effect::Go(_) | Effect::SteppedHit
    ) || matches!(
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
