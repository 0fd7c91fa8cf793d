//! The `scamcheck` binary: a subcommand runs on the command line; without one the window opens.

use std::process::ExitCode;

use clap::Parser as _;
use scamcheck::app::{self, AppOptions, fonts};
use scamcheck::cli::{self, Cli};
use scamcheck::rules::RuleSet;

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(command) = &cli.command {
        return cli::run(&cli, command);
    }
    // Finding the Chinese font (a scan of the system's fonts) runs while the rules compile.
    let font = std::thread::spawn(fonts::system_cjk_font);
    // A broken rule file does not keep the window from opening: it runs on the built-in
    // rules and shows the file's problems on the Rules screen.
    let (loaded, rules_path, problems) = match &cli.rules {
        Some(path) => match RuleSet::load(path) {
            Ok(rules) => (Ok(rules), Some(path.clone()), Vec::new()),
            Err(err) => (RuleSet::embedded(), None, err.lines()),
        },
        None => (RuleSet::embedded(), None, Vec::new()),
    };
    let rules = match loaded {
        Ok(rules) => rules,
        Err(err) => {
            eprintln!("{err}");
            return ExitCode::from(1);
        }
    };
    let mut options = AppOptions {
        cjk_font: font.join().ok().flatten(),
        ..AppOptions::without_font(rules)
    };
    options.lang = cli.lang.map(Into::into);
    options.rules_path = rules_path;
    options.rules_problems = problems;
    match app::run(options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("scamcheck: cannot open the window: {err}");
            ExitCode::from(1)
        }
    }
}
