//! The window. Screens draw from a read-only [`View`] and push [`Command`]s; the app applies
//! them at the end of the frame, so no widget mutates the model from deep inside a layout.

mod demo_ui;
mod emergency_ui;
pub mod fonts;
mod hang_up_ui;
mod icon;
pub mod listen_ui;
mod question_ui;
mod quiz_ui;
mod result_ui;
pub mod rules_ui;
mod start_ui;

mod summary_ui;
pub mod theme;
mod widgets;

use std::path::PathBuf;
use std::sync::Arc;

use eframe::egui::{self, Key, RichText, ViewportCommand};
use serde::{Deserialize, Serialize};

use crate::analyze::Analyzer;
use crate::answers::Answer;
use crate::cases::Cases;
use crate::level::Level;
use crate::rules::{ALREADY_PAID, RuleSet};
use crate::session::{Check, HangUpReason, Next};
use crate::strings::{self, Strings, strings};
use crate::summary::{SummaryInput, save_new, summary};
use crate::text::Lang;
use fonts::CjkFont;
use theme::Palette;

/// Smallest and largest zoom the controls allow.
const ZOOM_RANGE: (f32, f32) = (0.6, 3.0);
/// One step of the zoom controls.
const ZOOM_STEP: f32 = 0.1;

/// What is kept between runs: only preferences, never anything about a call.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The interface language.
    pub lang: Lang,
    /// egui's zoom factor.
    pub zoom: f32,
    /// White and yellow on black instead of the calm light theme.
    pub high_contrast: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            lang: Lang::from_system(),
            zoom: 1.0,
            high_contrast: false,
        }
    }
}

/// The screens of a live check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Screen {
    /// The big "check my call" action, the "they are asking me to…" cards, "I already paid".
    Start,
    /// One question at a time.
    Question,
    /// The verdict reached "hang up now": says so, with what brought it there.
    HangUp(HangUpReason),
    /// The verdict with every red flag and the advice.
    Result,
    /// Money or a code already gone: the after-the-fact steps.
    Emergency,
    /// "What are they saying?": text and number check.
    Listen,
    /// Demo mode: the case list or a case being replayed.
    Demo,
    /// The audience quiz.
    Quiz,
    /// The rules on screen, and loading a rule file.
    Rules,
}

impl Screen {
    /// Demo screens carry the DEMO banner and never touch the live check.
    pub fn is_demo(&self) -> bool {
        matches!(self, Screen::Demo | Screen::Quiz)
    }
}

/// Something the user asked for, applied at the end of the frame.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Start (or resume) the question walk.
    StartCheck,
    /// Record an answer.
    Answer(String, Answer),
    /// The previous question.
    Back,
    /// The start screen, keeping the answers.
    Home,
    /// Forget every answer and go to the start screen.
    StartOver,
    /// Go on with the walk after the hang-up screen.
    Continue,
    /// Show the result now.
    ShowResult,
    /// Money or a code has gone.
    AlreadyPaid,
    /// Open the "What are they saying?" screen.
    OpenListen,
    /// Leave it, back to where the person came from.
    CloseListen,
    /// Demo mode: the case list.
    DemoList,
    /// Replay case `n` from its first step.
    DemoOpen(usize),
    /// The next step of the case.
    DemoNext,
    /// The previous step.
    DemoPrevious,
    /// The audience quiz.
    QuizOpen,
    /// Reveal the answer, or go to the next line.
    QuizAdvance,
    /// The previous quiz line.
    QuizPrevious,
    /// The rules screen.
    OpenRules,
    /// Load the rule file at this path.
    LoadRules(String),
    /// Load the current rule file again (or the embedded rules).
    ReloadRules,
    /// Save the summary to the chosen file.
    SaveSummary,
    /// Copy the summary to the clipboard.
    CopySummary,
    /// Ask whether to clear everything for the next person.
    AskReset,
    /// Clear everything: answers, text, number, demo, summary.
    Reset,
    /// Keep everything.
    CancelReset,
    /// Switch fullscreen (presenters).
    ToggleFullscreen,
    /// Switch the interface language.
    SetLang(Lang),
    /// Change the zoom by this many steps (negative: smaller).
    Zoom(i8),
    /// Switch the high-contrast theme.
    SetHighContrast(bool),
}

/// Everything a screen needs to draw itself.
pub struct View<'a> {
    pub rules: &'a RuleSet,
    pub check: &'a Check,
    pub lang: Lang,
    pub s: &'static Strings,
    pub palette: Palette,
}

