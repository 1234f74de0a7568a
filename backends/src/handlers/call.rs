//! Call handlers. A Wasm callee gets a new frame on the value stack and a saved [`Frame`]; no
//! native recursion. A host callee stops execution so that the runtime can run it.

use super::{Flow, Regs, trap};
use crate::exec::{Frame, Stop};
use crate::store::FuncEntity;
use crate::trap::TrapCode;
use wasmloom_frontend::isa::Slot;

/// Enters store function `func` with its frame at slot `base` of the current frame.
///
/// # Safety
/// `func` must be a valid store index and `base` inside the current frame, with the
/// arguments in place.
#[inline(always)]
unsafe fn enter(r: &mut Regs, func: u32, base: Slot) -> Flow {
    // SAFETY: the caller promises the indices; the depth and stack checks below keep the new
    // frame inside the value stack.
    unsafe {
        let exec = r.exec();
        let entity = *(&*exec.store).funcs.get_unchecked(func as usize);
        let new_fp = r.fp.add(base.0 as usize);
        match entity {
            FuncEntity::Wasm { inst, code, .. } => {
                let code = &*code;
                let frame_end = new_fp.wrapping_add(code.frame_size as usize);
                if exec.frames.len() >= exec.max_depth || frame_end.cast_const() > exec.stack_end()
                {
                    return trap(r, TrapCode::StackOverflow);
                }
                exec.frames.push(Frame {
                    ret_ip: r.ip,
                    fp: r.fp,
                    inst: exec.inst,
                });
                let locals = new_fp.add(code.num_params as usize);
                core::ptr::write_bytes(locals, 0, (code.num_locals - code.num_params) as usize);
                r.fp = new_fp;
                r.ip = code.code.as_ptr();
                if inst != exec.inst {
                    exec.inst = inst;
                    r.reload_memory();
                }
                Flow::Next
            }
            FuncEntity::Host { .. } => {
                exec.stop = Stop::HostCall { func, base: new_fp };
                Flow::Stop
            }
        }
    }
}

/// `call`.
///
/// # Safety
/// The code at `ip` must hold this op's fields.
#[inline(always)]
pub unsafe fn call(r: &mut Regs) -> Flow {
    // SAFETY: the caller promises the fields; the validator checked the function index.
    unsafe {
        let f: u32 = r.read();
        let base: Slot = r.read();
        let func = *r.inst().funcs.get_unchecked(f as usize);
        enter(r, func, base)
    }
}

/// `call_indirect`.
///
/// # Safety
/// The code at `ip` must hold this op's fields.
#[inline(always)]
pub unsafe fn call_indirect(r: &mut Regs) -> Flow {
    // SAFETY: the caller promises the fields; the validator checked the table and type.
    unsafe {
        let t: u32 = r.read();
        let ty: u32 = r.read();
        let index: Slot = r.read();
        let base: Slot = r.read();
        let i = *r.slot(index) as u32 as usize;
        let exec = r.exec();
        let inst = &*exec.inst;
        let table = &**inst.tables.get_unchecked(t as usize);
        let Some(&reference) = table.elems.get(i) else {
            return trap(r, TrapCode::UndefinedElement);
        };
        if reference == 0 {
            return trap(r, TrapCode::UninitializedElement);
        }
        let func = (reference - 1) as u32;
        let expected = *inst.types.get_unchecked(ty as usize);
        if (&*exec.store).funcs[func as usize].ty() != expected {
            return trap(r, TrapCode::IndirectCallTypeMismatch);
        }
        enter(r, func, base)
    }
}
