//! The text analyser: finds what the caller said or wrote that matches a question's patterns.
//!
//! All patterns are compiled once, into an [`Analyzer`]. Each line of a text is first checked
//! for which questions, warnings and honest versions occur at all (each pattern a small regex of
//! its own, so that every search stays on the fast lazy DFA, and searched only in the lines that
//! hold one of the words it needs: `prefilter.rs`); spans are then found only for the
//! patterns that matched, and a match in a line that warns against the move ("请勿泄露") is
//! dropped.

use crate::says;
use std::borrow::Cow;
use std::sync::{Arc, OnceLock};

use regex::{Regex, RegexBuilder};

use crate::answers::{Answer, Answers};
use crate::engine::{Verdict, evaluate};
use crate::prefilter::{Prefilter, WordList, required_words};
use crate::rules::validate::{Issue, compile, one_line};
use crate::rules::{
    ExpandedPattern, LoadError, REGEX_DFA_LIMIT, REGEX_GROUP_SIZE_LIMIT, RuleSet, Severity,
};

/// The largest text analysed at once: 1 MiB. Longer input is refused, never scanned slowly.
pub const MAX_TEXT_BYTES: usize = 1 << 20;

/// Why a text was not analysed.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum AnalyzeError {
    /// The text is longer than [`MAX_TEXT_BYTES`].
    #[error(
        "the text is {len} bytes; scamcheck analyses at most {max} bytes (1 MiB) at a time: use a shorter part"
    )]
    TooLong {
        /// The text's length in bytes.
        len: usize,
        /// The cap.
        max: usize,
    },
}

/// One place in the text that matches a question's pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The question the match indicates.
    pub question: String,
    /// Byte offset of the match in the original text (always a character boundary).
    pub start: usize,
    /// Byte offset just past the match.
    pub end: usize,
    /// The matched text, as it appears in the original.
    pub text: String,
}

/// What a text shows: the findings and the verdict if each indicated question were a "yes".
#[derive(Clone, Debug)]
pub struct Analysis {
    /// Every match, ordered by position.
    pub findings: Vec<Finding>,
    /// The answers the findings imply: "yes" for each indicated question.
    pub answers: Answers,
    /// The verdict for those answers.
    pub verdict: Verdict,
    /// Where the text names the scam itself (`about_the_scam`), when that dropped a finding:
    /// what follows it reads as advice, and only an emergency finding there is kept.
    pub about_the_scam: Option<Quote>,
    /// Where the person says they ended or refused the call (`refused`), when that dropped a
    /// finding: what the caller asked before it is a story told, not a request still open.
    pub refused: Option<Quote>,
}

/// A stretch of the original text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// Byte offset in the original text (a character boundary).
    pub start: usize,
    /// Byte offset just past the quote.
    pub end: usize,
    /// The quoted text.
    pub text: String,
}

impl Analysis {
    /// The indicated question ids, each once, in order of first appearance.
    pub fn questions(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = Vec::new();
        for f in &self.findings {
            if !ids.contains(&f.question.as_str()) {
                ids.push(&f.question);
            }
        }
        ids
    }
}

/// A stretch of text to highlight: overlapping and nested findings merged into one range,
/// marked with the most severe question among them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Highlight {
    /// Byte offset of the start.
    pub start: usize,
    /// Byte offset just past the end.
    pub end: usize,
    /// The most severe question the range indicates.
    pub severity: Severity,
}

/// Merges findings (ordered by start, as [`Analyzer::findings`] returns them) into
/// non-overlapping highlight ranges.
pub fn highlights(rules: &RuleSet, findings: &[Finding]) -> Vec<Highlight> {
    let mut merged: Vec<Highlight> = Vec::new();
    for f in findings {
        let severity = rules
            .question(&f.question)
            .map_or(Severity::Low, |q| q.severity);
        match merged.last_mut() {
            Some(last) if f.start < last.end => {
                last.end = last.end.max(f.end);
                last.severity = last.severity.max(severity);
            }
            _ => merged.push(Highlight {
                start: f.start,
                end: f.end,
                severity,
            }),
        }
    }
    merged
}

/// The compiled patterns of a rule set: everything the text check needs. Built from a
/// validated [`RuleSet`], which it keeps, so findings are always scored by the rules they were
/// found with.
#[derive(Debug)]
pub struct Analyzer {
    rules: Arc<RuleSet>,
    /// For every question's patterns, the warnings, the texts about the scam and every
    /// question's `unless`: one small regex per pattern, which together say what occurs in a
    /// line.
    detectors: Vec<Vec<Detector>>,
    /// What each group of detectors stands for.
    roles: Vec<Role>,
    /// The words the detectors need, all detectors in one list, group after group.
    prefilter: Prefilter,
    /// For each detector of a question's pattern (all detectors in one list, group after
    /// group), the question and the pattern's exact regex, for the span; compiled on its first
    /// use (most texts raise only a few questions).
    exact: Vec<Option<(usize, LazyRegex)>>,
    /// The `about_the_scam` patterns, for the quote, compiled on first use.
    about: LazyRegex,
    /// The `refused` patterns, for the quote, compiled on first use.
    refused: LazyRegex,
}

/// Where the person says they ended or refused the call, in the normalised text.
struct Refusal {
    /// Where the refusal starts.
    at: usize,
    /// Its clause: the quote.
    clause: (usize, usize),
    /// The line it is in.
    line: usize,
    /// Whether a move is asked for after it in the same line.
    asked_after: bool,
}

/// What a scan of a text found.
struct Scan {
    findings: Vec<Finding>,
    about_the_scam: Option<Quote>,
    refused: Option<Quote>,
}

/// One pattern's small regex, and whether its matches in a whole text can be sorted into lines.
#[derive(Debug)]
struct Detector {
    regex: Regex,
    /// Where a whole-text search finds what a search of each line finds.
    reach: WholeText,
}

/// When a detector's matches in a whole text can be sorted into lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum WholeText {
    /// Always: it looks only at the characters it matches (no `\b`, `^` or `$`) and never
    /// matches nothing, so a match inside a line is a match of the whole text and the other
    /// way round.
    Always,
    /// When every line ends at a line break: it also looks at ASCII word boundaries (`\b`,
    /// `\B`), and a line break, like the edge of a line searched alone, is no word character.
    /// A line cut inside a sentence may have a letter on either side.
    AtLineBreaks,
    /// Never (`^`, `$`, or a pattern that can match nothing): each line is searched alone.
    Never,
}

impl Detector {
    /// The detector, and the words every match contains one of if there is a short list of
    /// them (for the [`Prefilter`]).
    fn new(pattern: &str) -> Result<(Detector, Option<WordList>), regex::Error> {
        let regex = RegexBuilder::new(pattern)
            .size_limit(REGEX_GROUP_SIZE_LIMIT)
            .dfa_size_limit(REGEX_DFA_LIMIT)
            .build()?;
        let hir = regex_syntax::parse(pattern).ok();
        let words = hir.as_ref().and_then(required_words);
        let reach = hir.map_or(WholeText::Never, |hir| {
            let properties = hir.properties();
            let looks = properties.look_set();
            let boundaries = looks
                .remove(regex_syntax::hir::Look::WordAscii)
                .remove(regex_syntax::hir::Look::WordAsciiNegate);
            if properties.minimum_len().is_none_or(|len| len == 0) {
                WholeText::Never
            } else if looks.is_empty() {
                WholeText::Always
            } else if boundaries.is_empty() {
                WholeText::AtLineBreaks
            } else {
                WholeText::Never
            }
        });
        Ok((Detector { regex, reach }, words))
    }
}

