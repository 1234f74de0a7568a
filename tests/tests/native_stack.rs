//! No native stack overflow, ever: on a thread with a 256 KiB native stack, every backend runs
//! a loop of 100 million iterations and the deepest recursion the call-depth limit allows, and
//! one call deeper traps cleanly. In a debug build the threaded modes run their loop fallbacks;
//! in a release build they tail-call (`cargo test --release` runs this too).

use wasmloom::{Config, Dispatch, Engine, Instance, Linker, Module, Store, TrapCode};

const GUEST: &str = r#"
(module
  (func (export "count") (param $n i32) (result i32) (local $i i32)
    (loop $l
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
    (local.get $i))
  (func $depth (export "depth") (param $n i32) (result i32)
    (if (result i32) (i32.eqz (local.get $n))
      (then (i32.const 0))
      (else (i32.add (i32.const 1) (call $depth (i32.sub (local.get $n) (i32.const 1))))))))
"#;

const ITERATIONS: i32 = 100_000_000;
const MAX_DEPTH: usize = 20_000;
const NATIVE_STACK: usize = 256 * 1024;

fn run_on(mode: Dispatch) {
    let mut config = Config::new();
    config.dispatch(mode).max_call_depth(MAX_DEPTH);
    let engine = Engine::new(&config).unwrap();
    let module = Module::new(&engine, GUEST).unwrap();
    let mut store = Store::new(&engine, ());
    let instance: Instance = Linker::new(&engine)
        .instantiate(&mut store, &module)
        .unwrap();
    let count = instance
        .get_typed_func::<i32, i32>(&store, "count")
        .unwrap();
    assert_eq!(
        count.call(&mut store, ITERATIONS).unwrap(),
        ITERATIONS,
        "{mode}"
    );
    let depth = instance
        .get_typed_func::<i32, i32>(&store, "depth")
        .unwrap();
    // `depth(n)` nests n calls below the entry function; the limit counts those frames.
    let deepest = MAX_DEPTH as i32;
    assert_eq!(depth.call(&mut store, deepest).unwrap(), deepest, "{mode}");
    let err = depth.call(&mut store, deepest + 1).unwrap_err();
    assert_eq!(
        err.as_trap_code(),
        Some(TrapCode::StackOverflow),
        "{mode}: {err}"
    );
}

#[test]
fn loops_and_deep_recursion_fit_a_small_native_stack() {
    let modes = Dispatch::compiled();
    assert!(!modes.is_empty());
    let threads: Vec<_> = modes
        .into_iter()
        .map(|mode| {
            std::thread::Builder::new()
                .name(format!("native-stack-{mode}"))
                .stack_size(NATIVE_STACK)
                .spawn(move || run_on(mode))
                .unwrap()
        })
        .collect();
    for t in threads {
        t.join()
            .expect("a backend failed on a 256 KiB native stack");
    }
}
