//! Loading rule files: the shipped rules, and broken files with the exact messages a volunteer
//! would see.

use scamcheck::Analyzer;
use scamcheck::rules::{CATALOGUE, LoadError, RuleSet, Severity};

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(err) => panic!("{path}: {err}"),
    }
}

/// The message lines for a rule text that must fail to load, with every pattern compiled as
/// when a person loads a file.
fn problems(name: &str, src: &str) -> Vec<String> {
    match RuleSet::parse(name, src).and_then(Analyzer::checked) {
        Ok(_) => panic!("{name} loaded but should not"),
        Err(err) => err.lines(),
    }
}

#[test]
fn shipped_rules_load_and_cover_the_catalogue() {
    let rules = match RuleSet::embedded() {
        Ok(rules) => rules,
        Err(err) => panic!("{err}"),
    };
    for (id, floor) in CATALOGUE {
        let Some(q) = rules.question(id) else {
            panic!("{id} missing")
        };
        assert!(q.severity >= *floor, "{id}");
        assert!(
            q.source.starts_with("000") || q.source.starts_with("002"),
            "{id}: source must name a seed: {}",
            q.source
        );
    }
    // Questions beside the catalogue (the scam's siblings) cite a public source.
    for q in rules.questions() {
        if !CATALOGUE.iter().any(|(id, _)| *id == q.id) {
            assert!(q.source.contains("http"), "{}: {}", q.id, q.source);
        }
    }
    // Every emergency step says where its advice comes from.
    for step in &rules.emergency().steps {
        assert!(!step.source.trim().is_empty(), "{:?}", step.text);
    }
    for c in rules.combinations() {
        assert!(
            c.source.starts_with("000") || c.source.starts_with("002"),
            "{}",
            c.id
        );
    }
    // Ordered by the scam's steps, so the walk reads as a story.
    let steps: Vec<_> = rules.questions().iter().map(|q| q.step).collect();
    assert!(steps.windows(2).all(|w| w[0] <= w[1]), "{steps:?}");
    // Every question can be recognised in text.
    for q in rules.questions() {
        assert!(!q.patterns.is_empty(), "{} has no patterns", q.id);
    }
}

#[test]
fn the_minimal_fixture_is_valid() {
    let loaded = RuleSet::parse("minimal.ron", &fixture("minimal.ron")).and_then(Analyzer::checked);
    assert!(loaded.is_ok(), "{:?}", loaded.err());
}

#[test]
fn the_shipped_rules_compile_every_pattern() {
    let loaded = RuleSet::embedded().and_then(Analyzer::checked);
    assert!(loaded.is_ok(), "{:?}", loaded.err().map(|e| e.lines()));
}

/// The minimal fixture with a term list and patterns that use it.
fn with_terms(terms: &str, pattern: &str) -> String {
    fixture("minimal.ron")
        .replacen(
            "(\n    questions: [",
            &format!("(\n    terms: {{{terms}}},\n    questions: ["),
            1,
        )
        .replace(
            r#"patterns: [r"屏幕共享"]"#,
            &format!("patterns: [{pattern}]"),
        )
}

#[test]
fn term_lists_are_checked_where_they_are_used_and_where_they_are_written() {
    let src = with_terms(
        r#""share": ["共享", "分享"]"#,
        r#"r"{share} ~ 屏幕", r"{shares}屏幕""#,
    );
    let lines = problems("terms.ron", &src);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].starts_with("terms.ron:14:")
            && lines[0].contains(
                "pattern `{shares}屏幕` uses unknown term `{shares}`; known terms: share"
            )
            && lines[0].ends_with("(at questions[8] (screen_share))"),
        "{lines:?}"
    );

    let src = with_terms(
        r#""share": ["共享", "(分享"], "Bad": ["x"], "empty": []"#,
        r#"r"{share}""#,
    );
    let lines = problems("entries.ron", &src);
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(
        lines
            .iter()
            .any(|l| l.contains("term name `Bad` must be lowercase")),
        "{lines:?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("term list `empty` is empty")),
        "{lines:?}"
    );
    assert!(
        lines.iter().any(|l| l.starts_with("entries.ron:4:")
            && l.contains("entry `(分享` is not a valid regular expression")),
        "{lines:?}"
    );

    let src = with_terms(r#""share": ["共享"]"#, r#"r"{share} ~ ", r"Zoom""#);
    let lines = problems("shape.ron", &src);
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(
        lines
            .iter()
            .any(|l| l.contains("needs 2 to 3 non-empty parts")),
        "{lines:?}"
    );
    assert!(
        lines.iter().any(|l| l.contains("has the capital `Z`")),
        "{lines:?}"
    );
}

