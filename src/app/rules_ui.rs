//! The rules on screen, so a volunteer can explain why each answer matters; and loading or
//! reloading a rule file without restarting.

use eframe::egui::{self, RichText, Ui};

use super::command::{Command, RulesCommand, SettingsCommand};
use super::widgets::{self, Kind};
use super::{TrustedContact, View, theme};

use crate::level::Level;
use crate::rules::{EMBEDDED_ORIGIN, LoadError, Step};
use crate::strings::fill;

/// The outcome of the last load, shown on the rules screen.
#[derive(Debug)]
pub enum LoadStatus {
    /// The rules loaded and are now in use (`path`: `None` for the built-in rules).
    Loaded {
        /// How many questions they have.
        questions: usize,
        /// Where they came from.
        path: Option<std::path::PathBuf>,
    },
    /// The file has problems; the rules in use did not change.
    Problems(LoadError),
    /// The file given at start has problems; the built-in rules are in use.
    ProblemsAtStart(LoadError),
    /// Load was pressed with no file named.
    NoPath,
}

impl LoadStatus {
    /// Whether the last load found problems.
    pub fn has_problems(&self) -> bool {
        matches!(
            self,
            LoadStatus::Problems(_) | LoadStatus::ProblemsAtStart(_) | LoadStatus::NoPath
        )
    }
}

/// The rules screen's own state: the path typed and the last load's outcome.
#[derive(Debug, Default)]
pub struct RulesPanel {
    /// The rule file to load.
    pub path: String,
    /// What happened at the last load.
    pub status: Option<LoadStatus>,
    /// The trusted person being edited.
    pub trusted: TrustedContact,
    /// The folder the printable checklist is saved in.
    pub handout_folder: String,
    /// What happened at the last save of the checklist.
    pub handout: Option<Result<std::path::PathBuf, crate::summary::SaveError>>,
}

pub fn content_ui(
    ui: &mut Ui,
    view: &View<'_>,
    panel: &mut RulesPanel,
    commands: &mut Vec<Command>,
) {
    let s = view.s;
    let p = &view.palette;
    let lang = view.lang;
    let rules = view.rules;

    trusted_ui(ui, view, &mut panel.trusted, commands);
    ui.add_space(12.0);
    handout_ui(ui, view, panel, commands);
    ui.add_space(12.0);

    widgets::heading(ui, s.rules_title, p.text);
    let origin = if rules.origin() == EMBEDDED_ORIGIN {
        s.rules_built_in.to_owned()
    } else {
        rules.origin().to_owned()
    };
    ui.label(format!("{} {origin}", s.rules_in_use));

    let label = ui.label(RichText::new(s.rules_file).strong());
    let edit = ui.add(
        egui::TextEdit::singleline(&mut panel.path)
            .id_salt("rules_path")
            .hint_text("rules.ron")
            .desired_width(f32::INFINITY),
    );
    let _ = edit.clone().labelled_by(label.id);
    ui.horizontal(|ui| {
        let load = widgets::big_button(ui, p, s.rules_load, Kind::Primary, 300.0).clicked()
            || (edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)));
        if load {
            commands.push(Command::Rules(RulesCommand::Load(
                panel.path.trim().to_owned(),
            )));
        }
        if widgets::big_button(ui, p, s.rules_reload, Kind::Normal, 240.0).clicked() {
            commands.push(Command::Rules(RulesCommand::Reload));
        }
    });
    match &panel.status {
        Some(LoadStatus::Loaded { questions, path }) => {
            let origin = path
                .as_ref()
                .map_or_else(|| s.rules_built_in.to_owned(), |p| p.display().to_string());
            ui.label(
                RichText::new(fill(
                    s.rules_loaded,
                    &[("n", questions), ("origin", &origin)],
                ))
                .strong()
                .color(p.level(Level::NoFlags)),
            );
        }
        Some(LoadStatus::Problems(err)) => problems_ui(ui, view, s.rules_problems, err),
        Some(LoadStatus::ProblemsAtStart(err)) => {
            problems_ui(ui, view, s.rules_start_problems, err);
        }
        Some(LoadStatus::NoPath) => {
            ui.label(
                RichText::new(s.rules_no_path)
                    .strong()
                    .color(p.level(Level::HangUp)),
            );
        }
        None => {}
    }

    ui.add_space(8.0);
    widgets::heading(ui, s.rules_levels, p.text);
    for level in rules.levels() {
        widgets::text_row(ui, |ui| {
            widgets::level_icon(ui, p, level.level, 28.0);
            ui.label(RichText::new(format!("{} — {}", level.level, level.name.get(lang))).strong());
            ui.label(
                RichText::new(format!("({} {})", s.rules_min_score, level.min_score))
                    .color(p.weak_text),
            );
        });
    }

    ui.add_space(8.0);
    widgets::heading(ui, s.rules_questions, p.text);
    for step in Step::ALL {
        let questions: Vec<_> = rules
            .questions()
            .iter()
            .filter(|q| q.step == step)
            .collect();
        if questions.is_empty() {
            continue;
        }
        ui.label(
            RichText::new(s.step(step))
                .size(theme::BODY + 4.0)
                .strong()
                .color(p.primary),
        );
        for q in questions {
            card(ui, p, |ui| {
                widgets::text_row(ui, |ui| {
                    widgets::severity_tag(ui, p, q.severity, lang);
                    ui.label(RichText::new(&q.id).monospace());
                    ui.label(
                        RichText::new(format!("{} {}", s.rules_weight, q.weight))
                            .color(p.weak_text),
                    );
                });
                ui.label(RichText::new(q.text.get(lang)).strong());
                ui.label(q.why.get(lang));
                ui.label(
                    RichText::new(format!("{}: {}", s.rules_source, q.source))
                        .size(theme::SMALL)
                        .color(p.weak_text),
                );
            });
        }
    }

    ui.add_space(8.0);
    widgets::heading(ui, s.rules_combinations, p.text);
    for c in rules.combinations() {
        card(ui, p, |ui| {
            let mut effect = Vec::new();
            if c.add > 0 {
                effect.push(fill(s.rules_adds, &[("n", &c.add)]));
            }
            if let Some(level) = c.raise_to {
                effect.push(fill(s.rules_raises, &[("n", &level)]));
            }
            if effect.is_empty() {
                effect.push(s.rules_note.to_owned());
            }
            widgets::text_row(ui, |ui| {
                ui.label(RichText::new(&c.id).monospace().strong());
                ui.label(RichText::new(effect.join(", ")).color(p.weak_text));
            });
            ui.label(
                RichText::new(c.when.to_string())
                    .monospace()
                    .size(theme::SMALL),
            );
            ui.label(c.explain.get(lang));
            ui.label(
                RichText::new(format!("{}: {}", s.rules_source, c.source))
                    .size(theme::SMALL)
                    .color(p.weak_text),
            );
        });
    }

    widgets::heading(ui, s.rules_emergency, p.text);
    for (i, step) in rules.emergency().steps.iter().enumerate() {
        card(ui, p, |ui| {
            ui.label(RichText::new(format!("{}. {}", i + 1, step.text.get(lang))).strong());
            ui.label(
                RichText::new(format!("{}: {}", s.rules_source, step.source))
                    .size(theme::SMALL)
                    .color(p.weak_text),
            );
        });
    }

    widgets::heading(ui, s.rules_numbers, p.text);
    for (rule, _) in rules.number_rules() {
        card(ui, p, |ui| {
            ui.label(RichText::new(rule.name.get(lang)).strong());
            ui.label(rule.meaning.get(lang));
            ui.label(RichText::new(rule.not_meaning.get(lang)).color(p.weak_text));
        });
    }
}

