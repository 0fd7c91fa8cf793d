//! The frame around every screen: the top bar (one row, folding into a menu when narrow), any
//! notice, the screen's own actions in a bar at the bottom that never scrolls away, the key
//! hints when there is room, and the screen's content scrolling in between.

use eframe::egui::{self, RichText, Ui};

use super::command::{Command, Go, ResetCommand};
use super::top_bar_ui::{self, Bar};
use super::widgets::{self, Kind};
use super::{
    ScamcheckApp, Screen, View, demo_ui, emergency_ui, hang_up_ui, keymap, listen_ui, question_ui,
    quiz_ui, result_ui, rules_ui, start_ui, summary_ui, theme,
};
use crate::cases::Cases;
use crate::level::Level;
use crate::rules::LoadError;
use crate::strings::{Strings, strings};
use crate::text::Lang;
use theme::Palette;

/// Below this height (in points, after zoom) the key hints give their room to the content.
const HINTS_MIN_HEIGHT: f32 = 560.0;

pub(super) fn ui(ui: &mut Ui, app: &mut ScamcheckApp) {
    let ctx = ui.ctx().clone();
    let lang = app.settings.lang;
    let palette = Palette::new(app.settings.high_contrast);
    let view = View {
        rules: &app.rules,
        check: &app.check,
        lang,
        s: strings(lang),
        palette,
        trusted: &app.settings.trusted,
    };
    let s = view.s;
    let mut commands = Vec::new();
    let bar = Bar {
        screen: &app.screen,
        has_cjk_font: app.has_cjk_font,
        high_contrast: app.settings.high_contrast,
        menu_open: app.menu_open,
    };

    egui::Panel::top("top_bar")
        .frame(egui::Frame::new().fill(palette.panel).inner_margin(8))
        .show(ui, |ui| top_bar_ui::ui(ui, &view, &bar, &mut commands));
    if app.menu_open {
        egui::Panel::top("menu")
            .frame(egui::Frame::new().fill(palette.panel).inner_margin(8))
            .show(ui, |ui| top_bar_ui::menu_ui(ui, &view, &bar, &mut commands));
    }
    notices_ui(ui, app, &view, &mut commands);

    // The screen's own actions and the key hints, pinned to the bottom.
    let background = match app.screen {
        Screen::HangUp(_) => palette.hang_up_background,
        _ => palette.background,
    };
    let show_hints = ctx.content_rect().height() >= HINTS_MIN_HEIGHT;
    let hint = show_hints
        .then(|| screen_hint(app, s))
        .filter(|h| !h.is_empty());
    let has_actions = has_actions(app);
    if has_actions || hint.is_some() {
        egui::Panel::bottom("actions")
            .frame(
                egui::Frame::new()
                    .fill(background)
                    .inner_margin(egui::Margin::symmetric(20, 10)),
            )
            .show(ui, |ui| {
                let width = ui.available_width().min(theme::MAX_WIDTH);
                centered(ui, width, |ui| {
                    if has_actions {
                        actions_ui(ui, app, &view, &mut commands);
                    }
                    if let Some(hint) = &hint {
                        let color = match app.screen {
                            Screen::HangUp(_) => palette.on_hang_up,
                            _ => palette.weak_text,
                        };
                        ui.add(
                            egui::Label::new(RichText::new(hint).size(theme::SMALL).color(color))
                                .truncate(),
                        );
                    }
                });
            });
    }

    let mut scroll = egui::ScrollArea::vertical()
        .id_salt("screen")
        .auto_shrink([false, false]);
    if std::mem::take(&mut app.scroll_to_top) {
        scroll = scroll.vertical_scroll_offset(0.0);
    }
    let mut parts = Parts {
        screen: &app.screen,
        cases: &app.cases,
        demo: &app.demo,
        quiz: &app.quiz,
        listen: &mut app.listen,
        summary: &mut app.summary,
        rules_panel: &mut app.rules_panel,
    };
    egui::CentralPanel::default()
        .frame(egui::Frame::new().fill(background).inner_margin(20))
        .show(ui, |ui| {
            scroll.show(ui, |ui| {
                let width = ui.available_width().min(theme::MAX_WIDTH);
                centered(ui, width, |ui| {
                    content_ui(ui, &mut parts, &view, &mut commands);
                });
                // A control that gains the focus (Tab) is brought into view: below the fold
                // its focus ring would be invisible. egui does not scroll to it by itself.
                let focused = ui.ctx().memory(|m| m.focused());
                if focused != app.focus_seen {
                    app.focus_seen = focused;
                    if let Some(rect) = focused
                        .and_then(|id| ui.ctx().read_response(id))
                        .map(|r| r.rect)
                    {
                        ui.scroll_to_rect(rect, None);
                    }
                }
            });
        });

    if app.confirm_reset {
        reset_ui(&ctx, s, &palette, &mut commands);
    }
    app.commands.extend(commands);
}

