//! "Save or copy a summary" on the result and emergency screens. Nothing is written until the
//! person presses Save; the file name is shown and can be changed first.

use eframe::egui::{self, RichText, Ui};

use super::widgets::{self, Kind};
use super::{Command, View};
use crate::level::Level;
use crate::summary::{default_folder, file_name};

/// The summary section's state: where to save, and what happened last.
#[derive(Clone, Debug, Default)]
pub struct SummaryBox {
    /// The file to save to; filled with a default the first time the section is shown.
    pub path: String,
    /// The last save or copy: a message and whether it worked.
    pub status: Option<(bool, String)>,
}

pub fn ui(ui: &mut Ui, view: &View<'_>, summary: &mut SummaryBox, commands: &mut Vec<Command>) {
    let s = view.s;
    let p = &view.palette;
    if summary.path.is_empty() {
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M").to_string();
        summary.path = default_folder()
            .join(file_name(&stamp))
            .display()
            .to_string();
    }
    ui.add_space(8.0);
    widgets::heading(ui, s.summary_title, p.text);
    ui.label(RichText::new(s.summary_hint).color(p.weak_text));
    let label = ui.label(RichText::new(s.summary_file).strong());
    let edit = ui.add(
        egui::TextEdit::singleline(&mut summary.path)
            .id_salt("summary_path")
            .desired_width(f32::INFINITY),
    );
    let _ = edit.labelled_by(label.id);
    ui.horizontal(|ui| {
        if widgets::big_button(ui, p, s.summary_save, Kind::Normal, 280.0).clicked() {
            commands.push(Command::SaveSummary);
        }
        if widgets::big_button(ui, p, s.summary_copy, Kind::Normal, 280.0).clicked() {
            commands.push(Command::CopySummary);
        }
    });
    if let Some((ok, message)) = &summary.status {
        let color = if *ok { p.text } else { p.level(Level::HangUp) };
        ui.label(RichText::new(message).strong().color(color));
    }
}
