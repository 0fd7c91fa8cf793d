//! "What are they saying?": type or paste the caller's words or an SMS, see the phrases that
//! match the scam highlighted in the text, and record each as an answer with one click.
//! Plus the caller's number, classified by the rules. Nothing here changes an answer unless
//! the person presses the button for it.

use std::ops::RangeInclusive;

use eframe::egui::{self, FontId, RichText, Stroke, TextFormat, Ui, text::LayoutJob};

use super::command::{CheckCommand, Command, Go};
use super::widgets::{self, Kind};
use super::{View, theme};
use crate::analyze::{Analysis, AnalyzeError, Analyzer, Highlight, highlights};
use crate::answers::Answer;
use crate::engine::Verdict;
use crate::level::Level;
use crate::number::{NumberClass, classify};
use crate::rules::{LoadError, Severity};
use crate::strings::Strings;
use crate::strings::fill;

/// The text box keeps at most this many characters (about 60 KiB of Chinese): enough for any
/// message, small enough that typing and layout stay instant. A longer paste is cut, and the
/// screen says so.
pub const TEXT_LIMIT_CHARS: usize = 20_000;

/// Why the text could not be checked.
#[derive(Debug)]
pub enum ListenError {
    /// The text itself (too long to analyse).
    Text(AnalyzeError),
    /// The rules' patterns could not be compiled.
    Rules(LoadError),
}

impl ListenError {
    /// What to tell the person, in the interface's language.
    fn message(&self, s: &Strings) -> &'static str {
        match self {
            ListenError::Text(_) => s.listen_too_long,
            ListenError::Rules(_) => s.listen_rules_broken,
        }
    }
}

/// The text and number being checked, and the analysis of the text as it is now.
#[derive(Default)]
pub struct Listen {
    /// What the person typed or pasted (edited in place by the text box).
    text: String,
    /// The caller's number as typed.
    pub number: String,
    analysis: Option<Analysis>,
    highlights: Vec<Highlight>,
    /// The text changed since the last analysis: analyse at the end of the frame.
    stale: bool,
    /// The analysed text filled the box to its limit, so a longer paste was cut.
    cut: bool,
    /// Length of the text the highlights were computed for.
    analyzed_len: usize,
    error: Option<ListenError>,
    /// Put the cursor in the text box on the next frame (the screen was just opened).
    focus_pending: bool,
}

impl Listen {
    /// The text being checked.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Replaces the text and analyses it.
    pub fn set_text(&mut self, analyzer: &Analyzer, text: &str) {
        self.text = text.chars().take(TEXT_LIMIT_CHARS).collect();
        self.stale = true;
        self.reanalyze(analyzer);
    }

    /// Analyses the text if it changed since the last analysis; nothing to do otherwise, so
    /// it costs nothing on frames where nobody types.
    /// Returns whether it ran, so the caller can show the new highlights at once.
    pub fn reanalyze(&mut self, analyzer: &Analyzer) -> bool {
        if !std::mem::take(&mut self.stale) {
            return false;
        }
        self.analyzed_len = self.text.len();
        self.cut = self.text.chars().count() >= TEXT_LIMIT_CHARS;
        match analyzer.analyze(&self.text) {
            Ok(analysis) => {
                self.highlights = highlights(analyzer.rules(), &analysis.findings);
                self.analysis = Some(analysis);
                self.error = None;
            }
            Err(err) => {
                self.analysis = None;
                self.highlights.clear();
                self.error = Some(ListenError::Text(err));
            }
        }
        true
    }

    /// Whether the text changed since it was last analysed.
    pub fn is_stale(&self) -> bool {
        self.stale
    }

    /// Asks for the cursor to be put in the text box, so typing can start at once.
    pub fn focus_text(&mut self) {
        self.focus_pending = true;
    }

    /// Shows why the text cannot be checked: the rules' patterns did not compile.
    pub fn set_error(&mut self, err: LoadError) {
        self.error = Some(ListenError::Rules(err));
    }

