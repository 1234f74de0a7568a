//! Memory handlers: loads and stores on memory 0 through the registers, size, grow, bulk ops.

use super::control::branch;
use super::kernels::MulThenAdd;
use super::{Dst, Flow, Regs, S, Src, trap};
use crate::store::MemoryEntity;
use crate::trap::TrapCode;
use crate::value::{MemValue, Value};
use wasmloom_frontend::isa::Slot;

/// Where an access of `size` bytes at `addr` starts, if it is inside memory 0. `end` is the
/// static offset plus `size` (the translator adds them), so the check is one add and one
/// compare, and the start is `addr + end - size`, folded into the access's displacement.
/// The translator writes `end >= size`, so a start returned is at most `mem_len - size`.
#[inline(always)]
fn effective(r: &Regs, addr: i32, end: u32, size: usize) -> Option<usize> {
    let last = u64::from(addr as u32) + u64::from(end);
    if last <= r.mem_len as u64 {
        Some(last as usize - size)
    } else {
        core::hint::cold_path();
        None
    }
}

/// Reads an access's address (by `K`) and end fields and loads the value there, or `None`
/// when the access is out of bounds.
///
/// # Safety
/// The code at `ip` must hold the address and end fields next.
#[inline(always)]
unsafe fn read_and_load<Mem: MemValue, K: Src<i32>>(r: &mut Regs) -> Option<Mem> {
    // SAFETY: the caller promises the fields; the access is bounds-checked against `mem_len`.
    unsafe {
        let addr = K::get(r);
        let end: u32 = r.read();
        let ea = effective(r, addr, end, size_of::<Mem>())?;
        Some(Mem::load(r.mem.add(ea)))
    }
}

/// `acc = convert(load at addr + offset)` (and, for `D = S`, `slot dst = acc`).
///
/// # Safety
/// The code at `ip` must hold this op's fields.
#[inline(always)]
pub unsafe fn load<Mem: MemValue, Out: Value, K: Src<i32>, D: Dst<Out>>(
    r: &mut Regs,
    convert: fn(Mem) -> Out,
) -> Flow {
    // SAFETY: the caller promises the fields.
    unsafe {
        match read_and_load::<Mem, K>(r) {
            Some(v) => {
                D::put(r, convert(v));
                Flow::Next
            }
            None => trap(r, TrapCode::MemoryOutOfBounds),
        }
    }
}

/// `acc = convert(load at addr + offset) * slot rhs + addend` (the addend from a slot, or
/// for `N = A` the accumulator; and, for `D = S`, `slot dst = acc`): a load feeding a
/// multiply-add.
///
/// # Safety
/// The code at `ip` must hold this op's fields.
#[inline(always)]
pub unsafe fn load_mul_add<
    Mem: MemValue,
    T: Value + MulThenAdd,
    K: Src<i32>,
    N: Src<T>,
    D: Dst<T>,
>(
    r: &mut Regs,
    convert: fn(Mem) -> T,
) -> Flow
where
    S: Src<T>,
{
    // SAFETY: the caller promises the fields: the load's, then the multiply-add's.
    unsafe {
        match read_and_load::<Mem, K>(r) {
            Some(v) => {
                let (rhs, addend) = (S::get(r), N::get(r));
                D::put(r, T::mul_then_add(convert(v), rhs, addend));
                Flow::Next
            }
            None => trap(r, TrapCode::MemoryOutOfBounds),
        }
    }
}

/// `acc = convert(load at addr + offset)` (and, for `D = S`, `slot dst = acc`), then jump by
/// the offset field if the value is not zero (`on_zero` false) or is zero (`on_zero` true).
#[inline(always)]
unsafe fn load_branch<Mem: MemValue, K: Src<i32>, D: Dst<i32>>(
    r: &mut Regs,
    convert: fn(Mem) -> i32,
    on_zero: bool,
) -> Flow {
    // SAFETY: the caller promises the fields: the load's, then the jump's offset.
    unsafe {
        match read_and_load::<Mem, K>(r) {
            Some(v) => {
                let v = convert(v);
                D::put(r, v);
                branch(r, (v == 0) == on_zero)
            }
            None => trap(r, TrapCode::MemoryOutOfBounds),
        }
    }
}

