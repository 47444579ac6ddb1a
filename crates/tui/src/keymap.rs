//! The one key table: every key the reader understands, the action it runs
//! and the words that describe it. Key handling, the help overlay (`?`) and
//! the footer hints are all generated from [`KEYMAP`], so they cannot drift.

use baogao_i18n::t;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::sync::OnceLock;

/// Everything a key can ask for. Which pane acts on it is the scope's business.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Action {
    Quit,
    Help,
    Close,
    FocusNext,
    FocusPrevious,
    Up,
    Down,
    Collapse,
    Expand,
    Open,
    Toggle,
    First,
    Last,
    PageDown,
    PageUp,
    NextSection,
    PreviousSection,
    NextTopSection,
    PreviousTopSection,
    Search,
    NextHit,
    PreviousHit,
    ToggleMode,
    ToggleScope,
    DeleteBack,
    DeleteForward,
    DeleteToStart,
    DeleteWord,
    CursorLeft,
    CursorRight,
    CursorStart,
    CursorEnd,
    HalfPageDown,
    HalfPageUp,
    NextReport,
    PreviousReport,
    Outline,
    TogglePunctuation,
    FoldAll,
    Regroup,
    Figures,
    SortFigures,
    FigureYears,
    FigureCounty,
    ToggleFigureMarks,
    JumpBack,
    JumpForward,
    SetMark,
    GoToMark,
    ListMarks,
    CopySection,
    CopyReport,
    Compare,
    Related,
    SwapSide,
}

impl Action {
    /// Every action, for looking one up by name.
    const ALL: [Action; 55] = [
        Action::Quit,
        Action::Help,
        Action::Close,
        Action::FocusNext,
        Action::FocusPrevious,
        Action::Up,
        Action::Down,
        Action::Collapse,
        Action::Expand,
        Action::Open,
        Action::Toggle,
        Action::First,
        Action::Last,
        Action::PageDown,
        Action::PageUp,
        Action::NextSection,
        Action::PreviousSection,
        Action::NextTopSection,
        Action::PreviousTopSection,
        Action::Search,
        Action::NextHit,
        Action::PreviousHit,
        Action::ToggleMode,
        Action::ToggleScope,
        Action::DeleteBack,
        Action::DeleteForward,
        Action::DeleteToStart,
        Action::DeleteWord,
        Action::CursorLeft,
        Action::CursorRight,
        Action::CursorStart,
        Action::CursorEnd,
        Action::HalfPageDown,
        Action::HalfPageUp,
        Action::NextReport,
        Action::PreviousReport,
        Action::Outline,
        Action::TogglePunctuation,
        Action::FoldAll,
        Action::Regroup,
        Action::JumpBack,
        Action::JumpForward,
        Action::SetMark,
        Action::GoToMark,
        Action::ListMarks,
        Action::CopySection,
        Action::CopyReport,
        Action::Figures,
        Action::SortFigures,
        Action::FigureYears,
        Action::FigureCounty,
        Action::ToggleFigureMarks,
        Action::Compare,
        Action::Related,
        Action::SwapSide,
    ];

    /// The action's name in the settings file's `[keys]` tables.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::Help => "help",
            Action::Close => "close",
            Action::FocusNext => "focus_next",
            Action::FocusPrevious => "focus_previous",
            Action::Up => "up",
            Action::Down => "down",
            Action::Collapse => "collapse",
            Action::Expand => "expand",
            Action::Open => "open",
            Action::Toggle => "toggle",
            Action::First => "first",
            Action::Last => "last",
            Action::PageDown => "page_down",
            Action::PageUp => "page_up",
            Action::NextSection => "next_section",
            Action::PreviousSection => "previous_section",
            Action::NextTopSection => "next_top_section",
            Action::PreviousTopSection => "previous_top_section",
            Action::Search => "search",
            Action::NextHit => "next_hit",
            Action::PreviousHit => "previous_hit",
            Action::ToggleMode => "toggle_mode",
            Action::ToggleScope => "toggle_scope",
            Action::DeleteBack => "delete_back",
            Action::DeleteForward => "delete_forward",
            Action::DeleteToStart => "delete_to_start",
            Action::DeleteWord => "delete_word",
            Action::CursorLeft => "cursor_left",
            Action::CursorRight => "cursor_right",
            Action::CursorStart => "cursor_start",
            Action::CursorEnd => "cursor_end",
            Action::HalfPageDown => "half_page_down",
            Action::HalfPageUp => "half_page_up",
            Action::NextReport => "next_report",
            Action::PreviousReport => "previous_report",
            Action::Outline => "outline",
            Action::TogglePunctuation => "toggle_punctuation",
            Action::FoldAll => "fold_all",
            Action::Regroup => "regroup",
            Action::JumpBack => "jump_back",
            Action::JumpForward => "jump_forward",
            Action::SetMark => "set_mark",
            Action::GoToMark => "go_to_mark",
            Action::ListMarks => "list_marks",
            Action::CopySection => "copy_section",
            Action::CopyReport => "copy_report",
            Action::Figures => "figures",
            Action::SortFigures => "sort_figures",
            Action::FigureYears => "figure_years",
            Action::FigureCounty => "figure_county",
            Action::ToggleFigureMarks => "toggle_figure_marks",
            Action::Compare => "compare",
            Action::Related => "related",
            Action::SwapSide => "swap_side",
        }
    }

    /// The action a settings file names.
    pub(crate) fn from_name(name: &str) -> Option<Action> {
        let name = name.trim().replace('-', "_").to_lowercase();
        Action::ALL.into_iter().find(|action| action.name() == name)
    }
}

