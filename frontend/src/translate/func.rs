//! The output of translating one function.

use super::code::Code;

/// One function's IR and frame shape.
#[derive(Debug, Clone, Default)]
pub struct CompiledFunc {
    /// The encoded ops, from a cache line's start.
    pub code: Code,
    /// Parameter count; parameters are slots `0..num_params`.
    pub num_params: u32,
    /// Parameters plus declared locals; locals are zeroed on entry.
    pub num_locals: u32,
    /// All slots the frame uses: locals, scratch and the operand stack.
    pub frame_size: u32,
    /// Result count; results are returned in slots `0..num_results`.
    pub num_results: u32,
}
