//! Handler bodies: the semantics of every op, written once and knowing nothing of dispatch.
//!
//! A handler reads its operands from the code at `r.ip` (advancing it), works on the machine
//! registers in [`Regs`], and returns [`Flow::Next`] to continue at `r.ip` or [`Flow::Stop`]
//! with the reason stored in the [`Exec`](crate::exec::Exec). Each dispatch mode wraps these
//! bodies in its own way of reaching the next op.

pub mod call;
pub mod control;
pub mod fused;
pub mod kernels;
pub mod latency;
pub mod memory;
pub mod numeric;
pub mod round;
pub mod table;
pub mod variable;

use crate::exec::{Exec, Stop};
use crate::store::{InstanceData, StoreCore};
use crate::trap::TrapCode;
use crate::value::Value;
use wasmloom_frontend::isa::{Operand, Slot};

/// The machine registers. Dispatch modes keep these in locals or handler arguments, so that
/// they live in machine registers.
#[derive(Debug, Clone)]
pub struct Regs {
    /// The next byte of code to read.
    pub ip: *const u8,
    /// The current frame's slot 0.
    pub fp: *mut u64,
    /// Memory 0's first byte (null without a memory).
    pub mem: *mut u8,
    /// Memory 0's length in bytes.
    pub mem_len: usize,
    /// The integer accumulator (i32, i64, references).
    pub acc: u64,
    /// The f32 accumulator.
    pub f32a: f32,
    /// The f64 accumulator.
    pub f64a: f64,
    /// The execution: frames, instance, store.
    pub exec: *mut Exec,
}

/// What a handler asks of the dispatcher.
#[must_use]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    /// Run the op at `ip`.
    Next,
    /// Run the op at `ip`, reached by a taken conditional branch. Threaded modes dispatch
    /// this case from its own site, so each direction has its own branch-predictor entry.
    Jump,
    /// Stop; the reason is in `Exec::stop`.
    Stop,
}

impl Regs {
    /// Registers for resuming `exec` where it stopped (or starting it after `enter`).
    ///
    /// # Safety
    /// `exec` must be valid and prepared by `Exec::enter` or stopped at a resumable point.
    pub unsafe fn resume(exec: *mut Exec) -> Self {
        // SAFETY: the caller promises `exec` is valid.
        let (ip, fp) = unsafe { ((*exec).ip, (*exec).fp) };
        let mut r = Regs {
            ip,
            fp,
            mem: core::ptr::null_mut(),
            mem_len: 0,
            acc: 0,
            f32a: 0.0,
            f64a: 0.0,
            exec,
        };
        // SAFETY: the instance pointer of a prepared execution is valid.
        unsafe { r.reload_memory() };
        r
    }

    /// Saves `ip` and `fp` in the execution so that it can resume.
    ///
    /// # Safety
    /// `self.exec` must be valid.
    #[inline(always)]
    pub unsafe fn save(&self) {
        // SAFETY: the caller promises `exec` is valid.
        unsafe {
            (*self.exec).ip = self.ip;
            (*self.exec).fp = self.fp;
        }
    }

    /// Reads the next operand from the code.
    ///
    /// # Safety
    /// The code at `ip` must hold a `T` here, as the translator wrote it.
    #[inline(always)]
    pub unsafe fn read<T: Operand>(&mut self) -> T {
        // SAFETY: the caller promises the code holds a `T` at `ip`.
        unsafe {
            let v = T::decode(self.ip);
            self.ip = self.ip.add(T::SIZE);
            v
        }
    }

    /// The slot `s` of the current frame.
    ///
    /// # Safety
    /// `s` must be inside the current frame (the translator sized the frame for it).
    #[inline(always)]
    pub unsafe fn slot(&self, s: Slot) -> *mut u64 {
        // SAFETY: the caller promises `s` is inside the frame. `opaque`: see `latency`.
        latency::opaque(unsafe { self.fp.add(s.0 as usize) })
    }

    /// Reloads memory 0's base and length from the current instance.
    ///
    /// # Safety
    /// The execution and its instance must be valid.
    #[inline(always)]
    pub unsafe fn reload_memory(&mut self) {
        // SAFETY: the caller promises a valid execution and instance.
        unsafe {
            match self.inst().memories.first() {
                Some(&m) => {
                    let m = &mut *m;
                    self.mem_len = m.data().len();
                    self.mem = m.data_mut().as_mut_ptr();
                }
                None => {
                    self.mem = core::ptr::null_mut();
                    self.mem_len = 0;
                }
            }
        }
    }

    /// The current instance.
    ///
    /// # Safety
    /// The execution and its instance must be valid, and the borrow must not overlap another.
    #[inline(always)]
    pub unsafe fn inst<'a>(&self) -> &'a mut InstanceData {
        // SAFETY: the caller promises a valid execution and instance.
        unsafe { &mut *(*self.exec).inst() }
    }

