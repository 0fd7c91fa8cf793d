//! Semantic checks that run on every load. All problems are collected and reported together,
//! each naming the item it concerns.

use std::collections::{HashMap, HashSet};

use regex::{Regex, RegexBuilder};

use super::catalogue::CATALOGUE;
use super::error::Problem;
use super::pattern::{self, PatternError, Reach};
use super::schema::{Condition, RuleFile, Severity};
use super::score::score;
use super::{ExpandedPattern, REGEX_DFA_LIMIT, REGEX_SIZE_LIMIT};
use crate::answers::{Answer, Answers};
use crate::level::Level;
use crate::says;
use crate::text::Text;

/// The largest weight or bonus a rule may carry; larger numbers are almost surely typos.
pub const MAX_WEIGHT: u32 = 100;

/// A problem before its position in the text is known.
#[derive(Debug)]
pub(crate) struct Issue {
    item: String,
    /// Strings searched for one after another to find the item in the source text.
    anchor: Vec<String>,
    message: Text,
}

impl Issue {
    pub(crate) fn new(item: impl Into<String>, anchor: Vec<String>, message: Text) -> Issue {
        Issue {
            item: item.into(),
            anchor,
            message,
        }
    }

    /// Resolves the anchor into a line and column of `src`.
    pub(crate) fn locate(self, origin: &str, src: &str) -> Problem {
        let mut from = 0;
        let mut found = None;
        for needle in &self.anchor {
            match src[from..].find(needle.as_str()) {
                Some(at) => {
                    found = Some(from + at);
                    from += at + needle.len();
                }
                None => break,
            }
        }
        Problem {
            origin: origin.to_owned(),
            position: found.map(|at| line_col(src, at)),
            item: self.item,
            message: self.message,
        }
    }
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(src: &str, at: usize) -> (usize, usize) {
    let before = &src[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

pub(crate) fn quoted(id: &str) -> String {
    format!("\"{id}\"")
}

/// Compiles one rule regex (already through [`ascii_word_boundaries`]) with the size limits
/// every rule regex gets.
pub(crate) fn compile(pattern: &str) -> Result<Regex, regex::Error> {
    RegexBuilder::new(pattern)
        .size_limit(REGEX_SIZE_LIMIT)
        .dfa_size_limit(REGEX_DFA_LIMIT)
        .build()
}

/// Rewrites `\b` as the ASCII word boundary `(?-u:\b)`. A Unicode `\b` makes the regex
/// engine's fast DFAs give up on any non-ASCII text (all Chinese text), falling back to an
/// engine hundreds of times slower; an ASCII boundary is what English patterns mean anyway,
/// and it also holds between an English word and a Chinese character.
pub(crate) fn ascii_word_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('b') if chars.peek() != Some(&'{') => out.push_str("(?-u:\\b)"),
            Some(next) => {
                out.push(c);
                out.push(next);
            }
            None => out.push(c),
        }
    }
    out
}

/// Compiles the phone-number patterns, or lists those that do not compile.
pub(crate) fn compile_numbers(file: &RuleFile) -> Result<Vec<Regex>, Vec<Issue>> {
    let mut compiled = Vec::new();
    let mut issues = Vec::new();
    for (i, rule) in file.numbers.iter().enumerate() {
        match compile(&ascii_word_boundaries(&rule.pattern)) {
            Ok(re) => compiled.push(re),
            Err(err) => issues.push(Issue::new(
                format!("numbers[{i}] ({})", rule.id),
                vec![quoted(&rule.id), rule.pattern.clone()],
                says!(
                    "号码规则 `{}`：模式 `{}` 无法编译：{}",
                    "number rule `{}`: pattern `{}` does not compile: {}",
                    rule.id,
                    rule.pattern,
                    one_line(&err.to_string())
                ),
            )),
        }
    }
    if issues.is_empty() {
        Ok(compiled)
    } else {
        Err(issues)
    }
}

