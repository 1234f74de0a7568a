//! Table handlers: get, set, size, grow, the bulk ops, and `ref.func`.

use super::memory::in_bounds;
use super::{Flow, Regs, trap};
use crate::store::TableEntity;
use crate::trap::TrapCode;
use wasmloom_frontend::isa::Slot;

/// Table `index` of the current instance.
///
/// # Safety
/// The execution must be valid and `index` validated.
#[inline(always)]
unsafe fn table<'a>(r: &mut Regs, index: u32) -> &'a mut TableEntity {
    // SAFETY: the validator checked the index; tables live as long as the store.
    unsafe { &mut **r.inst().tables.get_unchecked(index as usize) }
}

/// Reads a slot operand and returns its value.
///
/// # Safety
/// The code at `ip` must hold a slot field.
#[inline(always)]
unsafe fn slot_value(r: &mut Regs) -> u64 {
    // SAFETY: the caller promises a slot field inside the frame.
    unsafe {
        let s: Slot = r.read();
        *r.slot(s)
    }
}

/// `acc = table[index]`.
///
/// # Safety
/// The code at `ip` must hold this op's fields.
#[inline(always)]
pub unsafe fn get(r: &mut Regs) -> Flow {
    // SAFETY: the caller promises the fields.
    unsafe {
        let t: u32 = r.read();
        let i = slot_value(r) as u32 as usize;
        match table(r, t).elems.get(i) {
            Some(&v) => {
                r.acc = v;
                Flow::Next
            }
            None => trap(r, TrapCode::TableOutOfBounds),
        }
    }
}

/// `table[index] = value`.
///
/// # Safety
/// The code at `ip` must hold this op's fields.
#[inline(always)]
pub unsafe fn set(r: &mut Regs) -> Flow {
    // SAFETY: the caller promises the fields.
    unsafe {
        let t: u32 = r.read();
        let i = slot_value(r) as u32 as usize;
        let v = slot_value(r);
        match table(r, t).elems.get_mut(i) {
            Some(e) => {
                *e = v;
                Flow::Next
            }
            None => trap(r, TrapCode::TableOutOfBounds),
        }
    }
}

/// `acc = table.size`.
///
/// # Safety
/// The code at `ip` must hold this op's fields.
#[inline(always)]
pub unsafe fn size(r: &mut Regs) -> Flow {
    // SAFETY: the caller promises the fields.
    unsafe {
        let t: u32 = r.read();
        r.acc = u64::from(table(r, t).len() as u32);
    }
    Flow::Next
}

/// `acc = table.grow(init, delta)`.
///
/// # Safety
/// The code at `ip` must hold this op's fields.
#[inline(always)]
pub unsafe fn grow(r: &mut Regs) -> Flow {
    // SAFETY: the caller promises the fields.
    unsafe {
        let t: u32 = r.read();
        let init = slot_value(r);
        let delta = slot_value(r) as u32;
        let old = table(r, t).grow(u64::from(delta), init);
        r.acc = u64::from(old.map_or(u32::MAX, |o| o as u32));
    }
    Flow::Next
}

/// `table.fill`.
///
/// # Safety
/// The code at `ip` must hold this op's fields.
#[inline(always)]
pub unsafe fn fill(r: &mut Regs) -> Flow {
    // SAFETY: the caller promises the fields.
    unsafe {
        let t: u32 = r.read();
        let dst = slot_value(r) as u32 as usize;
        let value = slot_value(r);
        let len = slot_value(r) as u32 as usize;
        let elems = &mut table(r, t).elems;
        if !in_bounds(dst, len, elems.len()) {
            return trap(r, TrapCode::TableOutOfBounds);
        }
        elems[dst..dst + len].fill(value);
    }
    Flow::Next
}

/// `table.copy`.
///
/// # Safety
/// The code at `ip` must hold this op's fields.
#[inline(always)]
pub unsafe fn copy(r: &mut Regs) -> Flow {
    // SAFETY: the caller promises the fields; `dst_t` and `src_t` may be the same table, so
    // the copy goes through a raw pointer with `copy` (memmove) semantics.
    unsafe {
        let dst_t: u32 = r.read();
        let src_t: u32 = r.read();
        let dst = slot_value(r) as u32 as usize;
        let src = slot_value(r) as u32 as usize;
        let len = slot_value(r) as u32 as usize;
        let (dst_len, src_len) = (table(r, dst_t).elems.len(), table(r, src_t).elems.len());
        if !in_bounds(dst, len, dst_len) || !in_bounds(src, len, src_len) {
            return trap(r, TrapCode::TableOutOfBounds);
        }
        let from = table(r, src_t).elems.as_ptr().add(src);
        let to = table(r, dst_t).elems.as_mut_ptr().add(dst);
        core::ptr::copy(from, to, len);
    }
    Flow::Next
}

/// `table.init`.
///
/// # Safety
/// The code at `ip` must hold this op's fields.
#[inline(always)]
pub unsafe fn init(r: &mut Regs) -> Flow {
    // SAFETY: the caller promises the fields; the validator checked the indices.
    unsafe {
        let t: u32 = r.read();
        let seg: u32 = r.read();
        let dst = slot_value(r) as u32 as usize;
        let src = slot_value(r) as u32 as usize;
        let len = slot_value(r) as u32 as usize;
        let elem = &r.inst().elems[seg as usize];
        let elems = &mut table(r, t).elems;
        if !in_bounds(dst, len, elems.len()) || !in_bounds(src, len, elem.len()) {
            return trap(r, TrapCode::TableOutOfBounds);
        }
        elems[dst..dst + len].copy_from_slice(&elem[src..src + len]);
    }
    Flow::Next
}

/// `elem.drop`.
///
/// # Safety
/// The code at `ip` must hold this op's fields.
#[inline(always)]
pub unsafe fn elem_drop(r: &mut Regs) -> Flow {
    // SAFETY: the caller promises the fields; the validator checked the index.
    unsafe {
        let seg: u32 = r.read();
        r.inst().elems[seg as usize] = Box::new([]);
    }
    Flow::Next
}

/// `acc = ref.func`.
///
/// # Safety
/// The code at `ip` must hold this op's fields.
#[inline(always)]
pub unsafe fn ref_func(r: &mut Regs) -> Flow {
    // SAFETY: the caller promises the fields; the validator checked the index.
    unsafe {
        let f: u32 = r.read();
        r.acc = u64::from(*r.inst().funcs.get_unchecked(f as usize)) + 1;
    }
    Flow::Next
}
