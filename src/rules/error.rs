//! Errors from loading a rule file, written so a volunteer can find and fix the mistake.

use std::fmt;

/// Why a rule file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read.
    #[error("{origin}: cannot read the file: {source}")]
    Read {
        /// The path as given.
        origin: String,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The text is not valid RON for a rule file.
    #[error("{origin}:{line}:{col}: {message}{}", at_path(path))]
    Syntax {
        /// The file name (or `<embedded rules.ron>`).
        origin: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        col: usize,
        /// The item being read, e.g. `questions[3].weight`; empty at the top level.
        path: String,
        /// What was wrong.
        message: String,
    },
    /// The file parsed but breaks one or more rules; every problem is listed.
    #[error("{}", list(problems))]
    Invalid {
        /// Each problem, with its position.
        problems: Vec<Problem>,
    },
}

impl LoadError {
    /// One line per problem, each starting with `FILE:LINE:COL:` where known.
    pub fn lines(&self) -> Vec<String> {
        match self {
            LoadError::Invalid { problems } => problems.iter().map(ToString::to_string).collect(),
            other => vec![other.to_string()],
        }
    }
}

fn at_path(path: &str) -> String {
    if path.is_empty() || path == "." {
        String::new()
    } else {
        format!(" (at {path})")
    }
}

fn list(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// One semantic problem in a rule file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The file name.
    pub origin: String,
    /// 1-based line and column of the item, when it could be found in the text.
    pub position: Option<(usize, usize)>,
    /// The item, e.g. `questions[3]` or `combinations[0] (classic_opening)`.
    pub item: String,
    /// What is wrong, in plain words.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some((line, col)) => write!(f, "{}:{line}:{col}: ", self.origin)?,
            None => write!(f, "{}: ", self.origin)?,
        }
        write!(f, "{} (at {})", self.message, self.item)
    }
}
