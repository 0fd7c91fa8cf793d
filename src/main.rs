//! The `scamcheck` binary: a subcommand runs on the command line; without one the window opens.

use std::process::ExitCode;

use clap::Parser as _;
use scamcheck::app::{self, AppOptions};
use scamcheck::cli::{self, Cli};
use scamcheck::rules::RuleSet;

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(command) = &cli.command {
        return cli::run(&cli, command);
    }
    let rules = match &cli.rules {
        Some(path) => RuleSet::load(path),
        None => RuleSet::embedded(),
    };
    let rules = match rules {
        Ok(rules) => rules,
        Err(err) => {
            eprintln!("{err}");
            return ExitCode::from(1);
        }
    };
    let mut options = AppOptions::new(rules);
    options.lang = cli.lang.map(Into::into);
    options.rules_path = cli.rules.clone();
    match app::run(options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("scamcheck: cannot open the window: {err}");
            ExitCode::from(1)
        }
    }
}