    /// Forces the next [`Listen::reanalyze`] to run (after the text or the rules changed).
    pub fn invalidate(&mut self) {
        self.stale = true;
    }

    /// The analysis of the current text, once it has run.
    pub fn analysis(&self) -> Option<&Analysis> {
        self.analysis.as_ref()
    }

    /// True when the text reached the limit, so a longer paste was cut.
    pub fn was_cut(&self) -> bool {
        self.cut
    }

    /// Highlights valid for the current text (none while a new analysis is pending).
    fn current_highlights(&self) -> &[Highlight] {
        if self.stale { &[] } else { &self.highlights }
    }
}

/// Lays out the text with the matched phrases on a coloured background; critical ones are
/// also underlined, so colour is not the only signal.
fn highlighted_job(
    text: &str,
    marks: &[Highlight],
    font: &FontId,
    palette: &theme::Palette,
    wrap_width: f32,
) -> LayoutJob {
    let plain = TextFormat::simple(font.clone(), palette.text);
    let marked = |severity: Severity| TextFormat {
        background: if severity >= Severity::Critical {
            palette.critical_highlight
        } else {
            palette.highlight
        },
        underline: if severity >= Severity::Critical {
            Stroke::new(2.0, palette.text)
        } else {
            Stroke::NONE
        },
        ..TextFormat::simple(font.clone(), palette.text)
    };
    let mut job = LayoutJob::default();
    job.wrap.max_width = wrap_width;
    let mut at = 0;
    for mark in marks {
        let valid = mark.start >= at
            && mark.end <= text.len()
            && text.is_char_boundary(mark.start)
            && text.is_char_boundary(mark.end);
        if !valid {
            continue;
        }
        job.append(&text[at..mark.start], 0.0, plain.clone());
        job.append(&text[mark.start..mark.end], 0.0, marked(mark.severity));
        at = mark.end;
    }
    job.append(&text[at..], 0.0, plain);
    job
}

/// Wider than this, the text and what it means sit side by side; narrower, one above the other.
const SIDE_BY_SIDE: f32 = 900.0;

pub fn content_ui(ui: &mut Ui, view: &View<'_>, listen: &mut Listen, commands: &mut Vec<Command>) {
    let s = view.s;
    let p = &view.palette;

    widgets::heading(ui, s.listen_title, p.text);
    // The box the cursor is in comes first, so the person sees what they type at every size;
    // what the text suggests and the answers so far sit with the findings.
    if ui.available_width() >= SIDE_BY_SIDE {
        ui.columns(2, |columns| {
            let [left, right] = columns else {
                return;
            };
            // Columns lay out justified, which would stretch a wrapped label's words apart.
            let ragged = egui::Layout::top_down(egui::Align::Min);
            left.with_layout(ragged, |ui| {
                text_ui(ui, view, listen, TextBox::OwnColumn);
                number_ui(ui, view, &mut listen.number, commands);
            });
            right.with_layout(ragged, |ui| {
                meters_ui(ui, view, listen, false);
                findings_ui(ui, view, listen.analysis(), commands);
            });
        });
    } else {
        text_ui(ui, view, listen, TextBox::AboveTheMeter);
        meters_ui(ui, view, listen, true);
        number_ui(ui, view, &mut listen.number, commands);
        findings_ui(ui, view, listen.analysis(), commands);
    }
}

/// What the text suggests, apart from the answers given so far: the meter never reads "no red
/// flags" while findings are listed. `compact`: one line each, under the text box in a narrow
/// column.
fn meters_ui(ui: &mut Ui, view: &View<'_>, listen: &Listen, compact: bool) {
    let s = view.s;
    let p = &view.palette;
    let lang = view.lang;
    let meter = |ui: &mut Ui, heading: &str, verdict: &Verdict| {
        let name = verdict.level_name.get(lang);
        if compact {
            widgets::compact_meter(ui, p, heading, verdict.level, name);
        } else {
            widgets::labelled_meter(ui, p, s, heading, verdict.level, name);
        }
    };
    let suggested = listen.analysis().map(|a| &a.verdict);
    if let Some(verdict) = suggested.filter(|v| !v.flags.is_empty()) {
        meter(ui, s.listen_text_suggests, verdict);
    }
    meter(ui, s.listen_answers_so_far, view.check.verdict());
}

