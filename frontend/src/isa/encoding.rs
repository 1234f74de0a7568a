//! The one thing a backend decides about the code form: how an op's header is written. Direct
//! threading and loop-call write a handler address; indirect threading and loop-match a `u16`.

use super::Opcode;

/// How a backend encodes the header that starts each op.
pub trait Encoding {
    /// Bytes before the first operand field.
    fn header_size(&self) -> usize;
    /// The header of `op`: its first [`header_size`](Encoding::header_size) bytes, as a
    /// little-endian `u64`.
    fn header(&self, op: Opcode) -> u64;
    /// Appends the header of `op`.
    fn write_header(&self, op: Opcode, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.header(op).to_le_bytes()[..self.header_size()]);
    }
    /// The op whose header starts `code`, if it is one (used by the disassembler).
    fn read_header(&self, code: &[u8]) -> Option<Opcode>;
}

/// The `u16` opcode header, shared by the modes that dispatch on opcodes.
#[derive(Copy, Clone, Debug, Default)]
pub struct OpcodeHeader;

impl Encoding for OpcodeHeader {
    fn header_size(&self) -> usize {
        2
    }
    fn header(&self, op: Opcode) -> u64 {
        op as u64
    }
    fn write_header(&self, op: Opcode, out: &mut Vec<u8>) {
        out.extend_from_slice(&(op as u16).to_le_bytes());
    }
    fn read_header(&self, code: &[u8]) -> Option<Opcode> {
        Opcode::from_u16(u16::from_le_bytes(code.get(..2)?.try_into().ok()?))
    }
}
