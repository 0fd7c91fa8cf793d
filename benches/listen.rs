//! Frame time of the "What are they saying?" screen with 1 KiB, 100 KiB and 1 MiB pasted into
//! the text box (the box keeps the first 20 000 characters). Measures; asserts nothing.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use eframe::egui::{self, Key};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use scamcheck::app::{AppOptions, ScamcheckApp};
use scamcheck::corpus::mixed_text;
use scamcheck::{Lang, RuleSet};

fn harness_with_paste(text: &str) -> Harness<'static, ScamcheckApp> {
    let rules = match RuleSet::embedded() {
        Ok(r) => r,
        Err(err) => panic!("{err}"),
    };
    let options = AppOptions {
        lang: Some(Lang::En),
        ..AppOptions::new(rules)
    };
    let mut h = Harness::builder()
        .with_size(egui::vec2(1100.0, 820.0))
        .build_eframe(move |cc| ScamcheckApp::new(cc, options));
    h.run();
    h.key_press(Key::T);
    h.run();
    h.get_by_label("Type or paste what the caller says, or a message you got:")
        .focus();
    h.run();
    h.event(egui::Event::Paste(text.to_owned()));
    h.run();
    h
}

fn frames(c: &mut Criterion) {
    let mut group = c.benchmark_group("listen screen frame");
    group.sample_size(20);
    for size in [1024, 100 * 1024, 1024 * 1024] {
        let text = mixed_text(size);
        group.bench_with_input(BenchmarkId::new("steady", size), &text, |b, text| {
            let mut h = harness_with_paste(text);
            b.iter(|| h.step());
        });
        group.bench_with_input(BenchmarkId::new("paste", size), &text, |b, text| {
            b.iter_with_setup(
                || harness_with_paste(""),
                |mut h| {
                    h.event(egui::Event::Paste(black_box(text.clone())));
                    h.step();
                    h
                },
            );
        });
    }
    group.finish();
}

criterion_group!(benches, frames);
criterion_main!(benches);
