//! Money or a code has already gone: 110 now, the bank, 96110, keep evidence, pay no "fees".

use eframe::egui::{RichText, Ui};

use super::widgets::{self, Kind};
use super::{Command, View, theme};
use crate::level::Level;

pub fn ui(ui: &mut Ui, view: &View<'_>, commands: &mut Vec<Command>) {
    let s = view.s;
    let p = &view.palette;
    let lang = view.lang;
    let emergency = view.rules.emergency();
    let width = ui.available_width();

    ui.horizontal(|ui| {
        widgets::level_icon(ui, p, Level::HangUp, 64.0);
        ui.label(
            RichText::new(emergency.title.get(lang))
                .size(theme::HEADING)
                .strong()
                .color(p.level(Level::HangUp)),
        );
    });
    for (i, step) in emergency.steps.iter().enumerate() {
        widgets::text_row(ui, |ui| {
            ui.label(
                RichText::new(format!("{}.", i + 1))
                    .size(theme::QUESTION * 0.8)
                    .strong()
                    .color(p.level(Level::HangUp)),
            );
            ui.label(
                RichText::new(step.text.get(lang))
                    .size(theme::BODY + 4.0)
                    .color(p.text),
            );
        });
    }

    ui.add_space(8.0);
    widgets::heading(ui, s.who_to_call, p.text);
    widgets::hotlines(ui, view.rules, lang, p.text);
    ui.add_space(8.0);
    ui.label(RichText::new(s.not_your_fault).strong().color(p.text));

    ui.add_space(16.0);
    ui.horizontal(|ui| {
        let half = (width - ui.spacing().item_spacing.x) / 2.0;
        if widgets::big_button(ui, p, s.result_title, Kind::Normal, half).clicked() {
            commands.push(Command::ShowResult);
        }
        if widgets::big_button(ui, p, s.start_over, Kind::Primary, half).clicked() {
            commands.push(Command::StartOver);
        }
    });
}
