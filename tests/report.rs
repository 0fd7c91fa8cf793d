//! The incident report: what it holds for a normal check and on the emergency path, the
//! optional fields and the pasted text only when given, HTML escaping, and saving — a new file
//! every time, nothing before the button — both as a function and in the real window.

mod common;

use common::{app, click, paste_into, rules, scroll_and_click, shows};
use eframe::egui::{self, Key};
use egui_kittest::kittest::Queryable;
use scamcheck::app::{Screen, SummaryStatus};
use scamcheck::handout::escape;
use scamcheck::report::{PaymentDetails, Report, ReportInput, build, save};
use scamcheck::{Answer, Answers, Lang, RuleSet, evaluate};

const WHEN: &str = "2026-11-23 10:42:00";

/// The report for `answers`, with the optional parts given.
fn report(
    rules: &RuleSet,
    answers: &Answers,
    said: Option<&str>,
    payment: Option<&PaymentDetails>,
    trusted: Option<(&str, &str)>,
    lang: Lang,
) -> Report {
    let verdict = evaluate(rules, answers);
    build(
        &ReportInput {
            rules,
            answers,
            verdict: &verdict,
            number: "+852 2345 6789",
            when: WHEN,
            said,
            payment,
            trusted,
        },
        lang,
    )
}

fn normal_answers() -> Answers {
    Answers::from_iter([
        ("claims_service", Answer::Yes),
        ("knows_details", Answer::No),
        ("screen_share", Answer::Yes),
        ("loan", Answer::Unsure),
    ])
}

fn paid_answers() -> Answers {
    Answers::from_iter([
        ("claims_service", Answer::Yes),
        ("already_paid", Answer::Yes),
    ])
}

fn assert_contains(text: &str, expected: &[&str]) {
    for e in expected {
        assert!(text.contains(e), "missing {e:?} in:\n{text}");
    }
}

fn count(text: &str, needle: &str) -> usize {
    text.matches(needle).count()
}

#[test]
fn a_normal_check_gives_time_number_result_flags_answers_rules_and_the_levels_steps() {
    let rules = rules();
    let text = report(&rules, &normal_answers(), None, None, None, Lang::En).text();
    assert_contains(
        &text,
        &[
            "Incident report: a fake customer-service refund call\n",
            "== What happened ==",
            "Time of the check (when this report was made): 2026-11-23 10:42:00",
            "Caller's number: +852 2345 6789 (Hong Kong number)",
            "Result of the check: level 3: Scam — hang up now",
            "== Red flags (the answers given) ==",
            "- [critical] ",
            "— Yes\n",
            "— Not sure\n",
            "== Other answers ==",
            "— No\n",
            "== What to do next ==",
            "1. Hang up now and do not answer this number again.",
            "2. ",
        ],
    );
    // The fired rules, when the rules explain any for these answers.
    let verdict = evaluate(&rules, &normal_answers());
    for fired in &verdict.rules {
        assert!(text.contains(fired.explain.get(Lang::En)), "{text}");
    }
    // Only the parts that were given.
    for absent in [
        "The payment (as",
        "What the caller said",
        "Trusted person",
        "Money or a code has gone",
    ] {
        assert!(!text.contains(absent), "{absent:?} in:\n{text}");
    }
    assert!(!text.contains("对方"), "no Chinese in the English report");
    // The order of what happened: time, number, result, flags, steps.
    let at = |s: &str| text.find(s).unwrap_or(usize::MAX);
    assert!(at("Time of the check") < at("Caller's number"));
    assert!(at("Caller's number") < at("Result of the check"));
    assert!(at("Result of the check") < at("== Red flags"));
    assert!(at("== Red flags") < at("== What to do next"));
}

