//! The translator's buffers, kept from one compile to the next.
//!
//! A module's functions already share them; an engine keeps them between modules too (as Wasmi
//! does), so that compiling a small module allocates little and writes to memory that is still
//! in the caches, instead of growing every buffer from nothing again.

use super::control::Label;
use super::encode::Encoder;
use super::stack::{Entry, Ty};
use super::threading::{Jump, ReturnAt};
use wasmparser::FuncValidatorAllocations;

/// Buffers a compile borrows ([`compile_reusing`](crate::translate::compile_reusing)) and
/// leaves behind for the next one.
pub struct Buffers {
    pub(crate) code: Vec<u8>,
    pub(crate) stack: Vec<Entry>,
    pub(crate) labels: Vec<Label>,
    pub(crate) locals: Vec<Ty>,
    pub(crate) globals: Vec<Ty>,
    pub(crate) jumps: Vec<Jump>,
    pub(crate) returns: Vec<ReturnAt>,
    pub(crate) encoder: Encoder,
    pub(crate) validator: FuncValidatorAllocations,
}

/// Buffers bigger than this (a module with one huge function grew them) are not kept.
const KEEP_AT_MOST: usize = 1 << 20;

impl Default for Buffers {
    /// Room for a typical function's needs from the start: growing them costs more than they
    /// weigh.
    fn default() -> Self {
        Buffers {
            code: Vec::new(),
            stack: Vec::with_capacity(64),
            labels: Vec::with_capacity(16),
            locals: Vec::with_capacity(256),
            globals: Vec::new(),
            jumps: Vec::with_capacity(16),
            returns: Vec::with_capacity(16),
            encoder: Encoder::default(),
            validator: FuncValidatorAllocations::default(),
        }
    }
}

impl Buffers {
    /// Whether they are small enough to keep for the next compile.
    pub fn worth_keeping(&self) -> bool {
        self.code.capacity() + self.encoder.capacity() <= KEEP_AT_MOST
    }
}

impl core::fmt::Debug for Buffers {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Buffers")
            .field("code", &self.code.capacity())
            .finish_non_exhaustive()
    }
}
