//! The incident report a person can give to the police, the bank or the 96110 line: what
//! happened in the check, in order, and what to do next — as a self-contained HTML page that
//! prints well and as plain text to copy. Built only from the check, the rules and what the
//! person typed in; nothing is invented, and nothing is written to disk except by [`save`].

use std::path::{Path, PathBuf};

use crate::answers::Answers;
use crate::engine::Verdict;
use crate::handout::escape;
use crate::number::{NumberClass, classify};
use crate::rules::RuleSet;
use crate::strings::{Strings, fill, strings};
use crate::summary::{SaveError, save_unique};
use crate::text::Lang;

/// What the person may add on the emergency path. Every field is optional; an empty one is
/// left out of the report.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PaymentDetails {
    /// When the money went or the code was given, as typed.
    pub paid_at: String,
    /// How much, as typed.
    pub amount: String,
    /// The receiving account, card or app, as typed.
    pub account: String,
    /// What was shared: a code, the screen, an app installed…, as typed.
    pub shared: String,
}

impl PaymentDetails {
    /// Whether nothing was filled in.
    pub fn is_empty(&self) -> bool {
        [&self.paid_at, &self.amount, &self.account, &self.shared]
            .iter()
            .all(|f| f.trim().is_empty())
    }
}

/// What goes into a report.
pub struct ReportInput<'a> {
    /// The rules the check was scored with.
    pub rules: &'a RuleSet,
    /// The answers given.
    pub answers: &'a Answers,
    /// The verdict for them.
    pub verdict: &'a Verdict,
    /// The caller's number as typed (may be empty).
    pub number: &'a str,
    /// When the report is made, already formatted (e.g. `2026-11-23 10:42`).
    pub when: &'a str,
    /// What the caller said, as pasted — only when the person asked for it to be included.
    pub said: Option<&'a str>,
    /// What the person filled in on the emergency path; used only on that path.
    pub payment: Option<&'a PaymentDetails>,
    /// The trusted person: name (may be empty) and phone.
    pub trusted: Option<(&'a str, &'a str)>,
}

/// One piece of the report, drawn as HTML or as plain text.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Block {
    /// A section heading.
    Heading(String),
    /// A sentence on its own.
    Para(String),
    /// "label: value".
    Fact(String, String),
    /// A bullet, with an optional explanation under it.
    Item(String, Option<String>),
    /// A numbered step; numbering restarts after each heading.
    Step(String),
    /// Text quoted as it was pasted, line breaks kept.
    Quote(String),
    /// The closing note, set apart.
    Footer(String),
}

/// A report, built once and drawn in either form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    lang: Lang,
    title: String,
    blocks: Vec<Block>,
}

