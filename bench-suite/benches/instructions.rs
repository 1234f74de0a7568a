//! Instruction counts (gungraun: Callgrind under `cargo bench`), for the same cases and runtimes
//! as the criterion benches: groups `execute`, `translate`, `instantiate` (one benchmark per
//! case, one id per runtime) and `call` (`host_to_wasm`, `wasm_to_host`). Each count is one run
//! of the `bench-once` binary, which prepares everything first and is counted only inside its
//! measured step. Pairs that fail their check here (the case's result, once) are left out with
//! the reason printed.
//!
//! Needs valgrind and `cargo install gungraun-runner --version 0.20.0`. Started without
//! `--bench` (as `cargo test --all-targets` does), it does nothing:
//!
//! ```sh
//! cargo bench -p wasmloom-bench-suite --bench instructions
//! cargo bench -p wasmloom-bench-suite --bench instructions -- 'instructions::execute::fib_recursive::*'
//! ```

use gungraun::{
    Bench, BinaryBenchmark, BinaryBenchmarkConfig, BinaryBenchmarkGroup, Callgrind, Command,
    EntryPoint, binary_benchmark_group, main,
};
use wasmloom_bench_suite::cases::CASES;
use wasmloom_bench_suite::harness;
use wasmloom_bench_suite::runtime::runtimes;

const BENCH_ONCE: &str = env!("CARGO_BIN_EXE_bench-once");

/// A name as a gungraun id: ASCII letters, digits and `_`, not starting with a digit.
fn id(name: &str) -> String {
    let id: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    match id.starts_with(|c: char| c.is_ascii_digit()) {
        true => format!("_{id}"),
        false => id,
    }
}

fn command(args: &[&str]) -> Command {
    Command::new(BENCH_ONCE).args(args).build()
}

/// One benchmark per case, one id per runtime that passes the case's check.
fn per_case(group: &mut BinaryBenchmarkGroup, step: &str) {
    let runtimes = runtimes();
    for case in CASES {
        let mut benchmark = BinaryBenchmark::new(id(case.name));
        for runtime in &runtimes {
            let name = runtime.name();
            match harness::check(&**runtime, case) {
                Ok(_) => {
                    let bench = Bench::new(id(&name)).command(command(&[step, case.name, &name]));
                    benchmark.bench(bench);
                }
                Err(unfit) => eprintln!("{step}/{}/{name}: {unfit}", case.name),
            }
        }
        group.binary_benchmark(benchmark);
    }
}

fn calls(group: &mut BinaryBenchmarkGroup) {
    let runtimes = runtimes();
    for step in ["host-to-wasm", "wasm-to-host"] {
        let mut benchmark = BinaryBenchmark::new(id(step));
        for runtime in &runtimes {
            let name = runtime.name();
            match harness::check_calls(&**runtime) {
                Ok(_) => {
                    benchmark.bench(Bench::new(id(&name)).command(command(&[step, &name])));
                }
                Err(unfit) => eprintln!("call/{step}/{name}: {unfit}"),
            }
        }
        group.binary_benchmark(benchmark);
    }
}

binary_benchmark_group!(
    name = execute,
    benchmarks = |group: &mut BinaryBenchmarkGroup| per_case(group, "execute")
);
binary_benchmark_group!(
    name = translate,
    benchmarks = |group: &mut BinaryBenchmarkGroup| per_case(group, "translate")
);
binary_benchmark_group!(
    name = instantiate,
    benchmarks = |group: &mut BinaryBenchmarkGroup| per_case(group, "instantiate")
);
binary_benchmark_group!(
    name = call,
    benchmarks = |group: &mut BinaryBenchmarkGroup| calls(group)
);

/// gungraun's harness, in a module so that `main` below decides whether it runs.
mod harness {
    use super::*;

    main!(
        // Count only inside `bench-once`'s measured step.
        config = BinaryBenchmarkConfig::default()
            .tool(Callgrind::default().entry_point(EntryPoint::Custom("bench_once_measured".into())));
        binary_benchmark_groups = execute, translate, instantiate, call
    );

    pub(super) fn run() {
        main();
    }
}

fn main() {
    // `cargo bench` passes `--bench`; gungraun-runner calls back with `--gungraun-run`; anything
    // else (`cargo test --all-targets`) must not need valgrind.
    let called_back = std::env::args().nth(1).as_deref() == Some("--gungraun-run");
    if wasmloom_bench_suite::under_cargo_bench() || called_back {
        harness::run();
    }
}
