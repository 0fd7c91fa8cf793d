//! Errors from loading a rule file, written so a volunteer can find and fix the mistake.

use std::fmt;

use crate::text::{Lang, Text};

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
    #[error("{origin}:{line}:{col}: {}{}", message.en, at_path(path, Lang::En))]
    Syntax {
        /// The file name (or `<embedded rules.ron>`).
        origin: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        col: usize,
        /// The item being read, e.g. `questions[3].weight`; empty at the top level.
        path: String,
        /// What was wrong, in both languages.
        message: Text,
    },
    /// The file parsed but breaks one or more rules; every problem is listed.
    #[error("{}", list(problems))]
    Invalid {
        /// Each problem, with its position.
        problems: Vec<Problem>,
    },
}

impl LoadError {
    /// One line per problem in `lang`, each starting with `FILE:LINE:COL:` where known.
    pub fn lines_in(&self, lang: Lang) -> Vec<String> {
        match self {
            LoadError::Read { origin, source } => vec![match lang {
                Lang::En => self.to_string(),
                Lang::Zh => format!("{origin}：{}", read_error_zh(source)),
            }],
            LoadError::Syntax {
                origin,
                line,
                col,
                path,
                message,
            } => vec![format!(
                "{origin}:{line}:{col}: {}{}",
                message.get(lang),
                at_path(path, lang)
            )],
            LoadError::Invalid { problems } => problems.iter().map(|p| p.line_in(lang)).collect(),
        }
    }

    /// One line per problem in English, each starting with `FILE:LINE:COL:` where known.
    pub fn lines(&self) -> Vec<String> {
        self.lines_in(Lang::En)
    }
}

fn read_error_zh(err: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match err.kind() {
        ErrorKind::NotFound => "找不到这个文件".to_owned(),
        ErrorKind::PermissionDenied => "没有权限读取这个文件".to_owned(),
        ErrorKind::IsADirectory => "这是一个文件夹，不是文件".to_owned(),
        ErrorKind::InvalidData => "文件不是 UTF-8 文字".to_owned(),
        _ => format!("无法读取这个文件：{err}"),
    }
}

fn at_path(path: &str, lang: Lang) -> String {
    if path.is_empty() || path == "." {
        String::new()
    } else {
        match lang {
            Lang::En => format!(" (at {path})"),
            Lang::Zh => format!("（位置：{path}）"),
        }
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
    /// What is wrong, in plain words, in both languages.
    pub message: Text,
}

impl Problem {
    /// The problem as one line in `lang`.
    pub fn line_in(&self, lang: Lang) -> String {
        let place = match self.position {
            Some((line, col)) => format!("{}:{line}:{col}: ", self.origin),
            None => format!("{}: ", self.origin),
        };
        format!(
            "{place}{}{}",
            self.message.get(lang),
            at_path(&self.item, lang)
        )
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.line_in(Lang::En))
    }
}

/// A RON error in both languages. The Chinese names what is expected in words a volunteer
/// editing the file knows; rare errors keep RON's own English after a Chinese lead-in.
pub(crate) fn ron_message(code: &ron::Error) -> Text {
    use ron::Error as E;
    let en = code.to_string();
    let zh = match code {
        E::Eof => "文件意外结束：可能少了右括号或引号".to_owned(),
        E::ExpectedArray => "这里应该是列表 `[...]`".to_owned(),
        E::ExpectedArrayEnd => "列表没有结束：少了 `]` 或逗号".to_owned(),
        E::ExpectedBoolean => "这里应该是 true 或 false".to_owned(),
        E::ExpectedComma => "少了逗号".to_owned(),
        E::ExpectedInteger => "这里应该是整数".to_owned(),
        E::ExpectedFloat => "这里应该是数字".to_owned(),
        E::ExpectedOption => "这里应该是 Some(...) 或 None".to_owned(),
        E::ExpectedOptionEnd => "Some(...) 没有结束：少了 `)`".to_owned(),
        E::ExpectedMap => "这里应该是映射 `{...}`".to_owned(),
        E::ExpectedMapColon => "映射里少了冒号 `:`".to_owned(),
        E::ExpectedMapEnd => "映射没有结束：少了 `}` 或逗号".to_owned(),
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => {
            "这里应该是带括号的条目 `(...)`".to_owned()
        }
        E::ExpectedStructLikeEnd => "条目没有结束：少了 `)` 或逗号".to_owned(),
        E::ExpectedString => "这里应该是带引号的文字 \"...\"".to_owned(),
        E::ExpectedStringEnd => "文字没有结束：少了右引号".to_owned(),
        E::ExpectedIdentifier => "这里应该是字段名".to_owned(),
        E::InvalidEscape(what) => format!("无效的转义：{what}"),
        E::IntegerOutOfBounds => "数字超出范围".to_owned(),
        E::UnclosedBlockComment => "注释 /* 没有用 */ 结束".to_owned(),
        E::UnexpectedChar(c) => format!("这里不应该出现字符 `{c}`"),
        E::TrailingCharacters => "文件结尾后还有多余的内容".to_owned(),
        E::NoSuchEnumVariant {
            found, expected, ..
        } => format!("没有 `{found}` 这个选项；可以用：{}", expected.join("、")),
        E::NoSuchStructField {
            found, expected, ..
        } => format!("没有 `{found}` 这个字段；可以用：{}", expected.join("、")),
        E::MissingStructField { field, .. } => format!("缺少字段 `{field}`"),
        E::DuplicateStructField { field, .. } => format!("字段 `{field}` 重复了"),
        E::InvalidValueForType { expected, found } => {
            format!("这里应该是 {expected}，却是 {found}")
        }
        other => format!("RON 格式错误：{other}"),
    };
    Text::new(zh, en)
}