/// What a group of the analyser's detectors stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    /// A question's patterns, by question index.
    Question(usize),
    /// The warnings.
    Warning,
    /// A caller's demand for secrecy, which is not a warning.
    Secrecy,
    /// A caller's words reported by the person: a warning only beside another.
    Reported,
    /// The patterns of a text about the scam.
    About,
    /// The person ending or refusing the call.
    Refused,
    /// A question's `unless` patterns, by question index.
    Unless(usize),
}

/// A regex compiled on its first use.
#[derive(Debug)]
struct LazyRegex {
    pattern: String,
    compiled: OnceLock<Option<Regex>>,
}

impl LazyRegex {
    /// The compiled regex, or `None` if it does not compile ([`Analyzer::check_spans`] turns
    /// that into a load error for a rule file).
    fn get(&self) -> Option<&Regex> {
        self.compiled
            .get_or_init(|| {
                // All of a question's patterns together: within the larger limit, as each
                // one is within the limit of a single pattern.
                let compiled = RegexBuilder::new(&self.pattern)
                    .size_limit(REGEX_GROUP_SIZE_LIMIT)
                    .dfa_size_limit(REGEX_DFA_LIMIT)
                    .build();
                (!self.pattern.is_empty()).then(|| compiled.ok()).flatten()
            })
            .as_ref()
    }
}

/// The patterns of a list as one alternation.
fn alternation<'a>(patterns: impl Iterator<Item = &'a String>) -> String {
    patterns
        .map(|p| format!("(?:{p})"))
        .collect::<Vec<_>>()
        .join("|")
}

/// Text is searched a line at a time (one SMS, one turn of a call); a longer line is cut after
/// a sentence end into pieces of at most this many bytes. The warnings and `unless` patterns
/// apply to the piece a match is in.
const SEGMENT_BYTES: usize = 1024;

/// From this many lines on, each detector searches the whole text once instead of each line.
const WHOLE_TEXT_FIRST: usize = 3;

impl Analyzer {
    /// Compiles the rules' patterns.
    ///
    /// # Errors
    /// Patterns too large to compile (the size limits keep a pathological one from eating
    /// memory), placed in the rule file like any other problem.
    pub fn new(rules: Arc<RuleSet>) -> Result<Analyzer, LoadError> {
        let mut members: Vec<(Role, Vec<&ExpandedPattern>)> = Vec::new();
        for (i, q) in rules.questions().iter().enumerate() {
            let is_own = |p: &&ExpandedPattern| p.question == q.id;
            members.push((
                Role::Question(i),
                rules.patterns().iter().filter(is_own).collect(),
            ));
            members.push((
                Role::Unless(i),
                rules.unless().iter().filter(is_own).collect(),
            ));
        }
        members.push((Role::Warning, rules.warnings().iter().collect()));
        members.push((Role::Secrecy, rules.secrecy().iter().collect()));
        members.push((Role::Reported, rules.reported().iter().collect()));
        members.push((Role::About, rules.about_the_scam().iter().collect()));
        members.push((Role::Refused, rules.refused().iter().collect()));
        members.retain(|(_, list)| !list.is_empty());
        // A question's member only says where to look, so it may be loose; the warnings and
        // `unless` decide, so they are exact. Each pattern is its own small regex: one
        // alternation of hundreds of patterns makes a lazy DFA too large for its cache, and the
        // search falls back to a slow engine on every new text.
        let detectors: Result<Vec<Vec<(Detector, _)>>, regex::Error> = members
            .iter()
            .map(|(role, list)| {
                let loose = matches!(role, Role::Question(_));
                list.iter()
                    .map(|p| Detector::new(if loose { &p.detect } else { &p.regex }))
                    .collect()
            })
            .collect();
        let detectors = match detectors {
            Ok(detectors) => detectors,
            Err(err) => {
                // Name the patterns that are too large on their own, if any.
                let mut issues = uncompilable(
                    rules
                        .patterns()
                        .iter()
                        .chain(rules.unless())
                        .chain(rules.warnings())
                        .chain(rules.secrecy())
                        .chain(rules.reported())
                        .chain(rules.about_the_scam())
                        .chain(rules.refused()),
                );
                if issues.is_empty() {
                    issues.push(Issue::new(
                        "questions",
                        vec!["questions".to_owned()],
                        says!(
                            "所有模式合在一起太大，无法编译：{}",
                            "the patterns together are too large to compile: {}",
                            one_line(&err.to_string())
                        ),
                    ));
                }
                return Err(rules.problems(issues));
            }
        };
        let roles: Vec<Role> = members.iter().map(|(role, _)| *role).collect();
        let (detectors, words): (Vec<Vec<Detector>>, Vec<Vec<_>>) = detectors
            .into_iter()
            .map(|group| group.into_iter().unzip())
            .unzip();
        let prefilter = Prefilter::new(&words.into_iter().flatten().collect::<Vec<_>>());
        // A pattern without ` ~ ` is its own detector: its span comes from the regex already
        // compiled, and only the near-patterns compile their exact form on first use.
        let exact = members
            .iter()
            .zip(&detectors)
            .flat_map(|((role, list), detectors)| {
                list.iter()
                    .zip(detectors)
                    .map(move |(p, detector)| match role {
                        Role::Question(q) => Some((
                            *q,
                            LazyRegex {
                                pattern: p.regex.clone(),
                                compiled: if p.detect == p.regex {
                                    OnceLock::from(Some(detector.regex.clone()))
                                } else {
                                    OnceLock::new()
                                },
                            },
                        )),
                        _ => None,
                    })
            })
            .collect();
        let about = LazyRegex {
            pattern: alternation(rules.about_the_scam().iter().map(|p| &p.regex)),
            compiled: OnceLock::new(),
        };
        let refused = LazyRegex {
            pattern: alternation(rules.refused().iter().map(|p| &p.regex)),
            compiled: OnceLock::new(),
        };
        Ok(Analyzer {
            rules,
            detectors,
            roles,
            prefilter,
            exact,
            about,
            refused,
        })
    }

    /// Compiles every question's exact patterns now (each otherwise compiles on its first
    /// use), so that a rule file with a pattern too large to compile is refused when it loads
    /// instead of quietly finding nothing. The shipped rules are checked by the test suite.
    ///
    /// # Errors
    /// Each pattern that does not compile, placed in the rule file.
    pub fn check_spans(&self) -> Result<(), LoadError> {
        let failed = self
            .exact
            .iter()
            .flatten()
            .filter(|(_, lazy)| lazy.get().is_none())
            .map(|(_, lazy)| lazy.pattern.as_str())
            .collect::<Vec<&str>>();
        if failed.is_empty() {
            return Ok(());
        }
        let failed = self
            .rules
            .patterns()
            .iter()
            .filter(|p| failed.contains(&p.regex.as_str()));
        // A pattern that does not compile here does not compile on its own either (the limit
        // for one pattern is the smaller), so each is named.
        Err(self.rules.problems(uncompilable(failed)))
    }

    /// Reads a rule file and compiles every pattern in it: what checking a rule file, or using
    /// one a person chose, needs. Every problem is reported with its position.
    ///
    /// # Errors
    /// As [`RuleSet::load`], [`Analyzer::new`] and [`Analyzer::check_spans`].
    pub fn load(path: &std::path::Path) -> Result<Analyzer, LoadError> {
        Analyzer::checked(RuleSet::load(path)?)
    }