/// A rule file's problems, one line each with its place in the file, in the interface's language.
fn problems_ui(ui: &mut Ui, view: &View<'_>, heading: &str, err: &LoadError) {
    let p = &view.palette;
    ui.label(
        RichText::new(heading)
            .strong()
            .color(p.level(Level::HangUp)),
    );
    for line in err.lines_in(view.lang) {
        ui.label(
            RichText::new(line)
                .monospace()
                .size(theme::SMALL)
                .color(p.level(Level::HangUp)),
        );
    }
}

/// A thin-bordered box the width of the column, one per question or rule.
fn card(ui: &mut Ui, palette: &theme::Palette, add: impl FnOnce(&mut Ui)) {
    egui::Frame::new()
        .stroke(egui::Stroke::new(1.0, palette.border))
        .corner_radius(8)
        .inner_margin(10)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            add(ui);
        });
}

/// Who to call: a name and a number, saved with the settings as they are typed.
fn trusted_ui(
    ui: &mut Ui,
    view: &View<'_>,
    trusted: &mut TrustedContact,
    commands: &mut Vec<Command>,
) {
    let s = view.s;
    widgets::heading(ui, s.trusted_title, view.palette.text);
    ui.label(RichText::new(s.trusted_note).color(view.palette.weak_text));
    let mut changed = false;
    for (label, value, salt) in [
        (s.trusted_name, &mut trusted.name, "trusted_name"),
        (s.trusted_phone, &mut trusted.phone, "trusted_phone"),
    ] {
        ui.horizontal(|ui| {
            let label = ui.label(RichText::new(label).strong());
            let edit = ui.add(
                egui::TextEdit::singleline(value)
                    .id_salt(salt)
                    .char_limit(60)
                    .desired_width(320.0),
            );
            changed |= edit.labelled_by(label.id).changed();
        });
    }
    if changed {
        commands.push(Command::Settings(SettingsCommand::Trusted(trusted.clone())));
    }
}

/// The one-page checklist to print, made from the rules in use, saved as a web page.
fn handout_ui(ui: &mut Ui, view: &View<'_>, panel: &mut RulesPanel, commands: &mut Vec<Command>) {
    let s = view.s;
    let p = &view.palette;
    widgets::heading(ui, s.handout_title, p.text);
    ui.label(RichText::new(s.handout_note).color(p.weak_text));
    ui.horizontal(|ui| {
        let label = ui.label(RichText::new(s.report_folder).strong());
        let edit = ui.add(
            egui::TextEdit::singleline(&mut panel.handout_folder)
                .id_salt("handout_folder")
                .desired_width(f32::INFINITY),
        );
        let _ = edit.labelled_by(label.id);
    });
    if widgets::big_button(ui, p, s.handout_save, Kind::Primary, 360.0).clicked() {
        commands.push(Command::Rules(RulesCommand::SaveHandout(
            panel.handout_folder.clone(),
        )));
    }
    match &panel.handout {
        Some(Ok(path)) => {
            ui.label(
                RichText::new(fill(s.report_saved, &[("path", &path.display())]))
                    .strong()
                    .color(p.level(Level::NoFlags)),
            );
            ui.label(s.handout_print);
        }
        Some(Err(err)) => {
            ui.label(
                RichText::new(err.message(view.lang))
                    .strong()
                    .color(p.level(Level::HangUp)),
            );
        }
        None => {}
    }
}
