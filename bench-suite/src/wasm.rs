//! Facts about a Wasm binary that the translation measurements are normalised by.

use wasmparser::{Parser, Payload};

/// The size in bytes of the code section (the function bodies), 0 if there is none.
pub fn code_section_size(wasm: &[u8]) -> Result<usize, String> {
    for payload in Parser::new(0).parse_all(wasm) {
        if let Payload::CodeSectionStart { size, .. } = payload.map_err(|e| e.to_string())? {
            return Ok(size as usize);
        }
    }
    Ok(0)
}
