//! Loop-match: the code holds `u16` opcodes; one loop reads each and matches on it, with every
//! handler body inlined into its arm, but for the few ops that call out of line: those leave
//! the loop to run (`runs_apart`), so that the loop holds the registers in machine registers.

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

/// Whether loop-match runs `op` outside its loop: the ops whose handlers call out of line
/// (`memory.grow`, bulk memory and table ops, `data.drop` and `elem.drop`), and pairs with one.
/// A call clobbers the vector registers and most integer ones, so while any op in the loop
/// called out, LLVM kept memory 0's base and length, the loop hint's address and the float
/// accumulators in stack slots for the whole loop. The loop itself has no call.
const fn runs_apart(op: Opcode) -> bool {
    match op.parts() {
        Some((first, second)) => runs_apart(first) || runs_apart(second),
        None => matches!(
            op,
            Opcode::MemoryGrowA
                | Opcode::MemoryGrowS
                | Opcode::MemoryFill
                | Opcode::MemoryCopy
                | Opcode::MemoryInit
                | Opcode::DataDrop
                | Opcode::TableGrow
                | Opcode::TableFill
                | Opcode::TableCopy
                | Opcode::TableInit
                | Opcode::ElemDrop
        ),
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
            let mut saved = unsafe { Regs::resume(exec) };
            loop {
                // The registers as locals of the loop, which makes no call: LLVM keeps them in
                // machine registers. An op that runs apart leaves the loop with them.
                let mut r = saved.clone();
                // The op to run apart, or `None` when execution stopped.
                let apart_op = loop {
                    // SAFETY: the translator writes only valid opcodes, each followed by its
                    // fields, and every path through a function ends in a branch or return.
                    let flow = unsafe {
                        let raw = core::ptr::read_unaligned(r.ip.cast::<u16>());
                        r.ip = r.ip.add(2);
                        let op: Opcode = core::mem::transmute::<u16, Opcode>(u16::from_le(raw));
                        match op {
                            $( Opcode::$name => {
                                if const { runs_apart(Opcode::$name) } {
                                    break Some(op);
                                }
                                $h(&mut r $(, $arg)?)
                            } )*
                        }
                    };
                    if let Flow::Stop = flow {
                        break None;
                    }
                };
                saved = r;
                let flow = match apart_op {
                    // SAFETY: `op` runs apart, and `saved.ip` is past its header.
                    Some(op) => unsafe { apart(op, &mut saved) },
                    None => Flow::Stop,
                };
                if let Flow::Stop = flow {
                    // SAFETY: `exec` is valid for the whole run.
                    unsafe { saved.save() };
                    return;
                }
            }
        }

        /// Runs an op that runs apart (`runs_apart`), out of the loop.
        ///
        /// # Safety
        /// `r.ip` must be past the header of `op`, as the loop leaves it.
        #[inline(never)]
        unsafe fn apart(op: Opcode, r: &mut Regs) -> Flow {
            #[allow(unused_imports)]
            use handlers::{A, I, S, SI, SS, control, call, fused, kernels, memory, numeric, table, variable};
            match op {
                $(
                    // SAFETY: the code holds this op's fields at `ip`.
                    Opcode::$name if const { runs_apart(Opcode::$name) } => unsafe { $h(r $(, $arg)?) },
                )*
                _ => unreachable!("{} does not run apart", op.name()),
            }
        }
    };
}

wasmloom_frontend::for_each_op!(match_loop);
