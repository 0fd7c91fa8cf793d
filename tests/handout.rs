//! The printable checklist: what the page says in each language, that rule texts are escaped,
//! that it loads nothing from anywhere, the `handout` command, and — rendered by headless
//! Chromium — that it is exactly one A4 page in both languages.

mod common;

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::rules;
use scamcheck::handout::{escape, html, signs};
use scamcheck::rules::{EMBEDDED_RULES, Severity};
use scamcheck::{Lang, RuleSet};

const LANGS: [Lang; 2] = [Lang::Zh, Lang::En];

#[test]
fn every_critical_question_appears_with_its_reason_in_both_languages() {
    let rules = rules();
    let critical: Vec<_> = rules
        .questions()
        .iter()
        .filter(|q| q.severity == Severity::Critical)
        .collect();
    assert!(
        critical.len() >= 8,
        "the shipped rules have the critical signs"
    );
    assert_eq!(signs(&rules).count(), critical.len());
    for lang in LANGS {
        let page = html(&rules, lang);
        for q in &critical {
            let short = escape(q.short.get(lang));
            assert!(page.contains(&short), "{lang:?}: {} missing", q.id);
            let reason = q.hang_up_reason.as_ref().unwrap_or(&q.why);
            assert!(
                page.contains(&escape(reason.get(lang))),
                "{lang:?}: the reason for {} missing",
                q.id
            );
        }
        // Only the critical signs are listed: no question of lower severity.
        for q in rules
            .questions()
            .iter()
            .filter(|q| q.severity < Severity::Critical)
        {
            assert!(
                !page.contains(&format!(">{}<", escape(q.short.get(lang)))),
                "{lang:?}: {} is not a critical sign",
                q.id
            );
        }
        assert_eq!(
            page.matches("<li>").count(),
            critical.len(),
            "{lang:?}: one item per sign"
        );
    }
}

#[test]
fn the_words_to_say_the_hotlines_and_the_trusted_person_line_appear() {
    let rules = rules();
    for lang in LANGS {
        let page = html(&rules, lang);
        assert!(page.contains(&escape(rules.hang_up_script().get(lang))));
        assert!(!rules.hotlines().is_empty());
        for hotline in rules.hotlines() {
            assert!(page.contains(&escape(hotline.number.get(lang))), "{lang:?}");
            assert!(page.contains(&escape(hotline.label.get(lang))), "{lang:?}");
        }
        for number in ["110", "96110"] {
            assert!(page.contains(number), "{lang:?}: {number}");
        }
        let (name, tel) = match lang {
            Lang::Zh => ("我信任的人：", "电话："),
            Lang::En => ("My trusted person:", "Tel:"),
        };
        assert!(page.contains(name) && page.contains(tel), "{lang:?}");
        assert_eq!(page.matches("class=\"line\"").count(), 2, "two blank lines");
    }
}

#[test]
fn the_two_languages_differ_and_say_which_they_are() {
    let rules = rules();
    let zh = html(&rules, Lang::Zh);
    let en = html(&rules, Lang::En);
    assert_ne!(zh, en);
    assert!(zh.contains("<html lang=\"zh-Hans\">"));
    assert!(en.contains("<html lang=\"en\">"));
    assert!(zh.contains("真客服绝不会"));
    assert!(en.contains("A real agent never"));
    let cjk = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    assert!(zh.chars().filter(|&c| cjk(c)).count() > 300);
    assert_eq!(
        en.chars().find(|&c| cjk(c)),
        None,
        "no Chinese in the English page"
    );
}

#[test]
fn the_page_is_self_contained_and_made_for_a4() {
    let rules = rules();
    for lang in LANGS {
        let page = html(&rules, lang);
        assert!(page.starts_with("<!DOCTYPE html>"));
        assert!(page.contains("<meta charset=\"utf-8\">"));
        assert!(page.contains("@page { size: A4;"));
        let lower = page.to_lowercase();
        for banned in [
            "://", "<script", "<link", "<img", "<iframe", "src=", "href=", "url(", "@import",
            "www.",
        ] {
            assert!(
                !lower.contains(banned),
                "{lang:?}: the page must load nothing ({banned})"
            );
        }
        assert_eq!(page.matches("<style>").count(), 1, "one inline style");
    }
}

