//! The shape of `rules.ron`, exactly as a volunteer writes it.
//!
//! Every struct denies unknown fields, so a misspelt field name is an error that lists the
//! fields that were expected instead of being silently ignored.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::level::Level;
use crate::text::Text;

/// The whole rule file.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    /// Named lists of words and phrases that patterns refer to as `{name}`, so a synonym is
    /// written once and every pattern using the list gains it.
    #[serde(default)]
    pub terms: BTreeMap<String, Vec<String>>,
    /// Patterns of warnings and negations ("请勿泄露", "never share"): a finding whose line (one
    /// SMS, one turn of a call) matches one is dropped, because the text warns against the move instead of asking for it.
    #[serde(default)]
    pub warnings: Vec<String>,
    /// Patterns of a caller's demand for secrecy ("别告诉你儿子", "don't tell the bank"): it sounds
    /// like a warning but is part of the scam, so a line that matches one is not taken as a
    /// warning, and the requests around it count.
    #[serde(default)]
    pub secrecy: Vec<String>,
    /// Patterns of a caller's words reported by the person ("有人打电话说…"): a line that matches
    /// one is read as a warning only when another line of the text warns or names the scam (the
    /// person checking with the real company). Alone it is the person asking about a call
    /// still going on, and the requests it reports count.
    #[serde(default)]
    pub reported: Vec<String>,
    /// Patterns of a text that is *about* the scam — an anti-fraud poster, a police report, a
    /// family warning ("骗局", "被骗", "that is a scam"): when any line
    /// of a text matches one, the text is read as advice and its findings are not counted as
    /// requests (except an emergency: "I already paid" is never dropped).
    #[serde(default)]
    pub about_the_scam: Vec<String>,
    /// Patterns of the person ending or refusing the call ("我直接挂了", "I hung up"): what the
    /// caller asked before it is told, not asked — unless they keep calling back or something
    /// was already paid.
    #[serde(default)]
    pub refused: Vec<String>,
    /// The questions, in the order of the scam's steps.
    pub questions: Vec<Question>,
    /// Rules that raise the risk when red flags occur together.
    #[serde(default)]
    pub combinations: Vec<Combination>,
    /// Verdict levels 0 to 3, with thresholds and advice.
    pub levels: Vec<LevelRule>,
    /// The words to end the call, shown whenever the advice is to hang up.
    pub hang_up_script: Text,
    /// Numbers to call, shown with the advice.
    pub hotlines: Vec<Hotline>,
    /// The steps to take once money or a code has already gone (`already_paid`).
    pub emergency: Emergency,
    /// Classification of the caller's phone number.
    #[serde(default)]
    pub numbers: Vec<NumberRule>,
}

/// One yes/no question about what the caller did.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable identifier, used by answer files, demo cases and tests.
    pub id: String,
    /// The step of the scam this belongs to.
    pub step: Step,
    /// How decisive a "yes" is on its own.
    pub severity: Severity,
    /// Points a "yes" adds to the score (half, rounded up, for "not sure").
    pub weight: u32,
    /// The question itself: short, plain, one idea.
    pub text: Text,
    /// What the caller does, in a few words ("share your screen"): used on the start screen's
    /// cards, in findings and in summaries.
    pub short: Text,
    /// One sentence on why this matters.
    pub why: Text,
    /// For critical questions: the one-sentence reason to hang up, shown on the hang-up screen.
    #[serde(default)]
    pub hang_up_reason: Option<Text>,
    /// Seed file and passage this question comes from.
    pub source: String,
    /// Patterns (regular expressions with `{term}` lists and ` ~ ` for "close together in one
    /// clause"), in Chinese or English, that show the caller did this.
    #[serde(default)]
    pub patterns: Vec<String>,
    /// Patterns of the honest version of this move (a platform's own refund "to the original
    /// payment method", a renewal "you can cancel in the app"): a match in the same line of
    /// text drops this question's findings there.
    #[serde(default)]
    pub unless: Vec<String>,
}