/// Builds the report for `input` in `lang`.
pub fn build(input: &ReportInput<'_>, lang: Lang) -> Report {
    let s = strings(lang);
    let rules = input.rules;
    let verdict = input.verdict;
    let fact = |label: &str, value: &str| Block::Fact(label.to_owned(), value.to_owned());
    let mut blocks = vec![Block::Para(s.report_doc_intro.to_owned())];

    // What happened, in order.
    blocks.push(Block::Heading(s.report_what_happened.to_owned()));
    blocks.push(fact(s.report_time, input.when));
    blocks.push(fact(
        s.report_number,
        &number_line(s, rules, input.number, lang),
    ));
    blocks.push(fact(
        s.report_result,
        &fill(
            s.report_level,
            &[
                ("n", &verdict.level),
                ("name", &verdict.level_name.get(lang)),
            ],
        ),
    ));
    let summary = verdict.summary.get(lang).trim();
    if !summary.is_empty() {
        blocks.push(Block::Para(summary.to_owned()));
    }

    if input.answers.is_empty() {
        blocks.push(Block::Para(s.report_no_answers.to_owned()));
    }

    if verdict.emergency {
        blocks.push(Block::Heading(s.report_payment.to_owned()));
        match input.payment.filter(|p| !p.is_empty()) {
            None => blocks.push(Block::Para(s.report_payment_none.to_owned())),
            Some(p) => {
                for (label, value) in [
                    (s.report_paid_at, &p.paid_at),
                    (s.report_amount, &p.amount),
                    (s.report_account, &p.account),
                    (s.report_shared, &p.shared),
                ] {
                    if !value.trim().is_empty() {
                        blocks.push(fact(trim_label(label), value.trim()));
                    }
                }
            }
        }
    }

    if !verdict.flags.is_empty() {
        blocks.push(Block::Heading(s.report_flags.to_owned()));
    }
    for flag in &verdict.flags {
        blocks.push(Block::Item(
            format!(
                "[{}] {} — {}",
                s.severity(flag.severity),
                flag.question.get(lang),
                s.answer(flag.answer)
            ),
            Some(flag.why.get(lang).to_owned()).filter(|w| !w.trim().is_empty()),
        ));
    }
    let others: Vec<Block> = rules
        .questions()
        .iter()
        .filter(|q| !verdict.flags.iter().any(|f| f.id == q.id))
        .filter_map(|q| {
            let answer = input.answers.get(&q.id)?;
            Some(Block::Item(
                format!("{} — {}", q.text.get(lang), s.answer(answer)),
                None,
            ))
        })
        .collect();
    if !others.is_empty() {
        blocks.push(Block::Heading(s.report_answers.to_owned()));
        blocks.extend(others);
    }

    let fired: Vec<&str> = verdict
        .rules
        .iter()
        .map(|r| r.explain.get(lang).trim())
        .filter(|t| !t.is_empty())
        .collect();
    if !fired.is_empty() {
        blocks.push(Block::Heading(s.report_rules.to_owned()));
        blocks.extend(fired.into_iter().map(|t| Block::Item(t.to_owned(), None)));
    }

    if let Some(said) = input.said.map(str::trim).filter(|t| !t.is_empty()) {
        blocks.push(Block::Heading(s.report_said.to_owned()));
        blocks.push(Block::Quote(said.to_owned()));
    }

    blocks.push(Block::Heading(s.report_steps.to_owned()));
    for (i, step) in next_steps(rules, verdict, lang).into_iter().enumerate() {
        // On the emergency path the rules' headline leads the steps; it is not a step.
        if i == 0 && verdict.emergency {
            blocks.push(Block::Para(step));
        } else {
            blocks.push(Block::Step(step));
        }
    }

    if let Some((name, phone)) = input.trusted {
        let (name, phone) = (name.trim(), phone.trim());
        if !phone.is_empty() {
            let who = match (name.is_empty(), lang) {
                (true, _) => phone.to_owned(),
                (false, Lang::Zh) => format!("{name}，{phone}"),
                (false, Lang::En) => format!("{name}, {phone}"),
            };
            blocks.push(Block::Heading(s.report_trusted.to_owned()));
            blocks.push(Block::Para(who));
        }
    }

    blocks.push(Block::Footer(s.report_footer.to_owned()));
    Report {
        lang,
        title: s.report_doc_title.to_owned(),
        blocks,
    }
}

/// The next steps, each once, in order. On the emergency path: the rules' emergency headline
/// first, then its steps. Otherwise the advice of the verdict's level. Empty texts and repeats
/// are left out.
fn next_steps(rules: &RuleSet, verdict: &Verdict, lang: Lang) -> Vec<String> {
    let texts: Vec<&str> = if verdict.emergency {
        let emergency = rules.emergency();
        std::iter::once(emergency.title.get(lang))
            .chain(emergency.steps.iter().map(|step| step.text.get(lang)))
            .collect()
    } else {
        rules
            .level(verdict.level)
            .map(|l| l.advice.iter().map(|a| a.get(lang)).collect())
            .unwrap_or_default()
    };
    let mut out: Vec<String> = Vec::new();
    for text in texts.into_iter().map(str::trim) {
        if !text.is_empty() && !out.iter().any(|seen| seen == text) {
            out.push(text.to_owned());
        }
    }
    out
}

/// The number as typed, with what the rules say it is.
fn number_line(s: &Strings, rules: &RuleSet, number: &str, lang: Lang) -> String {
    let typed = number.trim();
    let class = match classify(rules, typed) {
        None => return s.report_number_none.to_owned(),
        Some(NumberClass::Known { rule, .. }) => rule.name.get(lang).to_owned(),
        Some(NumberClass::Unknown { .. }) => s.report_number_unknown.to_owned(),
        Some(NumberClass::NotANumber) => s.report_number_invalid.to_owned(),
    };
    match lang {
        Lang::Zh => format!("{typed}（{class}）"),
        Lang::En => format!("{typed} ({class})"),
    }
}

/// A field label without its trailing colon ("Amount:" → "Amount").
fn trim_label(label: &str) -> &str {
    label.trim_end_matches([':', '：']).trim_end()
}

