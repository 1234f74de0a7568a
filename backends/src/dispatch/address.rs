//! The handler-address header, for the modes whose code holds addresses (direct threading and
//! loop-call): the header's size, and finding the op an address belongs to.

use wasmloom_frontend::isa::Opcode;

/// Bytes of an address header.
pub(crate) const SIZE: usize = size_of::<usize>();

/// The op whose handler address starts `code`; `addrs` are the handler addresses by opcode.
pub(crate) fn read(code: &[u8], mut addrs: impl Iterator<Item = usize>) -> Option<Opcode> {
    let addr = usize::from_le_bytes(code.get(..SIZE)?.try_into().ok()?);
    let index = addrs.position(|a| a == addr)?;
    Opcode::from_u16(u16::try_from(index).ok()?)
}
