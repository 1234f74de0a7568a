//! The shipped workload validates on every wasmloom backend and on Wasmi 2.0, and the runner
//! tells a score from a failed validation and from a module it cannot run. Short runs: a few
//! cycles of the workload each.

use wasmloom::{Config, Dispatch, Engine, ExternType, Module, ValType};
use wasmloom_coremark::{Entry, Outcome, Runtime, WORKLOAD, measure};

/// Two cycles of the workload's eight seeds.
const ITERATIONS: i32 = 16;

fn assert_validates(runtime: Runtime, entry: Entry) {
    let outcome = measure(runtime, WORKLOAD, entry);
    assert!(
        matches!(outcome, Outcome::Score(score) if score > 0.0),
        "{}: {outcome:?}",
        runtime.label()
    );
}

#[test]
fn validates_on_every_wasmloom_backend() {
    for mode in Dispatch::ALL {
        assert_validates(Runtime::Wasmloom(mode), Entry::Iterations(ITERATIONS));
    }
}

#[test]
fn validates_on_wasmi() {
    assert_validates(Runtime::Wasmi, Entry::Iterations(ITERATIONS));
}

#[test]
fn run_ms_measures_for_about_that_long() {
    let start = std::time::Instant::now();
    assert_validates(Runtime::Wasmloom(Dispatch::LoopMatch), Entry::Millis(50));
    // The clock counts whole milliseconds, so 50 of its ticks can span just over 49 ms.
    assert!(start.elapsed().as_millis() >= 49);
}

#[test]
fn the_workload_imports_only_the_clock() {
    let engine = Engine::new(&Config::new()).unwrap();
    let module = Module::new(&engine, WORKLOAD).unwrap();
    let imports: Vec<_> = module
        .imports()
        .map(|i| (i.module().to_string(), i.name().to_string(), i.ty()))
        .collect();
    let clock = ExternType::Func(wasmloom::FuncType::new([], [ValType::I64]));
    assert_eq!(imports, [("env".into(), "clock_ms".into(), clock)]);
    for entry in [Entry::Run, Entry::Millis(0), Entry::Iterations(0)] {
        let params: Vec<ValType> = entry.arg().map(|_| ValType::I32).into_iter().collect();
        let ty = ExternType::Func(wasmloom::FuncType::new(params, [ValType::F32]));
        let export = module.exports().find(|e| e.name() == entry.export());
        assert_eq!(export.map(|e| e.ty()), Some(ty), "{}", entry.export());
    }
}

/// A module with the interface whose `run` reports a failed validation.
const FAILING: &str = r#"
    (module
      (import "env" "clock_ms" (func $clock (result i64)))
      (func (export "run") (result f32)
        (drop (call $clock))
        (f32.const -58)))
"#;

#[test]
fn a_failed_validation_is_invalid_on_every_runtime_compiled_in() {
    let wasm = wat::parse_str(FAILING).unwrap();
    for runtime in Runtime::compiled() {
        if runtime == Runtime::Stitch && cfg!(debug_assertions) {
            continue;
        }
        let outcome = measure(runtime, &wasm, Entry::Run);
        assert_eq!(outcome, Outcome::Invalid(-58.0), "{}", runtime.label());
    }
}

#[test]
fn a_missing_export_is_an_error() {
    let wasm = wat::parse_str(FAILING).unwrap();
    let outcome = measure(Runtime::Wasmi, &wasm, Entry::Iterations(1));
    assert!(matches!(outcome, Outcome::Error(_)), "{outcome:?}");
    let outcome = measure(
        Runtime::Wasmloom(Dispatch::LoopMatch),
        &wasm,
        Entry::Iterations(1),
    );
    assert!(matches!(outcome, Outcome::Error(_)), "{outcome:?}");
}
