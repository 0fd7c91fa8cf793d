//! The one keymap: keys that work while the text box has the cursor, and the README's key
//! table made from the same table the window uses.

mod common;

use common::{app, f11_asks_for_fullscreen, press, shows};
use eframe::egui::{self, Key};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use scamcheck::Lang;
use scamcheck::app::{ScamcheckApp, Screen};

const TEXT_FIELD: &str = "Type or paste what the caller says, or a message you got:";

/// One frame with `key` down (with `modifiers`), so the frame's output can be read.
fn hold(h: &mut Harness<'_, ScamcheckApp>, key: Key, modifiers: egui::Modifiers) {
    h.input_mut().events.push(egui::Event::Key {
        key,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers,
    });
    h.step();
    h.input_mut().events.push(egui::Event::Key {
        key,
        physical_key: None,
        pressed: false,
        repeat: false,
        modifiers,
    });
    h.run();
}

#[test]
fn f5_f11_esc_and_ctrl_plus_work_while_the_text_box_has_the_cursor() {
    let mut h = app(Lang::En);
    press(&mut h, Key::T);
    assert_eq!(h.state().screen(), &Screen::Listen);
    assert!(
        h.get_by_label(TEXT_FIELD).is_focused(),
        "the text box takes the cursor"
    );

    // A letter types into the box; it is not a shortcut there.
    h.event(egui::Event::Text("d".to_owned()));
    h.run();
    assert_eq!(h.state().screen(), &Screen::Listen);
    assert_eq!(h.state().listen().text(), "d");

    let before = h.ctx.zoom_factor();
    hold(&mut h, Key::Plus, egui::Modifiers::COMMAND);
    assert!(h.ctx.zoom_factor() > before, "Ctrl + enlarges the text");
    hold(&mut h, Key::Minus, egui::Modifiers::COMMAND);
    assert!(
        (h.ctx.zoom_factor() - before).abs() < 1e-3,
        "Ctrl − undoes it"
    );

    assert!(f11_asks_for_fullscreen(&mut h), "F11 asks for fullscreen");

    press(&mut h, Key::F5);
    assert!(h.state().is_confirming_reset(), "F5 asks before clearing");
    press(&mut h, Key::Escape);
    assert!(!h.state().is_confirming_reset(), "Esc keeps everything");
    assert_eq!(h.state().listen().text(), "d");

    press(&mut h, Key::Escape);
    assert_eq!(
        h.state().screen(),
        &Screen::Start,
        "Esc leaves the text check"
    );
}

#[test]
fn hints_are_made_from_the_keymap_and_name_only_keys_that_work_there() {
    let mut h = app(Lang::En);
    press(&mut h, Key::D);
    assert!(shows(&h, "Q quiz"), "the case list offers the quiz");
    press(&mut h, Key::Num1);
    assert!(h.state().demo().case().is_some());
    assert!(
        !shows(&h, "Q quiz"),
        "inside a case Q does nothing, so no hint names it"
    );
    assert!(!shows(&h, "1–4"), "no case numbers inside a case");
    press(&mut h, Key::Q);
    assert!(
        h.state().demo().case().is_some(),
        "Q does nothing in a case"
    );
}

#[test]
fn the_readme_key_table_is_the_keymap() {
    let h = app(Lang::En);
    let table = h.state().key_table();
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .unwrap_or_default();
    let copy = readme
        .split_once("<!-- keys:begin -->\n")
        .and_then(|(_, rest)| rest.split_once("<!-- keys:end -->"))
        .map(|(table, _)| table);
    assert_eq!(
        copy,
        Some(table.as_str()),
        "README.md's key table differs from the keymap; put this between the markers:\n{table}"
    );
}
