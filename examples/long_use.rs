//! Steady under long use: the real app, in one process, driven as a person would through
//! 10,000 edits in the text-check box and 1,000 complete checks, printing the resident memory
//! (VmRSS) at the start, after a warm-up and at every 10 % of each phase.
//!
//! Run it with `scripts/long_use.sh` (release build). Linux only: it reads `/proc/self/status`.
//! `long_use EDITS CHECKS` runs a shorter (or longer) session, e.g. under a heap profiler.

use std::time::Instant;

use eframe::egui::{self, Key};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use scamcheck::app::{AppOptions, ScamcheckApp, Screen};
use scamcheck::{Lang, RuleSet};

/// Edits and checks when not given on the command line.
const EDITS: usize = 10_000;
const CHECKS: usize = 1_000;
const WARM_UP_EDITS: usize = 500;
const WARM_UP_CHECKS: usize = 50;
/// After this many edits the person clears the box (select all, delete) and starts again.
const CLEAR_EVERY: usize = 400;

const TEXT_FIELD: &str = "Type or paste what the caller says, or a message you got:";

/// What is typed, a few characters at a time.
const TYPED: [&str; 8] = [
    "您好，",
    "我是客服",
    "退款",
    "征信",
    "refund ",
    "屏幕共享",
    "验证码",
    " 8812",
];

/// What is pasted, a sentence at a time.
const PASTED: [&str; 4] = [
    "您的包裹丢了，我们给您双倍赔偿，请下载会议App开启屏幕共享。",
    "您操作失误开通了会员，如果不在今天取消，会严重影响您的个人征信。",
    "Your parcel was lost and we will refund double. Please share your screen.",
    "请把验证码告诉我，我帮您把备用金转到安全账户。",
];

/// A small deterministic generator, so every run does the same things.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n as u64).unwrap_or(0)
    }
}

