//! The demo cases load, validate, and score as the seeds say: each reaches level 3 at or before
//! the step where the person should have hung up.

mod common;

use common::rules;

use scamcheck::RuleSet;
use scamcheck::cases::{Case, Cases, EMBEDDED_CASES};

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
