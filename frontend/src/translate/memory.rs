//! Memory operators: loads and stores on memory 0, size, grow and the bulk ops.

use super::lookup::{load_of, store_of};
use super::numeric::ty_of_num;
use super::stack::{Loc, Ty, span_record};
use super::{CompileError, FuncTranslator};
use crate::isa::encoding::Encoding as _;
use crate::isa::{Class, LoadMulAdd, Opcode, Operand, Slot};
use crate::parse::unsupported;
use wasmparser::{MemArg, Operator};

/// The `end` field of a memory-0 access of `size` bytes: its static offset plus `size`;
/// `None` when that does not fit in 32 bits, so that the access is out of bounds whatever the
/// address (memory 0 holds at most 2^32 bytes).
fn end_of(memarg: MemArg, size: u32) -> Result<Option<u32>, CompileError> {
    if memarg.target != wasmparser::MemArgTarget::Memory(0) {
        return Err(unsupported("multiple memories are not supported yet"));
    }
    Ok(u32::try_from(memarg.offset)
        .ok()
        .and_then(|offset| offset.checked_add(size)))
}

/// A load that left its value in an accumulator (and perhaps a slot: `D`), which a
/// multiply-add (not after a `D`) or a branch right after it may take in.
#[derive(Copy, Clone, Debug)]
pub(crate) struct LoadIntoAcc {
    /// Code position of the load, and just past it.
    pub start: usize,
    pub end: usize,
    /// The load's variant.
    pub op: Opcode,
    /// The slots whose value the accumulator of the load's class held just before it, as
    /// the op before left it (a running sum the multiply-add may add to in place).
    pub acc_held: Option<[u32; 2]>,
}

span_record!(LoadIntoAcc);

