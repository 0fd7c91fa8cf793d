//! The pattern language of `rules.ron`: regular expressions plus two additions that let a rule
//! describe a concept instead of one sentence.
//!
//! - `{name}` stands for every entry of the term list `name` (`terms` in `rules.ron`), so a
//!   synonym written once reaches every pattern that uses the list.
//! - ` ~ ` between parts means "all of these close together in one sentence, in any order":
//!   `{hand_over} ~ {secret}` matches "把验证码报给我" as well as "报一下验证码" and
//!   "read me the code", but not two halves of different sentences. The match (and the
//!   highlight) runs from the first part to the last, never the whole sentence.
//!
//! Expansion is plain text work: the result is an ordinary regular expression.

use std::collections::BTreeMap;

/// Characters that end a sentence: the parts of a ` ~ ` pattern never reach across one. Text
/// is normalised before matching (full-width `！？；` become `!?;`), so these cover both forms.
pub const SENTENCE_BREAKS: &str = "。!?;\\n\\r";

/// The most characters allowed between two parts of a ` ~ ` pattern.
pub const NEAR_GAP: usize = 30;

/// The most parts a ` ~ ` pattern may have (every order is tried: 4 parts would be 24).
pub const MAX_NEAR_PARTS: usize = 3;

/// The separator of a ` ~ ` pattern.
const NEAR: &str = " ~ ";

/// Why a pattern could not be expanded.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PatternError {
    /// `{name}` names no term list.
    #[error("unknown term `{{{0}}}`")]
    UnknownTerm(String),
    /// A ` ~ ` pattern with an empty part or too many parts.
    #[error("a ` ~ ` pattern needs 2 to {MAX_NEAR_PARTS} non-empty parts")]
    NearParts,
}

/// Every term name a pattern refers to, in order.
pub fn term_refs(pattern: &str) -> Vec<&str> {
    let mut names = Vec::new();
    for_each_ref(pattern, |piece| {
        if let Piece::Term(name) = piece {
            names.push(name);
        }
    });
    names
}

/// How far apart the parts of a ` ~ ` pattern may be in an expansion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach {
    /// As the pattern means it: one sentence, at most [`NEAR_GAP`] characters apart.
    Exact,
    /// Anywhere on one line: a looser expansion, much cheaper to compile, for a first pass
    /// that only needs to know whether the exact pattern can match.
    Line,
}

/// The pattern as a plain regular expression, with term lists and ` ~ ` expanded.
///
/// # Errors
/// An unknown term, or a ` ~ ` pattern with empty parts or more than [`MAX_NEAR_PARTS`].
pub fn expand(
    pattern: &str,
    terms: &BTreeMap<String, Vec<String>>,
    reach: Reach,
) -> Result<String, PatternError> {
    let lookup = |name: &str| terms.get(name).map(|entries| entries.join("|"));
    expand_with(pattern, &lookup, reach)
}

/// The pattern's own syntax, with every term list stood in for by one plain word: what to
/// check once the entries themselves are known to be valid.
///
/// # Errors
/// As [`expand`].
pub fn skeleton(
    pattern: &str,
    terms: &BTreeMap<String, Vec<String>>,
) -> Result<String, PatternError> {
    let lookup = |name: &str| terms.contains_key(name).then(|| "term".to_owned());
    expand_with(pattern, &lookup, Reach::Line)
}

fn expand_with(
    pattern: &str,
    lookup: &dyn Fn(&str) -> Option<String>,
    reach: Reach,
) -> Result<String, PatternError> {
    if !pattern.contains(NEAR) {
        return expand_terms(pattern, lookup);
    }
    let parts: Vec<String> = pattern
        .split(NEAR)
        .map(|part| expand_terms(part.trim(), lookup))
        .collect::<Result<_, _>>()?;
    if parts.len() > MAX_NEAR_PARTS || parts.iter().any(String::is_empty) {
        return Err(PatternError::NearParts);
    }
    let gap = match reach {
        Reach::Exact => format!("[^{SENTENCE_BREAKS}]{{0,{NEAR_GAP}}}?"),
        Reach::Line => "[^\\n]*".to_owned(),
    };
    let orders: Vec<String> = permutations(parts.len())
        .into_iter()
        .map(|order| {
            order
                .iter()
                .map(|&i| format!("(?:{})", parts[i]))
                .collect::<Vec<_>>()
                .join(&gap)
        })
        .collect();
    Ok(orders.join("|"))
}

