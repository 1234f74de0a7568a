//! Variable handlers: slot copies, spills, constants, globals, select.

use super::{Dst, Flow, Regs, Src};
use crate::value::Value;
use wasmloom_frontend::isa::Slot;

/// `dst = src`.
///
/// # Safety
/// The code at `ip` must hold this op's fields.
#[inline(always)]
pub unsafe fn copy(r: &mut Regs) -> Flow {
    // SAFETY: the caller promises the fields; slots are inside the frame.
    unsafe {
        let dst: Slot = r.read();
        let src: Slot = r.read();
        *r.slot(dst) = *r.slot(src);
    }
    Flow::Next
}

/// `dst1 = src1; dst2 = src2`, in that order (the second may read what the first wrote).
///
/// # Safety
/// The code at `ip` must hold this op's fields.
#[inline(always)]
pub unsafe fn copy2(r: &mut Regs) -> Flow {
    // SAFETY: the caller promises the fields; slots are inside the frame.
    unsafe {
        let dst1: Slot = r.read();
        let src1: Slot = r.read();
        let dst2: Slot = r.read();
        let src2: Slot = r.read();
        *r.slot(dst1) = *r.slot(src1);
        *r.slot(dst2) = *r.slot(src2);
    }
    Flow::Next
}

/// `dst = value`.
///
/// # Safety
/// The code at `ip` must hold this op's fields.
#[inline(always)]
pub unsafe fn set_slot(r: &mut Regs) -> Flow {
    // SAFETY: the caller promises the fields; the slot is inside the frame.
    unsafe {
        let dst: Slot = r.read();
        let value: u64 = r.read();
        *r.slot(dst) = value;
    }
    Flow::Next
}

/// `dst = accumulator of T's class`.
///
/// # Safety
/// The code at `ip` must hold this op's fields.
#[inline(always)]
pub unsafe fn spill<T: Value>(r: &mut Regs) -> Flow {
    // SAFETY: the caller promises the fields; the slot is inside the frame.
    unsafe {
        let dst: Slot = r.read();
        *r.slot(dst) = T::from_acc(r).to_bits();
    }
    Flow::Next
}

/// `dst1 = src1`, then `dst2 = acc` (the accumulator of `T`'s class).
///
/// # Safety
/// The code at `ip` must hold this op's fields.
#[inline(always)]
pub unsafe fn copy_spill<T: Value>(r: &mut Regs) -> Flow {
    // SAFETY: the caller promises the fields; slots are inside the frame.
    unsafe {
        let dst1: Slot = r.read();
        let src1: Slot = r.read();
        let dst2: Slot = r.read();
        *r.slot(dst1) = *r.slot(src1);
        *r.slot(dst2) = T::from_acc(r).to_bits();
    }
    Flow::Next
}

/// `acc = global`.
///
/// # Safety
/// The code at `ip` must hold this op's fields; the global index was validated.
#[inline(always)]
pub unsafe fn global_get<T: Value>(r: &mut Regs) -> Flow {
    // SAFETY: the validator checked the index; globals live as long as the store.
    unsafe {
        let g: u32 = r.read();
        let global = *r.inst().globals.get_unchecked(g as usize);
        T::from_bits((*global).value).to_acc(r);
    }
    Flow::Next
}

/// `global = value`.
///
/// # Safety
/// The code at `ip` must hold this op's fields; the global index was validated.
#[inline(always)]
pub unsafe fn global_set<T: Value, K: Src<T>>(r: &mut Regs) -> Flow {
    // SAFETY: the validator checked the index and mutability; globals outlive the run.
    unsafe {
        let g: u32 = r.read();
        let value = K::get(r).to_bits();
        let global = *r.inst().globals.get_unchecked(g as usize);
        (*global).value = value;
    }
    Flow::Next
}

/// `global += rhs` on an i32 global; the accumulator (and, for `D = S`, slot `dst`) gets the
/// new value.
///
/// # Safety
/// The code at `ip` must hold this op's fields; the global index was validated.
#[inline(always)]
pub unsafe fn global_i32_add<D: Dst<i32>>(r: &mut Regs) -> Flow {
    // SAFETY: the validator checked the index, type and mutability; globals outlive the run.
    unsafe {
        let g: u32 = r.read();
        let rhs: i32 = r.read();
        let global = *r.inst().globals.get_unchecked(g as usize);
        let v = ((*global).value as i32).wrapping_add(rhs);
        (*global).value = Value::to_bits(v);
        D::put(r, v);
    }
    Flow::Next
}

/// `acc = cond ? a : b`.
///
/// # Safety
/// The code at `ip` must hold this op's fields.
#[inline(always)]
pub unsafe fn select<T: Value, C: Src<i32>>(r: &mut Regs) -> Flow {
    // SAFETY: the caller promises the fields; slots are inside the frame.
    unsafe {
        let cond = C::get(r);
        let a: Slot = r.read();
        let b: Slot = r.read();
        // Both values are read before the condition picks one, so that only the pick waits
        // for the condition, not two loads after it (CoreMark's crc loop). Volatile, or LLVM
        // turns two loads and a pick back into a pick of addresses and one load.
        let (a, b) = (r.slot(a).read_volatile(), r.slot(b).read_volatile());
        let pick = core::hint::select_unpredictable(cond != 0, a, b);
        T::from_bits(pick).to_acc(r);
    }
    Flow::Next
}