/// Where a binding applies: everywhere, or while a pane or layer has the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope {
    Global,
    Tree,
    Reader,
    Search,
    Help,
    Outline,
    Figures,
    Marks,
    Compare,
    Related,
}

impl Scope {
    const ALL: [Scope; 10] = [
        Scope::Global,
        Scope::Tree,
        Scope::Reader,
        Scope::Search,
        Scope::Help,
        Scope::Outline,
        Scope::Marks,
        Scope::Figures,
        Scope::Compare,
        Scope::Related,
    ];

    /// The scope's name in the settings file's `[keys.<scope>]` tables.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Scope::Global => "global",
            Scope::Tree => "tree",
            Scope::Reader => "reader",
            Scope::Search => "search",
            Scope::Help => "help",
            Scope::Outline => "outline",
            Scope::Marks => "marks",
            Scope::Figures => "figures",
            Scope::Compare => "compare",
            Scope::Related => "related",
        }
    }

    /// Whether the scope is a layer over the panes (help, search, a list, a
    /// view): the global bindings do not reach it, but for Ctrl-C, and its
    /// footer shows its own keys alone.
    pub(crate) fn is_layer(self) -> bool {
        !matches!(self, Scope::Global | Scope::Tree | Scope::Reader)
    }

    /// The scope a settings file names.
    pub(crate) fn from_name(name: &str) -> Option<Scope> {
        let name = name.trim().to_lowercase();
        Scope::ALL.into_iter().find(|scope| scope.name() == name)
    }

    /// The heading of this scope's part of the help overlay.
    pub(crate) fn title(self) -> &'static str {
        match self {
            Scope::Global => t("scope.global"),
            Scope::Tree => t("scope.tree"),
            Scope::Reader => t("scope.reader"),
            Scope::Search => t("scope.search"),
            Scope::Help => t("scope.help"),
            Scope::Outline => t("scope.outline"),
            Scope::Marks => t("scope.marks"),
            Scope::Figures => t("scope.figures"),
            Scope::Compare => t("scope.compare"),
            Scope::Related => t("scope.related"),
        }
    }
}

/// One key: a code and the modifiers that must be held (Shift is ignored for
/// characters, which already carry it: `G`, `?`, `}`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Key {
    pub(crate) code: KeyCode,
    pub(crate) modifiers: KeyModifiers,
}

const fn plain(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: KeyModifiers::NONE,
    }
}

const fn ch(c: char) -> Key {
    plain(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::CONTROL,
    }
}

impl Key {
    fn matches(&self, event: &KeyEvent) -> bool {
        let held = match event.code {
            KeyCode::Char(_) | KeyCode::BackTab => event.modifiers - KeyModifiers::SHIFT,
            _ => event.modifiers,
        };
        self.code == event.code && self.modifiers == held
    }

