//! A seeded UI monkey: thousands of random keys, clicks, texts, settings switches and rule
//! reloads across every screen, with the app's promises checked after each step.
//!
//! Reproduce a run with `SCAMCHECK_MONKEY_SEED=<n> cargo test --test monkey`; the seed in use is
//! printed at the start of each run, and a failure prints the steps that led to it (shortened
//! when a shorter sequence fails the same way).

mod common;

use common::MemoryStorage;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use eframe::egui::{self, Key, Modifiers, accesskit::Role};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use scamcheck::app::keymap::KEYMAP;
use scamcheck::app::{
    Command, DemoCommand, Go, QuizCommand, ResetCommand, ScamcheckApp, SettingsCommand,
};
use scamcheck::rules::Severity;
use scamcheck::strings::strings;
use scamcheck::{Answers, Lang, Level};

/// The slowest a single step (its frames included) may be in a debug build.
const STEP_BOUND: Duration = Duration::from_secs(2);

/// The slowest a 50 KB paste may be: the text is laid out and analysed in full (about 1.6 s
/// measured in a debug build with two runs in parallel).
const BIG_PASTE_BOUND: Duration = Duration::from_secs(5);

/// Steps per test function; four functions make the 5,000 steps of a run.
const STEPS: usize = 1_300;

/// How many replays a failure may spend looking for a shorter sequence.
const SHRINK_BUDGET: usize = 40;

/// splitmix64: small, fast, and the same sequence on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// `SCAMCHECK_MONKEY_SEED`, 0 when unset.
fn env_seed() -> u64 {
    match std::env::var("SCAMCHECK_MONKEY_SEED") {
        Ok(text) => match text.trim().parse::<u64>() {
            Ok(extra) => extra,
            Err(err) => panic!("SCAMCHECK_MONKEY_SEED must be a number: {text:?} ({err})"),
        },
        Err(_) => 0,
    }
}

/// The seed of one test function: its own `base` mixed with the environment's seed, so the
/// functions never replay each other's sequences.
fn seed(base: u64, extra: u64) -> u64 {
    base.wrapping_add(extra.wrapping_mul(0x9E37_79B9_7F4A_7C15))
}

/// Which rule file a reload uses.
#[derive(Clone, Copy, Debug)]
enum RuleFile {
    Good,
    Truncated,
    Garbage,
    Empty,
    InvalidUtf8,
    BadRegex,
    Missing,
    Folder,
    NoPath,
}

const RULE_FILES: &[RuleFile] = &[
    RuleFile::Good,
    RuleFile::Good,
    RuleFile::Truncated,
    RuleFile::Garbage,
    RuleFile::Empty,
    RuleFile::InvalidUtf8,
    RuleFile::BadRegex,
    RuleFile::Missing,
    RuleFile::Folder,
    RuleFile::NoPath,
];

/// The rule files written for one run.
struct Files {
    _dir: tempfile::TempDir,
    root: PathBuf,
    /// Where the incident report is saved when the monkey presses "Save".
    reports: String,
}

impl Files {
    fn new() -> Files {
        let dir = match tempfile::tempdir() {
            Ok(dir) => dir,
            Err(err) => panic!("a temporary folder: {err}"),
        };
        let root = dir.path().to_path_buf();
        let good = match std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("rules.ron"),
        ) {
            Ok(text) => text,
            Err(err) => panic!("the shipped rules.ron: {err}"),
        };
        let cut = good
            .char_indices()
            .nth(good.chars().count() / 2)
            .map_or(0, |(i, _)| i);
        // Unbalanced groups in the first raw strings, the patterns (the comments at the top of
        // rules.ron hold plain quotes, so a plain quote would not reach them).
        let bad_regex = good.replacen("r\"", "r\"(((", 40);
        let write = |name: &str, bytes: &[u8]| {
            if let Err(err) = std::fs::write(root.join(name), bytes) {
                panic!("writing {name}: {err}");
            }
        };
        write("good 规则.ron", good.as_bytes());
        write("truncated.ron", &good.as_bytes()[..cut]);
        write("garbage.ron", b"(((]]]{{ not ron at all \0\0 \xe2\x80\xae");
        write("empty.ron", b"");
        write("invalid.ron", &[0xff, 0xfe, 0x00, 0xc3, 0x28, b'(', b')']);
        write("bad_regex.ron", bad_regex.as_bytes());
        if let Err(err) = std::fs::create_dir_all(root.join("folder.ron")) {
            panic!("a folder: {err}");
        }
        let reports = root.join("reports");
        if let Err(err) = std::fs::create_dir_all(&reports) {
            panic!("a folder for reports: {err}");
        }
        Files {
            _dir: dir,
            reports: reports.display().to_string(),
            root,
        }
    }

    fn path(&self, which: RuleFile) -> String {
        let name = match which {
            RuleFile::Good => "good 规则.ron",
            RuleFile::Truncated => "truncated.ron",
            RuleFile::Garbage => "garbage.ron",
            RuleFile::Empty => "empty.ron",
            RuleFile::InvalidUtf8 => "invalid.ron",
            RuleFile::BadRegex => "bad_regex.ron",
            RuleFile::Missing => "missing.ron",
            RuleFile::Folder => "folder.ron",
            RuleFile::NoPath => return "   ".to_owned(),
        };
        self.root.join(name).display().to_string()
    }
}