#[test]
fn the_chinese_report_is_in_chinese() {
    let rules = rules();
    let text = report(&rules, &normal_answers(), None, None, None, Lang::Zh).text();
    assert_contains(
        &text,
        &[
            "情况记录：冒充客服退款诈骗",
            "== 经过 ==",
            "检查时间（做这份记录的时间）：2026-11-23 10:42:00",
            "来电号码：+852 2345 6789（香港号码）",
            "检查结果：等级 3：是诈骗 — 立即挂断",
            "[致命] ",
            "== 接下来怎么做 ==",
        ],
    );
    let html = report(&rules, &normal_answers(), None, None, None, Lang::Zh).html();
    assert!(html.contains("<html lang=\"zh-CN\">"), "{html}");
}

#[test]
fn the_emergency_path_lists_its_steps_once_in_order_without_the_heading_as_a_step() {
    let rules = rules();
    let empty = PaymentDetails::default();
    let text = report(&rules, &paid_answers(), None, Some(&empty), None, Lang::En).text();
    let emergency = rules.emergency();
    let title = emergency.title.get(Lang::En);
    assert_eq!(count(&text, title), 1, "{text}");
    assert!(
        !text.contains(&format!("1. {title}")),
        "the headline is no step"
    );
    let mut last = 0;
    for (i, step) in emergency.steps.iter().enumerate() {
        let line = format!("{}. {}\n", i + 1, step.text.get(Lang::En));
        let at = text
            .find(&line)
            .unwrap_or_else(|| panic!("{line:?} in:\n{text}"));
        assert!(at > last, "steps in order");
        last = at;
        assert_eq!(count(&text, step.text.get(Lang::En)), 1, "{line}");
    }
    // The level's advice is not repeated after the emergency steps, nor any demo case.
    assert_eq!(count(&text, "== What to do next =="), 1);
    for demo in ["Ms M", "M女士", "M 女士", "demo", "Demo"] {
        assert!(!text.contains(demo), "{demo:?} in:\n{text}");
    }
    assert_contains(
        &text,
        &[
            "== The payment (as the person filled it in) ==\nNot filled in.\n",
            "[emergency] ",
        ],
    );
    for invented in [
        "Time of payment",
        "Amount",
        "Receiving account",
        "What was shared",
    ] {
        assert!(!text.contains(invented), "{invented:?} in:\n{text}");
    }
}

#[test]
fn the_emergency_fields_appear_only_as_filled_in() {
    let rules = rules();
    let payment = PaymentDetails {
        paid_at: "10:15 today".to_owned(),
        amount: " 5,000 yuan ".to_owned(),
        account: String::new(),
        shared: "SMS code, shared screen in a meeting app".to_owned(),
    };
    let text = report(
        &rules,
        &paid_answers(),
        None,
        Some(&payment),
        None,
        Lang::En,
    )
    .text();
    assert_contains(
        &text,
        &[
            "Time of payment: 10:15 today\n",
            "Amount: 5,000 yuan\n",
            "What was shared (code, screen, app installed): SMS code, shared screen in a meeting app\n",
        ],
    );
    assert!(
        !text.contains("Receiving account"),
        "an empty field is left out"
    );
    assert!(!text.contains("Not filled in."));

    let zh = report(
        &rules,
        &paid_answers(),
        None,
        Some(&payment),
        None,
        Lang::Zh,
    )
    .text();
    assert_contains(&zh, &["付款时间：10:15 today\n", "金额：5,000 yuan\n"]);

    // Off the emergency path the fields are not part of the report.
    let normal = report(
        &rules,
        &normal_answers(),
        None,
        Some(&payment),
        None,
        Lang::En,
    )
    .text();
    assert!(!normal.contains("5,000 yuan"), "{normal}");
    assert!(!normal.contains("The payment (as"), "{normal}");
}

