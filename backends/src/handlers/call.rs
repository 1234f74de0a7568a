//! Call handlers. A Wasm callee gets a new frame on the value stack and a saved [`Frame`]; no
//! native recursion. A tail call reuses the current frame and saves nothing. A host callee
//! stops execution so that the runtime can run it.

use super::{Flow, Regs, trap};
use crate::exec::{Frame, Stop};
use crate::store::FuncEntity;
use crate::trap::TrapCode;
use wasmloom_frontend::isa::Slot;
use wasmloom_frontend::translate::CompiledFunc;

/// Enters `code`, a function of the running instance, with its frame at `new_fp`, saving the
/// caller unless this is a tail call.
///
/// # Safety
/// `code` must be a function of the running instance and `new_fp` inside the value stack, with
/// the arguments in place.
#[inline(always)]
unsafe fn enter_code(r: &mut Regs, code: &CompiledFunc, new_fp: *mut u64, tail: bool) -> Flow {
    // SAFETY: the caller promises the code and frame base; the depth and stack checks below
    // keep the new frame inside the value stack.
    unsafe {
        let exec = r.exec();
        let frame_end = new_fp.wrapping_add(code.frame_size as usize);
        let too_deep = !tail && !exec.can_push_frame();
        if too_deep || frame_end.cast_const() > exec.stack_end() {
            return trap(r, TrapCode::StackOverflow);
        }
        if !tail {
            let saved = exec.push_frame(Frame {
                ret_ip: r.ip,
                fp: r.fp,
                inst: exec.inst(),
            });
            debug_assert!(saved, "checked by can_push_frame");
        }
        zero_locals(
            new_fp.add(code.num_params as usize),
            (code.num_locals - code.num_params) as usize,
        );
        r.fp = new_fp;
        r.ip = code.code.as_ptr();
        Flow::Next
    }
}

/// Enters function `func`, one the running module defines (a module function index).
///
/// # Safety
/// As [`enter_code`], and `func` must be a defined function's index.
#[inline(always)]
unsafe fn enter_defined(r: &mut Regs, func: u32, new_fp: *mut u64, tail: bool) -> Flow {
    // SAFETY: the caller promises a defined function's index.
    unsafe {
        let code = r.exec().defined_code(func);
        enter_code(r, code, new_fp, tail)
    }
}

/// Enters store function `func` (any instance's, or the host's) with its frame at `new_fp`.
///
/// # Safety
/// `func` must be a valid store index and `new_fp` inside the value stack, with the arguments
/// in place.
#[inline(always)]
unsafe fn enter(r: &mut Regs, func: u32, new_fp: *mut u64, tail: bool) -> Flow {
    // SAFETY: the caller promises the index and frame base; the store's Wasm functions point
    // to code their instance keeps alive.
    unsafe {
        let exec = r.exec();
        match *(&*exec.store).funcs.get_unchecked(func as usize) {
            FuncEntity::Wasm { inst, code, .. } => {
                let flow = enter_code(r, &*code, new_fp, tail);
                if matches!(flow, Flow::Next) && inst != exec.inst() {
                    exec.set_inst(inst);
                    r.reload_memory();
                }
                flow
            }
            FuncEntity::Host { .. } => {
                exec.stop = Stop::HostCall { func, base: new_fp };
                Flow::Stop
            }
        }
    }
}

/// Zeroes `n` slots from `p` with a plain loop of stores, never a call to `memset`: a call
/// would make the call handler save every register, and put a call into loop-match's loop.
///
/// # Safety
/// `p..p + n` must be inside the value stack.
#[inline(always)]
unsafe fn zero_locals(p: *mut u64, n: usize) {
    for i in 0..n {
        // SAFETY: the caller promises the range. Volatile, so that LLVM does not turn the loop
        // back into a `memset` call.
        unsafe { p.add(i).write_volatile(0) };
    }
}

