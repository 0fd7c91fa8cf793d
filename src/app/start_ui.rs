//! The start screen: one big action, the "they are asking me to…" cards for the critical
//! signs (one click to the hang-up advice), and a separate "I already paid" action.

use eframe::egui::{self, InputState, Key, RichText, Ui};

use super::widgets::{self, Kind};
use super::{Command, View, theme};
use crate::answers::Answer;
use crate::rules::{Question, Severity};

/// The critical questions, shown as cards.
fn cards<'a>(view: &View<'a>) -> Vec<&'a Question> {
    view.rules
        .questions()
        .iter()
        .filter(|q| q.severity == Severity::Critical)
        .take(widgets::NUMBER_KEYS.len())
        .collect()
}

pub fn ui(ui: &mut Ui, view: &View<'_>, commands: &mut Vec<Command>) {
    let s = view.s;
    let p = &view.palette;
    let width = ui.available_width();

    if view.check.is_empty() {
        if widgets::big_button(ui, p, s.start_check, Kind::Primary, width).clicked() {
            commands.push(Command::StartCheck);
        }
    } else {
        // Resuming and starting over share one row, so the cards stay on screen.
        ui.horizontal(|ui| {
            let gap = ui.spacing().item_spacing.x;
            let resume = ((width - gap) * 2.0 / 3.0).floor();
            if widgets::big_button(ui, p, s.resume_check, Kind::Primary, resume).clicked() {
                commands.push(Command::StartCheck);
            }
            if widgets::big_button(ui, p, s.start_over, Kind::Normal, width - gap - resume)
                .clicked()
            {
                commands.push(Command::StartOver);
            }
        });
    }
    ui.label(RichText::new(s.start_hint).color(p.weak_text));

    ui.add_space(4.0);
    widgets::heading(ui, s.asking_now, p.text);
    let cards = cards(view);
    let gap = ui.spacing().item_spacing.x;
    let card_width = ((width - gap) / 2.0).floor();
    egui::Grid::new("asking_now_cards")
        .num_columns(2)
        .spacing([gap, gap])
        .show(ui, |ui| {
            for (i, q) in cards.iter().enumerate() {
                let size = egui::vec2(card_width, theme::CARD);
                let answered = view.check.answers().is_yes(&q.id);
                if widgets::big_button_sized(
                    ui,
                    p,
                    q.short.get(view.lang),
                    Kind::Normal,
                    size,
                    answered,
                )
                .clicked()
                {
                    commands.push(Command::Answer(q.id.clone(), Answer::Yes));
                }
                if i % 2 == 1 {
                    ui.end_row();
                }
            }
        });

    ui.add_space(4.0);
    ui.separator();
    if widgets::big_button(ui, p, s.already_paid, Kind::Urgent, width).clicked() {
        commands.push(Command::AlreadyPaid);
    }
    ui.label(RichText::new(s.already_paid_hint).color(p.weak_text));
}

pub fn keys(input: &InputState, view: &View<'_>, commands: &mut Vec<Command>) {
    if input.key_pressed(Key::Enter) {
        commands.push(Command::StartCheck);
    }
    if input.key_pressed(Key::P) {
        commands.push(Command::AlreadyPaid);
    }
    if input.key_pressed(Key::D) {
        commands.push(Command::DemoList);
    }
    if input.key_pressed(Key::R) {
        commands.push(Command::OpenRules);
    }
    for (q, key) in cards(view).iter().zip(widgets::NUMBER_KEYS) {
        if input.key_pressed(key) {
            commands.push(Command::Answer(q.id.clone(), Answer::Yes));
        }
    }
}
