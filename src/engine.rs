//! Scoring: a pure function from a rule set and answers to a verdict.
//!
//! The invariants (tested as properties in `tests/properties.rs`): a critical "yes" gives
//! level 3; one more "yes" never lowers the level; "not sure" never scores below "no"; the same
//! answers always give the same verdict; `already_paid` = yes always sets the emergency path.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::level::Level;
use crate::rules::{RuleFile, RuleSet, Severity};
use crate::text::{Lang, Text};

/// One answer to one question. A question not yet asked has no answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Answer {
    /// The caller did this.
    Yes,
    /// The caller did not.
    No,
    /// The person does not know.
    Unsure,
}

impl Answer {
    /// All answers in button order.
    pub const ALL: [Answer; 3] = [Answer::Yes, Answer::No, Answer::Unsure];

    /// The answer in plain words.
    pub fn label(self) -> Text {
        match self {
            Answer::Yes => Text::new("是", "Yes"),
            Answer::No => Text::new("否", "No"),
            Answer::Unsure => Text::new("不确定", "Not sure"),
        }
    }
}

/// Answers by question id. Serialises as a RON/JSON map: `{"screen_share": Yes}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Answers(BTreeMap<String, Answer>);

impl Answers {
    /// No answers yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records (or replaces) the answer to `id`.
    pub fn set(&mut self, id: impl Into<String>, answer: Answer) {
        self.0.insert(id.into(), answer);
    }

    /// Forgets the answer to `id`, as if it was never asked.
    pub fn clear(&mut self, id: &str) {
        self.0.remove(id);
    }

    /// The answer to `id`, if it was asked.
    pub fn get(&self, id: &str) -> Option<Answer> {
        self.0.get(id).copied()
    }

    /// Whether `id` was answered "yes".
    pub fn is_yes(&self, id: &str) -> bool {
        self.get(id) == Some(Answer::Yes)
    }

    /// Answers in id order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, Answer)> {
        self.0.iter().map(|(id, a)| (id.as_str(), *a))
    }

    /// How many questions were answered.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True before the first answer.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Parses a RON map such as `{"screen_share": Yes, "loan": Unsure}` and checks every id
    /// against the rules.
    ///
    /// # Errors
    /// A message naming the position of a syntax error, or every unknown question id.
    pub fn parse(origin: &str, src: &str, rules: &RuleSet) -> Result<Answers, String> {
        let answers: Answers = ron::from_str(src)
            .map_err(|err| format!("{origin}:{}: {}", err.span.start, err.code))?;
        let unknown: Vec<&str> = answers
            .0
            .keys()
            .map(String::as_str)
            .filter(|id| rules.question(id).is_none())
            .collect();
        if unknown.is_empty() {
            Ok(answers)
        } else {
            Err(format!(
                "{origin}: unknown question id{} {} (see `scamcheck questions`)",
                if unknown.len() == 1 { "" } else { "s" },
                unknown
                    .iter()
                    .map(|id| format!("`{id}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
        }
    }
}

impl<S: Into<String>> FromIterator<(S, Answer)> for Answers {
    fn from_iter<I: IntoIterator<Item = (S, Answer)>>(iter: I) -> Self {
        Answers(iter.into_iter().map(|(id, a)| (id.into(), a)).collect())
    }
}

/// A question whose answer counts against the caller.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RedFlag {
    /// The question id.
    pub id: String,
    /// "yes" or "not sure".
    pub answer: Answer,
    /// The question's severity.
    pub severity: Severity,
    /// The question, as asked.
    pub question: Text,
    /// Why it matters.
    pub why: Text,
}

/// A combination rule that fired.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FiredRule {
    /// The rule id.
    pub id: String,
    /// What it means.
    pub explain: Text,
    /// True for notes, which explain but do not change the score.
    pub is_note: bool,
}

/// The outcome of scoring a set of answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verdict {
    /// How far the answers go towards "this is the scam".
    pub level: Level,
    /// The sum of weights and combination bonuses.
    pub score: u32,
    /// Every red flag, most severe first (file order within a severity).
    pub flags: Vec<RedFlag>,
    /// Every combination that fired, in file order.
    pub rules: Vec<FiredRule>,
    /// Money or a code may already have gone: show the after-the-fact steps first.
    pub emergency: bool,
    /// The level's name.
    pub level_name: Text,
    /// One sentence on what the level means.
    pub summary: Text,
    /// What to do, most urgent first: emergency steps, reasons to hang up, the level's advice.
    pub advice: Vec<Text>,
}

impl Verdict {
    /// True when the advice is to hang up now.
    pub fn is_hang_up(&self) -> bool {
        self.level.is_hang_up()
    }

    /// The advice in one language.
    pub fn advice_in(&self, lang: Lang) -> Vec<&str> {
        self.advice.iter().map(|t| t.get(lang)).collect()
    }
}

/// Scores `answers` against `rules`.
pub fn evaluate(rules: &RuleSet, answers: &Answers) -> Verdict {
    evaluate_file(rules.file(), answers)
}

/// Scores against raw rule data; validation uses this before the regexes are compiled.
pub(crate) fn evaluate_file(file: &RuleFile, answers: &Answers) -> Verdict {
    let mut score: u32 = 0;
    let mut floor = Level::NoFlags;
    let mut flags = Vec::new();
    let mut emergency = false;
    for q in &file.questions {
        let Some(answer @ (Answer::Yes | Answer::Unsure)) = answers.get(&q.id) else {
            continue;
        };
        let (points, level_floor) = if answer == Answer::Yes {
            (q.weight, q.severity.yes_floor())
        } else {
            (q.weight.div_ceil(2), q.severity.unsure_floor())
        };
        score = score.saturating_add(points);
        floor = floor.max(level_floor);
        emergency |= q.severity == Severity::Emergency;
        if q.severity >= Severity::Medium {
            flags.push(RedFlag {
                id: q.id.clone(),
                answer,
                severity: q.severity,
                question: q.text.clone(),
                why: q.why.clone(),
            });
        }
    }
    flags.sort_by_key(|f| std::cmp::Reverse((f.answer == Answer::Yes, f.severity)));

    let is_yes = |id: &str| answers.is_yes(id);
    let mut rules = Vec::new();
    for c in &file.combinations {
        if c.when.holds(&is_yes) {
            score = score.saturating_add(c.add);
            floor = floor.max(c.raise_to.unwrap_or_default());
            rules.push(FiredRule {
                id: c.id.clone(),
                explain: c.explain.clone(),
                is_note: c.is_note(),
            });
        }
    }

    let by_score = file
        .levels
        .iter()
        .filter(|l| score >= l.min_score)
        .map(|l| l.level)
        .max()
        .unwrap_or_default();
    let level = by_score.max(floor);
    let level_data = file.levels.iter().find(|l| l.level == level);

    let mut advice = Vec::new();
    if emergency {
        advice.push(file.emergency.title.clone());
        advice.extend(file.emergency.steps.iter().cloned());
    }
    for flag in flags
        .iter()
        .filter(|f| f.answer == Answer::Yes && f.severity == Severity::Critical)
    {
        if let Some(reason) = file
            .questions
            .iter()
            .find(|q| q.id == flag.id)
            .and_then(|q| q.hang_up_reason.clone())
        {
            advice.push(reason);
        }
    }
    if let Some(l) = level_data {
        advice.extend(l.advice.iter().cloned());
    }

    Verdict {
        level,
        score,
        flags,
        rules,
        emergency,
        level_name: level_data.map(|l| l.name.clone()).unwrap_or_default(),
        summary: level_data.map(|l| l.summary.clone()).unwrap_or_default(),
        advice,
    }
}
