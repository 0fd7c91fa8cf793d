//! The window. Screens draw from a read-only [`View`] and push [`Command`]s; [`App::logic`]
//! turns keys into commands, applies them and does the work that is not drawing, so no widget
//! changes the model in the middle of a layout.
//!
//! [`App::logic`]: eframe::App::logic

mod command;
mod demo_ui;
mod emergency_ui;
pub mod fonts;
mod frame_ui;
mod hang_up_ui;
mod icon;
pub mod keymap;
pub mod listen_ui;
mod question_ui;
mod quiz_ui;
mod result_ui;
pub mod rules_ui;
mod start_ui;
mod summary_ui;
pub mod theme;
mod top_bar_ui;
mod widgets;

use std::path::PathBuf;
use std::sync::Arc;

use eframe::egui::{self, ViewportCommand};
use serde::{Deserialize, Serialize};

pub use command::{
    CheckCommand, Command, DemoCommand, Go, QuizCommand, ResetCommand, RulesCommand,
    SettingsCommand, SummaryCommand,
};
pub use demo_ui::Demo;
pub use quiz_ui::Quiz;
pub use summary_ui::{SummaryBox, SummaryStatus};

use crate::analyze::Analyzer;
use crate::cases::Cases;
use crate::rules::{LoadError, RuleSet};
use crate::session::{Check, HangUpReason};
use crate::strings::{Strings, strings};
use crate::text::Lang;
use fonts::CjkFont;
use keymap::{KeyContext, Scope};
use theme::Palette;

/// The smallest zoom the controls allow.
pub const ZOOM_MIN: f32 = 0.6;
/// The largest zoom any window allows; a smaller window allows less (see [`max_zoom`]).
pub const ZOOM_MAX: f32 = 3.0;
/// One step of the zoom controls.
pub const ZOOM_STEP: f32 = 0.1;
/// Every screen is laid out to work in this much room (in points, after zoom): the largest
/// zoom of a window is the one that still leaves it.
pub const MIN_ROOM: egui::Vec2 = egui::vec2(640.0, 480.0);

/// What is kept between runs: only preferences, never anything about a call.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The interface language.
    pub lang: Lang,
    /// The text size asked for (egui's zoom factor); a small window may show less.
    pub zoom: f32,
    /// White and yellow on black instead of the calm light theme.
    pub high_contrast: bool,
    /// The person to call, shown on the urgent screens; empty by default.
    pub trusted: TrustedContact,
}

/// Someone the person trusts (a son, a neighbour), put in by whoever set the app up. Kept with
/// the settings on this computer, never sent anywhere.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TrustedContact {
    /// What the person calls them.
    pub name: String,
    /// Their phone number.
    pub phone: String,
}

impl TrustedContact {
    /// "Now call …", when there is a number to call.
    pub fn call_line(&self, s: &crate::strings::Strings) -> Option<String> {
        let phone = self.phone.trim();
        if phone.is_empty() {
            return None;
        }
        let name = self.name.trim();
        Some(if name.is_empty() {
            crate::strings::fill(s.call_trusted_unnamed, &[("phone", &phone)])
        } else {
            crate::strings::fill(s.call_trusted, &[("name", &name), ("phone", &phone)])
        })
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            lang: Lang::from_system(),
            zoom: 1.0,
            high_contrast: false,
            trusted: TrustedContact::default(),
        }
    }
}

/// The screens.
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

/// Everything a screen needs to draw itself.
pub struct View<'a> {
    pub rules: &'a RuleSet,
    pub check: &'a Check,
    pub lang: Lang,
    pub s: &'static Strings,
    pub palette: Palette,
    /// The person to call from the urgent screens.
    pub trusted: &'a TrustedContact,
}

