//! Labelled text: the corpus `scamcheck eval` measures recognition on (`tests/corpus/`, one
//! JSON object per line), and realistic mixed text for benchmarks.

use serde::{Deserialize, Serialize};

/// Whether an item is the scam or everyday text on the same topics.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A scam message, caller line or call.
    Scam,
    /// Honest text about parcels, refunds, codes and the like.
    Everyday,
}

/// What shape of text an item is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Form {
    /// A text message.
    Sms,
    /// One or two sentences a caller says.
    Line,
    /// A multi-turn call transcript.
    Call,
}

/// One labelled text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Unique, stable id.
    pub id: String,
    /// Scam or everyday.
    pub kind: Kind,
    /// SMS, line or call.
    pub form: Form,
    /// `zh` or `en`.
    pub lang: String,
    /// Every question id the text should raise.
    pub questions: Vec<String>,
    /// The text.
    pub text: String,
    /// The public report it was written after.
    pub source: String,
}

/// Why a corpus file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    /// The file could not be read.
    #[error("{origin}: cannot read the file: {source}")]
    Read {
        /// The path.
        origin: String,
        /// What the system said.
        source: std::io::Error,
    },
    /// A line is not a valid item.
    #[error("{origin}:{line}:{col}: {message}")]
    Item {
        /// The path.
        origin: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        col: usize,
        /// What is wrong.
        message: String,
    },
}

/// Parses JSON Lines of items; blank lines are skipped. `origin` names the text in messages.
///
/// # Errors
/// The first line that is not a valid item, or an id used twice.
pub fn parse(origin: &str, src: &str) -> Result<Vec<Item>, CorpusError> {
    let mut items: Vec<Item> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (i, line) in src.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let error = |col: usize, message: String| CorpusError::Item {
            origin: origin.to_owned(),
            line: i + 1,
            col,
            message,
        };
        let item: Item =
            serde_json::from_str(line).map_err(|err| error(err.column(), err.to_string()))?;
        if !seen.insert(item.id.clone()) {
            return Err(error(1, format!("id `{}` is used twice", item.id)));
        }
        items.push(item);
    }
    Ok(items)
}

/// Reads and parses a corpus file.
///
/// # Errors
/// As [`parse`], or the file cannot be read.
pub fn load(path: &std::path::Path) -> Result<Vec<Item>, CorpusError> {
    let origin = path.display().to_string();
    let src = std::fs::read_to_string(path).map_err(|source| CorpusError::Read {
        origin: origin.clone(),
        source,
    })?;
    parse(&origin, &src)
}

/// Lines the scam uses (from the seeds) and lines it does not.
pub const LINES: &[&str] = &[
    "您好，我是国际物流客服，您有一个美国来的包裹在分拣中被压坏了，需走核对理赔程序。",
    "妈，我下午去取快递，晚上回家吃饭。",
    "【某快递】您的订单已发货，快递单号 SF1234567890，预计明天送达。",
    "理赔有录音要求，您需要下载一个会议APP，输入会议号进入会议，然后开启屏幕共享。",
    "Your delivery arrives in 45 minutes.",
    "您操作失误取走了别人的理赔款，如果不在5分钟内取消，会严重影响您的个人征信。",
    "The meeting with the landlord is at 3pm tomorrow.",
    "我们操作失误，把您设置成批发商账号，每个月会从您的支付宝里扣500元，需要帮您取消这个业务吗？",
    "【某宝】您的退款申请已通过，款项将在1-3个工作日原路退回，请注意查收。",
    "Please share your screen so we can record the claim.",
    "您先打开蚂蚁借呗，把额度借出来，退款就能到账。",
    "周末一起去公园散步吧，天气预报说是晴天。",
    "Your refund has been approved and returned to your original payment method.",
    "请在这个链接里填写您的银行卡号，然后把验证码报一下。",
];

/// About `bytes` bytes of mixed text, whole lines only, newline-separated.
pub fn mixed_text(bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + 256);
    for line in LINES.iter().cycle() {
        if text.len() + line.len() + 1 > bytes {
            break;
        }
        text.push_str(line);
        text.push('\n');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_parse_and_a_bad_line_is_placed() {
        let good = r#"{"id": "a", "kind": "scam", "form": "sms", "lang": "zh", "questions": ["loan"], "text": "开借呗", "source": "x"}"#;
        let items = parse("c.jsonl", &format!("{good}\n\n")).unwrap_or_default();
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].kind, Kind::Scam);
        let bad = format!("{good}\n{{\"id\": \"b\", \"kind\": \"maybe\"}}");
        let err = parse("c.jsonl", &bad)
            .map(|_| ())
            .map_err(|e| e.to_string());
        assert!(
            matches!(&err, Err(m) if m.starts_with("c.jsonl:2:")),
            "{err:?}"
        );
        let twice = format!("{good}\n{good}");
        let err = parse("c.jsonl", &twice)
            .map(|_| ())
            .map_err(|e| e.to_string());
        assert_eq!(err, Err("c.jsonl:2:1: id `a` is used twice".to_owned()));
    }

    #[test]
    fn mixed_text_stays_within_the_size_and_holds_whole_lines() {
        for size in [1024, 100 * 1024] {
            let text = mixed_text(size);
            assert!(
                text.len() <= size && text.len() > size - 400,
                "{}",
                text.len()
            );
            assert!(text.ends_with('\n'));
        }
    }
}