#[test]
fn rule_texts_are_html_escaped() {
    let src = EMBEDDED_RULES
        .replacen(
            "en: \"I will call the official number myself. Goodbye.\"",
            "en: \"Say <b>bye</b> & hang up\"",
            1,
        )
        .replacen(
            "short: (zh: \"要我下载 App\", en: \"Install an app\")",
            "short: (zh: \"要我下载 <script>alert(1)</script> App\", en: \"Install an \\\"app\\\" & <i>more</i>\")",
            1,
        )
        .replacen(
            "(number: (zh: \"96110\", en: \"96110\")",
            "(number: (zh: \"96110 <反诈>\", en: \"96110 <anti-fraud> & co\")",
            1,
        );
    assert_ne!(src, EMBEDDED_RULES);
    let rules = match RuleSet::parse("escaping.ron", &src) {
        Ok(rules) => rules,
        Err(err) => panic!("the edited rules must load:\n{err}"),
    };
    let en = html(&rules, Lang::En);
    assert!(
        en.contains("Say &lt;b&gt;bye&lt;/b&gt; &amp; hang up"),
        "{en}"
    );
    assert!(en.contains("Install an &quot;app&quot; &amp; &lt;i&gt;more&lt;/i&gt;"));
    assert!(en.contains("96110 &lt;anti-fraud&gt; &amp; co"));
    assert!(!en.contains("<b>bye") && !en.contains("<i>more"));
    let zh = html(&rules, Lang::Zh);
    assert!(zh.contains("要我下载 &lt;script&gt;alert(1)&lt;/script&gt; App"));
    assert!(zh.contains("96110 &lt;反诈&gt;"));
    assert!(!zh.to_lowercase().contains("<script"));
}

fn scamcheck(args: &[&str]) -> Output {
    match Command::new(env!("CARGO_BIN_EXE_scamcheck"))
        .args(args)
        .env("LANG", "en_US.UTF-8")
        .stdin(Stdio::null())
        .output()
    {
        Ok(out) => out,
        Err(err) => panic!("cannot run scamcheck: {err}"),
    }
}

fn tempdir() -> tempfile::TempDir {
    match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(err) => panic!("cannot make a temporary folder: {err}"),
    }
}

fn read(path: &Path) -> String {
    match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) => panic!("cannot read {}: {err}", path.display()),
    }
}

#[test]
fn the_command_prints_the_page_or_saves_it_and_never_overwrites() {
    let rules = rules();
    let out = scamcheck(&["--lang", "zh", "handout"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout), html(&rules, Lang::Zh));

    let dir = tempdir();
    let path = dir.path().join("checklist.html");
    let Some(arg) = path.to_str() else {
        panic!("the temporary path is not UTF-8")
    };
    let out = scamcheck(&["--lang", "en", "handout", "-o", arg]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("checklist.html"));
    assert_eq!(read(&path), html(&rules, Lang::En));

    // A second save to the same name is refused, with exit 1, and changes nothing.
    let out = scamcheck(&["--lang", "zh", "handout", "--output", arg]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let message = String::from_utf8_lossy(&out.stderr);
    assert!(
        message.contains("checklist.html") && message.contains("已经存在"),
        "{message}"
    );
    let out = scamcheck(&["--lang", "en", "handout", "-o", arg]);
    assert_eq!(out.status.code(), Some(1));
    let message = String::from_utf8_lossy(&out.stderr);
    assert!(message.contains("already exists"), "{message}");
    assert!(message.contains("not overwritten"), "{message}");
    assert_eq!(read(&path), html(&rules, Lang::En), "the file is unchanged");
    let files = std::fs::read_dir(dir.path()).map_or(0, Iterator::count);
    assert_eq!(files, 1, "no temporary file is left behind");

    // A folder that does not exist: exit 1 with a message, no panic.
    let missing = dir.path().join("no such folder").join("checklist.html");
    let Some(missing) = missing.to_str() else {
        panic!("the temporary path is not UTF-8")
    };
    let out = scamcheck(&["--lang", "en", "handout", "-o", missing]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("does not exist"));
}

const INSTALL: &str = "install chromium poppler-utils (and fonts-noto-cjk for the Chinese \
                       page): sudo apt-get install chromium poppler-utils fonts-noto-cjk";

/// Runs a program to the end, at most `limit`; its standard output, or a failed test.
fn run(program: &str, args: &[&str], home: &Path, limit: Duration) -> String {
    let log = home.join(format!("{program}.log"));
    let stderr = match std::fs::File::create(&log) {
        Ok(file) => file,
        Err(err) => panic!("cannot create {}: {err}", log.display()),
    };
    let out = home.join(format!("{program}.out"));
    let stdout = match std::fs::File::create(&out) {
        Ok(file) => file,
        Err(err) => panic!("cannot create {}: {err}", out.display()),
    };
    let mut child = match Command::new(program)
        .args(args)
        .env("HOME", home)
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(stderr)
        .spawn()
    {
        Ok(child) => child,
        Err(err) => panic!("cannot run {program} ({err}): {INSTALL}"),
    };
    let start = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => return read(&out),
            Ok(Some(status)) => panic!("{program} failed ({status}):\n{}", read(&log)),
            Ok(None) if start.elapsed() > limit => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("{program} took longer than {limit:?}:\n{}", read(&log));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(100)),
            Err(err) => panic!("cannot wait for {program}: {err}"),
        }
    }
}

