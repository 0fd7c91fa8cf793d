//! The one keymap: every shortcut with where it works and what it does. Key handling, the hint
//! line of each screen and the key table in the README are all made from [`KEYMAP`].

use eframe::egui::{InputState, Key, Modifiers};

use super::command::{
    CheckCommand, Command, DemoCommand, Go, QuizCommand, ResetCommand, SettingsCommand,
};
use crate::answers::Answer;
use crate::strings::Strings;

/// Where a binding works.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// On every screen.
    Everywhere,
    /// The start screen.
    Start,
    /// A question of the walk.
    Question,
    /// The hang-up screen.
    HangUp,
    /// Demo mode's list of cases.
    DemoList,
    /// A case being replayed.
    DemoCase,
    /// The audience quiz.
    Quiz,
    /// The "clear everything?" question; while it is open only its keys work.
    ResetDialog,
}

/// What a binding does. Some actions need the screen's data to become a [`Command`] (which
/// card, which question), given by [`KeyContext`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Start or continue the check.
    StartCheck,
    /// The n-th "they are asking me to…" card: straight to the hang-up screen.
    Card,
    /// Money or a code has gone.
    AlreadyPaid,
    /// "What are they saying?"
    Listen,
    /// Demo mode.
    Demo,
    /// The rules screen.
    Rules,
    /// Answer the question.
    Answer(Answer),
    /// The previous question.
    Back,
    /// From the hang-up screen: what to do next.
    WhatNext,
    /// From the hang-up screen: go on with the check.
    ContinueCheck,
    /// The n-th case.
    OpenCase,
    /// The quiz.
    Quiz,
    /// The next step of a case.
    DemoNext,
    /// The previous step of a case.
    DemoPrevious,
    /// The audience says: scam.
    QuizScam,
    /// The audience says: not a scam.
    QuizNotScam,
    /// Reveal, or the next line.
    QuizAdvance,
    /// The previous line.
    QuizPrevious,
    /// Back: to the start screen, or from a case or the quiz to the case list.
    Leave,
    /// Larger text.
    Larger,
    /// Smaller text.
    Smaller,
    /// Fullscreen for a projector.
    Fullscreen,
    /// Clear everything for the next person (asks once).
    Reset,
    /// Yes, clear everything.
    ConfirmReset,
    /// Keep everything.
    CancelReset,
}

/// A key, with or without Ctrl (⌘ on a Mac).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shortcut {
    /// The key.
    pub key: Key,
    /// Whether Ctrl (⌘) is held.
    pub ctrl: bool,
}

const fn key(key: Key) -> Shortcut {
    Shortcut { key, ctrl: false }
}

const fn ctrl(key: Key) -> Shortcut {
    Shortcut { key, ctrl: true }
}

/// Keys 1 to 9, for the n-th card or case.
const NUMBERS: &[Shortcut] = &[
    key(Key::Num1),
    key(Key::Num2),
    key(Key::Num3),
    key(Key::Num4),
    key(Key::Num5),
    key(Key::Num6),
    key(Key::Num7),
    key(Key::Num8),
    key(Key::Num9),
];

/// The most cards or cases that have a number key.
pub const NUMBERED: usize = NUMBERS.len();

/// One shortcut.
#[derive(Clone, Copy, Debug)]
pub struct Binding {
    /// Where it works.
    pub scope: Scope,
    /// The keys, any of which does it.
    pub keys: &'static [Shortcut],
    /// What it does.
    pub action: Action,
}

const fn bind(scope: Scope, keys: &'static [Shortcut], action: Action) -> Binding {
    Binding {
        scope,
        keys,
        action,
    }
}