#[test]
fn a_value_of_the_wrong_type_names_position_and_path() {
    assert_eq!(
        problems("bad_syntax.ron", &fixture("bad_syntax.ron")),
        ["bad_syntax.ron:7:74: Expected integer (at questions[3].weight)"]
    );
}

#[test]
fn a_misspelt_field_lists_the_expected_fields() {
    assert_eq!(
        problems("unknown_field.ron", &fixture("unknown_field.ron")),
        [
            "unknown_field.ron:8:61: Unexpected field named `wieght` in `Question`, expected one of \
             `id`, `step`, `severity`, `weight`, `text`, `short`, `why`, `hang_up_reason`, `source`, \
             `patterns`, or `unless` instead (at questions[4].wieght)"
        ]
    );
}

#[test]
fn a_missing_language_is_named() {
    assert_eq!(
        problems("missing_language.ron", &fixture("missing_language.ron")),
        [
            "missing_language.ron:10:100: Unexpected missing field named `en` in `Text` (at questions[6].text)"
        ]
    );
}

#[test]
fn every_semantic_problem_is_reported_at_once_in_file_order() {
    assert_eq!(
        problems("bad_semantics.ron", &fixture("bad_semantics.ron")),
        [
            "bad_semantics.ron:3:5: question `loan` is missing; it is part of the stable catalogue (at questions)",
            "bad_semantics.ron:8:61: question `refund_offer`: weight 400 is out of range 0..=100 (at questions[4] (refund_offer))",
            "bad_semantics.ron:8:176: the `zh` text is empty (at questions[4].why)",
            "bad_semantics.ron:10:48: question `add_contact` has severity Medium, below the catalogue's High (at questions[6] (add_contact))",
            "bad_semantics.ron:12:277: pattern `屏幕(共享` is not a valid regular expression: unclosed group (at questions[8] (screen_share))",
            "bad_semantics.ron:13:138: duplicate question id `check_balance` (at questions[10] (check_balance))",
            "bad_semantics.ron:23:62: combination `opening` names unknown question `refund_ofer` (at combinations[0] (opening))",
            "bad_semantics.ron:28:10: thresholds must be strictly ascending: level 2 has min_score 3, not above level 1's 3 (at levels[2])",
        ]
    );
}

#[test]
fn problems_read_in_chinese_for_the_chinese_interface() {
    let zh = |name: &str| match RuleSet::parse(name, &fixture(name)).and_then(Analyzer::checked) {
        Ok(_) => panic!("{name} loaded but should not"),
        Err(err) => err.lines_in(scamcheck::Lang::Zh),
    };
    assert_eq!(
        zh("bad_syntax.ron"),
        ["bad_syntax.ron:7:74: 这里应该是整数（位置：questions[3].weight）"]
    );
    assert_eq!(
        zh("missing_language.ron"),
        ["missing_language.ron:10:100: 缺少字段 `en`（位置：questions[6].text）"]
    );
    let semantics = zh("bad_semantics.ron");
    assert_eq!(semantics.len(), 8);
    assert_eq!(
        semantics[1],
        "bad_semantics.ron:8:61: 问题 `refund_offer`：权重 400 超出范围 0..=100（位置：questions[4] (refund_offer)）"
    );
    for line in &semantics {
        let (_, message) = line.split_once(": ").unwrap_or_default();
        assert!(
            message
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "not in Chinese: {line}"
        );
        assert!(!message.contains(" is "), "English left in: {line}");
    }
    let missing = LoadError::Read {
        origin: "x.ron".to_owned(),
        source: std::io::Error::from(std::io::ErrorKind::NotFound),
    };
    assert_eq!(
        missing.lines_in(scamcheck::Lang::Zh),
        ["x.ron：找不到这个文件"]
    );
}

