//! Demo mode for volunteers: replay a real case step by step and watch the risk climb, scored
//! by the same engine as a live check, with the moment to hang up marked. Its answers live
//! here only and never touch the live check.

use eframe::egui::{self, RichText, Stroke, Ui};

use super::command::{Command, DemoCommand, Go, QuizCommand};
use super::widgets::{self, Kind};
use super::{View, theme};
use crate::cases::{Case, Cases, SaidFrom};
use crate::engine::Verdict;
use crate::level::Level;
use crate::rules::RuleSet;
use crate::strings::fill;

/// Where the demo is: the case list, or a step of one case (`step == steps.len()` is the end).
/// The verdict of every step is worked out when the case opens, not on every frame.
#[derive(Clone, Debug, Default)]
pub struct Demo {
    case: Option<usize>,
    step: usize,
    /// The verdict after each step of the open case.
    verdicts: Vec<Verdict>,
    /// The first step at which the check says "hang up now".
    first_hang_up: Option<usize>,
}

impl Demo {
    /// Case `case` at its first step, scored step by step; `None` if there is no such case.
    pub fn open(cases: &Cases, rules: &RuleSet, case: usize) -> Option<Demo> {
        let steps = cases.cases.get(case)?.steps.len();
        let replay = &cases.cases[case];
        let verdicts: Vec<Verdict> = (0..steps)
            .map(|step| replay.verdict_through(rules, step))
            .collect();
        let first_hang_up = verdicts.iter().position(Verdict::is_hang_up);
        Some(Demo {
            case: Some(case),
            step: 0,
            verdicts,
            first_hang_up,
        })
    }

    /// The case being replayed, by index.
    pub fn case(&self) -> Option<usize> {
        self.case
    }

    /// The step shown (the number of steps is the end page).
    pub fn step(&self) -> usize {
        self.step
    }

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

pub fn content_ui(
    ui: &mut Ui,
    view: &View<'_>,
    cases: &Cases,
    demo: &Demo,
    commands: &mut Vec<Command>,
) {
    match demo.case.and_then(|i| cases.cases.get(i)) {
        None => list_ui(ui, view, cases, commands),
        Some(case) if demo.step >= case.steps.len() => end_ui(ui, view, case),
        Some(case) => step_ui(ui, view, case, demo),
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
            commands.push(Command::Demo(DemoCommand::Open(i)));
        }
    }
    if !cases.quiz.is_empty()
        && widgets::big_button(ui, p, s.quiz_open, Kind::Primary, width).clicked()
    {
        commands.push(Command::Quiz(QuizCommand::Open));
    }
}

fn step_ui(ui: &mut Ui, view: &View<'_>, case: &Case, demo: &Demo) {
    let s = view.s;
    let p = &view.palette;
    let lang = view.lang;
    let step = demo.step;
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
    if let Some(verdict) = demo.verdicts.get(step) {
        widgets::risk_meter(ui, p, s, verdict.level, verdict.level_name.get(lang));
    }

    ui.label(RichText::new(current.narration.get(lang)).size(theme::BODY + 4.0));
    if let Some(said) = &current.said {
        let label = match said.from {
            SaidFrom::Quote => s.demo_caller_says,
            SaidFrom::Paraphrase => s.demo_caller_paraphrase,
        };
        ui.label(RichText::new(label).color(p.weak_text));
        egui::Frame::new()
            .fill(p.panel)
            .stroke(Stroke::new(2.0, p.border))
            .corner_radius(10)
            .inner_margin(14)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(
                    RichText::new(format!("“{}”", said.text().get(lang)))
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
                widgets::text_row(ui, |ui| {
                    widgets::level_icon_in(
                        ui,
                        Level::HangUp,
                        48.0,
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
                if let Some(first) = demo.first_hang_up.filter(|first| *first < step) {
                    ui.label(
                        RichText::new(fill(s.demo_already_at, &[("n", &(first + 1))]))
                            .color(p.on_hang_up),
                    );
                }
            });
    }
}

fn end_ui(ui: &mut Ui, view: &View<'_>, case: &Case) {
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
    widgets::heading(ui, s.demo_tips, p.text);
    for tip in &case.tips {
        widgets::bullet(ui, tip.get(lang), p.text);
    }
}

/// Previous, next and the other cases, always in view while a case is open.
pub fn actions_ui(
    ui: &mut Ui,
    view: &View<'_>,
    cases: &Cases,
    demo: &Demo,
    commands: &mut Vec<Command>,
) {
    let s = view.s;
    let Some(case) = demo.case.and_then(|i| cases.cases.get(i)) else {
        return;
    };
    let at_end = demo.step >= case.steps.len();
    let mut buttons = Vec::new();
    let mut actions = Vec::new();
    if demo.step > 0 {
        buttons.push((s.demo_prev, Kind::Normal));
        actions.push(Command::Demo(DemoCommand::Previous));
    }
    if !at_end {
        let next = if demo.step + 1 == case.steps.len() {
            s.demo_end
        } else {
            s.demo_next
        };
        buttons.push((next, Kind::Primary));
        actions.push(Command::Demo(DemoCommand::Next));
    }
    buttons.push((s.demo_other, Kind::Normal));
    actions.push(Command::Go(Go::Demo));
    if let Some(i) = widgets::button_row(ui, &view.palette, &buttons) {
        commands.extend(actions.into_iter().nth(i));
    }
}
