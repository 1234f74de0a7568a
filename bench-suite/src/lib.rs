//! wasmloom's benchmark suite: its four dispatch modes side by side with Wasmi 2.0 and, with
//! the `peers` feature, Wasmi 1.x, Stitch, wasm3, tinywasm and Wasmtime (Pulley and Cranelift).
//!
//! The guest programs and their expected results are in [`cases`]; every engine implements
//! [`runtime::Runtime`]. The criterion benches (`benches/time.rs`), the instruction-count benches
//! (`benches/instructions.rs`, through the `bench-once` binary) and the side-by-side report
//! (`src/bin/report`) all start from [`harness::check`], which verifies a case's result once
//! before anything is measured.

pub mod calls;
pub mod cases;
pub mod generated;
pub mod harness;
pub mod runtime;
mod runtimes;
pub mod wasm;

/// Whether this process was started by `cargo bench` (which passes `--bench`): `cargo test
/// --all-targets` runs bench targets too, and they must do nothing there.
pub fn under_cargo_bench() -> bool {
    std::env::args().any(|arg| arg == "--bench")
}