    /// Compiles every pattern of validated rules now, as [`Analyzer::load`] does for a file.
    ///
    /// # Errors
    /// As [`Analyzer::new`] and [`Analyzer::check_spans`].
    pub fn checked(rules: RuleSet) -> Result<Analyzer, LoadError> {
        let analyzer = Analyzer::new(Arc::new(rules))?;
        analyzer.check_spans()?;
        Ok(analyzer)
    }

    /// The rules the patterns come from.
    pub fn rules(&self) -> &Arc<RuleSet> {
        &self.rules
    }

    /// How many patterns the rules define.
    pub fn pattern_count(&self) -> usize {
        self.rules.patterns().len()
    }

    /// The first match of each question in each line of `text` (one SMS, one turn of a call),
    /// ordered by position. A match is left out when its line warns against the move
    /// (`warnings`) or is the honest version of it (the question's `unless`).
    ///
    /// # Errors
    /// [`AnalyzeError::TooLong`] above [`MAX_TEXT_BYTES`].
    pub fn findings(&self, text: &str) -> Result<Vec<Finding>, AnalyzeError> {
        self.scan(text).map(|scan| scan.findings)
    }

    /// The findings, where the text names the scam itself and where the call was refused.
    fn scan(&self, text: &str) -> Result<Scan, AnalyzeError> {
        if text.len() > MAX_TEXT_BYTES {
            return Err(AnalyzeError::TooLong {
                len: text.len(),
                max: MAX_TEXT_BYTES,
            });
        }
        let normal = Normalized::new(text);
        let questions = self.rules.questions();
        // (start, end, question) in the normalised text; made into findings once sorted.
        let mut spans: Vec<(usize, usize, usize)> = Vec::new();
        let lines: Vec<(usize, &str)> = segments(normal.text()).collect();
        // For each line: who says it (the name it starts with), and whether it reports a
        // caller's words ("有人打电话说…"). The honest versions each speaker gave:
        // (speaker, question).
        let mut speakers: Vec<Option<&str>> = vec![None; lines.len()];
        let mut reporting = vec![false; lines.len()];
        let mut honest_said: Vec<(&str, usize)> = Vec::new();
        // Whether a line of the text warns against the moves.
        let mut warns = false;
        let mut raised: Vec<usize> = Vec::new();
        let mut honest = vec![false; questions.len()];
        let mut about: Option<(usize, usize)> = None;
        let mut refusal: Option<Refusal> = None;
        let line_hits = self.line_hits(normal.text(), &lines, lines.len() >= WHOLE_TEXT_FIRST);
        for (line, (&(offset, segment), hits)) in lines.iter().zip(&line_hits.groups).enumerate() {
            if segment.trim().is_empty() {
                continue;
            }
            let any = hits.iter().any(|&hit| hit);
            if !any {
                continue;
            }
            raised.clear();
            honest.fill(false);
            let mut warned = false;
            let mut secret = false;
            let mut reports = false;
            for member in hits
                .iter()
                .enumerate()
                .filter_map(|(i, hit)| hit.then_some(i))
            {
                match self.roles[member] {
                    Role::Question(q) => raised.push(q),
                    Role::Unless(q) => honest[q] = true,
                    Role::Warning => warned = true,
                    Role::Secrecy => secret = true,
                    Role::Reported => reports = true,
                    Role::Refused => {
                        // The last refusal in the text is the one that matters.
                        if let Some(m) = self
                            .refused
                            .get()
                            .and_then(|regex| regex.find_iter(segment).last())
                        {
                            // The quote is the clause of the refusal's last word (a pattern
                            // may take in the marks around it: "不然我就挂了" is a threat).
                            let (last, len) = m
                                .as_str()
                                .char_indices()
                                .rev()
                                .find(|&(_, c)| !is_clause_mark(c) && c != '。')
                                .map_or((m.start(), 0), |(at, c)| (m.start() + at, c.len_utf8()));
                            let (start, end) = clause(segment, last, last + len);
                            refusal = Some(Refusal {
                                at: offset + m.start(),
                                clause: (offset + start, offset + end),
                                line,
                                asked_after: false,
                            });
                        }
                    }
                    Role::About => {
                        if about.is_none() {
                            about =
                                self.about
                                    .get()
                                    .and_then(|regex| regex.find(segment))
                                    .map(|m| {
                                        let (start, end) = clause(segment, m.start(), m.end());
                                        (offset + start, offset + end)
                                    });
                        }
                    }
                }
            }
            // "别告诉你儿子" sounds like a warning but is the caller's: the requests stay, and so
            // does what would otherwise read as the honest version ("柜员要问，您就说…").
            if secret {
                honest.fill(false);
            }
            speakers[line] = speaker_of(segment);
            if let Some(name) = speakers[line] {
                honest_said.extend(
                    honest
                        .iter()
                        .enumerate()
                        .filter_map(|(q, &said)| said.then_some((name, q))),
                );
            }
            if warned && !secret {
                // A warning never hides an emergency: "别转账……我已经转了" still counts.
                raised.retain(|&q| questions[q].severity == Severity::Emergency);
                warns = true;
            }
            reporting[line] = reports && !secret;
            // The first match of each question in the line: the move and its quote. (Finding
            // every repeat within one line would double the cost for no new answer.)
            let patterns = &line_hits.patterns[line];
            for &question in raised.iter().filter(|q| !honest[**q]) {
                if let Some((start, end)) = self.first_match(question, patterns, segment, 0) {
                    spans.push((offset + start, offset + end, question));
                }
                // A refusal in this line: is the move asked again after it ("我挂了，他又打来")?
                if let Some(refusal) = refusal.as_mut().filter(|r| r.line == line) {
                    refusal.asked_after |= self
                        .first_match(question, patterns, segment, refusal.at - offset)
                        .is_some();
                }
            }
        }
        // A caller's words the person reports ("有人打电话说要赔我钱，让我加微信") are the
        // person asking about a call still going on, unless another line warns or names the
        // scam: then the text is the person's check with the real company, which answered.
        let found = spans.len();
        if warns || about.is_some() {
            spans.retain(|&(start, _, q)| {
                !reporting[line_at(&lines, start)] || questions[q].severity == Severity::Emergency
            });
        }
        let reported_dropped = spans.len() < found;
        // In a call with named turns, the honest version in one turn speaks for the same
        // speaker's other turns: an agent who says the refund goes back to the card paid with
        // has not offered a scammer's refund two turns earlier. Only when nothing critical was
        // asked for anywhere: scammers say honest-sounding things too ("核验完原路退回"), and
        // then the signs stay to explain the verdict.
        if !honest_said.is_empty()
            && spans
                .iter()
                .all(|&(_, _, q)| questions[q].severity < Severity::Critical)
        {
            spans.retain(|&(start, _, q)| {
                !speakers[line_at(&lines, start)].is_some_and(|name| {
                    honest_said
                        .iter()
                        .any(|&(other, said)| said == q && same_speaker(name, other))
                })
            });
        }
        if let Some((about_start, about_end)) = about {
            // Advice about the scam frames what follows it (a heading, "警方提醒：…"): the moves
            // after it are described, not asked for; only "I already paid" still counts. What
            // comes before it in its own line stays: a scam message may end with an
            // official-looking "谨防诈骗". In the lines before, only the dangerous moves stay: the
            // opening a later line calls a scam ("有人打电话说要退款……\n客服：那是诈骗") is what
            // the text reports. A question ("你们是骗子吧？") frames nothing before it.
            let asked = normal.text()[about_end..].starts_with('?')
                || normal.text()[..about_end].ends_with(['吧', '吗']);
            let its_line = lines[line_at(&lines, about_start)].0;
            let before = spans.len();
            spans.retain(|&(start, _, q)| {
                let severity = questions[q].severity;
                severity == Severity::Emergency
                    || (start >= its_line && start < about_start)
                    || (start < its_line && (asked || severity == Severity::Critical))
            });
            // Said only when it changed something (here, or in the lines that report a call): a
            // footer that drops nothing explains nothing.
            if spans.len() == before && !reported_dropped {
                about = None;
            }
        }
        // A call that ended in the person's refusal ("他让我下载…我直接挂了"): what the caller
        // asked is a story told, not a request still open. Only when nothing was asked after it
        // (a caller who rings back and asks again counts in full) and nothing was paid.
        let refused = refusal
            .filter(|refusal| {
                !refusal.asked_after
                    && !spans.is_empty()
                    && spans.iter().all(|&(start, _, q)| {
                        // After the refusal only the low signs may come ("我不是Prime会员"):
                        // naming the company again asks for nothing.
                        let severity = questions[q].severity;
                        severity != Severity::Emergency
                            && (start < refusal.at || severity == Severity::Low)
                    })
            })
            .map(|refusal| refusal.clause);
        if refused.is_some() {
            spans.clear();
        }
        spans.sort_unstable();
        spans.dedup();
        let mut findings: Vec<Finding> = spans
            .into_iter()
            .map(|(start, end, question)| {
                let (start, end) = normal.original_span(start, end);
                Finding {
                    question: questions[question].id.clone(),
                    start,
                    end,
                    text: text[start..end].to_owned(),
                }
            })
            .collect();
        // Two spans of the normalised text can map to one of the original (a dropped space).
        findings.dedup();
        let quote = |(start, end): (usize, usize)| {
            let (start, end) = normal.original_span(start, end);
            Quote {
                start,
                end,
                text: text[start..end].to_owned(),
            }
        };
        Ok(Scan {
            findings,
            about_the_scam: about.map(quote),
            refused: refused.map(quote),
        })
    }

