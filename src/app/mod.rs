//! The window. Screens draw from a read-only [`View`] and push [`Command`]s; the app applies
//! them at the end of the frame, so no widget mutates the model from deep inside a layout.

mod emergency_ui;
pub mod fonts;
mod hang_up_ui;
mod icon;
pub mod listen_ui;
mod question_ui;
mod result_ui;
mod start_ui;
pub mod strings;
pub mod theme;
mod widgets;

use std::sync::Arc;

use eframe::egui::{self, Key, RichText, ViewportCommand};
use serde::{Deserialize, Serialize};

use crate::engine::Answer;
use crate::rules::{ALREADY_PAID, RuleSet};
use crate::session::{Check, Next};
use crate::text::Lang;
use fonts::CjkFont;
use strings::{Strings, strings};
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
    /// A critical "yes": hang up now. Names the question that triggered it.
    HangUp(String),
    /// The verdict with every red flag and the advice.
    Result,
    /// Money or a code already gone: the after-the-fact steps.
    Emergency,
    /// "What are they saying?": text and number check.
    Listen,
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
}

impl AppOptions {
    /// The given rules with the system's Chinese font.
    pub fn new(rules: RuleSet) -> AppOptions {
        AppOptions {
            rules,
            lang: None,
            cjk_font: fonts::system_cjk_font(),
        }
    }
}

/// The scamcheck window.
pub struct ScamcheckApp {
    settings: Settings,
    rules: RuleSet,
    has_cjk_font: bool,
    check: Check,
    screen: Screen,
    listen: listen_ui::Listen,
    /// Where "Back" on the listen screen returns to.
    listen_return: Screen,
    commands: Vec<Command>,
    /// The contrast the theme was last applied for; applied on the first frame so nothing
    /// set up after construction (a host's default theme) overrides it.
    applied_contrast: Option<bool>,
    /// Whether the first frame's time was printed for `scripts/measure.sh`.
    first_frame_reported: bool,
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
        ScamcheckApp {
            settings,
            rules: options.rules,
            has_cjk_font,
            check,
            screen: Screen::Start,
            listen: listen_ui::Listen::default(),
            listen_return: Screen::Start,
            commands: Vec::new(),
            applied_contrast: None,
            first_frame_reported: false,
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

    fn view(&self) -> View<'_> {
        view_of(&self.rules, &self.check, &self.settings)
    }

    fn apply(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::StartCheck | Command::Continue => {
                self.screen = match self.check.resume() {
                    Next::Result => Screen::Result,
                    _ => Screen::Question,
                };
            }
            Command::Answer(id, answer) => {
                self.screen = match self.check.answer(&self.rules, &id, answer) {
                    Next::HangUp(id) => Screen::HangUp(id),
                    Next::Emergency => Screen::Emergency,
                    // An answer recorded from the text check keeps the person there.
                    _ if self.screen == Screen::Listen => Screen::Listen,
                    Next::Question => Screen::Question,
                    Next::Result => Screen::Result,
                };
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
                self.screen = Screen::Start;
            }
            Command::OpenListen => {
                if self.screen != Screen::Listen {
                    self.listen_return = self.screen.clone();
                    self.screen = Screen::Listen;
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
                ctx.send_viewport_cmd(ViewportCommand::Title(
                    strings(lang).window_title.to_owned(),
                ));
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

    /// Keys that work on every screen, then the screen's own keys. Ignored while a text field
    /// has the keyboard.
    fn keys(&mut self, ctx: &egui::Context) {
        if ctx.egui_wants_keyboard_input() {
            return;
        }
        let view = self.view();
        let mut commands = Vec::new();
        ctx.input(|input| {
            if input.key_pressed(Key::Escape) && self.screen != Screen::Start {
                commands.push(Command::Home);
            }
            if input.key_pressed(Key::T) && matches!(self.screen, Screen::Start | Screen::Question)
            {
                commands.push(Command::OpenListen);
            }
            match &self.screen {
                Screen::Start => start_ui::keys(input, &view, &mut commands),
                Screen::Question => question_ui::keys(input, &view, &mut commands),
                Screen::HangUp(_) => hang_up_ui::keys(input, &mut commands),
                Screen::Result | Screen::Emergency | Screen::Listen => {}
            }
        });
        self.commands.extend(commands);
    }

    fn top_bar_ui(&mut self, ui: &mut egui::Ui) {
        let view = self.view();
        let s = view.s;
        ui.horizontal_wrapped(|ui| {
            let title = ui.add(
                egui::Button::new(RichText::new(s.app_name).strong().size(theme::BODY))
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
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let hc = self.settings.high_contrast;
                if ui.selectable_label(hc, s.high_contrast).clicked() {
                    self.commands.push(Command::SetHighContrast(!hc));
                }
                ui.separator();
                for (text, label, steps) in [("A+", s.larger_text, 1), ("A−", s.smaller_text, -1)]
                {
                    let response = ui.button(RichText::new(text).strong());
                    // Screen readers (and tests) know the button by what it does.
                    response
                        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, label));
                    if response.on_hover_text(label).clicked() {
                        self.commands.push(Command::Zoom(steps));
                    }
                }
                ui.separator();
                for lang in [Lang::En, Lang::Zh] {
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
            });
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
        self.keys(&ctx);
        let palette = Palette::new(self.settings.high_contrast);

        egui::Panel::top("top_bar")
            .frame(egui::Frame::new().fill(palette.panel).inner_margin(10))
            .show(ui, |ui| self.top_bar_ui(ui));

        if !self.has_cjk_font {
            egui::Panel::top("font_notice")
                .frame(egui::Frame::new().fill(palette.panel).inner_margin(8))
                .show(ui, |ui| {
                    ui.label(RichText::new(strings(Lang::En).font_missing).size(theme::SMALL));
                });
        }

        let view = view_of(&self.rules, &self.check, &self.settings);
        let hint = match &self.screen {
            Screen::Start => Some(view.s.keys_start),
            Screen::Question => Some(view.s.keys_question),
            Screen::HangUp(_) => Some(view.s.keys_hang_up),
            Screen::Result | Screen::Emergency | Screen::Listen => None,
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
                            Screen::HangUp(id) => hang_up_ui::ui(ui, &view, id, &mut commands),
                            Screen::Result => result_ui::ui(ui, &view, &mut commands),
                            Screen::Emergency => emergency_ui::ui(ui, &view, &mut commands),
                            Screen::Listen => {
                                listen_ui::ui(ui, &view, &mut self.listen, &mut commands);
                            }
                        });
                    });
            });
        self.commands.extend(commands);
        // Only runs when the text changed since the last analysis.
        self.listen.reanalyze(&self.rules);

        for command in std::mem::take(&mut self.commands) {
            self.apply(&ctx, command);
        }
        if !self.first_frame_reported {
            self.first_frame_reported = true;
            report_first_frame();
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }
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