/// A load, then a jump if the value is not zero.
///
/// # Safety
/// The code at `ip` must hold this op's fields.
#[inline(always)]
pub unsafe fn load_br_if<Mem: MemValue, K: Src<i32>, D: Dst<i32>>(
    r: &mut Regs,
    convert: fn(Mem) -> i32,
) -> Flow {
    // SAFETY: as the caller promises.
    unsafe { load_branch::<Mem, K, D>(r, convert, false) }
}

/// A load, then a jump if the value is zero.
///
/// # Safety
/// The code at `ip` must hold this op's fields.
#[inline(always)]
pub unsafe fn load_br_if_not<Mem: MemValue, K: Src<i32>, D: Dst<i32>>(
    r: &mut Regs,
    convert: fn(Mem) -> i32,
) -> Flow {
    // SAFETY: as the caller promises.
    unsafe { load_branch::<Mem, K, D>(r, convert, true) }
}

/// `acc = load at addr + offset` widened to i32 (and, for `D = S`, `slot dst = acc`), then
/// jump if `kernel(acc, rhs)` holds.
///
/// # Safety
/// The code at `ip` must hold this op's fields.
#[inline(always)]
pub unsafe fn load_br_cmp<Mem: MemValue + Into<i32>, K: Src<i32>, D: Dst<i32>, R: Src<i32>>(
    r: &mut Regs,
    kernel: fn(i32, i32) -> Result<i32, TrapCode>,
) -> Flow {
    // SAFETY: the caller promises the fields: the load's, then `rhs` and the jump's offset.
    unsafe {
        match read_and_load::<Mem, K>(r) {
            Some(v) => {
                let v: i32 = v.into();
                D::put(r, v);
                let rhs = R::get(r);
                branch(r, matches!(kernel(v, rhs), Ok(c) if c != 0))
            }
            None => trap(r, TrapCode::MemoryOutOfBounds),
        }
    }
}

/// `store at addr + offset = convert(value)`.
///
/// # Safety
/// The code at `ip` must hold this op's fields.
#[inline(always)]
pub unsafe fn store<In, Mem: MemValue, KA: Src<i32>, KV: Src<In>>(
    r: &mut Regs,
    convert: fn(In) -> Mem,
) -> Flow {
    // SAFETY: the caller promises the fields; the access is bounds-checked against `mem_len`.
    unsafe {
        let addr = KA::get(r);
        let end: u32 = r.read();
        let value = KV::get(r);
        match effective(r, addr, end, size_of::<Mem>()) {
            Some(ea) => {
                convert(value).store(r.mem.add(ea));
                Flow::Next
            }
            None => trap(r, TrapCode::MemoryOutOfBounds),
        }
    }
}

/// Trap: an access whose static offset alone reaches past any memory 0.
///
/// # Safety
/// `exec` must be valid.
#[inline(always)]
pub unsafe fn out_of_bounds(r: &mut Regs) -> Flow {
    // SAFETY: `exec` is valid while handlers run.
    unsafe { trap(r, TrapCode::MemoryOutOfBounds) }
}

/// Memory 0 of the current instance.
///
/// # Safety
/// The execution and its instance must be valid, and the module must have a memory.
#[inline(always)]
unsafe fn memory0<'a>(r: &mut Regs) -> &'a mut MemoryEntity {
    // SAFETY: the validator only admits memory ops in modules with a memory.
    unsafe { &mut **r.inst().memories.get_unchecked(0) }
}

