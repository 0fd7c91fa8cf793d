//! A rule file a volunteer broke by accident loads, or is refused with a problem that says where
//! (`FILE:LINE:COL`) — never a panic, never a hang. The shipped `rules.ron` is mutated the way
//! hands break files: a span deleted, a line duplicated or two swapped, a number made extreme, a
//! quote or bracket lost, a regex broken.

use std::time::{Duration, Instant};

use proptest::prelude::*;
use scamcheck::rules::{EMBEDDED_RULES, RuleSet};
use scamcheck::{Analyzer, Lang};

const ORIGIN: &str = "mutated.ron";

#[derive(Clone, Debug)]
enum Mutation {
    /// Delete `len` bytes at a position (moved to a character boundary).
    Delete { at: usize, len: usize },
    /// Duplicate a line.
    DuplicateLine(usize),
    /// Swap two lines.
    SwapLines(usize, usize),
    /// Replace the n-th number with an extreme one.
    ExtremeNumber { nth: usize, value: &'static str },
    /// Insert text that breaks strings, brackets or regexes.
    Insert { at: usize, text: &'static str },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 1usize..200).prop_map(|(at, len)| Mutation::Delete { at, len }),
        any::<usize>().prop_map(Mutation::DuplicateLine),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        (
            any::<usize>(),
            prop::sample::select(vec![
                "0",
                "-1",
                "4294967296",
                "18446744073709551616",
                "1e99",
                "NaN",
                "999999999999999999999999",
            ])
        )
            .prop_map(|(nth, value)| Mutation::ExtremeNumber { nth, value }),
        (
            any::<usize>(),
            prop::sample::select(vec![
                "\"",
                "(",
                ")",
                "[",
                "]",
                "{",
                "}",
                ",",
                ":",
                "r\"",
                "\\",
                "(?",
                "{company}",
                "{nope}",
                " ~ ",
                "~",
                "a{99999}",
                "((((((((((",
                "\u{202e}",
                "\u{0}",
                "中",
            ])
        )
            .prop_map(|(at, text)| Mutation::Insert { at, text }),
    ]
}

fn boundary(text: &str, at: usize) -> usize {
    let mut at = at % (text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn apply(text: &str, mutation: &Mutation) -> String {
    match mutation {
        Mutation::Delete { at, len } => {
            let start = boundary(text, *at);
            let end = boundary(text, start + len);
            if end <= start {
                return text.to_owned();
            }
            format!("{}{}", &text[..start], &text[end..])
        }
        Mutation::DuplicateLine(n) => {
            let mut lines: Vec<&str> = text.lines().collect();
            let n = n % lines.len();
            lines.insert(n, lines[n]);
            lines.join("\n")
        }
        Mutation::SwapLines(a, b) => {
            let mut lines: Vec<&str> = text.lines().collect();
            let (a, b) = (a % lines.len(), b % lines.len());
            lines.swap(a, b);
            lines.join("\n")
        }
        Mutation::ExtremeNumber { nth, value } => {
            let numbers: Vec<(usize, usize)> = regex::Regex::new(r"\b\d+\b")
                .map(|re| re.find_iter(text).map(|m| (m.start(), m.end())).collect())
                .unwrap_or_default();
            if numbers.is_empty() {
                return text.to_owned();
            }
            let (start, end) = numbers[nth % numbers.len()];
            format!("{}{value}{}", &text[..start], &text[end..])
        }
        Mutation::Insert { at, text: insert } => {
            let at = boundary(text, *at);
            format!("{}{insert}{}", &text[..at], &text[at..])
        }
    }
}

/// Whether a problem line starts with `FILE:LINE:COL:`.
fn has_position(line: &str) -> bool {
    let Some(rest) = line.strip_prefix(&format!("{ORIGIN}:")) else {
        return false;
    };
    let mut parts = rest.splitn(3, ':');
    let numeric =
        |p: Option<&str>| p.is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    numeric(parts.next()) && numeric(parts.next())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 2000,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn a_mutated_rule_file_loads_or_says_where_it_is_broken(
        mutations in prop::collection::vec(mutation(), 1..4)
    ) {
        let mut text = EMBEDDED_RULES.to_owned();
        for m in &mutations {
            text = apply(&text, m);
        }
        let started = Instant::now();
        match RuleSet::parse(ORIGIN, &text) {
            Ok(rules) => {
                // A file that loads must also work: its patterns compile and it analyses text.
                match Analyzer::new(std::sync::Arc::new(rules)) {
                    Ok(analyzer) => {
                        let analysis = analyzer.analyze("我是快递客服，请下载会议App开启屏幕共享，把验证码告诉我");
                        prop_assert!(analysis.is_ok());
                    }
                    Err(err) => prop_assert!(
                        err.lines().iter().any(|l| has_position(l)),
                        "no FILE:LINE:COL in {:?}", err.lines()
                    ),
                }
            }
            Err(err) => {
                let lines = err.lines();
                prop_assert!(!lines.is_empty());
                prop_assert!(
                    lines.iter().any(|l| has_position(l)),
                    "no FILE:LINE:COL in {:?}", lines
                );
                // Every problem reads in Chinese too.
                prop_assert_eq!(err.lines_in(Lang::Zh).len(), lines.len());
            }
        }
        prop_assert!(started.elapsed() < Duration::from_secs(10), "took {:?}", started.elapsed());
    }
}
