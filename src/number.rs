//! Classifies the caller's phone number with the `numbers` rules of `rules.ron`.

use crate::rules::{NumberRule, RuleSet};

/// What a typed phone number is.
#[derive(Clone, Debug)]
pub enum NumberClass<'r> {
    /// Matched a rule.
    Known {
        /// The number as matched: digits and a leading `+` only.
        normalized: String,
        /// The rule it matched.
        rule: &'r NumberRule,
    },
    /// Digits, but no rule knows the form.
    Unknown {
        /// The number as matched.
        normalized: String,
    },
    /// Not a phone number at all.
    NotANumber,
}

/// Digits and a leading `+`, with spaces, dashes, dots and brackets removed and full-width
/// forms made ASCII; `None` if anything else is in it or no digit is.
pub fn normalize(input: &str) -> Option<String> {
    let mut out = String::new();
    for c in input.trim().chars() {
        let c = match c {
            '\u{FF10}'..='\u{FF19}' => char::from_u32(c as u32 - 0xFF10 + u32::from(b'0'))?,
            '\u{FF0B}' => '+',
            other => other,
        };
        match c {
            '0'..='9' => out.push(c),
            '+' if out.is_empty() => out.push(c),
            ' ' | '\u{3000}' | '-' | '.' | '(' | ')' | '\u{FF08}' | '\u{FF09}' | '\u{2010}'
            | '\u{2013}' => {}
            _ => return None,
        }
    }
    out.chars().any(|c| c.is_ascii_digit()).then_some(out)
}

/// Classifies `input`; `None` when it is empty.
pub fn classify<'r>(rules: &'r RuleSet, input: &str) -> Option<NumberClass<'r>> {
    if input.trim().is_empty() {
        return None;
    }
    let Some(normalized) = normalize(input) else {
        return Some(NumberClass::NotANumber);
    };
    Some(
        match rules
            .number_rules()
            .find(|(_, regex)| regex.is_match(&normalized))
        {
            Some((rule, _)) => NumberClass::Known { normalized, rule },
            None => NumberClass::Unknown { normalized },
        },
    )
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

    fn rule_id(rules: &RuleSet, input: &str) -> Option<String> {
        match classify(rules, input) {
            Some(NumberClass::Known { rule, .. }) => Some(rule.id.clone()),
            Some(NumberClass::Unknown { .. }) => Some("unknown".to_owned()),
            Some(NumberClass::NotANumber) => Some("not a number".to_owned()),
            None => None,
        }
    }

    #[test]
    fn numbers_are_classified_by_the_rules() {
        let rules = rules();
        let cases = [
            ("13812345678", "mainland_mobile"),
            ("138 1234 5678", "mainland_mobile"),
            ("138-1234-5678", "mainland_mobile"),
            ("１３８１２３４５６７８", "mainland_mobile"),
            ("+86 138 1234 5678", "mainland_international_form"),
            ("010-12345678", "mainland_landline"),
            ("(0755) 8765 4321", "mainland_landline"),
            ("+852 2345 6789", "hong_kong"),
            ("00852 23456789", "hong_kong"),
            ("＋８５２ ２３４５６７８９", "hong_kong"),
            ("+853 2812 3456", "macau"),
            ("+886 2 2345 6789", "taiwan"),
            ("+1 202 555 0143", "international"),
            ("0044 20 7946 0958", "international"),
            ("96110", "anti_fraud_96110"),
            ("95588", "service_short"),
            ("400 123 4567", "service_short"),
            ("12345", "unknown"),
            ("call me", "not a number"),
            ("138+1234", "not a number"),
            ("+", "not a number"),
        ];
        for (input, expected) in cases {
            assert_eq!(rule_id(&rules, input).as_deref(), Some(expected), "{input}");
        }
        assert_eq!(rule_id(&rules, ""), None);
        assert_eq!(rule_id(&rules, "   "), None);
    }

    #[test]
    fn overseas_forms_indicate_the_overseas_question_and_mainland_ones_do_not() {
        let rules = rules();
        let indicates = |input: &str| match classify(&rules, input) {
            Some(NumberClass::Known { rule, .. }) => rule.indicates.clone(),
            _ => None,
        };
        assert_eq!(
            indicates("+85223456789").as_deref(),
            Some("overseas_number")
        );
        assert_eq!(
            indicates("+12025550143").as_deref(),
            Some("overseas_number")
        );
        assert_eq!(indicates("+8613812345678"), None);
        assert_eq!(indicates("13812345678"), None);
    }

    #[test]
    fn normalize_keeps_only_digits_and_a_leading_plus() {
        assert_eq!(
            normalize(" +852 (2345)-6789 ").as_deref(),
            Some("+85223456789")
        );
        assert_eq!(normalize("1.2.3").as_deref(), Some("123"));
        assert_eq!(normalize("--"), None);
        assert_eq!(normalize("12a"), None);
    }
}