/// The regex crate's messages span several lines (pattern, caret, error); a problem list wants
/// one line each, so keep the `error:` line when there is one.
pub(crate) fn one_line(message: &str) -> String {
    if let Some(error) = message
        .lines()
        .find_map(|l| l.trim().strip_prefix("error: "))
    {
        return error.to_owned();
    }
    message
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every semantic check except the patterns (see [`expand_patterns`]).
pub(crate) fn check(file: &RuleFile) -> Vec<Issue> {
    let mut issues = Vec::new();
    check_terms(file, &mut issues);
    check_questions(file, &mut issues);
    check_combinations(file, &mut issues);
    let levels_ok = check_levels(file, &mut issues);
    check_texts(file, &mut issues);
    check_numbers(file, &mut issues);
    // The severity bounds need a working scorer: only when the structure is sound.
    if levels_ok && issues.is_empty() {
        check_severity_bounds(file, &mut issues);
    }
    issues
}

/// Term names are lowercase identifiers; each list has entries, none empty, none referring to
/// another list, each a valid regular expression.
fn check_terms(file: &RuleFile, issues: &mut Vec<Issue>) {
    for (name, entries) in &file.terms {
        let item = format!("terms.{name}");
        let anchor = vec!["terms".to_owned(), quoted(name)];
        let is_ident = name.starts_with(|c: char| c.is_ascii_lowercase())
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !is_ident {
            issues.push(Issue::new(
                &item,
                anchor.clone(),
                says!(
"词表名 `{name}` 只能用小写字母、数字和 `_`，并以字母开头",
"term name `{name}` must be lowercase letters, digits and `_`, starting with a letter"),
            ));
        }
        if entries.is_empty() {
            issues.push(Issue::new(
                &item,
                anchor.clone(),
                says!("词表 `{name}` 是空的", "term list `{name}` is empty"),
            ));
        }
        for entry in entries {
            let entry_anchor = vec!["terms".to_owned(), quoted(name), entry.clone()];
            let problem = if entry.trim().is_empty() {
                Some(says!(
                    "有一个条目是空的（它会匹配任何文字）",
                    "an entry is empty (it would match everywhere)"
                ))
            } else if let Some(upper) = uppercase_letter(entry) {
                Some(says!(
                    "条目 `{entry}` 含大写字母 `{upper}`：英文请写小写（文字会先转成小写再匹配）",
                    "entry `{entry}` has the capital `{upper}`: write English in lowercase (text is matched in lowercase)"
                ))
            } else if !pattern::term_refs(entry).is_empty() {
                Some(says!(
                    "条目 `{entry}` 引用了另一个词表；请把词直接写出来",
                    "entry `{entry}` refers to another term list; write the words out"
                ))
            } else {
                syntax_error(entry).map(|err| {
                    says!(
                        "条目 `{entry}` 不是有效的正则表达式：{err}",
                        "entry `{entry}` is not a valid regular expression: {err}"
                    )
                })
            };
            if let Some(message) = problem {
                issues.push(Issue::new(
                    &item,
                    entry_anchor,
                    Text::new(
                        format!("词表 `{name}`：{}", message.zh),
                        format!("term list `{name}`: {}", message.en),
                    ),
                ));
            }
        }
    }
}

/// Expands every question's patterns and the warnings into plain regular expressions,
/// reporting unknown terms and syntax errors with the pattern's position.
pub(crate) fn expand_patterns(file: &RuleFile, issues: &mut Vec<Issue>) -> Expanded {
    let mut expand = |question: &str, item: String, anchor: Vec<String>, written: &str| {
        // The term lists' entries are checked on their own (`check_terms`): the pattern's own
        // syntax is checked with a stand-in for each list, so a long list is parsed once, not
        // once per pattern and order.
        let skeleton = match pattern::skeleton(written, &file.terms) {
            Ok(skeleton) => ascii_word_boundaries(&skeleton),
            Err(err) => {
                let message = match err {
                    PatternError::UnknownTerm(name) => says!(
                        "模式 `{written}` 用了不存在的词表 `{{{name}}}`；已有的词表：{}",
                        "pattern `{written}` uses unknown term `{{{name}}}`; known terms: {}",
                        file.terms
                            .keys()
                            .map(String::as_str)
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                    PatternError::NearParts => {
                        says!("模式 `{written}`：{err}", "pattern `{written}`: {err}")
                    }
                };
                issues.push(Issue::new(item, anchor, message));
                return None;
            }
        };
        if let Some(upper) = uppercase_letter(written) {
            issues.push(Issue::new(
                item,
                anchor,
                says!(
"模式 `{written}` 含大写字母 `{upper}`：英文请写小写（文字会先转成小写再匹配）",
"pattern `{written}` has the capital `{upper}`: write English in lowercase (text is matched in lowercase)"
                ),
            ));
            return None;
        }
        if let Some(err) = syntax_error(&skeleton) {
            issues.push(Issue::new(
                item,
                anchor,
                says!(
                    "模式 `{written}` 不是有效的正则表达式：{err}",
                    "pattern `{written}` is not a valid regular expression: {err}"
                ),
            ));
            return None;
        }
        let expanded = |reach| {
            pattern::expand(written, &file.terms, reach)
                .map(|regex| ascii_word_boundaries(&regex))
                .unwrap_or_default()
        };
        Some(ExpandedPattern {
            question: question.to_owned(),
            written: written.to_owned(),
            regex: expanded(Reach::Exact),
            detect: expanded(Reach::Line),
            item,
        })
    };
    let mut out = Expanded::default();
    for (i, q) in file.questions.iter().enumerate() {
        let item = format!("questions[{i}] ({})", q.id);
        for written in &q.patterns {
            let anchor = vec![quoted(&q.id), written.clone()];
            out.patterns
                .extend(expand(&q.id, item.clone(), anchor, written));
        }
        for written in &q.unless {
            let anchor = vec![quoted(&q.id), "unless".to_owned(), written.clone()];
            out.unless
                .extend(expand(&q.id, item.clone(), anchor, written));
        }
    }
    // The top-level lists: each pattern is placed as `name[i]`.
    let mut list = |name: &str, written: &[String]| -> Vec<ExpandedPattern> {
        written
            .iter()
            .enumerate()
            .filter_map(|(i, written)| {
                let anchor = vec![name.to_owned(), written.clone()];
                expand("", format!("{name}[{i}]"), anchor, written)
            })
            .collect()
    };
    out.warnings = list("warnings", &file.warnings);
    out.secrecy = list("secrecy", &file.secrecy);
    out.reported = list("reported", &file.reported);
    out.about_the_scam = list("about_the_scam", &file.about_the_scam);
    out.refused = list("refused", &file.refused);
    out
}

/// A rule file's patterns as plain regular expressions.
#[derive(Default)]
pub(crate) struct Expanded {
    pub(crate) patterns: Vec<ExpandedPattern>,
    pub(crate) unless: Vec<ExpandedPattern>,
    pub(crate) warnings: Vec<ExpandedPattern>,
    pub(crate) secrecy: Vec<ExpandedPattern>,
    pub(crate) reported: Vec<ExpandedPattern>,
    pub(crate) about_the_scam: Vec<ExpandedPattern>,
    pub(crate) refused: Vec<ExpandedPattern>,
}

/// The first capital ASCII letter of a pattern that is a letter to match, not part of an escape
/// (`\S`, `\D`, `\p{Han}`). Text is lowercased before matching, so such a letter could never
/// match.
fn uppercase_letter(pattern: &str) -> Option<char> {
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some('p' | 'P') = chars.next() {
                // `\p{Name}` or `\pL`: skip the class name.
                if chars.next_if_eq(&'{').is_some() {
                    chars.by_ref().take_while(|n| *n != '}').for_each(drop);
                } else {
                    chars.next();
                }
            }
        } else if c.is_ascii_uppercase() {
            return Some(c);
        }
    }
    None
}

