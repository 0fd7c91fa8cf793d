//! The smallest eframe window built with scamcheck's features: the baseline that
//! `scripts/measure.sh` compares the app against (start-up, memory, idle CPU).
//!
//! `minimal_window --font FILE INDEX` also loads one font face the plain way (the file read
//! into memory and given to egui as a fallback), to compare against a window that shows Chinese.

use std::sync::Arc;

use eframe::egui;

struct Minimal {
    reported: bool,
}

impl eframe::App for Minimal {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.label("Hello 你好");
        });
        if !self.reported {
            self.reported = true;
            scamcheck::app::report_first_frame();
        }
    }
}

/// The font named by `--font FILE INDEX`, if any.
fn font_from_args() -> Result<Option<egui::FontData>, String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [] => Ok(None),
        [flag, file, index] if flag == "--font" => {
            let index = index
                .parse()
                .map_err(|_| format!("not a face index: {index}"))?;
            let bytes = std::fs::read(file).map_err(|err| format!("{file}: {err}"))?;
            let mut font = egui::FontData::from_owned(bytes);
            font.index = index;
            Ok(Some(font))
        }
        _ => Err("usage: minimal_window [--font FILE INDEX]".to_owned()),
    }
}

fn main() -> eframe::Result {
    let font = match font_from_args() {
        Ok(font) => font,
        Err(message) => {
            eprintln!("{message}");
            std::process::exit(2);
        }
    };
    eframe::run_native(
        "minimal_window",
        eframe::NativeOptions {
            viewport: egui::ViewportBuilder::default().with_inner_size([1100.0, 820.0]),
            system_font_fallback: false,
            ..Default::default()
        },
        Box::new(move |cc| {
            if let Some(font) = font {
                let mut fonts = egui::FontDefinitions::default();
                fonts.font_data.insert("cjk".to_owned(), Arc::new(font));
                for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
                    fonts
                        .families
                        .entry(family)
                        .or_default()
                        .push("cjk".to_owned());
                }
                cc.egui_ctx.set_fonts(fonts);
            }
            Ok(Box::new(Minimal { reported: false }))
        }),
    )
}
