//! The `scamcheck` binary: a subcommand runs on the command line, no subcommand opens the window.

use std::process::ExitCode;

use clap::Parser as _;
use scamcheck::cli::{self, Cli};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match &cli.command {
        Some(command) => cli::run(&cli, command),
        None => {
            eprintln!("The window is not built yet; see `scamcheck --help`.");
            ExitCode::from(2)
        }
    }
}
