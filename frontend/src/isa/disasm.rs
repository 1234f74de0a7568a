//! Renders encoded IR as text, one op a line, for `--dump` and for tests.

use super::encoding::Encoding;
use core::fmt::Write as _;

/// Disassembles `code`, one op a line, prefixed by its byte offset.
pub fn disassemble(code: &[u8], encoding: &dyn Encoding) -> Result<String, String> {
    let mut out = String::new();
    let mut pos = 0;
    while pos < code.len() {
        let op = encoding
            .read_header(&code[pos..])
            .ok_or_else(|| format!("{out}{pos:6}: <bad op header>"))?;
        let _ = write!(out, "{pos:6}: {}", op.name());
        let mut at = pos + encoding.header_size();
        let mut parts = Vec::new();
        op.plain_parts(&mut parts);
        // A pair's fields are its parts', in order; a `|` separates them.
        for (k, part) in parts.iter().enumerate() {
            if k > 0 {
                out.push_str(" |");
            }
            for (i, (name, show)) in part.fields().iter().enumerate() {
                let (text, used) = show(&code[at.min(code.len())..])
                    .ok_or_else(|| format!("{out}\n{pos:6}: <truncated operand {name}>"))?;
                let _ = write!(out, "{}{name}={text}", if i == 0 { " " } else { ", " });
                at += used;
            }
        }
        out.push('\n');
        pos = at;
    }
    Ok(out)
}