/// The store function at `table[index]`, checked against the signature `ty`.
///
/// # Safety
/// The indices must be validated, and `exec` valid.
#[inline(always)]
unsafe fn resolve_indirect(
    r: &mut Regs,
    table: u32,
    ty: u32,
    index: Slot,
) -> Result<u32, TrapCode> {
    // SAFETY: the validator checked the table and type indices; the slot is in the frame.
    unsafe {
        let i = *r.slot(index) as u32 as usize;
        let inst = r.inst();
        let table = &**inst.tables.get_unchecked(table as usize);
        let &reference = table.elems.get(i).ok_or(TrapCode::UndefinedElement)?;
        if reference == 0 {
            return Err(TrapCode::UninitializedElement);
        }
        let func = (reference - 1) as u32;
        let expected = *inst.types.get_unchecked(ty as usize);
        if r.store().funcs[func as usize].ty() != expected {
            return Err(TrapCode::IndirectCallTypeMismatch);
        }
        Ok(func)
    }
}

/// `call` of a function the module defines.
///
/// # Safety
/// The code at `ip` must hold this op's fields.
#[inline(always)]
pub unsafe fn call(r: &mut Regs) -> Flow {
    // SAFETY: the caller promises the fields; the translator chose this op for a defined
    // function's index.
    unsafe {
        let f: u32 = r.read();
        let base: Slot = r.read();
        enter_defined(r, f, r.slot(base), false)
    }
}

/// `call` of an imported function.
///
/// # Safety
/// The code at `ip` must hold this op's fields.
#[inline(always)]
pub unsafe fn call_import(r: &mut Regs) -> Flow {
    // SAFETY: the caller promises the fields; the validator checked the function index.
    unsafe {
        let f: u32 = r.read();
        let base: Slot = r.read();
        let func = *r.inst().funcs.get_unchecked(f as usize);
        enter(r, func, r.slot(base), false)
    }
}

/// `call_indirect`.
///
/// # Safety
/// The code at `ip` must hold this op's fields.
#[inline(always)]
pub unsafe fn call_indirect(r: &mut Regs) -> Flow {
    // SAFETY: the caller promises the fields.
    unsafe {
        let table: u32 = r.read();
        let ty: u32 = r.read();
        let index: Slot = r.read();
        let base: Slot = r.read();
        match resolve_indirect(r, table, ty, index) {
            Ok(func) => enter(r, func, r.slot(base), false),
            Err(code) => trap(r, code),
        }
    }
}

/// `return_call` of a function the module defines: the arguments are in slots `0..n` already.
///
/// # Safety
/// The code at `ip` must hold this op's fields.
#[inline(always)]
pub unsafe fn return_call(r: &mut Regs) -> Flow {
    // SAFETY: the caller promises the fields; the translator chose this op for a defined
    // function's index.
    unsafe {
        let f: u32 = r.read();
        enter_defined(r, f, r.fp, true)
    }
}

/// `return_call` of an imported function: the arguments are in slots `0..n` already.
///
/// # Safety
/// The code at `ip` must hold this op's fields.
#[inline(always)]
pub unsafe fn return_call_import(r: &mut Regs) -> Flow {
    // SAFETY: the caller promises the fields; the validator checked the function index.
    unsafe {
        let f: u32 = r.read();
        let func = *r.inst().funcs.get_unchecked(f as usize);
        enter(r, func, r.fp, true)
    }
}

/// `return_call_indirect`: the arguments are in slots `0..n` already.
///
/// # Safety
/// The code at `ip` must hold this op's fields.
#[inline(always)]
pub unsafe fn return_call_indirect(r: &mut Regs) -> Flow {
    // SAFETY: the caller promises the fields.
    unsafe {
        let table: u32 = r.read();
        let ty: u32 = r.read();
        let index: Slot = r.read();
        match resolve_indirect(r, table, ty, index) {
            Ok(func) => enter(r, func, r.fp, true),
            Err(code) => trap(r, code),
        }
    }
}
