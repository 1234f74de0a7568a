//! One step measured once, for the instruction-count benches (`benches/instructions.rs`, run
//! under Callgrind by gungraun). Everything is prepared first; the measured step runs inside
//! [`bench_once_measured`], the only function whose instructions Callgrind collects
//! (`--toggle-collect`); its result is checked after.
//!
//! ```text
//! bench-once execute|translate|instantiate CASE RUNTIME
//! bench-once translate generated RUNTIME
//! bench-once host-to-wasm|wasm-to-host RUNTIME
//! ```

use std::process::ExitCode;
use wasmloom_bench_suite::calls::HOST_CALLS;
use wasmloom_bench_suite::cases::CASES;
use wasmloom_bench_suite::runtime::{Runtime, runtimes};
use wasmloom_bench_suite::{generated, harness};

/// The measured step. Its symbol is fixed (not mangled) so that the bench can name it to
/// Callgrind; it is never inlined, so that entering it is a real call Callgrind sees.
#[unsafe(no_mangle)]
#[inline(never)]
pub fn bench_once_measured(step: &mut dyn FnMut()) {
    step();
}

fn measure<R>(mut step: impl FnMut() -> R) -> R {
    let mut result = None;
    bench_once_measured(&mut || result = Some(step()));
    result.expect("the measured step ran")
}

fn runtime(name: &str) -> Result<Box<dyn Runtime>, String> {
    let found = runtimes().into_iter().find(|rt| rt.name() == name);
    found.ok_or_else(|| format!("no runtime `{name}` in this build"))
}

fn run(args: &[&str]) -> Result<(), String> {
    match args {
        ["translate", "generated", runtime_name] => {
            let runtime = runtime(runtime_name)?;
            let wasm = generated::module(generated::FUNCTIONS);
            measure(|| runtime.compile(&wasm)).map(drop)
        }
        [
            step @ ("execute" | "translate" | "instantiate"),
            case,
            runtime_name,
        ] => {
            let case = CASES
                .iter()
                .find(|c| c.name == *case)
                .ok_or_else(|| format!("no case `{case}`"))?;
            let runtime = runtime(runtime_name)?;
            let mut checked = harness::check(&*runtime, case).map_err(|e| e.to_string())?;
            match *step {
                "execute" => {
                    let result = measure(|| checked.instance.run())?;
                    match result == case.expected {
                        true => Ok(()),
                        false => Err(format!("run returned {result}, expected {}", case.expected)),
                    }
                }
                "translate" => {
                    let wasm = harness::binary(case)?;
                    measure(|| runtime.compile(&wasm)).map(drop)
                }
                _ => measure(|| checked.compiled.instantiate()).map(drop),
            }
        }
        [step @ ("host-to-wasm" | "wasm-to-host"), runtime_name] => {
            let runtime = runtime(runtime_name)?;
            let mut calls = harness::check_calls(&*runtime).map_err(|e| e.to_string())?;
            match *step {
                "host-to-wasm" => measure(|| calls.empty()),
                _ => match measure(|| calls.call_host(HOST_CALLS))? {
                    HOST_CALLS => Ok(()),
                    other => Err(format!("call_host({HOST_CALLS}) returned {other}")),
                },
            }
        }
        _ => Err(
            "usage: bench-once execute|translate|instantiate CASE RUNTIME | \
                  bench-once translate generated RUNTIME | \
                  bench-once host-to-wasm|wasm-to-host RUNTIME"
                .into(),
        ),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bench-once {}: {e}", args.join(" "));
            ExitCode::FAILURE
        }
    }
}