/// The syntax error of a pattern, in one line, if it has one. Only the syntax is checked here
/// (parsing, not translating, which took over a third of the time of loading the rules); what
/// only translating finds, such as an unknown Unicode class, is reported with its position when
/// the patterns compile ([`crate::Analyzer::load`]).
fn syntax_error(regex: &str) -> Option<String> {
    regex_syntax::ast::parse::Parser::new()
        .parse(regex)
        .err()
        .map(|err| one_line(&err.to_string()))
}

fn check_questions(file: &RuleFile, issues: &mut Vec<Issue>) {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, q) in file.questions.iter().enumerate() {
        let item = format!("questions[{i}] ({})", q.id);
        let anchor = || vec![quoted(&q.id)];
        if q.id.is_empty()
            || !q
                .id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        {
            issues.push(Issue::new(
                &item,
                anchor(),
                says!(
                    "问题编号 `{}` 只能用小写字母、数字和 `_`",
                    "question id `{}` must be lowercase letters, digits and `_`",
                    q.id
                ),
            ));
        }
        let count = seen.entry(&q.id).or_insert(0);
        *count += 1;
        if *count > 1 {
            issues.push(Issue::new(
                &item,
                vec![quoted(&q.id); *count],
                says!("问题编号 `{}` 重复了", "duplicate question id `{}`", q.id),
            ));
        }
        if q.weight > MAX_WEIGHT {
            issues.push(Issue::new(
                &item,
                vec![quoted(&q.id), "weight".to_owned()],
                says!(
                    "问题 `{}`：权重 {} 超出范围 0..={MAX_WEIGHT}",
                    "question `{}`: weight {} is out of range 0..={MAX_WEIGHT}",
                    q.id,
                    q.weight
                ),
            ));
        }
        if q.source.trim().is_empty() {
            issues.push(Issue::new(
                &item,
                vec![quoted(&q.id), "source".to_owned()],
                says!(
                    "问题 `{}`：`source` 是空的；请写明出自哪篇文章、哪一段",
                    "question `{}`: `source` is empty; name the seed file and passage",
                    q.id
                ),
            ));
        }
        if q.severity >= Severity::Critical && q.hang_up_reason.is_none() {
            issues.push(Issue::new(
                &item,
                anchor(),
                says!(
                    "问题 `{}` 的严重程度是 {:?}，但没有给挂断界面用的 `hang_up_reason`",
                    "question `{}` is {:?} but has no `hang_up_reason` for the hang-up screen",
                    q.id,
                    q.severity
                ),
            ));
        }
    }
    for (id, floor) in CATALOGUE {
        match file.questions.iter().enumerate().find(|(_, q)| q.id == *id) {
            None => issues.push(Issue::new(
                "questions",
                vec!["questions".to_owned()],
                says!(
                    "缺少问题 `{id}`；它属于固定的问题目录",
                    "question `{id}` is missing; it is part of the stable catalogue"
                ),
            )),
            Some((i, q)) if q.severity < *floor => issues.push(Issue::new(
                format!("questions[{i}] ({id})"),
                vec![quoted(id), "severity".to_owned()],
                says!(
                    "问题 `{id}` 的严重程度是 {:?}，低于问题目录要求的 {floor:?}",
                    "question `{id}` has severity {:?}, below the catalogue's {floor:?}",
                    q.severity
                ),
            )),
            Some(_) => {}
        }
    }
}

