//! Loop-match: the code holds `u16` opcodes; one loop reads each and matches on it, with every
//! handler body inlined into its arm.

use crate::backend::{Backend, Dispatch};
use crate::exec::Exec;
use crate::handlers::{self, Flow, Regs};
use wasmloom_frontend::isa::Opcode;
use wasmloom_frontend::isa::encoding::{Encoding, OpcodeHeader};

/// The loop-match backend.
#[derive(Debug)]
pub struct LoopMatch;

impl Backend for LoopMatch {
    fn dispatch(&self) -> Dispatch {
        Dispatch::LoopMatch
    }

    fn encoding(&self) -> &dyn Encoding {
        &OpcodeHeader
    }

    unsafe fn run(&self, exec: *mut Exec) {
        // SAFETY: the caller promises a prepared execution with code in our encoding.
        unsafe { run(exec) }
    }
}

macro_rules! match_loop {
    ($( $(#[$doc:meta])* $name:ident { $($f:ident : $t:ty),* } => $h:path [$($arg:path)?] ; )*) => {
        /// The interpreter loop.
        ///
        /// # Safety
        /// As [`Backend::run`].
        unsafe fn run(exec: *mut Exec) {
            #[allow(unused_imports)]
            use handlers::{A, I, S, SI, SS, control, call, fused, kernels, memory, numeric, table, variable};
            // SAFETY: the caller promises a prepared execution.
            let mut r = unsafe { Regs::resume(exec) };
            loop {
                // SAFETY: the translator writes only valid opcodes, each followed by its
                // fields, and every path through a function ends in a branch or return.
                let flow = unsafe {
                    let raw = core::ptr::read_unaligned(r.ip.cast::<u16>());
                    r.ip = r.ip.add(2);
                    let op: Opcode = core::mem::transmute::<u16, Opcode>(u16::from_le(raw));
                    match op {
                        $( Opcode::$name => $h(&mut r $(, $arg)?), )*
                    }
                };
                if let Flow::Stop = flow {
                    // SAFETY: `exec` is valid for the whole run.
                    unsafe { r.save() };
                    return;
                }
            }
        }
    };
}

wasmloom_frontend::for_each_op!(match_loop);
