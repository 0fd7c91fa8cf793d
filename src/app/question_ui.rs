//! One question at a time: large type, Yes / No / Not sure always in view at the bottom, Back,
//! progress, and why the question matters.

use eframe::egui::{RichText, Ui};

use super::command::{CheckCommand, Command, Go};
use super::widgets::{self, Kind};
use super::{View, theme};
use crate::answers::Answer;
use crate::strings::fill;

pub fn content_ui(ui: &mut Ui, view: &View<'_>, commands: &mut Vec<Command>) {
    let s = view.s;
    let p = &view.palette;
    let verdict = view.check.verdict();
    widgets::risk_meter(ui, p, s, verdict.level, verdict.level_name.get(view.lang));

    let Some(question) = view.check.current().and_then(|id| view.rules.question(id)) else {
        // The walk is over (e.g. after the rules were reloaded): offer the result.
        if widgets::big_button(ui, p, s.see_advice_now, Kind::Primary, ui.available_width())
            .clicked()
        {
            commands.push(Command::Go(Go::Result));
        }
        return;
    };
    let (n, total) = view.check.position();
    ui.label(
        RichText::new(format!(
            "{} · {}",
            fill(s.question_of, &[("n", &n), ("total", &total)]),
            s.step(question.step)
        ))
        .size(theme::SMALL)
        .color(p.weak_text),
    );
    ui.label(
        RichText::new(question.text.get(view.lang))
            .size(theme::QUESTION)
            .strong()
            .color(p.text),
    );
    ui.horizontal(|ui| {
        if widgets::big_button(ui, p, s.back, Kind::Normal, 200.0).clicked() {
            commands.push(Command::Check(CheckCommand::Back));
        }
        if widgets::big_button(ui, p, s.see_advice_now, Kind::Normal, 320.0).clicked() {
            commands.push(Command::Go(Go::Result));
        }
    });
    ui.label(RichText::new(s.why_matters).strong().color(p.text));
    ui.label(RichText::new(question.why.get(view.lang)).color(p.weak_text));
}

/// Yes / No / Not sure, always in view.
pub fn actions_ui(ui: &mut Ui, view: &View<'_>, commands: &mut Vec<Command>) {
    let s = view.s;
    let Some(id) = view.check.current() else {
        return;
    };
    let current = view.check.answers().get(id);
    let answers = [
        (Answer::Yes, s.yes),
        (Answer::No, s.no),
        (Answer::Unsure, s.unsure),
    ];
    let gap = ui.spacing().item_spacing.x;
    let width = ((ui.available_width() - 2.0 * gap) / 3.0).floor();
    ui.horizontal(|ui| {
        for (answer, label) in answers {
            let size = eframe::egui::vec2(width, theme::BIG_BUTTON);
            let selected = current == Some(answer);
            if widgets::big_button_sized(ui, &view.palette, label, Kind::Normal, size, selected)
                .clicked()
            {
                commands.push(Command::Check(CheckCommand::Answer(id.to_owned(), answer)));
            }
        }
    });
}