/// One thing the monkey does.
#[derive(Clone, Debug)]
enum Step {
    /// A key, with Ctrl or not.
    Key(Key, bool),
    /// A click on the `nth` widget with this role and label.
    Click(Role, Option<String>, usize),
    /// Focus the `nth` text field with this label.
    Focus(Option<String>, usize),
    /// Typed text, into whatever has the cursor.
    Type(String),
    /// Pasted text, into whatever has the cursor.
    Paste(String),
    /// Language, zoom, contrast, fullscreen, menu.
    Settings(SettingsCommand),
    /// The window resized.
    Resize(f32, f32),
    /// A command a button or key would send: moving between screens, clearing for the next
    /// person.
    Send(Vec<Command>),
    /// Open the rules screen, put a path in its field and press the load button.
    LoadRules(RuleFile),
}

impl Step {
    fn describe(&self) -> String {
        let short = |text: &str| {
            if text.chars().count() > 40 {
                let head: String = text.chars().take(40).collect();
                format!("{head:?}… ({} bytes)", text.len())
            } else {
                format!("{text:?}")
            }
        };
        match self {
            Step::Type(text) => format!("type {}", short(text)),
            Step::Paste(text) => format!("paste {}", short(text)),
            other => format!("{other:?}"),
        }
    }
}

const PIECES: &[&str] = &[
    "hello",
    "Please share your screen",
    "download the meeting app",
    "your refund is ready, give me the code",
    "我是快递客服，您的包裹丢了",
    "请下载会议App开启屏幕共享",
    "把验证码告诉我",
    "您的信用会受影响，请先贷款",
    "双倍赔偿",
    "+852 2345 6789",
    "400-123-4567",
    "95188",
    "😀🙏💳📞",
    "👨‍👩‍👧",
    "\u{202E}evil\u{202C}",
    "\u{200B}\u{200C}\u{200D}\u{FEFF}",
    "\u{2066}isolate\u{2069}",
    "\n",
    "\t",
    " ",
    "é\u{301}",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "<script>alert(1)</script>",
    "{n} {origin} %s %d",
    "..\\..\\",
];

fn random_text(rng: &mut Rng) -> String {
    let mut text = String::new();
    for _ in 0..=rng.below(4) {
        text.push_str(rng.pick::<&str>(PIECES));
    }
    if rng.chance(4) {
        // A few random code points, surrogates and non-characters excluded by `from_u32`.
        for _ in 0..rng.below(8) {
            let c = char::from_u32((rng.next() % 0x3_0000) as u32).unwrap_or('\u{FFFD}');
            text.push(c);
        }
    }
    text
}

/// About 50 KB of mixed text.
fn big_text(rng: &mut Rng) -> String {
    let mut text = String::new();
    while text.len() < 50_000 {
        text.push_str(rng.pick::<&str>(PIECES));
    }
    text
}

const OTHER_KEYS: &[Key] = &[
    Key::Tab,
    Key::Space,
    Key::Enter,
    Key::Escape,
    Key::Backspace,
    Key::Delete,
    Key::ArrowUp,
    Key::ArrowDown,
    Key::ArrowLeft,
    Key::ArrowRight,
    Key::Home,
    Key::End,
    Key::PageUp,
    Key::PageDown,
    Key::A,
    Key::Z,
    Key::C,
    Key::V,
    Key::X,
    Key::F1,
    Key::F5,
    Key::F12,
    Key::Num0,
    Key::Num9,
];