fn check_combinations(file: &RuleFile, issues: &mut Vec<Issue>) {
    let known: HashSet<&str> = file.questions.iter().map(|q| q.id.as_str()).collect();
    let mut seen = HashSet::new();
    for (i, c) in file.combinations.iter().enumerate() {
        let item = format!("combinations[{i}] ({})", c.id);
        let anchor = || vec![quoted(&c.id)];
        if !seen.insert(c.id.as_str()) {
            issues.push(Issue::new(
                &item,
                vec![quoted(&c.id); 2],
                says!(
                    "组合编号 `{}` 重复了",
                    "duplicate combination id `{}`",
                    c.id
                ),
            ));
        }
        for id in c.when.question_ids() {
            if !known.contains(id) {
                issues.push(Issue::new(
                    &item,
                    vec![quoted(&c.id), quoted(id)],
                    says!(
                        "组合 `{}` 用了不存在的问题 `{id}`",
                        "combination `{}` names unknown question `{id}`",
                        c.id
                    ),
                ));
            }
        }
        check_condition_shape(&c.when, &c.id, &item, issues);
        if !c.is_note() && !c.when.is_monotone() {
            issues.push(Issue::new(
                &item,
                vec![quoted(&c.id), "Not".to_owned()],
                says!(
"组合 `{}` 会提高风险，却用了 `Not`：多答一个“是”反而可能降低判断；`Not` 只能用在提示里（没有 `add`、没有 `raise_to`）",
"combination `{}` raises the risk but uses `Not`: one more \"yes\" could then lower \
                     the verdict; use `Not` only in notes (no `add`, no `raise_to`)",
                    c.id
                ),
            ));
        }
        if c.add > MAX_WEIGHT {
            issues.push(Issue::new(
                &item,
                anchor(),
                says!(
                    "组合 `{}`：add {} 超出范围 0..={MAX_WEIGHT}",
                    "combination `{}`: add {} is out of range 0..={MAX_WEIGHT}",
                    c.id,
                    c.add
                ),
            ));
        }
        if c.source.trim().is_empty() {
            issues.push(Issue::new(
                &item,
                anchor(),
                says!(
                    "组合 `{}`：`source` 是空的",
                    "combination `{}`: `source` is empty",
                    c.id
                ),
            ));
        }
    }
}

