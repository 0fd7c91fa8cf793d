//! scamcheck: is this "customer service" call the fake refund / compensation scam?
//!
//! The domain core — [`rules`], [`engine`], [`analyze`] — is pure and never touches egui; the
//! window in [`app`] reads its state and sends commands.

pub mod analyze;
pub mod engine;
pub mod level;
pub mod rules;
pub mod text;

pub use analyze::{Analysis, Analyzer, Finding, analyze};
pub use engine::{Answer, Answers, Verdict, evaluate};
pub use level::Level;
pub use rules::{LoadError, RuleSet};
pub use text::{Lang, Text};
pub mod app;
pub mod cases;
pub mod cli;
pub mod corpus;
pub mod number;
pub mod session;
pub mod summary;
