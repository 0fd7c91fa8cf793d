//! The command line, run as a process: every subcommand and every exit code.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn scamcheck(args: &[&str]) -> Output {
    run_with_stdin(args, None)
}

fn run_with_stdin(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = match Command::new(env!("CARGO_BIN_EXE_scamcheck"))
        .args(args)
        .env("LANG", "en_US.UTF-8")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(err) => panic!("cannot start scamcheck: {err}"),
    };
    if let (Some(input), Some(mut pipe)) = (stdin, child.stdin.take())
        && let Err(err) = pipe.write_all(input.as_bytes())
    {
        panic!("cannot write stdin: {err}");
    }
    match child.wait_with_output() {
        Ok(out) => out,
        Err(err) => panic!("scamcheck did not finish: {err}"),
    }
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn json(out: &Output) -> serde_json::Value {
    match serde_json::from_slice(&out.stdout) {
        Ok(v) => v,
        Err(err) => panic!("not JSON ({err}): {}", stdout(out)),
    }
}

fn shipped_questions() -> usize {
    match scamcheck::RuleSet::embedded() {
        Ok(rules) => rules.questions().len(),
        Err(err) => panic!("{err}"),
    }
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn check_rules_accepts_the_embedded_and_the_shipped_file() {
    let out = scamcheck(&["check-rules"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains(&format!(
            "<embedded rules.ron>: OK — {} questions",
            shipped_questions()
        )),
        "{}",
        stdout(&out)
    );

    let shipped = format!("{}/rules.ron", env!("CARGO_MANIFEST_DIR"));
    let out = scamcheck(&["check-rules", &shipped]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn check_rules_lists_problems_with_positions_and_exits_1() {
    let path = fixture("bad_syntax.ron");
    let out = scamcheck(&["check-rules", &path]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).starts_with(&format!("{path}:")),
        "{}",
        stderr(&out)
    );
    let out = scamcheck(&["check-rules", "/no/such/rules.ron"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("/no/such/rules.ron: cannot read the file"));
}

#[test]
fn score_prints_json_with_the_documented_fields() {
    let out = scamcheck(&[
        "score",
        "--json",
        r#"{"screen_share": Yes, "knows_details": No, "refund_offer": Unsure}"#,
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v = json(&out);
    assert_eq!(v["level"], 3);
    assert_eq!(v["level_name"], "Scam — hang up now");
    assert_eq!(v["emergency"], false);
    assert_eq!(v["flags"][0], "screen_share");
    assert!(
        v["flags"]
            .as_array()
            .is_some_and(|f| f.iter().any(|x| x == "refund_offer"))
    );
    assert!(v["score"].as_u64().is_some_and(|s| s >= 12));
    assert!(v["rules"].is_array());
    assert!(v["advice"].as_array().is_some_and(|a| !a.is_empty()));
}

#[test]
fn score_reads_stdin_and_speaks_chinese() {
    let out = run_with_stdin(
        &["score", "--lang", "zh", "-"],
        Some(r#"{"already_paid": Yes}"#),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("等级 3"), "{text}");
    assert!(text.contains("110"), "{text}");
}

#[test]
fn score_rejects_unknown_ids_and_bad_ron_with_exit_1() {
    let out = scamcheck(&["score", r#"{"screen_sharing": Yes}"#]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out).trim(),
        "ANSWERS: unknown question id `screen_sharing` (see `scamcheck questions`)"
    );
    let out = scamcheck(&["score", r#"{"screen_share": Maybe}"#]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).starts_with("ANSWERS:1:"), "{}", stderr(&out));
}

#[test]
fn analyze_finds_spans_and_scores_them() {
    let out = scamcheck(&[
        "analyze",
        "--json",
        "如果不在5分钟内取消，会严重影响您的个人征信",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v = json(&out);
    assert_eq!(v["level"], 3);
    let findings = v["findings"].as_array().cloned().unwrap_or_default();
    assert!(findings.iter().any(|f| f["question"] == "credit_threat"));
    for f in &findings {
        assert!(f["start"].as_u64() < f["end"].as_u64());
    }
}

#[test]
fn analyze_reads_a_file_and_stdin() {
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(err) => panic!("{err}"),
    };
    let path = dir.path().join("sms.txt");
    if let Err(err) = std::fs::write(&path, "Please share your screen") {
        panic!("{err}");
    }
    let out = scamcheck(&["analyze", "--json", "--file", &path.display().to_string()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(json(&out)["findings"][0]["question"], "screen_share");

    let out = run_with_stdin(
        &["analyze", "-"],
        Some("Your delivery arrives in 45 minutes."),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("does not mean it is safe"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn analyze_refuses_text_over_the_cap_with_exit_1() {
    let big = "a".repeat((1 << 20) + 1);
    let out = run_with_stdin(&["analyze", "-"], Some(&big));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("at most 1048576 bytes"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn questions_lists_all_in_order_in_both_languages() {
    let out = scamcheck(&["questions", "--json", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(0));
    let v = json(&out);
    let ids: Vec<&str> = v["questions"]
        .as_array()
        .map(|qs| qs.iter().filter_map(|q| q["id"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(ids.first(), Some(&"claims_service"));
    assert_eq!(ids.last(), Some(&"already_paid"));
    assert_eq!(ids.len(), shipped_questions());

    let out = scamcheck(&["questions", "--lang", "zh"]);
    assert!(stdout(&out).contains("共享屏幕"), "{}", stdout(&out));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(scamcheck(&["score"]).status.code(), Some(2));
    assert_eq!(scamcheck(&["no-such-command"]).status.code(), Some(2));
    assert_eq!(
        scamcheck(&["questions", "--lang", "fr"]).status.code(),
        Some(2)
    );
}

#[test]
fn a_custom_rules_file_is_used_by_every_subcommand() {
    let minimal = fixture("minimal.ron");
    let out = scamcheck(&["--rules", &minimal, "questions", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(json(&out)["questions"][0]["text"], "Ask claims_service");
    let out = scamcheck(&["--rules", &fixture("bad_syntax.ron"), "score", "{}"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn number_classifies_as_the_window_does() {
    for (number, class) in [
        ("025-96110", "anti_fraud_96110"),
        ("+86 10 96110", "anti_fraud_96110"),
        ("96110", "anti_fraud_96110"),
        ("12381", "warning_sms_12381"),
        ("+852 2345 6789", "hong_kong"),
        ("138 1234 5678", "mainland_mobile"),
    ] {
        let out = scamcheck(&["number", "--json", number]);
        assert_eq!(out.status.code(), Some(0), "{number}: {}", stderr(&out));
        let v = json(&out);
        assert_eq!(v["class"], class, "{number}: {v}");
        assert!(v["meaning"].as_str().is_some_and(|m| !m.is_empty()), "{v}");
        assert!(
            v["not_meaning"].as_str().is_some_and(|m| !m.is_empty()),
            "{v}"
        );
    }
    let out = scamcheck(&["number", "--json", "+852 2345 6789"]);
    assert_eq!(json(&out)["indicates"], "overseas_number");

    let out = scamcheck(&["--lang", "zh", "number", "025-96110"]);
    assert!(stdout(&out).contains("96110 反诈专线"), "{}", stdout(&out));
    let out = scamcheck(&["number", "12345"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stdout(&out).contains("do not know this form"),
        "{}",
        stdout(&out)
    );
    let out = scamcheck(&["number", "call me"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("does not look like a phone number"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn eval_reports_recall_precision_and_every_miss() {
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(err) => panic!("{err}"),
    };
    let corpus = dir.path().join("c.jsonl");
    let lines = [
        r#"{"id": "s1", "kind": "scam", "form": "line", "lang": "zh", "questions": ["screen_share"], "text": "请开启屏幕共享", "source": "test"}"#,
        r#"{"id": "s2", "kind": "scam", "form": "line", "lang": "zh", "questions": ["loan"], "text": "今天天气不错", "source": "test"}"#,
        r#"{"id": "e1", "kind": "everyday", "form": "sms", "lang": "zh", "questions": [], "text": "妈，我到家了", "source": "test"}"#,
    ];
    if let Err(err) = std::fs::write(&corpus, lines.join("\n")) {
        panic!("{err}");
    }
    let path = corpus.display().to_string();
    let out = scamcheck(&["eval", "--json", &path]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v = json(&out);
    assert_eq!(v["scam"], 2);
    assert_eq!(v["everyday"], 1);
    assert_eq!(v["misses"][0]["id"], "s2");
    let text = stdout(&scamcheck(&["eval", &path]));
    assert!(text.contains("scam items at level ≥ 2: 50.0%"), "{text}");
    assert!(text.contains("s2"), "{text}");

    // A label that names no question, and a broken line, are refused with their place.
    std::fs::write(&corpus, lines[0].replace("screen_share", "screen_shar")).ok();
    let out = scamcheck(&["eval", &path]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("unknown question id screen_shar"),
        "{}",
        stderr(&out)
    );
    std::fs::write(&corpus, "{not json").ok();
    let out = scamcheck(&["eval", &path]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains(":1:"), "{}", stderr(&out));
}

#[test]
fn a_reader_that_stops_early_is_no_crash() {
    // `scamcheck questions | head -1`: the pipe closes before everything is written.
    let mut child = match Command::new(env!("CARGO_BIN_EXE_scamcheck"))
        .args(["questions", "--json"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(err) => panic!("cannot start scamcheck: {err}"),
    };
    drop(child.stdout.take());
    let out = match child.wait_with_output() {
        Ok(out) => out,
        Err(err) => panic!("scamcheck did not finish: {err}"),
    };
    assert!(out.status.success(), "{:?}: {}", out.status, stderr(&out));
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
}
