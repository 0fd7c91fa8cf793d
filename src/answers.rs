//! Answers to the questions: the input of scoring, as given on screen, in an answer file or
//! by a demo case.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

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

    /// Parses a RON map such as `{"screen_share": Yes, "loan": Unsure}`; `is_known` says which
    /// question ids exist.
    ///
    /// # Errors
    /// The position of a syntax error, or every unknown question id.
    pub fn parse(
        origin: &str,
        src: &str,
        is_known: impl Fn(&str) -> bool,
    ) -> Result<Answers, AnswersError> {
        let answers: Answers = ron::from_str(src).map_err(|err| AnswersError::Syntax {
            origin: origin.to_owned(),
            position: err.span.start.to_string(),
            message: err.code.to_string(),
        })?;
        let unknown: Vec<String> = answers
            .0
            .keys()
            .filter(|id| !is_known(id))
            .cloned()
            .collect();
        if unknown.is_empty() {
            Ok(answers)
        } else {
            Err(AnswersError::Unknown {
                origin: origin.to_owned(),
                ids: unknown,
            })
        }
    }
}

impl<S: Into<String>> FromIterator<(S, Answer)> for Answers {
    fn from_iter<I: IntoIterator<Item = (S, Answer)>>(iter: I) -> Self {
        Answers(iter.into_iter().map(|(id, a)| (id.into(), a)).collect())
    }
}

/// Why an answers map could not be read.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum AnswersError {
    /// Not a RON map of answers.
    #[error("{origin}:{position}: {message}")]
    Syntax {
        /// Where the answers came from.
        origin: String,
        /// `LINE:COL`.
        position: String,
        /// What was wrong.
        message: String,
    },
    /// Ids that are not questions of the rules in use.
    #[error("{origin}: unknown question id{} {} (see `scamcheck questions`)", if ids.len() == 1 { "" } else { "s" }, ids.iter().map(|id| format!("`{id}`")).collect::<Vec<_>>().join(", "))]
    Unknown {
        /// Where the answers came from.
        origin: String,
        /// The unknown ids, in order.
        ids: Vec<String>,
    },
}
