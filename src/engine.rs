//! Scoring: a pure function from a rule set and answers to a verdict.
//!
//! The invariants (tested as properties in `tests/properties.rs`): a critical "yes" gives
//! level 3; one more "yes" never lowers the level; "not sure" never scores below "no"; the same
//! answers always give the same verdict; `already_paid` = yes always sets the emergency path.

use crate::answers::{Answer, Answers};
use crate::level::Level;
use crate::rules::{RuleFile, RuleSet, Score, Severity, score};
use crate::text::{Lang, Text};

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

/// Scores the rule data: the points and level of [`score`], with the words to show.
fn evaluate_file(file: &RuleFile, answers: &Answers) -> Verdict {
    let Score {
        points: score,
        level,
        fired,
    } = score(file, answers);
    let mut flags = Vec::new();
    let mut emergency = false;
    for q in &file.questions {
        let Some(answer @ (Answer::Yes | Answer::Unsure)) = answers.get(&q.id) else {
            continue;
        };
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
    let rules: Vec<FiredRule> = fired
        .iter()
        .filter_map(|&i| file.combinations.get(i))
        .map(|c| FiredRule {
            id: c.id.clone(),
            explain: c.explain.clone(),
            is_note: c.is_note(),
        })
        .collect();

    let level_data = file.levels.iter().find(|l| l.level == level);

    let mut advice = Vec::new();
    if emergency {
        advice.push(file.emergency.title.clone());
        advice.extend(file.emergency.steps.iter().map(|step| step.text.clone()));
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