const CLICKABLE: &[Role] = &[
    Role::Button,
    Role::CheckBox,
    Role::RadioButton,
    Role::Link,
    Role::ComboBox,
    Role::Tab,
    Role::MenuItem,
    Role::Switch,
];

const TEXT_FIELDS: &[Role] = &[Role::TextInput, Role::MultilineTextInput, Role::SearchInput];

/// The widgets on screen with these roles: role, label, and the index among its namesakes.
fn widgets(h: &Harness<'_, ScamcheckApp>, roles: &[Role]) -> Vec<(Role, Option<String>, usize)> {
    let mut found: Vec<(Role, Option<String>, usize)> = Vec::new();
    for node in h.query_all_by(|n| roles.contains(&n.role())) {
        let node = node.accesskit_node();
        let role = node.role();
        let label = node.label();
        let nth = found
            .iter()
            .filter(|(r, l, _)| *r == role && *l == label)
            .count();
        found.push((role, label, nth));
    }
    found
}

/// Chooses the next step from what is on screen.
fn choose(rng: &mut Rng, h: &Harness<'_, ScamcheckApp>) -> Step {
    match rng.below(100) {
        0..=29 => {
            let binding = rng.pick(KEYMAP);
            match binding.keys {
                [] => Step::Key(*rng.pick(OTHER_KEYS), false),
                keys => {
                    let shortcut = rng.pick(keys);
                    Step::Key(shortcut.key, shortcut.ctrl)
                }
            }
        }
        30..=39 => Step::Key(*rng.pick(OTHER_KEYS), rng.chance(6)),
        40..=64 => {
            let on_screen = widgets(h, CLICKABLE);
            if on_screen.is_empty() {
                return Step::Key(Key::Escape, false);
            }
            let (role, label, nth) = rng.pick(&on_screen).clone();
            Step::Click(role, label, nth)
        }
        65..=71 => {
            let fields = widgets(h, TEXT_FIELDS);
            if fields.is_empty() {
                return Step::Key(Key::L, false);
            }
            let (_, label, nth) = rng.pick(&fields).clone();
            Step::Focus(label, nth)
        }
        72..=79 => Step::Type(random_text(rng)),
        80..=86 => {
            if rng.chance(25) {
                Step::Paste(big_text(rng))
            } else {
                Step::Paste(random_text(rng))
            }
        }
        87..=93 => Step::Settings(match rng.below(7) {
            0 => SettingsCommand::Lang(Lang::En),
            1 => SettingsCommand::Lang(Lang::Zh),
            2 => SettingsCommand::Zoom(rng.below(7) as i8 - 3),
            3 => SettingsCommand::HighContrast(true),
            4 => SettingsCommand::HighContrast(false),
            5 => SettingsCommand::ToggleFullscreen,
            _ => SettingsCommand::ToggleMenu,
        }),
        94..=95 => {
            let sizes = [
                (1100.0, 900.0),
                (480.0, 640.0),
                (800.0, 600.0),
                (1600.0, 1000.0),
                (320.0, 400.0),
            ];
            let (w, h) = *rng.pick(&sizes);
            Step::Resize(w, h)
        }
        96..=97 => Step::Send(match rng.below(7) {
            0 => vec![Command::Go(Go::Home)],
            1 => vec![Command::Go(Go::Demo)],
            2 => vec![Command::Go(Go::Listen)],
            3 => vec![Command::Go(Go::StartCheck)],
            4 => vec![Command::Quiz(QuizCommand::Open)],
            5 => vec![Command::Demo(DemoCommand::Open(rng.below(6)))],
            _ => vec![
                Command::Reset(ResetCommand::Ask),
                Command::Reset(ResetCommand::Confirm),
            ],
        }),
        _ => Step::LoadRules(*rng.pick(RULE_FILES)),
    }
}

/// Runs frames until the app is idle; the wall time it took.
fn frames(h: &mut Harness<'_, ScamcheckApp>) -> Result<Duration, String> {
    let start = Instant::now();
    match h.try_run() {
        Ok(_) => Ok(start.elapsed()),
        Err(err) => Err(format!("the window never settled: {err}")),
    }
}

