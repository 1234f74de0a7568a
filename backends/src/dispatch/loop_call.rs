//! Loop-call: the code holds each op's handler address; a loop calls the handler, which runs
//! its body and returns. The two registers every op touches, `ip` and the integer accumulator,
//! travel as arguments and come back as the return value (both in registers); the others live
//! in memory between handlers, and each handler works on a local copy of them, so that it
//! loads only the ones its body reads and stores only the ones it may change.

use super::address;
use crate::backend::{Backend, Dispatch};
use crate::exec::Exec;
use crate::handlers::Regs;
use wasmloom_frontend::isa::Opcode;
use wasmloom_frontend::isa::encoding::Encoding;

/// What a handler returns: the next op's `ip` already past its header (null when execution
/// stopped), so that the loop passes it on as it is, and the accumulator.
#[repr(C)]
struct Ret {
    ip: *const u8,
    acc: u64,
}

/// A loop-call handler: `ip` past the header, the integer accumulator, the other registers.
#[cfg(target_arch = "x86_64")]
type Handler = unsafe extern "sysv64" fn(*const u8, u64, &mut Regs) -> Ret;
/// A loop-call handler: `ip` past the header, the integer accumulator, the other registers.
#[cfg(not(target_arch = "x86_64"))]
type Handler = unsafe extern "C" fn(*const u8, u64, &mut Regs) -> Ret;

macro_rules! define {
    ($( $(#[$doc:meta])* $name:ident { $($f:ident : $t:ty),* } => $h:path [$($arg:path)?] ; )*) => {
        #[allow(non_snake_case)]
        mod ops {
            #[allow(unused_imports)]
            use crate::handlers::{A, I, S, SI, SS, call, control, fused, kernels, memory, numeric, table, variable};
            use crate::handlers::{Flow, Regs};
            use super::Ret;
            $(
                $crate::__handler_fn! {
                    #[inline(never)]
                    pub(super) $name(ip: *const u8, acc: u64, regs: &mut Regs) -> Ret {
                        let mut r = Regs { ip, acc, ..*regs };
                        // SAFETY: the code holds this op's fields (the translator wrote them).
                        let flow = unsafe { $h(&mut r $(, $arg)?) };
                        // Stores of unchanged values are removed: `regs` is not aliased.
                        regs.fp = r.fp;
                        regs.mem = r.mem;
                        regs.mem_len = r.mem_len;
                        regs.f32a = r.f32a;
                        regs.f64a = r.f64a;
                        match flow {
                            Flow::Next | Flow::Jump => Ret {
                                // SAFETY: every op is followed by another op's header, and a
                                // jump lands on a header.
                                ip: unsafe { r.ip.add(size_of::<super::Handler>()) },
                                acc: r.acc,
                            },
                            Flow::Stop => {
                                // SAFETY: `exec` is valid for the whole run.
                                unsafe { r.save() };
                                Ret { ip: core::ptr::null(), acc: 0 }
                            }
                        }
                    }
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
    fn header(&self, op: Opcode) -> u64 {
        TABLE[op as usize] as usize as u64
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
            // `ip` is past the header of the op to run: the handler returns it so.
            let (mut ip, mut acc) = (r.ip.add(size_of::<Handler>()), r.acc);
            // Calls the handler of the op at `ip`; returns when execution stopped.
            macro_rules! step {
                () => {
                    let h =
                        core::ptr::read_unaligned(ip.sub(size_of::<Handler>()).cast::<Handler>());
                    let next = h(ip, acc, &mut r);
                    if next.ip.is_null() {
                        return;
                    }
                    (ip, acc) = (next.ip, next.acc);
                };
            }
            // Four copies of the dispatch: the indirect-branch predictor keys on the address of
            // the call as well as on history, and with one call site every op competes for the
            // same entries (one run: word-count 0.44 s -> 0.28 s, mandelbrot 0.29 s -> 0.21 s,
            // loop-global 0.63 s -> 0.37 s). Eight copies gained no more; the same unrolling of
            // loop-match's far larger loop made it slower.
            loop {
                step!();
                step!();
                step!();
                step!();
            }
        }
    }
}
