//! "Save or copy a summary" on the result and emergency screens. Nothing is written until the
//! person presses Save; the file name is shown and can be changed first.

use eframe::egui::{self, RichText, Ui};

use std::path::PathBuf;

use super::View;
use super::command::{Command, SummaryCommand};
use super::widgets::{self, Kind};
use crate::level::Level;
use crate::strings::fill;
use crate::summary::{SaveError, default_folder, file_name};

/// The summary section's state: where to save, and what happened last.
#[derive(Debug, Default)]
pub struct SummaryBox {
    /// The file to save to; filled with a default the first time the section is shown.
    pub path: String,
    /// What happened at the last save or copy.
    pub status: Option<SummaryStatus>,
}

/// What happened at the last save or copy; told in the language shown when it is drawn.
#[derive(Debug)]
pub enum SummaryStatus {
    /// Saved to this file.
    Saved(PathBuf),
    /// Copied to the clipboard.
    Copied,
    /// Not saved, and why.
    Failed(SaveError),
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
            commands.push(Command::Summary(SummaryCommand::Save));
        }
        if widgets::big_button(ui, p, s.summary_copy, Kind::Normal, 280.0).clicked() {
            commands.push(Command::Summary(SummaryCommand::Copy));
        }
    });
    let (ok, message) = match &summary.status {
        None => return,
        Some(SummaryStatus::Saved(path)) => {
            (true, fill(s.summary_saved, &[("path", &path.display())]))
        }
        Some(SummaryStatus::Copied) => (true, s.summary_copied.to_owned()),
        Some(SummaryStatus::Failed(err)) => (false, err.message(view.lang)),
    };
    let color = if ok { p.text } else { p.level(Level::HangUp) };
    ui.label(RichText::new(message).strong().color(color));
}