/// How the app starts: which rules, which language, which Chinese font.
pub struct AppOptions {
    /// The rule set to use.
    pub rules: RuleSet,
    /// Language from the command line; overrides the saved one.
    pub lang: Option<Lang>,
    /// The Chinese font, or `None` when the machine has none.
    pub cjk_font: Option<Arc<CjkFont>>,
    /// The file the rules came from (`None`: the embedded rules), for "Reload".
    pub rules_path: Option<PathBuf>,
    /// Problems of a rule file asked for at start that could not be used; the app then runs
    /// with the embedded rules and says so.
    pub rules_problems: Vec<String>,
}

impl AppOptions {
    /// The given rules with the system's Chinese font.
    pub fn new(rules: RuleSet) -> AppOptions {
        AppOptions {
            cjk_font: fonts::system_cjk_font(),
            ..AppOptions::without_font(rules)
        }
    }

    /// The given rules and no Chinese font (set `cjk_font` yourself, or use [`AppOptions::new`]).
    pub fn without_font(rules: RuleSet) -> AppOptions {
        AppOptions {
            rules,
            lang: None,
            cjk_font: None,
            rules_path: None,
            rules_problems: Vec::new(),
        }
    }
}

/// The scamcheck window.
pub struct ScamcheckApp {
    settings: Settings,
    rules: Arc<RuleSet>,
    /// The compiled text patterns, built the first time the text check needs them (they are
    /// not needed for the first frame). Rule files loaded later come with theirs.
    analyzer: Option<Arc<Analyzer>>,
    has_cjk_font: bool,
    check: Check,
    screen: Screen,
    listen: listen_ui::Listen,
    /// Where "Back" on the listen screen returns to.
    listen_return: Screen,
    /// Where "Continue" on the hang-up screen returns to: the walk, or the text check.
    hang_up_return: Screen,
    /// The demo cases, checked against the rules in use (or why they could not be).
    cases: Result<Cases, String>,
    demo: demo_ui::Demo,
    quiz: quiz_ui::Quiz,
    rules_path: Option<PathBuf>,
    rules_panel: rules_ui::RulesPanel,
    summary: summary_ui::SummaryBox,
    /// The "clear everything?" question is open.
    confirm_reset: bool,
    commands: Vec<Command>,
    /// The contrast the theme was last applied for; applied on the first frame so nothing
    /// set up after construction (a host's default theme) overrides it.
    applied_contrast: Option<bool>,
    /// Whether the first frame's time was printed for `scripts/measure.sh`.
    first_frame_reported: bool,
    /// The language the window title was last set in.
    title_lang: Option<Lang>,
}

impl ScamcheckApp {
    /// Builds the app: restores settings, installs fonts and the theme.
    pub fn new(cc: &eframe::CreationContext<'_>, options: AppOptions) -> ScamcheckApp {
        let mut settings: Settings = cc
            .storage
            .and_then(|storage| eframe::get_value(storage, eframe::APP_KEY))
            .unwrap_or_default();
        if let Some(lang) = options.lang {
            settings.lang = lang;
        }
        let has_cjk_font = options.cjk_font.is_some();
        if !has_cjk_font {
            settings.lang = Lang::En;
        }
        settings.zoom = settings.zoom.clamp(ZOOM_RANGE.0, ZOOM_RANGE.1);
        fonts::install(&cc.egui_ctx, options.cjk_font.as_deref());
        cc.egui_ctx.set_zoom_factor(settings.zoom);
        let check = Check::new(&options.rules);
        let cases = Cases::embedded(&options.rules).map_err(|err| err.to_string());
        let rules_panel = rules_ui::RulesPanel {
            path: options
                .rules_path
                .as_ref()
                .map_or_else(|| "rules.ron".to_owned(), |p| p.display().to_string()),
            status: (!options.rules_problems.is_empty())
                .then(|| rules_ui::LoadStatus::Problems(options.rules_problems.clone())),
        };
        ScamcheckApp {
            settings,
            rules: Arc::new(options.rules),
            analyzer: None,
            has_cjk_font,
            check,
            screen: Screen::Start,
            listen: listen_ui::Listen::default(),
            listen_return: Screen::Start,
            hang_up_return: Screen::Question,
            cases,
            demo: demo_ui::Demo::default(),
            quiz: quiz_ui::Quiz::default(),
            rules_path: options.rules_path,
            rules_panel,
            summary: summary_ui::SummaryBox::default(),
            confirm_reset: false,
            commands: Vec::new(),
            applied_contrast: None,
            first_frame_reported: false,
            title_lang: None,
        }
    }