impl Report {
    /// The report as plain text, to paste into a chat or a message.
    pub fn text(&self) -> String {
        let s = strings(self.lang);
        let mut out = format!("{}\n", self.title);
        let mut step = 0;
        for block in &self.blocks {
            match block {
                Block::Heading(h) => {
                    step = 0;
                    out += &format!("\n== {h} ==\n");
                }
                Block::Para(p) => out += &format!("{p}\n"),
                Block::Fact(label, value) => {
                    out += &fill(s.report_fact, &[("label", label), ("value", value)]);
                    out.push('\n');
                }
                Block::Item(main, detail) => {
                    out += &format!("- {main}\n");
                    if let Some(detail) = detail {
                        out += &format!("  {detail}\n");
                    }
                }
                Block::Step(text) => {
                    step += 1;
                    out += &format!("{step}. {text}\n");
                }
                Block::Quote(text) => {
                    for line in text.lines() {
                        out += &format!("    {line}\n");
                    }
                }
                Block::Footer(text) => out += &format!("\n{text}\n"),
            }
        }
        out
    }

    /// The report as one self-contained HTML page: inline print CSS, no scripts, nothing
    /// loaded from anywhere; every text escaped.
    pub fn html(&self) -> String {
        let lang = match self.lang {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        };
        let mut out = format!(
            "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>{title}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<main>\n\
             <h1>{title}</h1>\n",
            title = escape(&self.title),
        );
        let mut open: Option<&'static str> = None;
        for block in &self.blocks {
            let wants = match block {
                Block::Fact(..) => Some("dl"),
                Block::Item(..) => Some("ul"),
                Block::Step(_) => Some("ol"),
                _ => None,
            };
            if open != wants {
                if let Some(tag) = open {
                    out += &format!("</{tag}>\n");
                }
                if let Some(tag) = wants {
                    out += &format!("<{tag}>\n");
                }
                open = wants;
            }
            match block {
                Block::Heading(h) => out += &format!("<h2>{}</h2>\n", escape(h)),
                Block::Para(p) => out += &format!("<p>{}</p>\n", escape(p)),
                Block::Fact(label, value) => {
                    out += &format!("<dt>{}</dt><dd>{}</dd>\n", escape(label), escape(value));
                }
                Block::Item(main, detail) => {
                    out += &format!("<li>{}", escape(main));
                    if let Some(detail) = detail {
                        out += &format!("<br><span class=\"why\">{}</span>", escape(detail));
                    }
                    out += "</li>\n";
                }
                Block::Step(text) => out += &format!("<li>{}</li>\n", escape(text)),
                Block::Quote(text) => {
                    out += &format!("<blockquote>{}</blockquote>\n", escape(text));
                }
                Block::Footer(text) => {
                    out += &format!("<p class=\"note\">{}</p>\n", escape(text));
                }
            }
        }
        if let Some(tag) = open {
            out += &format!("</{tag}>\n");
        }
        out += "</main>\n</body>\n</html>\n";
        out
    }
}

/// The page's look: large, plain, black on white, one column; A4 when printed.
const STYLE: &str = "\
@page { size: A4; margin: 16mm; }
html { background: #fff; color: #000; }
body { font-family: \"Noto Sans CJK SC\", \"Microsoft YaHei\", \"PingFang SC\", \"Source Han Sans SC\", sans-serif;
  font-size: 14pt; line-height: 1.5; max-width: 44em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 20pt; margin: 0 0 .4em; }
h2 { font-size: 15pt; margin: 1.2em 0 .4em; border-bottom: 1.5pt solid #000; break-after: avoid; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2em 1em; margin: 0; }
dt { font-weight: bold; }
dd { margin: 0; overflow-wrap: anywhere; }
li { margin: .2em 0; }
.why { color: #333; font-size: 12pt; }
.note { margin-top: 2em; padding-top: .4em; border-top: 1pt solid #000; font-size: 11pt; }
blockquote { margin: .4em 0; padding: .4em .8em; border-left: 3pt solid #000; white-space: pre-wrap;
  overflow-wrap: anywhere; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 12pt; }
  li, dt, dd, blockquote, p { break-inside: avoid; }
}
";

/// The file name's stem for a report saved at `stamp` (`YYYYMMDD-HHMMSS`).
pub fn file_stem(stamp: &str) -> String {
    format!("scamcheck-report-{stamp}")
}

/// Saves `html` in `folder` as `scamcheck-report-<stamp>.html`, or with `-2`, `-3`… added
/// when that name is taken: a new file every time, never over an existing one, written
/// atomically.
///
/// # Errors
/// A [`SaveError`] saying in plain words why the file could not be written.
pub fn save(folder: &Path, stamp: &str, html: &str) -> Result<PathBuf, SaveError> {
    save_unique(folder, &file_stem(stamp), "html", html)
}
