//! The reader's settings of this run, from the settings file and the
//! command line (the binary reads both; this crate only holds the result):
//! how paragraphs open, how punctuation starts, how wide the text column
//! may grow, and the key bindings the file changed. Set once before the
//! reader starts ([`set`]); everything else reads [`get`].

use crate::keymap::{self, Action, Binding, Key, Scope};
use std::sync::OnceLock;

/// How the reader lays text out, as chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Look {
    /// Open each paragraph with the two-character indent of printed Chinese.
    pub indent: bool,
    /// Show half-width marks between Chinese characters full-width at start
    /// (`p` still toggles).
    pub full_width: bool,
    /// The widest the text column grows, in Chinese characters (two cells
    /// each).
    pub measure: u16,
}

impl Default for Look {
    fn default() -> Look {
        Look {
            indent: true,
            full_width: true,
            measure: 50,
        }
    }
}

/// One change to the key table: in `scope` (every scope that binds the
/// action when `None`), `action` takes exactly `keys`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rebinding {
    pub scope: Option<String>,
    pub action: String,
    pub keys: Vec<String>,
}

/// What a rebinding could not say: an unknown scope, action or key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RebindError(pub String);

impl std::fmt::Display for RebindError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

static LOOK: OnceLock<Look> = OnceLock::new();

/// Set this run's look; the first call wins.
pub fn set(look: Look) {
    let _ = LOOK.set(look);
}

/// This run's look (the default when none was set).
pub fn get() -> &'static Look {
    static DEFAULT: OnceLock<Look> = OnceLock::new();
    LOOK.get()
        .unwrap_or_else(|| DEFAULT.get_or_init(Look::default))
}

/// Apply `rebindings` to the key table of this run (the first call wins):
/// the ones that make sense are applied, each other one is an error.
pub fn rebind(rebindings: &[Rebinding]) -> Vec<RebindError> {
    let mut table: Vec<Binding> = keymap::KEYMAP.to_vec();
    let mut errors = Vec::new();
    for rebinding in rebindings {
        if let Err(error) = apply(&mut table, rebinding) {
            errors.push(error);
        }
    }
    keymap::set_effective(table);
    errors
}

fn apply(table: &mut [Binding], rebinding: &Rebinding) -> Result<(), RebindError> {
    let action = Action::from_name(&rebinding.action)
        .ok_or_else(|| RebindError(format!("unknown action `{}`", rebinding.action)))?;
    let scope = match &rebinding.scope {
        None => None,
        Some(name) => Some(
            Scope::from_name(name).ok_or_else(|| RebindError(format!("unknown scope `{name}`")))?,
        ),
    };
    let keys: Vec<Key> = rebinding
        .keys
        .iter()
        .map(|text| Key::parse(text).ok_or_else(|| RebindError(format!("unknown key `{text}`"))))
        .collect::<Result<_, _>>()?;
    let scopes: Vec<Scope> = table
        .iter()
        .filter(|b| b.action == action && scope.is_none_or(|s| b.scope == s))
        .map(|b| b.scope)
        .collect();
    if scopes.is_empty() {
        return Err(RebindError(format!(
            "`{}` is bound nowhere{}",
            rebinding.action,
            rebinding
                .scope
                .as_deref()
                .map_or(String::new(), |s| format!(" in {s}"))
        )));
    }
    // Leaked once per rebinding at start-up: the table's keys are 'static.
    let keys: &'static [Key] = Box::leak(keys.into_boxed_slice());
    for wanted in scopes {
        let mut first = true;
        for binding in table.iter_mut().filter(|b| b.scope == wanted) {
            if binding.action == action {
                // The first row of the action takes the keys; any other row
                // of it in this scope (Ctrl-F beside Space) is dropped.
                binding.keys = if first { keys } else { &[] };
                first = false;
            } else if binding.keys.iter().any(|k| keys.contains(k)) {
                // A key taken from another action leaves that action.
                let kept: Vec<Key> = binding
                    .keys
                    .iter()
                    .copied()
                    .filter(|k| !keys.contains(k))
                    .collect();
                binding.keys = Box::leak(kept.into_boxed_slice());
            }
        }
    }
    Ok(())
}
