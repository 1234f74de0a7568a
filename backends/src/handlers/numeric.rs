//! Numeric handlers: one generic body per arity, the operation itself a kernel.

use super::{Dst, Flow, I, Regs, S, Src, kernels, trap};
use crate::trap::TrapCode;
use crate::value::Value;

/// `acc = kernel(lhs, rhs)` (and, for `D = S`, `slot dst = acc`).
///
/// # Safety
/// The code at `ip` must hold this op's operand fields.
#[inline(always)]
pub unsafe fn binary<In, Out: Value, L: Src<In>, R: Src<In>, D: Dst<Out>>(
    r: &mut Regs,
    kernel: fn(In, In) -> Result<Out, TrapCode>,
) -> Flow {
    // SAFETY: the caller promises the operand fields.
    let (lhs, rhs) = unsafe { (L::get(r), R::get(r)) };
    match kernel(lhs, rhs) {
        Ok(v) => {
            // SAFETY: the caller promises the destination field.
            unsafe { D::put(r, v) };
            Flow::Next
        }
        // SAFETY: `exec` is valid while handlers run.
        Err(code) => unsafe { trap(r, code) },
    }
}

/// `acc = kernel(src)` (and, for `D = S`, `slot dst = acc`).
///
/// # Safety
/// The code at `ip` must hold this op's operand fields.
#[inline(always)]
pub unsafe fn unary<In, Out: Value, K: Src<In>, D: Dst<Out>>(
    r: &mut Regs,
    kernel: fn(In) -> Result<Out, TrapCode>,
) -> Flow {
    // SAFETY: the caller promises the operand fields.
    let x = unsafe { K::get(r) };
    match kernel(x) {
        Ok(v) => {
            // SAFETY: the caller promises the destination field.
            unsafe { D::put(r, v) };
            Flow::Next
        }
        // SAFETY: `exec` is valid while handlers run.
        Err(code) => unsafe { trap(r, code) },
    }
}

/// `acc = kernel(lhs, rhs, slot addend)`, a multiply-add (and, for `D = S`, `slot dst = acc`).
///
/// # Safety
/// The code at `ip` must hold this op's operand fields.
#[inline(always)]
pub unsafe fn mul_add<T: Value, L: Src<T>, R: Src<T>, D: Dst<T>>(
    r: &mut Regs,
    kernel: fn(T, T, T) -> T,
) -> Flow
where
    S: Src<T>,
{
    // SAFETY: the caller promises the operand fields, in this order, and the destination.
    unsafe {
        let (lhs, rhs, addend) = (L::get(r), R::get(r), S::get(r));
        D::put(r, kernel(lhs, rhs, addend));
    }
    Flow::Next
}

/// `acc = acc * acc` in the accumulator of `T`'s class (and, for `D = S`, `slot dst = acc`).
///
/// # Safety
/// The code at `ip` must hold this op's destination field.
#[inline(always)]
pub unsafe fn square<T: Value + core::ops::Mul<Output = T>, D: Dst<T>>(r: &mut Regs) -> Flow {
    let x = T::from_acc(r);
    // SAFETY: the caller promises the destination field.
    unsafe { D::put(r, x * x) };
    Flow::Next
}

/// Two `I32AddSID`s, one after the other: the second may read the slot the first wrote.
///
/// # Safety
/// The code at `ip` must hold the fields of both adds.
#[inline(always)]
pub unsafe fn i32_add_imm_twice(r: &mut Regs) -> Flow {
    // SAFETY: the caller promises both adds' fields, in order; `i32_add` never traps.
    unsafe {
        // An add always goes on to the next field.
        let _ = binary::<i32, i32, S, I, S>(r, kernels::i32_add);
        binary::<i32, i32, S, I, S>(r, kernels::i32_add)
    }
}