/// The critical findings not yet recorded as "yes".
fn unrecorded_critical<'a>(view: &View<'_>, analysis: Option<&'a Analysis>) -> Vec<&'a str> {
    analysis
        .map(Analysis::questions)
        .unwrap_or_default()
        .into_iter()
        .filter(|id| {
            view.rules
                .question(id)
                .is_some_and(|q| q.severity == Severity::Critical)
                && !view.check.answers().is_yes(id)
        })
        .collect()
}

/// Record every critical finding at once, and Back.
pub fn actions_ui(ui: &mut Ui, view: &View<'_>, listen: &Listen, commands: &mut Vec<Command>) {
    let s = view.s;
    let critical = unrecorded_critical(view, listen.analysis());
    let record_all = fill(s.listen_record_critical, &[("n", &critical.len())]);
    let mut buttons = Vec::new();
    if !critical.is_empty() {
        buttons.push((record_all.as_str(), Kind::Urgent));
    }
    buttons.push((s.listen_back, Kind::Normal));
    match widgets::button_row(ui, &view.palette, &buttons) {
        Some(0) if !critical.is_empty() => commands.push(Command::Check(CheckCommand::AnswerAll(
            critical.into_iter().map(str::to_owned).collect(),
        ))),
        Some(_) => commands.push(Command::Go(Go::LeaveListen)),
        None => {}
    }
}

/// Where the text box sits, which sets its height.
#[derive(Clone, Copy)]
enum TextBox {
    /// In a column of its own, beside the meters.
    OwnColumn,
    /// In one column with everything else (a narrow window, a large zoom): it leaves room
    /// below it for what the text suggests, so the verdict is in view without scrolling.
    AboveTheMeter,
}

/// The text box's height (points) in a column of its own; a long paste grows it to
/// [`TEXT_BOX_GROWS`] more, then scrolls inside it.
const TEXT_BOX_HEIGHT: f32 = 260.0;
const TEXT_BOX_GROWS: f32 = 100.0;
/// What the rest of the window takes in one column (points): the top bar, the heading, a prompt
/// of two lines, the two one-line meters under the box and the action bar.
const ONE_COLUMN_REST: f32 = 412.0;
/// The least height of the box: two lines (it scrolls inside).
const TEXT_BOX_LEAST: f32 = 56.0;

fn text_ui(ui: &mut Ui, view: &View<'_>, listen: &mut Listen, place: TextBox) {
    let s = view.s;
    let p = &view.palette;
    let label = ui.label(RichText::new(s.listen_prompt).strong());
    let height: RangeInclusive<f32> = match place {
        TextBox::OwnColumn => TEXT_BOX_HEIGHT..=TEXT_BOX_HEIGHT + TEXT_BOX_GROWS,
        TextBox::AboveTheMeter => {
            // From the window's height alone, which is right in the first frame after a
            // change of text size (the page's own room settles a frame later, with its panels,
            // and would keep the window repainting while the box follows it).
            let window = ui.ctx().content_rect().height();
            let height = (window - ONE_COLUMN_REST).clamp(TEXT_BOX_LEAST, TEXT_BOX_HEIGHT);
            height..=height
        }
    };
    let font = FontId::proportional(theme::BODY);
    let marks = listen.current_highlights().to_vec();
    let marked_len = listen.analyzed_len;
    let palette = *p;
    let mut layouter = |ui: &Ui, buffer: &dyn egui::TextBuffer, wrap_width: f32| {
        // In the frame of an edit the marks belong to the text before it: leave them out.
        let text = buffer.as_str();
        let marks = if text.len() == marked_len {
            &marks[..]
        } else {
            &[]
        };
        let job = highlighted_job(text, marks, &font, &palette, wrap_width);
        ui.fonts_mut(|fonts| fonts.layout_job(job))
    };
    // A long paste scrolls inside the box instead of stretching the page.
    egui::ScrollArea::vertical()
        .id_salt("listen_text_scroll")
        .min_scrolled_height(*height.start())
        .max_height(*height.end())
        .show(ui, |ui| {
            let edit = egui::TextEdit::multiline(&mut listen.text)
                .id_salt("listen_text")
                .hint_text(s.listen_hint)
                .desired_rows(6)
                .desired_width(f32::INFINITY)
                .char_limit(TEXT_LIMIT_CHARS)
                .layouter(&mut layouter)
                .show(ui);
            let response = (*edit.response).clone().labelled_by(label.id);
            if response.changed() {
                listen.invalidate();
            }
            if std::mem::take(&mut listen.focus_pending) {
                response.request_focus();
            }
        });
    if listen.was_cut() {
        ui.label(
            RichText::new(fill(s.listen_cut, &[("limit", &TEXT_LIMIT_CHARS)]))
                .strong()
                .color(p.level(Level::HighRisk)),
        );
    }
    if let Some(error) = &listen.error {
        ui.label(RichText::new(error.message(s)).color(p.level(Level::HangUp)));
    }
}

