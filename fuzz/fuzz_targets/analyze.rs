//! Any text (bytes read as lossy UTF-8) analysed against the shipped rules, as `scamcheck
//! analyze` and the window's text box do. It must return `Ok` or `Err(TooLong)`, never panic.
#![no_main]

use std::sync::{Arc, OnceLock};

use libfuzzer_sys::fuzz_target;
use scamcheck::{Analyzer, RuleSet};

static ANALYZER: OnceLock<Option<Analyzer>> = OnceLock::new();

fn analyzer() -> Option<&'static Analyzer> {
    ANALYZER
        .get_or_init(|| {
            let rules = RuleSet::parse("rules.ron", include_str!("../../rules.ron")).ok()?;
            Analyzer::new(Arc::new(rules)).ok()
        })
        .as_ref()
}

fuzz_target!(|data: &[u8]| {
    let Some(analyzer) = analyzer() else {
        panic!("the shipped rules.ron does not load");
    };
    let text = String::from_utf8_lossy(data);
    let Ok(analysis) = analyzer.analyze(&text) else {
        return;
    };
    // Each finding quotes the original text at its byte range, which the window slices to
    // highlight it.
    for f in &analysis.findings {
        assert_eq!(text.get(f.start..f.end), Some(f.text.as_str()), "{f:?}");
    }
    let _ = scamcheck::analyze::highlights(analyzer.rules(), &analysis.findings);
});
