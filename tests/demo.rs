//! Demo mode, the quiz, the presenter's reset, the rules screen with reload, and the summary —
//! in the real window, by label and by key.

mod common;

use common::{app, click, press, scroll_and_click, shows};
use eframe::egui::{self, Key};
use egui_kittest::kittest::Queryable;
use scamcheck::app::Screen;
use scamcheck::app::rules_ui::LoadStatus;
use scamcheck::{Answer, Lang};

const BANNER: &str = "DEMO — practice with real cases";

#[test]
fn a_whole_case_steps_through_with_keys_and_marks_the_moment_to_hang_up() {
    let mut h = app(Lang::En);
    click(&mut h, "Demo");
    assert_eq!(h.state().screen(), &Screen::Demo);
    press(&mut h, Key::Num1);
    assert!(shows(&h, "Ms M: the \"international logistics\" claim"));
    assert!(shows(&h, "Step 1 of 10"));
    assert!(!shows(&h, "This is where to hang up!"));
    // The article's own words are told apart from a retelling.
    assert!(shows(&h, "The caller says (as the article tells it):"));
    for _ in 0..4 {
        press(&mut h, Key::Space);
    }
    assert!(shows(&h, "Step 5 of 10"));
    assert!(shows(&h, "This is where to hang up!"));
    // The first call alone — a Hong Kong number, "international logistics", a refund — already
    // reads "hang up now".
    assert!(shows(
        &h,
        "The check already said \"hang up now\" at step 1."
    ));
    assert!(shows(&h, "Scam — hang up now"), "the meter is at level 3");
    press(&mut h, Key::ArrowLeft);
    assert!(shows(&h, "Step 4 of 10"));
    for _ in 0..4 {
        press(&mut h, Key::ArrowRight);
    }
    assert!(shows(&h, "Step 8 of 10"));
    assert!(shows(&h, "The caller says (the article's words):"));
    for _ in 0..2 {
        press(&mut h, Key::ArrowRight);
    }
    assert!(shows(&h, "Step 10 of 10"));
    press(&mut h, Key::Space);
    assert!(shows(&h, "How it ended"));
    assert!(shows(&h, "Ms M lost more than 190,000 yuan."));
    assert!(shows(&h, "Be very careful with unknown calls from abroad"));
    // The demo never touched the live check.
    assert!(h.state().check().is_empty());
    press(&mut h, Key::Escape);
    assert_eq!(h.state().demo().case(), None);
}

#[test]
fn the_demo_banner_shows_in_demo_and_quiz_and_never_in_a_live_check() {
    let mut h = app(Lang::En);
    assert!(!shows(&h, BANNER));
    click(&mut h, "I'm on a call now — check it");
    assert!(!shows(&h, BANNER));
    click(&mut h, "Demo");
    assert!(shows(&h, BANNER));
    click(&mut h, "Quiz: scam or not?");
    assert!(shows(&h, BANNER));
    press(&mut h, Key::Escape);
    press(&mut h, Key::Escape);
    assert_eq!(h.state().screen(), &Screen::Start);
    assert!(!shows(&h, BANNER));
}

#[test]
fn the_quiz_takes_a_guess_reveals_the_reason_and_ends_with_a_score() {
    let mut h = app(Lang::Zh);
    click(&mut h, "演示");
    click(&mut h, "小测验：是不是诈骗？");
    assert!(shows(&h, "批发商账号"));
    let reason = "“误开业务要扣钱”是常见借口";
    assert!(!shows(&h, reason), "the answer is hidden until a guess");
    click(&mut h, "是诈骗");
    assert!(shows(&h, "答对了！"));
    assert!(shows(&h, reason));
    assert!(h.query_by_label("是诈骗").is_some(), "the answer is named");
    press(&mut h, Key::Space);
    assert!(shows(&h, "第 2 句 / 共 8 句"));
    assert!(!shows(&h, "不要跟着对方“取消”"));
    click(&mut h, "揭晓答案");
    assert!(
        !shows(&h, "答对了！") && !shows(&h, "答错了。"),
        "no guess, no grade"
    );
    for _ in 2..8 {
        press(&mut h, Key::Space);
        press(&mut h, Key::Space);
    }
    assert!(shows(&h, "第 8 句 / 共 8 句"));
    click(&mut h, "看得分");
    assert!(h.state().quiz().is_finished());
    assert!(shows(&h, "答对 1 句（共答了 1 句，全部 8 句）"));
    click(&mut h, "再来一次");
    assert!(shows(&h, "第 1 句 / 共 8 句"));
    assert!(!h.state().quiz().is_finished());
}

#[test]
fn the_reset_key_asks_once_then_clears_everything_for_the_next_person() {
    let mut h = app(Lang::En);
    click(&mut h, "I'm on a call now — check it");
    click(&mut h, "Yes");
    press(&mut h, Key::Escape);
    click(&mut h, "Demo");
    press(&mut h, Key::Num2);
    press(&mut h, Key::Space);
    assert_eq!(h.state().check().answers().len(), 1);

    press(&mut h, Key::F5);
    assert!(h.state().is_confirming_reset());
    assert!(shows(&h, "Clear everything for the next person?"));
    click(&mut h, "Cancel");
    assert!(!h.state().is_confirming_reset());
    assert_eq!(
        h.state().check().answers().len(),
        1,
        "cancel keeps everything"
    );

    press(&mut h, Key::F5);
    press(&mut h, Key::Enter);
    assert!(!h.state().is_confirming_reset());
    assert_eq!(h.state().screen(), &Screen::Start);
    assert!(h.state().check().is_empty());
    assert_eq!(h.state().demo().case(), None);
    assert!(h.state().listen().text().is_empty());
}

