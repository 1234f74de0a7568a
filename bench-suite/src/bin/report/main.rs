//! The side-by-side report: every case on every runtime, interleaved, every result checked;
//! written to `bench-suite/results/<date>-<machine>.md` with SVG charts beside it.
//!
//! ```sh
//! cargo run --release -p wasmloom-bench-suite --bin report -- --quick
//! cargo run --release -p wasmloom-bench-suite --features peers --bin report
//! ```

mod calls;
mod document;
mod execute;
mod heap;
mod interleave;
mod machine;
mod options;
mod stats;
mod svg;
mod table;
mod translation;
mod wasmi_modes;

use document::Report;
use machine::Machine;
use options::Options;
use std::process::ExitCode;
use wasmloom_bench_suite::cases::{CASES, Case};
use wasmloom_bench_suite::generated;
use wasmloom_bench_suite::runtime::runtimes;

/// The runtime every ratio is taken to.
pub const BASELINE: &str = "wasmi2/direct";

/// How many of the largest guests the translation section measures.
const LARGEST_GUESTS: usize = 3;

fn main() -> ExitCode {
    let options = match Options::parse(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::FAILURE;
        }
    };
    if cfg!(debug_assertions) {
        eprintln!("warning: a debug build; run the report with --release for meaningful numbers");
    }
    match run(&options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("report: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(options: &Options) -> Result<(), String> {
    // Other work on the machine is noise in every number: say how busy it was.
    let load = machine::load_average();
    let runtimes: Vec<_> = runtimes()
        .into_iter()
        .filter(|rt| options.wants_runtime(&rt.name()))
        .collect();
    let cases: Vec<&Case> = CASES
        .iter()
        .filter(|c| options.wants_case(c.name))
        .collect();
    if cases.is_empty() {
        return Err("no case selected".into());
    }
    let notes: Vec<String> = runtimes.iter().filter_map(|rt| rt.note()).collect();
    for note in &notes {
        eprintln!("note: {note}");
    }

    let scratch = wasmi_modes::target_dir().join("modules");
    std::fs::create_dir_all(&scratch).map_err(|e| format!("{}: {e}", scratch.display()))?;
    let (runners, runner_failures) = match options.wasmi_modes {
        true => wasmi_modes::build_all(),
        false => (Vec::new(), Vec::new()),
    };
    for failure in &runner_failures {
        eprintln!("{failure}");
    }

    let mut times = execute::Times::default();
    for case in &cases {
        execute::measure_case(
            case,
            &runtimes,
            &runners,
            options.reps,
            &scratch,
            &mut times,
        );
    }
    eprintln!("call overhead …");
    let calls = calls::measure(&runtimes, options.reps);
    let functions = match options.quick {
        true => generated::FUNCTIONS / 4,
        false => generated::FUNCTIONS,
    };
    let subjects = translation::subjects(&cases, LARGEST_GUESTS, functions, &scratch)?;
    let translations = translation::measure(&subjects, &runtimes, &runners, options.reps);

    let machine = Machine::detect();
    let stem = format!("{}-{}", machine::today(), machine.slug());
    let charts = (
        format!("{stem}-ratios.svg"),
        format!("{stem}-same-mode.svg"),
    );
    let report = Report {
        about: about(options, &machine, &load),
        runtimes: runtimes.iter().map(|rt| rt.name()).collect(),
        notes: notes.into_iter().chain(runner_failures).collect(),
        cases: cases.iter().map(|c| c.name.to_string()).collect(),
        reps: options.reps,
        times,
        runners: &runners,
        calls,
        subjects: &subjects,
        translations,
        charts: charts.clone(),
    };
    let markdown = report.markdown();
    let (ratios_svg, same_mode_svg) = report.charts();
    let out = &options.out;
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let write = |name: &str, text: &str| {
        let path = out.join(name);
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))
    };
    write(&format!("{stem}.md"), &markdown)?;
    write(&charts.0, &ratios_svg)?;
    if !runners.is_empty() {
        write(&charts.1, &same_mode_svg)?;
    }
    println!("{markdown}");
    eprintln!("wrote {}", out.join(format!("{stem}.md")).display());
    Ok(())
}

/// The header lines: where, with what, how.
fn about(options: &Options, machine: &Machine, load: &str) -> Vec<String> {
    let unknown = || "unknown".to_string();
    let rustc = machine::command_line("rustc", &["--version"]).unwrap_or_else(unknown);
    let commit =
        machine::command_line("git", &["rev-parse", "--short", "HEAD"]).unwrap_or_else(unknown);
    let peers = match cfg!(feature = "peers") {
        true => "with the peers",
        false => "without the peers (build with `--features peers` for them)",
    };
    vec![
        format!("Date: {}", machine::today()),
        format!(
            "Machine: {} ({}), {} cores; load average at the start: {load}",
            machine.host,
            machine.cpu,
            cores()
        ),
        format!("Toolchain: {rustc}; wasmloom commit {commit}"),
        format!(
            "Code generation flags, the same for every runtime here: `{}`",
            match wasmloom::BUILD_RUSTFLAGS {
                "" => "none",
                flags => flags,
            }
        ),
        format!(
            "Command: `cargo run --release -p wasmloom-bench-suite{} --bin report --{}`, {peers}",
            if cfg!(feature = "peers") {
                " --features peers"
            } else {
                ""
            },
            std::env::args()
                .skip(1)
                .map(|a| format!(" {a}"))
                .collect::<String>()
        ),
        format!(
            "{} repetitions of every measurement{}; medians",
            options.reps,
            if options.quick { " (`--quick`)" } else { "" }
        ),
    ]
}

fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}