    /// For each line of `text` (as [`segments`] cuts it), which groups of detectors match in
    /// it.
    ///
    /// A detector with words ([`required_words`]) is searched only in the lines that hold one
    /// of them: one pass of the prefilter finds them all. The others: a short text is searched
    /// line by line; in a longer one (`whole_text`) each detector that can ([`WholeText`])
    /// searches the whole text once and its matches are sorted into lines, which is far cheaper
    /// than one search per line. The answer is the same: such a detector has a match inside a
    /// line exactly when the whole-text search yields one inside it, unless a match that runs
    /// over a line's edge hid it, so the lines such a match touches are searched again on their
    /// own.
    fn line_hits(&self, text: &str, lines: &[(usize, &str)], whole_text: bool) -> LineHits {
        let mut hits = LineHits {
            groups: vec![vec![false; self.roles.len()]; lines.len()],
            patterns: vec![Vec::new(); lines.len()],
        };
        let at_line_breaks = lines
            .iter()
            .rev()
            .skip(1)
            .all(|&line| ends_at_break(text, line));
        let candidates = self.prefilter.candidate_lines(text, lines);
        let all = self
            .detectors
            .iter()
            .enumerate()
            .flat_map(|(group, detectors)| detectors.iter().map(move |d| (group, d)));
        for (i, (group, Detector { regex, reach, .. })) in all.enumerate() {
            // Each of a question's patterns that matches is kept, for its span; of the other
            // groups, only whether one matched.
            let each = self.exact[i].is_some();
            let search = |hits: &mut LineHits, line: usize| {
                if (each || !hits.groups[line][group]) && regex.is_match(lines[line].1) {
                    hits.mark(line, group, each.then_some(i));
                }
            };
            if self.prefilter.has_words(i) {
                for &line in &candidates[i] {
                    search(&mut hits, line);
                }
                continue;
            }
            let searches_whole_text = whole_text
                && match reach {
                    WholeText::Always => true,
                    WholeText::AtLineBreaks => at_line_breaks,
                    WholeText::Never => false,
                };
            if !searches_whole_text {
                for line in 0..lines.len() {
                    search(&mut hits, line);
                }
                continue;
            }
            for m in regex.find_iter(text) {
                let first = line_at(lines, m.start());
                let (offset, line) = lines[first];
                if m.end() <= offset + line.len() {
                    hits.mark(first, group, each.then_some(i));
                    continue;
                }
                for line in (first..lines.len()).take_while(|&line| lines[line].0 < m.end()) {
                    search(&mut hits, line);
                }
            }
        }
        hits
    }

    /// The leftmost match at or after `from` in `segment` of the question's patterns that
    /// matched in it (`patterns`, as [`LineHits::patterns`]); of two at one place, the earlier
    /// pattern's, as one alternation of them all would find.
    fn first_match(
        &self,
        question: usize,
        patterns: &[usize],
        segment: &str,
        from: usize,
    ) -> Option<(usize, usize)> {
        patterns
            .iter()
            .filter_map(|&i| match &self.exact[i] {
                Some((q, lazy)) if *q == question => lazy.get(),
                _ => None,
            })
            .filter_map(|regex| regex.find_at(segment, from).filter(|m| !m.is_empty()))
            .map(|m| (m.start(), m.end()))
            .min_by_key(|&(start, _)| start)
    }

    /// Analyses `text` and scores what it indicates.
    ///
    /// # Errors
    /// [`AnalyzeError::TooLong`] above [`MAX_TEXT_BYTES`].
    pub fn analyze(&self, text: &str) -> Result<Analysis, AnalyzeError> {
        let Scan {
            findings,
            about_the_scam,
            refused,
        } = self.scan(text)?;
        let answers: Answers = findings
            .iter()
            .map(|f| (f.question.clone(), Answer::Yes))
            .collect();
        let verdict = evaluate(&self.rules, &answers);
        Ok(Analysis {
            findings,
            answers,
            verdict,
            about_the_scam,
            refused,
        })
    }
}

/// What matched in each line of a text.
#[derive(Debug, PartialEq, Eq)]
struct LineHits {
    /// For each line, which groups of detectors matched in it.
    groups: Vec<Vec<bool>>,
    /// For each line, which detectors of a question's pattern matched in it (by index in the
    /// list of all detectors, ascending).
    patterns: Vec<Vec<usize>>,
}

impl LineHits {
    /// Detector `pattern` (if it is a question's, else only its group) matched in `line`.
    fn mark(&mut self, line: usize, group: usize, pattern: Option<usize>) {
        self.groups[line][group] = true;
        if let Some(pattern) = pattern {
            let patterns = &mut self.patterns[line];
            if let Err(at) = patterns.binary_search(&pattern) {
                patterns.insert(at, pattern);
            }
        }
    }
}

/// The index of the line (of [`segments`]) that byte `at` falls in.
fn line_at(lines: &[(usize, &str)], at: usize) -> usize {
    lines
        .partition_point(|&(offset, _)| offset <= at)
        .saturating_sub(1)
}

/// Whether a line (of [`segments`]) of `text` ends at a line break, not cut inside a sentence.
fn ends_at_break(text: &str, (offset, line): (usize, &str)) -> bool {
    text[offset + line.len()..].starts_with(['\n', '\r'])
}

