//! `wasmloom wast`: run .wast scripts and count their directives.

use super::args::WastOptions;
use super::engine;
use std::fs;
use std::process::ExitCode;
use wasmloom_cli::wast::{Excuses, Summary, run_script};

pub fn run(opts: &WastOptions) -> Result<ExitCode, String> {
    let engine = engine(opts.dispatch)?;
    let excuses = Excuses::default();
    let mut summary = Summary::default();
    for path in &opts.files {
        let text =
            fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let report = run_script(&engine, &name, &text, &excuses, &mut |_| {});
        for failure in report.failures.iter() {
            println!("{}:{failure}", path.display());
        }
        summary.add(path.display().to_string(), report);
    }
    if opts.files.len() > 1 {
        print!("{}", summary.table());
    }
    let (passed, failed, _) = summary.totals();
    println!("{passed} passed, {failed} failed");
    Ok(if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
