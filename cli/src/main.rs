//! `wasmloom`: run a WebAssembly function, or run .wast scripts. See `wasmloom --help`.

mod cmd;

use cmd::args::{self, Command};
use std::process::ExitCode;

fn main() -> ExitCode {
    // A bug in wasmloom should read as one line on stderr, not as a backtrace.
    std::panic::set_hook(Box::new(|info| {
        eprintln!(
            "error: internal error (a bug in wasmloom): {}",
            info.to_string().replace('\n', " ")
        );
    }));
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let outcome = match args::parse(&argv) {
        Ok(Command::Help) => {
            print!("{}", args::HELP);
            return ExitCode::SUCCESS;
        }
        Ok(Command::Version) => {
            println!("wasmloom {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        Ok(Command::Run(opts)) => cmd::run::run(&opts),
        Ok(Command::Wast(opts)) => cmd::wast::run(&opts),
        Err(usage) => {
            eprintln!("error: {usage}\n\nSee `wasmloom --help`.");
            return ExitCode::from(2);
        }
    };
    outcome.unwrap_or_else(|error| {
        eprintln!("error: {error}");
        ExitCode::FAILURE
    })
}
