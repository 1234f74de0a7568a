//! The machine state of one execution: the value stack, the call frames, and why it stopped.
//! Calls from Wasm to Wasm push a [`Frame`] here instead of recursing on the native stack.

use crate::handlers::latency::LoopHint;
use crate::store::{FuncEntity, InstanceData, StoreCore};
use crate::trap::TrapCode;
use wasmloom_frontend::translate::CompiledFunc;

/// Default limit on nested Wasm calls.
pub const DEFAULT_MAX_CALL_DEPTH: usize = 16_384;
/// Default value-stack size in slots (8 bytes each). The memory is committed lazily.
pub const DEFAULT_STACK_SLOTS: usize = 1 << 20;

/// A suspended caller.
#[derive(Debug, Clone, Copy)]
pub struct Frame {
    /// Where the caller continues.
    pub ret_ip: *const u8,
    /// The caller's frame base.
    pub fp: *mut u64,
    /// The caller's instance.
    pub inst: *mut InstanceData,
}

/// Why execution stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// The entry function returned; results are in the first slots of the stack.
    Return,
    /// A trap.
    Trap(TrapCode),
    /// A call to host function `func` (a store index): arguments are at `base`, and results go
    /// back there before [`Exec`] resumes.
    HostCall {
        /// Store function index.
        func: u32,
        /// Where arguments and results live.
        base: *mut u64,
    },
}

/// One execution: owns its value stack; borrows the store through a raw pointer while running.
#[derive(Debug)]
pub struct Exec {
    stack: Box<[u64]>,
    /// Suspended callers. Its capacity is `max_depth` from the start, so that a call pushes
    /// without a capacity check or a call to the allocator.
    frames: Vec<Frame>,
    /// Most frames allowed before the trap "call stack exhausted".
    max_depth: usize,
    /// The store being run against.
    pub store: *mut StoreCore,
    /// The instance of the running function; set with [`Exec::set_inst`].
    inst: *mut InstanceData,
    /// `inst`'s `code_by_func`, one load nearer for `Call`; read with [`Exec::defined_code`].
    code_by_func: *const CompiledFunc,
    /// Saved instruction pointer, for resuming.
    pub ip: *const u8,
    /// Saved frame base, for resuming.
    pub fp: *mut u64,
    /// Why the last run stopped.
    pub stop: Stop,
    /// A loop head seen last, for taken branches to go on before their offset is read.
    pub loop_hint: LoopHint,
}

impl Exec {
    /// A fresh execution with a value stack of `stack_slots` and a call-depth limit.
    pub fn new(stack_slots: usize, max_depth: usize) -> Self {
        Self {
            stack: vec![0u64; stack_slots.max(16)].into_boxed_slice(),
            // Untouched capacity costs address space only: the allocator maps it lazily.
            frames: Vec::with_capacity(max_depth),
            max_depth,
            store: core::ptr::null_mut(),
            inst: core::ptr::null_mut(),
            code_by_func: core::ptr::null(),
            ip: core::ptr::null(),
            fp: core::ptr::null_mut(),
            stop: Stop::Return,
            loop_hint: LoopHint::default(),
        }
    }

    /// Saves a caller, or returns `false` when `max_depth` frames are saved already.
    #[inline(always)]
    pub fn push_frame(&mut self, frame: Frame) -> bool {
        let len = self.frames.len();
        if len >= self.max_depth {
            return false;
        }
        // SAFETY: the capacity is `max_depth` (see `new`) and `len < max_depth`.
        unsafe {
            self.frames.as_mut_ptr().add(len).write(frame);
            self.frames.set_len(len + 1);
        }
        true
    }

    /// The most recently saved caller, removed.
    #[inline(always)]
    pub fn pop_frame(&mut self) -> Option<Frame> {
        self.frames.pop()
    }

    /// Whether one more frame fits under the call-depth limit.
    #[inline(always)]
    pub fn can_push_frame(&self) -> bool {
        self.frames.len() < self.max_depth
    }

    /// The instance of the running function.
    #[inline(always)]
    pub fn inst(&self) -> *mut InstanceData {
        self.inst
    }

    /// Makes `inst` the running function's instance.
    ///
    /// # Safety
    /// `inst` must be a valid instance of the store.
    #[inline(always)]
    pub unsafe fn set_inst(&mut self, inst: *mut InstanceData) {
        self.inst = inst;
        // SAFETY: the caller promises a valid instance.
        self.code_by_func = unsafe { (*inst).code_by_func };
    }

    /// The code of function `func`, one the running instance's module defines.
    ///
    /// # Safety
    /// `func` must be a defined function's index in the running instance's module.
    #[inline(always)]
    pub unsafe fn defined_code<'a>(&self, func: u32) -> &'a CompiledFunc {
        // SAFETY: at a defined function's index, `code_by_func` (kept in step with `inst` by
        // `set_inst`) points into the module's code list, which the instance keeps alive.
        unsafe { &*self.code_by_func.wrapping_add(func as usize) }
    }

    /// One past the last slot of the value stack.
    pub fn stack_end(&self) -> *const u64 {
        self.stack.as_ptr_range().end
    }

    /// Prepares a call of the Wasm function `func` (a store index) with `args` as raw slots.
    /// Afterwards the backend's `run` executes it.
    ///
    /// # Safety
    /// `store` must be valid for the whole execution, `func` must be a Wasm function of it, and
    /// `args` must match its parameters.
    pub unsafe fn enter(
        &mut self,
        store: *mut StoreCore,
        func: u32,
        args: &[u64],
    ) -> Result<(), TrapCode> {
        // SAFETY: the caller promises `store` is valid.
        let entity = unsafe { (&*store).funcs[func as usize] };
        let FuncEntity::Wasm { inst, code, .. } = entity else {
            panic!("Exec::enter needs a Wasm function");
        };
        // SAFETY: `code` is owned by the instance, which the store keeps alive.
        let code = unsafe { &*code };
        let frame = code.frame_size as usize;
        if frame > self.stack.len() {
            return Err(TrapCode::StackOverflow);
        }
        self.stack[..args.len()].copy_from_slice(args);
        self.stack[args.len()..code.num_locals as usize].fill(0);
        self.frames.clear();
        self.store = store;
        // SAFETY: the store keeps its instances alive.
        unsafe { self.set_inst(inst) };
        self.fp = self.stack.as_mut_ptr();
        self.ip = code.code.as_ptr();
        Ok(())
    }

    /// The first `n` slots of the stack: the entry function's results after [`Stop::Return`].
    pub fn results(&self, n: usize) -> &[u64] {
        &self.stack[..n]
    }
}