/// How the app starts: which rules, which language, which Chinese font.
pub struct AppOptions {
    /// The rule set to use.
    pub rules: RuleSet,
    /// Its compiled patterns, when they were compiled already (a rule file given at start);
    /// otherwise they compile when the text check is first opened.
    pub analyzer: Option<Analyzer>,
    /// Language from the command line; overrides the saved one.
    pub lang: Option<Lang>,
    /// The Chinese font, or `None` when the machine has none.
    pub cjk_font: Option<Arc<CjkFont>>,
    /// The file the rules came from (`None`: the built-in rules), for "Reload".
    pub rules_path: Option<PathBuf>,
    /// Why a rule file asked for at start could not be used; the app then runs with the
    /// built-in rules and says so.
    pub rules_problem: Option<LoadError>,
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
            analyzer: None,
            lang: None,
            cjk_font: None,
            rules_path: None,
            rules_problem: None,
        }
    }
}

/// The scamcheck window.
pub struct ScamcheckApp {
    settings: Settings,
    rules: Arc<RuleSet>,
    /// The compiled text patterns: compiled on a background thread when the text check is
    /// first opened (nothing else needs them, so a start that never opens it never pays for
    /// them). Rule files loaded later come with theirs.
    analyzer: Option<Arc<Analyzer>>,
    /// The background compilation of [`Self::analyzer`], while it runs.
    compiling: Option<std::thread::JoinHandle<Result<Analyzer, LoadError>>>,
    has_cjk_font: bool,
    check: Check,
    screen: Screen,
    listen: listen_ui::Listen,
    /// Where "Back" on the listen screen returns to.
    listen_return: Screen,
    /// Where "Continue" on the hang-up screen returns to: the walk, or the text check.
    hang_up_return: Screen,
    /// The demo cases, checked against the rules in use (or why they could not be).
    cases: Result<Cases, LoadError>,
    demo: Demo,
    quiz: Quiz,
    rules_path: Option<PathBuf>,
    rules_panel: rules_ui::RulesPanel,
    summary: SummaryBox,
    /// The "clear everything?" question is open.
    confirm_reset: bool,
    /// The menu of a narrow window is open.
    menu_open: bool,
    /// The next frame shows the screen from its top (a new screen or step).
    scroll_to_top: bool,
    /// The control that had the keyboard focus last frame: one that gains it (Tab) is scrolled
    /// into view once.
    focus_seen: Option<egui::Id>,
    /// Commands from the last frame's widgets, applied by the next [`eframe::App::logic`].
    commands: Vec<Command>,
    /// The contrast the theme was last applied for.
    applied_contrast: Option<bool>,
    /// Whether the first frame's time was printed for `scripts/measure.sh`.
    first_frame_reported: bool,
    /// The language the window title was last set in.
    title_lang: Option<Lang>,
}

