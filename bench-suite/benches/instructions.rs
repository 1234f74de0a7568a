//! Instruction counts (gungraun: Callgrind under `cargo bench`), for the same cases and runtimes
//! as the criterion benches: groups `execute`, `translate`, `instantiate` (one benchmark per
//! case, one id per runtime) and `call` (`host_to_wasm`, `wasm_to_host`). Each count is one run
//! of the `bench-once` binary, which prepares everything first and is counted only inside its
//! measured step. Pairs that fail their check here (the case's result, once) are left out with
//! the reason printed.
//!
//! Needs valgrind and `cargo install gungraun-runner --version 0.20.0`, so it is not a default
//! bench target (`bench = false`): neither `cargo bench` alone nor `cargo test --all-targets`
//! runs it. Name it:
//!
//! ```sh
//! cargo bench -p wasmloom-bench-suite --bench instructions
//! cargo bench -p wasmloom-bench-suite --bench instructions -- 'instructions::execute::fib_recursive::*'
//! ```

use gungraun::{
    Bench, BinaryBenchmark, BinaryBenchmarkConfig, BinaryBenchmarkGroup, Callgrind, Command,
    EntryPoint, binary_benchmark_group, main,
};
use std::sync::OnceLock;
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

/// For every case, the runtimes that pass its check (expected result, once); the reason is
/// printed for the others. Computed once for the three groups that need it.
fn fit() -> &'static [(&'static str, Vec<String>)] {
    static FIT: OnceLock<Vec<(&'static str, Vec<String>)>> = OnceLock::new();
    FIT.get_or_init(|| {
        let runtimes = runtimes();
        let fit = |case| {
            let passing = runtimes.iter().filter(|runtime| {
                let checked = harness::check(&***runtime, case);
                let name = runtime.name();
                checked
                    .inspect_err(|e| eprintln!("{}/{name}: {e}", case.name))
                    .is_ok()
            });
            passing.map(|runtime| runtime.name()).collect()
        };
        CASES.iter().map(|case| (case.name, fit(case))).collect()
    })
}

/// One benchmark per case, one id per runtime that passes the case's check.
fn per_case(group: &mut BinaryBenchmarkGroup, step: &str) {
    // gungraun rejects a benchmark without ids: a case no runtime passes is left out.
    for (case, runtimes) in fit().iter().filter(|(_, runtimes)| !runtimes.is_empty()) {
        let mut benchmark = BinaryBenchmark::new(id(case));
        for runtime in runtimes {
            benchmark.bench(Bench::new(id(runtime)).command(command(&[step, case, runtime])));
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

main!(
    // Count only inside `bench-once`'s measured step.
    config = BinaryBenchmarkConfig::default()
        .tool(Callgrind::default().entry_point(EntryPoint::Custom("bench_once_measured".into())));
    binary_benchmark_groups = execute, translate, instantiate, call
);
