//! Every screen at every size: on an 800×600 laptop, a 1024×600 netbook and a 1920×1080
//! projector, at the smallest, default and largest text size, in both languages and both themes,
//! the primary actions of each screen lie inside the window without scrolling.

mod common;

use common::{paste_into, press};
use eframe::egui::{self, Key};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use scamcheck::app::{AppOptions, Command, ScamcheckApp, Screen, SettingsCommand};
use scamcheck::strings::{Strings, strings};
use scamcheck::{Lang, app};

const SIZES: [(f32, f32); 3] = [(800.0, 600.0), (1024.0, 600.0), (1920.0, 1080.0)];

#[derive(Clone, Copy, Debug)]
enum Zoom {
    Smallest,
    Default,
    Largest,
}

fn harness(size: (f32, f32), lang: Lang, dark: bool, zoom: Zoom) -> Harness<'static, ScamcheckApp> {
    let options = AppOptions {
        lang: Some(lang),
        ..AppOptions::new(common::rules())
    };
    let mut h = Harness::builder()
        .with_size(egui::vec2(size.0, size.1))
        .build_eframe(move |cc| ScamcheckApp::new(cc, options));
    h.run();
    h.state_mut()
        .send(Command::Settings(SettingsCommand::HighContrast(dark)));
    let (step, steps) = match zoom {
        Zoom::Smallest => (-1, 30),
        Zoom::Default => (0, 0),
        Zoom::Largest => (1, 30),
    };
    for _ in 0..steps {
        h.state_mut()
            .send(Command::Settings(SettingsCommand::Zoom(step)));
        h.run();
    }
    h.run();
    h
}

/// Asserts that the control labelled `label` lies inside the window.
fn assert_inside(h: &Harness<'_, ScamcheckApp>, label: &str, at: &str) {
    let window = h.ctx.content_rect();
    let node = h.get_by_label(label);
    let rect = node.rect();
    let inside = rect.min.x >= window.min.x - 0.5
        && rect.min.y >= window.min.y - 0.5
        && rect.max.x <= window.max.x + 0.5
        && rect.max.y <= window.max.y + 0.5;
    assert!(
        inside,
        "{at}: `{label}` at {rect:?} is not inside the window {window:?}"
    );
}

/// Visits every screen and checks its primary actions.
fn check_every_screen(h: &mut Harness<'_, ScamcheckApp>, s: &Strings, at: &str) {
    assert_eq!(h.state().screen(), &Screen::Start, "{at}");
    assert_inside(h, s.start_check, &format!("{at}, start"));
    assert_inside(h, s.already_paid, &format!("{at}, start"));

    press(h, Key::Enter);
    assert_eq!(h.state().screen(), &Screen::Question, "{at}");
    for answer in [s.yes, s.no, s.unsure] {
        assert_inside(h, answer, &format!("{at}, question"));
    }

    press(h, Key::Escape);
    press(h, Key::Num2);
    assert!(
        matches!(h.state().screen(), Screen::HangUp(_)),
        "{at}: {:?}",
        h.state().screen()
    );
    for action in [s.i_hung_up, s.continue_check, s.already_paid] {
        assert_inside(h, action, &format!("{at}, hang-up"));
    }

    press(h, Key::Enter);
    assert_eq!(h.state().screen(), &Screen::Result, "{at}");
    assert_inside(h, s.start_over, &format!("{at}, result"));

    press(h, Key::Escape);
    press(h, Key::P);
    assert_eq!(h.state().screen(), &Screen::Emergency, "{at}");
    assert_inside(h, s.start_over, &format!("{at}, emergency"));

    press(h, Key::Escape);
    press(h, Key::D);
    press(h, Key::Num1);
    for _ in 0..3 {
        press(h, Key::Space);
    }
    assert!(h.state().demo().case().is_some(), "{at}");
    assert_inside(h, s.demo_next, &format!("{at}, demo step"));
    assert_inside(h, s.demo_other, &format!("{at}, demo step"));

    press(h, Key::Escape);
    press(h, Key::Escape);
    press(h, Key::T);
    assert_eq!(h.state().screen(), &Screen::Listen, "{at}");
    assert_inside(
        h,
        s.listen_prompt,
        &format!("{at}, text check: the box being typed in"),
    );
    paste_into(
        h,
        s.listen_prompt,
        "我是快递客服，您的包裹丢了，给您双倍赔偿。请下载会议App开启屏幕共享。",
    );
    assert_inside(h, s.listen_back, &format!("{at}, text check"));
    // What the text suggests is in view without scrolling: above the action bar (its edge is
    // a little above its buttons).
    let back_top = h.get_by_label(s.listen_back).rect().min.y;
    let suggests = h.get_by_label(s.listen_text_suggests).rect();
    assert!(
        suggests.min.y >= h.ctx.content_rect().min.y && suggests.max.y <= back_top - 8.0,
        "{at}: `{}` at {suggests:?} is hidden (\"{}\" starts at y = {back_top})",
        s.listen_text_suggests,
        s.listen_back
    );
    let record_all = h
        .query_all_by_role(egui::accesskit::Role::Button)
        .filter(|n| {
            n.accesskit_node().label().is_some_and(|l| {
                l.contains(s.listen_record_critical.split('{').next().unwrap_or(""))
            })
        })
        .count();
    assert_eq!(record_all, 1, "{at}: one \"record all\" action");
}

