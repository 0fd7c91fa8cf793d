//! A live check: the answers so far, where the walk through the questions is, and the verdict.
//! Pure state and rules — the window only draws it and sends it answers.

use crate::answers::{Answer, Answers};
use crate::engine::{Verdict, evaluate};
use crate::level::Level;
use crate::rules::{RuleSet, Severity};

/// What brought the verdict to "hang up now", named on the hang-up screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HangUpReason {
    /// A critical "yes", by question id.
    Flag(String),
    /// A combination rule that raised the level to 3, by rule id.
    Rule(String),
    /// The red flags added up to the level-3 score.
    Score,
}

impl HangUpReason {
    /// Why the verdict is at level 3: the first critical "yes", else the first combination
    /// that raised it there, else the score.
    pub fn of(rules: &RuleSet, verdict: &Verdict) -> HangUpReason {
        let critical = verdict
            .flags
            .iter()
            .find(|f| f.answer == Answer::Yes && f.severity.yes_floor() == Level::HangUp);
        if let Some(flag) = critical {
            return HangUpReason::Flag(flag.id.clone());
        }
        let rule = verdict.rules.iter().find(|fired| {
            rules
                .combinations()
                .iter()
                .any(|c| c.id == fired.id && c.raise_to == Some(Level::HangUp))
        });
        match rule {
            Some(fired) => HangUpReason::Rule(fired.id.clone()),
            None => HangUpReason::Score,
        }
    }
}

/// What to show after an answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Next {
    /// The next question.
    Question,
    /// The verdict says "hang up now": stop and say so, with the reason.
    HangUp(HangUpReason),
    /// Money or a code has gone: the after-the-fact steps.
    Emergency,
    /// Every question answered: the result.
    Result,
}

/// One person's check, from the first answer until "start over".
#[derive(Clone, Debug)]
pub struct Check {
    answers: Answers,
    order: Vec<String>,
    cursor: usize,
    verdict: Verdict,
    /// The hang-up advice (or the emergency steps) has been shown for this check.
    warned: bool,
}

impl Check {
    /// A fresh check: questions in the rules' order (the scam's steps), nothing answered.
    pub fn new(rules: &RuleSet) -> Check {
        let answers = Answers::new();
        Check {
            order: rules.questions().iter().map(|q| q.id.clone()).collect(),
            cursor: 0,
            verdict: evaluate(rules, &answers),
            answers,
            warned: false,
        }
    }

    /// Records an answer (from the question screen, a start-screen card or a text finding)
    /// and says what to show next. A new critical "yes" interrupts with the hang-up screen, and
    /// so does the first time the verdict reaches level 3 by any other route (a combination,
    /// the score).
    pub fn answer(&mut self, rules: &RuleSet, id: &str, answer: Answer) -> Next {
        self.answers.set(id, answer);
        self.verdict = evaluate(rules, &self.answers);
        let severity = rules.question(id).map(|q| q.severity);
        // A critical "yes" interrupts every time it is given, not only the first: a card pressed
        // again on the start screen must still say "hang up".
        if answer == Answer::Yes {
            match severity {
                Some(Severity::Emergency) => {
                    self.warned = true;
                    return Next::Emergency;
                }
                Some(Severity::Critical) => {
                    self.warned = true;
                    return Next::HangUp(HangUpReason::Flag(id.to_owned()));
                }
                _ => {}
            }
        }
        if let Some(reason) = self.first_hang_up(rules) {
            if self.current() == Some(id) {
                self.advance();
            }
            return Next::HangUp(reason);
        }
        if self.current() == Some(id) {
            self.advance();
        }
        if self.current().is_some() {
            Next::Question
        } else {
            Next::Result
        }
    }

    /// The reason to interrupt, the first time the verdict is at level 3 and the advice has
    /// not been shown yet.
    fn first_hang_up(&mut self, rules: &RuleSet) -> Option<HangUpReason> {
        if self.warned || !self.verdict.is_hang_up() {
            return None;
        }
        self.warned = true;
        Some(HangUpReason::of(rules, &self.verdict))
    }

    /// Whether the hang-up advice or the emergency steps have been shown in this check.
    pub fn was_warned(&self) -> bool {
        self.warned
    }

    /// Moves to the next unanswered question after the current one, then any unanswered one
    /// before it; past the end when everything is answered.
    fn advance(&mut self) {
        let unanswered = |i: &usize| self.answers.get(&self.order[*i]).is_none();
        self.cursor = (self.cursor + 1..self.order.len())
            .find(unanswered)
            .or_else(|| (0..self.cursor).find(unanswered))
            .unwrap_or(self.order.len());
    }

    /// Goes on with the walk after an interruption: to the first unanswered question.
    pub fn resume(&mut self) -> Next {
        if self
            .current()
            .is_some_and(|id| self.answers.get(id).is_none())
        {
            return Next::Question;
        }
        match (0..self.order.len()).find(|i| self.answers.get(&self.order[*i]).is_none()) {
            Some(i) => {
                self.cursor = i;
                Next::Question
            }
            None => {
                self.cursor = self.order.len();
                Next::Result
            }
        }
    }