impl FuncTranslator<'_> {
    /// An access that traps whatever its address: the trap, and the rest of the block is
    /// unreachable.
    fn out_of_bounds(&mut self) {
        self.op(Opcode::OutOfBounds);
        self.reachable = false;
    }

    #[cfg_attr(not(debug_assertions), inline(always))]
    pub(crate) fn visit_memory(&mut self, op: &Operator<'_>) -> Result<bool, CompileError> {
        if let Some((load, memarg)) = load_of(op) {
            let Some(end) = end_of(memarg, load.size())? else {
                self.out_of_bounds();
                return Ok(true);
            };
            let h = self.stack.len();
            let addr = self.pop();
            let out = load.result();
            if let Some((base, index)) = self.take_address_add(addr.loc) {
                self.reserve_acc(out.class());
                let start = self.code.len();
                let acc_held = self.acc_held_slots(out.class());
                let op = load
                    .opcode_indexed(index.kind(), false)
                    .expect("slot or imm index");
                self.op(op);
                self.put_slot(base);
                self.put_loc(index, Ty::I32);
                self.put(end);
                self.produced(start, load.opcode_indexed(index.kind(), true), out.class());
                self.loaded(start, op, acc_held);
                self.push_acc(ty_of_num(out));
                return Ok(true);
            }
            let addr = self.no_imm(addr, h - 1);
            let addr = self.acc_for_slot(addr, Ty::I32);
            self.reserve_acc(out.class());
            let start = self.code.len();
            let acc_held = self.acc_held_slots(out.class());
            let op = load
                .opcode(addr.kind())
                .expect("address is not an immediate");
            self.op(op);
            self.put_loc(addr, Ty::I32);
            self.put(end);
            self.produced(start, load.opcode_to_slot(addr.kind()), out.class());
            self.loaded(start, op, acc_held);
            self.push_acc(ty_of_num(out));
            return Ok(true);
        }
        if let Some((store, memarg)) = store_of(op) {
            let Some(end) = end_of(memarg, store.size())? else {
                self.out_of_bounds();
                return Ok(true);
            };
            let h = self.stack.len();
            let value = self.pop();
            let addr = self.pop();
            if let Some((base, index)) = self.take_address_add(addr.loc) {
                self.op(store
                    .opcode_indexed(index.kind(), value.loc.kind())
                    .expect("slot or imm index"));
                self.put_slot(base);
                self.put_loc(index, Ty::I32);
                self.put(end);
                self.put_loc(value.loc, value.ty);
                return Ok(true);
            }
            let mut addr = self.no_imm(addr, h - 2);
            let mut value = value;
            self.operand_from_acc((&mut addr, Ty::I32), (&mut value.loc, value.ty), |a, v| {
                store.opcode(a, v).is_some()
            });
            self.op(store
                .opcode(addr.kind(), value.loc.kind())
                .expect("operands of two classes"));
            self.put_loc(addr, Ty::I32);
            self.put(end);
            self.put_loc(value.loc, value.ty);
            return Ok(true);
        }
        match *op {
            Operator::MemorySize { mem: 0 } => {
                self.reserve_acc(Class::Int);
                self.op(Opcode::MemorySize);
                self.push_acc(Ty::I32);
            }
            Operator::MemoryGrow { mem: 0 } => {
                let h = self.stack.len();
                let delta = self.pop();
                let delta = self.no_imm(delta, h - 1);
                self.reserve_acc(Class::Int);
                self.op(if delta == Loc::Acc {
                    Opcode::MemoryGrowA
                } else {
                    Opcode::MemoryGrowS
                });
                self.put_loc(delta, Ty::I32);
                self.push_acc(Ty::I32);
            }
            Operator::MemoryFill { mem: 0 } => self.slots_op(Opcode::MemoryFill, &[], 3, None),
            Operator::MemoryCopy {
                dst_mem: 0,
                src_mem: 0,
            } => self.slots_op(Opcode::MemoryCopy, &[], 3, None),
            Operator::MemoryInit { data_index, mem: 0 } => {
                self.slots_op(Opcode::MemoryInit, &[data_index], 3, None);
            }
            Operator::DataDrop { data_index } => {
                self.op(Opcode::DataDrop);
                self.put(data_index);
            }
            Operator::MemorySize { .. }
            | Operator::MemoryGrow { .. }
            | Operator::MemoryFill { .. }
            | Operator::MemoryCopy { .. }
            | Operator::MemoryInit { .. } => {
                return Err(unsupported("multiple memories are not supported yet"));
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// Records the load just emitted at `start`; `acc_held` is what the accumulator of its
    /// class held before it.
    fn loaded(&mut self, start: usize, op: Opcode, acc_held: Option<[u32; 2]>) {
        self.last_load = Some(LoadIntoAcc {
            start,
            end: self.code.len(),
            op,
            acc_held,
        });
    }

    /// Folds the load emitted just before the multiply-add at `mul_add` (an `AS` variant,
    /// whose accumulator operand is the loaded value) into it: one op that loads, multiplies
    /// and adds (`sum += p[k] * x`, CoreMark's matrix loops). Returns the fused op's start and
    /// its `D` variant, or `None` when the load is not right before it.
    pub(crate) fn take_load_into_mul_add(
        &mut self,
        mul_add_start: usize,
        mul_add: Opcode,
        addend: u32,
    ) -> Option<(usize, Opcode)> {
        let load = self.last_load.take()?;
        if load.end != mul_add_start || self.last_target > load.start {
            return None;
        }
        let (fused, to_slot) = LoadMulAdd::of(load.op, mul_add)?;
        // The load's fields stay, then the multiply-add's without its header.
        self.rewrite_header(load.start, fused);
        let header = self.encoding.header_size();
        self.code.drain(mul_add_start..mul_add_start + header);
        // An addend the accumulator held before the load (the sum a chain of these just wrote
        // to its slot) is read from there: the chain stays in the register.
        if let Some(held) = load.acc_held
            && held.contains(&addend)
            && let Some((in_acc, to_slot)) = LoadMulAdd::addend_in_acc(fused)
        {
            // The addend is the last field.
            self.rewrite_header(load.start, in_acc);
            self.code.truncate(self.code.len() - Slot::SIZE);
            return Some((load.start, to_slot));
        }
        Some((load.start, to_slot))
    }

    /// If the address `addr` is the accumulator holding an `i32.add` of a slot and a slot or
    /// immediate, emitted last, removes that add and returns its operands (base, index), so
    /// that the access can add them itself.
    fn take_address_add(&mut self, addr: Loc) -> Option<(u32, Loc)> {
        let add = self.address_add.take()?;
        let end = self.code.len();
        if addr != Loc::Acc || add.end != end || self.last_target == end {
            return None;
        }
        self.cut_code(add.start);
        // Records of ops at or after `add.start` would now point into other code.
        self.pending = None;
        self.step = None;
        self.increment = None;
        Some((add.base, add.index))
    }

    /// Emits `op` with the `u32` fields `indices`, then the top `n` values as slot fields
    /// (deepest first), popping them; pushes the op's integer-accumulator `result`, if any.
    pub(crate) fn slots_op(&mut self, op: Opcode, indices: &[u32], n: usize, result: Option<Ty>) {
        let h = self.stack.len();
        let mut slots = vec![0; n];
        for i in (0..n).rev() {
            let e = self.pop();
            slots[i] = self.slot_of(e, h - n + i);
        }
        if result.is_some() {
            self.reserve_acc(Class::Int);
        }
        self.op(op);
        for &i in indices {
            self.put(i);
        }
        for s in slots {
            self.put_slot(s);
        }
        if let Some(ty) = result {
            self.push_acc(ty);
        }
    }
}
