//! The result: level and name, every red flag in plain words with why, the advice, the words to
//! end the call and who to call. Level 0 says "no red flags yet", never "safe".

use eframe::egui::{RichText, Ui};

use super::command::{CheckCommand, Command, Go};
use super::widgets::{self, Kind};
use super::{View, theme};
use crate::answers::Answer;

pub fn content_ui(ui: &mut Ui, view: &View<'_>) {
    let s = view.s;
    let p = &view.palette;
    let lang = view.lang;
    let verdict = view.check.verdict();

    widgets::heading(ui, s.result_title, p.text);
    widgets::risk_meter(ui, p, s, verdict.level, verdict.level_name.get(lang));
    ui.label(
        RichText::new(verdict.summary.get(lang))
            .size(theme::BODY + 2.0)
            .color(p.text),
    );

    widgets::heading(ui, s.what_to_do, p.text);
    for advice in &verdict.advice {
        widgets::bullet(ui, advice.get(lang), p.text);
    }
    if verdict.level.is_suspicious() {
        ui.label(RichText::new(s.say_this).color(p.weak_text));
        ui.label(
            RichText::new(format!("“{}”", view.rules.hang_up_script().get(lang)))
                .strong()
                .size(theme::BODY + 4.0)
                .color(p.text),
        );
    }

    widgets::heading(ui, s.red_flags, p.text);
    if verdict.flags.is_empty() {
        ui.label(RichText::new(s.no_red_flags).color(p.text));
    }
    for flag in &verdict.flags {
        let answer = match flag.answer {
            Answer::Unsure => s.answer_unsure,
            Answer::Yes | Answer::No => s.answer_yes,
        };
        widgets::text_row(ui, |ui| {
            widgets::severity_tag(ui, p, flag.severity, lang);
            ui.label(RichText::new(format!("{} — {answer}", flag.question.get(lang))).strong());
        });
        ui.label(RichText::new(flag.why.get(lang)).color(p.weak_text));
    }
    if !verdict.rules.is_empty() {
        widgets::heading(ui, s.patterns_seen, p.text);
        for rule in &verdict.rules {
            widgets::bullet(ui, rule.explain.get(lang), p.text);
        }
    }

    widgets::heading(ui, s.who_to_call, p.text);
    widgets::hotlines(ui, view.rules, lang, p.text);
}

/// Go on with the check (if anything is unanswered) or start over.
pub fn actions_ui(ui: &mut Ui, view: &View<'_>, commands: &mut Vec<Command>) {
    let s = view.s;
    let can_continue = view.check.current().is_some();
    let mut buttons = Vec::new();
    if can_continue {
        buttons.push((s.continue_check, Kind::Normal));
    }
    buttons.push((s.start_over, Kind::Primary));
    match widgets::button_row(ui, &view.palette, &buttons) {
        Some(0) if can_continue => commands.push(Command::Go(Go::Continue)),
        Some(_) => commands.push(Command::Check(CheckCommand::StartOver)),
        None => {}
    }
}
