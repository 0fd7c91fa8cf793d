//! The verdict invariants of PRODUCT.md, as properties over random answers — on the shipped
//! rules and on randomly generated valid rule sets.

use std::sync::LazyLock;

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use scamcheck::rules::{
    ALREADY_PAID, CATALOGUE, Combination, Condition, Emergency, EmergencyStep, Hotline, LevelRule,
    Question, RuleFile, Severity, Step,
};
use scamcheck::session::{Check, Next};
use scamcheck::{Answer, Answers, Level, RuleSet, Text, evaluate};

/// Loaded once: compiling the patterns for every case would only slow the run.
static SHIPPED: LazyLock<RuleSet> = LazyLock::new(|| match RuleSet::embedded() {
    Ok(rules) => rules,
    Err(err) => panic!("the shipped rules must load:\n{err}"),
});

fn any_answer() -> impl Strategy<Value = Option<Answer>> {
    prop_oneof![
        Just(None),
        Just(Some(Answer::Yes)),
        Just(Some(Answer::No)),
        Just(Some(Answer::Unsure)),
    ]
}

fn answers_for(rules: &RuleSet, picks: &[Option<Answer>]) -> Answers {
    rules
        .questions()
        .iter()
        .zip(picks)
        .filter_map(|(q, a)| a.map(|a| (q.id.clone(), a)))
        .collect()
}

/// Checks all five invariants for one answer set, varying question `pick`.
fn check_invariants(rules: &RuleSet, answers: &Answers, pick: usize) -> Result<(), TestCaseError> {
    let verdict = evaluate(rules, answers);

    // 1. Any critical "yes" gives level 3.
    for q in rules.questions() {
        if q.severity == Severity::Critical && answers.is_yes(&q.id) {
            prop_assert_eq!(
                verdict.level.number(),
                3,
                "critical yes to {} gave {}",
                q.id,
                verdict.level
            );
        }
    }

    let q = &rules.questions()[pick % rules.questions().len()];
    let with = |answer: Option<Answer>| {
        let mut changed = answers.clone();
        match answer {
            Some(a) => changed.set(q.id.clone(), a),
            None => changed.clear(&q.id),
        }
        evaluate(rules, &changed)
    };
    let yes = with(Some(Answer::Yes));
    let no = with(Some(Answer::No));
    let unasked = with(None);
    let unsure = with(Some(Answer::Unsure));

    // 2. One more "yes" never lowers the level.
    prop_assert!(
        yes.level >= no.level,
        "{}: yes {} < no {}",
        q.id,
        yes.level,
        no.level
    );
    prop_assert!(yes.level >= unasked.level, "{}: yes < unanswered", q.id);
    prop_assert!(yes.level >= unsure.level, "{}: yes < not sure", q.id);

    // 3. "Not sure" never scores below "no"; on a critical question it gives at least level 2.
    prop_assert!(unsure.level >= no.level, "{}: not sure < no", q.id);
    prop_assert!(
        unsure.score >= no.score,
        "{}: not sure scores below no",
        q.id
    );
    if q.severity == Severity::Critical {
        prop_assert!(
            unsure.level.number() >= 2,
            "{}: not sure on critical gave {}",
            q.id,
            unsure.level
        );
    }

    // 4. Deterministic: the same answers give the same verdict, also when a live check
    // records them one by one, forwards or backwards.
    prop_assert_eq!(&evaluate(rules, answers), &verdict);
    let forwards: Vec<(&str, Answer)> = answers.iter().collect();
    let backwards: Vec<(&str, Answer)> = forwards.iter().rev().copied().collect();
    for order in [forwards, backwards] {
        let mut check = Check::new(rules);
        for (id, answer) in order {
            check.answer(rules, id, answer);
        }
        prop_assert_eq!(check.verdict(), &verdict);
    }

    // 5. already_paid = yes always sets the emergency path.
    if answers.is_yes(ALREADY_PAID) {
        prop_assert!(verdict.emergency);
    }
    let mut paid = answers.clone();
    paid.set(ALREADY_PAID, Answer::Yes);
    prop_assert!(evaluate(rules, &paid).emergency);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn shipped_rules_keep_the_invariants(
        picks in proptest::collection::vec(any_answer(), 32),
        pick in 0usize..64,
    ) {
        let answers = answers_for(&SHIPPED, &picks);
        check_invariants(&SHIPPED, &answers, pick)?;
    }
}

