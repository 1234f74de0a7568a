//! Control handlers: branches, tables of branches, return, unreachable.

use super::{Flow, Regs, Src, trap};
use crate::exec::Stop;
use crate::trap::TrapCode;
use wasmloom_frontend::isa::{Offset, Operand, Slot, Targets};

/// Jumps by the offset field that starts at the current `ip`.
///
/// # Safety
/// The code at `ip` must hold an [`Offset`] to a valid op.
#[inline(always)]
unsafe fn jump(r: &mut Regs) {
    // SAFETY: the translator wrote an offset here that lands on an op of the same function.
    unsafe {
        let at = r.ip;
        let off: Offset = r.read();
        let target = at.offset(off.0 as isize);
        r.ip = (*r.exec).loop_hint.target(target);
    }
}

/// Jumps by the offset field at `ip` if `taken`, else steps over it. A taken branch reports
/// `Flow::Jump`, so that threaded modes dispatch it from its own site.
///
/// # Safety
/// As [`jump`].
#[inline(always)]
pub(super) unsafe fn branch(r: &mut Regs, taken: bool) -> Flow {
    if taken {
        // SAFETY: the caller promises an offset field at `ip`.
        unsafe { jump(r) };
        Flow::Jump
    } else {
        skip_offset(r);
        Flow::Next
    }
}

/// Skips the offset field at `ip`.
#[inline(always)]
fn skip_offset(r: &mut Regs) {
    r.ip = r.ip.wrapping_add(Offset::SIZE);
}

/// `unreachable`.
///
/// # Safety
/// `exec` must be valid.
#[inline(always)]
pub unsafe fn unreachable(r: &mut Regs) -> Flow {
    // SAFETY: `exec` is valid while handlers run.
    unsafe { trap(r, TrapCode::Unreachable) }
}

/// Unconditional branch.
///
/// # Safety
/// The code at `ip` must hold this op's fields.
#[inline(always)]
pub unsafe fn br(r: &mut Regs) -> Flow {
    // SAFETY: the caller promises the fields.
    unsafe { jump(r) };
    Flow::Next
}

/// Branch if the i32 condition is not zero.
///
/// # Safety
/// The code at `ip` must hold this op's fields.
#[inline(always)]
pub unsafe fn br_if<C: Src<i32>>(r: &mut Regs) -> Flow {
    // SAFETY: the caller promises the fields.
    unsafe {
        let taken = C::get(r) != 0;
        branch(r, taken)
    }
}

/// Branch if the i32 condition is zero.
///
/// # Safety
/// The code at `ip` must hold this op's fields.
#[inline(always)]
pub unsafe fn br_if_not<C: Src<i32>>(r: &mut Regs) -> Flow {
    // SAFETY: the caller promises the fields.
    unsafe {
        let taken = C::get(r) == 0;
        branch(r, taken)
    }
}

/// Compare and branch: jump if `kernel(lhs, rhs)` is true.
///
/// # Safety
/// The code at `ip` must hold this op's fields.
#[inline(always)]
pub unsafe fn br_cmp<T, L: Src<T>, R: Src<T>>(
    r: &mut Regs,
    kernel: fn(T, T) -> Result<i32, TrapCode>,
) -> Flow {
    // SAFETY: the caller promises the fields.
    unsafe {
        let (lhs, rhs) = (L::get(r), R::get(r));
        branch(r, matches!(kernel(lhs, rhs), Ok(v) if v != 0))
    }
}

/// `var += step; if kernel(var, rhs) { jump }`: the end of a counted loop in one op. The step
/// is read before `var` is written, `rhs` after.
///
/// # Safety
/// The code at `ip` must hold this op's fields.
#[inline(always)]
pub unsafe fn br_increment<K: Src<i32>, R: Src<i32>>(
    r: &mut Regs,
    kernel: fn(i32, i32) -> Result<i32, TrapCode>,
) -> Flow {
    // SAFETY: the caller promises the fields; `var` is a slot of the frame.
    unsafe {
        let var: Slot = r.read();
        let step = K::get(r);
        let slot = r.slot(var);
        let v = (*slot as i32).wrapping_add(step);
        *slot = u64::from(v as u32);
        let rhs = R::get(r);
        branch(r, matches!(kernel(v, rhs), Ok(c) if c != 0))
    }
}

/// `br_table`: jump to the indexed target, or the default past the end.
///
/// # Safety
/// The code at `ip` must hold this op's fields.
#[inline(always)]
pub unsafe fn br_table<K: Src<i32>>(r: &mut Regs) -> Flow {
    // SAFETY: the caller promises the fields; the index is clamped to the table.
    unsafe {
        let index = K::get(r) as u32;
        let Targets(count) = r.read();
        r.ip = r.ip.add(Offset::SIZE * index.min(count) as usize);
        jump(r);
    }
    Flow::Next
}

/// `return` of one result: it goes to slot 0, then as [`ret`].
///
/// # Safety
/// The code at `ip` must hold this op's field.
#[inline(always)]
pub unsafe fn ret_value<K: Src<u64>>(r: &mut Regs) -> Flow {
    // SAFETY: the caller promises the field; slot 0 is in every frame that returns a value.
    unsafe {
        let v = K::get(r);
        *r.fp = v;
        ret(r)
    }
}

/// Return to the caller, or stop when the entry function returns.
///
/// # Safety
/// `exec` must be valid.
#[inline(always)]
pub unsafe fn ret(r: &mut Regs) -> Flow {
    // SAFETY: `exec` is valid while handlers run; frames hold valid caller state.
    unsafe {
        let exec = r.exec();
        match exec.pop_frame() {
            Some(frame) => {
                r.ip = frame.ret_ip;
                r.fp = frame.fp;
                if frame.inst != exec.inst() {
                    exec.set_inst(frame.inst);
                    r.reload_memory();
                }
                Flow::Next
            }
            None => {
                exec.stop = Stop::Return;
                Flow::Stop
            }
        }
    }
}