#[test]
fn not_is_refused_in_a_rule_that_raises_the_risk() {
    let src = fixture("minimal.ron").replace(
        r#"when: All([Yes("knows_details"), Yes("refund_offer")]), add: 2"#,
        r#"when: All([Yes("knows_details"), Not(Yes("refund_offer"))]), add: 2"#,
    );
    let lines = problems("not.ron", &src);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].starts_with("not.ron:24:58:")
            && lines[0].contains("combination `opening` raises the risk but uses `Not`"),
        "{lines:?}"
    );
    // The same condition in a note (no add, no raise_to) is fine.
    let note = src.replace("add: 2, explain", "explain");
    assert!(RuleSet::parse("note.ron", &note).is_ok());
}

#[test]
fn a_pathological_regex_is_refused_at_load_time() {
    let src = fixture("minimal.ron").replace(r#"r"屏幕共享""#, r#"r"(\w{100}){100}""#);
    let lines = problems("huge.ron", &src);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].contains("pattern `(\\w{100}){100}` does not compile")
            && lines[0].contains("size limit"),
        "{lines:?}"
    );
}

#[test]
fn a_medium_question_may_not_reach_level_2_alone() {
    let src = fixture("minimal.ron").replace(
        r#"(id: "knows_details", step: Contact, severity: Medium, weight: 3"#,
        r#"(id: "knows_details", step: Contact, severity: Medium, weight: 9"#,
    );
    let lines = problems("medium.ron", &src);
    assert_eq!(
        lines,
        [
            "medium.ron:6:64: question `knows_details` is Medium but a \"yes\" to it alone gives level 2; \
             Medium allows at most level 1 (lower its weight or raise the thresholds) (at questions[1] (knows_details))"
        ]
    );
}

#[test]
fn a_critical_question_needs_its_hang_up_reason() {
    let src = fixture("minimal.ron").replace(
        r#"severity: Critical, weight: 12, text: (zh: "问loan", en: "Ask loan"), short: (zh: "loan", en: "loan"), why: (zh: "因为", en: "Because"), hang_up_reason: Some((zh: "挂断", en: "Hang up")),"#,
        r#"severity: Critical, weight: 12, text: (zh: "问loan", en: "Ask loan"), short: (zh: "loan", en: "loan"), why: (zh: "因为", en: "Because"),"#,
    );
    let lines = problems("reason.ron", &src);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].contains("question `loan` is Critical but has no `hang_up_reason`"));
}

#[test]
fn a_broken_number_rule_is_named() {
    let src = fixture("minimal.ron")
        .replace(
            r#"pattern: r"^(\+|00)852\d+$""#,
            r#"pattern: r"^(\+|00852""#,
        )
        .replace(
            r#"indicates: Some("overseas_number")"#,
            r#"indicates: Some("overseas")"#,
        );
    let lines = problems("numbers.ron", &src);
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(
        lines
            .iter()
            .any(|l| l.contains("number rule `hk` indicates unknown question `overseas`"))
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("number rule `hk`: pattern `^(\\+|00852` does not compile"))
    );
}

