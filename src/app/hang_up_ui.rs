//! The interrupt: the moment the verdict says "hang up now" (a critical "yes", a combination or
//! the score), a full screen that says so, why, the words to end the call, and what to do next.

use eframe::egui::{RichText, Ui};

use super::command::{CheckCommand, Command, Go};
use super::widgets::{self, Kind};
use super::{View, theme};
use crate::level::Level;
use crate::rules::RuleSet;
use crate::session::HangUpReason;
use crate::text::Text;

/// The one sentence that says why: the question's reason, the combination's explanation, or
/// the level's summary when the score alone got there.
pub fn reason_text<'r>(rules: &'r RuleSet, reason: &HangUpReason) -> Option<&'r Text> {
    match reason {
        HangUpReason::Flag(id) => rules.question(id).and_then(|q| q.hang_up_reason.as_ref()),
        HangUpReason::Rule(id) => rules
            .combinations()
            .iter()
            .find(|c| c.id == *id)
            .map(|c| &c.explain),
        HangUpReason::Score => rules.level(Level::HangUp).map(|l| &l.summary),
    }
}

pub fn content_ui(ui: &mut Ui, view: &View<'_>, reason: &HangUpReason) {
    let s = view.s;
    let p = &view.palette;
    let on = p.on_hang_up;

    widgets::text_row(ui, |ui| {
        widgets::level_icon_in(ui, Level::HangUp, 64.0, on, p.hang_up_background);
        ui.label(
            RichText::new(s.hang_up_now)
                .size(theme::HEADING * 1.4)
                .strong()
                .color(on),
        );
    });
    if let Some(reason) = reason_text(view.rules, reason) {
        ui.label(
            RichText::new(reason.get(view.lang))
                .size(theme::QUESTION * 0.8)
                .color(on),
        );
    }
    if let Some(call) = view.trusted.call_line(s) {
        ui.label(RichText::new(call).size(theme::QUESTION).strong().color(on));
    }
    ui.label(RichText::new(s.say_this).color(on));
    ui.label(
        RichText::new(format!("“{}”", view.rules.hang_up_script().get(view.lang)))
            .size(theme::QUESTION * 0.8)
            .strong()
            .color(on),
    );
    ui.label(RichText::new(s.then).strong().color(on));
    if let Some(level) = view.rules.level(Level::HangUp) {
        for advice in &level.advice {
            widgets::bullet(ui, advice.get(view.lang), on);
        }
    }
}

/// What next, go on with the check, or "I already paid": always in view.
pub fn actions_ui(ui: &mut Ui, view: &View<'_>, commands: &mut Vec<Command>) {
    let s = view.s;
    let buttons = [
        (s.i_hung_up, Kind::Primary),
        (s.continue_check, Kind::Normal),
        (s.already_paid, Kind::Urgent),
    ];
    match widgets::button_row(ui, &view.palette, &buttons) {
        Some(0) => commands.push(Command::Go(Go::Result)),
        Some(1) => commands.push(Command::Go(Go::Continue)),
        Some(_) => commands.push(Command::Check(CheckCommand::AlreadyPaid)),
        None => {}
    }
}