fn check_condition_shape(cond: &Condition, id: &str, item: &str, issues: &mut Vec<Issue>) {
    let mut problem = |message: Text| {
        issues.push(Issue::new(item, vec![quoted(id)], message));
    };
    match cond {
        Condition::Yes(_) => {}
        Condition::All(parts) | Condition::Any(parts) if parts.is_empty() => {
            problem(says!(
                "组合 `{id}`：`All`/`Any` 里没有任何条件",
                "combination `{id}`: `All`/`Any` with no parts"
            ));
        }
        Condition::AtLeast(n, parts) if *n == 0 || *n > parts.len() => {
            problem(says!(
                "组合 `{id}`：`AtLeast({n}, …)` 需要 1 到 {} 个条件成立",
                "combination `{id}`: `AtLeast({n}, …)` needs between 1 and {} parts to hold",
                parts.len()
            ));
        }
        Condition::All(parts) | Condition::Any(parts) | Condition::AtLeast(_, parts) => {
            for part in parts {
                check_condition_shape(part, id, item, issues);
            }
        }
        Condition::Not(inner) => check_condition_shape(inner, id, item, issues),
    }
}

/// Levels must be exactly 0, 1, 2, 3 with strictly ascending thresholds starting at 0.
fn check_levels(file: &RuleFile, issues: &mut Vec<Issue>) -> bool {
    let before = issues.len();
    let numbers: Vec<u8> = file.levels.iter().map(|l| l.level.number()).collect();
    if numbers != [0, 1, 2, 3] {
        issues.push(Issue::new(
            "levels",
            vec!["levels".to_owned()],
            says!(
                "级别必须依次是 0、1、2、3；现在是 {numbers:?}",
                "levels must be 0, 1, 2, 3 in that order; found {numbers:?}"
            ),
        ));
    }
    if let Some(first) = file.levels.first().filter(|l| l.min_score != 0) {
        issues.push(Issue::new(
            "levels[0]",
            vec!["levels".to_owned(), "min_score".to_owned()],
            says!(
                "级别 {} 的 min_score 必须从 0 开始，而不是 {}",
                "level {} must start at min_score 0, not {}",
                first.level,
                first.min_score
            ),
        ));
    }
    for (i, pair) in file.levels.windows(2).enumerate() {
        if pair[1].min_score <= pair[0].min_score {
            issues.push(Issue::new(
                format!("levels[{}]", i + 1),
                vec![format!("level: {}", pair[1].level)],
                says!(
"分数线必须严格递增：级别 {} 的 min_score 是 {}，没有高于级别 {} 的 {}",
"thresholds must be strictly ascending: level {} has min_score {}, not above level {}'s {}",
                    pair[1].level, pair[1].min_score, pair[0].level, pair[0].min_score
                ),
            ));
        }
    }
    issues.len() == before
}

