//! Money or a code has already gone: 110 now, the bank, the platform, 96110, keep the
//! evidence, pay no "fees".

use eframe::egui::{RichText, Ui};

use super::command::{CheckCommand, Command, Go};
use super::widgets::{self, Kind};
use super::{View, theme};
use crate::level::Level;

pub fn content_ui(ui: &mut Ui, view: &View<'_>) {
    let s = view.s;
    let p = &view.palette;
    let lang = view.lang;
    let emergency = view.rules.emergency();

    widgets::text_row(ui, |ui| {
        widgets::level_icon(ui, p, Level::HangUp, 56.0);
        ui.label(
            RichText::new(emergency.title.get(lang))
                .size(theme::HEADING)
                .strong()
                .color(p.level(Level::HangUp)),
        );
    });
    if let Some(call) = view.trusted.call_line(s) {
        ui.label(
            RichText::new(call)
                .size(theme::QUESTION)
                .strong()
                .color(p.text),
        );
    }
    for (i, step) in emergency.steps.iter().enumerate() {
        widgets::numbered(
            ui,
            i + 1,
            step.text.get(lang),
            p.level(Level::HangUp),
            p.text,
        );
    }

    widgets::heading(ui, s.who_to_call, p.text);
    widgets::hotlines(ui, view.rules, lang, p.text);
    ui.label(RichText::new(s.not_your_fault).strong().color(p.text));
}

/// The result, or start over.
pub fn actions_ui(ui: &mut Ui, view: &View<'_>, commands: &mut Vec<Command>) {
    let s = view.s;
    let buttons = [
        (s.result_title, Kind::Normal),
        (s.start_over, Kind::Primary),
    ];
    match widgets::button_row(ui, &view.palette, &buttons) {
        Some(0) => commands.push(Command::Go(Go::Result)),
        Some(_) => commands.push(Command::Check(CheckCommand::StartOver)),
        None => {}
    }
}
