//! Demo mode for volunteers: replay a real case step by step and watch the risk climb, scored
//! by the same engine as a live check, with the moment to hang up marked. Its answers live
//! here only and never touch the live check.

use eframe::egui::{self, InputState, Key, RichText, Stroke, Ui};

use super::widgets::{self, Kind};
use super::{Command, View, theme};
use crate::cases::{Case, Cases, SaidFrom};
use crate::level::Level;
use crate::strings::fill;

/// Where the demo is: the case list, or a step of one case (`step == steps.len()` is the end).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Demo {
    /// The case being replayed, by index.
    pub case: Option<usize>,
    /// The step shown.
    pub step: usize,
}

impl Demo {
    /// Next step, up to the end page.
    pub fn next(&mut self, cases: &Cases) {
        if let Some(case) = self.case.and_then(|i| cases.cases.get(i)) {
            self.step = (self.step + 1).min(case.steps.len());
        }
    }

    /// Previous step, down to the first.
    pub fn previous(&mut self) {
        self.step = self.step.saturating_sub(1);
    }
}

pub fn ui(ui: &mut Ui, view: &View<'_>, cases: &Cases, demo: &Demo, commands: &mut Vec<Command>) {
    match demo.case.and_then(|i| cases.cases.get(i)) {
        None => list_ui(ui, view, cases, commands),
        Some(case) if demo.step >= case.steps.len() => end_ui(ui, view, case, commands),
        Some(case) => step_ui(ui, view, case, demo.step, commands),
    }
}

fn list_ui(ui: &mut Ui, view: &View<'_>, cases: &Cases, commands: &mut Vec<Command>) {
    let s = view.s;
    let p = &view.palette;
    widgets::heading(ui, s.demo_cases, p.text);
    ui.label(RichText::new(s.demo_pick).color(p.weak_text));
    let width = ui.available_width();
    for (i, case) in cases.cases.iter().enumerate() {
        if widgets::big_button(ui, p, case.title.get(view.lang), Kind::Normal, width).clicked() {
            commands.push(Command::DemoOpen(i));
        }
    }
    ui.add_space(8.0);
    if !cases.quiz.is_empty()
        && widgets::big_button(ui, p, s.quiz_open, Kind::Primary, width).clicked()
    {
        commands.push(Command::QuizOpen);
    }
}

fn step_ui(ui: &mut Ui, view: &View<'_>, case: &Case, step: usize, commands: &mut Vec<Command>) {
    let s = view.s;
    let p = &view.palette;
    let lang = view.lang;
    let current = &case.steps[step];

    widgets::heading(ui, case.title.get(lang), p.text);
    ui.label(
        RichText::new(fill(
            s.demo_step_of,
            &[("n", &(step + 1)), ("total", &case.steps.len())],
        ))
        .size(theme::SMALL)
        .color(p.weak_text),
    );
    let verdict = case.verdict_through(view.rules, step);
    widgets::risk_meter(ui, p, s, verdict.level, verdict.level_name.get(lang));

    ui.label(RichText::new(current.narration.get(lang)).size(theme::BODY + 4.0));
    if let Some(said) = &current.said {
        let label = match said.from {
            SaidFrom::Quote => s.demo_caller_says,
            SaidFrom::Paraphrase => s.demo_caller_paraphrase,
        };
        let line = said.text();
        ui.label(RichText::new(label).color(p.weak_text));
        egui::Frame::new()
            .fill(p.panel)
            .stroke(Stroke::new(2.0, p.border))
            .corner_radius(10)
            .inner_margin(14)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(
                    RichText::new(format!("“{}”", line.get(lang)))
                        .size(theme::QUESTION * 0.8)
                        .strong(),
                );
            });
    }
    if !current.yes.is_empty() {
        let shorts: Vec<&str> = current
            .yes
            .iter()
            .filter_map(|id| view.rules.question(id))
            .map(|q| q.short.get(lang))
            .collect();
        ui.label(
            RichText::new(format!("{} {}", s.demo_answers, shorts.join(" · "))).color(p.weak_text),
        );
    }

    if let Some(tip) = &current.hang_up {
        egui::Frame::new()
            .fill(p.hang_up_background)
            .corner_radius(12)
            .inner_margin(16)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal(|ui| {
                    widgets::level_icon_in(
                        ui,
                        Level::HangUp,
                        56.0,
                        p.on_hang_up,
                        p.hang_up_background,
                    );
                    ui.label(
                        RichText::new(s.demo_hang_up_here)
                            .size(theme::HEADING)
                            .strong()
                            .color(p.on_hang_up),
                    );
                });
                ui.label(
                    RichText::new(tip.get(lang))
                        .size(theme::BODY + 2.0)
                        .color(p.on_hang_up),
                );
                let first_3 =
                    (0..=step).find(|i| case.verdict_through(view.rules, *i).level.is_hang_up());
                if let Some(first) = first_3.filter(|first| *first < step) {
                    ui.label(
                        RichText::new(fill(s.demo_already_at, &[("n", &(first + 1))]))
                            .color(p.on_hang_up),
                    );
                }
            });
    }

    nav_ui(ui, view, step > 0, commands);
}

fn end_ui(ui: &mut Ui, view: &View<'_>, case: &Case, commands: &mut Vec<Command>) {
    let s = view.s;
    let p = &view.palette;
    let lang = view.lang;
    widgets::heading(ui, case.title.get(lang), p.text);
    widgets::heading(ui, s.demo_end, p.level(Level::HangUp));
    ui.label(
        RichText::new(case.loss.get(lang))
            .size(theme::QUESTION * 0.8)
            .strong(),
    );
    ui.add_space(8.0);
    widgets::heading(ui, s.demo_tips, p.text);
    for tip in &case.tips {
        widgets::bullet(ui, tip.get(lang), p.text);
    }
    nav_ui(ui, view, true, commands);
}

fn nav_ui(ui: &mut Ui, view: &View<'_>, can_go_back: bool, commands: &mut Vec<Command>) {
    let s = view.s;
    let p = &view.palette;
    ui.add_space(12.0);
    ui.horizontal(|ui| {
        let third = (ui.available_width() - 2.0 * ui.spacing().item_spacing.x) / 3.0;
        if can_go_back && widgets::big_button(ui, p, s.demo_prev, Kind::Normal, third).clicked() {
            commands.push(Command::DemoPrevious);
        }
        if widgets::big_button(ui, p, s.demo_next, Kind::Primary, third).clicked() {
            commands.push(Command::DemoNext);
        }
        if widgets::big_button(ui, p, s.demo_other, Kind::Normal, third).clicked() {
            commands.push(Command::DemoList);
        }
    });
}

/// In the case list, 1–9 open a case; in a case, Space/→ and ←/Backspace step.
pub fn keys(input: &InputState, in_case: bool, commands: &mut Vec<Command>) {
    if !in_case {
        for (i, key) in widgets::NUMBER_KEYS.into_iter().enumerate() {
            if input.key_pressed(key) {
                commands.push(Command::DemoOpen(i));
            }
        }
        if input.key_pressed(Key::Q) {
            commands.push(Command::QuizOpen);
        }
        return;
    }
    if input.key_pressed(Key::Space) || input.key_pressed(Key::ArrowRight) {
        commands.push(Command::DemoNext);
    }
    if input.key_pressed(Key::ArrowLeft) || input.key_pressed(Key::Backspace) {
        commands.push(Command::DemoPrevious);
    }
}
