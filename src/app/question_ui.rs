//! One question at a time: large type, Yes / No / Not sure, Back, progress, why it matters.

use eframe::egui::{InputState, Key, RichText, Ui, vec2};

use super::widgets::{self, Kind};
use super::{Command, View, answer_for_key, theme};
use crate::answers::Answer;
use crate::strings::fill;

pub fn ui(ui: &mut Ui, view: &View<'_>, commands: &mut Vec<Command>) {
    let s = view.s;
    let p = &view.palette;
    let verdict = view.check.verdict();
    widgets::risk_meter(ui, p, s, verdict.level, verdict.level_name.get(view.lang));
    ui.add_space(8.0);

    let Some(question) = view.check.current().and_then(|id| view.rules.question(id)) else {
        // The walk is over (e.g. after the rules were reloaded): offer the result.
        if widgets::big_button(ui, p, s.see_advice_now, Kind::Primary, ui.available_width())
            .clicked()
        {
            commands.push(Command::ShowResult);
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
    ui.add_space(12.0);

    let current = view.check.answers().get(&question.id);
    let gap = ui.spacing().item_spacing.x;
    let width = ((ui.available_width() - 2.0 * gap) / 3.0).floor();
    ui.horizontal(|ui| {
        for (answer, label) in [
            (Answer::Yes, s.yes),
            (Answer::No, s.no),
            (Answer::Unsure, s.unsure),
        ] {
            let size = vec2(width, theme::BIG_BUTTON + 24.0);
            let selected = current == Some(answer);
            if widgets::big_button_sized(ui, p, label, Kind::Normal, size, selected).clicked() {
                commands.push(Command::Answer(question.id.clone(), answer));
            }
        }
    });

    ui.add_space(12.0);
    ui.label(RichText::new(s.why_matters).strong().color(p.text));
    ui.label(RichText::new(question.why.get(view.lang)).color(p.weak_text));
    ui.add_space(12.0);

    ui.horizontal(|ui| {
        if widgets::big_button(ui, p, s.back, Kind::Normal, 200.0).clicked() {
            commands.push(Command::Back);
        }
        if widgets::big_button(ui, p, s.see_advice_now, Kind::Normal, 320.0).clicked() {
            commands.push(Command::ShowResult);
        }
    });
}

pub fn keys(input: &InputState, view: &View<'_>, commands: &mut Vec<Command>) {
    if let (Some(answer), Some(id)) = (answer_for_key(input), view.check.current()) {
        commands.push(Command::Answer(id.to_owned(), answer));
    }
    if input.key_pressed(Key::Backspace) || input.key_pressed(Key::ArrowLeft) {
        commands.push(Command::Back);
    }
}
