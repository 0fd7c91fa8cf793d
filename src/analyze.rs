//! The text analyser: finds what the caller said or wrote that matches a question's patterns.
//!
//! All patterns are compiled once, when the rules load. A text is scanned once by a
//! [`RegexSet`] to learn which patterns occur at all; spans are then found only for those.

use std::borrow::Cow;

use regex::{Regex, RegexSet, RegexSetBuilder};

use crate::engine::{Answer, Answers, Verdict, evaluate};
use crate::rules::validate::{Issue, compile, one_line, quoted};
use crate::rules::{REGEX_DFA_LIMIT, REGEX_SET_SIZE_LIMIT, RuleFile, RuleSet, Severity};

/// The largest text analysed at once: 1 MiB. Longer input is refused, never scanned slowly.
pub const MAX_TEXT_BYTES: usize = 1 << 20;

/// Why a text was not analysed.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum AnalyzeError {
    /// The text is longer than [`MAX_TEXT_BYTES`].
    #[error(
        "the text is {len} bytes; scamcheck analyses at most {max} bytes (1 MiB) at a time: use a shorter part"
    )]
    TooLong {
        /// The text's length in bytes.
        len: usize,
        /// The cap.
        max: usize,
    },
}

/// One place in the text that matches a question's pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The question the match indicates.
    pub question: String,
    /// Byte offset of the match in the original text (always a character boundary).
    pub start: usize,
    /// Byte offset just past the match.
    pub end: usize,
    /// The matched text, as it appears in the original.
    pub text: String,
}

/// What a text shows: the findings and the verdict if each indicated question were a "yes".
#[derive(Clone, Debug)]
pub struct Analysis {
    /// Every match, ordered by position.
    pub findings: Vec<Finding>,
    /// The answers the findings imply: "yes" for each indicated question.
    pub answers: Answers,
    /// The verdict for those answers.
    pub verdict: Verdict,
}

impl Analysis {
    /// The indicated question ids, each once, in order of first appearance.
    pub fn questions(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = Vec::new();
        for f in &self.findings {
            if !ids.contains(&f.question.as_str()) {
                ids.push(&f.question);
            }
        }
        ids
    }
}

/// A stretch of text to highlight: overlapping and nested findings merged into one range,
/// marked with the most severe question among them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Highlight {
    /// Byte offset of the start.
    pub start: usize,
    /// Byte offset just past the end.
    pub end: usize,
    /// The most severe question the range indicates.
    pub severity: Severity,
}

/// Merges findings (ordered by start, as [`Analyzer::findings`] returns them) into
/// non-overlapping highlight ranges.
pub fn highlights(rules: &RuleSet, findings: &[Finding]) -> Vec<Highlight> {
    let mut merged: Vec<Highlight> = Vec::new();
    for f in findings {
        let severity = rules
            .question(&f.question)
            .map_or(Severity::Low, |q| q.severity);
        match merged.last_mut() {
            Some(last) if f.start < last.end => {
                last.end = last.end.max(f.end);
                last.severity = last.severity.max(severity);
            }
            _ => merged.push(Highlight {
                start: f.start,
                end: f.end,
                severity,
            }),
        }
    }
    merged
}

/// The compiled patterns of a rule set.
#[derive(Debug)]
pub struct Analyzer {
    set: RegexSet,
    patterns: Vec<(String, Regex)>,
}

impl Analyzer {
    /// Compiles every question's patterns, or reports each one that does not compile.
    pub(crate) fn build(file: &RuleFile) -> Result<Analyzer, Vec<Issue>> {
        let mut patterns = Vec::new();
        let mut issues = Vec::new();
        for (i, q) in file.questions.iter().enumerate() {
            for pattern in &q.patterns {
                match compile(pattern) {
                    Ok(re) => patterns.push((q.id.clone(), re)),
                    Err(err) => issues.push(Issue::new(
                        format!("questions[{i}] ({})", q.id),
                        vec![quoted(&q.id), pattern.clone()],
                        format!(
                            "question `{}`: pattern `{pattern}` does not compile: {}",
                            q.id,
                            one_line(&err.to_string())
                        ),
                    )),
                }
            }
        }
        if !issues.is_empty() {
            return Err(issues);
        }
        // The compiled regexes hold the rewritten patterns (see `ascii_word_boundaries`).
        let set = RegexSetBuilder::new(patterns.iter().map(|(_, re)| re.as_str()))
            .case_insensitive(true)
            .size_limit(REGEX_SET_SIZE_LIMIT)
            .dfa_size_limit(REGEX_DFA_LIMIT)
            .build()
            .map_err(|err| {
                vec![Issue::new(
                    "questions",
                    vec!["questions".to_owned()],
                    format!(
                        "the patterns together are too large to compile: {}",
                        one_line(&err.to_string())
                    ),
                )]
            })?;
        Ok(Analyzer { set, patterns })
    }