#[test]
fn the_pasted_text_is_included_only_when_given() {
    let rules = rules();
    let said = "Your parcel was lost.\nAdd our WeChat to get double compensation.";
    let without = report(&rules, &normal_answers(), None, None, None, Lang::En);
    assert!(!without.text().contains("What the caller said"));
    assert!(!without.text().contains("double compensation"));
    assert!(!without.html().contains("<blockquote>"));

    let with = report(&rules, &normal_answers(), Some(said), None, None, Lang::En);
    assert_contains(
        &with.text(),
        &[
            "== What the caller said (as pasted) ==\n",
            "    Your parcel was lost.\n    Add our WeChat to get double compensation.\n",
        ],
    );
    assert_contains(
        &with.html(),
        &[
            "<blockquote>Your parcel was lost.\nAdd our WeChat to get double compensation.</blockquote>",
        ],
    );

    // Ticked, but nothing was pasted: no empty section.
    let blank = report(
        &rules,
        &normal_answers(),
        Some("  \n "),
        None,
        None,
        Lang::En,
    );
    assert!(!blank.text().contains("What the caller said"));
}

#[test]
fn the_trusted_person_is_in_the_report_when_set() {
    let rules = rules();
    let text = report(
        &rules,
        &paid_answers(),
        None,
        None,
        Some(("Xiaoming", "138 0000 0000")),
        Lang::En,
    )
    .text();
    assert!(
        text.contains("== Trusted person ==\nXiaoming, 138 0000 0000\n"),
        "{text}"
    );
    let zh = report(
        &rules,
        &paid_answers(),
        None,
        None,
        Some(("小明", "138 0000 0000")),
        Lang::Zh,
    )
    .text();
    assert!(zh.contains("== 信任的人 ==\n小明，138 0000 0000\n"), "{zh}");
    let unset = report(
        &rules,
        &paid_answers(),
        None,
        None,
        Some(("Xiaoming", " ")),
        Lang::En,
    );
    assert!(!unset.text().contains("Trusted person"));
}

#[test]
fn the_html_page_is_self_contained_and_every_text_is_escaped() {
    let rules = rules();
    let hostile = "<script>alert(\"x\")</script> & 'q' <img src=x onerror=y>";
    let payment = PaymentDetails {
        amount: hostile.to_owned(),
        ..PaymentDetails::default()
    };
    let html = report(
        &rules,
        &paid_answers(),
        Some(hostile),
        Some(&payment),
        Some(("<b>name</b>", "<i>1</i>")),
        Lang::En,
    )
    .html();
    let escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39; &lt;img src=x onerror=y&gt;";
    assert_eq!(escape(hostile), escaped);
    assert_eq!(
        count(&html, escaped),
        2,
        "the amount and the pasted text:\n{html}"
    );
    assert!(html.contains("&lt;b&gt;name&lt;/b&gt;, &lt;i&gt;1&lt;/i&gt;"));
    for forbidden in [
        "<script", "<img", "<b>", "<i>", "<link", "src=\"", "href=\"", "http://", "https://",
        "@import", "url(",
    ] {
        assert!(!html.contains(forbidden), "{forbidden:?} in:\n{html}");
    }
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert_contains(
        &html,
        &[
            "<meta charset=\"utf-8\">",
            "<style>",
            "@page { size: A4;",
            "@media print",
            "</html>\n",
        ],
    );
    // Every tag opened is closed.
    for tag in [
        "h1",
        "h2",
        "dl",
        "ul",
        "ol",
        "p",
        "li",
        "blockquote",
        "main",
        "body",
    ] {
        assert_eq!(
            count(&html, &format!("<{tag}>")) + count(&html, &format!("<{tag} ")),
            count(&html, &format!("</{tag}>")),
            "<{tag}> in:\n{html}"
        );
    }
}