fn click_nth(
    h: &Harness<'_, ScamcheckApp>,
    roles: &[Role],
    label: Option<&String>,
    nth: usize,
    focus: bool,
) {
    // The checklist is saved in the person's documents folder, which a test must not write to.
    let saves_to_documents = label.is_some_and(|l| {
        [Lang::Zh, Lang::En]
            .iter()
            .any(|lang| l.as_str() == strings(*lang).handout_save)
    });
    if saves_to_documents {
        return;
    }
    let node = h
        .query_all_by(|n| roles.contains(&n.role()) && n.label().as_ref() == label)
        .nth(nth);
    if let Some(node) = node {
        if focus {
            node.focus();
        } else {
            node.click();
        }
    }
}

/// Does one step; the wall time of its frames.
fn perform(
    h: &mut Harness<'_, ScamcheckApp>,
    files: &Files,
    step: &Step,
) -> Result<Duration, String> {
    match step {
        Step::Key(key, ctrl) => {
            if *ctrl {
                h.key_press_modifiers(Modifiers::COMMAND, *key);
            } else {
                h.key_press(*key);
            }
        }
        Step::Click(role, label, nth) => click_nth(h, &[*role], label.as_ref(), *nth, false),
        Step::Focus(label, nth) => click_nth(h, TEXT_FIELDS, label.as_ref(), *nth, true),
        Step::Type(text) => h.event(egui::Event::Text(text.clone())),
        Step::Paste(text) => h.event(egui::Event::Paste(text.clone())),
        Step::Settings(command) => h.state_mut().send(Command::Settings(command.clone())),
        Step::Send(commands) => {
            for command in commands {
                h.state_mut().send(command.clone());
            }
        }
        Step::Resize(w, hh) => {
            h.set_size(egui::vec2(*w, *hh));
        }
        Step::LoadRules(which) => return load_rules(h, files, *which),
    }
    frames(h)
}

/// Opens the rules screen, replaces the path in its field and presses its load button.
fn load_rules(
    h: &mut Harness<'_, ScamcheckApp>,
    files: &Files,
    which: RuleFile,
) -> Result<Duration, String> {
    let mut took = Duration::ZERO;
    if h.state().is_confirming_reset() {
        h.key_press(Key::Escape);
        took += frames(h)?;
    }
    h.state_mut().send(Command::Go(Go::Rules));
    took += frames(h)?;
    let s = scamcheck::strings::strings(h.state().settings().lang);
    let (field, button) = (s.rules_file, s.rules_load);
    let Some(node) = h.query_by_label(field) else {
        return Err(format!("the rules screen shows no field {field:?}"));
    };
    node.scroll_to_me();
    took += frames(h)?;
    h.get_by_label(field).focus();
    took += frames(h)?;
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.key_press(Key::Delete);
    took += frames(h)?;
    h.event(egui::Event::Paste(files.path(which)));
    took += frames(h)?;
    let Some(node) = h.query_by_label(button) else {
        return Err(format!("the rules screen shows no button {button:?}"));
    };
    node.scroll_to_me();
    took += frames(h)?;
    h.get_by_label(button).click();
    took += frames(h)?;
    let loaded = matches!(
        h.state().rules_status(),
        Some(status) if !status.has_problems()
    );
    let good = matches!(which, RuleFile::Good);
    if loaded != good {
        return Err(format!(
            "loading {which:?} should {} but the status is {:?}",
            if good { "succeed" } else { "be refused" },
            h.state().rules_status()
        ));
    }
    Ok(took)
}

/// The app's promises, checked after every step.
fn check(h: &Harness<'_, ScamcheckApp>, before: &Answers, demo_step: bool) -> Result<(), String> {
    let app = h.state();
    let check = app.check();
    for (id, answer) in check.answers().iter() {
        let critical = app
            .rules()
            .question(id)
            .is_some_and(|q| q.severity == Severity::Critical);
        if critical && answer == scamcheck::Answer::Yes {
            if check.verdict().level != Level::HangUp {
                return Err(format!(
                    "critical {id:?} is yes but the level is {:?}",
                    check.verdict().level
                ));
            }
            if !check.was_warned() {
                return Err(format!(
                    "critical {id:?} is yes but no hang-up advice was shown"
                ));
            }
        }
    }
    if demo_step && app.screen().is_demo() && check.answers() != before {
        return Err(format!(
            "a demo or quiz step changed the live answers: {before:?} -> {:?}",
            check.answers()
        ));
    }
    Ok(())
}

