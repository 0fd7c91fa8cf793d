//! The `scamcheck` binary: a subcommand runs on the command line; without one the window opens.

use std::process::ExitCode;

use clap::Parser as _;
use scamcheck::Analyzer;
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
