//! The summary to report: its content in each language, and saving it safely.

mod common;

use common::rules;

use scamcheck::summary::{SaveProblem, SummaryInput, file_name, save_new, summary};
use scamcheck::{Answer, Answers, Lang, evaluate};

fn text(lang: Lang) -> String {
    let rules = rules();
    let answers = Answers::from_iter([
        ("claims_service", Answer::Yes),
        ("knows_details", Answer::No),
        ("screen_share", Answer::Yes),
        ("loan", Answer::Unsure),
    ]);
    let verdict = evaluate(&rules, &answers);
    summary(
        &SummaryInput {
            rules: &rules,
            answers: &answers,
            verdict: &verdict,
            number: "+852 2345 6789",
            when: "2026-11-23 10:42",
        },
        lang,
    )
}

#[test]
fn the_english_summary_has_time_number_answers_flags_verdict_steps_and_hotlines() {
    let text = text(Lang::En);
    for expected in [
        "# scamcheck — call check summary",
        "- Date and time: 2026-11-23 10:42",
        "- Caller's number: +852 2345 6789 (Hong Kong number)",
        "- Result: level 3 — Scam — hang up now",
        "## Answers",
        "- Do they ask you to share your screen, or to join a meeting with a meeting number? — **Yes**",
        "— **No**",
        "— **Not sure**",
        "## Red flags",
        "## What to do",
        "1. ",
        "- **110** — Police: call at once if money has gone",
        "- **96110** —",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    assert!(!text.contains("对方"), "no Chinese in the English summary");
}

#[test]
fn the_chinese_summary_is_in_chinese() {
    let text = text(Lang::Zh);
    for expected in [
        "# 防骗检查记录（scamcheck）",
        "- 时间: 2026-11-23 10:42",
        "- 来电号码: +852 2345 6789 (香港号码)",
        "- 结果: 等级 3 — 是诈骗 — 立即挂断",
        "## 回答",
        "**是**",
        "**不确定**",
        "## 危险信号",
        "- **110** — 报警",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
}

#[test]
fn saving_writes_the_file_and_leaves_no_temporary_file() {
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(err) => panic!("{err}"),
    };
    let path = dir.path().join(file_name("20261123-1042"));
    if let Err(err) = save_new(&path, "summary text") {
        panic!("{err}");
    }
    assert_eq!(
        std::fs::read_to_string(&path).ok().as_deref(),
        Some("summary text")
    );
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name())
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(names.len(), 1, "{names:?}");
}

#[test]
fn saving_never_overwrites_an_existing_file() {
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(err) => panic!("{err}"),
    };
    let path = dir.path().join("summary.md");
    if let Err(err) = std::fs::write(&path, "earlier summary") {
        panic!("{err}");
    }
    match save_new(&path, "new summary") {
        Err(err) => assert_eq!(err.problem, SaveProblem::Exists),
        Ok(()) => panic!("an existing file was overwritten"),
    }
    assert_eq!(
        std::fs::read_to_string(&path).ok().as_deref(),
        Some("earlier summary")
    );
    let message = save_new(&path, "x")
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert_eq!(
        message,
        "A file called summary.md already exists. Nothing was overwritten: choose another name."
    );
}

#[test]
fn a_failing_save_says_why_in_plain_words_and_leaves_nothing_behind() {
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(err) => panic!("{err}"),
    };
    // A folder that does not exist.
    let missing = dir.path().join("no-such-folder").join("summary.md");
    let message = save_new(&missing, "x")
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        message.starts_with("The folder ") && message.contains("does not exist"),
        "{message}"
    );

    // The write succeeds into the temporary file, then the final step fails: the name is
    // taken by a folder. The temporary file must be gone afterwards.
    let taken = dir.path().join("summary.md");
    if let Err(err) = std::fs::create_dir(&taken) {
        panic!("{err}");
    }
    assert!(save_new(&taken, "x").is_err());
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(
        names,
        vec!["summary.md".to_owned()],
        "only the folder is left"
    );
}