/// Nothing but the settings reach storage, and no answer is among them.
fn check_storage(h: &mut Harness<'_, ScamcheckApp>) -> Result<(), String> {
    use eframe::App as _;
    let mut storage = MemoryStorage::default();
    h.state_mut().save(&mut storage);
    if h.state().persist_egui_memory() {
        return Err("egui memory would be saved".to_owned());
    }
    let keys: Vec<&String> = storage.0.keys().collect();
    if keys != vec![eframe::APP_KEY] {
        return Err(format!("storage holds more than the settings: {keys:?}"));
    }
    let saved: String = storage.0.values().cloned().collect();
    for (id, _) in h.state().check().answers().iter() {
        if saved.contains(&format!("\"{id}\"")) {
            return Err(format!("the answer {id:?} reached storage: {saved}"));
        }
    }
    Ok(())
}

/// What a run found.
struct Outcome {
    steps: Vec<Step>,
    worst: Duration,
    worst_step: String,
    failure: Option<String>,
    /// Steps ending on each screen.
    screens: std::collections::BTreeMap<String, usize>,
    /// Steps after which the live check had a critical "yes" (the hang-up promise was checked).
    critical: usize,
    /// Steps on a demo or quiz screen whose live answers were compared.
    demo_steps: usize,
    /// Rule files loaded, and refused.
    loaded: usize,
    refused: usize,
    /// Pastes of 50 KB.
    big_pastes: usize,
}

/// Does `steps` (when given) or `count` random steps from `seed` on a fresh window.
fn drive(seed: u64, files: &Files, script: Option<&[Step]>, count: usize) -> Outcome {
    let mut rng = Rng(seed);
    let mut h = common::app(Lang::En);
    // Random code points include many that no installed font can draw. The window shows a box
    // for those (egui's default); the test harness would panic instead.
    h.ctx
        .set_missing_glyph_policy(egui::MissingGlyphPolicy::Tofu);
    let mut outcome = Outcome {
        steps: Vec::new(),
        worst: Duration::ZERO,
        worst_step: String::new(),
        failure: None,
        screens: std::collections::BTreeMap::new(),
        critical: 0,
        demo_steps: 0,
        loaded: 0,
        refused: 0,
        big_pastes: 0,
    };
    let total = script.map_or(count, <[Step]>::len);
    for i in 0..total {
        let step = match script {
            Some(steps) => steps[i].clone(),
            None => choose(&mut rng, &h),
        };
        outcome.steps.push(step.clone());
        // Reports the monkey saves go to the temporary folder, never the person's documents.
        h.state_mut()
            .summary_box()
            .folder
            .clone_from(&files.reports);
        let before = h.state().check().answers().clone();
        let demo_step = h.state().screen().is_demo()
            && !h.state().is_confirming_reset()
            && !matches!(step, Step::LoadRules(_));
        let result = catch_unwind(AssertUnwindSafe(|| {
            let took = perform(&mut h, files, &step)?;
            check(&h, &before, demo_step)?;
            if i % 100 == 99 || i + 1 == total {
                check_storage(&mut h)?;
            }
            Ok::<Duration, String>(took)
        }));
        let took = match result {
            Ok(Ok(took)) => took,
            Ok(Err(message)) => {
                outcome.failure = Some(message);
                return outcome;
            }
            Err(panic) => {
                let message = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                    .unwrap_or_else(|| "a panic without a message".to_owned());
                outcome.failure = Some(format!("panic: {message}"));
                return outcome;
            }
        };
        let app = h.state();
        let screen = format!("{:?}", app.screen());
        let screen = screen.split('(').next().unwrap_or_default().to_owned();
        *outcome.screens.entry(screen).or_default() += 1;
        let answers = app.check().answers();
        if answers.iter().any(|(id, answer)| {
            answer == scamcheck::Answer::Yes
                && app
                    .rules()
                    .question(id)
                    .is_some_and(|q| q.severity == Severity::Critical)
        }) {
            outcome.critical += 1;
        }
        if demo_step && app.screen().is_demo() {
            outcome.demo_steps += 1;
        }
        match &step {
            Step::LoadRules(RuleFile::Good) => outcome.loaded += 1,
            Step::LoadRules(_) => outcome.refused += 1,
            Step::Paste(text) if text.len() >= 50_000 => outcome.big_pastes += 1,
            _ => {}
        }
        if took > outcome.worst {
            outcome.worst = took;
            outcome.worst_step = format!("step {i}: {}", step.describe());
        }
        let bound = if matches!(&step, Step::Paste(text) if text.len() >= 50_000) {
            BIG_PASTE_BOUND
        } else {
            STEP_BOUND
        };
        if took > bound {
            outcome.failure = Some(format!("step took {took:?}, over {bound:?}"));
            return outcome;
        }
    }
    outcome
}