/// A random valid rule set: the catalogue with random severities (never below the catalogue),
/// weights, thresholds and monotone combinations, written out as RON and loaded like a file.
fn random_rules() -> impl Strategy<Value = RuleSet> {
    let n = CATALOGUE.len();
    (
        proptest::collection::vec((0u8..3, 0u32..=30), n),
        (1u32..10, 1u32..10, 1u32..20),
        proptest::collection::vec(
            (
                proptest::collection::vec(0usize..n, 2..4),
                0u32..10,
                proptest::sample::select(Level::ALL.to_vec()),
                any::<bool>(),
            ),
            0..4,
        ),
    )
        .prop_filter_map("rule set must be valid", |(qs, (t1, t2, t3), combos)| {
            let thresholds = [0, t1, t1 + t2, t1 + t2 + t3];
            let questions = CATALOGUE
                .iter()
                .zip(&qs)
                .map(|((id, floor), (bump, weight))| {
                    let severity = raise(*floor, *bump);
                    // Keep low and medium answers within their bounds on their own.
                    let weight = match severity {
                        Severity::Low => (*weight).min(thresholds[1] - 1),
                        Severity::Medium => (*weight).min(thresholds[2] - 1),
                        _ => *weight,
                    };
                    question(id, severity, weight)
                })
                .collect::<Vec<_>>();
            let combinations = combos
                .iter()
                .enumerate()
                .map(|(i, (members, add, raise_to, at_least))| {
                    let parts: Vec<Condition> = members
                        .iter()
                        .map(|m| Condition::Yes(CATALOGUE[*m].0.to_owned()))
                        .collect();
                    let when = if *at_least {
                        Condition::AtLeast(2, parts)
                    } else {
                        Condition::All(parts)
                    };
                    Combination {
                        id: format!("combo_{i}"),
                        when,
                        add: *add,
                        raise_to: Some(*raise_to),
                        explain: text("组合"),
                        source: "generated".to_owned(),
                    }
                })
                .collect();
            let file = RuleFile {
                terms: Default::default(),
                warnings: Vec::new(),
                secrecy: Vec::new(),
                reported: Vec::new(),
                about_the_scam: Vec::new(),
                refused: Vec::new(),
                questions,
                combinations,
                levels: Level::ALL
                    .into_iter()
                    .zip(thresholds)
                    .map(|(level, min_score)| LevelRule {
                        level,
                        min_score,
                        name: text("等级"),
                        summary: text("说明"),
                        advice: vec![text("核实")],
                    })
                    .collect(),
                hang_up_script: text("再见"),
                hotlines: vec![Hotline {
                    number: text("110"),
                    label: text("报警"),
                }],
                emergency: Emergency {
                    title: text("紧急"),
                    steps: vec![EmergencyStep {
                        text: text("打110"),
                        source: "generated".to_owned(),
                    }],
                },
                numbers: Vec::new(),
            };
            let src = ron::to_string(&file).ok()?;
            RuleSet::parse("generated", &src).ok()
        })
}

fn raise(floor: Severity, bump: u8) -> Severity {
    let order = [
        Severity::Low,
        Severity::Medium,
        Severity::High,
        Severity::Critical,
    ];
    match floor {
        Severity::Emergency => Severity::Emergency,
        _ => {
            let at = order.iter().position(|s| *s == floor).unwrap_or(0);
            order[(at + bump as usize).min(order.len() - 1)]
        }
    }
}

fn text(s: &str) -> Text {
    Text::new(s, s)
}

fn question(id: &str, severity: Severity, weight: u32) -> Question {
    Question {
        id: id.to_owned(),
        step: Step::Contact,
        severity,
        weight,
        text: text(id),
        short: text(id),
        why: text("why"),
        hang_up_reason: (severity >= Severity::Critical).then(|| text("挂断")),
        source: "generated".to_owned(),
        patterns: Vec::new(),
        unless: Vec::new(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_valid_rule_sets_keep_the_invariants(
        rules in random_rules(),
        picks in proptest::collection::vec(any_answer(), 32),
        pick in 0usize..64,
    ) {
        let answers = answers_for(&rules, &picks);
        check_invariants(&rules, &answers, pick)?;
    }
}

/// A random sequence of answers as a person might give them: any question, in any order,
/// changing their mind at times.
fn answer_sequence(questions: usize) -> impl Strategy<Value = Vec<(usize, Answer)>> {
    proptest::collection::vec(
        (
            0..questions,
            prop_oneof![Just(Answer::Yes), Just(Answer::No), Just(Answer::Unsure)],
        ),
        0..40,
    )
}

/// Whenever a live check is at level 3, the person has been shown the hang-up advice (or the
/// emergency steps): the answer that first brought it there interrupted.
fn check_hang_up_is_shown(
    rules: &RuleSet,
    sequence: &[(usize, Answer)],
) -> Result<(), TestCaseError> {
    let mut check = Check::new(rules);
    let mut shown = false;
    for (i, answer) in sequence {
        let id = rules.questions()[*i % rules.questions().len()].id.clone();
        let next = check.answer(rules, &id, *answer);
        shown |= matches!(next, Next::HangUp(_) | Next::Emergency);
        if check.verdict().is_hang_up() {
            prop_assert!(
                shown,
                "level 3 after {id} = {answer:?} without the hang-up advice: {sequence:?}"
            );
        }
        prop_assert_eq!(check.was_warned(), shown);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn level_3_by_any_route_shows_the_hang_up_advice(sequence in answer_sequence(32)) {
        check_hang_up_is_shown(&SHIPPED, &sequence)?;
    }

    #[test]
    fn level_3_shows_the_hang_up_advice_under_random_rules(
        rules in random_rules(),
        sequence in answer_sequence(32),
    ) {
        check_hang_up_is_shown(&rules, &sequence)?;
    }
}
