//! The rule set: questions, combination rules, verdict levels and advice, loaded from RON.
//!
//! Reading a file and parsing text are separate ([`RuleSet::load`] and [`RuleSet::parse`]), so
//! tests feed strings. Every load runs the same checks, and a file that fails any of them is
//! refused as a whole with every problem listed; nothing is half-applied.

mod catalogue;
mod error;
pub mod pattern;
mod schema;
mod score;
pub(crate) mod validate;

use std::path::Path;

use regex::Regex;

pub use catalogue::{ALREADY_PAID, CATALOGUE};
pub use error::{LoadError, Problem};
pub use schema::{
    Combination, Condition, Emergency, EmergencyStep, Hotline, LevelRule, NumberRule, Question,
    RuleFile, Severity, Step,
};
pub use score::{Score, score};

use crate::level::Level;

/// The rule set shipped with scamcheck, embedded at build time.
pub const EMBEDDED_RULES: &str = include_str!("../../rules.ron");

/// The name used for the embedded rules in messages.
pub const EMBEDDED_ORIGIN: &str = "<embedded rules.ron>";

/// Regexes are compiled with these limits, so a pathological pattern is refused at load time
/// instead of eating memory or time later.
pub(crate) const REGEX_SIZE_LIMIT: usize = 1 << 20;
/// Cache for each regex's lazy DFA: too small and the regex engine falls back to its slow NFA;
/// too large and, with some three hundred small patterns each compiled on its own, the caches
/// keep growing under long use (10,000 edits: 45 MiB at 8 MiB each, 15 MiB at 1 MiB each,
/// `scripts/long_use.sh`).
pub(crate) const REGEX_DFA_LIMIT: usize = 1 << 20;
/// For a regex made of several patterns (a question's exact patterns together), and for the
/// loosened form of a pattern the text check looks with.
pub(crate) const REGEX_GROUP_SIZE_LIMIT: usize = 16 << 20;

/// A validated rule set, ready to score answers and classify numbers. Its text patterns are
/// checked and expanded into plain regular expressions; the analyser compiles them
/// (`Analyzer::new`), when the text check is first needed.
#[derive(Clone, Debug)]
pub struct RuleSet {
    file: RuleFile,
    origin: String,
    /// The text the rules were read from, to place problems found when the patterns compile.
    source: String,
    patterns: Vec<ExpandedPattern>,
    unless: Vec<ExpandedPattern>,
    warnings: Vec<ExpandedPattern>,
    secrecy: Vec<ExpandedPattern>,
    reported: Vec<ExpandedPattern>,
    about_the_scam: Vec<ExpandedPattern>,
    refused: Vec<ExpandedPattern>,
    numbers: Vec<Regex>,
}

/// A pattern of `rules.ron` expanded into a plain regular expression.
#[derive(Clone, Debug)]
pub struct ExpandedPattern {
    /// The question it shows (empty for a warning pattern).
    pub question: String,
    /// The pattern as written in the file.
    pub written: String,
    /// The regular expression it stands for.
    pub regex: String,
    /// A looser regular expression that matches wherever [`ExpandedPattern::regex`] can (its
    /// ` ~ ` parts anywhere on one line): cheap to compile, for finding where to look.
    pub detect: String,
    /// Names the pattern's item in messages, e.g. `questions[3] (loan)`.
    pub item: String,
}

impl RuleSet {
    /// The embedded default rules.
    ///
    /// # Errors
    /// Only if the shipped `rules.ron` is broken, which the test suite rules out.
    pub fn embedded() -> Result<RuleSet, LoadError> {
        RuleSet::parse(EMBEDDED_ORIGIN, EMBEDDED_RULES)
    }

    /// Reads and validates a rule file.
    ///
    /// # Errors
    /// [`LoadError::Read`] if the file cannot be read, otherwise as [`RuleSet::parse`].
    pub fn load(path: &Path) -> Result<RuleSet, LoadError> {
        let origin = path.display().to_string();
        let src = std::fs::read_to_string(path).map_err(|source| LoadError::Read {
            origin: origin.clone(),
            source,
        })?;
        RuleSet::parse(&origin, &src)
    }

    /// Parses and validates rule text; `origin` names it in messages.
    ///
    /// # Errors
    /// [`LoadError::Syntax`] for malformed RON, unknown or missing fields;
    /// [`LoadError::Invalid`] listing every semantic problem.
    pub fn parse(origin: &str, src: &str) -> Result<RuleSet, LoadError> {
        let file: RuleFile = parse_ron(origin, src)?;
        let mut issues = validate::check(&file);
        let expanded = validate::expand_patterns(&file, &mut issues);
        let numbers = validate::compile_numbers(&file).map_err(|found| issues.extend(found));
        match numbers {
            Ok(numbers) if issues.is_empty() => Ok(RuleSet {
                file,
                origin: origin.to_owned(),
                source: src.to_owned(),
                patterns: expanded.patterns,
                unless: expanded.unless,
                warnings: expanded.warnings,
                secrecy: expanded.secrecy,
                reported: expanded.reported,
                about_the_scam: expanded.about_the_scam,
                refused: expanded.refused,
                numbers,
            }),
            _ => Err(invalid(origin, src, issues)),
        }
    }