/// Every text has both languages, non-empty.
fn check_texts(file: &RuleFile, issues: &mut Vec<Issue>) {
    let mut check = |item: String, anchor: Vec<String>, text: &Text| {
        check_text(issues, &item, &anchor, text);
    };
    for (i, q) in file.questions.iter().enumerate() {
        let anchor = |field: &str| vec![quoted(&q.id), format!("{field}:")];
        check(format!("questions[{i}].text"), anchor("text"), &q.text);
        check(format!("questions[{i}].short"), anchor("short"), &q.short);
        check(format!("questions[{i}].why"), anchor("why"), &q.why);
        if let Some(reason) = &q.hang_up_reason {
            check(
                format!("questions[{i}].hang_up_reason"),
                anchor("hang_up_reason"),
                reason,
            );
        }
    }
    for (i, c) in file.combinations.iter().enumerate() {
        check(
            format!("combinations[{i}].explain"),
            vec![quoted(&c.id)],
            &c.explain,
        );
    }
    for (i, l) in file.levels.iter().enumerate() {
        let anchor = vec![format!("level: {}", l.level)];
        check(format!("levels[{i}].name"), anchor.clone(), &l.name);
        check(format!("levels[{i}].summary"), anchor.clone(), &l.summary);
        for (j, a) in l.advice.iter().enumerate() {
            check(format!("levels[{i}].advice[{j}]"), anchor.clone(), a);
        }
    }
    check(
        "hang_up_script".to_owned(),
        vec!["hang_up_script".to_owned()],
        &file.hang_up_script,
    );
    for (i, h) in file.hotlines.iter().enumerate() {
        check(
            format!("hotlines[{i}].number"),
            vec!["hotlines".to_owned()],
            &h.number,
        );
        check(
            format!("hotlines[{i}].label"),
            vec!["hotlines".to_owned()],
            &h.label,
        );
    }
    let anchor = vec!["emergency".to_owned()];
    check(
        "emergency.title".to_owned(),
        anchor.clone(),
        &file.emergency.title,
    );
    for (i, step) in file.emergency.steps.iter().enumerate() {
        check(format!("emergency.steps[{i}]"), anchor.clone(), &step.text);
    }
    for (i, n) in file.numbers.iter().enumerate() {
        let anchor = vec![quoted(&n.id)];
        check(format!("numbers[{i}].name"), anchor.clone(), &n.name);
        check(format!("numbers[{i}].meaning"), anchor.clone(), &n.meaning);
        check(format!("numbers[{i}].not_meaning"), anchor, &n.not_meaning);
    }
    for (i, step) in file.emergency.steps.iter().enumerate() {
        if step.source.trim().is_empty() {
            issues.push(Issue::new(
                format!("emergency.steps[{i}]"),
                vec!["emergency".to_owned(), "source".to_owned()],
                says!(
                    "有一条紧急步骤的 `source` 是空的；请写明建议的出处",
                    "an emergency step has an empty `source`; name where the advice comes from"
                ),
            ));
        }
    }
    if file.emergency.steps.is_empty() {
        issues.push(Issue::new(
            "emergency.steps",
            vec!["emergency".to_owned()],
            says!(
                "emergency.steps 是空的：已经付款的人需要这些步骤",
                "emergency.steps is empty: people who already paid need the steps"
            ),
        ));
    }
    for (i, l) in file.levels.iter().enumerate() {
        if l.advice.is_empty() {
            issues.push(Issue::new(
                format!("levels[{i}].advice"),
                vec![format!("level: {}", l.level)],
                says!("级别 {} 没有建议", "level {} has no advice", l.level),
            ));
        }
    }
}

