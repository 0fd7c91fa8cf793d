//! Keyboard focus is visible: Tab to a control and a thick ring in the theme's focus colour is
//! drawn around it, in both themes.

mod common;

use common::app;
use eframe::egui::{self, Key, Shape, epaint::ClippedShape};
use egui_kittest::kittest::Queryable;
use scamcheck::Lang;
use scamcheck::app::theme::Palette;
use scamcheck::app::{Command, SettingsCommand};

/// Whether a stroke of at least `width` in `color` surrounds `target`.
fn ringed(shapes: &[ClippedShape], target: egui::Rect, color: egui::Color32, width: f32) -> bool {
    shapes.iter().any(|clipped| match &clipped.shape {
        Shape::Rect(rect) => {
            rect.stroke.color == color
                && rect.stroke.width >= width
                && rect.rect.contains_rect(target)
        }
        _ => false,
    })
}

#[test]
fn tab_shows_a_thick_ring_on_big_buttons_and_cards_in_both_themes() {
    for high_contrast in [false, true] {
        let palette = Palette::new(high_contrast);
        let mut h = app(Lang::En);
        h.state_mut()
            .send(Command::Settings(SettingsCommand::HighContrast(
                high_contrast,
            )));
        h.run();
        for label in ["I'm on a call now — check it", "Install an app"] {
            let mut focused = false;
            for _ in 0..30 {
                h.key_press(Key::Tab);
                h.run();
                if h.get_by_label(label).is_focused() {
                    focused = true;
                    break;
                }
            }
            assert!(focused, "Tab reaches `{label}`");
            let rect = h.get_by_label(label).rect();
            // One more frame, so the output read is the one with the ring.
            h.step();
            let shapes = &h.output().shapes;
            assert!(
                ringed(shapes, rect, palette.focus, 3.0),
                "no focus ring around `{label}` (high contrast: {high_contrast})"
            );
        }
    }
}
