//! Saving safely: atomically, never over an existing file, a new name when one is taken, and
//! a plain reason when it fails. (What the report holds is in `tests/report.rs`.)

mod common;

use std::path::{Path, PathBuf};

use common::{file_names, temp_dir};
use scamcheck::Lang;
use scamcheck::summary::{SaveProblem, save_new, save_unique};

#[test]
fn saving_writes_the_file_and_leaves_no_temporary_file() {
    let dir = temp_dir();
    let path = dir.path().join("scamcheck-report-20261123-104200.html");
    if let Err(err) = save_new(&path, "summary text") {
        panic!("{err}");
    }
    assert_eq!(
        std::fs::read_to_string(&path).ok().as_deref(),
        Some("summary text")
    );
    let names = file_names(dir.path());
    assert_eq!(names.len(), 1, "{names:?}");
}

#[test]
fn saving_never_overwrites_an_existing_file() {
    let dir = temp_dir();
    let path = dir.path().join("summary.md");
    if let Err(err) = std::fs::write(&path, "earlier summary") {
        panic!("{err}");
    }
    match save_new(&path, "new summary") {
        Err(err) => assert_eq!(err.problem, SaveProblem::Exists),
        Ok(()) => panic!("an existing file was overwritten"),
    }
    assert_eq!(
        std::fs::read_to_string(&path).ok().as_deref(),
        Some("earlier summary")
    );
    let message = save_new(&path, "x")
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert_eq!(
        message,
        "A file called summary.md already exists. Nothing was overwritten: choose another name."
    );
    assert_eq!(
        file_names(dir.path()),
        vec!["summary.md".to_owned()],
        "no temporary file"
    );
}

#[test]
fn a_failing_save_says_why_in_plain_words_and_leaves_nothing_behind() {
    let dir = temp_dir();
    // A folder that does not exist.
    let missing = dir.path().join("no-such-folder").join("summary.md");
    let message = save_new(&missing, "x")
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        message.starts_with("The folder ") && message.contains("does not exist"),
        "{message}"
    );

    // The name is taken by a folder: refused, and no temporary file is left.
    let taken = dir.path().join("summary.md");
    if let Err(err) = std::fs::create_dir(&taken) {
        panic!("{err}");
    }
    assert!(save_new(&taken, "x").is_err());
    let names = file_names(dir.path());
    assert_eq!(
        names,
        vec!["summary.md".to_owned()],
        "only the folder is left"
    );
}

#[test]
fn a_taken_name_gets_the_next_free_number_and_the_taken_file_is_kept() {
    let dir = temp_dir();
    let taken = dir.path().join("report.html");
    let also_taken = dir.path().join("report-2.html");
    if let Err(err) =
        std::fs::write(&taken, "earlier").and_then(|()| std::fs::write(&also_taken, "earlier 2"))
    {
        panic!("{err}");
    }
    let path = save_unique(dir.path(), "report", "html", "new").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(path, dir.path().join("report-3.html"));
    assert_eq!(std::fs::read_to_string(&path).ok().as_deref(), Some("new"));
    assert_eq!(
        std::fs::read_to_string(&taken).ok().as_deref(),
        Some("earlier")
    );
    assert_eq!(
        std::fs::read_to_string(&also_taken).ok().as_deref(),
        Some("earlier 2")
    );
    // A problem other than a taken name is reported at once.
    let err = save_unique(&dir.path().join("missing"), "report", "html", "x").err();
    assert_eq!(err.map(|e| e.problem), Some(SaveProblem::NoFolder));
    assert_eq!(
        save_new(&taken, "x")
            .err()
            .map(|e| e.message(Lang::Zh))
            .unwrap_or_default(),
        "已经有一个叫 report.html 的文件。没有覆盖它：请换一个文件名。"
    );
}

/// A folder holding one earlier report, and its bytes.
fn folder_with_an_earlier_report() -> (tempfile::TempDir, PathBuf, Vec<u8>) {
    let dir = temp_dir();
    let earlier = dir.path().join("scamcheck-report-20261122-090000.html");
    let bytes = "<p>earlier report 早先的报告</p>".as_bytes().to_vec();
    if let Err(err) = std::fs::write(&earlier, &bytes) {
        panic!("{err}");
    }
    (dir, earlier, bytes)
}

/// The earlier report is byte for byte what it was, and the folder holds what it held.
fn assert_untouched(dir: &Path, before: &[String], earlier: &Path, bytes: &[u8]) {
    assert_eq!(
        file_names(dir),
        before,
        "no temporary or partial file is left"
    );
    assert_eq!(std::fs::read(earlier).ok().as_deref(), Some(bytes));
}

/// sysfs refuses to create files even for root, so this runs as any user.
#[cfg(target_os = "linux")]
#[test]
fn a_folder_that_does_not_allow_writing_says_so_and_writes_nothing() {
    let sys = Path::new("/sys");
    let before = file_names(sys);
    assert!(!before.is_empty(), "/sys is mounted");
    let Err(err) = save_unique(sys, "scamcheck-report-20261123-104200", "html", "x") else {
        panic!("a file was saved in /sys")
    };
    assert_eq!(err.problem, SaveProblem::NotAllowed);
    assert_eq!(
        err.message(Lang::Zh),
        "不能保存到 /sys：没有权限。请换一个文件夹。"
    );
    assert_eq!(
        err.message(Lang::En),
        "Saving in /sys is not allowed. Choose another folder."
    );
    assert_eq!(file_names(sys), before, "nothing was left in /sys");
}

