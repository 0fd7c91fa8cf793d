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

#[test]
fn a_control_reached_with_tab_is_scrolled_into_view() {
    // On a 1024×600 screen the text check's number field lies below the fold once a call is
    // pasted; Tab from the text box reaches it, and it must come into view with its ring.
    for lang in [Lang::Zh, Lang::En] {
        let s = scamcheck::strings::strings(lang);
        let mut h = app(lang);
        h.set_size(egui::vec2(1024.0, 600.0));
        h.run();
        h.key_press(Key::T);
        h.run();
        common::paste_into(
            &mut h,
            s.listen_prompt,
            "我是快递客服，您的包裹丢了，给您双倍赔偿。请下载会议App开启屏幕共享，不然影响征信。\nPlease share your screen now.\nPlease install AnyDesk.",
        );
        let back_top = h.get_by_label(s.listen_back).rect().min.y;
        let mut seen = 0;
        for _ in 0..6 {
            h.key_press(Key::Tab);
            h.run();
            let Some(focused) = h.query_by(|node| node.is_focused()) else {
                continue;
            };
            let rect = focused.rect();
            if rect.min.y < back_top && rect.min.y >= h.ctx.content_rect().min.y {
                seen += 1;
            } else if rect.max.y > back_top {
                panic!("{lang:?}: the focused control at {rect:?} is below the fold ({back_top})");
            }
        }
        assert!(seen >= 3, "{lang:?}: Tab reached {seen} controls in view");
    }
}
