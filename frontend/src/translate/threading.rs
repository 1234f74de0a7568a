//! Jump threading, once a function's code is complete: a `Br` to a return becomes that return
//! (`if (n < 2) return n;` ends its `then` arm with a copy to the `if`'s result slot and a jump
//! to the `ReturnS` of that slot), and a `Br` to another `Br` jumps to where that one goes.

use super::FuncTranslator;
use crate::isa::encoding::Encoding as _;
use crate::isa::{Opcode, Operand, Slot};

/// An unconditional `Br` at `start`, and the `Copy` right before it, if one (no branch target
/// between): its start, `dst` and `src`.
#[derive(Copy, Clone, Debug)]
pub(crate) struct Jump {
    pub start: usize,
    pub copy: Option<(usize, u32, u32)>,
}

/// A return op at `start`: `ReturnS` with its `src`, or `Return` (`None`).
#[derive(Copy, Clone, Debug)]
pub(crate) struct ReturnAt {
    pub start: usize,
    pub src: Option<u32>,
}

/// Most `Br`s followed from one jump.
const MAX_HOPS: usize = 4;

impl FuncTranslator<'_> {
    /// Records the `Br` about to be emitted at the end of the code.
    pub(crate) fn jump_emitted(&mut self) {
        let start = self.code.len();
        let header = self.encoding.header_size();
        let copy = self
            .last_copy
            .filter(|&(_, end)| end == start && self.last_target < start)
            .map(|(copy, _)| {
                let field = |at: usize| self.read_u32(copy + header + at);
                (copy, field(0), field(Slot::SIZE))
            });
        self.jumps.push(Jump { start, copy });
    }

    /// Records the return op about to be emitted at the end of the code.
    pub(crate) fn return_emitted(&mut self, src: Option<u32>) {
        let start = self.code.len();
        self.returns.push(ReturnAt { start, src });
    }

    /// Forgets the jumps and returns at or past `len`, which a cut of the code removed.
    pub(crate) fn forget_jumps_from(&mut self, len: usize) {
        while self.jumps.last().is_some_and(|j| j.start >= len) {
            self.jumps.pop();
        }
        while self.returns.last().is_some_and(|r| r.start >= len) {
            self.returns.pop();
        }
    }

    /// Threads every recorded jump (see the module comment). `results` is the function's
    /// result count: a jump to a plain `Return` becomes `ReturnS s0`, which has a `Br`'s size
    /// and needs slot 0 to exist.
    pub(crate) fn thread_jumps(&mut self, results: usize) {
        if self.jumps.is_empty() || self.returns.is_empty() && self.jumps.len() < 2 {
            return;
        }
        let header = self.encoding.header_size();
        // Every target first, from the code as it is, since rewriting a jump changes its field.
        let targets: Vec<usize> = (0..self.jumps.len())
            .map(|i| {
                let mut target = self.jump_target(self.jumps[i].start);
                for _ in 0..MAX_HOPS {
                    match self.jumps.binary_search_by_key(&target, |j| j.start) {
                        Ok(next) => target = self.jump_target(self.jumps[next].start),
                        Err(_) => break,
                    }
                }
                target
            })
            .collect();
        for (i, &target) in targets.iter().enumerate() {
            let jump = self.jumps[i];
            let ret = self
                .returns
                .binary_search_by_key(&target, |r| r.start)
                .ok()
                .map(|r| self.returns[r].src);
            match ret {
                // `Copy dst <- src; Br` to `ReturnS dst`: return `src` at the copy; the rest of
                // the two ops' bytes, never reached, read as a `ReturnI`.
                Some(Some(src)) => match jump.copy {
                    Some((copy, dst, copy_src)) if dst == src => {
                        self.write_op(copy, Opcode::ReturnS, &return_s(copy_src));
                        self.write_op(copy + header + 2 * Slot::SIZE, Opcode::ReturnI, &[0; 8]);
                    }
                    _ => self.write_op(jump.start, Opcode::ReturnS, &return_s(src)),
                },
                Some(None) if results > 0 => {
                    self.write_op(jump.start, Opcode::ReturnS, &return_s(0));
                }
                _ => self.patch(jump.start + header, target),
            }
        }
    }

    /// Where the `Br` at `start` jumps to.
    fn jump_target(&self, start: usize) -> usize {
        let field = start + self.encoding.header_size();
        (field as i64 + self.offset_field(field)) as usize
    }

    fn read_u32(&self, at: usize) -> u32 {
        u32::from_le_bytes(self.code[at..at + 4].try_into().expect("4 bytes"))
    }

    /// Writes op `op` with the encoded `fields` over the code at `at`.
    fn write_op(&mut self, at: usize, op: Opcode, fields: &[u8]) {
        self.rewrite_header(at, op);
        let end = at + self.encoding.header_size();
        self.code[end..end + fields.len()].copy_from_slice(fields);
    }
}

/// The fields of `ReturnS src` (its `pad` zero).
fn return_s(src: u32) -> [u8; 2 * Slot::SIZE] {
    let mut fields = [0; 2 * Slot::SIZE];
    fields[..Slot::SIZE].copy_from_slice(&src.to_le_bytes());
    fields
}
