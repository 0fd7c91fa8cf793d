//! scamcheck: is this "customer service" call the fake refund / compensation scam?
//!
//! The domain core is pure and never touches egui. Its modules depend one way: the data
//! ([`text`], [`level`], [`answers`]) → the rule file and its validation ([`rules`]) → scoring
//! ([`engine`]) and text analysis ([`analyze`]) → the live check, cases, reports. The window
//! in [`app`] reads their state and sends commands.

pub mod analyze;
pub mod answers;
pub mod engine;
pub mod level;
pub mod rules;
pub mod text;

mod prefilter;

pub use analyze::{Analysis, Analyzer, Finding};
pub use answers::{Answer, Answers};
pub use engine::{Verdict, evaluate};
pub use level::Level;
pub use rules::{LoadError, RuleSet};
pub use text::{Lang, Text};
pub mod app;
pub mod cases;
pub mod cli;
pub mod corpus;
pub mod eval;
pub mod handout;
pub mod number;
pub mod report;
pub mod session;
pub mod strings;
pub mod summary;
