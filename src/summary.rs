//! Saving what the person asked to save (the incident report in [`crate::report`], the printed
//! checklist): only when asked, atomically, and never over an existing file.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::text::Lang;

/// Where files are saved by default: the Documents folder, else the home folder.
pub fn default_folder() -> PathBuf {
    dirs::document_dir()
        .or_else(dirs::home_dir)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Why a file could not be saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveProblem {
    /// A file of that name exists; nothing is ever overwritten.
    Exists,
    /// The folder does not allow writing.
    NotAllowed,
    /// The disk or folder is read-only.
    ReadOnly,
    /// The disk is full.
    DiskFull,
    /// The folder does not exist.
    NoFolder,
    /// The folder given is a file.
    NotAFolder,
    /// The name of the file or of a folder on its path is longer than the system allows.
    NameTooLong,
    /// Anything else the system refused.
    Other,
}

/// A failed save: what went wrong, the file, and the system's own words.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.message(Lang::En))]
pub struct SaveError {
    /// What went wrong.
    pub problem: SaveProblem,
    /// The file that was being saved.
    pub path: PathBuf,
    /// The operating system's message, for "Other".
    pub detail: String,
}

impl SaveError {
    fn new(problem: SaveProblem, path: &Path, err: Option<&io::Error>) -> SaveError {
        SaveError {
            problem,
            path: path.to_path_buf(),
            detail: err.map(ToString::to_string).unwrap_or_default(),
        }
    }

    fn from_io(err: &io::Error, path: &Path) -> SaveError {
        let problem = match err.kind() {
            io::ErrorKind::AlreadyExists => SaveProblem::Exists,
            io::ErrorKind::PermissionDenied => SaveProblem::NotAllowed,
            io::ErrorKind::ReadOnlyFilesystem => SaveProblem::ReadOnly,
            io::ErrorKind::StorageFull => SaveProblem::DiskFull,
            io::ErrorKind::NotFound => SaveProblem::NoFolder,
            io::ErrorKind::NotADirectory => SaveProblem::NotAFolder,
            io::ErrorKind::InvalidFilename => SaveProblem::NameTooLong,
            _ => SaveProblem::Other,
        };
        SaveError::new(problem, path, Some(err))
    }

    /// The problem in plain words, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let name = display_name(&self.path);
        let folder = self
            .path
            .parent()
            .map_or_else(String::new, |p| p.display().to_string());
        match (self.problem, lang) {
            (SaveProblem::Exists, Lang::En) => {
                format!(
                    "A file called {name} already exists. Nothing was overwritten: choose another name."
                )
            }
            (SaveProblem::Exists, Lang::Zh) => {
                format!("已经有一个叫 {name} 的文件。没有覆盖它：请换一个文件名。")
            }
            (SaveProblem::NotAllowed, Lang::En) => {
                format!("Saving in {folder} is not allowed. Choose another folder.")
            }
            (SaveProblem::NotAllowed, Lang::Zh) => {
                format!("不能保存到 {folder}：没有权限。请换一个文件夹。")
            }
            (SaveProblem::ReadOnly, Lang::En) => {
                format!("{folder} is read-only. Choose another folder.")
            }
            (SaveProblem::ReadOnly, Lang::Zh) => format!("{folder} 是只读的。请换一个文件夹。"),
            (SaveProblem::DiskFull, Lang::En) => {
                "The disk is full. Free some space or choose another disk.".to_owned()
            }
            (SaveProblem::DiskFull, Lang::Zh) => "磁盘已满。请清理空间或换一个磁盘。".to_owned(),
            (SaveProblem::NoFolder, Lang::En) => {
                format!("The folder {folder} does not exist. Check the folder name.")
            }
            (SaveProblem::NoFolder, Lang::Zh) => {
                format!("文件夹 {folder} 不存在。请检查文件夹名。")
            }
            (SaveProblem::NotAFolder, Lang::En) => {
                format!("{folder} is a file, not a folder. Choose a folder.")
            }
            (SaveProblem::NotAFolder, Lang::Zh) => {
                format!("{folder} 是一个文件，不是文件夹。请换一个文件夹。")
            }
            (SaveProblem::NameTooLong, Lang::En) => {
                "The name of the file or folder is too long. Choose a shorter name or another folder."
                    .to_owned()
            }
            (SaveProblem::NameTooLong, Lang::Zh) => {
                "文件名或文件夹名太长。请换一个短一些的名字，或换一个文件夹。".to_owned()
            }
            (SaveProblem::Other, Lang::En) => {
                format!(
                    "The file could not be saved to {}: {}.",
                    self.path.display(),
                    self.detail
                )
            }
            (SaveProblem::Other, Lang::Zh) => {
                format!("无法保存到 {}：{}。", self.path.display(), self.detail)
            }
        }
    }
}