/// Every shortcut of the window.
pub const KEYMAP: &[Binding] = &[
    bind(Scope::Start, &[key(Key::Enter)], Action::StartCheck),
    bind(Scope::Start, NUMBERS, Action::Card),
    bind(Scope::Start, &[key(Key::P)], Action::AlreadyPaid),
    bind(Scope::Start, &[key(Key::T)], Action::Listen),
    bind(Scope::Start, &[key(Key::D)], Action::Demo),
    bind(Scope::Start, &[key(Key::R)], Action::Rules),
    bind(
        Scope::Question,
        &[key(Key::Y), key(Key::Num1)],
        Action::Answer(Answer::Yes),
    ),
    bind(
        Scope::Question,
        &[key(Key::N), key(Key::Num2)],
        Action::Answer(Answer::No),
    ),
    bind(
        Scope::Question,
        &[key(Key::U), key(Key::Num3)],
        Action::Answer(Answer::Unsure),
    ),
    bind(
        Scope::Question,
        &[key(Key::Backspace), key(Key::ArrowLeft)],
        Action::Back,
    ),
    bind(Scope::Question, &[key(Key::T)], Action::Listen),
    bind(Scope::HangUp, &[key(Key::Enter)], Action::WhatNext),
    bind(Scope::HangUp, &[key(Key::C)], Action::ContinueCheck),
    bind(Scope::HangUp, &[key(Key::P)], Action::AlreadyPaid),
    bind(Scope::DemoList, NUMBERS, Action::OpenCase),
    bind(Scope::DemoList, &[key(Key::Q)], Action::Quiz),
    bind(
        Scope::DemoCase,
        &[key(Key::Space), key(Key::ArrowRight)],
        Action::DemoNext,
    ),
    bind(
        Scope::DemoCase,
        &[key(Key::ArrowLeft), key(Key::Backspace)],
        Action::DemoPrevious,
    ),
    bind(Scope::Quiz, &[key(Key::S)], Action::QuizScam),
    bind(Scope::Quiz, &[key(Key::N)], Action::QuizNotScam),
    bind(
        Scope::Quiz,
        &[key(Key::Space), key(Key::ArrowRight), key(Key::Enter)],
        Action::QuizAdvance,
    ),
    bind(Scope::Quiz, &[key(Key::ArrowLeft)], Action::QuizPrevious),
    bind(Scope::ResetDialog, &[key(Key::Enter)], Action::ConfirmReset),
    bind(Scope::ResetDialog, &[key(Key::Escape)], Action::CancelReset),
    bind(Scope::Everywhere, &[key(Key::Escape)], Action::Leave),
    bind(
        Scope::Everywhere,
        &[ctrl(Key::Plus), ctrl(Key::Equals)],
        Action::Larger,
    ),
    bind(Scope::Everywhere, &[ctrl(Key::Minus)], Action::Smaller),
    bind(Scope::Everywhere, &[key(Key::F11)], Action::Fullscreen),
    bind(Scope::Everywhere, &[key(Key::F5)], Action::Reset),
];

/// What a key needs to know about the screen to become a command.
pub struct KeyContext<'a> {
    /// The ids of the start screen's cards, in order.
    pub cards: &'a [String],
    /// How many demo cases there are.
    pub cases: usize,
    /// The question being asked, on the question screen.
    pub current_question: Option<&'a str>,
    /// Where Esc goes.
    pub leave: Option<Command>,
}

/// The scopes in force: the screen's own, then everywhere (only the dialog's while it is open).
pub fn scopes(screen: Scope) -> Vec<Scope> {
    if screen == Scope::ResetDialog {
        vec![Scope::ResetDialog]
    } else {
        vec![screen, Scope::Everywhere]
    }
}

/// The commands for the keys pressed this frame. A shortcut is skipped only when a text field
/// has the keyboard and the key would type into it (letters, digits, Space, Enter, arrows,
/// Backspace); F-keys, Esc and Ctrl shortcuts work everywhere.
pub fn commands(
    input: &InputState,
    screen: Scope,
    text_focused: bool,
    context: &KeyContext<'_>,
) -> Vec<Command> {
    let mut out = Vec::new();
    for scope in scopes(screen) {
        for binding in KEYMAP.iter().filter(|b| b.scope == scope) {
            for (index, shortcut) in binding.keys.iter().enumerate() {
                let modifiers = if shortcut.ctrl {
                    Modifiers::COMMAND
                } else {
                    Modifiers::NONE
                };
                if text_focused && types_text(shortcut) {
                    continue;
                }
                if !pressed(input, shortcut.key, modifiers) {
                    continue;
                }
                if let Some(command) = command(binding.action, index, context) {
                    out.push(command);
                }
            }
        }
    }
    out
}

/// Whether the key was pressed with exactly these modifiers (Shift aside, which some layouts
/// need for "+").
fn pressed(input: &InputState, key: Key, modifiers: Modifiers) -> bool {
    input.events.iter().any(|event| match event {
        eframe::egui::Event::Key {
            key: k,
            pressed: true,
            modifiers: m,
            ..
        } => *k == key && m.command == modifiers.command && m.alt == modifiers.alt,
        _ => false,
    })
}

