//! What a person can ask the window to do. Screens and keys push [`Command`]s; the app applies
//! them in [`ScamcheckApp::apply`], once per frame, after drawing — so no widget changes the
//! model in the middle of a layout.

use std::path::PathBuf;
use std::sync::Arc;

use eframe::egui::{self, ViewportCommand};

use super::{
    ScamcheckApp, Screen, TrustedContact, ZOOM_STEP, demo_ui, listen_ui, quiz_ui, rules_ui,
    summary_ui,
};
use crate::analyze::Analyzer;
use crate::answers::Answer;
use crate::cases::Cases;
use crate::report::{self, Report, ReportInput};
use crate::rules::{ALREADY_PAID, RuleSet};
use crate::session::{Check, Next};
use crate::summary::default_folder;
use crate::text::Lang;

/// Something the person asked for, applied at the end of the frame.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Move between screens.
    Go(Go),
    /// The live check.
    Check(CheckCommand),
    /// Demo mode.
    Demo(DemoCommand),
    /// The audience quiz.
    Quiz(QuizCommand),
    /// The rules screen.
    Rules(RulesCommand),
    /// The incident report of a check.
    Summary(SummaryCommand),
    /// Language, size, contrast, fullscreen.
    Settings(SettingsCommand),
    /// Clearing everything for the next person.
    Reset(ResetCommand),
}

/// Moving between screens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Go {
    /// The start screen, keeping the answers.
    Home,
    /// Start the question walk, or go on with it.
    StartCheck,
    /// After the hang-up screen: back to where the person was.
    Continue,
    /// The result now.
    Result,
    /// "What are they saying?"
    Listen,
    /// Leave it, back to where the person came from.
    LeaveListen,
    /// Demo mode: the case list.
    Demo,
    /// The rules screen.
    Rules,
}

/// Answers and the walk through the questions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CheckCommand {
    /// Record an answer.
    Answer(String, Answer),
    /// Record "yes" to each of these (the critical findings of a text, at once).
    AnswerAll(Vec<String>),
    /// The previous question.
    Back,
    /// Forget every answer and the text, and go to the start screen.
    StartOver,
    /// Money or a code has gone.
    AlreadyPaid,
}

/// Demo mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DemoCommand {
    /// Replay case `n` from its first step.
    Open(usize),
    /// The next step.
    Next,
    /// The previous step.
    Previous,
}

/// The audience quiz.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuizCommand {
    /// Start from the first line.
    Open,
    /// The audience's guess for the line shown: scam or not.
    Guess(bool),
    /// Reveal without a guess, or go to the next line once revealed.
    Advance,
    /// The previous line.
    Previous,
}

/// The rules screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RulesCommand {
    /// Load the rule file at this path.
    Load(String),
    /// Load the current rule file again (or the built-in rules).
    Reload,
    /// Save the printable checklist, made from the rules in use, in this folder.
    SaveHandout(String),
}

/// The incident report of a check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SummaryCommand {
    /// Save it as a new HTML file in the chosen folder.
    Save,
    /// Copy it to the clipboard as plain text.
    Copy,
}

/// Language, size, contrast, fullscreen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SettingsCommand {
    /// Switch the interface language.
    Lang(Lang),
    /// Change the text size by this many steps (negative: smaller).
    Zoom(i8),
    /// Switch the high-contrast theme.
    HighContrast(bool),
    /// Set the trusted person.
    Trusted(TrustedContact),
    /// Switch fullscreen (presenters).
    ToggleFullscreen,
    /// Open or close the menu of a narrow window.
    ToggleMenu,
}

/// Clearing everything for the next person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResetCommand {
    /// Ask first.
    Ask,
    /// Clear answers, text, number, demo and summary.
    Confirm,
    /// Keep everything.
    Cancel,
}