    /// Steps back one question; false at the first.
    pub fn back(&mut self) -> bool {
        if self.cursor == 0 {
            return false;
        }
        self.cursor -= 1;
        true
    }

    /// The id of the question being asked, if the walk is not finished.
    pub fn current(&self) -> Option<&str> {
        self.order.get(self.cursor).map(String::as_str)
    }

    /// 1-based position of the current question and the number of questions.
    pub fn position(&self) -> (usize, usize) {
        ((self.cursor + 1).min(self.order.len()), self.order.len())
    }

    /// The answers so far.
    pub fn answers(&self) -> &Answers {
        &self.answers
    }

    /// The verdict for the answers so far.
    pub fn verdict(&self) -> &Verdict {
        &self.verdict
    }

    /// True before the first answer.
    pub fn is_empty(&self) -> bool {
        self.answers.is_empty()
    }

    /// Re-scores under new rules (after a reload), keeping answers the new rules still know.
    /// Returns the reason to interrupt when the new rules put the verdict at level 3 for the
    /// first time.
    pub fn rescore(&mut self, rules: &RuleSet) -> Option<HangUpReason> {
        let kept: Answers = self
            .answers
            .iter()
            .filter(|(id, _)| rules.question(id).is_some())
            .map(|(id, a)| (id.to_owned(), a))
            .collect();
        let cursor_id = self.current().map(str::to_owned);
        let warned = self.warned;
        *self = Check::new(rules);
        self.answers = kept;
        self.warned = warned;
        self.verdict = evaluate(rules, &self.answers);
        self.cursor = cursor_id
            .and_then(|id| self.order.iter().position(|q| *q == id))
            .unwrap_or(0);
        self.first_hang_up(rules)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> RuleSet {
        match RuleSet::embedded() {
            Ok(r) => r,
            Err(err) => panic!("{err}"),
        }
    }

    #[test]
    fn a_critical_yes_interrupts_once_and_the_walk_resumes_where_it_was() {
        let rules = rules();
        let mut check = Check::new(&rules);
        assert_eq!(check.current(), Some("claims_service"));
        assert_eq!(
            check.answer(&rules, "claims_service", Answer::Yes),
            Next::Question
        );
        assert_eq!(check.current(), Some("knows_details"));
        // A card on the start screen: a critical yes that is not the current question.
        assert_eq!(
            check.answer(&rules, "screen_share", Answer::Yes),
            Next::HangUp(HangUpReason::Flag("screen_share".to_owned()))
        );
        assert_eq!(check.verdict().level, Level::HangUp);
        assert_eq!(check.resume(), Next::Question);
        assert_eq!(check.current(), Some("knows_details"));
        // Answering the same critical question yes again does not interrupt again.
        check.answer(&rules, "screen_share", Answer::Yes);
        assert_eq!(check.current(), Some("knows_details"));
    }

    #[test]
    fn back_then_answer_changes_the_earlier_answer_and_skips_answered_ones() {
        let rules = rules();
        let mut check = Check::new(&rules);
        check.answer(&rules, "claims_service", Answer::Yes);
        check.answer(&rules, "knows_details", Answer::No);
        assert!(check.back());
        assert_eq!(check.current(), Some("knows_details"));
        check.answer(&rules, "knows_details", Answer::Yes);
        assert_eq!(check.answers().get("knows_details"), Some(Answer::Yes));
        assert_eq!(check.current(), Some("overseas_number"));
        assert!(check.back() && check.back() && !check.back());
    }

    #[test]
    fn answering_everything_ends_at_the_result_and_already_paid_is_an_emergency() {
        let rules = rules();
        let mut check = Check::new(&rules);
        let ids: Vec<String> = rules.questions().iter().map(|q| q.id.clone()).collect();
        let mut last = Next::Question;
        for id in &ids {
            last = check.answer(&rules, id, Answer::No);
        }
        assert_eq!(last, Next::Result);
        assert_eq!(check.current(), None);
        assert_eq!(
            check.answer(&rules, "already_paid", Answer::Yes),
            Next::Emergency
        );
    }

    #[test]
    fn reaching_level_3_through_a_combination_interrupts_once_with_the_rule() {
        let rules = rules();
        let mut check = Check::new(&rules);
        // Courier service, knows the tracking number, offers compensation: level 2 at most.
        for id in ["claims_service", "knows_details", "refund_offer"] {
            assert_eq!(
                check.answer(&rules, id, Answer::Yes),
                Next::Question,
                "{id}"
            );
        }
        assert!(!check.verdict().is_hang_up());
        // Then asks to add WeChat: a high sign, but together with the refund it is the scam.
        let next = check.answer(&rules, "add_contact", Answer::Yes);
        assert!(check.verdict().is_hang_up());
        assert_eq!(
            next,
            Next::HangUp(HangUpReason::Rule("refund_off_platform".to_owned()))
        );
        assert!(check.was_warned());
        // Once warned, further answers go on with the walk.
        assert_eq!(
            check.answer(&rules, "check_balance", Answer::Yes),
            Next::Question
        );
    }
}
