//! Hot paths of the rule engine: loading the rules, scoring, analysing text.
//! These measure; they assert nothing about time.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use scamcheck::corpus::mixed_text;
use scamcheck::rules::EMBEDDED_RULES;
use std::sync::Arc;

use scamcheck::{Analyzer, Answer, Answers, RuleSet, evaluate};

fn rules() -> RuleSet {
    match RuleSet::embedded() {
        Ok(r) => r,
        Err(err) => panic!("{err}"),
    }
}

fn load(c: &mut Criterion) {
    c.bench_function("load and validate rules.ron", |b| {
        b.iter(|| RuleSet::parse("rules.ron", black_box(EMBEDDED_RULES)).is_ok());
    });
    let rules = Arc::new(rules());
    c.bench_function("compile the text patterns", |b| {
        b.iter(|| Analyzer::new(black_box(rules.clone())).is_ok());
    });
}

fn score(c: &mut Criterion) {
    let rules = rules();
    let answers: Answers = rules
        .questions()
        .iter()
        .enumerate()
        .map(|(i, q)| (q.id.clone(), Answer::ALL[i % 3]))
        .collect();
    c.bench_function("evaluate a full answer set", |b| {
        b.iter(|| evaluate(&rules, black_box(&answers)));
    });
}

fn analyse(c: &mut Criterion) {
    let analyzer = match Analyzer::new(Arc::new(rules())) {
        Ok(a) => a,
        Err(err) => panic!("{err}"),
    };
    let mut group = c.benchmark_group("analyze mixed text");
    group.sample_size(20);
    for size in [1024, 100 * 1024, 1024 * 1024] {
        let text = mixed_text(size);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(size), &text, |b, text| {
            b.iter(|| analyzer.analyze(black_box(text)).map(|a| a.findings.len()));
        });
    }
    group.finish();

    // Text as people write it: every item of the dev corpus, each analysed on its own (the
    // repeated lines above let the regex caches warm up; varied text does not).
    let items = match scamcheck::corpus::load(std::path::Path::new("tests/corpus/dev.jsonl")) {
        Ok(items) => items,
        Err(err) => panic!("{err}"),
    };
    let texts: Vec<&str> = items.iter().map(|i| i.text.as_str()).collect();
    let mut group = c.benchmark_group("analyze the dev corpus");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(
        texts.iter().map(|t| t.len() as u64).sum(),
    ));
    group.bench_function(format!("{} items one by one", texts.len()), |b| {
        b.iter(|| {
            texts
                .iter()
                .filter_map(|t| analyzer.analyze(black_box(t)).ok())
                .count()
        });
    });
    group.finish();
}

criterion_group!(benches, load, score, analyse);
criterion_main!(benches);
