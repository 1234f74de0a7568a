//! Wall-clock benches (criterion), every runtime side by side in each group:
//!
//! - `execute/<case>`: `run` on a ready instance (instantiation and `setup` are not timed);
//! - `translate/<case>`: parse, validate and translate;
//! - `instantiate/<case>`: a fresh instance of the compiled module;
//! - `call/host-to-wasm`: one call of an exported empty function from the host;
//! - `call/wasm-to-host`: a guest loop calling an imported host function (per call).
//!
//! Each pair is checked once (the case's expected result) before it is timed, whatever the
//! filter; a pair that fails is left out with the reason printed. Samples are few and short so
//! that the whole run fits a 2-core machine's patience; narrow it with a filter:
//! `cargo bench -p wasmloom-bench-suite --bench time -- execute/fib`.

use criterion::{Criterion, SamplingMode, Throughput};
use std::time::Duration;
use wasmloom_bench_suite::calls::HOST_CALLS;
use wasmloom_bench_suite::cases::{CASES, Case};
use wasmloom_bench_suite::harness;
use wasmloom_bench_suite::runtime::{Runtime, runtimes};

/// The three groups of one case; each pair is checked once, first.
fn case_groups(c: &mut Criterion, runtimes: &[Box<dyn Runtime>], case: &Case) {
    let mut checked: Vec<_> = runtimes
        .iter()
        .filter_map(|runtime| match harness::check(&**runtime, case) {
            Ok(checked) => Some((runtime, checked)),
            Err(unfit) => {
                eprintln!("{}/{}: {unfit}", case.name, runtime.name());
                None
            }
        })
        .collect();
    if checked.is_empty() {
        return;
    }

    let mut group = c.benchmark_group(format!("execute/{}", case.name));
    // A guest runs for milliseconds or more: the same few iterations in every sample.
    group
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    for (runtime, checked) in &mut checked {
        group.bench_function(runtime.name(), |b| b.iter(|| checked.instance.run()));
    }
    group.finish();

    let wasm = harness::binary(case).expect("a checked case is a module");
    let mut group = c.benchmark_group(format!("translate/{}", case.name));
    for (runtime, _) in &checked {
        group.bench_function(runtime.name(), |b| {
            b.iter_with_large_drop(|| runtime.compile(&wasm))
        });
    }
    group.finish();

    let mut group = c.benchmark_group(format!("instantiate/{}", case.name));
    for (runtime, checked) in &checked {
        group.bench_function(runtime.name(), |b| {
            b.iter_with_large_drop(|| checked.compiled.instantiate())
        });
    }
    group.finish();
}

fn calls(c: &mut Criterion, runtimes: &[Box<dyn Runtime>]) {
    let mut checked: Vec<_> = runtimes
        .iter()
        .filter_map(|runtime| match harness::check_calls(&**runtime) {
            Ok(calls) => Some((runtime.name(), calls)),
            Err(unfit) => {
                eprintln!("call/{}: {unfit}", runtime.name());
                None
            }
        })
        .collect();
    let mut group = c.benchmark_group("call/host-to-wasm");
    for (name, calls) in &mut checked {
        group.bench_function(name.as_str(), |b| b.iter(|| calls.empty()));
    }
    group.finish();
    let mut group = c.benchmark_group("call/wasm-to-host");
    group.throughput(Throughput::Elements(HOST_CALLS as u64));
    for (name, calls) in &mut checked {
        group.bench_function(name.as_str(), |b| b.iter(|| calls.call_host(HOST_CALLS)));
    }
    group.finish();
}

fn main() {
    // `cargo test --all-targets` runs bench targets too (without `--bench`): nothing to do there.
    if !wasmloom_bench_suite::under_cargo_bench() {
        return;
    }
    let mut c = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(1))
        .configure_from_args();
    let runtimes = runtimes();
    for runtime in &runtimes {
        if let Some(note) = runtime.note() {
            eprintln!("note: {note}");
        }
    }
    for case in CASES {
        case_groups(&mut c, &runtimes, case);
    }
    calls(&mut c, &runtimes);
    c.final_summary();
}