#[test]
fn a_missing_file_is_a_read_error() {
    match RuleSet::load(std::path::Path::new("/no/such/rules.ron")) {
        Err(LoadError::Read { origin, .. }) => assert_eq!(origin, "/no/such/rules.ron"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn garbage_never_panics() {
    for src in [
        "",
        "(",
        "()",
        "[1,2",
        "\u{0}",
        "(questions: 5)",
        "💥",
        "(questions: [], levels: [])",
    ] {
        assert!(RuleSet::parse("junk.ron", src).is_err(), "{src:?}");
    }
}

#[test]
fn severity_floors_are_ordered() {
    let floors: Vec<u8> = [
        Severity::Low,
        Severity::Medium,
        Severity::High,
        Severity::Critical,
        Severity::Emergency,
    ]
    .iter()
    .map(|s| s.yes_floor().number())
    .collect();
    assert_eq!(floors, [0, 0, 2, 3, 3]);
}

/// The rule-file fixtures, and the files the fuzzer (`scripts/fuzz.sh`, target `rules_load`)
/// once crashed on, kept in tests/fixtures/fuzz/rules_load/: each loads as a chosen file does,
/// without panicking, and a refusal says where in the file.
#[test]
fn fixtures_and_fuzzer_finds_load_or_are_refused_with_a_place() {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let files: Vec<std::path::PathBuf> = [fixtures.clone(), fixtures.join("fuzz/rules_load")]
        .iter()
        .filter_map(|dir| std::fs::read_dir(dir).ok())
        .flat_map(|entries| entries.flatten().map(|e| e.path()))
        .collect();
    let mut checked = 0;
    for path in files {
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if !path.is_file() || name.starts_with('.') || name == "README.md" {
            continue;
        }
        let origin = path.display().to_string();
        let loaded = std::panic::catch_unwind(|| Analyzer::load(&path).map(drop));
        let lines_in_file = std::fs::read(&path).map_or(0, |b| b.split(|c| *c == b'\n').count());
        match loaded {
            Err(_) => panic!("{origin}: loading panicked"),
            Ok(Ok(())) => {}
            Ok(Err(LoadError::Read { .. })) => {
                // Not UTF-8 text: refused before it is parsed.
                assert!(std::fs::read_to_string(&path).is_err(), "{origin}");
            }
            Ok(Err(LoadError::Syntax { line, col, .. })) => {
                assert!(
                    (1..=lines_in_file).contains(&line) && col >= 1,
                    "{origin}: syntax error at {line}:{col}, the file has {lines_in_file} lines"
                );
            }
            Ok(Err(LoadError::Invalid { problems })) => {
                assert!(!problems.is_empty(), "{origin}: refused without a reason");
                for p in &problems {
                    assert_eq!(p.origin, origin, "{p}");
                    if let Some((line, col)) = p.position {
                        assert!(
                            (1..=lines_in_file).contains(&line) && col >= 1,
                            "{p}: outside the file's {lines_in_file} lines"
                        );
                    }
                }
            }
        }
        checked += 1;
    }
    // The five hand-written fixtures at least (good, syntax error, unknown field, missing
    // language, bad semantics).
    assert!(checked >= 5, "only {checked} rule files found");
}

#[test]
fn the_reading_lists_are_checked_with_their_position() {
    let shipped = match std::fs::read_to_string("rules.ron") {
        Ok(s) => s,
        Err(err) => panic!("rules.ron: {err}"),
    };
    for list in ["about_the_scam", "refused", "secrecy", "reported"] {
        let marker = format!("    {list}: [\n");
        assert!(shipped.contains(&marker), "rules.ron has a {list} list");
        let src = shipped.replacen(&marker, &format!("{marker}        r\"{{nosuch}}骗\",\n"), 1);
        let line = src[..src.find("{nosuch}").unwrap_or(0)].lines().count();
        let lines = problems("lists.ron", &src);
        assert_eq!(lines.len(), 1, "{list}: {lines:?}");
        assert!(
            lines[0].starts_with(&format!("lists.ron:{line}:"))
                && lines[0].contains("unknown term `{nosuch}`")
                && lines[0].ends_with(&format!("(at {list}[0])")),
            "{list}: {lines:?}"
        );
    }
}

/// The syntax of a pattern is checked when the file is read; what only compiling finds (an
/// unknown Unicode class) is placed in the file just the same when the patterns compile.
#[test]
fn an_unknown_unicode_class_is_placed_in_the_file() {
    let src = scamcheck::rules::EMBEDDED_RULES.replacen(r"[\p{Han}][*]", r"[\p{Hann}][*]", 1);
    assert!(src.contains("Hann"));
    let lines = problems("typo.ron", &src);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].starts_with("typo.ron:")
            && lines[0].contains(r"pattern `[\p{Hann}][*]{1,2}[\p{Han}]?` does not compile")
            && lines[0].ends_with("(at questions[1] (knows_details))"),
        "{lines:?}"
    );
}
