//! The demo cases load, validate, and score as the seeds say: each reaches level 3 at or before
//! the step where the person should have hung up.

mod common;

use common::rules;

use scamcheck::RuleSet;
use scamcheck::cases::{Case, Cases, EMBEDDED_CASES, SaidFrom};

fn cases(rules: &RuleSet) -> Cases {
    match Cases::embedded(rules) {
        Ok(c) => c,
        Err(err) => panic!("the shipped cases must load:\n{err}"),
    }
}

fn case<'a>(cases: &'a Cases, id: &str) -> &'a Case {
    match cases.cases.iter().find(|c| c.id == id) {
        Some(c) => c,
        None => panic!("no case {id}"),
    }
}

/// Level 3 is reached at or before the hang-up marker, and the risk only climbs.
fn assert_stops_in_time(id: &str) {
    let rules = rules();
    let cases = cases(&rules);
    let case = case(&cases, id);
    let Some(marker) = case.hang_up_step() else {
        panic!("{id} has no hang-up marker")
    };
    let levels: Vec<u8> = (0..case.steps.len())
        .map(|step| case.verdict_through(&rules, step).level.number())
        .collect();
    assert_eq!(
        levels[marker],
        3,
        "{id}: level at the marker (step {}): {levels:?}",
        marker + 1
    );
    assert!(levels.windows(2).all(|w| w[0] <= w[1]), "{id}: {levels:?}");
    assert!(
        case.verdict_through(&rules, case.steps.len() - 1).emergency,
        "{id}: the money went, so the last step is an emergency"
    );
}

#[test]
fn m_case_stops_in_time() {
    assert_stops_in_time("m_international_logistics");
}

#[test]
fn jiang_case_stops_in_time() {
    assert_stops_in_time("jiang_membership");
}

#[test]
fn cai_case_stops_in_time() {
    assert_stops_in_time("cai_refund_link");
}

#[test]
fn ye_case_stops_in_time() {
    assert_stops_in_time("ye_loan_qr");
}

#[test]
fn every_answer_in_the_cases_is_a_question_of_the_rules() {
    let rules = rules();
    let cases = cases(&rules);
    assert_eq!(cases.cases.len(), 4);
    for case in &cases.cases {
        for step in &case.steps {
            for id in &step.yes {
                assert!(rules.question(id).is_some(), "{}: {id}", case.id);
            }
        }
    }
    assert!(cases.quiz.len() >= 6);
    assert!(
        cases.quiz.iter().any(|q| !q.is_scam),
        "the quiz has ordinary lines too"
    );
}

#[test]
fn broken_cases_are_reported_with_positions() {
    let rules = rules();
    let src = EMBEDDED_CASES
        .replacen(r#"yes: ["persistent_calls"]"#, r#"yes: ["persistant_calls"]"#, 1)
        .replacen(
            r#"yes: ["claims_service", "account_charge"],"#,
            r#"yes: ["claims_service", "account_charge"], hang_up: Some((zh: "挂", en: "Hang up")),"#,
            1,
        );
    let lines = match Cases::parse("cases.ron", &src, &rules) {
        Ok(_) => panic!("broken cases loaded"),
        Err(err) => err.lines(),
    };
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(
        lines[0].starts_with("cases.ron:")
            && lines[0].contains("names unknown question `persistant_calls`"),
        "{lines:?}"
    );
    assert!(
        lines[1].contains("case `jiang_membership` has 2 `hang_up` markers"),
        "{lines:?}"
    );
    let syntax = match Cases::parse("cases.ron", "(cases: [(id: 1)])", &rules) {
        Ok(_) => panic!("loaded"),
        Err(err) => err.to_string(),
    };
    assert_eq!(syntax, "cases.ron:1:14: Expected string (at cases[0].id)");
}

/// The article a case comes from, as kept in `docs/sources/`.
fn article(id: &str) -> String {
    let dir = format!("{}/docs/sources", env!("CARGO_MANIFEST_DIR"));
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(err) => panic!("{dir}: {err}"),
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(&format!("{id}_")) {
            return std::fs::read_to_string(entry.path()).unwrap_or_default();
        }
    }
    panic!("no article {id} in {dir}")
}

#[test]
fn every_passage_and_quotation_is_the_articles_own_words() {
    let rules = rules();
    let cases = cases(&rules);
    for case in &cases.cases {
        let text = article(&case.source);
        for (j, step) in case.steps.iter().enumerate() {
            for passage in &step.passages {
                assert!(
                    text.contains(passage.as_str()),
                    "{} step {}: passage not in article {}: {passage}",
                    case.id,
                    j + 1,
                    case.source
                );
            }
            if let Some(said) = &step.said
                && said.from == SaidFrom::Quote
            {
                let quote = said.zh.trim_end_matches(['。', '，', '！', '？']);
                assert!(
                    text.contains(quote),
                    "{} step {}: quoted words not in article {}: {quote}",
                    case.id,
                    j + 1,
                    case.source
                );
            }
        }
    }
}

#[test]
fn the_cases_invent_no_genders_and_unmask_no_names() {
    let rules = rules();
    let cases = cases(&rules);
    for case in &cases.cases {
        let mut zh = vec![case.title.zh.clone(), case.loss.zh.clone()];
        let mut en = vec![case.title.en.clone(), case.loss.en.clone()];
        for step in &case.steps {
            zh.push(step.narration.zh.clone());
            en.push(step.narration.en.clone());
            if let Some(said) = &step.said {
                zh.push(said.zh.clone());
                en.push(said.en.clone());
            }
        }
        // The articles mask brands (*猫, *东, *宝, 云*付); the cases keep them masked.
        for text in &zh {
            for unmasked in ["天猫", "京东", "淘宝", "云闪付"] {
                assert!(
                    !text.contains(unmasked),
                    "{}: {unmasked} in {text}",
                    case.id
                );
            }
        }
        // Only 002 names a gender (M 女士, her husband); 000's cases name none.
        if case.source == "000" {
            for text in &zh {
                assert!(
                    !text.contains('他') && !text.contains('她'),
                    "{}: {text}",
                    case.id
                );
            }
            for text in &en {
                let words: Vec<String> = text
                    .split(|c: char| !c.is_ascii_alphabetic())
                    .map(str::to_lowercase)
                    .collect();
                for gendered in ["he", "she", "his", "her", "him", "mr", "ms", "mrs"] {
                    assert!(!words.iter().any(|w| w == gendered), "{}: {text}", case.id);
                }
            }
        }
    }
}