fn findings_ui(
    ui: &mut Ui,
    view: &View<'_>,
    analysis: Option<&Analysis>,
    commands: &mut Vec<Command>,
) {
    let s = view.s;
    let p = &view.palette;
    let lang = view.lang;
    widgets::heading(ui, s.listen_found, p.text);
    let mut questions = analysis.map(Analysis::questions).unwrap_or_default();
    // The most decisive first: a critical finding must not hide below the fold.
    questions.sort_by_key(|id| std::cmp::Reverse(view.rules.question(id).map(|q| q.severity)));
    // Why findings were dropped: a text about the scam, or a call the person ended.
    if let Some(a) = analysis {
        for (why, quote) in [
            (s.about_the_scam, &a.about_the_scam),
            (s.refused, &a.refused),
        ] {
            if let Some(quote) = quote {
                ui.label(RichText::new(format!("{why} “{}”", quote.text)).color(p.text));
            }
        }
    }
    if questions.is_empty() {
        ui.label(RichText::new(s.listen_nothing).color(p.weak_text));
        return;
    }
    let findings = analysis.map_or(&[][..], |a| a.findings.as_slice());
    for id in questions {
        let Some(q) = view.rules.question(id) else {
            continue;
        };
        egui::Frame::new()
            .stroke(Stroke::new(
                2.0,
                p.level(q.severity.yes_floor().max(Level::Careful)),
            ))
            .corner_radius(10)
            .inner_margin(10)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                widgets::text_row(ui, |ui| {
                    widgets::severity_tag(ui, p, q.severity, lang);
                    ui.label(RichText::new(q.short.get(lang)).strong());
                });
                let mut quotes: Vec<&str> = findings
                    .iter()
                    .filter(|f| f.question == id)
                    .map(|f| f.text.as_str())
                    .collect();
                quotes.dedup();
                let shown: Vec<String> = quotes.iter().take(3).map(|t| format!("“{t}”")).collect();
                ui.label(RichText::new(shown.join("  ")).color(p.weak_text));
                if view.check.answers().is_yes(id) {
                    ui.label(RichText::new(s.listen_recorded).strong());
                } else {
                    let response = widgets::big_button(ui, p, s.listen_yes, Kind::Primary, 420.0);
                    // Each button says which answer it records, for screen readers and tests.
                    let label = format!("{}: {}", s.listen_yes, q.short.get(lang));
                    response.widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::Button, true, label.clone())
                    });
                    if response.clicked() {
                        commands.push(Command::Check(CheckCommand::Answer(
                            id.to_owned(),
                            Answer::Yes,
                        )));
                    }
                }
            });
    }
}

