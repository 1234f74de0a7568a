//! Engine configuration: the dispatch mode and the execution limits.

use crate::Dispatch;
use wasmloom_backends::exec::{DEFAULT_MAX_CALL_DEPTH, DEFAULT_STACK_SLOTS};

/// How an [`Engine`](crate::Engine) compiles and runs code.
#[derive(Clone, Debug)]
pub struct Config {
    pub(crate) dispatch: Option<Dispatch>,
    pub(crate) max_call_depth: usize,
    pub(crate) max_stack_slots: usize,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            dispatch: None,
            max_call_depth: DEFAULT_MAX_CALL_DEPTH,
            max_stack_slots: DEFAULT_STACK_SLOTS,
        }
    }
}

impl Config {
    /// The default configuration: the fastest dispatch mode compiled in, default limits.
    pub fn new() -> Self {
        Self::default()
    }

    /// Selects the dispatch mode. [`Engine::new`](crate::Engine::new) fails if the mode is not
    /// compiled in (see [`Dispatch::compiled`]).
    pub fn dispatch(&mut self, mode: Dispatch) -> &mut Self {
        self.dispatch = Some(mode);
        self
    }

    /// The most nested Wasm calls before the trap "call stack exhausted" (default 16384).
    pub fn max_call_depth(&mut self, depth: usize) -> &mut Self {
        self.max_call_depth = depth;
        self
    }

    /// The size of each execution's value stack, in 8-byte slots (default 2^20). The memory is
    /// committed lazily.
    pub fn max_stack_slots(&mut self, slots: usize) -> &mut Self {
        self.max_stack_slots = slots;
        self
    }
}
