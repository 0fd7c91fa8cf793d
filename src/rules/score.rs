//! The arithmetic of scoring: points, floors and combinations for a set of answers. The
//! engine turns this into a verdict with words; validation uses it to check that a medium or
//! low question cannot reach a high level on its own.

use super::schema::RuleFile;
use crate::answers::{Answer, Answers};
use crate::level::Level;

/// Points and level for a set of answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Score {
    /// The sum of weights and combination bonuses.
    pub points: u32,
    /// The verdict level: the highest threshold reached, or a floor set by a severity or a
    /// combination if that is higher.
    pub level: Level,
    /// Indices of the combinations that fired, in file order.
    pub fired: Vec<usize>,
}

/// Scores `answers` against the rule data. A "yes" adds the question's weight and sets its
/// severity's floor; "not sure" adds half (rounded up) and a lower floor; combinations count
/// only "yes" answers.
pub fn score(file: &RuleFile, answers: &Answers) -> Score {
    let mut points: u32 = 0;
    let mut floor = Level::NoFlags;
    for q in &file.questions {
        let (add, level) = match answers.get(&q.id) {
            Some(Answer::Yes) => (q.weight, q.severity.yes_floor()),
            Some(Answer::Unsure) => (q.weight.div_ceil(2), q.severity.unsure_floor()),
            Some(Answer::No) | None => continue,
        };
        points = points.saturating_add(add);
        floor = floor.max(level);
    }
    let is_yes = |id: &str| answers.is_yes(id);
    let mut fired = Vec::new();
    for (i, c) in file.combinations.iter().enumerate() {
        if c.when.holds(&is_yes) {
            points = points.saturating_add(c.add);
            floor = floor.max(c.raise_to.unwrap_or_default());
            fired.push(i);
        }
    }
    let by_points = file
        .levels
        .iter()
        .filter(|l| points >= l.min_score)
        .map(|l| l.level)
        .max()
        .unwrap_or_default();
    Score {
        points,
        level: by_points.max(floor),
        fired,
    }
}
