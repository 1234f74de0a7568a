//! Wasm to IR: parse and validate the module, and translate every function body.

mod func;

pub use func::CompiledFunc;

use crate::isa::encoding::Encoding;
use crate::module::ModuleInfo;
use core::fmt;
use wasmparser::WasmFeatures;

/// Why a module could not be compiled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompileError {
    /// What went wrong, with the byte offset where known.
    pub message: String,
    /// Which stage rejected it.
    pub kind: CompileErrorKind,
}

/// The stage that rejected a module.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompileErrorKind {
    /// Not a well-formed binary, or invalid per the spec (wasmparser's verdict).
    Invalid,
    /// Valid, but uses something wasmloom does not execute (yet).
    Unsupported,
    /// Valid, but over one of wasmloom's size limits.
    Limit,
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CompileError {}

/// Parses, validates and translates `bytes` with the given features, encoding op headers for
/// the chosen backend.
pub fn compile(
    bytes: &[u8],
    features: WasmFeatures,
    encoding: &dyn Encoding,
) -> Result<ModuleInfo, CompileError> {
    let _ = (bytes, features, encoding);
    todo!("being written")
}