    /// The screen being shown.
    pub fn screen(&self) -> &Screen {
        &self.screen
    }

    /// The live check.
    pub fn check(&self) -> &Check {
        &self.check
    }

    /// The current settings.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The rules in use.
    pub fn rules(&self) -> &RuleSet {
        &self.rules
    }

    /// The "What are they saying?" text and its analysis.
    pub fn listen(&self) -> &listen_ui::Listen {
        &self.listen
    }

    /// Where the demo is.
    pub fn demo(&self) -> &demo_ui::Demo {
        &self.demo
    }

    /// The summary section (path and last outcome).
    pub fn summary_box(&mut self) -> &mut summary_ui::SummaryBox {
        &mut self.summary
    }

    /// The outcome of the last rule-file load.
    pub fn rules_status(&self) -> Option<&rules_ui::LoadStatus> {
        self.rules_panel.status.as_ref()
    }

    /// Whether the "clear everything?" question is open.
    pub fn is_confirming_reset(&self) -> bool {
        self.confirm_reset
    }

    fn view(&self) -> View<'_> {
        view_of(&self.rules, &self.check, &self.settings)
    }

    fn apply(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::StartCheck => self.resume_walk(),
            Command::Continue => {
                if matches!(self.screen, Screen::HangUp(_)) && self.hang_up_return == Screen::Listen
                {
                    self.screen = Screen::Listen;
                } else {
                    self.resume_walk();
                }
            }
            Command::Answer(id, answer) => {
                let next = self.check.answer(&self.rules, &id, answer);
                self.show(next);
            }
            Command::Back => {
                let moved = self.check.back();
                if self.screen == Screen::Question && !moved {
                    self.screen = Screen::Start;
                } else {
                    self.screen = Screen::Question;
                }
            }
            Command::Home => self.screen = Screen::Start,
            Command::StartOver => {
                self.check = Check::new(&self.rules);
                self.listen = listen_ui::Listen::default();
                self.summary = summary_ui::SummaryBox::default();
                self.screen = Screen::Start;
            }
            Command::DemoList => {
                self.demo = demo_ui::Demo::default();
                self.screen = Screen::Demo;
            }
            Command::DemoOpen(case) => {
                if self.cases.as_ref().is_ok_and(|c| case < c.cases.len()) {
                    self.demo = demo_ui::Demo {
                        case: Some(case),
                        step: 0,
                    };
                    self.screen = Screen::Demo;
                }
            }
            Command::DemoNext => {
                if let Ok(cases) = &self.cases {
                    self.demo.next(cases);
                }
            }
            Command::DemoPrevious => {
                self.demo.previous();
            }
            Command::QuizOpen => {
                self.quiz = quiz_ui::Quiz::default();
                self.screen = Screen::Quiz;
            }
            Command::QuizAdvance => {
                if let Ok(cases) = &self.cases {
                    self.quiz.advance(cases);
                }
            }
            Command::QuizPrevious => self.quiz.previous(),
            Command::OpenRules => self.screen = Screen::Rules,
            Command::LoadRules(path) => {
                if path.is_empty() {
                    self.rules_panel.status = Some(rules_ui::LoadStatus::Problems(vec![
                        strings(self.settings.lang).rules_file.to_owned(),
                    ]));
                } else {
                    self.load_rules(Some(PathBuf::from(path)));
                }
            }
            Command::ReloadRules => self.load_rules(self.rules_path.clone()),
            Command::SaveSummary => {
                let text = self.summary_text();
                let path = PathBuf::from(self.summary.path.trim());
                let s = strings(self.settings.lang);
                self.summary.status = Some(match save_new(&path, &text) {
                    Ok(()) => (
                        true,
                        strings::fill(s.summary_saved, &[("path", &path.display())]),
                    ),
                    Err(err) => (false, err.message(self.settings.lang)),
                });
            }
            Command::CopySummary => {
                ctx.copy_text(self.summary_text());
                self.summary.status =
                    Some((true, strings(self.settings.lang).summary_copied.to_owned()));
            }
            Command::AskReset => self.confirm_reset = true,
            Command::CancelReset => self.confirm_reset = false,
            Command::Reset => {
                self.check = Check::new(&self.rules);
                self.listen = listen_ui::Listen::default();
                self.demo = demo_ui::Demo::default();
                self.quiz = quiz_ui::Quiz::default();
                self.summary = summary_ui::SummaryBox::default();
                self.confirm_reset = false;
                self.screen = Screen::Start;
            }
            Command::ToggleFullscreen => {
                let fullscreen = ctx.input(|i| i.viewport().fullscreen.unwrap_or(false));
                ctx.send_viewport_cmd(ViewportCommand::Fullscreen(!fullscreen));
            }
            Command::OpenListen => {
                if self.screen != Screen::Listen {
                    self.listen_return = self.screen.clone();
                    self.screen = Screen::Listen;
                    self.listen.focus_text();
                }
            }
            Command::CloseListen => self.screen = self.listen_return.clone(),
            Command::ShowResult => self.screen = Screen::Result,
            Command::AlreadyPaid => {
                self.check.answer(&self.rules, ALREADY_PAID, Answer::Yes);
                self.screen = Screen::Emergency;
            }
            Command::SetLang(lang) => {
                if lang == Lang::Zh && !self.has_cjk_font {
                    return;
                }
                self.settings.lang = lang;
            }
            Command::Zoom(steps) => {
                let zoom = (ctx.zoom_factor() + f32::from(steps) * ZOOM_STEP)
                    .clamp(ZOOM_RANGE.0, ZOOM_RANGE.1);
                ctx.set_zoom_factor(zoom);
                self.settings.zoom = zoom;
            }
            Command::SetHighContrast(on) => self.settings.high_contrast = on,
        }
    }

    /// The analyser for the text check, compiled on first use.
    fn listen_analyzer(&mut self) -> Option<Arc<Analyzer>> {
        if self.analyzer.is_none() {
            match Analyzer::new(self.rules.clone()) {
                Ok(analyzer) => self.analyzer = Some(Arc::new(analyzer)),
                // Only a pattern too large to compile gets here (rule files are checked when
                // they load); the text check then says so instead of finding nothing.
                Err(err) => self.listen.set_error(err.to_string()),
            }
        }
        self.analyzer.clone()
    }

    /// Goes on with the question walk, or to the result when everything is answered.
    fn resume_walk(&mut self) {
        self.screen = match self.check.resume() {
            Next::Result => Screen::Result,
            _ => Screen::Question,
        };
    }

    /// Shows what the check says comes next. An answer recorded from the text check keeps the
    /// person there, unless it interrupts; "Continue" then returns there.
    fn show(&mut self, next: Next) {
        let from_listen = self.screen == Screen::Listen;
        self.screen = match next {
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
    }

    /// Loads rules from `path` (or the embedded ones). A broken file changes nothing but the
    /// message on the rules screen; a good one takes effect at once, keeping the answers.
    fn load_rules(&mut self, path: Option<PathBuf>) {
        let loaded = match &path {
            Some(path) => RuleSet::load(path),
            None => RuleSet::embedded(),
        };
        // A file is used only when its patterns compile too.
        let loaded = loaded.and_then(|rules| Analyzer::new(Arc::new(rules)));
        self.rules_panel.status = Some(match loaded {
            Ok(analyzer) => {
                self.rules = analyzer.rules().clone();
                self.analyzer = Some(Arc::new(analyzer));
                self.rules_path = path;
                if let Some(reason) = self.check.rescore(&self.rules) {
                    self.show(Next::HangUp(reason));
                }
                self.listen.invalidate();
                self.cases = Cases::embedded(&self.rules).map_err(|err| err.to_string());
                rules_ui::LoadStatus::Loaded {
                    questions: self.rules.questions().len(),
                    origin: self.rules.origin().to_owned(),
                }
            }
            Err(err) => rules_ui::LoadStatus::Problems(err.lines()),
        });
    }

    /// The summary of the live check, in the current language.
    fn summary_text(&self) -> String {
        let when = chrono::Local::now().format("%Y-%m-%d %H:%M").to_string();
        summary(
            &SummaryInput {
                rules: &self.rules,
                answers: self.check.answers(),
                verdict: self.check.verdict(),
                number: &self.listen.number,
                when: &when,
            },
            self.settings.lang,
        )
    }

    /// Keys that work on every screen, then the screen's own keys. Ignored while a text field
    /// has the keyboard.
    fn keys(&mut self, ctx: &egui::Context) {
        if ctx.egui_wants_keyboard_input() {
            return;
        }
        let view = self.view();
        let mut commands = Vec::new();
        ctx.input(|input| {
            if self.confirm_reset {
                if input.key_pressed(Key::Enter) {
                    commands.push(Command::Reset);
                }
                if input.key_pressed(Key::Escape) {
                    commands.push(Command::CancelReset);
                }
                return;
            }
            if input.key_pressed(Key::F11) {
                commands.push(Command::ToggleFullscreen);
            }
            if input.key_pressed(Key::F5) {
                commands.push(Command::AskReset);
            }
            if input.key_pressed(Key::Escape) {
                match &self.screen {
                    Screen::Start => {}
                    Screen::Demo if self.demo.case.is_some() => commands.push(Command::DemoList),
                    Screen::Quiz => commands.push(Command::DemoList),
                    _ => commands.push(Command::Home),
                }
            }
            if input.key_pressed(Key::T) && matches!(self.screen, Screen::Start | Screen::Question)
            {
                commands.push(Command::OpenListen);
            }
            match &self.screen {
                Screen::Start => start_ui::keys(input, &view, &mut commands),
                Screen::Question => question_ui::keys(input, &view, &mut commands),
                Screen::HangUp(_) => hang_up_ui::keys(input, &mut commands),
                Screen::Demo => demo_ui::keys(input, self.demo.case.is_some(), &mut commands),
                Screen::Quiz => quiz_ui::keys(input, &mut commands),
                Screen::Result | Screen::Emergency | Screen::Listen | Screen::Rules => {}
            }
        });
        self.commands.extend(commands);
    }

    /// Navigation on the left, then language, text size and contrast; the bar wraps onto a
    /// second row in a narrow window instead of hiding anything.
    fn top_bar_ui(&mut self, ui: &mut egui::Ui) {
        let view = self.view();
        let s = view.s;
        ui.style_mut().override_font_id = Some(egui::FontId::proportional(theme::SMALL + 1.0));
        ui.spacing_mut().item_spacing.x = 8.0;
        ui.spacing_mut().button_padding.x = 12.0;
        ui.horizontal_wrapped(|ui| {
            let title = ui.add(
                egui::Button::new(RichText::new(s.app_name).strong().size(theme::SMALL + 2.0))
                    .frame(false),
            );
            if title.on_hover_text(s.home).clicked() {
                self.commands.push(Command::Home);
            }
            let listening = self.screen == Screen::Listen;
            if ui.selectable_label(listening, s.listen_open).clicked() {
                self.commands.push(if listening {
                    Command::CloseListen
                } else {
                    Command::OpenListen
                });
            }
            if ui
                .selectable_label(self.screen.is_demo(), s.demo_open)
                .clicked()
            {
                self.commands.push(Command::DemoList);
            }
            if ui
                .selectable_label(self.screen == Screen::Rules, s.rules_open)
                .clicked()
            {
                self.commands.push(Command::OpenRules);
            }
            ui.separator();
            for lang in [Lang::Zh, Lang::En] {
                let label = match lang {
                    Lang::Zh if self.has_cjk_font => "中文",
                    Lang::Zh => "Chinese",
                    Lang::En => "English",
                };
                let enabled = lang == Lang::En || self.has_cjk_font;
                let response = ui.add_enabled(
                    enabled,
                    egui::Button::selectable(self.settings.lang == lang, label),
                );
                if response.clicked() {
                    self.commands.push(Command::SetLang(lang));
                }
            }
            ui.separator();
            for (text, label, steps) in [("A−", s.smaller_text, -1), ("A+", s.larger_text, 1)] {
                let response = ui.button(RichText::new(text).strong());
                // Screen readers (and tests) know the button by what it does.
                response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, label));
                if response.on_hover_text(label).clicked() {
                    self.commands.push(Command::Zoom(steps));
                }
            }
            let hc = self.settings.high_contrast;
            if ui.selectable_label(hc, s.high_contrast).clicked() {
                self.commands.push(Command::SetHighContrast(!hc));
            }
        });
    }
}

