//! Any bytes as a rule file, loaded as when a person chooses one (`scamcheck --rules FILE`,
//! `scamcheck check FILE`): parse, validate, compile every pattern. It must return `Ok` or an
//! `Err` with its position, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scamcheck::{Analyzer, RuleSet};

fuzz_target!(|data: &[u8]| {
    // A rule file is read as UTF-8 text: anything else is refused before parsing.
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(err) = RuleSet::parse("fuzz.ron", src).and_then(Analyzer::checked) {
        // The messages are built too: they quote the file around the position.
        let _ = err.lines();
        let _ = err.lines_in(scamcheck::Lang::Zh);
    }
});