    /// The key a settings file spells as the help does (`j`, `Ctrl-D`,
    /// `Space`, `PgDn`, `F1`, `↓` or `Down`); `None` for anything else.
    pub(crate) fn parse(text: &str) -> Option<Key> {
        let text = text.trim();
        if let Some(rest) = text
            .strip_prefix("Ctrl-")
            .or_else(|| text.strip_prefix("ctrl-"))
            .or_else(|| text.strip_prefix("C-"))
        {
            let mut chars = rest.chars();
            let c = chars.next()?;
            return (chars.next().is_none() && c.is_ascii_alphabetic())
                .then(|| ctrl(c.to_ascii_lowercase()));
        }
        let mut chars = text.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return Some(match c {
                '↑' => plain(KeyCode::Up),
                '↓' => plain(KeyCode::Down),
                '←' => plain(KeyCode::Left),
                '→' => plain(KeyCode::Right),
                c if c.is_control() => return None,
                c => ch(c),
            });
        }
        let code = match text.to_lowercase().as_str() {
            "space" => KeyCode::Char(' '),
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "pgup" | "pageup" => KeyCode::PageUp,
            "pgdn" | "pagedown" => KeyCode::PageDown,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "enter" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "shift-tab" | "backtab" => KeyCode::BackTab,
            "backspace" => KeyCode::Backspace,
            "delete" | "del" => KeyCode::Delete,
            other => {
                let n: u8 = other.strip_prefix('f')?.parse().ok()?;
                if !(1..=12).contains(&n) {
                    return None;
                }
                KeyCode::F(n)
            }
        };
        Some(plain(code))
    }

    /// How the help and footer spell the key.
    pub(crate) fn label(&self) -> String {
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "↑".to_string(),
            KeyCode::Down => "↓".to_string(),
            KeyCode::Left => "←".to_string(),
            KeyCode::Right => "→".to_string(),
            KeyCode::PageUp => "PgUp".to_string(),
            KeyCode::PageDown => "PgDn".to_string(),
            KeyCode::Home => "Home".to_string(),
            KeyCode::End => "End".to_string(),
            KeyCode::Enter => "Enter".to_string(),
            KeyCode::Esc => "Esc".to_string(),
            KeyCode::Tab => "Tab".to_string(),
            KeyCode::Backspace => "Backspace".to_string(),
            KeyCode::F(n) => format!("F{n}"),
            KeyCode::Delete => "Delete".to_string(),
            KeyCode::BackTab => "Shift-Tab".to_string(),
            other => format!("{other:?}"),
        };
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{}", name.to_uppercase())
        } else {
            name
        }
    }
}

/// A row of the key table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub(crate) scope: Scope,
    pub(crate) keys: &'static [Key],
    pub(crate) action: Action,
    pub description: &'static str,
    /// Short words for the footer; `None` keeps the binding out of the footer.
    pub(crate) hint: Option<&'static str>,
}

const fn bind(
    scope: Scope,
    keys: &'static [Key],
    action: Action,
    description: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding {
        scope,
        keys,
        action,
        description,
        hint,
    }
}

use Action as A;
use Scope as S;