impl eframe::App for ScamcheckApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        if self.applied_contrast != Some(self.settings.high_contrast) {
            theme::apply(&ctx, self.settings.high_contrast);
            self.applied_contrast = Some(self.settings.high_contrast);
        }
        if self.title_lang != Some(self.settings.lang) {
            ctx.send_viewport_cmd(ViewportCommand::Title(
                strings(self.settings.lang).window_title.to_owned(),
            ));
            self.title_lang = Some(self.settings.lang);
        }
        self.keys(&ctx);
        let palette = Palette::new(self.settings.high_contrast);

        egui::Panel::top("top_bar")
            .frame(egui::Frame::new().fill(palette.panel).inner_margin(10))
            .show(ui, |ui| self.top_bar_ui(ui));

        if matches!(
            self.rules_panel.status,
            Some(rules_ui::LoadStatus::Problems(_))
        ) && self.rules_path.is_none()
            && self.screen != Screen::Rules
        {
            let s = strings(self.settings.lang);
            egui::Panel::top("rules_notice")
                .frame(egui::Frame::new().fill(palette.panel).inner_margin(8))
                .show(ui, |ui| {
                    let notice = RichText::new(s.rules_start_problems)
                        .size(theme::SMALL + 1.0)
                        .color(palette.level(Level::HangUp));
                    if ui.link(notice).clicked() {
                        self.commands.push(Command::OpenRules);
                    }
                });
        }
        if !self.has_cjk_font {
            egui::Panel::top("font_notice")
                .frame(egui::Frame::new().fill(palette.panel).inner_margin(8))
                .show(ui, |ui| {
                    ui.label(RichText::new(strings(Lang::En).font_missing).size(theme::SMALL));
                });
        }

        let view = view_of(&self.rules, &self.check, &self.settings);
        if self.screen.is_demo() {
            egui::Panel::top("demo_banner")
                .frame(
                    egui::Frame::new()
                        .fill(palette.demo_banner)
                        .inner_margin(10),
                )
                .show(ui, |ui| {
                    ui.vertical_centered(|ui| {
                        ui.label(
                            RichText::new(view.s.demo_banner)
                                .strong()
                                .size(theme::BODY)
                                .color(palette.on_demo_banner),
                        );
                    });
                });
        }
        let hint = match &self.screen {
            Screen::Start => Some(view.s.keys_start),
            Screen::Question => Some(view.s.keys_question),
            Screen::HangUp(_) => Some(view.s.keys_hang_up),
            Screen::Demo => Some(view.s.demo_keys),
            Screen::Quiz => Some(view.s.quiz_keys),
            Screen::Result | Screen::Emergency | Screen::Listen | Screen::Rules => None,
        };
        if let Some(hint) = hint {
            egui::Panel::bottom("key_hints")
                .frame(egui::Frame::new().fill(palette.panel).inner_margin(8))
                .show(ui, |ui| {
                    ui.label(
                        RichText::new(hint)
                            .size(theme::SMALL)
                            .color(palette.weak_text),
                    );
                });
        }

        let background = match self.screen {
            Screen::HangUp(_) => palette.hang_up_background,
            _ => palette.background,
        };
        let mut commands = Vec::new();
        egui::CentralPanel::default()
            .frame(egui::Frame::new().fill(background).inner_margin(20))
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        centered_column(ui, |ui| match &self.screen {
                            Screen::Start => start_ui::ui(ui, &view, &mut commands),
                            Screen::Question => question_ui::ui(ui, &view, &mut commands),
                            Screen::HangUp(reason) => {
                                hang_up_ui::ui(ui, &view, reason, &mut commands);
                            }
                            Screen::Result => {
                                result_ui::ui(ui, &view, &mut commands);
                                summary_ui::ui(ui, &view, &mut self.summary, &mut commands);
                            }
                            Screen::Emergency => {
                                emergency_ui::ui(ui, &view, &mut commands);
                                summary_ui::ui(ui, &view, &mut self.summary, &mut commands);
                            }
                            Screen::Demo | Screen::Quiz => match &self.cases {
                                Ok(cases) if self.screen == Screen::Demo => {
                                    demo_ui::ui(ui, &view, cases, &self.demo, &mut commands);
                                }
                                Ok(cases) => {
                                    quiz_ui::ui(ui, &view, cases, &self.quiz, &mut commands);
                                }
                                Err(err) => {
                                    ui.label(
                                        RichText::new(err).color(palette.level(Level::HangUp)),
                                    );
                                }
                            },
                            Screen::Rules => {
                                rules_ui::ui(ui, &view, &mut self.rules_panel, &mut commands);
                            }
                            Screen::Listen => {
                                listen_ui::ui(ui, &view, &mut self.listen, &mut commands);
                            }
                        });
                    });
            });
        if self.confirm_reset {
            reset_ui(&ctx, view.s, &palette, &mut commands);
        }
        self.commands.extend(commands);
        // Only runs when the text changed; then one more frame shows the new highlights.
        let analyzer = (self.screen == Screen::Listen)
            .then(|| self.listen_analyzer())
            .flatten();
        if analyzer.is_some_and(|a| self.listen.reanalyze(&a)) {
            ctx.request_repaint();
        }

        for command in std::mem::take(&mut self.commands) {
            self.apply(&ctx, command);
        }
        // Ctrl +/− zoom is egui's own; remember whatever the zoom is now.
        self.settings.zoom = ctx.zoom_factor();
        if !self.first_frame_reported {
            self.first_frame_reported = true;
            report_first_frame();
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }

    /// egui's own memory (cursor positions in the text boxes, scroll offsets) says something
    /// about the call, so it is not written to disk; only [`Settings`] are.
    fn persist_egui_memory(&self) -> bool {
        false
    }
}