#[test]
fn two_saves_in_a_row_both_succeed_with_distinct_names_and_nothing_is_overwritten() {
    let dir = common::temp_dir();
    let stamp = "20261123-104200";
    let first = save(dir.path(), stamp, "first").unwrap_or_else(|e| panic!("{e}"));
    let second = save(dir.path(), stamp, "second").unwrap_or_else(|e| panic!("{e}"));
    let third = save(dir.path(), stamp, "third").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        first,
        dir.path().join("scamcheck-report-20261123-104200.html")
    );
    assert_eq!(
        second,
        dir.path().join("scamcheck-report-20261123-104200-2.html")
    );
    assert_eq!(
        third,
        dir.path().join("scamcheck-report-20261123-104200-3.html")
    );
    for (path, contents) in [(&first, "first"), (&second, "second"), (&third, "third")] {
        assert_eq!(
            std::fs::read_to_string(path).ok().as_deref(),
            Some(contents)
        );
    }
    let entries = std::fs::read_dir(dir.path()).map_or(0, Iterator::count);
    assert_eq!(entries, 3, "no temporary file is left");
}

#[test]
fn a_save_into_a_missing_folder_says_so() {
    let dir = common::temp_dir();
    let missing = dir.path().join("no-such-folder");
    let message = save(&missing, "20261123-104200", "x")
        .err()
        .map(|e| e.message(Lang::En))
        .unwrap_or_default();
    assert!(message.contains("does not exist"), "{message}");
}

#[test]
fn in_the_window_the_report_is_written_only_on_the_button_with_what_the_person_added() {
    let dir = common::temp_dir();
    let mut h = app(Lang::En);
    h.state_mut().summary_box().folder = dir.path().display().to_string();
    // The caller's words and number, on "What are they saying?".
    h.key_press(Key::T);
    h.run();
    assert_eq!(h.state().screen(), &Screen::Listen);
    paste_into(
        &mut h,
        "Type or paste what the caller says, or a message you got:",
        "Your parcel <was> lost & we pay double",
    );
    paste_into(&mut h, "The caller's number:", "+852 2345 6789");
    h.key_press(Key::Escape);
    h.run();
    click(&mut h, "I already paid or gave a code");
    assert_eq!(h.state().screen(), &Screen::Emergency);

    // The optional fields, the checkbox (off), the buttons: all there and labelled.
    paste_into(&mut h, "Amount:", "5000 yuan");
    paste_into(&mut h, "Receiving account, card or app:", "6222 0000 1111");
    assert!(shows(&h, "Time of payment:"));
    assert!(shows(&h, "What was shared (code, screen, app installed):"));
    assert!(!h.state_mut().summary_box().include_said, "off by default");
    assert!(
        common::file_names(dir.path()).is_empty(),
        "nothing is written before Save"
    );

    scroll_and_click(&mut h, "Save report");
    let names = common::file_names(dir.path());
    assert_eq!(names.len(), 1, "{names:?}");
    assert!(
        names[0].starts_with("scamcheck-report-") && names[0].ends_with(".html"),
        "{names:?}"
    );
    let first = std::fs::read_to_string(dir.path().join(&names[0])).unwrap_or_default();
    assert_contains(
        &first,
        &[
            "Incident report: a fake customer-service refund call",
            "<dt>Amount</dt><dd>5000 yuan</dd>",
            "<dt>Receiving account, card or app</dt><dd>6222 0000 1111</dd>",
            "+852 2345 6789 (Hong Kong number)",
        ],
    );
    assert!(!first.contains("Time of payment"), "left empty, left out");
    assert!(
        !first.contains("parcel"),
        "the pasted text only when ticked"
    );
    assert!(shows(&h, "Saved: "));
    assert!(shows(
        &h,
        &format!("Open the folder: {}", dir.path().display())
    ));

    // Ticked, and saved again at once: a second file, the first untouched.
    scroll_and_click(&mut h, "Include what the caller said (the text you pasted)");
    assert!(h.state_mut().summary_box().include_said);
    scroll_and_click(&mut h, "Save report");
    let first_name = names[0].clone();
    let names = common::file_names(dir.path());
    assert_eq!(names.len(), 2, "{names:?}");
    let saved: Vec<String> = match &h.state_mut().summary_box().status {
        Some(SummaryStatus::Saved(path)) => {
            vec![std::fs::read_to_string(path).unwrap_or_default()]
        }
        other => panic!("{other:?}"),
    };
    assert!(
        saved[0].contains("Your parcel &lt;was&gt; lost &amp; we pay double"),
        "{}",
        saved[0]
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join(&first_name)).unwrap_or_default(),
        first
    );

    scroll_and_click(&mut h, "Copy report");
    assert!(shows(&h, "Copied."));
    assert_eq!(
        common::file_names(dir.path()).len(),
        2,
        "copying writes nothing"
    );
}

