//! The demo cases: the real cases of the seeds as data (`assets/cases.ron`), replayed step by
//! step with the same engine as a live check, and the audience quiz.

use crate::says;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::answers::{Answer, Answers};
use crate::engine::{Verdict, evaluate};
use crate::rules::validate::{Issue, check_text, quoted};
use crate::rules::{LoadError, RuleSet, invalid, parse_ron};
use crate::text::Text;

/// The cases shipped with scamcheck, embedded at build time.
pub const EMBEDDED_CASES: &str = include_str!("../assets/cases.ron");

/// The name used for the embedded cases in messages.
pub const EMBEDDED_CASES_ORIGIN: &str = "<embedded cases.ron>";

/// The whole cases file.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cases {
    /// The articles the cases come from, by id (`000`, `002`): their titles as shown.
    pub sources: BTreeMap<String, Text>,
    /// Cases to replay.
    pub cases: Vec<Case>,
    /// "Scam or not?" lines for the audience.
    #[serde(default)]
    pub quiz: Vec<QuizItem>,
}

/// One real case.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// Identifier, unique among cases.
    pub id: String,
    /// Shown in the case list.
    pub title: Text,
    /// The article it comes from (a key of [`Cases::sources`]).
    pub source: String,
    /// What happened, in order.
    pub steps: Vec<CaseStep>,
    /// What the victim lost.
    pub loss: Text,
    /// The seed's prevention tips.
    pub tips: Vec<Text>,
}

/// One step of a case.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseStep {
    /// What happens, retelling only this step's passages.
    pub narration: Text,
    /// The words of the article this step retells, copied exactly.
    pub passages: Vec<String>,
    /// What the caller says, if anything.
    #[serde(default)]
    pub said: Option<Said>,
    /// The questions this step answers "yes".
    #[serde(default)]
    pub yes: Vec<String>,
    /// On the step where the person should have hung up: the seed's tip that would have
    /// stopped it.
    #[serde(default)]
    pub hang_up: Option<Text>,
}

/// What the caller says in a step, and whether the words are the article's own.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Said {
    /// Simplified Chinese.
    pub zh: String,
    /// English.
    pub en: String,
    /// A quotation of the article, or a retelling of the step's passage in speech.
    pub from: SaidFrom,
}

impl Said {
    /// The words in both languages.
    pub fn text(&self) -> Text {
        Text::new(self.zh.clone(), self.en.clone())
    }
}

/// Where a caller's line comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SaidFrom {
    /// The article's own words (the Chinese is found in it, word for word).
    Quote,
    /// The step's passage retold as speech.
    Paraphrase,
}

/// One "scam or not?" line.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuizItem {
    /// The line the audience hears.
    pub line: Text,
    /// The answer.
    pub is_scam: bool,
    /// Why, shown on reveal.
    pub reason: Text,
    /// The article it comes from (a key of [`Cases::sources`]).
    pub source: String,
}

impl Cases {
    /// The embedded cases, checked against `rules`.
    ///
    /// # Errors
    /// Only if the shipped file is broken, which the test suite rules out.
    pub fn embedded(rules: &RuleSet) -> Result<Cases, LoadError> {
        Cases::parse(EMBEDDED_CASES_ORIGIN, EMBEDDED_CASES, rules)
    }

    /// Parses and validates cases text against the rules it will be scored with.
    ///
    /// # Errors
    /// Syntax errors with position and path; every semantic problem at once.
    pub fn parse(origin: &str, src: &str, rules: &RuleSet) -> Result<Cases, LoadError> {
        let cases: Cases = parse_ron(origin, src)?;
        let issues = cases.check(rules);
        if issues.is_empty() {
            Ok(cases)
        } else {
            Err(invalid(origin, src, issues))
        }
    }

    /// The title of an article, by id.
    pub fn source_title(&self, id: &str) -> Option<&Text> {
        self.sources.get(id)
    }