/// The resident memory of this process, in KiB.
fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|line| line.strip_prefix("VmRSS:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}

fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

/// Prints the resident memory and, with the app, what egui keeps: the entries of its memory
/// (widget states) and the laid-out texts in its cache.
fn report(what: &str, started: Instant, h: Option<&Harness<'_, ScamcheckApp>>) -> u64 {
    let rss = rss_kib();
    let kept = h.map_or_else(String::new, |h| {
        format!(
            "   egui memory {} entries, {} texts cached",
            h.ctx.memory(|m| m.data.len()),
            h.ctx.fonts(|f| f.num_galleys_in_cache())
        )
    });
    println!(
        "{what:<40} VmRSS {:>6.1} MiB  {:>6.1} s{kept}",
        mib(rss),
        started.elapsed().as_secs_f64()
    );
    rss
}

fn fail(message: &str) -> ! {
    eprintln!("long_use: {message}");
    std::process::exit(1)
}

/// Clicks the control with exactly this label.
fn click(h: &mut Harness<'_, ScamcheckApp>, label: &str) {
    match h.query_by_label(label) {
        Some(node) => node.click(),
        None => fail(&format!(
            "no control labelled {label:?} on {:?}",
            h.state().screen()
        )),
    }
    h.run();
}

fn key(h: &mut Harness<'_, ScamcheckApp>, modifiers: egui::Modifiers, key: Key) {
    h.key_press_modifiers(modifiers, key);
    h.run();
}

/// Puts the cursor in the text box.
fn focus_text(h: &mut Harness<'_, ScamcheckApp>) {
    match h.query_by_label(TEXT_FIELD) {
        Some(node) => node.focus(),
        None => fail("the text box is not shown"),
    }
    h.run();
}

/// One edit, as a person makes them: mostly typing, some deleting, a paste now and then,
/// the cursor moved, and now and then everything cleared.
fn edit(h: &mut Harness<'_, ScamcheckApp>, n: usize, rng: &mut Rng) {
    if n % CLEAR_EVERY == CLEAR_EVERY - 1 {
        key(h, egui::Modifiers::COMMAND, Key::A);
        key(h, egui::Modifiers::NONE, Key::Delete);
        return;
    }
    match rng.below(10) {
        0..=4 => {
            h.event(egui::Event::Text(TYPED[rng.below(TYPED.len())].to_owned()));
            h.run();
        }
        5 | 6 => key(h, egui::Modifiers::NONE, Key::Backspace),
        7 => {
            h.event(egui::Event::Paste(
                PASTED[rng.below(PASTED.len())].to_owned(),
            ));
            h.run();
        }
        8 => key(h, egui::Modifiers::NONE, Key::ArrowLeft),
        _ => key(h, egui::Modifiers::NONE, Key::End),
    }
}

/// One complete check by clicking: start, answer every question to a verdict (interrupted by
/// "hang up now" on the way or not), then start over for the next person.
fn check(h: &mut Harness<'_, ScamcheckApp>, n: usize, rng: &mut Rng) {
    match n % 4 {
        // "I already paid": the emergency steps.
        3 => click(h, "I already paid or gave a code"),
        _ => click(h, "I'm on a call now — check it"),
    }
    for _ in 0..200 {
        match h.state().screen().clone() {
            Screen::Question => {
                // Every other check answers "No" throughout; the rest answer at random.
                let answer = match (n % 2, rng.below(4)) {
                    (0, _) | (_, 0) => "No",
                    (_, 1) => "Yes",
                    _ => "Not sure",
                };
                click(h, answer);
            }
            Screen::HangUp(_) if rng.below(2) == 0 => click(h, "Continue the check"),
            Screen::HangUp(_) => click(h, "I hung up — what next?"),
            Screen::Result | Screen::Emergency => {
                h.get_by_label("Start over").scroll_to_me();
                h.run();
                click(h, "Start over");
                if *h.state().screen() != Screen::Start || !h.state().check().answers().is_empty() {
                    fail("start over did not clear the check");
                }
                return;
            }
            other => fail(&format!("a check reached {other:?}")),
        }
    }
    fail("a check did not reach a verdict");
}

/// The `n`th command-line argument as a count (at least 10), or `default`.
fn count_arg(n: usize, default: usize) -> usize {
    match std::env::args().nth(n).map(|a| a.parse::<usize>()) {
        None => default,
        Some(Ok(count)) if count >= 10 => count,
        Some(_) => fail("usage: long_use [EDITS [CHECKS]], each at least 10"),
    }
}

fn main() {
    let edits = count_arg(1, EDITS);
    let checks = count_arg(2, CHECKS);
    let started = Instant::now();
    let start = report("start", started, None);
    let rules = match RuleSet::embedded() {
        Ok(rules) => rules,
        Err(err) => fail(&format!("the shipped rules must load:\n{err}")),
    };
    let options = AppOptions {
        lang: Some(Lang::En),
        ..AppOptions::new(rules)
    };
    if options.cjk_font.is_none() {
        eprintln!("long_use: no Chinese font found; the Chinese text is laid out without one");
    }
    let mut h = Harness::builder()
        .with_size(egui::vec2(1100.0, 820.0))
        .build_eframe(move |cc| ScamcheckApp::new(cc, options));
    h.run();
    report("app started", started, Some(&h));

    let mut rng = Rng(0x5eed_cafe_f00d);
    h.key_press(Key::T);
    h.run();
    focus_text(&mut h);
    for n in 0..WARM_UP_EDITS {
        edit(&mut h, n, &mut rng);
        if n % CLEAR_EVERY == CLEAR_EVERY - 1 {
            focus_text(&mut h);
        }
    }
    h.key_press(Key::Escape);
    h.run();
    for n in 0..WARM_UP_CHECKS {
        check(&mut h, n, &mut rng);
    }
    let warm = report(
        &format!("after warm-up ({WARM_UP_EDITS} edits, {WARM_UP_CHECKS} checks)"),
        started,
        Some(&h),
    );

    // Phase 1: the text check.
    h.key_press(Key::T);
    h.run();
    if *h.state().screen() != Screen::Listen {
        fail("T did not open the text check");
    }
    focus_text(&mut h);
    let mut longest = 0;
    for n in 0..edits {
        edit(&mut h, n, &mut rng);
        if n % CLEAR_EVERY == CLEAR_EVERY - 1 {
            focus_text(&mut h);
        }
        longest = longest.max(h.state().listen().text().chars().count());
        if (n + 1) % (edits / 10) == 0 {
            report(&format!("edits {:>6}", n + 1), started, Some(&h));
        }
    }
    if longest == 0 {
        fail("no edit reached the text box");
    }
    println!("longest text in the box: {longest} characters");
    h.key_press(Key::Escape);
    h.run();

    // Phase 2: complete checks.
    for n in 0..checks {
        check(&mut h, n, &mut rng);
        if (n + 1) % (checks / 10) == 0 {
            report(&format!("checks {:>5}", n + 1), started, Some(&h));
        }
    }

    let end = rss_kib();
    println!(
        "start {:.1} MiB, after warm-up {:.1} MiB, end {:.1} MiB, {:.0} s in all",
        mib(start),
        mib(warm),
        mib(end),
        started.elapsed().as_secs_f64()
    );
    println!(
        "growth after warm-up: {:.1} MiB",
        (end as f64 - warm as f64) / 1024.0
    );
}
