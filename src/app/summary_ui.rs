//! "Save or copy the incident report" on the result and emergency screens. Nothing is written
//! until the person presses Save report; each save makes a new file, and where it went is
//! shown right under the buttons. On the emergency path the person may add what they know of
//! the payment; everything there is optional.

use eframe::egui::{self, RichText, Ui};

use std::path::PathBuf;

use super::View;
use super::command::{Command, SummaryCommand};
use super::widgets::{self, Kind};
use crate::level::Level;
use crate::report::PaymentDetails;
use crate::strings::fill;
use crate::summary::{SaveError, default_folder};

/// The report section's state: where to save, what to add, and what happened last. Kept in
/// memory only; "start over" and the presenter's reset clear it.
#[derive(Debug, Default)]
pub struct SummaryBox {
    /// The folder to save in; filled with the default the first time the section is shown.
    pub folder: String,
    /// What the person added on the emergency path.
    pub payment: PaymentDetails,
    /// Whether the pasted text goes into the report ("include what the caller said").
    pub include_said: bool,
    /// What happened at the last save or copy.
    pub status: Option<SummaryStatus>,
    /// The outcome was just set: bring it into view once.
    pub(super) reveal: bool,
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

/// A labelled one-line text field.
fn field(ui: &mut Ui, label: &str, value: &mut String, salt: &str) {
    let label = ui.label(RichText::new(label).strong());
    let edit = ui.add(
        egui::TextEdit::singleline(value)
            .id_salt(salt)
            .desired_width(f32::INFINITY),
    );
    let _ = edit.labelled_by(label.id);
}

pub fn ui(ui: &mut Ui, view: &View<'_>, summary: &mut SummaryBox, commands: &mut Vec<Command>) {
    let s = view.s;
    let p = &view.palette;
    if summary.folder.is_empty() {
        summary.folder = default_folder().display().to_string();
    }
    ui.add_space(8.0);
    widgets::heading(ui, s.report_title, p.text);
    ui.label(RichText::new(s.report_hint).color(p.weak_text));

    if view.check.verdict().emergency {
        ui.add_space(4.0);
        ui.label(RichText::new(s.report_optional).color(p.weak_text));
        let payment = &mut summary.payment;
        field(ui, s.report_paid_at, &mut payment.paid_at, "report_paid_at");
        field(ui, s.report_amount, &mut payment.amount, "report_amount");
        field(ui, s.report_account, &mut payment.account, "report_account");
        field(ui, s.report_shared, &mut payment.shared, "report_shared");
    }
    ui.add_space(4.0);
    // A large box, easy to see and to hit (older users: targets of 60 points or more).
    ui.scope(|ui| {
        let spacing = ui.spacing_mut();
        spacing.icon_width = 36.0;
        spacing.icon_width_inner = 20.0;
        spacing.interact_size.y = 60.0;
        let include = ui.checkbox(
            &mut summary.include_said,
            RichText::new(s.report_include_said).strong(),
        );
        widgets::focus_ring(ui, p, &include);
    });
    field(ui, s.report_folder, &mut summary.folder, "report_folder");

    ui.horizontal(|ui| {
        if widgets::big_button(ui, p, s.report_save, Kind::Normal, 280.0).clicked() {
            commands.push(Command::Summary(SummaryCommand::Save));
        }
        if widgets::big_button(ui, p, s.report_copy, Kind::Normal, 280.0).clicked() {
            commands.push(Command::Summary(SummaryCommand::Copy));
        }
    });
    // The outcome goes right under the buttons, where the person is looking.
    let (ok, message, folder) = match &summary.status {
        None => return,
        Some(SummaryStatus::Saved(path)) => (
            true,
            fill(s.report_saved, &[("path", &path.display())]),
            path.parent().map(|dir| dir.display().to_string()),
        ),
        Some(SummaryStatus::Copied) => (true, s.report_copied.to_owned(), None),
        Some(SummaryStatus::Failed(err)) => (false, err.message(view.lang), None),
    };
    let color = if ok { p.text } else { p.level(Level::HangUp) };
    let mut shown = ui.label(RichText::new(message).strong().color(color));
    if let Some(dir) = folder {
        shown = ui.label(RichText::new(fill(s.report_open_folder, &[("dir", &dir)])).color(p.text));
    }
    if std::mem::take(&mut summary.reveal) {
        shown.scroll_to_me(None);
    }
}