#[test]
fn a_name_taken_by_a_folder_is_refused_and_the_next_number_is_used() {
    let (dir, earlier, bytes) = folder_with_an_earlier_report();
    let folder = dir.path().join("report.html");
    let inside = folder.join("inside.txt");
    if let Err(err) = std::fs::create_dir(&folder).and_then(|()| std::fs::write(&inside, "kept")) {
        panic!("{err}");
    }
    let before = file_names(dir.path());
    let Err(err) = save_new(&folder, "new") else {
        panic!("a folder was replaced by a file")
    };
    assert_eq!(err.problem, SaveProblem::Exists);
    assert_eq!(
        err.message(Lang::Zh),
        "已经有一个叫 report.html 的文件。没有覆盖它：请换一个文件名。"
    );
    assert_eq!(
        err.message(Lang::En),
        "A file called report.html already exists. Nothing was overwritten: choose another name."
    );
    assert_untouched(dir.path(), &before, &earlier, &bytes);
    assert_eq!(file_names(&folder), vec!["inside.txt".to_owned()]);
    assert_eq!(
        std::fs::read_to_string(&inside).ok().as_deref(),
        Some("kept")
    );

    let path = save_unique(dir.path(), "report", "html", "new").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(path, dir.path().join("report-2.html"));
    assert_eq!(std::fs::read_to_string(&path).ok().as_deref(), Some("new"));
    assert_eq!(file_names(&folder), vec!["inside.txt".to_owned()]);
}

#[test]
fn a_file_given_as_the_folder_is_refused_in_plain_words() {
    let (dir, earlier, bytes) = folder_with_an_earlier_report();
    let before = file_names(dir.path());
    let Err(err) = save_unique(&earlier, "report", "html", "new") else {
        panic!("saved inside a file")
    };
    assert_eq!(err.problem, SaveProblem::NotAFolder);
    let shown = earlier.display();
    assert_eq!(
        err.message(Lang::Zh),
        format!("{shown} 是一个文件，不是文件夹。请换一个文件夹。")
    );
    assert_eq!(
        err.message(Lang::En),
        format!("{shown} is a file, not a folder. Choose a folder.")
    );
    assert_untouched(dir.path(), &before, &earlier, &bytes);
}

#[test]
fn names_with_spaces_and_chinese_characters_save_and_get_numbered() {
    let (dir, earlier, bytes) = folder_with_an_earlier_report();
    let first = save_unique(dir.path(), "诈骗 报告 2026", "html", "第一份 first")
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(first, dir.path().join("诈骗 报告 2026.html"));
    let second = save_unique(dir.path(), "诈骗 报告 2026", "html", "第二份 second")
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(second, dir.path().join("诈骗 报告 2026-2.html"));
    assert_eq!(
        std::fs::read_to_string(&first).ok().as_deref(),
        Some("第一份 first")
    );
    assert_eq!(
        std::fs::read_to_string(&second).ok().as_deref(),
        Some("第二份 second")
    );
    assert_eq!(
        file_names(dir.path()),
        vec![
            "scamcheck-report-20261122-090000.html".to_owned(),
            "诈骗 报告 2026-2.html".to_owned(),
            "诈骗 报告 2026.html".to_owned(),
        ]
    );
    assert_eq!(std::fs::read(&earlier).ok().as_deref(), Some(&bytes[..]));
    let Err(err) = save_new(&first, "x") else {
        panic!("overwritten")
    };
    assert_eq!(
        err.message(Lang::Zh),
        "已经有一个叫 诈骗 报告 2026.html 的文件。没有覆盖它：请换一个文件名。"
    );
}

#[test]
fn a_name_longer_than_the_system_allows_says_so_in_plain_words() {
    let (dir, earlier, bytes) = folder_with_an_earlier_report();
    let before = file_names(dir.path());
    let stem = "a".repeat(295); // 300 bytes with ".html"; systems allow 255
    let Err(err) = save_unique(dir.path(), &stem, "html", "x") else {
        panic!("a 300-byte name was saved")
    };
    assert_eq!(err.problem, SaveProblem::NameTooLong);
    assert_eq!(
        err.message(Lang::Zh),
        "文件名或文件夹名太长。请换一个短一些的名字，或换一个文件夹。"
    );
    assert_eq!(
        err.message(Lang::En),
        "The name of the file or folder is too long. Choose a shorter name or another folder."
    );
    assert_untouched(dir.path(), &before, &earlier, &bytes);
}

#[test]
fn long_names_within_the_limit_save_fine() {
    let (dir, earlier, bytes) = folder_with_an_earlier_report();
    // 66 characters, 198 bytes (203 with ".html"), and 83 characters, 254 bytes with ".html":
    // the longest name most systems allow.
    for chars in [66, 83] {
        let stem = "报".repeat(chars);
        let path = save_unique(dir.path(), &stem, "html", "长文件名 long name")
            .unwrap_or_else(|e| panic!("{chars} characters: {e}"));
        assert_eq!(path, dir.path().join(format!("{stem}.html")));
        assert_eq!(
            std::fs::read_to_string(&path).ok().as_deref(),
            Some("长文件名 long name")
        );
    }
    assert_eq!(
        file_names(dir.path()).len(),
        3,
        "{:?}",
        file_names(dir.path())
    );
    assert_eq!(std::fs::read(&earlier).ok().as_deref(), Some(&bytes[..]));
}