impl ScamcheckApp {
    /// Applies one command.
    pub(super) fn apply(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::Go(go) => self.go(go),
            Command::Check(command) => self.apply_check(command),
            Command::Demo(command) => self.apply_demo(command),
            Command::Quiz(command) => self.apply_quiz(command),
            Command::Rules(command) => self.apply_rules(command),
            Command::Summary(command) => self.apply_summary(ctx, command),
            Command::Settings(command) => self.apply_settings(ctx, command),
            Command::Reset(command) => self.apply_reset(command),
        }
    }

    fn go(&mut self, go: Go) {
        match go {
            Go::Home => self.show_screen(Screen::Start),
            Go::StartCheck => self.resume_walk(),
            Go::Continue => {
                if matches!(self.screen, Screen::HangUp(_)) && self.hang_up_return == Screen::Listen
                {
                    self.show_screen(Screen::Listen);
                } else {
                    self.resume_walk();
                }
            }
            Go::Result => self.show_screen(Screen::Result),
            Go::Listen => {
                if self.screen != Screen::Listen {
                    self.listen_return = self.screen.clone();
                    self.show_screen(Screen::Listen);
                    self.listen.focus_text();
                }
            }
            Go::LeaveListen => self.show_screen(self.listen_return.clone()),
            Go::Demo => {
                self.demo = demo_ui::Demo::default();
                self.show_screen(Screen::Demo);
            }
            Go::Rules => self.show_screen(Screen::Rules),
        }
    }

    fn apply_check(&mut self, command: CheckCommand) {
        match command {
            CheckCommand::Answer(id, answer) => {
                let next = self.check.answer(&self.rules, &id, answer);
                self.show(next);
            }
            CheckCommand::AnswerAll(ids) => {
                // Every answer is recorded; the first interruption is the one shown.
                let mut first_interrupt = None;
                for id in ids {
                    let next = self.check.answer(&self.rules, &id, Answer::Yes);
                    if matches!(next, Next::HangUp(_) | Next::Emergency) {
                        first_interrupt.get_or_insert(next);
                    }
                }
                self.show(first_interrupt.unwrap_or(Next::Question));
            }
            CheckCommand::Back => {
                let moved = self.check.back();
                if self.screen == Screen::Question && !moved {
                    self.show_screen(Screen::Start);
                } else {
                    self.show_screen(Screen::Question);
                }
            }
            CheckCommand::StartOver => {
                self.check = Check::new(&self.rules);
                self.listen = listen_ui::Listen::default();
                self.summary = summary_ui::SummaryBox::default();
                self.show_screen(Screen::Start);
            }
            CheckCommand::AlreadyPaid => {
                self.check.answer(&self.rules, ALREADY_PAID, Answer::Yes);
                self.show_screen(Screen::Emergency);
            }
        }
    }

    fn apply_demo(&mut self, command: DemoCommand) {
        let Ok(cases) = &self.cases else {
            return;
        };
        match command {
            DemoCommand::Open(case) => {
                if let Some(demo) = demo_ui::Demo::open(cases, &self.rules, case) {
                    self.demo = demo;
                    self.show_screen(Screen::Demo);
                }
            }
            DemoCommand::Next => self.demo.next(cases),
            DemoCommand::Previous => self.demo.previous(),
        }
        // Each step opens at its top, as a new page would.
        self.scroll_to_top = true;
    }

    fn apply_quiz(&mut self, command: QuizCommand) {
        let Ok(cases) = &self.cases else {
            return;
        };
        match command {
            QuizCommand::Open => {
                self.quiz = quiz_ui::Quiz::default();
                self.show_screen(Screen::Quiz);
            }
            QuizCommand::Guess(is_scam) => self.quiz.guess(is_scam),
            QuizCommand::Advance => self.quiz.advance(cases),
            QuizCommand::Previous => self.quiz.previous(),
        }
        self.scroll_to_top = true;
    }

    fn apply_rules(&mut self, command: RulesCommand) {
        match command {
            RulesCommand::Load(path) if path.trim().is_empty() => {
                self.rules_panel.status = Some(rules_ui::LoadStatus::NoPath);
            }
            RulesCommand::Load(path) => self.load_rules(Some(PathBuf::from(path.trim()))),
            RulesCommand::Reload => self.load_rules(self.rules_path.clone()),
            RulesCommand::SaveHandout(folder) => {
                let folder = match folder.trim() {
                    "" => crate::summary::default_folder(),
                    given => PathBuf::from(given),
                };
                let lang = self.settings.lang;
                let code = match lang {
                    crate::text::Lang::Zh => "zh",
                    crate::text::Lang::En => "en",
                };
                let html = crate::handout::html(&self.rules, lang);
                self.rules_panel.handout = Some(crate::summary::save_unique(
                    &folder,
                    &format!("scamcheck-checklist-{code}"),
                    "html",
                    &html,
                ));
            }
        }
    }

    fn apply_summary(&mut self, ctx: &egui::Context, command: SummaryCommand) {
        let now = chrono::Local::now();
        let report = self.report(&now.format("%Y-%m-%d %H:%M:%S").to_string());
        self.summary.status = Some(match command {
            SummaryCommand::Save => {
                let typed = self.summary.folder.trim();
                let folder = if typed.is_empty() {
                    default_folder()
                } else {
                    PathBuf::from(typed)
                };
                let stamp = now.format("%Y%m%d-%H%M%S").to_string();
                match report::save(&folder, &stamp, &report.html()) {
                    Ok(path) => summary_ui::SummaryStatus::Saved(path),
                    Err(err) => summary_ui::SummaryStatus::Failed(err),
                }
            }
            SummaryCommand::Copy => {
                ctx.copy_text(report.text());
                summary_ui::SummaryStatus::Copied
            }
        });
        self.summary.reveal = true;
    }

    fn apply_settings(&mut self, ctx: &egui::Context, command: SettingsCommand) {
        match command {
            SettingsCommand::Lang(Lang::Zh) if !self.has_cjk_font => {}
            SettingsCommand::Lang(lang) => self.settings.lang = lang,
            SettingsCommand::Zoom(steps) => {
                let zoom = ctx.zoom_factor() + f32::from(steps) * ZOOM_STEP;
                self.set_zoom(ctx, zoom);
            }
            SettingsCommand::HighContrast(on) => self.settings.high_contrast = on,
            SettingsCommand::Trusted(contact) => self.settings.trusted = contact,
            SettingsCommand::ToggleFullscreen => {
                let fullscreen = ctx.input(|i| i.viewport().fullscreen.unwrap_or(false));
                ctx.send_viewport_cmd(ViewportCommand::Fullscreen(!fullscreen));
            }
            SettingsCommand::ToggleMenu => self.menu_open = !self.menu_open,
        }
    }

    fn apply_reset(&mut self, command: ResetCommand) {
        match command {
            ResetCommand::Ask => self.confirm_reset = true,
            ResetCommand::Cancel => self.confirm_reset = false,
            ResetCommand::Confirm => {
                self.check = Check::new(&self.rules);
                self.listen = listen_ui::Listen::default();
                self.demo = demo_ui::Demo::default();
                self.quiz = quiz_ui::Quiz::default();
                self.summary = summary_ui::SummaryBox::default();
                self.confirm_reset = false;
                self.menu_open = false;
                self.show_screen(Screen::Start);
            }
        }
    }

    /// Goes on with the question walk, or to the result when everything is answered.
    fn resume_walk(&mut self) {
        let screen = match self.check.resume() {
            Next::Result => Screen::Result,
            _ => Screen::Question,
        };
        self.show_screen(screen);
    }

    /// Shows what the check says comes next. An answer recorded from the text check keeps the
    /// person there, unless it interrupts; "Continue" then returns there.
    pub(super) fn show(&mut self, next: Next) {
        let from_listen = self.screen == Screen::Listen;
        let screen = match next {
            Next::HangUp(reason) => {
                self.hang_up_return = if from_listen {
                    Screen::Listen
                } else {
                    Screen::Question
                };
                Screen::HangUp(reason)
            }
            Next::Emergency => Screen::Emergency,
            _ if from_listen => Screen::Listen,
            Next::Question => Screen::Question,
            Next::Result => Screen::Result,
        };
        self.show_screen(screen);
    }

    /// Switches to `screen`, which opens at its top.
    pub(super) fn show_screen(&mut self, screen: Screen) {
        if screen != self.screen {
            self.scroll_to_top = true;
        }
        self.screen = screen;
        self.menu_open = false;
    }

    /// Loads rules from `path` (or the built-in ones), with every pattern compiled. A broken
    /// file changes nothing but the message on the rules screen; a good one takes effect at once,
    /// keeping the answers.
    fn load_rules(&mut self, path: Option<PathBuf>) {
        let loaded = match &path {
            Some(path) => Analyzer::load(path),
            None => RuleSet::embedded().and_then(|rules| Analyzer::new(Arc::new(rules))),
        };
        self.rules_panel.status = Some(match loaded {
            Ok(analyzer) => {
                self.rules = analyzer.rules().clone();
                self.analyzer = Some(Arc::new(analyzer));
                // A compilation of the earlier rules still running is no longer wanted.
                self.compiling = None;
                self.rules_path = path;
                self.listen.invalidate();
                self.cases = Cases::embedded(&self.rules);
                let reason = self.check.rescore(&self.rules);
                let status = rules_ui::LoadStatus::Loaded {
                    questions: self.rules.questions().len(),
                    path: self.rules_path.clone(),
                };
                if let Some(reason) = reason {
                    self.show(Next::HangUp(reason));
                }
                status
            }
            Err(err) => rules_ui::LoadStatus::Problems(err),
        });
    }

    /// The incident report of the live check, made at `when`, in the current language.
    pub(super) fn report(&self, when: &str) -> Report {
        let verdict = self.check.verdict();
        let trusted = &self.settings.trusted;
        report::build(
            &ReportInput {
                rules: &self.rules,
                answers: self.check.answers(),
                verdict,
                number: &self.listen.number,
                when,
                said: self.summary.include_said.then(|| self.listen.text()),
                payment: verdict.emergency.then_some(&self.summary.payment),
                trusted: Some((trusted.name.as_str(), trusted.phone.as_str())),
            },
            self.settings.lang,
        )
    }
}