#[test]
fn the_result_screen_offers_the_report_without_the_emergency_fields() {
    let mut h = app(Lang::En);
    h.key_press(Key::Num1);
    h.run();
    // Any card answers "yes"; go to the result from there.
    h.state_mut()
        .send(scamcheck::app::Command::Go(scamcheck::app::Go::Result));
    h.run();
    h.run();
    assert_eq!(h.state().screen(), &Screen::Result);
    assert!(shows(&h, "Save report"));
    assert!(shows(&h, "Copy report"));
    assert!(shows(
        &h,
        "Include what the caller said (the text you pasted)"
    ));
    assert!(
        !shows(&h, "Amount:"),
        "the payment fields are for the emergency path"
    );
}

#[test]
fn a_report_before_any_answer_says_so_and_invents_nothing() {
    let rules = rules();
    let text = report(&rules, &Answers::new(), None, None, None, Lang::En).text();
    assert_contains(
        &text,
        &[
            "Result of the check: level 0",
            "No questions were answered.\n",
            "== What to do next ==\n1. ",
        ],
    );
    for absent in [
        "== Red flags",
        "== Other answers",
        "== Rules that fired",
        "The payment (as",
    ] {
        assert!(!text.contains(absent), "{absent:?} in:\n{text}");
    }
}

#[test]
fn in_the_window_a_failed_save_says_why_in_chinese_and_writes_nothing() {
    let dir = common::temp_dir();
    let missing = dir.path().join("没有这个文件夹");
    let mut h = app(Lang::Zh);
    click(&mut h, "我已经转了钱或给了验证码");
    assert_eq!(h.state().screen(), &Screen::Emergency);

    // The person types the folder over the one filled in.
    let type_folder = |h: &mut egui_kittest::Harness<'_, scamcheck::app::ScamcheckApp>,
                       folder: &str| {
        h.get_by_label("保存到文件夹：").scroll_to_me();
        h.run();
        h.get_by_label("保存到文件夹：").focus();
        h.run();
        h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
        h.run();
        h.event(egui::Event::Paste(folder.to_owned()));
        h.run();
        assert_eq!(h.state_mut().summary_box().folder, folder);
    };
    type_folder(&mut h, &missing.display().to_string());
    scroll_and_click(&mut h, "保存记录");
    let message = format!("文件夹 {} 不存在。请检查文件夹名。", missing.display());
    assert!(
        h.query_by_label(&message).is_some(),
        "{message:?} is not shown"
    );
    assert!(!shows(&h, "已保存："));
    assert!(common::file_names(dir.path()).is_empty(), "nothing written");

    // A folder that refuses files (sysfs refuses them even to root).
    if cfg!(target_os = "linux") {
        let before = common::file_names(std::path::Path::new("/sys"));
        type_folder(&mut h, "/sys");
        scroll_and_click(&mut h, "保存记录");
        assert!(
            h.query_by_label("不能保存到 /sys：没有权限。请换一个文件夹。")
                .is_some(),
            "the /sys message is not shown"
        );
        assert!(!shows(&h, &message), "the earlier message is replaced");
        assert_eq!(common::file_names(std::path::Path::new("/sys")), before);
    }
}