/// Every key, in the order the help overlay lists them.
pub const KEYMAP: &[Binding] = &[
    bind(
        S::Global,
        &[ch('q'), ctrl('c')],
        A::Quit,
        "quit (the reading position is kept)",
        Some("quit"),
    ),
    bind(
        S::Global,
        &[ch('?')],
        A::Help,
        "show every key",
        Some("help"),
    ),
    bind(
        S::Global,
        &[ch('/'), ctrl('p')],
        A::Search,
        "search headings and titles (pinyin works: zsyz)",
        Some("search"),
    ),
    bind(
        S::Global,
        &[ch('n')],
        A::NextHit,
        "next result of the last search (hit or heading)",
        None,
    ),
    bind(
        S::Global,
        &[ch('N')],
        A::PreviousHit,
        "previous result of the last search",
        None,
    ),
    bind(
        S::Global,
        &[ctrl('o')],
        A::JumpBack,
        "back before the last jump: search, section, mark",
        None,
    ),
    // Most terminals send Ctrl-I as Tab, which switches panes: Ctrl-N is
    // the key that always reaches the reader.
    bind(
        S::Global,
        &[ctrl('i'), ctrl('n')],
        A::JumpForward,
        "forward again after Ctrl-O",
        None,
    ),
    bind(
        S::Global,
        &[ch('m')],
        A::SetMark,
        "m and a letter: mark the reading position",
        None,
    ),
    bind(
        S::Global,
        &[ch('\'')],
        A::GoToMark,
        "' and a letter: go back to that mark",
        None,
    ),
    bind(S::Global, &[ch('M')], A::ListMarks, "list the marks", None),
    bind(
        S::Global,
        &[plain(KeyCode::Tab)],
        A::FocusNext,
        "focus the other pane",
        Some("pane"),
    ),
    bind(
        S::Global,
        &[plain(KeyCode::BackTab)],
        A::FocusPrevious,
        "focus the other pane (backwards)",
        None,
    ),
    bind(
        S::Tree,
        &[ch('k'), plain(KeyCode::Up)],
        A::Up,
        "select the row above",
        None,
    ),
    bind(
        S::Tree,
        &[ch('j'), plain(KeyCode::Down)],
        A::Down,
        "select the row below",
        Some("move"),
    ),
    bind(
        S::Tree,
        &[ch('h'), plain(KeyCode::Left)],
        A::Collapse,
        "collapse, or go to the parent",
        None,
    ),
    bind(
        S::Tree,
        &[ch('l'), plain(KeyCode::Right)],
        A::Expand,
        "expand, or go to the first child",
        Some("open"),
    ),
    bind(
        S::Tree,
        &[plain(KeyCode::Enter)],
        A::Open,
        "read the selected report or section",
        Some("read"),
    ),
    bind(S::Tree, &[ch(' ')], A::Toggle, "expand or collapse", None),
    bind(
        S::Tree,
        &[plain(KeyCode::PageDown)],
        A::PageDown,
        "a page of rows down",
        None,
    ),
    bind(
        S::Tree,
        &[plain(KeyCode::PageUp)],
        A::PageUp,
        "a page of rows up",
        None,
    ),
    bind(
        S::Tree,
        &[ch('g'), plain(KeyCode::Home)],
        A::First,
        "first row",
        None,
    ),
    bind(
        S::Tree,
        &[ch('G'), plain(KeyCode::End)],
        A::Last,
        "last row",
        None,
    ),
    bind(
        S::Tree,
        &[ch('z')],
        A::FoldAll,
        "fold every row (its number counts all below it)",
        None,
    ),
    bind(
        S::Tree,
        &[ch('v')],
        A::Regroup,
        "group by place, by township or by year",
        None,
    ),
    bind(
        S::Tree,
        &[ch('C')],
        A::Compare,
        "compare the report with another, side by side",
        None,
    ),
    bind(
        S::Tree,
        &[ch('R')],
        A::Related,
        "sections on the same topic in other reports",
        None,
    ),
    bind(
        S::Reader,
        &[ch('k'), plain(KeyCode::Up)],
        A::Up,
        "scroll up a line",
        None,
    ),
    bind(
        S::Reader,
        &[ch('j'), plain(KeyCode::Down)],
        A::Down,
        "scroll down a line",
        Some("scroll"),
    ),
    bind(
        S::Reader,
        &[ch(' '), plain(KeyCode::PageDown)],
        A::PageDown,
        "next page",
        Some("page"),
    ),
    bind(
        S::Reader,
        &[ch('b'), plain(KeyCode::PageUp)],
        A::PageUp,
        "previous page",
        None,
    ),
    bind(
        S::Reader,
        &[ch(']')],
        A::NextSection,
        "next section",
        Some("section"),
    ),
    bind(
        S::Reader,
        &[ch('[')],
        A::PreviousSection,
        "previous section",
        None,
    ),
    bind(
        S::Reader,
        &[ch('}')],
        A::NextTopSection,
        "next top-level section",
        None,
    ),
    bind(
        S::Reader,
        &[ch('{')],
        A::PreviousTopSection,
        "previous top-level section",
        None,
    ),
    bind(
        S::Reader,
        &[ch('g'), plain(KeyCode::Home)],
        A::First,
        "start of the report",
        None,
    ),
    bind(
        S::Reader,
        &[ch('G'), plain(KeyCode::End)],
        A::Last,
        "end of the report",
        None,
    ),
    bind(
        S::Reader,
        &[ctrl('d'), ch('d')],
        A::HalfPageDown,
        "half a page down",
        None,
    ),
    bind(
        S::Reader,
        &[ctrl('u'), ch('u')],
        A::HalfPageUp,
        "half a page up",
        None,
    ),
    bind(S::Reader, &[ctrl('f')], A::PageDown, "next page", None),
    bind(S::Reader, &[ctrl('b')], A::PageUp, "previous page", None),
    bind(
        S::Reader,
        &[ch('>')],
        A::NextReport,
        "next report (in the tree's order)",
        None,
    ),
    bind(
        S::Reader,
        &[ch('<')],
        A::PreviousReport,
        "previous report",
        None,
    ),
    bind(
        S::Reader,
        &[ch('o')],
        A::Outline,
        "outline: sections, their length, reading time",
        Some("outline"),
    ),
    bind(
        S::Reader,
        &[ch('y')],
        A::CopySection,
        "copy the section as text (OSC 52 clipboard)",
        None,
    ),
    bind(
        S::Reader,
        &[ch('Y')],
        A::CopyReport,
        "copy the whole report as text",
        None,
    ),
    bind(
        S::Reader,
        &[ch('p')],
        A::TogglePunctuation,
        "punctuation: full-width, or as written",
        None,
    ),
    bind(
        S::Reader,
        &[ch('f')],
        A::Figures,
        "key figures: the numbers stated, sortable, charted",
        None,
    ),
    bind(
        S::Reader,
        &[ch('F')],
        A::ToggleFigureMarks,
        "mark the key figures in the text, or stop",
        None,
    ),
    bind(
        S::Reader,
        &[ch('C')],
        A::Compare,
        "compare the report with another, side by side",
        None,
    ),
    bind(
        S::Reader,
        &[ch('R')],
        A::Related,
        "sections on the same topic in other reports",
        None,
    ),
    bind(
        S::Search,
        &[plain(KeyCode::Enter)],
        A::Open,
        "go to the selected result",
        Some("go"),
    ),
    // Ctrl-J is a line feed: what Enter becomes when typed ahead while the
    // terminal was still in cooked mode (during a long load).
    bind(
        S::Search,
        &[ctrl('j')],
        A::Open,
        "go to the selected result (an Enter typed ahead)",
        None,
    ),
    bind(
        S::Search,
        &[plain(KeyCode::Down), ctrl('n')],
        A::Down,
        "next result",
        None,
    ),
    bind(
        S::Search,
        &[plain(KeyCode::Up), ctrl('p')],
        A::Up,
        "previous result",
        None,
    ),
    bind(
        S::Search,
        &[plain(KeyCode::PageDown)],
        A::PageDown,
        "a page of results down",
        None,
    ),
    bind(
        S::Search,
        &[plain(KeyCode::PageUp)],
        A::PageUp,
        "a page of results up",
        None,
    ),
    bind(
        S::Search,
        &[plain(KeyCode::Tab)],
        A::ToggleMode,
        "switch between headings and full text",
        Some("headings/full text"),
    ),
    bind(
        S::Search,
        &[plain(KeyCode::Backspace)],
        A::DeleteBack,
        "delete the character before the cursor",
        None,
    ),
    bind(
        S::Search,
        &[plain(KeyCode::Delete)],
        A::DeleteForward,
        "delete the character under the cursor",
        None,
    ),
    bind(
        S::Search,
        &[ctrl('u')],
        A::DeleteToStart,
        "delete from the start to the cursor",
        None,
    ),
    bind(
        S::Search,
        &[ctrl('w')],
        A::DeleteWord,
        "delete the word before the cursor",
        None,
    ),
    bind(
        S::Search,
        &[plain(KeyCode::F(1))],
        A::Help,
        "show every key (? is text here)",
        Some("keys"),
    ),
    bind(
        S::Search,
        &[ctrl('r')],
        A::ToggleScope,
        "search the report being read, or every report",
        Some("report/all"),
    ),
    bind(
        S::Search,
        &[plain(KeyCode::Left)],
        A::CursorLeft,
        "cursor left a character",
        None,
    ),
    bind(
        S::Search,
        &[plain(KeyCode::Right)],
        A::CursorRight,
        "cursor right a character",
        None,
    ),
    bind(
        S::Search,
        &[plain(KeyCode::Home), ctrl('a')],
        A::CursorStart,
        "cursor to the start",
        None,
    ),
    bind(
        S::Search,
        &[plain(KeyCode::End), ctrl('e')],
        A::CursorEnd,
        "cursor to the end",
        None,
    ),
    bind(
        S::Search,
        &[plain(KeyCode::Esc)],
        A::Close,
        "close the search, back where you were",
        Some("close"),
    ),
    bind(
        S::Help,
        &[ch('j'), plain(KeyCode::Down)],
        A::Down,
        "scroll down",
        None,
    ),
    bind(
        S::Help,
        &[ch('k'), plain(KeyCode::Up)],
        A::Up,
        "scroll up",
        None,
    ),
    bind(
        S::Help,
        &[plain(KeyCode::Esc), ch('?'), ch('q')],
        A::Close,
        "close this help",
        Some("close"),
    ),
    bind(
        S::Help,
        &[plain(KeyCode::PageDown), ch(' ')],
        A::PageDown,
        "a page down",
        None,
    ),
    bind(
        S::Help,
        &[plain(KeyCode::PageUp), ch('b')],
        A::PageUp,
        "a page up",
        None,
    ),
    bind(
        S::Help,
        &[ch('g'), plain(KeyCode::Home)],
        A::First,
        "to the top",
        None,
    ),
    bind(
        S::Help,
        &[ch('G'), plain(KeyCode::End)],
        A::Last,
        "to the end",
        None,
    ),
    bind(
        S::Outline,
        &[ch('j'), plain(KeyCode::Down)],
        A::Down,
        "select the section below",
        Some("move"),
    ),
    bind(
        S::Outline,
        &[ch('k'), plain(KeyCode::Up)],
        A::Up,
        "select the section above",
        None,
    ),
    bind(
        S::Outline,
        &[plain(KeyCode::PageDown)],
        A::PageDown,
        "a page of sections down",
        None,
    ),
    bind(
        S::Outline,
        &[plain(KeyCode::PageUp)],
        A::PageUp,
        "a page of sections up",
        None,
    ),
    bind(
        S::Outline,
        &[ch('g'), plain(KeyCode::Home)],
        A::First,
        "first section",
        None,
    ),
    bind(
        S::Outline,
        &[ch('G'), plain(KeyCode::End)],
        A::Last,
        "last section",
        None,
    ),
    bind(
        S::Outline,
        &[plain(KeyCode::Enter)],
        A::Open,
        "read the selected section",
        Some("read"),
    ),
    bind(
        S::Outline,
        &[plain(KeyCode::Esc), ch('o'), ch('q')],
        A::Close,
        "close the outline",
        Some("close"),
    ),
    bind(
        S::Figures,
        &[ch('j'), plain(KeyCode::Down)],
        A::Down,
        "select the figure below",
        Some("move"),
    ),
    bind(
        S::Figures,
        &[ch('k'), plain(KeyCode::Up)],
        A::Up,
        "select the figure above",
        None,
    ),
    bind(
        S::Figures,
        &[plain(KeyCode::PageDown)],
        A::PageDown,
        "a page of figures down",
        None,
    ),
    bind(
        S::Figures,
        &[plain(KeyCode::PageUp)],
        A::PageUp,
        "a page of figures up",
        None,
    ),
    bind(
        S::Figures,
        &[ch('g'), plain(KeyCode::Home)],
        A::First,
        "first figure",
        None,
    ),
    bind(
        S::Figures,
        &[ch('G'), plain(KeyCode::End)],
        A::Last,
        "last figure",
        None,
    ),
    bind(
        S::Figures,
        &[plain(KeyCode::Enter)],
        A::Open,
        "read the selected figure's sentence",
        Some("read"),
    ),
    bind(
        S::Figures,
        &[plain(KeyCode::Tab)],
        A::ToggleScope,
        "figures of this section, or of the whole report",
        Some("section/report"),
    ),
    bind(
        S::Figures,
        &[ch('s')],
        A::SortFigures,
        "sort by position, indicator or value",
        Some("sort"),
    ),
    bind(
        S::Figures,
        &[ch('c')],
        A::FigureYears,
        "chart the indicator over the township's years",
        Some("years"),
    ),
    bind(
        S::Figures,
        &[ch('v')],
        A::FigureCounty,
        "the indicator across the county's townships",
        Some("county"),
    ),
    bind(
        S::Figures,
        &[plain(KeyCode::Esc), ch('f'), ch('q')],
        A::Close,
        "close the chart, then the figures",
        Some("close"),
    ),
    bind(
        S::Marks,
        &[plain(KeyCode::Esc), ch('q')],
        A::Close,
        "close the list (a letter goes to its mark)",
        Some("close"),
    ),
    bind(
        S::Compare,
        &[ch('j'), plain(KeyCode::Down)],
        A::Down,
        "next report, or scroll both sides down",
        Some("move"),
    ),
    bind(
        S::Compare,
        &[ch('k'), plain(KeyCode::Up)],
        A::Up,
        "previous report, or scroll both sides up",
        None,
    ),
    bind(
        S::Compare,
        &[plain(KeyCode::PageDown), ch(' ')],
        A::PageDown,
        "a page down",
        None,
    ),
    bind(
        S::Compare,
        &[plain(KeyCode::PageUp), ch('b')],
        A::PageUp,
        "a page up",
        None,
    ),
    bind(
        S::Compare,
        &[ch('g'), plain(KeyCode::Home)],
        A::First,
        "to the top",
        None,
    ),
    bind(
        S::Compare,
        &[ch('G'), plain(KeyCode::End)],
        A::Last,
        "to the end",
        None,
    ),
    bind(
        S::Compare,
        &[plain(KeyCode::Enter)],
        A::Open,
        "compare with the selected report",
        Some("compare"),
    ),
    bind(
        S::Compare,
        &[plain(KeyCode::Tab)],
        A::SwapSide,
        "under 100 columns: show the other side",
        Some("swap"),
    ),
    bind(
        S::Compare,
        &[plain(KeyCode::Esc), ch('q')],
        A::Close,
        "close the compare view",
        Some("close"),
    ),
    bind(
        S::Related,
        &[ch('j'), plain(KeyCode::Down)],
        A::Down,
        "select the section below",
        Some("move"),
    ),
    bind(
        S::Related,
        &[ch('k'), plain(KeyCode::Up)],
        A::Up,
        "select the section above",
        None,
    ),
    bind(
        S::Related,
        &[plain(KeyCode::PageDown)],
        A::PageDown,
        "a page of sections down",
        None,
    ),
    bind(
        S::Related,
        &[plain(KeyCode::PageUp)],
        A::PageUp,
        "a page of sections up",
        None,
    ),
    bind(
        S::Related,
        &[ch('g'), plain(KeyCode::Home)],
        A::First,
        "first section",
        None,
    ),
    bind(
        S::Related,
        &[ch('G'), plain(KeyCode::End)],
        A::Last,
        "last section",
        None,
    ),
    bind(
        S::Related,
        &[plain(KeyCode::Enter)],
        A::Open,
        "read the selected section",
        Some("read"),
    ),
    bind(
        S::Related,
        &[plain(KeyCode::Esc), ch('q')],
        A::Close,
        "close the related sections",
        Some("close"),
    ),
];

