//! `coremark`: runs a CoreMark-interface module on every runtime compiled in and prints the
//! scores side by side. `coremark --help` says how.

use std::process::ExitCode;
use std::time::Instant;
use wasmloom_coremark::{Entry, Outcome, Row, Runtime, WORKLOAD, measure, table};

const USAGE: &str = "\
usage: coremark [--wasm PATH] [--runtime NAME]... [--seconds S | --iterations N]

Runs a module that imports env.clock_ms: [] -> [i64] and exports run: [] -> [f32] on each
runtime, and prints each score (iterations per second) and its ratio to Wasmi 2.0's.

  --wasm PATH       the module to run (default: our workload, coremark/guest/coremark.wasm)
  --runtime NAME    run only on NAME; repeat for more. NAME is one of the names below,
                    `wasmloom` (its four modes) or `peers` (default: all compiled in)
  --seconds S       call run_ms(S * 1000) instead of run (our workload: measure for S seconds)
  --iterations N    call run_iterations(N) instead of run (our workload: a fixed amount of work)

runtimes:";

struct Args {
    wasm: Option<String>,
    runtimes: Vec<Runtime>,
    entry: Entry,
}

fn usage() -> String {
    let mut usage = USAGE.to_string();
    for runtime in Runtime::ALL {
        let compiled = if runtime.is_compiled() {
            ""
        } else {
            " (needs --features peers)"
        };
        usage += &format!("\n  {:<18}  {}{compiled}", runtime.name(), runtime.label());
    }
    usage
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let mut wasm = None;
    let mut names = Vec::new();
    let mut entry = Entry::Run;
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "--wasm" => wasm = Some(value()?),
            "--runtime" => names.push(value()?),
            "--seconds" => {
                let seconds: f64 = value()?.parse().map_err(|e| format!("--seconds: {e}"))?;
                entry = Entry::Millis((seconds * 1000.0).round() as i32);
            }
            "--iterations" => {
                let n: i32 = value()?.parse().map_err(|e| format!("--iterations: {e}"))?;
                entry = Entry::Iterations(n);
            }
            _ => return Err(format!("unexpected argument `{arg}`")),
        }
    }
    let runtimes = if names.is_empty() {
        Runtime::compiled()
    } else {
        Runtime::select(&names)?
    };
    Ok(Some(Args {
        wasm,
        runtimes,
        entry,
    }))
}

fn main() -> ExitCode {
    let args = match parse(std::env::args().skip(1)) {
        Ok(Some(args)) => args,
        Ok(None) => {
            println!("{}", usage());
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("coremark: {message}\n\n{}", usage());
            return ExitCode::from(2);
        }
    };
    let wasm = match &args.wasm {
        Some(path) => match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) => {
                eprintln!("coremark: cannot read {path}: {e}");
                return ExitCode::from(2);
            }
        },
        None => WORKLOAD.to_vec(),
    };

    let module = args.wasm.as_deref().unwrap_or("the shipped workload");
    eprintln!("{module}: calling `{}`", args.entry.export());
    let mut rows = Vec::new();
    for runtime in args.runtimes {
        eprint!("  {:<26} ", runtime.label());
        let start = Instant::now();
        let outcome = measure(runtime, &wasm, args.entry);
        eprintln!("{:.1} s", start.elapsed().as_secs_f64());
        rows.push(Row { runtime, outcome });
    }
    println!("\n{}", table(&rows));

    let failed = rows.iter().any(|row| match row.outcome {
        Outcome::Score(_) => false,
        Outcome::Invalid(_) => true,
        Outcome::Error(_) => !row.runtime.is_peer(),
    });
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
