//! Direct threading: the code holds each op's handler address; a handler ends by tail-calling
//! the address that follows it.

use super::address;
use super::threaded::{self, Handler};
use crate::backend::{Backend, Dispatch};
use crate::exec::Exec;
use crate::handlers::Regs;
use wasmloom_frontend::isa::Opcode;
use wasmloom_frontend::isa::encoding::Encoding;

/// Reads the next handler address and moves `ip` past it.
///
/// # Safety
/// `ip` must point at a header written by [`DirectThreaded`]'s encoding.
#[inline(always)]
unsafe fn next(r: &mut Regs) -> Handler {
    // SAFETY: the caller promises an address header at `ip`.
    unsafe {
        let h = core::ptr::read_unaligned(r.ip.cast::<Handler>());
        r.ip = r.ip.add(size_of::<Handler>());
        h
    }
}

macro_rules! define {
    ($($list:tt)*) => { crate::__threaded_handlers!(super::next; $($list)*); };
}
wasmloom_frontend::for_each_op!(define);

/// The direct-threaded backend.
#[derive(Debug)]
pub struct DirectThreaded;

impl Encoding for DirectThreaded {
    fn header_size(&self) -> usize {
        address::SIZE
    }
    fn header(&self, op: Opcode) -> u64 {
        TABLE[op as usize] as usize as u64
    }
    fn read_header(&self, code: &[u8]) -> Option<Opcode> {
        address::read(code, TABLE.iter().map(|&h| h as usize))
    }
}

impl Backend for DirectThreaded {
    fn dispatch(&self) -> Dispatch {
        Dispatch::DirectThreaded
    }
    fn encoding(&self) -> &dyn Encoding {
        self
    }
    unsafe fn run(&self, exec: *mut Exec) {
        // SAFETY: the caller promises a prepared execution with code in our encoding.
        unsafe { threaded::start(exec, next) }
    }
}