    /// How many patterns the rules define.
    pub fn pattern_count(&self) -> usize {
        self.patterns.len()
    }

    /// Every match in `text`, ordered by position.
    ///
    /// # Errors
    /// [`AnalyzeError::TooLong`] above [`MAX_TEXT_BYTES`].
    pub fn findings(&self, text: &str) -> Result<Vec<Finding>, AnalyzeError> {
        if text.len() > MAX_TEXT_BYTES {
            return Err(AnalyzeError::TooLong {
                len: text.len(),
                max: MAX_TEXT_BYTES,
            });
        }
        let normal = Normalized::new(text);
        let haystack = normal.text();
        let mut findings = Vec::new();
        for index in self.set.matches(haystack).iter() {
            let (question, regex) = &self.patterns[index];
            for m in regex.find_iter(haystack).filter(|m| !m.is_empty()) {
                let (start, end) = normal.original_span(m.start(), m.end());
                findings.push(Finding {
                    question: question.clone(),
                    start,
                    end,
                    text: text[start..end].to_owned(),
                });
            }
        }
        findings.sort_by(|a, b| (a.start, a.end, &a.question).cmp(&(b.start, b.end, &b.question)));
        findings.dedup();
        Ok(findings)
    }
}

/// Analyses `text` with the rules' patterns and scores what it indicates.
///
/// # Errors
/// [`AnalyzeError::TooLong`] above [`MAX_TEXT_BYTES`].
pub fn analyze(rules: &RuleSet, text: &str) -> Result<Analysis, AnalyzeError> {
    let findings = rules.analyzer().findings(text)?;
    let answers: Answers = findings
        .iter()
        .map(|f| (f.question.clone(), Answer::Yes))
        .collect();
    let verdict = evaluate(rules, &answers);
    Ok(Analysis {
        findings,
        answers,
        verdict,
    })
}

/// The text as the patterns see it: full-width ASCII and the ideographic space made half-width,
/// and spaces between two Chinese characters removed ("征 信" reads as "征信"). Keeps a map back
/// to the original byte offsets, built only when something changed.
struct Normalized<'a> {
    text: Cow<'a, str>,
    /// For each byte of the normalised text, the byte offset in the original it came from.
    origin: Vec<u32>,
    original: &'a str,
}

impl<'a> Normalized<'a> {
    fn new(original: &'a str) -> Self {
        let needs_work = original
            .chars()
            .zip(original.chars().skip(1).chain(Some(' ')))
            .any(|(c, next)| half_width(c).is_some() || (is_han(c) && next.is_whitespace()));
        if !needs_work {
            return Normalized {
                text: Cow::Borrowed(original),
                origin: Vec::new(),
                original,
            };
        }
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len());
        let mut chars = original.char_indices().peekable();
        let mut last_kept: Option<char> = None;
        while let Some((at, c)) = chars.next() {
            if c.is_whitespace() && last_kept.is_some_and(is_han) {
                // Drop a run of spaces that sits between two Chinese characters.
                let rest = &original[at..];
                let next = rest.chars().find(|n| !n.is_whitespace());
                if next.is_some_and(is_han) {
                    while chars.peek().is_some_and(|(_, n)| n.is_whitespace()) {
                        chars.next();
                    }
                    continue;
                }
            }
            let out = half_width(c).unwrap_or(c);
            let before = text.len();
            text.push(out);
            // Offsets fit in u32: the input is capped at 1 MiB.
            let from = u32::try_from(at).unwrap_or(u32::MAX);
            origin.extend(std::iter::repeat_n(from, text.len() - before));
            last_kept = Some(out);
        }
        Normalized {
            text: Cow::Owned(text),
            origin,
            original,
        }
    }

    fn text(&self) -> &str {
        &self.text
    }

    /// Maps a span of the normalised text back to the original.
    fn original_span(&self, start: usize, end: usize) -> (usize, usize) {
        if self.origin.is_empty() {
            return (start, end);
        }
        let at = |i: usize| {
            self.origin
                .get(i)
                .map_or(self.original.len(), |&o| o as usize)
        };
        let start_orig = at(start);
        // `end` is the start of the first character after the match; map the last matched
        // character and step over it in the original.
        let end_orig = match end.checked_sub(1).map(at) {
            Some(last_start) => {
                let last_len = self.original[last_start..]
                    .chars()
                    .next()
                    .map_or(0, char::len_utf8);
                last_start + last_len
            }
            None => start_orig,
        };
        (start_orig, end_orig.max(start_orig))
    }
}

fn half_width(c: char) -> Option<char> {
    match c {
        '\u{3000}' => Some(' '),
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0),
        _ => None,
    }
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}
