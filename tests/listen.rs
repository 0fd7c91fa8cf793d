//! "What are they saying?" in the real window: typing, highlighting, recording answers, the
//! caller's number, and a 1 MiB paste.

use std::time::Instant;

mod common;

use common::{MemoryStorage, app, paste_into, shows};
use eframe::egui::{self, Key};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use scamcheck::app::listen_ui::TEXT_LIMIT_CHARS;
use scamcheck::app::{ScamcheckApp, Screen};
use scamcheck::corpus::mixed_text;
use scamcheck::session::HangUpReason;
use scamcheck::{Answer, Lang};

fn open_listen(h: &mut Harness<'_, ScamcheckApp>) {
    h.key_press(Key::T);
    h.run();
    assert_eq!(h.state().screen(), &Screen::Listen);
}

const TEXT_FIELD: &str = "Type or paste what the caller says, or a message you got:";

#[test]
fn the_patterns_compile_only_once_the_text_check_is_opened() {
    let mut h = app(Lang::En);
    for _ in 0..5 {
        h.run();
    }
    assert!(
        !h.state().patterns_started(),
        "a start that never opens the text check never compiles its patterns"
    );
    open_listen(&mut h);
    assert!(h.state().patterns_started());
    paste_into(
        &mut h,
        TEXT_FIELD,
        "Please install AnyDesk so I can process your refund.",
    );
    let found = h
        .state()
        .listen()
        .analysis()
        .map(|a| a.questions().join(","));
    assert!(
        found.as_deref().is_some_and(|q| q.contains("download_app")),
        "text pasted at once is analysed: {found:?}"
    );
}

