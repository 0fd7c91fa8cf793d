//! The interrupt: the moment the verdict says "hang up now" (a critical "yes", a combination or
//! the score), a full screen that says so, why, the words to end the call, and what to do next.

use eframe::egui::{InputState, Key, RichText, Ui};

use super::widgets::{self, Kind};
use super::{Command, View, theme};
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

pub fn ui(ui: &mut Ui, view: &View<'_>, reason: &HangUpReason, commands: &mut Vec<Command>) {
    let s = view.s;
    let p = &view.palette;
    let on = p.on_hang_up;
    let width = ui.available_width();

    ui.horizontal(|ui| {
        widgets::level_icon_in(ui, Level::HangUp, 72.0, on, p.hang_up_background);
        ui.label(
            RichText::new(s.hang_up_now)
                .size(theme::HEADING * 1.6)
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

    ui.add_space(6.0);
    ui.label(RichText::new(s.say_this).color(on));
    ui.label(
        RichText::new(format!("“{}”", view.rules.hang_up_script().get(view.lang)))
            .size(theme::QUESTION * 0.8)
            .strong()
            .color(on),
    );

    // The actions come before the list, so they are on screen without scrolling.
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        let gap = ui.spacing().item_spacing.x;
        let third = (width - 2.0 * gap) / 3.0;
        if widgets::big_button(ui, p, s.i_hung_up, Kind::Normal, third).clicked() {
            commands.push(Command::ShowResult);
        }
        if widgets::big_button(ui, p, s.continue_check, Kind::Normal, third).clicked() {
            commands.push(Command::Continue);
        }
        if widgets::big_button(ui, p, s.already_paid, Kind::Normal, third).clicked() {
            commands.push(Command::AlreadyPaid);
        }
    });

    ui.add_space(6.0);
    ui.label(RichText::new(s.then).strong().color(on));
    if let Some(level) = view.rules.level(Level::HangUp) {
        for advice in &level.advice {
            widgets::bullet(ui, advice.get(view.lang), on);
        }
    }
}

pub fn keys(input: &InputState, commands: &mut Vec<Command>) {
    if input.key_pressed(Key::Enter) {
        commands.push(Command::ShowResult);
    }
    if input.key_pressed(Key::C) {
        commands.push(Command::Continue);
    }
}
