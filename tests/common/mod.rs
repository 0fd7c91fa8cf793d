//! Shared helpers for the window tests: build the real app and drive it by label and key.
#![allow(dead_code)] // Each test file uses a different subset.

use eframe::egui::{self, Key};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use scamcheck::app::{AppOptions, ScamcheckApp};
use scamcheck::{Analyzer, Lang, RuleSet};

/// The shipped rules; a test fails loudly if they do not load.
pub fn rules() -> RuleSet {
    match RuleSet::embedded() {
        Ok(rules) => rules,
        Err(err) => panic!("the shipped rules must load:\n{err}"),
    }
}

/// The shipped rules with their patterns compiled.
pub fn analyzer() -> Analyzer {
    match Analyzer::new(std::sync::Arc::new(rules())) {
        Ok(analyzer) => analyzer,
        Err(err) => panic!("the shipped patterns must compile:\n{err}"),
    }
}

/// The app with the embedded rules, the system's Chinese font and the given language.
pub fn app(lang: Lang) -> Harness<'static, ScamcheckApp> {
    let options = AppOptions {
        lang: Some(lang),
        ..AppOptions::new(rules())
    };
    build(options)
}

/// The app with explicit options.
pub fn build(options: AppOptions) -> Harness<'static, ScamcheckApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1100.0, 900.0))
        .build_eframe(move |cc| ScamcheckApp::new(cc, options));
    harness.run();
    harness
}

/// Clicks the control with exactly this label.
pub fn click(h: &mut Harness<'_, ScamcheckApp>, label: &str) {
    h.get_by_label(label).click();
    h.run();
}

/// Scrolls the control into view first, as a person would, then clicks it.
pub fn scroll_and_click(h: &mut Harness<'_, ScamcheckApp>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    click(h, label);
}

/// Presses and releases a key.
pub fn press(h: &mut Harness<'_, ScamcheckApp>, key: Key) {
    h.key_press(key);
    h.run();
}

/// Whether any node's label contains `text`.
pub fn shows(h: &Harness<'_, ScamcheckApp>, text: &str) -> bool {
    h.query_all_by_label_contains(text).next().is_some()
}

/// Focuses the text field labelled `field` and pastes `text` into it.
pub fn paste_into(h: &mut Harness<'_, ScamcheckApp>, field: &str, text: &str) {
    h.get_by_label(field).focus();
    h.run();
    h.event(egui::Event::Paste(text.to_owned()));
    h.run();
}

/// Presses F11 for one frame and says whether that frame asked the window for fullscreen.
pub fn f11_asks_for_fullscreen(h: &mut Harness<'_, ScamcheckApp>) -> bool {
    // One frame with the key down, so its output holds the command.
    h.input_mut().events.push(egui::Event::Key {
        key: Key::F11,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: egui::Modifiers::NONE,
    });
    h.step();
    let asked = h
        .output()
        .viewport_output
        .values()
        .flat_map(|v| v.commands.iter())
        .any(|c| *c == egui::ViewportCommand::Fullscreen(true));
    h.run();
    asked
}

/// Storage that keeps what the app saves in memory, to see exactly what would reach the disk.
#[derive(Default)]
pub struct MemoryStorage(pub std::collections::BTreeMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

/// The app with explicit options, started from `storage` as from the settings saved on disk.
pub fn build_with_storage(
    options: AppOptions,
    storage: &MemoryStorage,
) -> Harness<'_, ScamcheckApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1100.0, 900.0))
        .build_eframe(move |cc| {
            cc.storage = Some(storage);
            ScamcheckApp::new(cc, options)
        });
    harness.run();
    harness
}

/// A temporary folder, removed when dropped.
pub fn temp_dir() -> tempfile::TempDir {
    match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(err) => panic!("{err}"),
    }
}

/// The names of the files in `dir`, sorted.
pub fn file_names(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}