/// The lines of `haystack` with their byte offsets, blank ones included, without their line
/// breaks (so that `$` matches at a line's end); a line longer than [`SEGMENT_BYTES`] is cut
/// after a sentence end (or, without one, at a character boundary).
fn segments(haystack: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = haystack;
    let mut offset = 0;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut cut = rest.find('\n').map_or(rest.len(), |at| at + 1);
        if cut > SEGMENT_BYTES {
            let mut limit = SEGMENT_BYTES;
            while !rest.is_char_boundary(limit) {
                limit -= 1;
            }
            cut = rest[..limit].rfind(['。', '!', '?']).map_or(limit, |at| {
                at + rest[at..].chars().next().map_or(1, char::len_utf8)
            });
            if cut == 0 {
                cut = rest.chars().next().map_or(1, char::len_utf8);
            }
        }
        let (segment, tail) = rest.split_at(cut);
        let at = offset;
        offset += cut;
        rest = tail;
        let segment = segment
            .strip_suffix('\n')
            .map_or(segment, |line| line.strip_suffix('\r').unwrap_or(line));
        Some((at, segment))
    })
}

/// The text as the patterns see it: full-width ASCII and the ideographic space made half-width,
/// English letters in lowercase, and spaces between two Chinese characters removed ("征 信"
/// reads as "征信"). Keeps a map back to the original byte offsets, built only when a change
/// moved them.
struct Normalized<'a> {
    text: Cow<'a, str>,
    /// For each byte of the normalised text, the byte in the original it came from (for a
    /// folded character, the start of the original character).
    origin: Vec<u32>,
    original: &'a str,
}

impl<'a> Normalized<'a> {
    fn new(original: &'a str) -> Self {
        let mut changes_length = false;
        let mut changes_case = false;
        let mut previous: Option<char> = None;
        for (at, c) in original.char_indices() {
            changes_case |= c.is_ascii_uppercase();
            // A traditional character keeps its length but still needs the folded copy.
            changes_length |= fold(c)
                .is_some_and(|f| f.len_utf8() != c.len_utf8() || !c.is_ascii())
                || (c.is_whitespace()
                    && previous.is_some_and(is_han)
                    && joins_chinese(&original[at..]));
            if changes_length {
                break;
            }
            if !c.is_whitespace() {
                previous = Some(c);
            }
        }
        if !changes_length {
            // Same bytes at the same offsets: no map back is needed.
            return Normalized {
                text: if changes_case {
                    Cow::Owned(original.to_ascii_lowercase())
                } else {
                    Cow::Borrowed(original)
                },
                origin: Vec::new(),
                original,
            };
        }
        let mut text = String::with_capacity(original.len());
        let mut origin: Vec<u32> = Vec::with_capacity(original.len());
        // Offsets fit in u32: the input is capped at 1 MiB.
        let offset = |at: usize| u32::try_from(at).unwrap_or(u32::MAX);
        // Characters that stay as they are are copied a run at a time.
        let mut run_start = 0;
        let flush = |text: &mut String, origin: &mut Vec<u32>, from: usize, to: usize| {
            text.push_str(&original[from..to]);
            origin.extend(offset(from)..offset(to));
        };
        let mut chars = original.char_indices().peekable();
        let mut last_kept: Option<char> = None;
        while let Some((at, c)) = chars.next() {
            if c.is_whitespace() && last_kept.is_some_and(is_han) {
                // Drop a run of spaces that sits between two Chinese characters.
                if joins_chinese(&original[at..]) {
                    flush(&mut text, &mut origin, run_start, at);
                    while chars.peek().is_some_and(|(_, n)| n.is_whitespace()) {
                        chars.next();
                    }
                    run_start = chars.peek().map_or(original.len(), |(next, _)| *next);
                    continue;
                }
            }
            if let Some(out) = fold(c) {
                flush(&mut text, &mut origin, run_start, at);
                let before = text.len();
                text.push(out);
                origin.extend(std::iter::repeat_n(offset(at), text.len() - before));
                run_start = at + c.len_utf8();
                last_kept = Some(out);
            } else {
                last_kept = Some(c);
            }
        }
        flush(&mut text, &mut origin, run_start, original.len());
        Normalized {
            text: Cow::Owned(text),
            origin,
            original,
        }
    }

    fn text(&self) -> &str {
        &self.text
    }

    /// Maps a span of the normalised text back to the original.
    fn original_span(&self, start: usize, end: usize) -> (usize, usize) {
        if self.origin.is_empty() {
            return (start, end);
        }
        let at = |i: usize| {
            self.origin
                .get(i)
                .map_or(self.original.len(), |&o| o as usize)
        };
        let start_orig = at(start);
        // `end` is just past the match: step over the original character its last byte came
        // from (a full-width character gave one byte, a copied one each of its own).
        let end_orig = match end.checked_sub(1).map(at) {
            Some(last) => {
                let mut past = (last + 1).min(self.original.len());
                while !self.original.is_char_boundary(past) {
                    past += 1;
                }
                past
            }
            None => start_orig,
        };
        (start_orig, end_orig.max(start_orig))
    }
}

/// What a character reads as to the patterns: full-width forms and the ideographic space as
/// their ASCII counterparts, English letters in lowercase. `None` when it stays as it is.
fn fold(c: char) -> Option<char> {
    let c = match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0)?,
        c if c.is_ascii_uppercase() => return Some(c.to_ascii_lowercase()),
        c if c >= '\u{4E00}' => {
            return TRADITIONAL
                .binary_search_by_key(&c, |&(traditional, _)| traditional)
                .ok()
                .map(|at| TRADITIONAL[at].1);
        }
        _ => return None,
    };
    Some(c.to_ascii_lowercase())
}

