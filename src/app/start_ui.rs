//! The start screen: one big action, the "they are asking me to…" cards for the critical
//! signs (one click to the hang-up advice), and a separate "I already paid" action that always
//! stays in view.

use eframe::egui::{self, RichText, Ui};

use super::command::{CheckCommand, Command, Go};
use super::keymap::NUMBERED;
use super::widgets::{self, Kind};
use super::{View, theme};
use crate::answers::Answer;
use crate::rules::{Question, RuleSet, Severity};

/// The critical questions, shown as cards (as many as there are number keys).
pub fn cards(rules: &RuleSet) -> Vec<&Question> {
    rules
        .questions()
        .iter()
        .filter(|q| q.severity == Severity::Critical)
        .take(NUMBERED)
        .collect()
}

pub fn content_ui(ui: &mut Ui, view: &View<'_>, commands: &mut Vec<Command>) {
    let s = view.s;
    let p = &view.palette;
    let width = ui.available_width();

    if view.check.is_empty() {
        if widgets::big_button(ui, p, s.start_check, Kind::Primary, width).clicked() {
            commands.push(Command::Go(Go::StartCheck));
        }
    } else {
        // Resuming and starting over share one row, so the cards stay on screen.
        ui.horizontal(|ui| {
            let gap = ui.spacing().item_spacing.x;
            let resume = ((width - gap) * 2.0 / 3.0).floor();
            if widgets::big_button(ui, p, s.resume_check, Kind::Primary, resume).clicked() {
                commands.push(Command::Go(Go::StartCheck));
            }
            if widgets::big_button(ui, p, s.start_over, Kind::Normal, width - gap - resume)
                .clicked()
            {
                commands.push(Command::Check(CheckCommand::StartOver));
            }
        });
    }
    ui.label(RichText::new(s.start_hint).color(p.weak_text));

    widgets::heading(ui, s.asking_now, p.text);
    let cards = cards(view.rules);
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
                    commands.push(Command::Check(CheckCommand::Answer(
                        q.id.clone(),
                        Answer::Yes,
                    )));
                }
                if i % 2 == 1 {
                    ui.end_row();
                }
            }
        });
}

/// The action that must never scroll away: "I already paid or gave a code".
pub fn actions_ui(ui: &mut Ui, view: &View<'_>, commands: &mut Vec<Command>) {
    let s = view.s;
    if widgets::button_row(ui, &view.palette, &[(s.already_paid, Kind::Urgent)]).is_some() {
        commands.push(Command::Check(CheckCommand::AlreadyPaid));
    }
}