/// `acc = memory.size`.
///
/// # Safety
/// The module must have a memory.
#[inline(always)]
pub unsafe fn size(r: &mut Regs) -> Flow {
    // SAFETY: the caller promises a memory.
    let pages = unsafe { memory0(r) }.pages();
    (pages as i32).to_acc(r);
    Flow::Next
}

/// `acc = memory.grow(delta)`.
///
/// # Safety
/// The code at `ip` must hold this op's fields; the module must have a memory.
#[inline(always)]
pub unsafe fn grow<K: Src<i32>>(r: &mut Regs) -> Flow {
    // SAFETY: the caller promises the fields and a memory.
    unsafe {
        let delta = K::get(r) as u32;
        let old = memory0(r).grow(u64::from(delta));
        r.reload_memory();
        old.map_or(-1, |p| p as i32).to_acc(r);
    }
    Flow::Next
}

/// Reads three slots as unsigned 32-bit values.
///
/// # Safety
/// The code at `ip` must hold three slot fields.
#[inline(always)]
unsafe fn three(r: &mut Regs) -> (usize, usize, usize) {
    // SAFETY: the caller promises the fields; slots are inside the frame.
    unsafe {
        let a: Slot = r.read();
        let b: Slot = r.read();
        let c: Slot = r.read();
        let get = |s: Slot| *r.slot(s) as u32 as usize;
        (get(a), get(b), get(c))
    }
}

/// Whether `start..start+len` lies inside `total`.
#[inline(always)]
pub(crate) fn in_bounds(start: usize, len: usize, total: usize) -> bool {
    start.checked_add(len).is_some_and(|end| end <= total)
}

/// `memory.fill`.
///
/// # Safety
/// The code at `ip` must hold this op's fields; the module must have a memory.
#[inline(always)]
pub unsafe fn fill(r: &mut Regs) -> Flow {
    // SAFETY: the caller promises the fields and a memory.
    unsafe {
        let (dst, value, len) = three(r);
        let mem = memory0(r).data_mut();
        if !in_bounds(dst, len, mem.len()) {
            return trap(r, TrapCode::MemoryOutOfBounds);
        }
        mem[dst..dst + len].fill(value as u8);
    }
    Flow::Next
}

/// `memory.copy`.
///
/// # Safety
/// The code at `ip` must hold this op's fields; the module must have a memory.
#[inline(always)]
pub unsafe fn copy(r: &mut Regs) -> Flow {
    // SAFETY: the caller promises the fields and a memory.
    unsafe {
        let (dst, src, len) = three(r);
        let mem = memory0(r).data_mut();
        if !in_bounds(dst, len, mem.len()) || !in_bounds(src, len, mem.len()) {
            return trap(r, TrapCode::MemoryOutOfBounds);
        }
        mem.copy_within(src..src + len, dst);
    }
    Flow::Next
}

/// `memory.init`.
///
/// # Safety
/// The code at `ip` must hold this op's fields; the indices were validated.
#[inline(always)]
pub unsafe fn init(r: &mut Regs) -> Flow {
    // SAFETY: the caller promises the fields; the validator checked the segment index.
    unsafe {
        let seg: u32 = r.read();
        let (dst, src, len) = three(r);
        let data = &r.inst().datas[seg as usize];
        let mem = memory0(r).data_mut();
        if !in_bounds(dst, len, mem.len()) || !in_bounds(src, len, data.len()) {
            return trap(r, TrapCode::MemoryOutOfBounds);
        }
        mem[dst..dst + len].copy_from_slice(&data[src..src + len]);
    }
    Flow::Next
}

/// `data.drop`.
///
/// # Safety
/// The code at `ip` must hold this op's fields; the index was validated.
#[inline(always)]
pub unsafe fn data_drop(r: &mut Regs) -> Flow {
    // SAFETY: the caller promises the fields; the validator checked the segment index.
    unsafe {
        let seg: u32 = r.read();
        r.inst().datas[seg as usize] = std::sync::Arc::from(&[][..]);
    }
    Flow::Next
}