static EFFECTIVE: OnceLock<&'static [Binding]> = OnceLock::new();

/// Make `table` the key table of this run (the first call wins): the
/// settings file's bindings. Help and footer follow it; the README's table
/// stays [`KEYMAP`].
pub(crate) fn set_effective(table: Vec<Binding>) {
    let _ = EFFECTIVE.set(Box::leak(table.into_boxed_slice()));
}

/// The key table of this run: [`KEYMAP`] unless the settings changed it.
pub(crate) fn effective() -> &'static [Binding] {
    EFFECTIVE.get().copied().unwrap_or(KEYMAP)
}

/// The action `key` runs in `scope`: the scope's own bindings first, then the
/// global ones (layers such as help take no global keys but Ctrl-C).
pub(crate) fn action_for(scope: Scope, key: &KeyEvent) -> Option<Action> {
    let find = |wanted: Scope| {
        effective()
            .iter()
            .filter(|binding| binding.scope == wanted)
            .find(|binding| binding.keys.iter().any(|k| k.matches(key)))
            .map(|binding| binding.action)
    };
    find(scope).or_else(|| {
        let global = find(Scope::Global);
        if scope.is_layer() {
            // Keys typed into the search are text, not commands.
            global.filter(|&action| {
                action == Action::Quit && key.modifiers.contains(KeyModifiers::CONTROL)
            })
        } else {
            global
        }
    })
}