/// What the screens draw from, besides the view: some of it edited in place (text boxes).
struct Parts<'a> {
    screen: &'a Screen,
    cases: &'a Result<Cases, LoadError>,
    demo: &'a demo_ui::Demo,
    quiz: &'a quiz_ui::Quiz,
    listen: &'a mut listen_ui::Listen,
    summary: &'a mut summary_ui::SummaryBox,
    rules_panel: &'a mut rules_ui::RulesPanel,
}

/// Notices above the screen: the demo banner, a rule file that could not be used, a missing
/// Chinese font.
fn notices_ui(ui: &mut Ui, app: &ScamcheckApp, view: &View<'_>, commands: &mut Vec<Command>) {
    let palette = view.palette;
    if app.screen.is_demo() {
        egui::Panel::top("demo_banner")
            .frame(egui::Frame::new().fill(palette.demo_banner).inner_margin(8))
            .show(ui, |ui| {
                ui.vertical_centered(|ui| {
                    ui.add(
                        egui::Label::new(
                            RichText::new(view.s.demo_banner)
                                .strong()
                                .size(theme::SMALL + 1.0)
                                .color(palette.on_demo_banner),
                        )
                        .truncate(),
                    );
                });
            });
    }
    let start_problems = matches!(
        app.rules_panel.status,
        Some(rules_ui::LoadStatus::ProblemsAtStart(_))
    );
    if start_problems && app.screen != Screen::Rules {
        egui::Panel::top("rules_notice")
            .frame(egui::Frame::new().fill(palette.panel).inner_margin(8))
            .show(ui, |ui| {
                let notice = RichText::new(view.s.rules_start_notice)
                    .size(theme::SMALL + 1.0)
                    .color(palette.level(Level::HangUp));
                if ui.link(notice).clicked() {
                    commands.push(Command::Go(Go::Rules));
                }
            });
    }
    if !app.has_cjk_font {
        egui::Panel::top("font_notice")
            .frame(egui::Frame::new().fill(palette.panel).inner_margin(8))
            .show(ui, |ui| {
                ui.label(RichText::new(strings(Lang::En).font_missing).size(theme::SMALL));
            });
    }
}

/// Whether the screen has actions that must stay in view.
fn has_actions(app: &ScamcheckApp) -> bool {
    match app.screen {
        Screen::Start
        | Screen::Question
        | Screen::HangUp(_)
        | Screen::Result
        | Screen::Emergency
        | Screen::Listen
        | Screen::Quiz => true,
        Screen::Demo => app.demo.case().is_some(),
        Screen::Rules => false,
    }
}

