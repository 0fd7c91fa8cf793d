//! The verdict level: how far the answers so far go towards "this is the scam".

use serde::{Deserialize, Serialize};

/// One of the four verdict levels. In `rules.ron` and in JSON output it is written as its
/// number, 0 to 3.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(try_from = "u8", into = "u8")]
pub enum Level {
    /// 0 — no red flags yet (never "safe").
    #[default]
    NoFlags,
    /// 1 — be careful.
    Careful,
    /// 2 — high risk, very likely a scam.
    HighRisk,
    /// 3 — scam: hang up now.
    HangUp,
}

impl Level {
    /// All levels, lowest first.
    pub const ALL: [Level; 4] = [
        Level::NoFlags,
        Level::Careful,
        Level::HighRisk,
        Level::HangUp,
    ];

    /// The level's number, 0 to 3.
    pub fn number(self) -> u8 {
        match self {
            Level::NoFlags => 0,
            Level::Careful => 1,
            Level::HighRisk => 2,
            Level::HangUp => 3,
        }
    }

    /// True at level 3, when the advice is to hang up now.
    pub fn is_hang_up(self) -> bool {
        self == Level::HangUp
    }

    /// True from level 1 up: something is suspicious.
    pub fn is_suspicious(self) -> bool {
        self >= Level::Careful
    }
}

impl TryFrom<u8> for Level {
    type Error = String;

    fn try_from(number: u8) -> Result<Level, String> {
        Level::ALL
            .get(usize::from(number))
            .copied()
            .ok_or_else(|| format!("{number} is not a level: levels are 0, 1, 2 and 3"))
    }
}

impl From<Level> for u8 {
    fn from(level: Level) -> u8 {
        level.number()
    }
}

impl std::fmt::Display for Level {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.number())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_trip_and_out_of_range_is_refused() {
        for level in Level::ALL {
            assert_eq!(Level::try_from(level.number()), Ok(level));
        }
        assert!(Level::try_from(4).is_err());
        assert!(Level::HangUp > Level::HighRisk && Level::Careful > Level::NoFlags);
    }
}