    /// Where the rules came from: a path, or [`EMBEDDED_ORIGIN`].
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// The raw rule data.
    pub fn file(&self) -> &RuleFile {
        &self.file
    }

    /// The questions in file order (the order of the scam's steps).
    pub fn questions(&self) -> &[Question] {
        &self.file.questions
    }

    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.file.questions.iter().find(|q| q.id == id)
    }

    /// The combination rules in file order.
    pub fn combinations(&self) -> &[Combination] {
        &self.file.combinations
    }

    /// The rule for verdict level `level`; validation guarantees all four exist.
    pub fn level(&self, level: Level) -> Option<&LevelRule> {
        self.file.levels.iter().find(|l| l.level == level)
    }

    /// All verdict levels, 0 to 3.
    pub fn levels(&self) -> &[LevelRule] {
        &self.file.levels
    }

    /// The words to end the call.
    pub fn hang_up_script(&self) -> &crate::text::Text {
        &self.file.hang_up_script
    }

    /// Numbers to call.
    pub fn hotlines(&self) -> &[Hotline] {
        &self.file.hotlines
    }

    /// The after-the-fact steps.
    pub fn emergency(&self) -> &Emergency {
        &self.file.emergency
    }

    /// The questions' text patterns, expanded, in file order.
    pub fn patterns(&self) -> &[ExpandedPattern] {
        &self.patterns
    }

    /// The questions' `unless` patterns, expanded, in file order.
    pub fn unless(&self) -> &[ExpandedPattern] {
        &self.unless
    }

    /// The warning patterns, expanded.
    pub fn warnings(&self) -> &[ExpandedPattern] {
        &self.warnings
    }

    /// The patterns of a caller's demand for secrecy, expanded.
    pub fn secrecy(&self) -> &[ExpandedPattern] {
        &self.secrecy
    }

    /// The patterns of a caller's words reported by the person, expanded.
    pub fn reported(&self) -> &[ExpandedPattern] {
        &self.reported
    }

    /// The patterns of a text about the scam (advice, a warning, a question), expanded.
    pub fn about_the_scam(&self) -> &[ExpandedPattern] {
        &self.about_the_scam
    }

    /// The patterns of the person ending or refusing the call, expanded.
    pub fn refused(&self) -> &[ExpandedPattern] {
        &self.refused
    }

    /// A [`LoadError`] for problems found after loading (when the patterns compile), placed
    /// in the text the rules came from.
    pub(crate) fn problems(&self, issues: Vec<validate::Issue>) -> LoadError {
        invalid(&self.origin, &self.source, issues)
    }

    /// Phone-number rules with their compiled patterns, in file order.
    pub fn number_rules(&self) -> impl Iterator<Item = (&NumberRule, &Regex)> {
        self.file.numbers.iter().zip(&self.numbers)
    }
}

/// Deserialises RON text, reporting `FILE:LINE:COL` and the path to the failing item.
pub(crate) fn parse_ron<T: serde::de::DeserializeOwned>(
    origin: &str,
    src: &str,
) -> Result<T, LoadError> {
    let syntax = |err: ron::error::SpannedError, path: String| LoadError::Syntax {
        origin: origin.to_owned(),
        line: err.span.start.line,
        col: err.span.start.col,
        path,
        message: error::ron_message(&err.code),
    };
    let options = ron::Options::default();
    let mut de = ron::Deserializer::from_str_with_options(src, &options)
        .map_err(|err| syntax(err, String::new()))?;
    let value: T = serde_path_to_error::deserialize(&mut de).map_err(|err| {
        let path = err.path().to_string();
        syntax(de.span_error(err.into_inner()), path)
    })?;
    de.end()
        .map_err(|code| syntax(de.span_error(code), String::new()))?;
    Ok(value)
}

/// Turns collected issues into a [`LoadError::Invalid`] with positions, in file order.
pub(crate) fn invalid(origin: &str, src: &str, issues: Vec<validate::Issue>) -> LoadError {
    let mut problems: Vec<Problem> = issues
        .into_iter()
        .map(|issue| issue.locate(origin, src))
        .collect();
    // In file order, so a volunteer can work from the top; unplaced ones last.
    problems.sort_by_key(|p| p.position.unwrap_or((usize::MAX, 0)));
    LoadError::Invalid { problems }
}
