//! A live check: the answers so far, where the walk through the questions is, and the verdict.
//! Pure state and rules — the window only draws it and sends it answers.

use crate::engine::{Answer, Answers, Verdict, evaluate};
use crate::rules::{RuleSet, Severity};

/// What to show after an answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Next {
    /// The next question.
    Question,
    /// A critical "yes": stop and tell them to hang up, naming the question.
    HangUp(String),
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
        }
    }

    /// Records an answer (from the question screen, a start-screen card or a text finding)
    /// and says what to show next. Only a new critical "yes" interrupts with the hang-up screen.
    pub fn answer(&mut self, rules: &RuleSet, id: &str, answer: Answer) -> Next {
        let was_yes = self.answers.is_yes(id);
        self.answers.set(id, answer);
        self.verdict = evaluate(rules, &self.answers);
        let severity = rules.question(id).map(|q| q.severity);
        if answer == Answer::Yes && !was_yes {
            match severity {
                Some(Severity::Emergency) => return Next::Emergency,
                Some(Severity::Critical) => return Next::HangUp(id.to_owned()),
                _ => {}
            }
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
    pub fn rescore(&mut self, rules: &RuleSet) {
        let kept: Answers = self
            .answers
            .iter()
            .filter(|(id, _)| rules.question(id).is_some())
            .map(|(id, a)| (id.to_owned(), a))
            .collect();
        let cursor_id = self.current().map(str::to_owned);
        *self = Check::new(rules);
        self.answers = kept;
        self.verdict = evaluate(rules, &self.answers);
        self.cursor = cursor_id
            .and_then(|id| self.order.iter().position(|q| *q == id))
            .unwrap_or(0);
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
            Next::HangUp("screen_share".to_owned())
        );
        assert_eq!(check.verdict().level, 3);
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
}