/// The bindings of one scope, in table order (a binding the settings left
/// without keys is not listed).
pub(crate) fn bindings(scope: Scope) -> impl Iterator<Item = &'static Binding> {
    effective()
        .iter()
        .filter(move |binding| binding.scope == scope && !binding.keys.is_empty())
}

/// Footer hints for a scope: its own hinted bindings, then the global ones,
/// as (keys, words) pairs.
pub(crate) fn hints(scope: Scope) -> Vec<(String, &'static str)> {
    // Help and the pane switch come first: on a narrow screen they are what
    // leads to everything else. Quit comes last: it is the one everyone knows.
    let global: Vec<&Binding> = if scope.is_layer() {
        Vec::new()
    } else {
        bindings(Scope::Global).collect()
    };
    let (quit, leads): (Vec<&Binding>, Vec<&Binding>) =
        global.into_iter().partition(|b| b.action == Action::Quit);
    leads
        .into_iter()
        .chain(bindings(scope))
        .chain(quit)
        .filter_map(|binding| binding.hint.map(|hint| (keys_label(binding, 2), t(hint))))
        .collect()
}

/// The first `at_most` keys of a binding, joined with "/".
pub(crate) fn keys_label(binding: &Binding, at_most: usize) -> String {
    let labels: Vec<String> = binding.keys.iter().take(at_most).map(Key::label).collect();
    // "//Ctrl-P" would read as a typo: a "/" key is set apart by a space.
    let joiner = if labels.iter().any(|label| label == "/") {
        " "
    } else {
        "/"
    };
    labels.join(joiner)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn scope_keys_win_over_global_ones_and_shift_is_ignored_for_characters() {
        assert_eq!(
            action_for(Scope::Tree, &key(KeyCode::Char('j'), KeyModifiers::NONE)),
            Some(Action::Down)
        );
        assert_eq!(
            action_for(Scope::Reader, &key(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Last)
        );
        assert_eq!(
            action_for(Scope::Reader, &key(KeyCode::Char('q'), KeyModifiers::NONE)),
            Some(Action::Quit)
        );
        assert_eq!(
            action_for(Scope::Tree, &key(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
        assert_eq!(
            action_for(Scope::Tree, &key(KeyCode::Char('x'), KeyModifiers::NONE)),
            None
        );
        assert_eq!(
            action_for(Scope::Tree, &key(KeyCode::Char('j'), KeyModifiers::CONTROL)),
            None
        );
    }

    #[test]
    fn help_takes_its_own_keys_and_only_ctrl_c_from_the_global_ones() {
        assert_eq!(
            action_for(Scope::Help, &key(KeyCode::Char('q'), KeyModifiers::NONE)),
            Some(Action::Close)
        );
        assert_eq!(
            action_for(Scope::Help, &key(KeyCode::Tab, KeyModifiers::NONE)),
            None
        );
        assert_eq!(
            action_for(Scope::Help, &key(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
    }

    #[test]
    fn no_key_is_bound_twice_in_one_scope() {
        for (i, a) in KEYMAP.iter().enumerate() {
            for b in &KEYMAP[i + 1..] {
                let shared = a.scope == b.scope && a.keys.iter().any(|k| b.keys.contains(k));
                assert!(
                    !shared,
                    "{:?} and {:?} share a key in {:?}",
                    a.action, b.action, a.scope
                );
            }
        }
    }

    /// Every description and footer hint of the key table is a key of the
    /// catalogue, so help and footer have words in every language.
    #[test]
    fn every_binding_has_its_words_in_each_language() {
        let known: Vec<&str> = baogao_i18n::keys().collect();
        for binding in KEYMAP {
            for words in std::iter::once(binding.description).chain(binding.hint) {
                assert!(known.contains(&words), "{words:?} is not in the catalogue");
            }
        }
    }

    /// A settings file spells keys as the help does: every label reads
    /// back as its key, and every action and scope by its name.
    #[test]
    fn labels_and_names_read_back() {
        for binding in KEYMAP {
            for key in binding.keys {
                assert_eq!(Key::parse(&key.label()), Some(*key), "{}", key.label());
            }
            assert_eq!(
                Action::from_name(binding.action.name()),
                Some(binding.action)
            );
            assert_eq!(Scope::from_name(binding.scope.name()), Some(binding.scope));
        }
        assert_eq!(Key::parse("Down"), Some(plain(KeyCode::Down)));
        assert_eq!(Key::parse("ctrl-o"), Some(ctrl('o')));
        assert_eq!(Key::parse("nonsense"), None);
    }

    #[test]
    fn footer_hints_come_from_the_table() {
        let tree = hints(Scope::Tree);
        assert!(tree.contains(&("j/↓".to_string(), "move")));
        assert!(tree.contains(&("q/Ctrl-C".to_string(), "quit")));
        assert!(!hints(Scope::Help).iter().any(|(_, hint)| *hint == "quit"));
    }
}

#[cfg(test)]
mod readme {
    use super::*;

    /// The README's key table, as the key table says it must read.
    fn table() -> String {
        let mut table = String::from("| keys | where | what |\n|------|-------|------|\n");
        for binding in KEYMAP {
            let keys: Vec<String> = binding
                .keys
                .iter()
                .map(|key| format!("`{}`", key.label()))
                .collect();
            let scope = binding.scope.title().to_lowercase();
            table.push_str(&format!(
                "| {} | {scope} | {} |\n",
                keys.join(" "),
                binding.description
            ));
        }
        table
    }

    /// The README shows the key table; it must not drift from the real one.
    #[test]
    fn the_readme_key_table_is_the_key_table() {
        let readme = include_str!("../../../README.md");
        let table = baogao_i18n::with_language(baogao_i18n::Language::English, table);
        assert!(
            readme.contains(&table),
            "update the README's key table to:\n{table}"
        );
    }
}
