//! How well the text check recognises a labelled corpus: per-question precision and recall,
//! the levels reached by scam and everyday items, and every miss and false alarm.

use serde::Serialize;

use crate::analyze::{AnalyzeError, Analyzer};
use crate::corpus::{Item, Kind};
use crate::level::Level;
use crate::rules::Severity;

/// Scam items should reach at least this level; everyday items should stay below it.
pub const ALARM: Level = Level::HighRisk;

/// What one item gave.
#[derive(Clone, Debug, Serialize)]
pub struct Outcome {
    /// The item's id.
    pub id: String,
    /// The level the text reached.
    pub level: Level,
    /// The questions it is labelled with.
    pub expected: Vec<String>,
    /// The questions the text check raised.
    pub raised: Vec<String>,
}

/// One question's counts over the corpus.
#[derive(Clone, Debug, Serialize)]
pub struct QuestionStats {
    /// The question id.
    pub id: String,
    /// Its severity.
    pub severity: Severity,
    /// Items labelled with it.
    pub labelled: usize,
    /// Items where the text check raised it.
    pub raised: usize,
    /// Items both labelled and raised.
    pub hits: usize,
    /// Labelled items it was not raised on.
    pub missed: Vec<String>,
    /// Items it was raised on without the label.
    pub false_raised: Vec<String>,
}

impl QuestionStats {
    /// Hits over raised; `None` when never raised.
    pub fn precision(&self) -> Option<f64> {
        ratio(self.hits, self.raised)
    }

    /// Hits over labelled; `None` when never labelled.
    pub fn recall(&self) -> Option<f64> {
        ratio(self.hits, self.labelled)
    }
}

/// The whole evaluation.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    /// Scam items.
    pub scam: usize,
    /// Everyday items.
    pub everyday: usize,
    /// How many scam items reached each level, 0 to 3.
    pub scam_levels: [usize; 4],
    /// How many everyday items reached each level, 0 to 3.
    pub everyday_levels: [usize; 4],
    /// Every question of the rules, in file order.
    pub questions: Vec<QuestionStats>,
    /// Scam items below [`ALARM`].
    pub misses: Vec<Outcome>,
    /// Everyday items at [`ALARM`] or above.
    pub false_alarms: Vec<Outcome>,
}

impl Report {
    /// The share of scam items that reach [`ALARM`].
    pub fn scam_recall(&self) -> Option<f64> {
        ratio(self.scam - self.misses.len(), self.scam)
    }

    /// The share of everyday items that reach [`ALARM`].
    pub fn false_alarm_rate(&self) -> Option<f64> {
        ratio(self.false_alarms.len(), self.everyday)
    }

    /// The statistics of one question.
    pub fn question(&self, id: &str) -> Option<&QuestionStats> {
        self.questions.iter().find(|q| q.id == id)
    }
}

fn ratio(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// Why a corpus could not be evaluated.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// An item is labelled with ids the rules do not have.
    #[error("item `{item}` is labelled with unknown question id{} {}", if ids.len() == 1 { "" } else { "s" }, ids.join(", "))]
    UnknownQuestions {
        /// The item's id.
        item: String,
        /// The unknown ids.
        ids: Vec<String>,
    },
    /// An item could not be analysed.
    #[error("item `{item}`: {source}")]
    Analyze {
        /// The item's id.
        item: String,
        /// Why.
        source: AnalyzeError,
    },
}

/// Analyses every item and compares what was raised with the labels.
///
/// # Errors
/// A label that names no question of the rules, or a text too long to analyse.
pub fn evaluate_corpus(analyzer: &Analyzer, items: &[Item]) -> Result<Report, EvalError> {
    let rules = analyzer.rules();
    let mut report = Report {
        scam: 0,
        everyday: 0,
        scam_levels: [0; 4],
        everyday_levels: [0; 4],
        questions: rules
            .questions()
            .iter()
            .map(|q| QuestionStats {
                id: q.id.clone(),
                severity: q.severity,
                labelled: 0,
                raised: 0,
                hits: 0,
                missed: Vec::new(),
                false_raised: Vec::new(),
            })
            .collect(),
        misses: Vec::new(),
        false_alarms: Vec::new(),
    };
    for item in items {
        let unknown: Vec<String> = item
            .questions
            .iter()
            .filter(|id| rules.question(id).is_none())
            .cloned()
            .collect();
        if !unknown.is_empty() {
            return Err(EvalError::UnknownQuestions {
                item: item.id.clone(),
                ids: unknown,
            });
        }
        let analysis = analyzer
            .analyze(&item.text)
            .map_err(|source| EvalError::Analyze {
                item: item.id.clone(),
                source,
            })?;
        let raised: Vec<String> = analysis
            .questions()
            .into_iter()
            .map(str::to_owned)
            .collect();
        for stats in &mut report.questions {
            let labelled = item.questions.contains(&stats.id);
            let was_raised = raised.contains(&stats.id);
            stats.labelled += usize::from(labelled);
            stats.raised += usize::from(was_raised);
            stats.hits += usize::from(labelled && was_raised);
            if labelled && !was_raised {
                stats.missed.push(item.id.clone());
            }
            if was_raised && !labelled {
                stats.false_raised.push(item.id.clone());
            }
        }
        let level = analysis.verdict.level;
        let outcome = || Outcome {
            id: item.id.clone(),
            level,
            expected: item.questions.clone(),
            raised: raised.clone(),
        };
        let at = usize::from(level.number());
        match item.kind {
            Kind::Scam => {
                report.scam += 1;
                report.scam_levels[at] += 1;
                if level < ALARM {
                    report.misses.push(outcome());
                }
            }
            Kind::Everyday => {
                report.everyday += 1;
                report.everyday_levels[at] += 1;
                if level >= ALARM {
                    report.false_alarms.push(outcome());
                }
            }
        }
    }
    Ok(report)
}