/// The "clear everything for the next person?" question.
fn reset_ui(ctx: &egui::Context, s: &Strings, palette: &Palette, commands: &mut Vec<Command>) {
    egui::Modal::new(egui::Id::unique("confirm_reset")).show(ctx, |ui| {
        ui.set_width(520.0);
        widgets::heading(ui, s.reset_title, palette.text);
        ui.label(s.reset_body);
        ui.horizontal(|ui| {
            if widgets::big_button(ui, palette, s.reset_yes, widgets::Kind::Urgent, 300.0).clicked()
            {
                commands.push(Command::Reset);
            }
            if widgets::big_button(ui, palette, s.reset_no, widgets::Kind::Normal, 180.0).clicked()
            {
                commands.push(Command::CancelReset);
            }
        });
    });
}

fn view_of<'a>(rules: &'a RuleSet, check: &'a Check, settings: &Settings) -> View<'a> {
    View {
        rules,
        check,
        lang: settings.lang,
        s: strings(settings.lang),
        palette: Palette::new(settings.high_contrast),
    }
}

/// Lays out `add` in a column at most [`theme::MAX_WIDTH`] wide, centred in the window.
fn centered_column(ui: &mut egui::Ui, add: impl FnOnce(&mut egui::Ui)) {
    let width = ui.available_width().min(theme::MAX_WIDTH);
    let margin = ((ui.available_width() - width) / 2.0).max(0.0);
    ui.horizontal(|ui| {
        ui.add_space(margin);
        ui.vertical(|ui| {
            ui.set_width(width);
            add(ui);
        });
    });
}

