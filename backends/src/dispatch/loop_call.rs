//! Loop-call: the code holds each op's handler address; a loop calls the handler, which runs
//! its body and returns. Registers live in memory between handlers.

use super::address;
use crate::backend::{Backend, Dispatch};
use crate::exec::Exec;
use crate::handlers::{Flow, Regs};
use wasmloom_frontend::isa::Opcode;
use wasmloom_frontend::isa::encoding::Encoding;

/// A loop-call handler.
type Handler = unsafe fn(&mut Regs) -> Flow;

macro_rules! define {
    ($( $(#[$doc:meta])* $name:ident { $($f:ident : $t:ty),* } => $h:path [$($arg:path)?] ; )*) => {
        #[allow(non_snake_case)]
        mod ops {
            #[allow(unused_imports)]
            use crate::handlers::{A, I, S, SI, SS, call, control, kernels, memory, numeric, table, variable};
            use crate::handlers::{Flow, Regs};
            $(
                #[inline(never)]
                pub(super) unsafe fn $name(r: &mut Regs) -> Flow {
                    // SAFETY: the code holds this op's fields (the translator wrote them).
                    unsafe { $h(r $(, $arg)?) }
                }
            )*
        }

        /// Handlers by opcode.
        static TABLE: &[Handler] = &[$(ops::$name),*];
    };
}
wasmloom_frontend::for_each_op!(define);

/// The loop-call backend.
#[derive(Debug)]
pub struct LoopCall;

impl Encoding for LoopCall {
    fn header_size(&self) -> usize {
        address::SIZE
    }
    fn write_header(&self, op: Opcode, out: &mut Vec<u8>) {
        address::write(TABLE[op as usize] as usize, out);
    }
    fn read_header(&self, code: &[u8]) -> Option<Opcode> {
        address::read(code, TABLE.iter().map(|&h| h as usize))
    }
}

impl Backend for LoopCall {
    fn dispatch(&self) -> Dispatch {
        Dispatch::LoopCall
    }
    fn encoding(&self) -> &dyn Encoding {
        self
    }
    unsafe fn run(&self, exec: *mut Exec) {
        // SAFETY: the caller promises a prepared execution with code in our encoding.
        unsafe {
            let mut r = Regs::resume(exec);
            loop {
                let h = core::ptr::read_unaligned(r.ip.cast::<Handler>());
                r.ip = r.ip.add(size_of::<Handler>());
                if let Flow::Stop = h(&mut r) {
                    r.save();
                    return;
                }
            }
        }
    }
}
