//! Indirect threading: the code holds `u16` opcodes; a handler ends by tail-calling
//! `TABLE[next opcode]`.

use super::threaded::{self, Handler};
use crate::backend::{Backend, Dispatch};
use crate::exec::Exec;
use crate::handlers::Regs;
use wasmloom_frontend::isa::encoding::{Encoding, OpcodeHeader};

/// Reads the next opcode, moves `ip` past it and looks up its handler.
///
/// # Safety
/// `ip` must point at an opcode header written by the translator.
#[inline(always)]
unsafe fn next(r: &mut Regs) -> Handler {
    // SAFETY: the caller promises a valid opcode at `ip`; opcodes index `TABLE`.
    unsafe {
        let op = u16::from_le(core::ptr::read_unaligned(r.ip.cast::<u16>()));
        r.ip = r.ip.add(2);
        *TABLE.get_unchecked(usize::from(op))
    }
}

macro_rules! define {
    ($($list:tt)*) => { crate::__threaded_handlers!(super::next; $($list)*); };
}
wasmloom_frontend::for_each_op!(define);

/// The indirect-threaded backend.
#[derive(Debug)]
pub struct IndirectThreaded;

impl Backend for IndirectThreaded {
    fn dispatch(&self) -> Dispatch {
        Dispatch::IndirectThreaded
    }
    fn encoding(&self) -> &dyn Encoding {
        &OpcodeHeader
    }
    unsafe fn run(&self, exec: *mut Exec) {
        // SAFETY: the caller promises a prepared execution with code in our encoding.
        unsafe { threaded::start(exec, next) }
    }
}