/// The environment variable that makes the app print when its first frame was laid out, so
/// `scripts/measure.sh` can time start-up from outside.
pub const FIRST_FRAME_ENV: &str = "SCAMCHECK_PRINT_FIRST_FRAME";

/// Prints `first-frame-unix-ns N` on standard error when [`FIRST_FRAME_ENV`] is set.
pub fn report_first_frame() {
    if std::env::var_os(FIRST_FRAME_ENV).is_some() {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        eprintln!("first-frame-unix-ns {now}");
    }
}

/// Window size, minimum size, title and icon.
pub fn native_options() -> eframe::NativeOptions {
    eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(strings(Lang::from_system()).window_title)
            .with_app_id("scamcheck")
            .with_inner_size([1100.0, 820.0])
            .with_min_inner_size([640.0, 560.0])
            .with_icon(Arc::new(icon::icon(128))),
        // The Chinese font is found and installed by the app itself.
        system_font_fallback: false,
        ..Default::default()
    }
}

/// Opens the window and runs until it is closed.
///
/// # Errors
/// When no window or graphics context can be created.
pub fn run(options: AppOptions) -> eframe::Result {
    eframe::run_native(
        "scamcheck",
        native_options(),
        Box::new(|cc| Ok(Box::new(ScamcheckApp::new(cc, options)))),
    )
}

/// The screen's key map as documented in the hints: the answer keys.
fn answer_for_key(input: &egui::InputState) -> Option<Answer> {
    if input.key_pressed(Key::Y) || input.key_pressed(Key::Num1) {
        Some(Answer::Yes)
    } else if input.key_pressed(Key::N) || input.key_pressed(Key::Num2) {
        Some(Answer::No)
    } else if input.key_pressed(Key::U) || input.key_pressed(Key::Num3) {
        Some(Answer::Unsure)
    } else {
        None
    }
}