/// A shorter sequence that still fails, found by dropping chunks of steps.
fn shrink(seed: u64, files: &Files, mut steps: Vec<Step>) -> Vec<Step> {
    let mut budget = SHRINK_BUDGET;
    let mut chunk = steps.len() / 2;
    while chunk >= 1 && budget > 0 {
        let mut start = 0;
        while start < steps.len() && budget > 0 {
            // The last step is the failing one; keep it.
            let end = (start + chunk).min(steps.len().saturating_sub(1));
            if start >= end {
                break;
            }
            let mut shorter = steps.clone();
            shorter.drain(start..end);
            budget -= 1;
            let outcome = drive(seed, files, Some(&shorter), 0);
            if outcome.failure.is_some() {
                steps = outcome.steps;
            } else {
                start = end;
            }
        }
        chunk /= 2;
    }
    steps
}

fn list(steps: &[Step]) -> String {
    steps
        .iter()
        .enumerate()
        .map(|(i, s)| format!("  {i:>5}: {}", s.describe()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// One monkey run from `base` (plus the environment's seed).
fn monkey(name: &str, base: u64) {
    let extra = env_seed();
    let seed = seed(base, extra);
    let steps = match std::env::var("SCAMCHECK_MONKEY_STEPS") {
        Ok(text) => text.trim().parse::<usize>().unwrap_or(STEPS),
        Err(_) => STEPS,
    };
    println!(
        "{name}: seed {seed}, {steps} steps; again with: SCAMCHECK_MONKEY_SEED={extra} cargo test \
         --test monkey {name}"
    );
    let files = Files::new();
    let start = Instant::now();
    let outcome = drive(seed, &files, None, steps);
    if let Some(failure) = outcome.failure {
        let tail_from = outcome.steps.len().saturating_sub(30);
        eprintln!(
            "{name}: seed {seed} failed at step {}: {failure}\nthe last steps:\n{}",
            outcome.steps.len() - 1,
            list(&outcome.steps[tail_from..])
        );
        let shorter = shrink(seed, &files, outcome.steps.clone());
        panic!(
            "{name}: seed {seed} (SCAMCHECK_MONKEY_SEED={extra}) failed at step {}: {failure}\na shorter failing sequence ({} steps):\n{}",
            outcome.steps.len() - 1,
            shorter.len(),
            list(&shorter)
        );
    }
    let saved = std::fs::read_dir(&files.reports).map_or(0, Iterator::count);
    let visited = outcome.screens.len();
    assert!(
        visited >= 7 && outcome.critical > 0 && outcome.demo_steps > 0,
        "{name}: seed {seed} saw too little: screens {:?}, {} steps with a critical yes, {} demo \
         or quiz steps",
        outcome.screens,
        outcome.critical,
        outcome.demo_steps
    );
    println!(
        "{name}: seed {seed}: {} steps in {:.1?}, worst step {:?} ({})\n  steps ending on each \
         screen: {:?}\n  steps with a critical yes: {}, demo/quiz steps compared: {}, rule \
         files loaded: {}, refused: {}, 50 KB pastes: {}, reports saved: {saved}",
        outcome.steps.len(),
        start.elapsed(),
        outcome.worst,
        outcome.worst_step,
        outcome.screens,
        outcome.critical,
        outcome.demo_steps,
        outcome.loaded,
        outcome.refused,
        outcome.big_pastes
    );
}

#[test]
fn monkey_a() {
    monkey("monkey_a", 0x5CA3_0001);
}

#[test]
fn monkey_b() {
    monkey("monkey_b", 0x5CA3_0002);
}

#[test]
fn monkey_c() {
    monkey("monkey_c", 0x5CA3_0003);
}

#[test]
fn monkey_d() {
    monkey("monkey_d", 0x5CA3_0004);
}
