//! "Scam or not?": a line at a time for the audience, their guess, then the answer and the
//! reason; at the end, the score, and again or back to the cases.

use eframe::egui::{self, RichText, Stroke, Ui};

use super::command::{Command, Go, QuizCommand};
use super::widgets::{self, Kind};
use super::{View, theme};
use crate::cases::Cases;
use crate::level::Level;
use crate::strings::fill;

/// Which line is shown, whether its answer is revealed, and the audience's guesses.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Quiz {
    index: usize,
    revealed: bool,
    /// The guess for each line, when one was given: `true` for "scam".
    guesses: Vec<Option<bool>>,
    finished: bool,
}

impl Quiz {
    /// The line shown, by index.
    pub fn index(&self) -> usize {
        self.index
    }

    /// Whether the answer of the line shown is revealed.
    pub fn is_revealed(&self) -> bool {
        self.revealed
    }

    /// Whether the last line is behind and the score is shown.
    pub fn is_finished(&self) -> bool {
        self.finished
    }

    /// The audience's guess for the line shown; reveals the answer.
    pub fn guess(&mut self, is_scam: bool) {
        if self.finished {
            return;
        }
        if self.guesses.len() <= self.index {
            self.guesses.resize(self.index + 1, None);
        }
        self.guesses[self.index] = Some(is_scam);
        self.revealed = true;
    }

    /// Reveals the answer, or goes to the next line once revealed; after the last, the score.
    pub fn advance(&mut self, cases: &Cases) {
        if self.finished {
            return;
        }
        if !self.revealed {
            self.revealed = true;
        } else if self.index + 1 < cases.quiz.len() {
            self.index += 1;
            self.revealed = false;
        } else {
            self.finished = true;
        }
    }

    /// The previous line, hidden again (from the score: the last line).
    pub fn previous(&mut self) {
        if self.finished {
            self.finished = false;
        } else {
            self.index = self.index.saturating_sub(1);
            self.revealed = false;
        }
    }

    /// How many guesses were right, and how many were given.
    pub fn score(&self, cases: &Cases) -> (usize, usize) {
        let given: Vec<(bool, bool)> = self
            .guesses
            .iter()
            .zip(&cases.quiz)
            .filter_map(|(guess, item)| guess.map(|g| (g, item.is_scam)))
            .collect();
        (given.iter().filter(|(g, is)| g == is).count(), given.len())
    }
}

pub fn content_ui(ui: &mut Ui, view: &View<'_>, cases: &Cases, quiz: &Quiz) {
    let s = view.s;
    let p = &view.palette;
    let lang = view.lang;
    if quiz.finished {
        let (right, given) = quiz.score(cases);
        widgets::heading(ui, s.quiz_done, p.text);
        ui.label(
            RichText::new(fill(
                s.quiz_score,
                &[
                    ("right", &right),
                    ("given", &given),
                    ("total", &cases.quiz.len()),
                ],
            ))
            .size(theme::QUESTION)
            .strong(),
        );
        ui.label(RichText::new(s.quiz_done_hint).color(p.weak_text));
        return;
    }
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
    if !quiz.revealed {
        return;
    }
    let (level, answer) = if item.is_scam {
        (Level::HangUp, s.quiz_scam)
    } else {
        (Level::NoFlags, s.quiz_not_scam)
    };
    widgets::text_row(ui, |ui| {
        widgets::level_icon(ui, p, level, 48.0);
        ui.label(
            RichText::new(answer)
                .size(theme::HEADING * 1.2)
                .strong()
                .color(p.level(level)),
        );
    });
    if let Some(guess) = quiz.guesses.get(quiz.index).copied().flatten() {
        let verdict = if guess == item.is_scam {
            s.quiz_right
        } else {
            s.quiz_wrong
        };
        ui.label(RichText::new(verdict).strong().size(theme::BODY + 2.0));
    }
    ui.label(RichText::new(item.reason.get(lang)).size(theme::BODY + 4.0));
    if let Some(title) = cases.source_title(&item.source) {
        ui.label(
            RichText::new(format!("{}: {}", s.rules_source, title.get(lang)))
                .size(theme::SMALL)
                .color(p.weak_text),
        );
    }
}

/// The audience's guess, then the next line; at the end, again or back.
pub fn actions_ui(
    ui: &mut Ui,
    view: &View<'_>,
    cases: &Cases,
    quiz: &Quiz,
    commands: &mut Vec<Command>,
) {
    let s = view.s;
    let (buttons, actions): (Vec<(&str, Kind)>, Vec<Command>) = if quiz.finished {
        (
            vec![(s.quiz_again, Kind::Primary), (s.demo_other, Kind::Normal)],
            vec![Command::Quiz(QuizCommand::Open), Command::Go(Go::Demo)],
        )
    } else if quiz.revealed {
        let next = if quiz.index + 1 < cases.quiz.len() {
            s.quiz_next
        } else {
            s.quiz_see_score
        };
        (
            vec![(next, Kind::Primary), (s.demo_other, Kind::Normal)],
            vec![Command::Quiz(QuizCommand::Advance), Command::Go(Go::Demo)],
        )
    } else {
        (
            vec![
                (s.quiz_scam, Kind::Urgent),
                (s.quiz_not_scam, Kind::Normal),
                (s.quiz_reveal, Kind::Primary),
            ],
            vec![
                Command::Quiz(QuizCommand::Guess(true)),
                Command::Quiz(QuizCommand::Guess(false)),
                Command::Quiz(QuizCommand::Advance),
            ],
        )
    };
    if let Some(i) = widgets::button_row(ui, &view.palette, &buttons) {
        commands.extend(actions.into_iter().nth(i));
    }
}
