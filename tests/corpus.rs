//! Recognition measured on the labelled corpus (`tests/corpus/`). The floors hold on the
//! held-out `test` half; patterns are tuned on `dev` only. Only totals are printed here, so the
//! test half's items never guide a pattern.

mod common;

use scamcheck::corpus;
use scamcheck::eval::{Report, evaluate_corpus};
use scamcheck::rules::Severity;

fn report(split: &str) -> Report {
    let path = format!("{}/tests/corpus/{split}.jsonl", env!("CARGO_MANIFEST_DIR"));
    let items = match corpus::load(std::path::Path::new(&path)) {
        Ok(items) => items,
        Err(err) => panic!("{err}"),
    };
    match evaluate_corpus(&common::analyzer(), &items) {
        Ok(report) => report,
        Err(err) => panic!("{split}: {err}"),
    }
}

fn summary(split: &str, report: &Report) -> String {
    let pct = |r: Option<f64>| r.map_or_else(|| "—".to_owned(), |r| format!("{:.1}%", r * 100.0));
    let critical: Vec<String> = report
        .questions
        .iter()
        .filter(|q| q.severity == Severity::Critical)
        .map(|q| format!("{} {}", q.id, pct(q.recall())))
        .collect();
    format!(
        "{split}: {} scam, {} everyday; scam at level ≥ 2: {}; everyday at level ≥ 2: {}; critical recall: {}",
        report.scam,
        report.everyday,
        pct(report.scam_recall()),
        pct(report.false_alarm_rate()),
        critical.join(", ")
    )
}

#[test]
fn the_corpus_is_large_and_covers_every_question_on_both_halves() {
    for split in ["dev", "test"] {
        let report = report(split);
        assert!(
            report.scam >= 200 && report.everyday >= 200,
            "{split}: {}",
            summary(split, &report)
        );
        for q in &report.questions {
            assert!(
                q.labelled >= 5,
                "{split}: {} is labelled only {} times",
                q.id,
                q.labelled
            );
        }
    }
}

/// What recognition reaches today on the held-out half, as measured; a change to the rules may
/// not fall below it. The goal is higher (scam recall at level ≥ 2 of 0.92, false alarms of at
/// most 0.03, every critical question's recall 0.90): raise these as the rules improve.
///
/// History: 0.90 / 0.17 / 0.67 before texts about the scam, the turns of a pasted call and four
/// fresh `dev` slices; then 92.8% / 13.4% / 65.5% (`release_fee` lost one item); then, after
/// nine more `dev` slices, the person's own call to the official number, the caller's demands
/// for secrecy and the tuning on them, 93.3% / 10.7% / 72.2% (`transfer`); then, after ten
/// more `dev` slices and calls that ended in the person's refusal, 93.3% / 9.4% / 75.0%
/// (`transfer`); then, after eight more `dev` slices of hard look-alikes and what people
/// really paste, 93.3% / 8.9% / 75.9% (`release_fee`; `transfer` 77.8%); then, after eight
/// more `dev` slices and refusals, checks and honest versions in many more words, 93.3% / 8.0%
/// / 75.9% (`release_fee`; `transfer` 77.8%); then, after eight more `dev` slices, calls the
/// person reports, the same speaker's honest words and narrower warnings, 93.3% / 7.6% / 75.9%
/// (`release_fee`; `transfer` 77.8%).
const TODAY: Floors = Floors {
    scam_recall: 0.93,
    false_alarms: 0.076,
    critical_recall: 0.75,
};

struct Floors {
    scam_recall: f64,
    false_alarms: f64,
    critical_recall: f64,
}

#[test]
fn recognition_does_not_fall_below_todays_floors_on_the_held_out_half() {
    let dev = report("dev");
    let test = report("test");
    println!("{}", summary("dev", &dev));
    println!("{}", summary("test", &test));
    let recall = test.scam_recall().unwrap_or(0.0);
    let false_alarms = test.false_alarm_rate().unwrap_or(1.0);
    assert!(recall >= TODAY.scam_recall, "{}", summary("test", &test));
    assert!(
        false_alarms <= TODAY.false_alarms,
        "{}",
        summary("test", &test)
    );
    for q in test
        .questions
        .iter()
        .filter(|q| q.severity == Severity::Critical)
    {
        assert!(
            q.recall().unwrap_or(0.0) >= TODAY.critical_recall,
            "{}",
            summary("test", &test)
        );
    }
}