    /// The store.
    ///
    /// # Safety
    /// The execution and its store must be valid.
    #[inline(always)]
    pub unsafe fn store<'a>(&self) -> &'a StoreCore {
        // SAFETY: the caller promises a valid execution and store.
        unsafe { &*(*self.exec).store }
    }

    /// The execution. The borrow is not tied to `self`: registers and execution are separate.
    ///
    /// # Safety
    /// `self.exec` must be valid, and the returned borrow must not overlap another one.
    #[inline(always)]
    pub unsafe fn exec<'a>(&self) -> &'a mut Exec {
        // SAFETY: the caller promises exclusive access to a valid execution.
        unsafe { &mut *self.exec }
    }
}

/// Stops with a trap: one store into the execution, in line, on a path marked cold. No call,
/// so no register has to survive one: a handler's common path saves no callee-saved register
/// (loop-call handlers, whose exits all end in one `ret`, saved three on every op before).
///
/// # Safety
/// `r.exec` must be valid.
#[inline(always)]
pub unsafe fn trap(r: &mut Regs, code: TrapCode) -> Flow {
    core::hint::cold_path();
    // SAFETY: the caller promises `exec` is valid.
    unsafe { (*r.exec).stop = Stop::Trap(code) };
    Flow::Stop
}

/// Where an operand comes from; the kind letters of the op list.
pub trait Src<T> {
    /// Fetches the operand, reading its inline field (if any) from the code.
    ///
    /// # Safety
    /// The code at `ip` must hold this operand's field as the translator wrote it.
    unsafe fn get(r: &mut Regs) -> T;
}

/// Operand kind `A`: the accumulator of the operand's class.
#[derive(Debug)]
pub struct A;
/// Operand kind `S`: a frame slot, its index inline.
#[derive(Debug)]
pub struct S;
/// Operand kind `I`: an immediate, inline.
#[derive(Debug)]
pub struct I;

/// Where an op puts its result: `A` leaves it in the accumulator of its class; `S` (the `D`
/// variants) also writes it to the slot `dst` read from the code, fusing the spill that
/// `local.set` or a block boundary would emit next.
pub trait Dst<T> {
    /// Delivers the result, reading the destination field (if any) from the code.
    ///
    /// # Safety
    /// The code at `ip` must hold this destination's field as the translator wrote it.
    unsafe fn put(r: &mut Regs, v: T);
}

impl<T: Value> Dst<T> for A {
    #[inline(always)]
    unsafe fn put(r: &mut Regs, v: T) {
        v.to_acc(r);
    }
}

impl<T: Value> Dst<T> for S {
    #[inline(always)]
    unsafe fn put(r: &mut Regs, v: T) {
        // SAFETY: the code holds a slot index inside the frame here.
        unsafe {
            let s: Slot = r.read();
            *r.slot(s) = v.to_bits();
        }
        // The accumulator keeps the value too, exactly as after an op and its spill.
        v.to_acc(r);
    }
}

/// Address kind `SS`: the wrapping sum of slots `base` and `index`, both inline.
#[derive(Debug)]
pub struct SS;
/// Address kind `SI`: the wrapping sum of slot `base` and the immediate `index`, both inline.
#[derive(Debug)]
pub struct SI;

impl Src<i32> for SS {
    #[inline(always)]
    unsafe fn get(r: &mut Regs) -> i32 {
        // SAFETY: the code holds two slot indices inside the frame here.
        unsafe {
            let base: i32 = S::get(r);
            let index: i32 = S::get(r);
            base.wrapping_add(index)
        }
    }
}

impl Src<i32> for SI {
    #[inline(always)]
    unsafe fn get(r: &mut Regs) -> i32 {
        // SAFETY: the code holds a slot index and an `i32` here.
        unsafe {
            let base: i32 = S::get(r);
            let index: i32 = I::get(r);
            base.wrapping_add(index)
        }
    }
}

impl<T: Value> Src<T> for A {
    #[inline(always)]
    unsafe fn get(r: &mut Regs) -> T {
        T::from_acc(r)
    }
}

impl<T: Value> Src<T> for S {
    #[inline(always)]
    unsafe fn get(r: &mut Regs) -> T {
        // SAFETY: the code holds a slot index inside the frame here.
        unsafe {
            let s: Slot = r.read();
            T::from_bits(*r.slot(s))
        }
    }
}

impl<T: Value + Operand> Src<T> for I {
    #[inline(always)]
    unsafe fn get(r: &mut Regs) -> T {
        // SAFETY: the code holds an immediate of type `T` here.
        unsafe { r.read() }
    }
}