#[test]
fn the_rules_screen_lists_every_question_and_rule_with_its_source() {
    let mut h = app(Lang::En);
    click(&mut h, "Rules");
    let rules = h.state().rules();
    let ids: Vec<String> = rules.questions().iter().map(|q| q.id.clone()).collect();
    let combos: Vec<String> = rules.combinations().iter().map(|c| c.id.clone()).collect();
    for id in ids.iter().chain(&combos) {
        assert!(shows(&h, id), "{id} is not on the rules screen");
    }
    assert!(shows(&h, "source: 002 执着赔偿"));
    assert!(shows(
        &h,
        "knows_details and (refund_offer or account_charge)"
    ));
}

#[test]
fn loading_a_broken_rule_file_keeps_the_rules_and_a_good_one_takes_effect() {
    let dir = common::temp_dir();
    let broken = dir.path().join("broken.ron");
    let shipped = format!("{}/rules.ron", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&shipped).unwrap_or_default();
    let edited = text.replacen(
        "zh: \"来电或短信自称是网店、平台、快递或物流公司的客服吗？\"",
        "zh: \"对方自称客服吗？\"",
        1,
    );
    assert_ne!(edited, text);
    let good = dir.path().join("good.ron");
    let writes = std::fs::write(&broken, text.replacen("weight: 1,", "weight: \"one\",", 1))
        .and_then(|()| std::fs::write(&good, &edited));
    if let Err(err) = writes {
        panic!("{err}");
    }

    let mut h = app(Lang::Zh);
    click(&mut h, "我正在接电话 — 帮我判断");
    click(&mut h, "是");
    click(&mut h, "规则");
    let field = h.get_by_label("规则文件：");
    field.focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    h.event(egui::Event::Paste(broken.display().to_string()));
    h.run();
    scroll_and_click(&mut h, "加载这个文件");
    match h.state().rules_status() {
        Some(LoadStatus::Problems(err)) => {
            let lines = err.lines_in(Lang::Zh);
            assert!(
                lines[0].starts_with(&format!("{}:", broken.display())),
                "{lines:?}"
            );
            assert!(lines[0].contains("这里应该是整数"), "{lines:?}");
            assert!(
                lines[0].contains("（位置：questions[0].weight）"),
                "{lines:?}"
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(shows(&h, "这个文件有问题，仍在使用原来的规则"));
    assert_eq!(h.state().rules().origin(), "<embedded rules.ron>");

    let field = h.get_by_label("规则文件：");
    field.focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    h.event(egui::Event::Paste(good.display().to_string()));
    h.run();
    scroll_and_click(&mut h, "加载这个文件");
    assert!(matches!(
        h.state().rules_status(),
        Some(LoadStatus::Loaded { questions: 20, .. })
    ));
    assert_eq!(h.state().rules().origin(), good.display().to_string());
    assert_eq!(
        h.state().check().answers().get("claims_service"),
        Some(Answer::Yes),
        "answers survive a reload"
    );
    assert!(shows(&h, "对方自称客服吗？"));
}

#[test]
fn the_summary_is_saved_only_on_request_and_never_over_an_existing_file() {
    let dir = common::temp_dir();
    let mut h = app(Lang::En);
    click(&mut h, "I already paid or gave a code");
    assert_eq!(h.state().screen(), &Screen::Emergency);
    let names = || common::file_names(dir.path());
    h.state_mut().summary_box().folder = dir.path().display().to_string();
    h.run();
    assert!(names().is_empty(), "nothing is written before Save");
    scroll_and_click(&mut h, "Save report");
    let first = names();
    assert_eq!(first.len(), 1, "{:?}", h.state_mut().summary_box().status);
    let saved = std::fs::read_to_string(dir.path().join(&first[0])).unwrap_or_default();
    assert!(
        saved.contains("Incident report: a fake customer-service refund call"),
        "{saved}"
    );
    assert!(saved.contains("Have you already transferred money or given them a code? — Yes"));
    assert!(shows(&h, "Saved:"));

    // A second save at once: a new file beside the first, which is left as it was.
    scroll_and_click(&mut h, "Save report");
    let both = names();
    assert_eq!(both.len(), 2, "{:?}", h.state_mut().summary_box().status);
    assert!(both.contains(&first[0]));
    assert!(!shows(&h, "already exists"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join(&first[0])).unwrap_or_default(),
        saved
    );

    scroll_and_click(&mut h, "Copy report");
    assert!(shows(&h, "Copied."));
}

#[test]
fn a_broken_rule_file_at_start_opens_on_the_built_in_rules_and_says_so() {
    let rules = match scamcheck::RuleSet::embedded() {
        Ok(r) => r,
        Err(err) => panic!("{err}"),
    };
    let broken = scamcheck::rules::EMBEDDED_RULES.replacen("weight: 1,", "weight: \"one\",", 1);
    let Err(problem) = scamcheck::RuleSet::parse("my.ron", &broken) else {
        panic!("a text weight must be refused");
    };
    let mut h = common::build(scamcheck::app::AppOptions {
        lang: Some(Lang::En),
        rules_problem: Some(problem),
        ..scamcheck::app::AppOptions::new(rules)
    });
    assert!(shows(&h, "The rule file given at start has problems"));
    click(
        &mut h,
        "The rule file given at start has problems, so the built-in rules are in use. Show the problems.",
    );
    assert_eq!(h.state().screen(), &Screen::Rules);
    assert!(shows(&h, "Expected integer"));
    assert!(shows(&h, "my.ron:"));
    assert_eq!(h.state().rules().origin(), "<embedded rules.ron>");
}

#[test]
fn f11_asks_the_window_for_fullscreen() {
    let mut h = app(Lang::En);
    assert!(
        common::f11_asks_for_fullscreen(&mut h),
        "no fullscreen command was sent"
    );
}
