//! The command line: validate rules, score answers, analyse text, list questions.
//!
//! Output functions return strings so tests can check them without spawning a process.
//! Exit codes: 0 success, 1 invalid input (named in the message), 2 usage error.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use serde_json::json;

use std::sync::Arc;

use crate::analyze::{Analysis, Analyzer, Quote};
use crate::answers::Answers;
use crate::corpus;
use crate::engine::{Verdict, evaluate};
use crate::eval::{evaluate_corpus, report_text};
use crate::handout;
use crate::number::{NumberClass, classify};
use crate::rules::{EMBEDDED_ORIGIN, RuleSet};
use crate::strings::{Strings, strings};
use crate::summary::save_new;
use crate::text::Lang;

/// scamcheck: is this "customer service" call the fake refund scam?
#[derive(Debug, Parser)]
#[command(name = "scamcheck", version, about, long_about = None)]
pub struct Cli {
    /// Language of the output and of the window (default: the system's).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,

    /// Use this rule file instead of the embedded rules.ron.
    #[arg(long, global = true, value_name = "FILE")]
    pub rules: Option<PathBuf>,

    /// What to do; without a command the window opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// `--lang` values.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum LangArg {
    /// Simplified Chinese.
    Zh,
    /// English.
    En,
}

impl From<LangArg> for Lang {
    fn from(arg: LangArg) -> Lang {
        match arg {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        }
    }
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a rule file (default: the embedded rules); lists every problem as FILE:LINE:COL.
    CheckRules {
        /// The rule file to check.
        file: Option<PathBuf>,
    },
    /// Score answers given as a RON map, e.g. '{"screen_share": Yes, "loan": Unsure}'.
    Score {
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
        /// The answers, or '-' to read them from standard input.
        answers: String,
    },
    /// Find what a message or a caller's words have in common with the scam.
    Analyze {
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
        /// Read the text from this file.
        #[arg(long, value_name = "F", conflicts_with = "text")]
        file: Option<PathBuf>,
        /// The text; '-' or nothing reads standard input.
        text: Vec<String>,
    },
    /// List the questions in order.
    Questions {
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Classify a caller's number as the window does: what it means and what it does not.
    Number {
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
        /// The number as shown on the phone, e.g. '+852 2345 6789' or '025-96110'.
        number: String,
    },
    /// Measure recognition on labelled corpus files (JSON Lines, see tests/corpus/README.md):
    /// per-question precision and recall, levels reached, every miss and false alarm.
    Eval {
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
        /// Corpus files, evaluated together.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// A one-page A4 checklist to print and keep by the phone (HTML): the signs no real agent
    /// shows, the words to end the call, the numbers to call, a line for a trusted person.
    Handout {
        /// Save the page to this new file (never overwritten) instead of printing it.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

/// A failure with its exit code and message.
#[derive(Debug)]
pub struct Failure {
    /// 1 invalid input, 2 usage error.
    pub code: u8,
    /// Shown on standard error.
    pub message: String,
}

impl Failure {
    fn invalid(message: impl Into<String>) -> Failure {
        Failure {
            code: 1,
            message: message.into(),
        }
    }

    fn usage(message: impl Into<String>) -> Failure {
        Failure {
            code: 2,
            message: message.into(),
        }
    }
}

/// Runs a subcommand, printing its output; returns the process exit code.
pub fn run(cli: &Cli, command: &Command) -> ExitCode {
    match execute(cli, command) {
        Ok(output) => {
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(output.as_bytes())
                .and_then(|()| stdout.flush())
            {
                // A reader that stopped early (`| head`) took what it wanted.
                Err(err) if err.kind() != std::io::ErrorKind::BrokenPipe => {
                    eprintln!("{err}");
                    ExitCode::FAILURE
                }
                _ => ExitCode::SUCCESS,
            }
        }
        Err(failure) => {
            eprintln!("{}", failure.message.trim_end());
            ExitCode::from(failure.code)
        }
    }
}

/// Runs a subcommand and returns what it would print on standard output.
///
/// # Errors
/// A [`Failure`] with the exit code and message for standard error.
pub fn execute(cli: &Cli, command: &Command) -> Result<String, Failure> {
    let lang = cli.lang.map_or_else(Lang::from_system, Lang::from);
    match command {
        Command::CheckRules { file } => {
            let path = file.as_deref().or(cli.rules.as_deref());
            let analyzer = load_analyzer(path)?;
            analyzer
                .check_spans()
                .map_err(|err| Failure::invalid(err.lines().join("\n")))?;
            let rules = analyzer.rules();
            Ok(format!(
                "{}: OK — {} questions, {} term lists, {} combinations, {} patterns, {} number rules\n",
                rules.origin(),
                rules.questions().len(),
                rules.file().terms.len(),
                rules.combinations().len(),
                analyzer.pattern_count(),
                rules.number_rules().count()
            ))
        }
        Command::Score { json, answers } => {
            let rules = load_rules(cli.rules.as_deref())?;
            let (origin, src) = if answers == "-" {
                ("<stdin>".to_owned(), read_stdin()?)
            } else {
                ("ANSWERS".to_owned(), answers.clone())
            };
            let answers = Answers::parse(&origin, &src, |id| rules.question(id).is_some())
                .map_err(|err| Failure::invalid(err.to_string()))?;
            let verdict = evaluate(&rules, &answers);
            Ok(if *json {
                json_line(&verdict_json(&verdict, lang))
            } else {
                verdict_text(&rules, &verdict, lang)
            })
        }
        Command::Analyze { json, file, text } => {
            let analyzer = load_analyzer(cli.rules.as_deref())?;
            let rules = analyzer.rules();
            let input = match (file, text.as_slice()) {
                (Some(path), _) => std::fs::read_to_string(path).map_err(|err| {
                    Failure::invalid(format!("{}: cannot read the file: {err}", path.display()))
                })?,
                (None, []) => {
                    if std::io::stdin().is_terminal() {
                        return Err(Failure::usage(
                            "analyze: give the text as arguments, with --file F, or pipe it in ('-')",
                        ));
                    }
                    read_stdin()?
                }
                (None, [dash]) if dash == "-" => read_stdin()?,
                (None, words) => words.join(" "),
            };
            let analysis = analyzer
                .analyze(&input)
                .map_err(|e| Failure::invalid(e.to_string()))?;
            Ok(if *json {
                json_line(&analysis_json(&analysis, lang))
            } else {
                analysis_text(rules, &analysis, lang)
            })
        }
        Command::Number { json, number } => {
            let rules = load_rules(cli.rules.as_deref())?;
            number_output(&rules, number, *json, lang)
        }
        Command::Eval { json, files } => {
            let analyzer = load_analyzer(cli.rules.as_deref())?;
            let mut items = Vec::new();
            for path in files {
                items.extend(corpus::load(path).map_err(|e| Failure::invalid(e.to_string()))?);
            }
            let report =
                evaluate_corpus(&analyzer, &items).map_err(|e| Failure::invalid(e.to_string()))?;
            Ok(if *json {
                match serde_json::to_value(&report) {
                    Ok(value) => json_line(&value),
                    Err(err) => return Err(Failure::invalid(err.to_string())),
                }
            } else {
                report_text(&report)
            })
        }
        Command::Handout { output } => {
            let rules = load_rules(cli.rules.as_deref())?;
            handout_output(&rules, output.as_deref(), lang)
        }
        Command::Questions { json } => {
            let rules = load_rules(cli.rules.as_deref())?;
            Ok(if *json {
                json_line(&questions_json(&rules, lang))
            } else {
                questions_text(&rules, lang)
            })
        }
    }
}

fn load_rules(path: Option<&Path>) -> Result<RuleSet, Failure> {
    let loaded = match path {
        Some(path) => RuleSet::load(path),
        None => RuleSet::embedded(),
    };
    loaded.map_err(|err| Failure::invalid(err.lines().join("\n")))
}

/// The rules with their patterns compiled: what checking a rule file and analysing text need.
fn load_analyzer(path: Option<&Path>) -> Result<Analyzer, Failure> {
    Analyzer::new(Arc::new(load_rules(path)?))
        .map_err(|err| Failure::invalid(err.lines().join("\n")))
}

/// `number`: the class, what it means and what it does not; exit 1 when it is not a number.
fn number_output(rules: &RuleSet, input: &str, json: bool, lang: Lang) -> Result<String, Failure> {
    let s = strings(lang);
    match classify(rules, input) {
        None | Some(NumberClass::NotANumber) => Err(Failure::invalid(format!(
            "{input:?}: {}",
            s.number_not_a_number
        ))),
        Some(NumberClass::Unknown { normalized }) => Ok(if json {
            json_line(
                &json!({"number": normalized, "class": null, "meaning": s.cli_number_unknown, "not_meaning": s.number_spoofed, "indicates": null}),
            )
        } else {
            format!(
                "{normalized}: {}\n  {}\n",
                s.cli_number_unknown, s.number_spoofed
            )
        }),
        Some(NumberClass::Known { normalized, rule }) => Ok(if json {
            json_line(&json!({
                "number": normalized,
                "class": rule.id,
                "name": rule.name.get(lang),
                "meaning": rule.meaning.get(lang),
                "not_meaning": rule.not_meaning.get(lang),
                "indicates": rule.indicates,
            }))
        } else {
            let mut out = format!(
                "{normalized}: {} ({})\n  {}: {}\n  {}: {}\n",
                rule.name.get(lang),
                rule.id,
                s.cli_number_means,
                rule.meaning.get(lang),
                s.cli_number_not_means,
                rule.not_meaning.get(lang),
            );
            if let Some(q) = rule.indicates.as_deref().and_then(|id| rules.question(id)) {
                out += &format!(
                    "  {}: {} — {}\n",
                    s.cli_number_indicates,
                    q.id,
                    q.text.get(lang)
                );
            }
            out
        }),
    }
}

/// `handout`: the page on standard output, or saved to a new file (exit 1 if it exists).
fn handout_output(rules: &RuleSet, output: Option<&Path>, lang: Lang) -> Result<String, Failure> {
    let page = handout::html(rules, lang);
    match output {
        None => Ok(page),
        Some(path) => match save_new(path, &page) {
            Ok(()) => Ok(format!("{}\n", handout::saved_message(path, lang))),
            Err(err) => Err(Failure::invalid(handout::save_failed_message(&err, lang))),
        },
    }
}

fn read_stdin() -> Result<String, Failure> {
    let mut input = String::new();
    std::io::stdin()
        .read_to_string(&mut input)
        .map_err(|err| Failure::invalid(format!("<stdin>: cannot read: {err}")))?;
    Ok(input)
}

fn json_line(value: &serde_json::Value) -> String {
    format!("{value}\n")
}

/// The `score --json` object.
pub fn verdict_json(verdict: &Verdict, lang: Lang) -> serde_json::Value {
    json!({
        "level": verdict.level,
        "level_name": verdict.level_name.get(lang),
        "score": verdict.score,
        "flags": verdict.flags.iter().map(|f| f.id.as_str()).collect::<Vec<_>>(),
        "rules": verdict.rules.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
        "emergency": verdict.emergency,
        "advice": verdict.advice_in(lang),
    })
}

/// The `analyze --json` object: the verdict fields plus the findings.
pub fn analysis_json(analysis: &Analysis, lang: Lang) -> serde_json::Value {
    let mut value = verdict_json(&analysis.verdict, lang);
    value["findings"] = analysis
        .findings
        .iter()
        .map(|f| json!({"question": f.question, "start": f.start, "end": f.end, "text": f.text}))
        .collect();
    let quote = |q: &Option<Quote>| {
        q.as_ref().map_or(
            serde_json::Value::Null,
            |q| json!({"start": q.start, "end": q.end, "text": q.text}),
        )
    };
    value["about_the_scam"] = quote(&analysis.about_the_scam);
    value["refused"] = quote(&analysis.refused);
    value
}

fn questions_json(rules: &RuleSet, lang: Lang) -> serde_json::Value {
    let questions: Vec<_> = rules
        .questions()
        .iter()
        .map(|q| {
            json!({
                "id": q.id,
                "step": format!("{:?}", q.step),
                "severity": format!("{:?}", q.severity).to_lowercase(),
                "weight": q.weight,
                "text": q.text.get(lang),
                "why": q.why.get(lang),
                "source": q.source,
            })
        })
        .collect();
    json!({ "rules": rules.origin(), "questions": questions })
}

fn verdict_text(rules: &RuleSet, verdict: &Verdict, lang: Lang) -> String {
    let s: &Strings = strings(lang);
    let mut out = format!(
        "{} {} — {} ({} {})\n{}\n",
        s.cli_level,
        verdict.level,
        verdict.level_name.get(lang),
        s.cli_score,
        verdict.score,
        verdict.summary.get(lang)
    );
    if !verdict.flags.is_empty() {
        out += &format!("\n{}\n", s.cli_red_flags);
        for f in &verdict.flags {
            out += &format!(
                "  [{}] {} ({})\n      {}\n",
                s.severity(f.severity),
                f.question.get(lang),
                s.answer(f.answer),
                f.why.get(lang)
            );
        }
    }
    if !verdict.rules.is_empty() {
        out += &format!("\n{}\n", s.cli_patterns);
        for r in &verdict.rules {
            out += &format!("  {}: {}\n", r.id, r.explain.get(lang));
        }
    }
    out += &format!("\n{}\n", s.cli_what_to_do);
    for a in verdict.advice_in(lang) {
        out += &format!("  • {a}\n");
    }
    if verdict.level.is_suspicious() {
        out += &format!("\n{} “{}”\n", s.cli_say, rules.hang_up_script().get(lang));
    }
    out
}

fn analysis_text(rules: &RuleSet, analysis: &Analysis, lang: Lang) -> String {
    let s = strings(lang);
    let mut out = String::new();
    let dropped = [
        (s.about_the_scam, &analysis.about_the_scam),
        (s.refused, &analysis.refused),
    ];
    for (why, quote) in dropped {
        if let Some(quote) = quote {
            out += &format!("{why} “{}”\n\n", quote.text);
        }
    }
    if analysis.findings.is_empty() {
        out += &format!("{}\n\n", s.cli_nothing_found);
    } else {
        out += &format!("{}\n", s.cli_found);
        for f in &analysis.findings {
            let question = rules.question(&f.question).map_or("", |q| q.text.get(lang));
            out += &format!(
                "  {}..{} “{}” → {} ({question})\n",
                f.start, f.end, f.text, f.question
            );
        }
        out += "\n";
    }
    out + &verdict_text(rules, &analysis.verdict, lang)
}

fn questions_text(rules: &RuleSet, lang: Lang) -> String {
    let mut out = String::new();
    for (i, q) in rules.questions().iter().enumerate() {
        out += &format!(
            "{:>2}. [{}] {} — {}\n",
            i + 1,
            strings(lang).severity(q.severity),
            q.id,
            q.text.get(lang)
        );
    }
    if rules.origin() != EMBEDDED_ORIGIN {
        out += &format!("({})\n", rules.origin());
    }
    out
}
