//! Saving safely: atomically, never over an existing file, a new name when one is taken, and
//! a plain reason when it fails. (What the report holds is in `tests/report.rs`.)

use scamcheck::Lang;
use scamcheck::summary::{SaveProblem, save_new, save_unique};

#[test]
fn saving_writes_the_file_and_leaves_no_temporary_file() {
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(err) => panic!("{err}"),
    };
    let path = dir.path().join("scamcheck-report-20261123-104200.html");
    if let Err(err) = save_new(&path, "summary text") {
        panic!("{err}");
    }
    assert_eq!(
        std::fs::read_to_string(&path).ok().as_deref(),
        Some("summary text")
    );
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name())
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(names.len(), 1, "{names:?}");
}

#[test]
fn saving_never_overwrites_an_existing_file() {
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(err) => panic!("{err}"),
    };
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
}

#[test]
fn a_failing_save_says_why_in_plain_words_and_leaves_nothing_behind() {
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(err) => panic!("{err}"),
    };
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

    // The write succeeds into the temporary file, then the final step fails: the name is
    // taken by a folder. The temporary file must be gone afterwards.
    let taken = dir.path().join("summary.md");
    if let Err(err) = std::fs::create_dir(&taken) {
        panic!("{err}");
    }
    assert!(save_new(&taken, "x").is_err());
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(
        names,
        vec!["summary.md".to_owned()],
        "only the folder is left"
    );
}

#[test]
fn a_taken_name_gets_the_next_free_number_and_the_taken_file_is_kept() {
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(err) => panic!("{err}"),
    };
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
