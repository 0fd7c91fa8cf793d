//! The `scamcheck` binary: a subcommand runs on the command line; without one the window opens.

// Windows: a window program, so a double-click opens no console window beside the app. From a
// terminal, a command's output goes to that terminal (see `windows_console`).
#![cfg_attr(windows, windows_subsystem = "windows")]

use std::process::ExitCode;

/// Windows: a window program has no console of its own, so when started from a terminal with
/// arguments it writes to the terminal's console instead. Output redirected to a file or a pipe
/// is left as it is. (`cmd.exe` does not wait for a window program: the prompt can come back
/// before the output; `start /wait scamcheck …` waits, and so does a pipe.)
#[cfg(windows)]
mod windows_console {
    use std::os::windows::io::AsRawHandle as _;

    pub fn attach_if_command_line() {
        let no_output = std::io::stdout().as_raw_handle().is_null()
            || std::io::stderr().as_raw_handle().is_null();
        if std::env::args_os().len() > 1 && no_output {
            attach_parent_console();
        }
    }

    // The crate denies `unsafe`; this one foreign call is the exception.
    #[allow(unsafe_code)]
    fn attach_parent_console() {
        use windows_sys::Win32::System::Console::{ATTACH_PARENT_PROCESS, AttachConsole};
        // SAFETY: `AttachConsole` takes a process id by value and reads or writes no memory of
        // this program. It fails harmlessly (returns 0, ignored here) when the parent has no
        // console, e.g. when started from Explorer; Rust's standard streams look up the standard
        // handles on every write, so they use the console from then on.
        unsafe {
            AttachConsole(ATTACH_PARENT_PROCESS);
        }
    }
}

use clap::Parser as _;
use scamcheck::Analyzer;
use scamcheck::app::{self, AppOptions, fonts};
use scamcheck::cli::{self, Cli};
use scamcheck::rules::RuleSet;

fn main() -> ExitCode {
    #[cfg(windows)]
    windows_console::attach_if_command_line();
    let cli = Cli::parse();
    if let Some(command) = &cli.command {
        return cli::run(&cli, command);
    }
    // Finding the Chinese font (a scan of the system's fonts) runs while the rules compile.
    let font = std::thread::spawn(fonts::system_cjk_font);
    // A broken rule file does not keep the window from opening: it runs on the built-in
    // rules and shows the file's problems on the Rules screen. A file someone chose is checked
    // in full (every pattern compiled) before it is used; the built-in rules compile when the
    // text check first needs them.
    let mut problem = None;
    let mut analyzer = None;
    let mut rules_path = None;
    let rules = match &cli.rules {
        Some(path) => match Analyzer::load(path) {
            Ok(checked) => {
                rules_path = Some(path.clone());
                let rules = RuleSet::clone(checked.rules());
                analyzer = Some(checked);
                Ok(rules)
            }
            Err(err) => {
                problem = Some(err);
                RuleSet::embedded()
            }
        },
        None => RuleSet::embedded(),
    };
    let rules = match rules {
        Ok(rules) => rules,
        Err(err) => {
            eprintln!("{err}");
            return ExitCode::from(1);
        }
    };
    let options = AppOptions {
        cjk_font: font.join().ok().flatten(),
        lang: cli.lang.map(Into::into),
        rules_path,
        rules_problem: problem,
        analyzer,
        ..AppOptions::without_font(rules)
    };
    match app::run(options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("scamcheck: cannot open the window: {err}");
            ExitCode::from(1)
        }
    }
}
