//! The real window, driven through AccessKit labels as a person (or a screen reader) would.

mod common;

use common::{MemoryStorage, app, build, click, press, scroll_and_click, shows};
use eframe::egui::{self, Key};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use scamcheck::app::{AppOptions, ScamcheckApp, Screen, Settings, TrustedContact};
use scamcheck::session::HangUpReason;
use scamcheck::{Answer, Lang, RuleSet};

fn app_with(lang: Lang, cjk: bool) -> Harness<'static, ScamcheckApp> {
    let rules = match RuleSet::embedded() {
        Ok(r) => r,
        Err(err) => panic!("{err}"),
    };
    let options = AppOptions::new(rules);
    if cjk {
        assert!(
            options.cjk_font.is_some(),
            "no Chinese font on this machine: install fonts-noto-cjk (bash .ci/run does)"
        );
    }
    build(AppOptions {
        lang: Some(lang),
        cjk_font: options.cjk_font.filter(|_| cjk),
        ..options
    })
}

/// How many questions the walk has.
fn total(h: &Harness<'_, ScamcheckApp>) -> usize {
    h.state().rules().questions().len()
}

/// Answers "No" (by clicking) until the question being asked is `id`.
fn no_until(h: &mut Harness<'_, ScamcheckApp>, id: &str) {
    while h
        .state()
        .check()
        .current()
        .is_some_and(|current| current != id)
    {
        click(h, "No");
    }
    assert_eq!(h.state().check().current(), Some(id));
}

#[test]
fn a_full_walk_of_no_answers_ends_at_a_result_that_never_says_safe() {
    let mut h = app(Lang::En);
    click(&mut h, "I'm on a call now — check it");
    assert_eq!(h.state().screen(), &Screen::Question);
    let n = total(&h);
    assert!(shows(&h, &format!("Question 1 of {n}")));
    for _ in 0..n {
        click(&mut h, "No");
    }
    assert_eq!(h.state().screen(), &Screen::Result);
    assert!(shows(&h, "No red flags yet"));
    assert!(shows(&h, "does not mean the call is safe"));
    assert!(!shows(&h, "You are safe"));
    scroll_and_click(&mut h, "Start over");
    assert_eq!(h.state().screen(), &Screen::Start);
    assert!(h.state().check().is_empty());
}

#[test]
fn a_start_card_reaches_the_hang_up_screen_in_one_click() {
    let mut h = app(Lang::En);
    click(&mut h, "Share my screen or join a meeting");
    assert_eq!(
        h.state().screen(),
        &Screen::HangUp(HangUpReason::Flag("screen_share".to_owned()))
    );
    assert!(shows(&h, "Hang up now"));
    assert!(shows(
        &h,
        "I will call the official number myself. Goodbye."
    ));
    assert!(shows(&h, "96110"));
    assert_eq!(h.state().check().verdict().level.number(), 3);
    // Continuing is possible but secondary.
    click(&mut h, "Continue the check");
    assert_eq!(h.state().screen(), &Screen::Question);
    assert!(
        shows(&h, "Scam — hang up now"),
        "the meter stays at level 3"
    );
}

#[test]
fn every_critical_card_takes_one_key_from_launch() {
    let keys = [
        Key::Num1,
        Key::Num2,
        Key::Num3,
        Key::Num4,
        Key::Num5,
        Key::Num6,
        Key::Num7,
        Key::Num8,
    ];
    for key in keys {
        let mut h = app(Lang::En);
        press(&mut h, key);
        assert!(
            matches!(h.state().screen(), Screen::HangUp(_)),
            "{key:?} gave {:?}",
            h.state().screen()
        );
    }
}

#[test]
fn a_critical_yes_in_the_walk_interrupts_with_the_hang_up_screen() {
    let mut h = app(Lang::En);
    click(&mut h, "I'm on a call now — check it");
    // Contact and pretext: no to everything up to the download question.
    no_until(&mut h, "download_app");
    assert!(shows(&h, "download an app"));
    click(&mut h, "Yes");
    assert_eq!(
        h.state().screen(),
        &Screen::HangUp(HangUpReason::Flag("download_app".to_owned()))
    );
    click(&mut h, "I hung up — what next?");
    assert_eq!(h.state().screen(), &Screen::Result);
    assert!(shows(&h, "Do they ask you to download an app"));
}

#[test]
fn back_changes_the_previous_answer() {
    let mut h = app(Lang::En);
    click(&mut h, "I'm on a call now — check it");
    let n = total(&h);
    click(&mut h, "Yes");
    click(&mut h, "No");
    assert!(shows(&h, &format!("Question 3 of {n}")));
    click(&mut h, "Back");
    assert!(shows(&h, &format!("Question 2 of {n}")));
    assert_eq!(
        h.state().check().answers().get("knows_details"),
        Some(Answer::No)
    );
    click(&mut h, "Yes");
    assert_eq!(
        h.state().check().answers().get("knows_details"),
        Some(Answer::Yes)
    );
    assert!(shows(&h, &format!("Question 3 of {n}")));
    assert!(shows(&h, "Be careful"), "the meter moved to level 1");
}