fn run_matrix(lang: Lang) {
    let s = strings(lang);
    for size in SIZES {
        for zoom in [Zoom::Smallest, Zoom::Default, Zoom::Largest] {
            for dark in [false, true] {
                let mut h = harness(size, lang, dark, zoom);
                let at = format!(
                    "{lang:?} {}×{} {zoom:?} (×{:.2}) {}",
                    size.0,
                    size.1,
                    h.ctx.zoom_factor(),
                    if dark { "dark" } else { "light" }
                );
                match zoom {
                    Zoom::Smallest => {
                        assert!((h.ctx.zoom_factor() - app::ZOOM_MIN).abs() < 1e-3, "{at}");
                    }
                    Zoom::Default => assert!((h.ctx.zoom_factor() - 1.0).abs() < 1e-3, "{at}"),
                    Zoom::Largest => assert!(
                        (h.ctx.zoom_factor() - app::max_zoom(&h.ctx)).abs() < 1e-3
                            && h.ctx.zoom_factor() >= 1.2,
                        "{at}"
                    ),
                }
                check_every_screen(&mut h, s, &at);
            }
        }
    }
}

#[test]
fn every_screen_keeps_its_actions_in_the_window_in_chinese() {
    run_matrix(Lang::Zh);
}

#[test]
fn every_screen_keeps_its_actions_in_the_window_in_english() {
    run_matrix(Lang::En);
}

#[test]
fn a_new_screen_opens_at_its_top_not_where_the_last_one_was_scrolled() {
    let s = strings(Lang::En);
    let mut h = harness((800.0, 600.0), Lang::En, false, Zoom::Default);
    h.get_by_label("Pay a fee to release a parcel or payout")
        .scroll_to_me();
    h.run();
    let window = h.ctx.content_rect();
    assert!(
        h.get_by_label(s.start_check).rect().min.y < window.min.y,
        "the start screen was scrolled down"
    );
    press(&mut h, Key::P);
    assert_eq!(h.state().screen(), &Screen::Emergency);
    let title = h.state().rules().emergency().title.en.clone();
    let heading = h.get_by_label(&title).rect();
    assert!(
        heading.min.y >= window.min.y && heading.max.y <= window.max.y,
        "the emergency heading {heading:?} is cut off in {window:?}"
    );
}

#[test]
fn the_text_check_in_one_column_settles_after_a_change_of_text_size() {
    // The box's height follows the room left on the page; it must not keep the window
    // repainting while the page and the box find their scroll bars.
    for lang in [Lang::Zh, Lang::En] {
        let s = strings(lang);
        let mut h = harness((800.0, 600.0), lang, false, Zoom::Default);
        for step in ["larger", "text check", "smaller"] {
            match step {
                "larger" => h.get_by_label(s.larger_text).click(),
                "smaller" => h.get_by_label(s.smaller_text).click(),
                _ => h.key_press(Key::T),
            }
            if let Err(err) = h.try_run() {
                panic!("{lang:?}, after {step}: {err}");
            }
        }
        assert_eq!(h.state().screen(), &Screen::Listen, "{lang:?}");
    }
}