#[test]
fn a_seed_credit_threat_is_found_and_accepting_it_opens_the_hang_up_screen() {
    let mut h = app(Lang::En);
    open_listen(&mut h);
    assert!(
        h.get_by_label(TEXT_FIELD).is_focused(),
        "the cursor is in the text box, ready to type"
    );
    paste_into(
        &mut h,
        TEXT_FIELD,
        "您操作失误取走了别人的理赔款，如果不在5分钟内取消，会严重影响您的个人征信",
    );
    let found = h
        .state()
        .listen()
        .analysis()
        .map(|a| {
            a.questions()
                .iter()
                .map(|q| (*q).to_owned())
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    assert!(found.iter().any(|q| q == "credit_threat"), "{found:?}");
    // Nothing was recorded on its own.
    assert_eq!(h.state().check().answers().get("credit_threat"), None);
    assert_eq!(h.state().check().verdict().level.number(), 0);

    h.get_by_label("Yes, this happened: Threatens my credit or account")
        .click();
    h.run();
    assert_eq!(
        h.state().check().answers().get("credit_threat"),
        Some(Answer::Yes)
    );
    assert_eq!(h.state().check().verdict().level.number(), 3);
    assert_eq!(
        h.state().screen(),
        &Screen::HangUp(HangUpReason::Flag("credit_threat".to_owned()))
    );
}

#[test]
fn an_everyday_delivery_notice_offers_nothing_critical() {
    let mut h = app(Lang::Zh);
    open_listen(&mut h);
    paste_into(
        &mut h,
        "把对方说的话或收到的短信打在这里（或粘贴）：",
        "【某快递】您的快递将于45分钟内送达，请保持电话畅通。",
    );
    let Some(analysis) = h.state().listen().analysis() else {
        panic!("no analysis")
    };
    assert!(
        analysis.verdict.level.number() < 2,
        "{:?}",
        analysis.questions()
    );
    assert!(!shows(&h, "[致命]"), "no critical finding is offered");
}

#[test]
fn a_pasted_warning_or_a_refused_call_is_explained_not_counted() {
    for (lang, label, text, reason, quote) in [
        (
            Lang::Zh,
            "把对方说的话或收到的短信打在这里（或粘贴）：",
            "冒充客服退款诈骗的信号：\n①让你下载会议App、共享屏幕\n②让你打开借呗看看额度",
            "这段文字像是关于这种骗局的提醒",
            "冒充客服退款诈骗的信号",
        ),
        (
            Lang::En,
            "Type or paste what the caller says, or a message you got:",
            "He said he was from Amazon and wanted me to install AnyDesk and share my screen for the refund, so I hung up.",
            "This text tells of a call that was hung up or refused",
            "so I hung up",
        ),
    ] {
        let mut h = app(lang);
        open_listen(&mut h);
        paste_into(&mut h, label, text);
        let Some(analysis) = h.state().listen().analysis() else {
            panic!("no analysis")
        };
        assert!(analysis.findings.is_empty(), "{:?}", analysis.questions());
        assert!(shows(&h, reason), "the reason is on the screen: {text}");
        assert!(shows(&h, quote), "with the words it is read from: {quote}");
        assert!(
            !shows(&h, "[致命]") && !shows(&h, "[critical]"),
            "no critical finding is offered"
        );
    }
}

#[test]
fn the_callers_number_is_explained_and_can_be_recorded() {
    let mut h = app(Lang::En);
    open_listen(&mut h);
    paste_into(&mut h, "The caller's number:", "+852 2345 6789");
    assert!(shows(&h, "Hong Kong number"));
    assert!(shows(
        &h,
        "Normal if you often hear from family in Hong Kong"
    ));
    assert_eq!(h.state().check().answers().get("overseas_number"), None);
    common::scroll_and_click(&mut h, "Yes, this happened: Calls from an overseas number");
    assert_eq!(
        h.state().check().answers().get("overseas_number"),
        Some(Answer::Yes)
    );
    assert!(shows(&h, "Recorded as yes"));
}

#[test]
fn back_returns_to_the_question_being_asked() {
    let mut h = app(Lang::En);
    h.key_press(Key::Enter);
    h.run();
    h.key_press(Key::Y);
    h.run();
    open_listen(&mut h);
    h.get_by_label("Back").click();
    h.run();
    assert_eq!(h.state().screen(), &Screen::Question);
    let total = h.state().rules().questions().len();
    assert!(shows(&h, &format!("Question 2 of {total}")));
}

/// A 1 MiB paste is cut to the limit, the screen says so, and the window keeps responding.
/// Prints frame times (measurements, not assertions) for 1 KiB, 100 KiB and 1 MiB pastes.
#[test]
fn a_one_mebibyte_paste_is_cut_and_the_window_keeps_responding() {
    for size in [1024, 100 * 1024, 1024 * 1024] {
        let mut h = app(Lang::En);
        open_listen(&mut h);
        let text = mixed_text(size);
        let node = h.get_by_label(TEXT_FIELD);
        node.focus();
        h.run();
        let paste = Instant::now();
        h.event(egui::Event::Paste(text.clone()));
        h.step();
        let paste_frame = paste.elapsed();
        h.run();
        let steady = Instant::now();
        for _ in 0..10 {
            h.step();
        }
        let steady_frame = steady.elapsed() / 10;
        eprintln!(
            "paste of {size} bytes: first frame {paste_frame:?}, then {steady_frame:?} per frame (debug build)"
        );
        let kept = h.state().listen().text().chars().count();
        if text.chars().count() > TEXT_LIMIT_CHARS {
            assert_eq!(kept, TEXT_LIMIT_CHARS);
            assert!(shows(&h, "only the first 20000 characters are kept"));
        } else {
            assert_eq!(h.state().listen().text(), text);
        }
        // Still responding: the back button works.
        h.get_by_label("Back").click();
        h.run();
        assert_eq!(h.state().screen(), &Screen::Start);
    }
}

#[test]
fn nothing_about_the_call_is_saved_only_the_settings() {
    use eframe::App as _;
    let mut h = app(Lang::En);
    h.key_press(Key::Enter);
    h.run();
    h.key_press(Key::Y);
    h.run();
    open_listen(&mut h);
    paste_into(&mut h, "The caller's number:", "+852 2345 6789");
    paste_into(
        &mut h,
        TEXT_FIELD,
        "Please share your screen with the meeting number 8812",
    );
    let mut storage = MemoryStorage::default();
    h.state_mut().save(&mut storage);
    assert!(
        !h.state().persist_egui_memory(),
        "egui memory (cursors, scrolling) stays in RAM"
    );
    let keys: Vec<&String> = storage.0.keys().collect();
    assert_eq!(keys, vec![eframe::APP_KEY], "only the settings are saved");
    let saved = storage.0.values().cloned().collect::<String>();
    for secret in ["2345", "share your screen", "8812", "claims_service", "Yes"] {
        assert!(
            !saved.contains(secret),
            "{secret:?} would be written to disk: {saved}"
        );
    }
    assert!(saved.contains("lang") && saved.contains("zoom"), "{saved}");
}

#[test]
fn the_text_meter_tells_the_truth_and_record_all_then_continue_returns_to_the_text() {
    let mut h = app(Lang::En);
    open_listen(&mut h);
    let said = "我是快递客服，您的包裹丢了，给您双倍赔偿。请下载会议App开启屏幕共享。";
    paste_into(&mut h, TEXT_FIELD, said);
    // What the text suggests is shown with its own level, apart from the answers.
    assert!(shows(&h, "What this text suggests:"));
    assert!(shows(&h, "Scam — hang up now"), "the text's level is named");
    assert!(shows(&h, "Your answers so far:"));
    assert_eq!(h.state().check().verdict().level.number(), 0);

    let found = h
        .state()
        .listen()
        .analysis()
        .map(|a| a.questions().len())
        .unwrap_or_default();
    assert!(
        found >= 3,
        "a service claim and two critical requests: {found}"
    );
    common::click(&mut h, "Record all as yes (2 critical)");
    for id in ["download_app", "screen_share"] {
        assert_eq!(
            h.state().check().answers().get(id),
            Some(Answer::Yes),
            "{id}"
        );
    }
    assert!(
        matches!(h.state().screen(), Screen::HangUp(_)),
        "recording a critical yes interrupts: {:?}",
        h.state().screen()
    );
    common::click(&mut h, "Continue the check");
    assert_eq!(
        h.state().screen(),
        &Screen::Listen,
        "continue goes back to the text check"
    );
    assert_eq!(h.state().listen().text(), said, "the text is intact");
    assert!(
        h.query_by_label("Record all as yes (2 critical)").is_none(),
        "nothing critical is left to record"
    );
}