fn actions_ui(ui: &mut Ui, app: &ScamcheckApp, view: &View<'_>, commands: &mut Vec<Command>) {
    match (&app.screen, &app.cases) {
        (Screen::Start, _) => start_ui::actions_ui(ui, view, commands),
        (Screen::Question, _) => question_ui::actions_ui(ui, view, commands),
        (Screen::HangUp(_), _) => hang_up_ui::actions_ui(ui, view, commands),
        (Screen::Result, _) => result_ui::actions_ui(ui, view, commands),
        (Screen::Emergency, _) => emergency_ui::actions_ui(ui, view, commands),
        (Screen::Listen, _) => listen_ui::actions_ui(ui, view, &app.listen, commands),
        (Screen::Demo, Ok(cases)) => demo_ui::actions_ui(ui, view, cases, &app.demo, commands),
        (Screen::Quiz, Ok(cases)) => quiz_ui::actions_ui(ui, view, cases, &app.quiz, commands),
        (Screen::Demo | Screen::Quiz, Err(_)) => {
            if widgets::button_row(ui, &view.palette, &[(view.s.home, Kind::Normal)]).is_some() {
                commands.push(Command::Go(Go::Home));
            }
        }
        (Screen::Rules, _) => {}
    }
}

fn content_ui(ui: &mut Ui, app: &mut Parts<'_>, view: &View<'_>, commands: &mut Vec<Command>) {
    match app.screen {
        Screen::Start => start_ui::content_ui(ui, view, commands),
        Screen::Question => question_ui::content_ui(ui, view, commands),
        Screen::HangUp(reason) => hang_up_ui::content_ui(ui, view, reason),
        Screen::Result => {
            result_ui::content_ui(ui, view);
            summary_ui::ui(ui, view, app.summary, commands);
        }
        Screen::Emergency => {
            emergency_ui::content_ui(ui, view);
            summary_ui::ui(ui, view, app.summary, commands);
        }
        Screen::Listen => listen_ui::content_ui(ui, view, app.listen, commands),
        Screen::Demo | Screen::Quiz => match app.cases {
            Ok(cases) if *app.screen == Screen::Demo => {
                demo_ui::content_ui(ui, view, cases, app.demo, commands);
            }
            Ok(cases) => quiz_ui::content_ui(ui, view, cases, app.quiz),
            Err(err) => {
                ui.label(
                    RichText::new(view.s.cases_broken)
                        .strong()
                        .color(view.palette.level(Level::HangUp)),
                );
                for line in err.lines_in(view.lang) {
                    ui.label(RichText::new(line).monospace().size(theme::SMALL));
                }
            }
        },
        Screen::Rules => rules_ui::content_ui(ui, view, app.rules_panel, commands),
    }
}

/// The key hints of the screen shown, made from the keymap.
fn screen_hint(app: &ScamcheckApp, s: &Strings) -> String {
    keymap::hint(
        app.scope(),
        s,
        start_ui::cards(&app.rules).len(),
        app.case_count(),
        app.leave_command().is_some(),
    )
}

/// Lays out `add` in a column `width` wide, centred in the space there is.
fn centered(ui: &mut Ui, width: f32, add: impl FnOnce(&mut Ui)) {
    let margin = ((ui.available_width() - width) / 2.0).max(0.0);
    ui.horizontal(|ui| {
        ui.add_space(margin);
        ui.vertical(|ui| {
            ui.set_width(width);
            add(ui);
        });
    });
}

/// The "clear everything for the next person?" question.
fn reset_ui(ctx: &egui::Context, s: &Strings, palette: &Palette, commands: &mut Vec<Command>) {
    egui::Modal::new(egui::Id::unique("confirm_reset")).show(ctx, |ui| {
        let width = (ctx.content_rect().width() - 80.0).clamp(280.0, 560.0);
        ui.set_width(width);
        widgets::heading(ui, s.reset_title, palette.text);
        ui.label(s.reset_body);
        match widgets::button_row(
            ui,
            palette,
            &[(s.reset_yes, Kind::Urgent), (s.reset_no, Kind::Normal)],
        ) {
            Some(0) => commands.push(Command::Reset(ResetCommand::Confirm)),
            Some(_) => commands.push(Command::Reset(ResetCommand::Cancel)),
            None => {}
        }
    });
}