/// The steps of the fake refund scam, in the order they happen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Step {
    /// The caller gets in touch and claims to be customer service.
    Contact,
    /// A problem that needs a refund or compensation.
    Pretext,
    /// Moving the victim to WeChat/QQ or a group.
    OffPlatform,
    /// A meeting app and screen sharing.
    TakeControl,
    /// Balance checks and loan products.
    Money,
    /// A deadline and a threat.
    Pressure,
    /// Links, codes, face scans, transfers.
    Extract,
    /// Money or a code has already gone.
    After,
}

impl Step {
    /// All steps in order.
    pub const ALL: [Step; 8] = [
        Step::Contact,
        Step::Pretext,
        Step::OffPlatform,
        Step::TakeControl,
        Step::Money,
        Step::Pressure,
        Step::Extract,
        Step::After,
    ];
}

/// How decisive one "yes" is. Each severity sets a floor on the verdict level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Severity {
    /// Context only; no floor.
    Low,
    /// Suspicious but common in honest calls; on its own at most level 1.
    Medium,
    /// A hallmark of this scam; at least level 2.
    High,
    /// No real agent does this; level 3.
    Critical,
    /// Money or a code has already gone: the after-the-fact steps.
    Emergency,
}

impl Severity {
    /// The lowest level one "yes" to a question of this severity gives.
    pub fn yes_floor(self) -> Level {
        match self {
            Severity::Low | Severity::Medium => Level::NoFlags,
            Severity::High => Level::HighRisk,
            Severity::Critical | Severity::Emergency => Level::HangUp,
        }
    }

    /// The lowest level one "not sure" gives: doubt about a decisive sign is itself a warning.
    pub fn unsure_floor(self) -> Level {
        match self {
            Severity::Low | Severity::Medium => Level::NoFlags,
            Severity::High => Level::Careful,
            Severity::Critical | Severity::Emergency => Level::HighRisk,
        }
    }
}

/// A rule that fires when several answers occur together.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Combination {
    /// Identifier, unique among combinations.
    pub id: String,
    /// When the rule fires.
    pub when: Condition,
    /// Points added to the score when it fires.
    #[serde(default)]
    pub add: u32,
    /// The level the verdict is raised to at least, when it fires.
    #[serde(default)]
    pub raise_to: Option<Level>,
    /// What the combination means, shown when it fires.
    pub explain: Text,
    /// Seed file and passage this rule comes from.
    pub source: String,
}

impl Combination {
    /// A note only explains; it changes neither score nor level.
    pub fn is_note(&self) -> bool {
        self.add == 0 && self.raise_to.is_none()
    }
}

/// A condition over the answers. Only "yes" answers count as present.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Condition {
    /// The question was answered "yes".
    Yes(String),
    /// Every part holds.
    All(Vec<Condition>),
    /// At least one part holds.
    Any(Vec<Condition>),
    /// At least this many parts hold.
    AtLeast(usize, Vec<Condition>),
    /// The part does not hold. Only allowed in notes: in a rule that raises the risk it would
    /// let one more "yes" lower the verdict.
    Not(Box<Condition>),
}

impl Condition {
    /// Whether the condition holds for the set of questions answered "yes".
    pub fn holds(&self, is_yes: &impl Fn(&str) -> bool) -> bool {
        match self {
            Condition::Yes(id) => is_yes(id),
            Condition::All(parts) => parts.iter().all(|c| c.holds(is_yes)),
            Condition::Any(parts) => parts.iter().any(|c| c.holds(is_yes)),
            Condition::AtLeast(n, parts) => parts.iter().filter(|c| c.holds(is_yes)).count() >= *n,
            Condition::Not(inner) => !inner.holds(is_yes),
        }
    }

    /// Every question id the condition names, in order.
    pub fn question_ids(&self) -> Vec<&str> {
        let mut ids = Vec::new();
        self.collect_ids(&mut ids);
        ids
    }