/// Writes `contents` to `path` atomically: into a temporary file beside it, flushed to disk,
/// then linked into place only if no file of that name exists. A failure at any point leaves
/// neither a partial file nor the temporary file.
///
/// # Errors
/// A [`SaveError`] saying what went wrong; [`SaveProblem::Exists`] if `path` exists.
pub fn save_new(path: &Path, contents: &str) -> Result<(), SaveError> {
    save_with(path, contents, |file| Box::new(file), place)
}

/// How many names [`save_unique`] tries before giving up.
const UNIQUE_TRIES: u32 = 1000;

/// Saves `contents` in `folder` as `<stem>.<ext>`, or `<stem>-2.<ext>`, `<stem>-3.<ext>`…
/// when a name is taken, each through [`save_new`]: a new file every time, never an
/// overwrite. Returns the file written.
///
/// # Errors
/// A [`SaveError`] for the first problem other than a taken name; [`SaveProblem::Exists`] only
/// if every name tried is taken.
pub fn save_unique(
    folder: &Path,
    stem: &str,
    ext: &str,
    contents: &str,
) -> Result<PathBuf, SaveError> {
    let mut n = 1;
    loop {
        let name = if n == 1 {
            format!("{stem}.{ext}")
        } else {
            format!("{stem}-{n}.{ext}")
        };
        let path = folder.join(name);
        match save_new(&path, contents) {
            Ok(()) => return Ok(path),
            Err(err) if err.problem == SaveProblem::Exists && n < UNIQUE_TRIES => n += 1,
            Err(err) => return Err(err),
        }
    }
}

/// Moves the finished temporary file to its name without ever replacing an existing file.
fn place(temp: &Path, path: &Path) -> io::Result<()> {
    match fs::hard_link(temp, path) {
        // Some disks (FAT USB sticks) have no hard links: fall back to a rename, checking
        // once more that nothing took the name meanwhile.
        Err(err) if err.kind() != io::ErrorKind::AlreadyExists && !path.exists() => {
            fs::rename(temp, path)
        }
        other => other,
    }
}

/// How much of the file's name the temporary file's name keeps: with the dot, the process id
/// and ".tmp" added it stays within the 255 bytes most systems allow, even for a name that is
/// itself near that limit.
const TEMP_NAME_KEEP: usize = 200;

/// The temporary file beside `path`: hidden, and named after it and this process.
fn temp_path(path: &Path) -> PathBuf {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = display_name(path);
    let mut keep = name.len().min(TEMP_NAME_KEEP);
    while !name.is_char_boundary(keep) {
        keep -= 1;
    }
    folder.join(format!(".{}.{}.tmp", &name[..keep], std::process::id()))
}

/// The save, with its two steps that touch the disk given: `writer` is what writes into the
/// temporary file (the file itself, except in tests), `place` what moves it to its name.
fn save_with(
    path: &Path,
    contents: &str,
    writer: impl FnOnce(&mut File) -> Box<dyn Write + '_>,
    place: impl FnOnce(&Path, &Path) -> io::Result<()>,
) -> Result<(), SaveError> {
    if path.exists() {
        return Err(SaveError::new(SaveProblem::Exists, path, None));
    }
    let temp = temp_path(path);
    let result = write_synced(&temp, contents, writer).and_then(|()| place(&temp, path));
    // The temporary file goes in every case: linked into place, or failed.
    let _ = fs::remove_file(&temp);
    result.map_err(|err| SaveError::from_io(&err, path))
}

/// Writes `contents` into a new file at `path` through `writer` and flushes it to disk.
fn write_synced(
    path: &Path,
    contents: &str,
    writer: impl FnOnce(&mut File) -> Box<dyn Write + '_>,
) -> io::Result<()> {
    let mut file = File::options().write(true).create_new(true).open(path)?;
    writer(&mut file).write_all(contents.as_bytes())?;
    file.sync_all()
}

fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failure_after_writing_removes_the_temporary_file_and_says_disk_full() {
        let dir = match tempfile::tempdir() {
            Ok(d) => d,
            Err(err) => panic!("{err}"),
        };
        let path = dir.path().join("summary.md");
        let result = save_with(
            &path,
            "contents",
            |file| Box::new(file),
            |temp, _| {
                assert!(temp.exists(), "the temporary file was written first");
                Err(io::Error::from(io::ErrorKind::StorageFull))
            },
        );
        let Err(err) = result else {
            panic!("the save should fail")
        };
        assert_eq!(err.problem, SaveProblem::DiskFull);
        assert_eq!(err.message(Lang::Zh), "磁盘已满。请清理空间或换一个磁盘。");
        let left = fs::read_dir(dir.path())
            .map(Iterator::count)
            .unwrap_or(usize::MAX);
        assert_eq!(left, 0, "no partial file and no temporary file");
    }

    /// The names in `dir`, sorted.
    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    }

    /// Writes the first half of what it is given, then finds the disk full.
    struct FillsUpHalfway<'f> {
        file: &'f mut File,
        wrote: bool,
    }

    impl Write for FillsUpHalfway<'_> {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if self.wrote {
                return Err(io::Error::from(io::ErrorKind::StorageFull));
            }
            self.wrote = true;
            self.file.write(&buf[..buf.len() / 2])
        }
        fn flush(&mut self) -> io::Result<()> {
            self.file.flush()
        }
    }

    /// Interrupted (a signal arrived) before its first write, then writes normally.
    struct InterruptedOnce<'f> {
        file: &'f mut File,
        interrupted: bool,
    }

    impl Write for InterruptedOnce<'_> {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if !self.interrupted {
                self.interrupted = true;
                return Err(io::Error::from(io::ErrorKind::Interrupted));
            }
            self.file.write(buf)
        }
        fn flush(&mut self) -> io::Result<()> {
            self.file.flush()
        }
    }

    #[test]
    fn a_disk_that_fills_up_mid_write_says_disk_full_and_leaves_nothing_behind() {
        let dir = match tempfile::tempdir() {
            Ok(d) => d,
            Err(err) => panic!("{err}"),
        };
        let earlier = dir.path().join("earlier.html");
        if let Err(err) = fs::write(&earlier, "earlier report") {
            panic!("{err}");
        }
        let before = names(dir.path());
        let path = dir.path().join("report.html");
        let contents = "举报材料 report ".repeat(1000);
        let result = save_with(
            &path,
            &contents,
            |file| Box::new(FillsUpHalfway { file, wrote: false }),
            |_, _| panic!("nothing is placed after a failed write"),
        );
        let Err(err) = result else {
            panic!("the save should fail")
        };
        assert_eq!(err.problem, SaveProblem::DiskFull);
        assert_eq!(err.message(Lang::Zh), "磁盘已满。请清理空间或换一个磁盘。");
        assert_eq!(
            err.message(Lang::En),
            "The disk is full. Free some space or choose another disk."
        );
        assert_eq!(names(dir.path()), before, "no temporary file, no report");
        assert_eq!(
            fs::read(&earlier).ok().as_deref(),
            Some(&b"earlier report"[..])
        );
    }

    #[test]
    fn a_write_interrupted_once_is_retried_and_the_file_is_complete() {
        let dir = match tempfile::tempdir() {
            Ok(d) => d,
            Err(err) => panic!("{err}"),
        };
        let path = dir.path().join("report.html");
        let contents = "举报材料 report ".repeat(1000);
        let result = save_with(
            &path,
            &contents,
            |file| {
                Box::new(InterruptedOnce {
                    file,
                    interrupted: false,
                })
            },
            place,
        );
        if let Err(err) = result {
            panic!("{err}");
        }
        assert_eq!(
            fs::read_to_string(&path).ok().as_deref(),
            Some(contents.as_str())
        );
        assert_eq!(names(dir.path()), vec!["report.html".to_owned()]);
    }

    #[test]
    fn the_temporary_name_of_a_long_name_stays_within_the_systems_limit() {
        let long = "报".repeat(85); // 255 bytes: the longest name most systems allow
        let temp = temp_path(&Path::new("folder").join(&long));
        let name = temp
            .file_name()
            .map_or(usize::MAX, |n| n.to_string_lossy().len());
        assert!(name <= 255, "{}", temp.display());
        assert_eq!(temp.parent(), Some(Path::new("folder")));
        let short = temp_path(Path::new("report.html"));
        assert_eq!(
            short,
            Path::new(".").join(format!(".report.html.{}.tmp", std::process::id()))
        );
    }
}
