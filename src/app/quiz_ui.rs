//! "Scam or not?": a line at a time for the audience, then the answer and the reason.

use eframe::egui::{self, InputState, Key, RichText, Stroke, Ui};

use super::widgets::{self, Kind};
use super::{Command, View, theme};
use crate::cases::Cases;
use crate::level::Level;
use crate::strings::fill;

/// Which line is shown and whether its answer is revealed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Quiz {
    /// The line shown.
    pub index: usize,
    /// Whether the answer is shown.
    pub revealed: bool,
}

impl Quiz {
    /// Reveals the answer, or goes to the next line once revealed (wrapping to the first).
    pub fn advance(&mut self, cases: &Cases) {
        if !self.revealed {
            self.revealed = true;
        } else if !cases.quiz.is_empty() {
            self.index = (self.index + 1) % cases.quiz.len();
            self.revealed = false;
        }
    }

    /// The previous line, hidden again.
    pub fn previous(&mut self) {
        self.index = self.index.saturating_sub(1);
        self.revealed = false;
    }
}

pub fn ui(ui: &mut Ui, view: &View<'_>, cases: &Cases, quiz: &Quiz, commands: &mut Vec<Command>) {
    let s = view.s;
    let p = &view.palette;
    let lang = view.lang;
    let Some(item) = cases.quiz.get(quiz.index) else {
        return;
    };
    widgets::heading(ui, s.quiz_title, p.text);
    ui.label(
        RichText::new(fill(
            s.quiz_of,
            &[("n", &(quiz.index + 1)), ("total", &cases.quiz.len())],
        ))
        .size(theme::SMALL)
        .color(p.weak_text),
    );
    egui::Frame::new()
        .fill(p.panel)
        .stroke(Stroke::new(2.0, p.border))
        .corner_radius(10)
        .inner_margin(16)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(item.line.get(lang))
                    .size(theme::QUESTION)
                    .strong(),
            );
        });

    let width = ui.available_width();
    if quiz.revealed {
        let (level, answer) = if item.is_scam {
            (Level::HangUp, s.quiz_scam)
        } else {
            (Level::NoFlags, s.quiz_not_scam)
        };
        ui.horizontal(|ui| {
            widgets::level_icon(ui, p, level, 56.0);
            ui.label(
                RichText::new(answer)
                    .size(theme::HEADING * 1.3)
                    .strong()
                    .color(p.level(level)),
            );
        });
        ui.label(RichText::new(item.reason.get(lang)).size(theme::BODY + 4.0));
        if let Some(title) = cases.source_title(&item.source) {
            ui.label(
                RichText::new(format!("{}: {}", s.rules_source, title.get(lang)))
                    .size(theme::SMALL)
                    .color(p.weak_text),
            );
        }
        if widgets::big_button(ui, p, s.quiz_next, Kind::Primary, width).clicked() {
            commands.push(Command::QuizAdvance);
        }
    } else if widgets::big_button(ui, p, s.quiz_reveal, Kind::Primary, width).clicked() {
        commands.push(Command::QuizAdvance);
    }
    if widgets::big_button(ui, p, s.demo_other, Kind::Normal, width / 2.0).clicked() {
        commands.push(Command::DemoList);
    }
}

pub fn keys(input: &InputState, commands: &mut Vec<Command>) {
    if input.key_pressed(Key::Space)
        || input.key_pressed(Key::ArrowRight)
        || input.key_pressed(Key::Enter)
    {
        commands.push(Command::QuizAdvance);
    }
    if input.key_pressed(Key::ArrowLeft) {
        commands.push(Command::QuizPrevious);
    }
}