    fn collect_ids<'a>(&'a self, ids: &mut Vec<&'a str>) {
        match self {
            Condition::Yes(id) => ids.push(id),
            Condition::All(parts) | Condition::Any(parts) | Condition::AtLeast(_, parts) => {
                for part in parts {
                    part.collect_ids(ids);
                }
            }
            Condition::Not(inner) => inner.collect_ids(ids),
        }
    }

    /// True when adding "yes" answers can never make the condition stop holding.
    pub fn is_monotone(&self) -> bool {
        match self {
            Condition::Yes(_) => true,
            Condition::All(parts) | Condition::Any(parts) | Condition::AtLeast(_, parts) => {
                parts.iter().all(Condition::is_monotone)
            }
            Condition::Not(_) => false,
        }
    }
}

impl std::fmt::Display for Condition {
    /// Reads as a formula over question ids: `knows_details and (refund_offer or account_charge)`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let join = |f: &mut std::fmt::Formatter<'_>, parts: &[Condition], sep: &str| {
            for (i, part) in parts.iter().enumerate() {
                if i > 0 {
                    f.write_str(sep)?;
                }
                match part {
                    Condition::Yes(_) | Condition::Not(_) => write!(f, "{part}")?,
                    _ => write!(f, "({part})")?,
                }
            }
            Ok(())
        };
        match self {
            Condition::Yes(id) => write!(f, "{id}"),
            Condition::All(parts) => join(f, parts, " and "),
            Condition::Any(parts) => join(f, parts, " or "),
            Condition::AtLeast(n, parts) => {
                write!(f, "at least {n} of [")?;
                join(f, parts, ", ")?;
                write!(f, "]")
            }
            Condition::Not(inner) => match **inner {
                Condition::Yes(_) => write!(f, "not {inner}"),
                _ => write!(f, "not ({inner})"),
            },
        }
    }
}

/// A verdict level with its threshold and advice.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelRule {
    /// 0, 1, 2 or 3.
    pub level: Level,
    /// The lowest score that reaches this level.
    pub min_score: u32,
    /// The level's name, e.g. "Be careful".
    pub name: Text,
    /// One sentence that says what the level means.
    pub summary: Text,
    /// What to do now, one short sentence each.
    pub advice: Vec<Text>,
}

/// A number to call and when.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hotline {
    /// What to dial, e.g. `110`, or a description such as the number on the back of the card.
    pub number: Text,
    /// Who answers and when to call.
    pub label: Text,
}

/// The after-the-fact steps for `already_paid`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Emergency {
    /// The headline.
    pub title: Text,
    /// The steps, in order of urgency.
    pub steps: Vec<EmergencyStep>,
}

/// One thing to do once money or a code has gone.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmergencyStep {
    /// What to do, in one or two short sentences.
    pub text: Text,
    /// Where the advice comes from: a seed passage or a public police source.
    pub source: String,
}

/// One class of caller phone number, recognised by a regular expression.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NumberRule {
    /// Identifier, unique among number rules.
    pub id: String,
    /// Matched against the number with spaces, dashes and brackets removed and full-width
    /// digits made ASCII, e.g. `+85212345678`.
    pub pattern: String,
    /// The class's name, e.g. "Hong Kong number".
    pub name: Text,
    /// What it means for this call.
    pub meaning: Text,
    /// What it does not mean (numbers can be spoofed; relatives abroad exist).
    pub not_meaning: Text,
    /// The question a match answers "yes", if any.
    #[serde(default)]
    pub indicates: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conditions_read_as_formulas() {
        let yes = |id: &str| Condition::Yes(id.to_owned());
        let c = Condition::All(vec![
            yes("knows_details"),
            Condition::Any(vec![yes("refund_offer"), yes("account_charge")]),
            Condition::Not(Box::new(yes("loan"))),
        ]);
        assert_eq!(
            c.to_string(),
            "knows_details and (refund_offer or account_charge) and not loan"
        );
        let c = Condition::AtLeast(2, vec![yes("a"), yes("b"), yes("c")]);
        assert_eq!(c.to_string(), "at least 2 of [a, b, c]");
    }
}