/// Reports each language of `text` that is empty.
pub(crate) fn check_text(issues: &mut Vec<Issue>, item: &str, anchor: &[String], text: &Text) {
    for (lang, value) in [("zh", &text.zh), ("en", &text.en)] {
        if value.trim().is_empty() {
            issues.push(Issue::new(
                item,
                anchor.to_vec(),
                says!("`{lang}` 文字是空的", "the `{lang}` text is empty"),
            ));
        }
    }
}

fn check_numbers(file: &RuleFile, issues: &mut Vec<Issue>) {
    let known: HashSet<&str> = file.questions.iter().map(|q| q.id.as_str()).collect();
    let mut seen = HashSet::new();
    for (i, n) in file.numbers.iter().enumerate() {
        let item = format!("numbers[{i}] ({})", n.id);
        if !seen.insert(n.id.as_str()) {
            issues.push(Issue::new(
                &item,
                vec![quoted(&n.id); 2],
                says!(
                    "号码规则编号 `{}` 重复了",
                    "duplicate number rule id `{}`",
                    n.id
                ),
            ));
        }
        if let Some(id) = n.indicates.as_deref().filter(|id| !known.contains(id)) {
            issues.push(Issue::new(
                &item,
                vec![quoted(&n.id), quoted(id)],
                says!(
                    "号码规则 `{}` 指向不存在的问题 `{id}`",
                    "number rule `{}` indicates unknown question `{id}`",
                    n.id
                ),
            ));
        }
    }
}

/// A medium "yes" on its own gives at most level 1, a low one level 0 (PRODUCT: severity
/// meaning). Checked by scoring each such answer alone, so combinations are included.
fn check_severity_bounds(file: &RuleFile, issues: &mut Vec<Issue>) {
    for (i, q) in file.questions.iter().enumerate() {
        let most = match q.severity {
            Severity::Low => Level::NoFlags,
            Severity::Medium => Level::Careful,
            _ => continue,
        };
        let answers = Answers::from_iter([(q.id.clone(), Answer::Yes)]);
        let level = score(file, &answers).level;
        if level > most {
            issues.push(Issue::new(
                format!("questions[{i}] ({})", q.id),
                vec![quoted(&q.id), "weight".to_owned()],
                says!(
"问题 `{}` 的严重程度是 {:?}，但只答它一个“是”就到了级别 {level}；{:?} 最多只允许级别 {most}（请降低权重或提高分数线）",
"question `{}` is {:?} but a \"yes\" to it alone gives level {level}; \
                     {:?} allows at most level {most} (lower its weight or raise the thresholds)",
                    q.id, q.severity, q.severity
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let src = "a\n中文x";
        assert_eq!(line_col(src, 0), (1, 1));
        assert_eq!(line_col(src, src.find('x').unwrap_or(0)), (2, 3));
    }

    #[test]
    fn capitals_are_found_outside_escapes_only() {
        assert_eq!(uppercase_letter(r"\bzoom\S+\p{Han}\pL"), None);
        assert_eq!(uppercase_letter(r"\bZoom"), Some('Z'));
        assert_eq!(uppercase_letter(r"\p{Han}QQ"), Some('Q'));
    }

    #[test]
    fn word_boundaries_become_ascii_and_escapes_are_kept() {
        assert_eq!(ascii_word_boundaries(r"\bcode\b"), r"(?-u:\b)code(?-u:\b)");
        assert_eq!(ascii_word_boundaries(r"a\\b"), r"a\\b");
        assert_eq!(ascii_word_boundaries(r"\b{start}x\d"), r"\b{start}x\d");
        assert_eq!(ascii_word_boundaries("trailing\\"), "trailing\\");
    }

    #[test]
    fn anchors_are_searched_in_sequence() {
        let src = "id: \"a\"\nweight: 1\nid: \"b\"\nweight: 200\n";
        let issue = Issue::new("q", vec![quoted("b"), "weight".to_owned()], says!("m", "m"));
        assert_eq!(issue.locate("f", src).position, Some((4, 1)));
    }
}
