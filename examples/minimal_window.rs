//! The smallest eframe window built with scamcheck's features: the baseline that
//! `scripts/measure.sh` compares the app against (start-up, memory, idle CPU).

use eframe::egui;

struct Minimal {
    reported: bool,
}

impl eframe::App for Minimal {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.label("Hello");
        });
        if !self.reported {
            self.reported = true;
            scamcheck::app::report_first_frame();
        }
    }
}

fn main() -> eframe::Result {
    eframe::run_native(
        "minimal_window",
        eframe::NativeOptions {
            viewport: egui::ViewportBuilder::default().with_inner_size([1100.0, 820.0]),
            system_font_fallback: false,
            ..Default::default()
        },
        Box::new(|_cc| Ok(Box::new(Minimal { reported: false }))),
    )
}