/// Replaces every `{name}` with a group of what `lookup` gives for it.
fn expand_terms(
    pattern: &str,
    lookup: &dyn Fn(&str) -> Option<String>,
) -> Result<String, PatternError> {
    let mut out = String::with_capacity(pattern.len());
    let mut unknown = None;
    for_each_ref(pattern, |piece| match piece {
        Piece::Text(text) => out.push_str(text),
        Piece::Term(name) => match lookup(name) {
            Some(alternatives) => {
                out.push_str("(?:");
                out.push_str(&alternatives);
                out.push(')');
            }
            None => {
                unknown.get_or_insert_with(|| name.to_owned());
            }
        },
    });
    match unknown {
        Some(name) => Err(PatternError::UnknownTerm(name)),
        None => Ok(out),
    }
}

enum Piece<'a> {
    Text(&'a str),
    Term(&'a str),
}

/// Splits a pattern into text and `{name}` references. A name starts with a lowercase letter
/// and holds lowercase letters, digits and `_`, so regex repetitions such as `{2}` or `{0,8}`
/// and escaped braces `\{` stay text.
fn for_each_ref<'a>(pattern: &'a str, mut visit: impl FnMut(Piece<'a>)) {
    let bytes = pattern.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'{' => {
                let name_len = bytes[i + 1..]
                    .iter()
                    .take_while(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || **b == b'_')
                    .count();
                let close = i + 1 + name_len;
                let is_ref = name_len > 0
                    && bytes[i + 1].is_ascii_lowercase()
                    && bytes.get(close) == Some(&b'}');
                if is_ref {
                    if start < i {
                        visit(Piece::Text(&pattern[start..i]));
                    }
                    visit(Piece::Term(&pattern[i + 1..close]));
                    i = close + 1;
                    start = i;
                } else {
                    i += 1;
                }
            }
            _ => i += 1,
        }
    }
    if start < pattern.len() {
        visit(Piece::Text(&pattern[start.min(pattern.len())..]));
    }
}

/// Every order of `0..n`.
fn permutations(n: usize) -> Vec<Vec<usize>> {
    if n == 0 {
        return vec![Vec::new()];
    }
    let mut all = Vec::new();
    for rest in permutations(n - 1) {
        for at in 0..=rest.len() {
            let mut order = rest.clone();
            order.insert(at, n - 1);
            all.push(order);
        }
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms() -> BTreeMap<String, Vec<String>> {
        BTreeMap::from([
            (
                "give".to_owned(),
                vec!["告诉".to_owned(), "报给?".to_owned()],
            ),
            ("code".to_owned(), vec!["验证码".to_owned()]),
        ])
    }

    #[test]
    fn terms_expand_to_groups_and_repetitions_stay_regex() {
        assert_eq!(
            expand("{give}.{0,4}{code}", &terms(), Reach::Exact),
            Ok("(?:告诉|报给?).{0,4}(?:验证码)".to_owned())
        );
        assert_eq!(
            expand(r"a\{give}", &terms(), Reach::Exact),
            Ok(r"a\{give}".to_owned())
        );
        assert_eq!(
            expand("x{2}", &terms(), Reach::Exact),
            Ok("x{2}".to_owned())
        );
        assert_eq!(
            expand("{nope}", &terms(), Reach::Exact),
            Err(PatternError::UnknownTerm("nope".to_owned()))
        );
        assert_eq!(term_refs("{give} ~ {code}x{3}"), vec!["give", "code"]);
    }

    #[test]
    fn near_tries_every_order_within_a_clause() {
        let expanded = match expand("{give} ~ {code}", &terms(), Reach::Exact) {
            Ok(e) => e,
            Err(err) => panic!("{err}"),
        };
        let re = match regex::Regex::new(&expanded) {
            Ok(re) => re,
            Err(err) => panic!("{err}"),
        };
        assert!(re.is_match("请把验证码报给我"));
        assert!(re.is_match("告诉我收到的验证码"));
        assert!(
            re.is_match("验证码收到了吗,报给我"),
            "a comma does not end it"
        );
        assert!(
            !re.is_match("验证码是1234。以后再告诉你"),
            "a full stop does"
        );
        assert_eq!(
            re.find("好的。把验证码报给我").map(|m| m.as_str()),
            Some("验证码报给")
        );
        assert_eq!(
            expand("{give} ~ ", &terms(), Reach::Exact),
            Err(PatternError::NearParts)
        );
        assert_eq!(
            expand("a ~ b ~ c ~ d", &terms(), Reach::Exact),
            Err(PatternError::NearParts)
        );
        assert_eq!(permutations(3).len(), 6);
    }
}
