//! Two ways around load latency that loops otherwise wait on, both measured on an Intel core
//! that forwards a store to a later load at almost no cost when neither addresses memory with
//! an index register (about 1.5 cycles against 7 for `(base,index,8)`):
//!
//! - [`opaque`] keeps a slot's address in a register of its own, so that LLVM cannot fold the
//!   slot index into the load or store; a local written in one turn of a loop and read in the
//!   next then reaches the next op without the slow forwarding.
//! - [`LoopHint`] lets a taken branch go on to a target it saw before without waiting for the
//!   offset it reads from the code: the code address of each turn of a loop would otherwise
//!   depend on a load from the previous turn's code address.

use core::ptr;

/// Returns `p` unchanged, through a register LLVM cannot see into.
#[inline(always)]
// The asm block only passes the pointer through; it reads and writes no memory.
#[allow(clippy::pointers_in_nomem_asm_block)]
pub(crate) fn opaque<T>(p: *mut T) -> *mut T {
    #[cfg(target_arch = "x86_64")]
    {
        let mut p = p;
        // SAFETY: an empty asm block that reads and writes one register and nothing else.
        unsafe {
            core::arch::asm!("/* {0} */", inout(reg) p, options(pure, nomem, nostack, preserves_flags))
        };
        p
    }
    #[cfg(not(target_arch = "x86_64"))]
    p
}

/// The target of the last taken branch that was not hinted: a loop's head, while the loop
/// turns.
#[derive(Debug)]
pub struct LoopHint(*const u8);

impl Default for LoopHint {
    fn default() -> Self {
        Self(ptr::null())
    }
}

impl LoopHint {
    /// Where a taken branch goes: `target`, read from the code just now. When the hint equals
    /// it, the hint is returned instead: the processor predicts the comparison and goes on
    /// with the hint, which does not wait for the code read. A branch that misses becomes the
    /// hint. (Keeping backward branches only, or one hint per direction, measured no better:
    /// sieve gained, fib-recursive and loop-match lost.)
    #[inline(always)]
    pub(crate) fn target(&mut self, target: *const u8) -> *const u8 {
        // Hidden from LLVM, which would otherwise use `target` for the equal value.
        let hint = opaque(self.0.cast_mut()).cast_const();
        if hint == target {
            return hint;
        }
        self.0 = target;
        target
    }
}