/// Traditional characters (Hong Kong, Taiwan) read as their simplified forms, so the patterns,
/// written in simplified Chinese, also find "請把驗證碼告訴我". The characters of the scam's
/// vocabulary, not a full conversion table; sorted, for a binary search. Each pair has the same
/// UTF-8 length, so offsets into the text do not move.
const TRADITIONAL: &[(char, char)] = &[
    ('丟', '丢'),
    ('來', '来'),
    ('係', '系'),
    ('倆', '俩'),
    ('倉', '仓'),
    ('個', '个'),
    ('們', '们'),
    ('偽', '伪'),
    ('傑', '杰'),
    ('備', '备'),
    ('傳', '传'),
    ('債', '债'),
    ('傷', '伤'),
    ('僅', '仅'),
    ('價', '价'),
    ('儀', '仪'),
    ('億', '亿'),
    ('償', '偿'),
    ('優', '优'),
    ('儲', '储'),
    ('兇', '凶'),
    ('兌', '兑'),
    ('兒', '儿'),
    ('兩', '两'),
    ('冊', '册'),
    ('冪', '幂'),
    ('凍', '冻'),
    ('凱', '凯'),
    ('則', '则'),
    ('劃', '划'),
    ('劇', '剧'),
    ('劍', '剑'),
    ('劑', '剂'),
    ('勁', '劲'),
    ('動', '动'),
    ('務', '务'),
    ('勝', '胜'),
    ('勞', '劳'),
    ('勢', '势'),
    ('勵', '励'),
    ('匯', '汇'),
    ('區', '区'),
    ('協', '协'),
    ('卻', '却'),
    ('厭', '厌'),
    ('參', '参'),
    ('員', '员'),
    ('問', '问'),
    ('啓', '启'),
    ('啟', '启'),
    ('喚', '唤'),
    ('單', '单'),
    ('嗎', '吗'),
    ('嘆', '叹'),
    ('嘗', '尝'),
    ('噹', '当'),
    ('嚇', '吓'),
    ('嚕', '噜'),
    ('嚴', '严'),
    ('囉', '啰'),
    ('囑', '嘱'),
    ('圍', '围'),
    ('園', '园'),
    ('圓', '圆'),
    ('圖', '图'),
    ('團', '团'),
    ('堅', '坚'),
    ('報', '报'),
    ('場', '场'),
    ('塊', '块'),
    ('壓', '压'),
    ('壞', '坏'),
    ('壯', '壮'),
    ('壽', '寿'),
    ('夠', '够'),
    ('夥', '伙'),
    ('夾', '夹'),
    ('奪', '夺'),
    ('奮', '奋'),
    ('妝', '妆'),
    ('妳', '你'),
    ('婁', '娄'),
    ('婦', '妇'),
    ('媽', '妈'),
    ('嬰', '婴'),
    ('孫', '孙'),
    ('學', '学'),
    ('實', '实'),
    ('寧', '宁'),
    ('審', '审'),
    ('寫', '写'),
    ('寵', '宠'),
    ('寶', '宝'),
    ('將', '将'),
    ('專', '专'),
    ('尋', '寻'),
    ('對', '对'),
    ('導', '导'),
    ('層', '层'),
    ('屬', '属'),
    ('島', '岛'),
    ('嶺', '岭'),
    ('帥', '帅'),
    ('師', '师'),
    ('帳', '账'),
    ('幣', '币'),
    ('幫', '帮'),
    ('幾', '几'),
    ('庫', '库'),
    ('廠', '厂'),
    ('廣', '广'),
    ('廳', '厅'),
    ('張', '张'),
    ('彈', '弹'),
    ('彎', '弯'),
    ('後', '后'),
    ('從', '从'),
    ('復', '复'),
    ('徵', '征'),
    ('恆', '恒'),
    ('悅', '悦'),
    ('悶', '闷'),
    ('惡', '恶'),
    ('惱', '恼'),
    ('愛', '爱'),
    ('態', '态'),
    ('慣', '惯'),
    ('慮', '虑'),
    ('慶', '庆'),
    ('憂', '忧'),
    ('憑', '凭'),
    ('憶', '忆'),
    ('應', '应'),
    ('懲', '惩'),
    ('懷', '怀'),
    ('戀', '恋'),
    ('戰', '战'),
    ('戲', '戏'),
    ('戶', '户'),
    ('捲', '卷'),
    ('掃', '扫'),
    ('採', '采'),
    ('換', '换'),
    ('損', '损'),
    ('搶', '抢'),
    ('擁', '拥'),
    ('擇', '择'),
    ('擊', '击'),
    ('擔', '担'),
    ('據', '据'),
    ('擠', '挤'),
    ('擬', '拟'),
    ('擴', '扩'),
    ('擺', '摆'),
    ('擾', '扰'),
    ('攔', '拦'),
    ('攜', '携'),
    ('攝', '摄'),
    ('敘', '叙'),
    ('敵', '敌'),
    ('數', '数'),
    ('斷', '断'),
    ('於', '于'),
    ('時', '时'),
    ('晉', '晋'),
    ('晝', '昼'),
    ('暫', '暂'),
    ('曆', '历'),
    ('書', '书'),
    ('會', '会'),
    ('東', '东'),
    ('條', '条'),
    ('業', '业'),
    ('極', '极'),
    ('構', '构'),
    ('槍', '枪'),
    ('樂', '乐'),
    ('樓', '楼'),
    ('標', '标'),
    ('樣', '样'),
    ('樹', '树'),
    ('橋', '桥'),
    ('機', '机'),
    ('檔', '档'),
    ('檢', '检'),
    ('欄', '栏'),
    ('權', '权'),
    ('歡', '欢'),
    ('歲', '岁'),
    ('歷', '历'),
    ('歸', '归'),
    ('殘', '残'),
    ('殺', '杀'),
    ('氣', '气'),
    ('決', '决'),
    ('沒', '没'),
    ('測', '测'),
    ('湯', '汤'),
    ('準', '准'),
    ('溝', '沟'),
    ('滅', '灭'),
    ('滯', '滞'),
    ('滿', '满'),
    ('漁', '渔'),
    ('漢', '汉'),
    ('潔', '洁'),
    ('澤', '泽'),
    ('濕', '湿'),
    ('灣', '湾'),
    ('災', '灾'),
    ('為', '为'),
    ('無', '无'),
    ('煙', '烟'),
    ('煩', '烦'),
    ('熱', '热'),
    ('燈', '灯'),
    ('營', '营'),
    ('爭', '争'),
    ('爺', '爷'),
    ('爾', '尔'),
    ('牆', '墙'),
    ('獎', '奖'),
    ('獨', '独'),
    ('獲', '获'),
    ('獸', '兽'),
    ('現', '现'),
    ('環', '环'),
    ('產', '产'),
    ('畢', '毕'),
    ('畫', '画'),
    ('異', '异'),
    ('當', '当'),
    ('療', '疗'),
    ('發', '发'),
    ('盜', '盗'),
    ('盡', '尽'),
    ('監', '监'),
    ('盤', '盘'),
    ('眾', '众'),
    ('睜', '睁'),
    ('矯', '矫'),
    ('確', '确'),
    ('碼', '码'),
    ('礎', '础'),
    ('禍', '祸'),
    ('禮', '礼'),
    ('稅', '税'),
    ('種', '种'),
    ('稱', '称'),
    ('穀', '谷'),
    ('積', '积'),
    ('穩', '稳'),
    ('窮', '穷'),
    ('竊', '窃'),
    ('競', '竞'),
    ('筆', '笔'),
    ('節', '节'),
    ('範', '范'),
    ('築', '筑'),
    ('簡', '简'),
    ('簽', '签'),
    ('籃', '篮'),
    ('紀', '纪'),
    ('約', '约'),
    ('紅', '红'),
    ('納', '纳'),
    ('紙', '纸'),
    ('級', '级'),
    ('紛', '纷'),
    ('細', '细'),
    ('紹', '绍'),
    ('終', '终'),
    ('組', '组'),
    ('結', '结'),
    ('絕', '绝'),
    ('絡', '络'),
    ('給', '给'),
    ('統', '统'),
    ('絲', '丝'),
    ('經', '经'),
    ('綠', '绿'),
    ('綫', '线'),
    ('維', '维'),
    ('網', '网'),
    ('緊', '紧'),
    ('線', '线'),
    ('緝', '缉'),
    ('緣', '缘'),
    ('編', '编'),
    ('練', '练'),
    ('縣', '县'),
    ('總', '总'),
    ('績', '绩'),
    ('織', '织'),
    ('繩', '绳'),
    ('繫', '系'),
    ('繳', '缴'),
    ('繼', '继'),
    ('續', '续'),
    ('罰', '罚'),
    ('罷', '罢'),
    ('習', '习'),
    ('聖', '圣'),
    ('聞', '闻'),
    ('聯', '联'),
    ('聰', '聪'),
    ('聲', '声'),
    ('職', '职'),
    ('聽', '听'),
    ('肅', '肃'),
    ('脅', '胁'),
    ('脫', '脱'),
    ('腦', '脑'),
    ('腳', '脚'),
    ('膠', '胶'),
    ('臉', '脸'),
    ('臨', '临'),
    ('臺', '台'),
    ('與', '与'),
    ('興', '兴'),
    ('舉', '举'),
    ('舊', '旧'),
    ('艙', '舱'),
    ('莊', '庄'),
    ('華', '华'),
    ('萬', '万'),
    ('葉', '叶'),
    ('著', '着'),
    ('薦', '荐'),
    ('藝', '艺'),
    ('藥', '药'),
    ('蘇', '苏'),
    ('蘋', '苹'),
    ('處', '处'),
    ('號', '号'),
    ('蟲', '虫'),
    ('衆', '众'),
    ('術', '术'),
    ('衛', '卫'),
    ('衝', '冲'),
    ('裏', '里'),
    ('補', '补'),
    ('裝', '装'),
    ('裡', '里'),
    ('製', '制'),
    ('複', '复'),
    ('褲', '裤'),
    ('襪', '袜'),
    ('見', '见'),
    ('規', '规'),
    ('視', '视'),
    ('親', '亲'),
    ('覺', '觉'),
    ('觀', '观'),
    ('觸', '触'),
    ('訂', '订'),
    ('計', '计'),
    ('訊', '讯'),
    ('討', '讨'),
    ('訓', '训'),
    ('託', '托'),
    ('記', '记'),
    ('訪', '访'),
    ('設', '设'),
    ('許', '许'),
    ('訴', '诉'),
    ('診', '诊'),
    ('註', '注'),
    ('詐', '诈'),
    ('詞', '词'),
    ('詢', '询'),
    ('試', '试'),
    ('詭', '诡'),
    ('話', '话'),
    ('該', '该'),
    ('詳', '详'),
    ('認', '认'),
    ('誘', '诱'),
    ('誠', '诚'),
    ('誤', '误'),
    ('說', '说'),
    ('説', '说'),
    ('課', '课'),
    ('調', '调'),
    ('談', '谈'),
    ('請', '请'),
    ('論', '论'),
    ('諮', '咨'),
    ('諾', '诺'),
    ('謀', '谋'),
    ('謝', '谢'),
    ('證', '证'),
    ('識', '识'),
    ('譯', '译'),
    ('議', '议'),
    ('護', '护'),
    ('讀', '读'),
    ('變', '变'),
    ('讓', '让'),
    ('貓', '猫'),
    ('貝', '贝'),
    ('負', '负'),
    ('財', '财'),
    ('貢', '贡'),
    ('貧', '贫'),
    ('貨', '货'),
    ('販', '贩'),
    ('責', '责'),
    ('貴', '贵'),
    ('買', '买'),
    ('貸', '贷'),
    ('費', '费'),
    ('貼', '贴'),
    ('賀', '贺'),
    ('資', '资'),
    ('賞', '赏'),
    ('賠', '赔'),
    ('賣', '卖'),
    ('質', '质'),
    ('賬', '账'),
    ('賴', '赖'),
    ('賺', '赚'),
    ('購', '购'),
    ('賽', '赛'),
    ('贈', '赠'),
    ('贏', '赢'),
    ('趕', '赶'),
    ('趙', '赵'),
    ('蹤', '踪'),
    ('躍', '跃'),
    ('車', '车'),
    ('軌', '轨'),
    ('軍', '军'),
    ('軟', '软'),
    ('較', '较'),
    ('載', '载'),
    ('輕', '轻'),
    ('輛', '辆'),
    ('輪', '轮'),
    ('輸', '输'),
    ('轉', '转'),
    ('辦', '办'),
    ('辭', '辞'),
    ('農', '农'),
    ('迴', '回'),
    ('這', '这'),
    ('連', '连'),
    ('週', '周'),
    ('進', '进'),
    ('遊', '游'),
    ('運', '运'),
    ('過', '过'),
    ('達', '达'),
    ('違', '违'),
    ('遙', '遥'),
    ('遞', '递'),
    ('遠', '远'),
    ('適', '适'),
    ('遲', '迟'),
    ('選', '选'),
    ('遺', '遗'),
    ('還', '还'),
    ('邊', '边'),
    ('郵', '邮'),
    ('鄉', '乡'),
    ('鄰', '邻'),
    ('醜', '丑'),
    ('醫', '医'),
    ('釋', '释'),
    ('釐', '厘'),
    ('釘', '钉'),
    ('針', '针'),
    ('鈔', '钞'),
    ('銀', '银'),
    ('銷', '销'),
    ('鋪', '铺'),
    ('鋼', '钢'),
    ('錄', '录'),
    ('錢', '钱'),
    ('錦', '锦'),
    ('錯', '错'),
    ('錶', '表'),
    ('鍵', '键'),
    ('鎖', '锁'),
    ('鏈', '链'),
    ('鏡', '镜'),
    ('鐘', '钟'),
    ('鐵', '铁'),
    ('鑰', '钥'),
    ('長', '长'),
    ('門', '门'),
    ('閃', '闪'),
    ('閉', '闭'),
    ('開', '开'),
    ('間', '间'),
    ('閱', '阅'),
    ('關', '关'),
    ('陣', '阵'),
    ('陰', '阴'),
    ('陳', '陈'),
    ('陸', '陆'),
    ('陽', '阳'),
    ('隊', '队'),
    ('階', '阶'),
    ('際', '际'),
    ('隨', '随'),
    ('險', '险'),
    ('隱', '隐'),
    ('隻', '只'),
    ('雖', '虽'),
    ('雙', '双'),
    ('雜', '杂'),
    ('雞', '鸡'),
    ('離', '离'),
    ('難', '难'),
    ('雲', '云'),
    ('電', '电'),
    ('靈', '灵'),
    ('靜', '静'),
    ('韋', '韦'),
    ('韓', '韩'),
    ('響', '响'),
    ('頁', '页'),
    ('項', '项'),
    ('順', '顺'),
    ('須', '须'),
    ('預', '预'),
    ('頓', '顿'),
    ('領', '领'),
    ('頭', '头'),
    ('頸', '颈'),
    ('頻', '频'),
    ('題', '题'),
    ('額', '额'),
    ('顏', '颜'),
    ('願', '愿'),
    ('類', '类'),
    ('顧', '顾'),
    ('顯', '显'),
    ('風', '风'),
    ('飛', '飞'),
    ('飯', '饭'),
    ('飲', '饮'),
    ('飽', '饱'),
    ('餅', '饼'),
    ('養', '养'),
    ('餓', '饿'),
    ('餘', '余'),
    ('館', '馆'),
    ('餵', '喂'),
    ('饞', '馋'),
    ('馬', '马'),
    ('駕', '驾'),
    ('騎', '骑'),
    ('騙', '骗'),
    ('騰', '腾'),
    ('騷', '骚'),
    ('驗', '验'),
    ('驚', '惊'),
    ('骯', '肮'),
    ('體', '体'),
    ('髮', '发'),
    ('鬆', '松'),
    ('鬍', '胡'),
    ('鬥', '斗'),
    ('鬧', '闹'),
    ('鬱', '郁'),
    ('魚', '鱼'),
    ('魯', '鲁'),
    ('鮮', '鲜'),
    ('鳥', '鸟'),
    ('鳳', '凤'),
    ('鳴', '鸣'),
    ('鴨', '鸭'),
    ('鵝', '鹅'),
    ('鹽', '盐'),
    ('麗', '丽'),
    ('麥', '麦'),
    ('麵', '面'),
    ('麼', '么'),
    ('麽', '么'),
    ('黃', '黄'),
    ('點', '点'),
    ('黨', '党'),
    ('齊', '齐'),
    ('齒', '齿'),
    ('齡', '龄'),
    ('龍', '龙'),
    ('龜', '龟'),
];

