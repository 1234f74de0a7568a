//! wasmloom's frontend: parses and validates Wasm with `wasmparser`, and lowers each function to
//! the accumulator-based IR declared in [`isa`]. It knows nothing of execution: the backend
//! supplies the op header through [`isa::encoding::Encoding`].

pub mod isa;
pub mod module;
mod parse;
pub mod translate;

pub use module::ModuleInfo;
pub use translate::{Buffers, CompileError, compile, compile_reusing};
pub use wasmparser::WasmFeatures;

#[doc(hidden)]
pub use pastey as __pastey;

/// The Wasm features wasmloom executes: Wasm 2.0 without SIMD, plus tail calls.
pub fn supported_features() -> WasmFeatures {
    (WasmFeatures::WASM2 | WasmFeatures::TAIL_CALL)
        & !(WasmFeatures::SIMD | WasmFeatures::RELAXED_SIMD)
}