impl ScamcheckApp {
    /// Builds the app: restores settings, installs fonts and the theme.
    pub fn new(cc: &eframe::CreationContext<'_>, options: AppOptions) -> ScamcheckApp {
        // A settings file that is corrupt or half-written is ignored: the defaults are used.
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
        if !settings.zoom.is_finite() {
            settings.zoom = 1.0;
        }
        settings.zoom = settings.zoom.clamp(ZOOM_MIN, ZOOM_MAX);
        fonts::install(&cc.egui_ctx, options.cjk_font.as_deref());
        // Ctrl +/− go through the keymap, so the zoom stays within what the window can show.
        cc.egui_ctx.options_mut(|o| o.zoom_with_keyboard = false);
        cc.egui_ctx.set_zoom_factor(settings.zoom);
        // A rule file checked in full at start comes with its compiled patterns.
        let analyzer = options.analyzer.map(Arc::new);
        let rules = analyzer
            .as_ref()
            .map_or_else(|| Arc::new(options.rules), |a| a.rules().clone());
        let check = Check::new(&rules);
        let cases = Cases::embedded(&rules);
        let rules_panel = rules_ui::RulesPanel {
            path: options
                .rules_path
                .as_ref()
                .map_or_else(|| "rules.ron".to_owned(), |p| p.display().to_string()),
            status: options
                .rules_problem
                .map(rules_ui::LoadStatus::ProblemsAtStart),
            trusted: settings.trusted.clone(),
            handout_folder: crate::summary::default_folder().display().to_string(),
            handout: None,
        };
        ScamcheckApp {
            settings,
            analyzer,
            compiling: None,
            rules,
            has_cjk_font,
            check,
            screen: Screen::Start,
            listen: listen_ui::Listen::default(),
            listen_return: Screen::Start,
            hang_up_return: Screen::Question,
            cases,
            demo: Demo::default(),
            quiz: Quiz::default(),
            rules_path: options.rules_path,
            rules_panel,
            summary: SummaryBox::default(),
            confirm_reset: false,
            menu_open: false,
            scroll_to_top: false,
            focus_seen: None,
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

    /// Whether the text patterns are compiled or compiling: not before the text check is
    /// first opened.
    pub fn patterns_started(&self) -> bool {
        self.analyzer.is_some() || self.compiling.is_some()
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
    pub fn demo(&self) -> &Demo {
        &self.demo
    }

    /// Where the quiz is.
    pub fn quiz(&self) -> &Quiz {
        &self.quiz
    }

    /// The summary section (path and last outcome).
    pub fn summary_box(&mut self) -> &mut SummaryBox {
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

    /// Whether the menu of a narrow window is open.
    pub fn is_menu_open(&self) -> bool {
        self.menu_open
    }

    /// The table of every key, in the interface language, as Markdown (the README's copy).
    pub fn key_table(&self) -> String {
        keymap::markdown_table(
            crate::strings::strings(self.settings.lang),
            self.card_ids().len(),
            self.case_count(),
        )
    }

    /// Queues a command for the next frame, as a click or a key would.
    pub fn send(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// The keymap scope of what is on screen.
    fn scope(&self) -> Scope {
        if self.confirm_reset {
            return Scope::ResetDialog;
        }
        match self.screen {
            Screen::Start => Scope::Start,
            Screen::Question => Scope::Question,
            Screen::HangUp(_) => Scope::HangUp,
            Screen::Demo if self.demo.case().is_some() => Scope::DemoCase,
            Screen::Demo => Scope::DemoList,
            Screen::Quiz => Scope::Quiz,
            Screen::Result | Screen::Emergency | Screen::Listen | Screen::Rules => {
                Scope::Everywhere
            }
        }
    }

    /// Where Esc leads from here: the case list from a case or the quiz, otherwise the start.
    fn leave_command(&self) -> Option<Command> {
        match &self.screen {
            Screen::Start => None,
            Screen::Demo if self.demo.case().is_some() => Some(Command::Go(Go::Demo)),
            Screen::Quiz => Some(Command::Go(Go::Demo)),
            Screen::Listen => Some(Command::Go(Go::LeaveListen)),
            _ => Some(Command::Go(Go::Home)),
        }
    }

    /// The ids of the start screen's cards, in order.
    fn card_ids(&self) -> Vec<String> {
        start_ui::cards(&self.rules)
            .iter()
            .map(|q| q.id.clone())
            .collect()
    }

    /// How many demo cases there are.
    fn case_count(&self) -> usize {
        self.cases.as_ref().map_or(0, |c| c.cases.len())
    }

    /// The keys pressed this frame, as commands.
    fn key_commands(&self, ctx: &egui::Context) -> Vec<Command> {
        // Most frames have no key press: nothing to look up.
        let pressed = ctx.input(|input| {
            input
                .events
                .iter()
                .any(|e| matches!(e, egui::Event::Key { pressed: true, .. }))
        });
        if !pressed {
            return Vec::new();
        }
        let cards = self.card_ids();
        let context = KeyContext {
            cards: &cards,
            cases: self.case_count(),
            current_question: self.check.current(),
            leave: self.leave_command(),
        };
        let text_focused = ctx.text_edit_focused();
        ctx.input(|input| keymap::commands(input, self.scope(), text_focused, &context))
    }

    /// Sets the text size asked for, shown as large as the window allows.
    fn set_zoom(&mut self, ctx: &egui::Context, zoom: f32) {
        self.settings.zoom = zoom.clamp(ZOOM_MIN, max_zoom(ctx));
        ctx.set_zoom_factor(self.settings.zoom);
    }

    /// The analyser for the text check, once compiled. While the background compilation
    /// runs, the screen shows without findings; only text waiting to be analysed waits for it.
    fn listen_analyzer(&mut self) -> Option<Arc<Analyzer>> {
        if self.analyzer.is_none() {
            let running = self.compiling.as_ref().is_some_and(|c| !c.is_finished());
            if running && !self.listen.is_stale() {
                return None;
            }
            let compiled = match self.compiling.take().map(std::thread::JoinHandle::join) {
                Some(Ok(compiled)) => compiled,
                // Not started, or the thread failed: compile here.
                _ => Analyzer::new(self.rules.clone()),
            };
            match compiled {
                Ok(analyzer) => self.analyzer = Some(Arc::new(analyzer)),
                // Only a pattern too large to compile gets here (rule files are checked when
                // they load); the text check then says so instead of finding nothing.
                Err(err) => self.listen.set_error(err),
            }
        }
        self.analyzer.clone()
    }
}

/// The largest zoom at which this window still leaves [`MIN_ROOM`] for a screen.
pub fn max_zoom(ctx: &egui::Context) -> f32 {
    let at_zoom_1 = ctx.content_rect().size() * ctx.zoom_factor();
    let fits = (at_zoom_1.x / MIN_ROOM.x).min(at_zoom_1.y / MIN_ROOM.y);
    fits.clamp(1.0, ZOOM_MAX)
}

impl eframe::App for ScamcheckApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        if self.applied_contrast != Some(self.settings.high_contrast) {
            theme::apply(ctx, self.settings.high_contrast);
            self.applied_contrast = Some(self.settings.high_contrast);
        }
        if self.title_lang != Some(self.settings.lang) {
            ctx.send_viewport_cmd(ViewportCommand::Title(
                strings(self.settings.lang).window_title.to_owned(),
            ));
            self.title_lang = Some(self.settings.lang);
        }
        // A smaller window (or a restored large zoom) shows only as much as still fits.
        let shown = self.settings.zoom.min(max_zoom(ctx));
        if (ctx.zoom_factor() - shown).abs() > f32::EPSILON {
            ctx.set_zoom_factor(shown);
        }

        let mut commands = std::mem::take(&mut self.commands);
        commands.extend(self.key_commands(ctx));
        for command in commands {
            self.apply(ctx, command);
        }
        // The patterns compile in the background once the text check is opened.
        if self.screen == Screen::Listen && self.analyzer.is_none() && self.compiling.is_none() {
            let rules = self.rules.clone();
            self.compiling = std::thread::Builder::new()
                .name("compile patterns".to_owned())
                .spawn(move || Analyzer::new(rules))
                .ok();
        }
        match &self.compiling {
            Some(compiling) if compiling.is_finished() => {
                self.listen_analyzer();
            }
            // Look again shortly: the thread does not wake the window when it is done.
            Some(_) => ctx.request_repaint_after(std::time::Duration::from_millis(50)),
            None => {}
        }
        // The text check analyses only after an edit; the next frame shows the highlights.
        let analyzer = (self.screen == Screen::Listen)
            .then(|| self.listen_analyzer())
            .flatten();
        if analyzer.is_some_and(|a| self.listen.reanalyze(&a)) {
            ctx.request_repaint();
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        frame_ui::ui(ui, self);
        if !self.commands.is_empty() {
            ui.ctx().request_repaint();
        }
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
            .with_min_inner_size(MIN_ROOM)
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
