//! The cases in the seeds, answered step by step, score as the seeds say they should.

mod common;

use common::rules;

use scamcheck::{Answer, Answers, RuleSet, evaluate};

/// Answers the steps in order and returns the level after each.
fn levels_along(rules: &RuleSet, steps: &[(&str, Answer)]) -> Vec<u8> {
    let mut answers = Answers::new();
    steps
        .iter()
        .map(|(id, answer)| {
            answers.set(*id, *answer);
            evaluate(rules, &answers).level.number()
        })
        .collect()
}

fn yes(ids: &[&'static str]) -> Vec<(&'static str, Answer)> {
    ids.iter().map(|id| (*id, Answer::Yes)).collect()
}

#[test]
fn m_case_of_002_reaches_level_3_no_later_than_screen_sharing() {
    let rules = rules();
    // 002: a Hong Kong call from "international logistics customer service", a crushed parcel,
    // calls again, knows the tracking number, claims group, meeting app and screen sharing, …
    let steps = yes(&[
        "overseas_number",
        "claims_service",
        "refund_offer",
        "persistent_calls",
        "knows_details",
        "add_contact",
        "download_app",
        "screen_share",
        "check_balance",
        "loan",
        "credit_threat",
        "face_scan",
        "transfer",
        "card_or_code",
    ]);
    let levels = levels_along(&rules, &steps);
    let screen_share_at = steps
        .iter()
        .position(|(id, _)| *id == "screen_share")
        .unwrap_or(usize::MAX);
    let first_level_3 = levels.iter().position(|l| *l == 3).unwrap_or(usize::MAX);
    assert!(
        first_level_3 <= screen_share_at,
        "level 3 first at step {first_level_3}, screen sharing is step {screen_share_at}: {levels:?}"
    );
    // The risk only climbs along the way.
    assert!(levels.windows(2).all(|w| w[0] <= w[1]), "{levels:?}");
    // The first two answers alone are not yet "hang up": an overseas caller claiming service.
    assert!(levels[0] <= 1, "{levels:?}");
}

#[test]
fn jiang_membership_cancellation_with_balance_clearing_reaches_level_3() {
    // 000 姜某某: cancel a membership, clear the balance, add WeChat, transfer via wallets.
    let rules = rules();
    let levels = levels_along(
        &rules,
        &yes(&[
            "claims_service",
            "account_charge",
            "add_contact",
            "transfer",
        ]),
    );
    assert_eq!(levels.last(), Some(&3), "{levels:?}");
    // Membership + WeChat is already the known pattern, before any transfer.
    assert_eq!(levels[2], 3, "{levels:?}");
}

#[test]
fn cai_refund_link_with_card_number_and_code_reaches_level_3() {
    // 000 蔡某: a refund, a link, card number and verification code.
    let rules = rules();
    let levels = levels_along(
        &rules,
        &yes(&[
            "claims_service",
            "refund_offer",
            "link_or_qr",
            "card_or_code",
        ]),
    );
    assert_eq!(levels, vec![0, 2, 3, 3]);
}

#[test]
fn ye_refund_with_loan_and_qr_payment_reaches_level_3() {
    // 000 叶某: a refund, a 借呗 loan, WeChat, scanning a QR code to pay.
    let rules = rules();
    let levels = levels_along(
        &rules,
        &yes(&[
            "claims_service",
            "refund_offer",
            "loan",
            "add_contact",
            "link_or_qr",
        ]),
    );
    assert_eq!(levels[2], 3, "the loan alone must give level 3: {levels:?}");
    assert_eq!(levels.last(), Some(&3));
}

#[test]
fn a_real_courier_who_knows_the_tracking_number_stays_at_level_0_or_1() {
    let rules = rules();
    let mut answers = Answers::new();
    answers.set("claims_service", Answer::Yes);
    answers.set("knows_details", Answer::Yes);
    for id in [
        "refund_offer",
        "account_charge",
        "add_contact",
        "download_app",
        "screen_share",
        "check_balance",
        "loan",
        "credit_threat",
        "link_or_qr",
        "card_or_code",
        "face_scan",
        "transfer",
        "already_paid",
    ] {
        answers.set(id, Answer::No);
    }
    let verdict = evaluate(&rules, &answers);
    assert!(verdict.level.number() <= 1, "{verdict:?}");
    assert!(!verdict.emergency);
    assert!(!verdict.is_hang_up());
}

#[test]
fn a_relative_calling_from_hong_kong_alone_is_only_a_note() {
    let rules = rules();
    let answers = Answers::from_iter([("overseas_number", Answer::Yes)]);
    let verdict = evaluate(&rules, &answers);
    assert!(verdict.level.number() <= 1, "{verdict:?}");
    assert!(
        verdict
            .rules
            .iter()
            .any(|r| r.id == "overseas_alone" && r.is_note),
        "{:?}",
        verdict.rules
    );
}

#[test]
fn already_paid_puts_the_emergency_steps_first() {
    let rules = rules();
    let verdict = evaluate(&rules, &Answers::from_iter([("already_paid", Answer::Yes)]));
    assert!(verdict.emergency);
    assert_eq!(verdict.level.number(), 3);
    assert_eq!(
        verdict.advice.first().map(|t| t.en.as_str()),
        Some(rules.emergency().title.en.as_str())
    );
    assert!(
        verdict
            .advice_in(scamcheck::Lang::Zh)
            .iter()
            .any(|a| a.contains("110"))
    );
}

#[test]
fn level_0_never_says_safe() {
    let rules = rules();
    let verdict = evaluate(&rules, &Answers::new());
    assert_eq!(verdict.level.number(), 0);
    let level0 = rules
        .level(scamcheck::Level::NoFlags)
        .map(|l| (l.name.clone(), l.summary.clone()));
    let Some((name, summary)) = level0 else {
        panic!("level 0 missing")
    };
    for text in [&name.en, &summary.en] {
        let lower = text.to_lowercase();
        assert!(
            !lower.contains("safe") || lower.contains("not mean") || lower.contains("not safe"),
            "{text}"
        );
    }
    assert!(!name.zh.contains("安全"), "{}", name.zh);
    assert!(
        verdict.advice.iter().any(|a| a.en.contains("official app")),
        "level 0 advice must say to verify in the official app: {:?}",
        verdict.advice
    );
}

#[test]
fn a_genuine_courier_calling_twice_about_a_real_parcel_stays_below_level_3() {
    let rules = rules();
    // "我是顺丰的，您的快件 SF… 放哪儿？" — and, unanswered, calls again.
    let levels = levels_along(
        &rules,
        &yes(&["claims_service", "knows_details", "persistent_calls"]),
    );
    assert!(levels.iter().all(|l| *l < 3), "{levels:?}");
    // Three mild signs together (a relative abroad who knows the parcel and calls twice) are
    // not "this is the scam" either.
    let levels = levels_along(
        &rules,
        &yes(&["overseas_number", "knows_details", "persistent_calls"]),
    );
    assert!(levels.iter().all(|l| *l < 3), "{levels:?}");
}