/// The report as a table and lists, for people.
pub fn report_text(report: &Report) -> String {
    let pct = |r: Option<f64>| r.map_or_else(|| "—".to_owned(), |r| format!("{:.1}%", r * 100.0));
    let mut out = format!(
        "{} scam items, {} everyday items\n\
         scam items at level ≥ {ALARM}: {}   everyday items at level ≥ {ALARM} (false alarms): {}\n\n\
         levels      0     1     2     3\n\
         scam     {:>5} {:>5} {:>5} {:>5}\n\
         everyday {:>5} {:>5} {:>5} {:>5}\n\n\
         {:<18} {:<9} {:>8} {:>7} {:>5} {:>10} {:>8}\n",
        report.scam,
        report.everyday,
        pct(report.scam_recall()),
        pct(report.false_alarm_rate()),
        report.scam_levels[0],
        report.scam_levels[1],
        report.scam_levels[2],
        report.scam_levels[3],
        report.everyday_levels[0],
        report.everyday_levels[1],
        report.everyday_levels[2],
        report.everyday_levels[3],
        "question",
        "severity",
        "labelled",
        "raised",
        "hits",
        "precision",
        "recall",
    );
    for q in &report.questions {
        out += &format!(
            "{:<18} {:<9} {:>8} {:>7} {:>5} {:>10} {:>8}\n",
            q.id,
            format!("{:?}", q.severity).to_lowercase(),
            q.labelled,
            q.raised,
            q.hits,
            pct(q.precision()),
            pct(q.recall()),
        );
    }
    let outcome_line = |o: &Outcome| {
        format!(
            "  {:<10} level {}  labelled [{}]  raised [{}]\n",
            o.id,
            o.level,
            o.expected.join(", "),
            o.raised.join(", ")
        )
    };
    if !report.misses.is_empty() {
        out += &format!("\nscam items below level {ALARM}:\n");
        out.extend(report.misses.iter().map(outcome_line));
    }
    if !report.false_alarms.is_empty() {
        out += &format!("\neveryday items at level {ALARM} or above:\n");
        out.extend(report.false_alarms.iter().map(outcome_line));
    }
    let mut first = true;
    for q in &report.questions {
        if q.missed.is_empty() && q.false_raised.is_empty() {
            continue;
        }
        if first {
            out += "\nby question (missed / raised without the label):\n";
            first = false;
        }
        out += &format!(
            "  {:<18} missed [{}]  false [{}]\n",
            q.id,
            q.missed.join(" "),
            q.false_raised.join(" ")
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::corpus::{Form, Item};
    use crate::rules::RuleSet;

    fn item(id: &str, kind: Kind, questions: &[&str], text: &str) -> Item {
        Item {
            id: id.to_owned(),
            kind,
            form: Form::Line,
            lang: "zh".to_owned(),
            questions: questions.iter().map(|q| (*q).to_owned()).collect(),
            text: text.to_owned(),
            source: "test".to_owned(),
        }
    }

    #[test]
    fn counts_hits_misses_and_false_alarms() {
        let analyzer = match RuleSet::embedded().and_then(|r| Analyzer::new(Arc::new(r))) {
            Ok(a) => a,
            Err(err) => panic!("{err}"),
        };
        let items = [
            item("s1", Kind::Scam, &["screen_share"], "请开启屏幕共享"),
            item("s2", Kind::Scam, &["loan"], "今天天气不错"),
            item("e1", Kind::Everyday, &[], "请开启屏幕共享"),
            item("e2", Kind::Everyday, &[], "妈，我到家了"),
        ];
        let report = match evaluate_corpus(&analyzer, &items) {
            Ok(r) => r,
            Err(err) => panic!("{err}"),
        };
        assert_eq!((report.scam, report.everyday), (2, 2));
        assert_eq!(report.scam_recall(), Some(0.5));
        assert_eq!(report.false_alarm_rate(), Some(0.5));
        assert_eq!(report.misses.len(), 1);
        assert_eq!(report.misses[0].id, "s2");
        let share = report.question("screen_share");
        assert_eq!(
            share.map(|q| (q.labelled, q.raised, q.hits)),
            Some((1, 2, 1))
        );
        assert_eq!(share.and_then(QuestionStats::precision), Some(0.5));
        assert_eq!(
            share.map(|q| q.false_raised.clone()),
            Some(vec!["e1".to_owned()])
        );
        let loan = report.question("loan");
        assert_eq!(loan.and_then(QuestionStats::recall), Some(0.0));
        assert_eq!(report.everyday_levels[3], 1);
        assert!(report_text(&report).contains("s2"));

        let unknown = [item("x", Kind::Scam, &["no_such_question"], "…")];
        assert!(matches!(
            evaluate_corpus(&analyzer, &unknown),
            Err(EvalError::UnknownQuestions { .. })
        ));
    }
}