#[test]
fn switching_language_keeps_the_answers() {
    let mut h = app(Lang::En);
    click(&mut h, "I'm on a call now — check it");
    click(&mut h, "Yes");
    click(&mut h, "Yes");
    click(&mut h, "中文");
    assert_eq!(h.state().settings().lang, Lang::Zh);
    let n = total(&h);
    assert!(shows(&h, &format!("第 3 题 / 共 {n} 题")));
    assert!(shows(&h, "要小心"));
    assert_eq!(h.state().check().answers().len(), 2);
    click(&mut h, "English");
    assert!(shows(&h, &format!("Question 3 of {n}")));
}

#[test]
fn a_keyboard_only_walk_reaches_the_result() {
    let mut h = app(Lang::Zh);
    press(&mut h, Key::Enter);
    assert_eq!(h.state().screen(), &Screen::Question);
    press(&mut h, Key::Y);
    press(&mut h, Key::Num2);
    press(&mut h, Key::U);
    press(&mut h, Key::ArrowLeft);
    assert!(shows(&h, "第 3 题"));
    press(&mut h, Key::N);
    for _ in 3..total(&h) {
        press(&mut h, Key::N);
    }
    assert_eq!(h.state().screen(), &Screen::Result);
    assert!(shows(&h, "检查结果"));
    assert_eq!(
        h.state().check().answers().get("overseas_number"),
        Some(Answer::No)
    );
    press(&mut h, Key::Escape);
    assert_eq!(h.state().screen(), &Screen::Start);
}

#[test]
fn the_emergency_path_lists_110_the_bank_96110_and_evidence() {
    let mut h = app(Lang::En);
    click(&mut h, "I already paid or gave a code");
    assert_eq!(h.state().screen(), &Screen::Emergency);
    assert!(h.state().check().verdict().emergency);
    for text in [
        "110",
        "back of your card",
        "96110",
        "Keep the call log",
        "fee to get your money back",
    ] {
        assert!(shows(&h, text), "{text}");
    }
    let mut zh = app(Lang::Zh);
    click(&mut zh, "我已经转了钱或给了验证码");
    assert!(shows(&zh, "拨打 110"));
}

#[test]
fn zoom_controls_scale_everything_and_are_remembered_in_settings() {
    let mut h = app(Lang::En);
    click(&mut h, "Larger text");
    click(&mut h, "Larger text");
    assert!((h.state().settings().zoom - 1.2).abs() < 1e-3);
    assert!((h.ctx.zoom_factor() - 1.2).abs() < 1e-3);
    click(&mut h, "Smaller text");
    assert!((h.ctx.zoom_factor() - 1.1).abs() < 1e-3);
    // egui's own Ctrl + (Cmd + on macOS) is remembered as well.
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Plus);
    h.run();
    assert!((h.ctx.zoom_factor() - 1.1).abs() > 1e-3, "Ctrl + zooms");
    assert!((h.state().settings().zoom - h.ctx.zoom_factor()).abs() < 1e-3);
}

#[test]
fn high_contrast_switches_the_theme() {
    let mut h = app(Lang::En);
    assert_eq!(h.ctx.theme(), egui::Theme::Light);
    click(&mut h, "High contrast");
    assert!(h.state().settings().high_contrast);
    assert_eq!(h.ctx.theme(), egui::Theme::Dark);
    assert_eq!(
        h.ctx.style_of(egui::Theme::Dark).visuals.panel_fill,
        egui::Color32::BLACK
    );
}

#[test]
fn without_a_chinese_font_the_app_speaks_english_and_says_what_to_install() {
    let mut h = app_with(Lang::Zh, false);
    assert_eq!(h.state().settings().lang, Lang::En);
    assert!(shows(&h, "fonts-noto-cjk"));
    // Without a font the button cannot show Chinese characters, so it says "Chinese".
    click(&mut h, "Chinese");
    assert_eq!(
        h.state().settings().lang,
        Lang::En,
        "Chinese stays off without a font"
    );
}

#[test]
fn a_combination_that_reaches_level_3_interrupts_the_walk_with_its_reason() {
    let mut h = app(Lang::En);
    click(&mut h, "I'm on a call now — check it");
    // Customer service: yes. Knows the tracking number: yes. Overseas, calls back: no.
    for answer in ["Yes", "Yes", "No", "No"] {
        click(&mut h, answer);
    }
    // Offers compensation: yes; the other pretexts no; then asks to add WeChat: yes.
    click(&mut h, "Yes");
    assert_eq!(h.state().screen(), &Screen::Question);
    no_until(&mut h, "add_contact");
    click(&mut h, "Yes");
    assert!(h.state().check().verdict().is_hang_up());
    assert_eq!(
        h.state().screen(),
        &Screen::HangUp(HangUpReason::Rule("refund_off_platform".to_owned())),
        "level 3 without a critical answer still interrupts"
    );
    assert!(shows(&h, "Hang up now"));
    assert!(
        shows(&h, "moves you to WeChat"),
        "the reason is the rule that fired"
    );
    click(&mut h, "Continue the check");
    assert_eq!(h.state().screen(), &Screen::Question);
    assert!(
        shows(&h, "download an app"),
        "the walk goes on after the question answered"
    );
}