/// `(pages, width, height)` from `pdfinfo`'s report, sizes in points.
fn pages_and_size(info: &str) -> (u32, f64, f64) {
    let field = |name: &str| {
        info.lines()
            .find_map(|line| line.strip_prefix(name))
            .map(str::trim)
            .unwrap_or_else(|| panic!("pdfinfo gave no {name}\n{info}"))
    };
    let pages = field("Pages:")
        .parse()
        .unwrap_or_else(|err| panic!("pages: {err}\n{info}"));
    let size: Vec<f64> = field("Page size:")
        .split_whitespace()
        .filter_map(|word| word.parse().ok())
        .collect();
    let [width, height] = size[..] else {
        panic!("page size not understood\n{info}")
    };
    (pages, width, height)
}

#[test]
fn rendered_by_chromium_it_is_exactly_one_a4_page_in_both_languages() {
    let browser = ["chromium", "chromium-browser"]
        .into_iter()
        .find(|name| {
            Command::new(name)
                .arg("--version")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        })
        .unwrap_or_else(|| panic!("headless Chromium is needed for this test: {INSTALL}"));
    let rules = rules();
    let dir = tempdir();
    for lang in LANGS {
        let name = format!("{lang:?}").to_lowercase();
        let page = dir.path().join(format!("handout-{name}.html"));
        let pdf = dir.path().join(format!("handout-{name}.pdf"));
        if let Err(err) = std::fs::write(&page, html(&rules, lang)) {
            panic!("cannot write {}: {err}", page.display());
        }
        let profile = dir.path().join(format!("profile-{name}"));
        let args = [
            "--headless".to_owned(),
            "--no-sandbox".to_owned(),
            "--disable-gpu".to_owned(),
            "--no-pdf-header-footer".to_owned(),
            format!("--user-data-dir={}", profile.display()),
            format!("--print-to-pdf={}", pdf.display()),
            format!("file://{}", page.display()),
        ];
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        run(browser, &args, dir.path(), Duration::from_secs(180));
        let Some(pdf) = pdf.to_str() else {
            panic!("the temporary path is not UTF-8")
        };
        let info = run("pdfinfo", &[pdf], dir.path(), Duration::from_secs(60));
        let (pages, width, height) = pages_and_size(&info);
        assert_eq!(
            pages, 1,
            "{lang:?}: the checklist must fit on one page\n{info}"
        );
        // A4 is 595.28 × 841.89 points; Chromium rounds to whole device pixels.
        assert!(
            (width - 595.28).abs() < 2.0 && (height - 841.89).abs() < 2.0,
            "{lang:?}: not A4 portrait\n{info}"
        );
        assert!(
            info.contains("(A4)"),
            "{lang:?}: pdfinfo must call it A4\n{info}"
        );
    }
}