/// Whether a key would type into a text field.
fn types_text(shortcut: &Shortcut) -> bool {
    !shortcut.ctrl && !matches!(shortcut.key, Key::Escape | Key::F5 | Key::F11)
}

/// The command for an action; `index` is which of its keys was pressed (the card or case).
fn command(action: Action, index: usize, context: &KeyContext<'_>) -> Option<Command> {
    Some(match action {
        Action::StartCheck => Command::Go(Go::StartCheck),
        Action::Card => Command::Check(CheckCommand::Answer(
            context.cards.get(index)?.clone(),
            Answer::Yes,
        )),
        Action::AlreadyPaid => Command::Check(CheckCommand::AlreadyPaid),
        Action::Listen => Command::Go(Go::Listen),
        Action::Demo => Command::Go(Go::Demo),
        Action::Rules => Command::Go(Go::Rules),
        Action::Answer(answer) => Command::Check(CheckCommand::Answer(
            context.current_question?.to_owned(),
            answer,
        )),
        Action::Back => Command::Check(CheckCommand::Back),
        Action::WhatNext => Command::Go(Go::Result),
        Action::ContinueCheck => Command::Go(Go::Continue),
        Action::OpenCase => {
            if index >= context.cases {
                return None;
            }
            Command::Demo(DemoCommand::Open(index))
        }
        Action::Quiz => Command::Quiz(QuizCommand::Open),
        Action::DemoNext => Command::Demo(DemoCommand::Next),
        Action::DemoPrevious => Command::Demo(DemoCommand::Previous),
        Action::QuizScam => Command::Quiz(QuizCommand::Guess(true)),
        Action::QuizNotScam => Command::Quiz(QuizCommand::Guess(false)),
        Action::QuizAdvance => Command::Quiz(QuizCommand::Advance),
        Action::QuizPrevious => Command::Quiz(QuizCommand::Previous),
        Action::Leave => context.leave.clone()?,
        Action::Larger => Command::Settings(SettingsCommand::Zoom(1)),
        Action::Smaller => Command::Settings(SettingsCommand::Zoom(-1)),
        Action::Fullscreen => Command::Settings(SettingsCommand::ToggleFullscreen),
        Action::Reset => Command::Reset(ResetCommand::Ask),
        Action::ConfirmReset => Command::Reset(ResetCommand::Confirm),
        Action::CancelReset => Command::Reset(ResetCommand::Cancel),
    })
}

/// What an action does, in the interface's words.
pub fn label(action: Action, s: &Strings) -> &'static str {
    match action {
        Action::StartCheck => s.key_start,
        Action::Card => s.key_card,
        Action::AlreadyPaid => s.key_paid,
        Action::Listen => s.key_listen,
        Action::Demo => s.key_demo,
        Action::Rules => s.key_rules,
        Action::Answer(Answer::Yes) => s.yes,
        Action::Answer(Answer::No) => s.no,
        Action::Answer(Answer::Unsure) => s.unsure,
        Action::Back => s.back,
        Action::WhatNext => s.key_what_next,
        Action::ContinueCheck => s.continue_check,
        Action::OpenCase => s.key_case,
        Action::Quiz => s.key_quiz,
        Action::DemoNext => s.demo_next,
        Action::DemoPrevious => s.demo_prev,
        Action::QuizScam => s.quiz_scam,
        Action::QuizNotScam => s.quiz_not_scam,
        Action::QuizAdvance => s.key_quiz_advance,
        Action::QuizPrevious => s.key_quiz_previous,
        Action::Leave => s.key_leave,
        Action::Larger => s.larger_text,
        Action::Smaller => s.smaller_text,
        Action::Fullscreen => s.key_fullscreen,
        Action::Reset => s.key_reset,
        Action::ConfirmReset => s.reset_yes,
        Action::CancelReset => s.reset_no,
    }
}

