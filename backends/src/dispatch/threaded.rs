//! What the two threaded modes share: the handler signature, the tail-call macro, and the
//! macro that wraps every handler body in a function that tail-calls the next handler.
//!
//! The machine registers travel as arguments: six integer registers (`ip`, `fp`, memory 0's
//! base and length, the integer accumulator, the execution) and two float registers (the f32
//! and f64 accumulators), so they stay in registers from handler to handler.

use crate::exec::Exec;

/// A threaded handler: the machine registers as arguments, in registers under the System V
/// calling convention on x86-64 (six integer and two float arguments).
#[cfg(target_arch = "x86_64")]
pub type Handler =
    unsafe extern "sysv64" fn(*const u8, *mut u64, *mut u8, usize, u64, *mut Exec, f32, f64);

/// A threaded handler: the machine registers as arguments.
#[cfg(not(target_arch = "x86_64"))]
pub type Handler =
    unsafe extern "C" fn(*const u8, *mut u64, *mut u8, usize, u64, *mut Exec, f32, f64);

/// Calls the next handler in tail position: `become` on nightly with `--cfg wasmloom_become`,
/// else a plain `return` that LLVM turns into a jump (checked by `scripts/check-tail-calls`).
#[cfg(wasmloom_become)]
#[macro_export]
#[doc(hidden)]
macro_rules! __tail_call {
    ($f:ident($($arg:expr),*)) => { become $f($($arg),*) };
}

/// Calls the next handler in tail position: `become` on nightly with `--cfg wasmloom_become`,
/// else a plain `return` that LLVM turns into a jump (checked by `scripts/check-tail-calls`).
#[cfg(not(wasmloom_become))]
#[macro_export]
#[doc(hidden)]
macro_rules! __tail_call {
    ($f:ident($($arg:expr),*)) => { return $f($($arg),*) };
}

/// Generates one threaded function per op around its handler body, and `TABLE`, the handlers
/// indexed by opcode. `$next` is the mode's way to the next handler:
/// `unsafe fn(&mut Regs) -> Handler`, which also moves `ip` past the header.
#[macro_export]
#[doc(hidden)]
macro_rules! __threaded_handlers {
    ($next:path; $( $(#[$doc:meta])* $name:ident { $($f:ident : $t:ty),* } => $h:path [$($arg:path)?] ; )*) => {
        #[allow(non_snake_case)]
        mod ops {
            #[allow(unused_imports)]
            use $crate::handlers::{A, I, S, SI, SS, call, control, fused, kernels, memory, numeric, table, variable};
            use $crate::exec::Exec;
            use $crate::handlers::{Flow, Regs};
            $(
                $crate::__handler_fn! {
                    #[inline(never)]
                    pub(super) $name(ip: *const u8, fp: *mut u64, mem: *mut u8, mem_len: usize, acc: u64, exec: *mut Exec, f32a: f32, f64a: f64) {
                        let mut r = Regs { ip, fp, mem, mem_len, acc, f32a, f64a, exec };
                        // SAFETY: the code holds this op's fields (the translator wrote them).
                        let flow = unsafe { $h(&mut r $(, $arg)?) };
                        // Two arms with the same dispatch code, on purpose: a taken branch and
                        // a fall-through each get their own indirect jump.
                        match flow {
                            Flow::Next => {
                                // SAFETY: every op is followed by another op's header.
                                let next = unsafe { $next(&mut r) };
                                // SAFETY: `next` is a handler of this mode, registers as it expects.
                                unsafe { $crate::__tail_call!(next(r.ip, r.fp, r.mem, r.mem_len, r.acc, r.exec, r.f32a, r.f64a)) }
                            }
                            Flow::Jump => {
                                // SAFETY: a branch target is the header of an op.
                                let next = $crate::dispatch::threaded::apart(unsafe { $next(&mut r) });
                                // SAFETY: `next` is a handler of this mode, registers as it expects.
                                unsafe { $crate::__tail_call!(next(r.ip, r.fp, r.mem, r.mem_len, r.acc, r.exec, r.f32a, r.f64a)) }
                            }
                            // SAFETY: `exec` is valid for the whole run.
                            Flow::Stop => unsafe { r.save() },
                        }
                    }
                }
            )*
        }

        /// Handlers by opcode.
        pub(crate) static TABLE: &[$crate::dispatch::threaded::Handler] = &[$(ops::$name),*];
    };
}

/// Returns `h` through a register LLVM cannot see into. The taken arm of a branch passes its
/// next handler through this, so that LLVM cannot merge the two arms' dispatch into one jump
/// (it did for `BrIfA` in indirect threading once taken branches gained a loop hint).
#[inline(always)]
// The asm block only passes the pointer through; it reads and writes no memory.
#[allow(clippy::pointers_in_nomem_asm_block)]
pub fn apart(h: Handler) -> Handler {
    #[cfg(target_arch = "x86_64")]
    {
        let mut h = h;
        // SAFETY: an empty asm block that reads and writes one register and nothing else.
        unsafe {
            core::arch::asm!("/* {0} */", inout(reg) h, options(pure, nomem, nostack, preserves_flags))
        };
        h
    }
    #[cfg(not(target_arch = "x86_64"))]
    h
}

/// Starts a threaded run: the first handler is an ordinary call, then the handlers chain.
///
/// # Safety
/// `exec` must be prepared, and `next` must read this mode's headers.
pub(crate) unsafe fn start(
    exec: *mut Exec,
    next: unsafe fn(&mut crate::handlers::Regs) -> Handler,
) {
    // SAFETY: the caller promises a prepared execution whose code uses `next`'s encoding.
    unsafe {
        let mut r = crate::handlers::Regs::resume(exec);
        let first = next(&mut r);
        first(r.ip, r.fp, r.mem, r.mem_len, r.acc, r.exec, r.f32a, r.f64a);
    }
}