#[test]
fn a_trusted_person_set_on_the_rules_screen_is_shown_large_on_the_urgent_screens() {
    let mut h = app(Lang::Zh);
    click(&mut h, "我已经转了钱或给了验证码");
    assert!(!shows(&h, "现在打给"), "nothing to call by default");
    press(&mut h, Key::Escape);
    press(&mut h, Key::Num2);
    assert!(
        !shows(&h, "现在打给"),
        "the hang-up screen reads well without one"
    );
    press(&mut h, Key::Escape);

    press(&mut h, Key::R);
    common::paste_into(&mut h, "名字：", "小明");
    common::paste_into(&mut h, "电话：", "138 0000 1234");
    assert_eq!(h.state().settings().trusted.name, "小明");
    assert_eq!(h.state().settings().trusted.phone, "138 0000 1234");

    press(&mut h, Key::Escape);
    press(&mut h, Key::Num2);
    assert!(matches!(h.state().screen(), Screen::HangUp(_)));
    assert!(shows(&h, "现在打给小明：138 0000 1234"));
    press(&mut h, Key::P);
    assert_eq!(h.state().screen(), &Screen::Emergency);
    assert!(shows(&h, "现在打给小明：138 0000 1234"));

    // A number without a name still says who to call.
    h.state_mut().send(scamcheck::app::Command::Settings(
        scamcheck::app::SettingsCommand::Trusted(scamcheck::app::TrustedContact {
            name: String::new(),
            phone: "138 0000 1234".to_owned(),
        }),
    ));
    h.run();
    assert!(shows(&h, "现在打给你信任的人：138 0000 1234"));
}

#[test]
fn the_rules_screen_saves_the_printable_checklist_as_a_new_file_each_time() {
    let dir = common::temp_dir();
    let mut h = app(Lang::En);
    press(&mut h, Key::R);
    let field = h.get_by_label("Save in folder:");
    field.focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    h.event(egui::Event::Paste(dir.path().display().to_string()));
    h.run();
    scroll_and_click(&mut h, "Save the printable checklist");
    scroll_and_click(&mut h, "Save the printable checklist");
    let names = common::file_names(dir.path());
    assert_eq!(
        names,
        [
            "scamcheck-checklist-en-2.html",
            "scamcheck-checklist-en.html"
        ]
    );
    let page =
        std::fs::read_to_string(dir.path().join("scamcheck-checklist-en.html")).unwrap_or_default();
    assert!(page.contains("@page"), "a printable page");
    assert!(shows(&h, "Saved:"));
}

#[test]
fn corrupt_or_half_written_settings_give_the_defaults_quietly() {
    let chosen = Settings {
        lang: Lang::En,
        zoom: 1.5,
        high_contrast: true,
        trusted: TrustedContact {
            name: "李明".to_owned(),
            phone: "13800000000".to_owned(),
        },
    };
    // Exactly what the app writes.
    let mut saved = MemoryStorage::default();
    eframe::set_value(&mut saved, eframe::APP_KEY, &chosen);
    let Some(written) = saved.0.get(eframe::APP_KEY).cloned() else {
        panic!("nothing was written")
    };
    let mut cut = written.len() / 2;
    while !written.is_char_boundary(cut) {
        cut -= 1;
    }
    let half = &written[..cut];

    let start = |value: &str| {
        let mut storage = MemoryStorage::default();
        storage
            .0
            .insert(eframe::APP_KEY.to_owned(), value.to_owned());
        let options = AppOptions::new(common::rules());
        let has_font = options.cjk_font.is_some();
        let h = common::build_with_storage(options, &storage);
        let settings = h.state().settings().clone();
        let lang = settings.lang;
        let start_shown = h
            .query_by_label(scamcheck::strings::strings(lang).start_check)
            .is_some();
        let screen = h.state().screen().clone();
        let quiet = !h.state().is_confirming_reset() && h.state().rules_status().is_none();
        (settings, has_font, start_shown, screen, quiet)
    };

    // The settings are read: a whole value comes back as it was saved.
    let (settings, _, _, _, _) = start(&written);
    assert_eq!(settings, chosen, "{written}");

    for corrupt in [
        "\u{0}\u{7f}garbage ((( \u{fffd}",
        half,
        "",
        "(zoom: \"large\")",
    ] {
        let (settings, has_font, start_shown, screen, quiet) = start(corrupt);
        let mut expected = Settings::default();
        if !has_font {
            expected.lang = Lang::En;
        }
        assert_eq!(settings, expected, "from {corrupt:?}");
        assert_eq!(screen, Screen::Start, "from {corrupt:?}");
        assert!(start_shown, "the start screen is shown, from {corrupt:?}");
        assert!(quiet, "no question or problem is shown, from {corrupt:?}");
    }
}