    fn check(&self, rules: &RuleSet) -> Vec<Issue> {
        let mut issues = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let check_source = |issues: &mut Vec<Issue>, item: String, source: &str| {
            if !self.sources.contains_key(source) {
                issues.push(Issue::new(
                    item,
                    vec![quoted(source)],
                    says!(
                        "出处 `{source}` 不在 `sources` 里（{}）",
                        "source `{source}` is not one of `sources` ({})",
                        self.sources.keys().cloned().collect::<Vec<_>>().join(", ")
                    ),
                ));
            }
        };
        for (i, case) in self.cases.iter().enumerate() {
            let item = format!("cases[{i}] ({})", case.id);
            check_source(&mut issues, item.clone(), &case.source);
            if !seen.insert(case.id.as_str()) {
                issues.push(Issue::new(
                    &item,
                    vec![quoted(&case.id); 2],
                    says!("案例编号 `{}` 重复了", "duplicate case id `{}`", case.id),
                ));
            }
            let markers = case.steps.iter().filter(|s| s.hang_up.is_some()).count();
            if markers != 1 {
                issues.push(Issue::new(
                    &item,
                    vec![quoted(&case.id)],
                    says!(
"案例 `{}` 有 {markers} 个 `hang_up` 标记；只能有一个，放在本该挂断的那一步",
"case `{}` has {markers} `hang_up` markers; it needs exactly one, on the step where the person should have hung up",
                        case.id
                    ),
                ));
            }
            for (j, step) in case.steps.iter().enumerate() {
                for id in &step.yes {
                    if rules.question(id).is_none() {
                        issues.push(Issue::new(
                            format!("cases[{i}].steps[{j}]"),
                            vec![quoted(&case.id), quoted(id)],
                            says!(
                                "案例 `{}` 第 {} 步用了不存在的问题 `{id}`",
                                "case `{}` step {} names unknown question `{id}`",
                                case.id,
                                j + 1
                            ),
                        ));
                    }
                }
                if step.passages.iter().all(|p| p.trim().is_empty()) {
                    issues.push(Issue::new(
                        format!("cases[{i}].steps[{j}]"),
                        vec![quoted(&case.id)],
                        says!(
"案例 `{}` 第 {} 步没有 `passages`：请抄录它所复述的原文",
"case `{}` step {} has no `passages`: copy the article's words it retells",
                            case.id,
                            j + 1
                        ),
                    ));
                }
                let said = step.said.as_ref().map(Said::text);
                let mut texts = vec![("narration", &step.narration)];
                texts.extend(said.iter().map(|t| ("said", t)));
                texts.extend(step.hang_up.iter().map(|t| ("hang_up", t)));
                for (field, text) in texts {
                    check_text(
                        &mut issues,
                        &format!("cases[{i}].steps[{j}].{field}"),
                        &[quoted(&case.id)],
                        text,
                    );
                }
            }
            check_text(
                &mut issues,
                &format!("cases[{i}].title"),
                &[quoted(&case.id)],
                &case.title,
            );
            check_text(
                &mut issues,
                &format!("cases[{i}].loss"),
                &[quoted(&case.id)],
                &case.loss,
            );
        }
        for (i, item) in self.quiz.iter().enumerate() {
            check_source(&mut issues, format!("quiz[{i}]"), &item.source);
            check_text(
                &mut issues,
                &format!("quiz[{i}].line"),
                &["quiz".to_owned()],
                &item.line,
            );
            check_text(
                &mut issues,
                &format!("quiz[{i}].reason"),
                &["quiz".to_owned()],
                &item.reason,
            );
        }
        issues
    }
}

impl Case {
    /// The answers after steps `0..=step`: every "yes" so far.
    pub fn answers_through(&self, step: usize) -> Answers {
        self.steps
            .iter()
            .take(step + 1)
            .flat_map(|s| s.yes.iter())
            .map(|id| (id.clone(), Answer::Yes))
            .collect()
    }

    /// The verdict after steps `0..=step`, scored by the live engine.
    pub fn verdict_through(&self, rules: &RuleSet, step: usize) -> Verdict {
        evaluate(rules, &self.answers_through(step))
    }

    /// The index of the step marked as the moment to hang up.
    pub fn hang_up_step(&self) -> Option<usize> {
        self.steps.iter().position(|s| s.hang_up.is_some())
    }
}