/// The clause of `line` around `start..end`: from just after the previous sentence or clause
/// mark to just before the next one, without surrounding spaces.
fn clause(line: &str, start: usize, end: usize) -> (usize, usize) {
    let from = line[..start]
        .char_indices()
        .rev()
        .find(|&(_, c)| is_clause_mark(c))
        .map_or(0, |(at, c)| at + c.len_utf8());
    // The end stops at a Chinese full stop too, so a quote is at most one sentence. The start
    // looks back past one to the last comma or colon: a notice often names the scam only in
    // its last sentence ("抖音官方提醒：…这类业务。任何…的来电都是诈骗").
    let to = line[end..]
        .find(|c| is_clause_mark(c) || c == '。')
        .map_or(line.len(), |at| end + at);
    let piece = &line[from..to];
    let lead = piece.len() - piece.trim_start().len();
    (from + lead, from + piece.trim_end().len())
}

/// Whether `c` ends a clause (in the normalised text: full-width marks are half-width already).
fn is_clause_mark(c: char) -> bool {
    ",.!?;:\n…".contains(c)
}

/// Whether the run of whitespace that `rest` starts with, after a Chinese character, is
/// dropped: when a Chinese character follows, and the run does not end one turn of a pasted
/// call before the next ("客服：", "我:"). A line break inside one message (an SMS wrapped
/// over lines) is dropped like a space, so the message is read as one line.
fn joins_chinese(rest: &str) -> bool {
    let next = rest.trim_start();
    let run = &rest[..rest.len() - next.len()];
    next.chars().next().is_some_and(is_han)
        && !(run.contains(['\n', '\r', '\u{2028}', '\u{2029}']) && starts_turn(next))
}