/// A binding's keys as a person reads them: "Y / 1", "1–8", "Ctrl + / Ctrl =". `numbered` is
/// how many of the number keys mean something here (cards or cases).
pub fn keys_text(binding: &Binding, numbered: usize) -> String {
    if binding.keys == NUMBERS {
        return match numbered {
            0 => String::new(),
            1 => "1".to_owned(),
            n => format!("1–{}", n.min(NUMBERED)),
        };
    }
    binding
        .keys
        .iter()
        .map(|shortcut| {
            let name = key_name(shortcut.key);
            if shortcut.ctrl {
                format!("Ctrl {name}")
            } else {
                name.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(" / ")
}

fn key_name(key: Key) -> &'static str {
    match key {
        Key::Enter => "Enter",
        Key::Escape => "Esc",
        Key::Space => "Space",
        Key::Backspace => "Backspace",
        Key::ArrowLeft => "←",
        Key::ArrowRight => "→",
        Key::Plus => "+",
        Key::Equals => "=",
        Key::Minus => "−",
        other => other.name(),
    }
}

/// How many number keys mean something in a scope.
fn numbered(scope: Scope, cards: usize, cases: usize) -> usize {
    match scope {
        Scope::Start => cards,
        Scope::DemoList => cases,
        _ => 0,
    }
}

/// The hint line of a screen: its own keys, then Esc where it leads somewhere.
pub fn hint(screen: Scope, s: &Strings, cards: usize, cases: usize, can_leave: bool) -> String {
    let mut parts = Vec::new();
    // Keys that work everywhere (F5, F11, Ctrl +/−) are in the README, not on every screen.
    let own = KEYMAP
        .iter()
        .filter(|b| b.scope == screen && screen != Scope::Everywhere);
    for binding in own {
        let keys = keys_text(binding, numbered(screen, cards, cases));
        if !keys.is_empty() {
            parts.push(format!("{keys} {}", label(binding.action, s)));
        }
    }
    if can_leave && screen != Scope::ResetDialog {
        parts.push(format!("Esc {}", s.key_leave));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("{} {}", s.keys_prefix, parts.join(" · "))
    }
}

/// Where a scope is, in the interface's words.
pub fn scope_name(scope: Scope, s: &Strings) -> &'static str {
    match scope {
        Scope::Everywhere => s.scope_everywhere,
        Scope::Start => s.scope_start,
        Scope::Question => s.scope_question,
        Scope::HangUp => s.scope_hang_up,
        Scope::DemoList => s.scope_demo_list,
        Scope::DemoCase => s.scope_demo_case,
        Scope::Quiz => s.scope_quiz,
        Scope::ResetDialog => s.scope_reset,
    }
}

/// The key table as Markdown, for the README (a test keeps the README's copy in step).
pub fn markdown_table(s: &Strings, cards: usize, cases: usize) -> String {
    let mut out = format!(
        "| {} | {} | {} |\n|---|---|---|\n",
        s.key_col_key, s.key_col_where, s.key_col_does
    );
    for binding in KEYMAP {
        let keys = keys_text(binding, numbered(binding.scope, cards, cases));
        out += &format!(
            "| {keys} | {} | {} |\n",
            scope_name(binding.scope, s),
            label(binding.action, s)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::strings::strings;
    use crate::text::Lang;

    #[test]
    fn every_action_has_a_label_in_both_languages_and_no_key_is_bound_twice_in_a_scope() {
        for lang in [Lang::Zh, Lang::En] {
            for binding in KEYMAP {
                assert!(
                    !label(binding.action, strings(lang)).is_empty(),
                    "{binding:?}"
                );
            }
        }
        for a in KEYMAP {
            for b in KEYMAP {
                if std::ptr::eq(a, b) {
                    continue;
                }
                let clash = a.scope == b.scope && a.keys.iter().any(|k| b.keys.contains(k));
                assert!(!clash, "{a:?} and {b:?} share a key");
                // A screen key must not hide a key that works everywhere.
                let hides = b.scope == Scope::Everywhere
                    && a.scope != Scope::ResetDialog
                    && a.keys.iter().any(|k| b.keys.contains(k));
                assert!(!hides, "{a:?} hides {b:?}");
            }
        }
    }

    #[test]
    fn hints_count_what_is_there() {
        let s = strings(Lang::En);
        let hint = hint(Scope::Start, s, 9, 4, false);
        assert!(hint.contains("1–9 "), "{hint}");
        assert!(hint.contains("Enter "), "{hint}");
        assert!(
            !hint.contains("Esc"),
            "nothing to leave on the start screen: {hint}"
        );
        let hint = super::hint(Scope::DemoList, s, 9, 3, true);
        assert!(hint.contains("1–3 "), "{hint}");
        assert!(hint.contains("Esc "), "{hint}");
    }

    #[test]
    fn a_screen_without_keys_of_its_own_names_esc_once() {
        let s = strings(Lang::En);
        let hint = hint(Scope::Everywhere, s, 9, 4, true);
        assert_eq!(hint, format!("{} Esc {}", s.keys_prefix, s.key_leave));
    }
}
