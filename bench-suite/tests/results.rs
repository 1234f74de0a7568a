//! Every guest returns its expected result on every wasmloom backend and on Wasmi 2.0, and the
//! call-overhead and generated modules work there too. One test per runtime, so that they run
//! in parallel. The peers are not checked here (they are not ours to fix, and not built).

use wasmloom_bench_suite::cases::CASES;
use wasmloom_bench_suite::harness::{self, Unfit};
use wasmloom_bench_suite::runtime::{Runtime, runtimes};
use wasmloom_bench_suite::{generated, wasm};

fn runtime(name: &str) -> Box<dyn Runtime> {
    let found = runtimes().into_iter().find(|rt| rt.name() == name);
    found.unwrap_or_else(|| panic!("no runtime `{name}` in this build"))
}

/// Checks every case and the call module; a case may be skipped only for a proposal the
/// runtime declares it lacks.
fn check_runtime(name: &str) {
    let runtime = runtime(name);
    let mut failures = Vec::new();
    for case in CASES {
        match harness::check(&*runtime, case) {
            Ok(_) => {}
            Err(Unfit::Skipped(_)) if runtime.supports(case).is_err() => {}
            Err(unfit) => failures.push(format!("{}: {unfit}", case.name)),
        }
    }
    if let Err(unfit) = harness::check_calls(&*runtime) {
        failures.push(format!("call-overhead module: {unfit}"));
    }
    assert!(failures.is_empty(), "{name}:\n{}", failures.join("\n"));
}

macro_rules! runtime_tests {
    ($($test:ident => $name:literal,)*) => {
        $(
            // Guests are sized for release builds (0.1 to 1 s a run); a debug build would take
            // minutes per runtime. CI runs this file with `cargo test --release`.
            #[test]
            #[cfg_attr(debug_assertions, ignore = "guests are sized for release builds: run with --release")]
            fn $test() {
                check_runtime($name);
            }
        )*
    };
}

runtime_tests! {
    wasmloom_direct_threaded => "wasmloom/direct-threaded",
    wasmloom_indirect_threaded => "wasmloom/indirect-threaded",
    wasmloom_loop_call => "wasmloom/loop-call",
    wasmloom_loop_match => "wasmloom/loop-match",
    wasmi2_direct => "wasmi2/direct",
}

#[test]
fn case_names_are_unique() {
    let mut names: Vec<_> = CASES.iter().map(|case| case.name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), CASES.len());
}

#[test]
fn generated_module_compiles_with_its_code_measured() {
    let wasm = generated::module(200);
    let code = wasm::code_section_size(&wasm).unwrap();
    assert!(code > 200 * 50, "{code} bytes of code for 200 functions");
    for name in [
        "wasmloom/direct-threaded",
        "wasmloom/loop-match",
        "wasmi2/direct",
    ] {
        let compiled = runtime(name).compile(&wasm).unwrap();
        if name.starts_with("wasmloom") {
            assert!(compiled.code_size().unwrap() > code / 2);
        }
    }
}