fn number_ui(ui: &mut Ui, view: &View<'_>, number: &mut String, commands: &mut Vec<Command>) {
    let s = view.s;
    let p = &view.palette;
    let lang = view.lang;
    let label = ui.label(RichText::new(s.number_prompt).strong());
    let edit = ui.add(
        egui::TextEdit::singleline(number)
            .id_salt("caller_number")
            .hint_text("+852 2345 6789")
            .desired_width(f32::INFINITY)
            .char_limit(40),
    );
    edit.labelled_by(label.id);
    match classify(view.rules, number) {
        None => {}
        Some(NumberClass::NotANumber) => {
            ui.label(RichText::new(s.number_not_a_number).color(p.level(Level::Careful)));
        }
        Some(NumberClass::Unknown { normalized }) => {
            ui.label(RichText::new(format!("{normalized}: {}", s.number_unknown)));
            ui.label(RichText::new(s.number_spoofed).color(p.weak_text));
        }
        Some(NumberClass::Known { normalized, rule }) => {
            ui.label(
                RichText::new(format!("{normalized}: {}", rule.name.get(lang)))
                    .strong()
                    .size(theme::BODY + 2.0),
            );
            ui.label(rule.meaning.get(lang));
            ui.label(RichText::new(rule.not_meaning.get(lang)).color(p.weak_text));
            if let Some(q) = rule
                .indicates
                .as_deref()
                .and_then(|id| view.rules.question(id))
            {
                if view.check.answers().is_yes(&q.id) {
                    ui.label(RichText::new(s.listen_recorded).strong());
                } else {
                    let text = format!("{}: {}", s.listen_yes, q.short.get(lang));
                    if widgets::big_button(ui, p, &text, Kind::Normal, ui.available_width())
                        .clicked()
                    {
                        commands.push(Command::Check(CheckCommand::Answer(
                            q.id.clone(),
                            Answer::Yes,
                        )));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlighted_sections_cover_exactly_the_marked_bytes() {
        let text = "前言：不在5分钟内取消，会影响您的征信。后记";
        let start = text.find('不').unwrap_or(0);
        let end = text.find('。').unwrap_or(0);
        let marks = [Highlight {
            start,
            end,
            severity: Severity::Critical,
        }];
        let palette = theme::Palette::LIGHT;
        let job = highlighted_job(text, &marks, &FontId::proportional(20.0), &palette, 500.0);
        assert_eq!(job.text, text);
        let marked: Vec<_> = job
            .sections
            .iter()
            .filter(|s| s.format.background == palette.critical_highlight)
            .map(|s| s.byte_range.start.0..s.byte_range.end.0)
            .collect();
        assert_eq!(marked, vec![start..end]);
        assert!(
            job.sections
                .iter()
                .any(|s| s.format.underline != Stroke::NONE),
            "critical marks are underlined too"
        );
    }

    #[test]
    fn stale_or_broken_marks_are_skipped_never_sliced_mid_character() {
        let text = "征信";
        let marks = [
            Highlight {
                start: 1,
                end: 3,
                severity: Severity::High,
            },
            Highlight {
                start: 3,
                end: 99,
                severity: Severity::High,
            },
        ];
        let job = highlighted_job(
            text,
            &marks,
            &FontId::proportional(20.0),
            &theme::Palette::LIGHT,
            100.0,
        );
        assert_eq!(job.text, text);
    }

    #[test]
    fn a_long_paste_is_cut_to_the_limit_and_says_so() {
        let analyzer = match crate::rules::RuleSet::embedded()
            .and_then(|rules| Analyzer::new(std::sync::Arc::new(rules)))
        {
            Ok(a) => a,
            Err(err) => panic!("{err}"),
        };
        let mut listen = Listen::default();
        listen.set_text(&analyzer, &"征信".repeat(TEXT_LIMIT_CHARS));
        assert_eq!(listen.text.chars().count(), TEXT_LIMIT_CHARS);
        assert!(listen.was_cut());
        listen.set_text(&analyzer, "短信");
        assert!(!listen.was_cut());
    }
}