/// Whether a line starts with a speaker's name and a colon: at most eight characters, none a
/// space or sentence punctuation, then `:` or `：`. A note of up to eight characters in
/// brackets does not count ("得物客服(App内)：").
fn starts_turn(line: &str) -> bool {
    let mut chars = line.chars();
    let mut name = 0;
    while let Some(c) = chars.next() {
        match c {
            ':' | '：' => return name > 0,
            '(' | '（' => {
                // At most eight characters up to the closing bracket.
                if !chars.by_ref().take(9).any(|c| c == ')' || c == '）') {
                    return false;
                }
            }
            c if c.is_whitespace() || "，。！？,.!?".contains(c) => return false,
            _ => name += 1,
        }
        if name > 8 {
            return false;
        }
    }
    false
}

/// The speaker's name a line starts with ("客服：", "Agent:"), without what follows it in
/// brackets ("Costco (Dana)", "得物客服(App内)").
fn speaker_of(line: &str) -> Option<&str> {
    let name = &line[..line.find([':', '：'])?];
    if name.chars().count() > 24
        || name.contains(['，', '。', '！', '？', ',', '.', '!', '?'])
        || name.split_whitespace().count() > 3
    {
        return None;
    }
    let name = name[..name.find(['(', '（']).unwrap_or(name.len())].trim();
    (!name.is_empty()).then_some(name)
}

/// Whether two speakers' names are one speaker's: the same, or one the end of the other
/// ("顺丰理赔专员" and "理赔专员", "京东客服" and "客服").
fn same_speaker(a: &str, b: &str) -> bool {
    a.ends_with(b) || b.ends_with(a)
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// A problem for each pattern that does not compile on its own.
fn uncompilable<'a>(patterns: impl Iterator<Item = &'a ExpandedPattern>) -> Vec<Issue> {
    patterns
        .filter_map(|p| {
            compile(&p.regex).err().map(|err| {
                Issue::new(
                    p.item.clone(),
                    vec![p.written.clone()],
                    says!(
                        "模式 `{}` 无法编译：{}",
                        "pattern `{}` does not compile: {}",
                        p.written,
                        one_line(&err.to_string())
                    ),
                )
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Searching a long text once per detector and sorting the matches into lines finds, line
    /// for line, what searching each line finds, and both what every detector finds searched in
    /// every line without the prefilter: on the dev corpus pasted as long texts, and run
    /// together without line breaks, so that lines are cut mid-sentence and matches run over
    /// the cuts.
    #[test]
    fn the_whole_text_search_finds_what_each_line_finds() -> Result<(), Box<dyn std::error::Error>>
    {
        let analyzer = Analyzer::new(Arc::new(RuleSet::embedded()?))?;
        let dev = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/corpus/dev.jsonl"
        ))?;
        let items = crate::corpus::parse("dev.jsonl", &dev)?;
        let texts: Vec<&str> = items.iter().map(|item| item.text.as_str()).collect();
        let pasted = texts.chunks(40).map(|chunk| chunk.join("\n"));
        let run_on = texts
            .chunks(40)
            .map(|chunk| chunk.join(" ").replace('\n', " "));
        let mut cut_lines = 0;
        let mut whole_lines = 0;
        let mut lines_with_hits = 0;
        for text in pasted.chain(run_on) {
            let normal = Normalized::new(&text);
            let lines: Vec<(usize, &str)> = segments(normal.text()).collect();
            let cut = lines
                .iter()
                .filter(|&&line| !ends_at_break(normal.text(), line))
                .count();
            cut_lines += cut;
            // Only the last line may lack a line break: the word-boundary detectors search the
            // whole text too.
            whole_lines += usize::from(cut <= 1);
            let each_line = analyzer.line_hits(normal.text(), &lines, false);
            let whole_text = analyzer.line_hits(normal.text(), &lines, true);
            assert_eq!(whole_text, each_line, "{text}");
            // Every detector searched in every line, no prefilter.
            let mut everywhere = LineHits {
                groups: vec![vec![false; analyzer.roles.len()]; lines.len()],
                patterns: vec![Vec::new(); lines.len()],
            };
            let all = analyzer
                .detectors
                .iter()
                .enumerate()
                .flat_map(|(group, detectors)| detectors.iter().map(move |d| (group, d)));
            for (i, (group, detector)) in all.enumerate() {
                for (line, (_, text)) in lines.iter().enumerate() {
                    if detector.regex.is_match(text) {
                        let pattern = analyzer.exact[i].is_some().then_some(i);
                        everywhere.mark(line, group, pattern);
                    }
                }
            }
            assert_eq!(each_line, everywhere, "{text}");
            lines_with_hits += each_line
                .groups
                .iter()
                .filter(|hits| hits.contains(&true))
                .count();
        }
        assert!(cut_lines > 100, "{cut_lines} lines were cut mid-sentence");
        assert!(
            whole_lines > 50,
            "{whole_lines} texts were cut only at line breaks"
        );
        assert!(
            lines_with_hits > 1000,
            "{lines_with_hits} lines had a match"
        );
        Ok(())
    }

    #[test]
    fn a_turn_starts_with_a_short_name_and_a_colon() {
        for line in [
            "客服：您好",
            "我:好的",
            "得物客服(App内):您好",
            "Agent: hi",
            "顺丰理赔专员：您好",
        ] {
            assert!(starts_turn(line), "{line}");
        }
        for line in [
            "您好，请问是张女士吗：",
            "注意，客服：",
            "这是一个很长很长的名字：",
            "客服(这是一段很长很长的备注):",
            ":开头",
            "Note that: this",
        ] {
            assert!(!starts_turn(line), "{line}");
        }
    }

    #[test]
    fn a_speaker_is_named_without_the_note_in_brackets() {
        assert_eq!(speaker_of("Costco (Dana): Done."), Some("Costco"));
        assert_eq!(speaker_of("得物客服（App内）：您好"), Some("得物客服"));
        assert_eq!(speaker_of("Amazon chat: Sure."), Some("Amazon chat"));
        assert_eq!(speaker_of("Hi, it's me: Dan"), None);
        assert_eq!(speaker_of("No name here"), None);
        assert!(same_speaker("顺丰理赔专员", "理赔专员"));
        assert!(same_speaker("Agent", "Agent"));
        assert!(!same_speaker("Me", "Member"));
        assert!(!same_speaker("客服", "我"));
    }
}
