//! One small adapter per runtime: compile, link `env.clock_ms`, instantiate, call the entry.
//! Each returns the score the module reported, or why it could not run it.

mod wasmi;
mod wasmloom;

#[cfg(feature = "peers")]
mod stitch;
#[cfg(feature = "peers")]
mod tinywasm;
#[cfg(feature = "peers")]
mod wasm3;
#[cfg(feature = "peers")]
mod wasmtime;

use crate::{BoxError, Entry, Runtime};

/// Runs `wasm`'s `entry` on `runtime` and returns the score it reported.
pub(crate) fn run(runtime: Runtime, wasm: &[u8], entry: Entry) -> Result<f32, BoxError> {
    match runtime {
        Runtime::Wasmloom(mode) => self::wasmloom::run(mode, wasm, entry),
        Runtime::Wasmi => self::wasmi::v2::run(wasm, entry),
        #[cfg(feature = "peers")]
        Runtime::WasmiV1 => self::wasmi::v1::run(wasm, entry),
        #[cfg(feature = "peers")]
        Runtime::Tinywasm => self::tinywasm::run(wasm, entry),
        #[cfg(feature = "peers")]
        Runtime::Wasm3 => self::wasm3::run(wasm, entry),
        #[cfg(feature = "peers")]
        Runtime::Stitch => self::stitch::run(wasm, entry),
        #[cfg(feature = "peers")]
        Runtime::Pulley => self::wasmtime::run(self::wasmtime::Compiler::Pulley, wasm, entry),
        #[cfg(feature = "peers")]
        Runtime::Cranelift => self::wasmtime::run(self::wasmtime::Compiler::Cranelift, wasm, entry),
        #[cfg(not(feature = "peers"))]
        _ => Err("not compiled in: build with `--features peers`".into()),
    }
}
