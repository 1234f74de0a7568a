//! The virtual operand stack: where each Wasm stack value lives right now, and the code that
//! moves values between the accumulators, slots and immediates.
//!
//! Stack position `p` has a home slot, `home(p)`, above the locals and the scratch slots. An
//! entry may instead still be virtual: a local's slot (after `local.get`), an immediate (after
//! a constant), or an accumulator (the result of the last op of its class). At most one entry
//! per class is in an accumulator; producing a new value of that class spills the old one first.

use super::FuncTranslator;
use super::memory::LoadIntoAcc;
use super::numeric::{AddImm, Increment};
use crate::isa::encoding::Encoding as _;
use crate::isa::{Class, Kind, Opcode, Operand, Slot};

/// A Wasm value type as the translator tracks it.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Ty {
    I32,
    I64,
    F32,
    F64,
    Ref,
}

impl Ty {
    pub(crate) fn class(self) -> Class {
        match self {
            Ty::I32 | Ty::I64 | Ty::Ref => Class::Int,
            Ty::F32 => Class::F32,
            Ty::F64 => Class::F64,
        }
    }

    /// Whether an immediate of this type takes 4 bytes (else 8).
    fn is_narrow(self) -> bool {
        matches!(self, Ty::I32 | Ty::F32)
    }
}

/// Where a stack value lives.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Loc {
    /// The accumulator of the value's class.
    Acc,
    /// A frame slot: the value's home, a local, or a scratch slot.
    Slot(u32),
    /// A constant, as slot bits.
    Imm(u64),
}

impl Loc {
    pub(crate) fn kind(self) -> Kind {
        match self {
            Loc::Acc => Kind::Acc,
            Loc::Slot(_) => Kind::Slot,
            Loc::Imm(_) => Kind::Imm,
        }
    }
}

/// Slots whose value the accumulator of `class` holds: the op ending at `end` wrote it there
/// (the two slots are the same unless a spill copied it on).
#[derive(Copy, Clone, Debug)]
pub(crate) struct AccSlots {
    slots: [u32; 2],
    class: Class,
    end: usize,
}

/// The op that computed an accumulator's value, while nothing after it in the code touched
/// that accumulator: a write of that value to a slot can still be folded into the op (its `D`
/// variant) instead of costing a spill op of its own.
#[derive(Copy, Clone, Debug)]
pub(crate) struct Producer {
    /// Code position of the op, and just past it.
    start: usize,
    end: usize,
    /// The variant that also writes the result to a slot.
    to_slot: Opcode,
}

/// A peephole record: the code position of the op it is about, and every code position it
/// holds, which must move when code is inserted before them.
pub(crate) trait CodeRecord {
    /// Where the op the record is about starts.
    fn start(&self) -> usize;
    /// Calls `f` on each code position held.
    fn positions(&mut self, f: &mut dyn FnMut(&mut usize));
}

/// Implements [`CodeRecord`] for records with the code positions `start` and `end` of their op.
macro_rules! span_record {
    ($($t:ty),*) => {$(
        impl $crate::translate::stack::CodeRecord for $t {
            fn start(&self) -> usize {
                self.start
            }
            fn positions(&mut self, f: &mut dyn FnMut(&mut usize)) {
                f(&mut self.start);
                f(&mut self.end);
            }
        }
    )*};
}
pub(crate) use span_record;

span_record!(Producer);

/// One stack value.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) struct Entry {
    pub loc: Loc,
    pub ty: Ty,
}

/// The accumulators an op reads or writes, as far as the translator knows.
enum AccUse {
    /// None: slot moves and constants.
    Neither,
    /// Only the one of this class.
    Only(Class),
    /// Any of them.
    Unknown,
}

impl AccUse {
    fn of(op: Opcode) -> Self {
        match op {
            Opcode::Copy | Opcode::Copy2 | Opcode::SetSlot => AccUse::Neither,
            Opcode::SpillI | Opcode::CopySpillI => AccUse::Only(Class::Int),
            Opcode::SpillF32 | Opcode::CopySpillF32 => AccUse::Only(Class::F32),
            Opcode::SpillF64 | Opcode::CopySpillF64 => AccUse::Only(Class::F64),
            _ => op.sole_class().map_or(AccUse::Unknown, AccUse::Only),
        }
    }

    /// Whether the op leaves the accumulator of `class` alone.
    fn leaves(&self, class: Class) -> bool {
        match self {
            AccUse::Neither => true,
            AccUse::Only(c) => *c != class,
            AccUse::Unknown => false,
        }
    }
}

/// Drops `record` if it is about the op starting at `start`; else moves its positions at or
/// past `at` by `by` bytes.
fn shift_record<R: CodeRecord>(record: &mut Option<R>, start: usize, at: usize, by: usize) {
    if record.as_ref().is_some_and(|r| r.start() == start) {
        *record = None;
    }
    if let Some(r) = record {
        r.positions(&mut |x| {
            if *x >= at {
                *x += by;
            }
        });
    }
}

fn class_index(c: Class) -> usize {
    match c {
        Class::Int => 0,
        Class::F32 => 1,
        Class::F64 => 2,
    }
}

impl FuncTranslator<'_> {
    /// The home slot of stack position `pos`.
    pub(crate) fn home(&self, pos: usize) -> u32 {
        self.first_home + pos as u32
    }

    pub(crate) fn push(&mut self, e: Entry) {
        if e.loc == Loc::Acc {
            debug_assert!(self.acc_owner[class_index(e.ty.class())].is_none());
            self.acc_owner[class_index(e.ty.class())] = Some(self.stack.len());
        }
        self.stack.push(e);
        self.max_height = self.max_height.max(self.stack.len());
    }

    /// Whether a stack entry holds the accumulator of `ty`'s class.
    pub(crate) fn acc_in_use(&self, ty: Ty) -> bool {
        self.acc_owner[class_index(ty.class())].is_some()
    }

    /// Pushes a value just computed into the accumulator of `ty`'s class.
    pub(crate) fn push_acc(&mut self, ty: Ty) {
        self.push(Entry { loc: Loc::Acc, ty });
    }

    pub(crate) fn pop(&mut self) -> Entry {
        let e = self
            .stack
            .pop()
            .expect("validated: operand stack not empty");
        if e.loc == Loc::Acc {
            self.acc_owner[class_index(e.ty.class())] = None;
        }
        e
    }

    /// Drops entries down to `height`.
    pub(crate) fn truncate(&mut self, height: usize) {
        while self.stack.len() > height {
            self.pop();
        }
    }

    // ---- emission ----

    pub(crate) fn op(&mut self, op: Opcode) {
        // A producer is kept while the ops after it leave its accumulator alone.
        if self.producers.iter().any(Option::is_some) {
            let used = AccUse::of(op);
            for (p, class) in self
                .producers
                .iter_mut()
                .zip([Class::Int, Class::F32, Class::F64])
            {
                if !used.leaves(class) {
                    *p = None;
                }
            }
        }
        self.encoding.write_header(op, &mut self.code);
    }

    pub(crate) fn put<T: Operand>(&mut self, v: T) {
        v.encode(&mut self.code);
    }

    pub(crate) fn put_slot(&mut self, s: u32) {
        self.put(Slot(s));
    }

    /// Writes the inline field of an operand: a slot index or an immediate (nothing for `Acc`).
    pub(crate) fn put_loc(&mut self, loc: Loc, ty: Ty) {
        match loc {
            Loc::Acc => {}
            Loc::Slot(s) => self.put_slot(s),
            Loc::Imm(bits) if ty.is_narrow() => self.put(bits as u32),
            Loc::Imm(bits) => self.put(bits),
        }
    }

    /// Records the op emitted from `start` as the producer of the accumulator value just pushed,
    /// if it has a variant that writes to a slot.
    pub(crate) fn produced(&mut self, start: usize, to_slot: Option<Opcode>, class: Class) {
        self.producers[class_index(class)] = to_slot.map(|to_slot| Producer {
            start,
            end: self.code.len(),
            to_slot,
        });
    }

    /// The op that produced the value in the accumulator of `class`, if it is the last op and
    /// no branch target was bound after it: where it starts, and its `D` variant.
    pub(crate) fn last_producer(&self, class: Class) -> Option<(usize, Opcode)> {
        let p = self.producers[class_index(class)]?;
        (p.end == self.code.len() && self.last_target < p.end).then_some((p.start, p.to_slot))
    }

    /// Turns the op at `start` into `op`, a variant whose fields begin with the same ones (a
    /// `D` variant, a multiply-add): headers have one size, so only the header is written over.
    pub(crate) fn rewrite_header(&mut self, start: usize, op: Opcode) {
        let header = (op as u16).to_le_bytes();
        debug_assert_eq!(header.len(), self.encoding.header_size());
        self.code[start..start + header.len()].copy_from_slice(&header);
    }

    /// Cuts the code back to `len` bytes, forgetting the producers that were cut off.
    pub(crate) fn cut_code(&mut self, len: usize) {
        self.code.truncate(len);
        self.forget_jumps_from(len);
        forget_past(&mut self.acc_slots, len, |a| a.end);
        forget_past(&mut self.last_load, len, |l| l.end);
        forget_past(&mut self.add_imm, len, |a| a.end);
        forget_past(&mut self.increment, len, |i| i.end);
        forget_past(&mut self.global_get, len, |g| g.end);
        forget_past(&mut self.global_step, len, |g| g.end);
        for p in &mut self.producers {
            forget_past(p, len, |p| p.end);
        }
    }

    /// Rewrites the op that produced the value in the accumulator of `class` into its `D`
    /// variant writing to `dst`, if no branch target came after it and it is the last op (or,
    /// for a stack home, only ops that leave the accumulator alone came after).
    fn fuse_spill(&mut self, dst: u32, class: Class) -> bool {
        let Some(p) = self.producers[class_index(class)].take() else {
            return false;
        };
        if self.last_target >= p.end {
            return false;
        }
        if p.end != self.code.len() {
            if dst < self.first_home {
                return false;
            }
            self.fuse_spill_back(p, dst);
            return true;
        }
        let adds_imm = matches!(p.to_slot, Opcode::I32AddSID | Opcode::I32SubSID);
        let is_step_op = adds_imm || p.to_slot == Opcode::I32AddSSD;
        let step = (self.step.take())
            .filter(|s| is_step_op && s.start == p.start)
            .and_then(|s| s.of(dst));
        self.rewrite_header(p.start, p.to_slot);
        self.put_slot(dst);
        // An op that now also writes a slot is no longer removable by a later fusion, except
        // into a global step or a load's branch.
        self.pending = None;
        self.address_add = None;
        self.last_load = (self.last_load)
            .filter(|l| l.start == p.start)
            .map(|l| LoadIntoAcc {
                end: self.code.len(),
                op: p.to_slot,
                ..l
            });
        if let Some(g) = &mut self.global_step
            && g.end == p.end
        {
            g.end = self.code.len();
            g.dst = Some(dst);
        }
        let (start, pair) = match adds_imm {
            true => self.join_add_imm(p.start, p.to_slot),
            false => (p.start, None),
        };
        self.increment = step.map(|step| Increment {
            start,
            end: self.code.len(),
            var: dst,
            step,
            pair,
        });
        true
    }

    /// Joins the `I32AddSID` or `I32SubSID` (`op`) just emitted at `start` to one right before
    /// it: two pointer steps (`p += 4; q += 4`) become one `I32AddSID2`, a sub as the add of
    /// its negated immediate. Returns where the second add's fields now start, and where the
    /// pair starts if it joined.
    fn join_add_imm(&mut self, start: usize, op: Opcode) -> (usize, Option<usize>) {
        let end = self.code.len();
        let first = self.add_imm.take();
        let Some(first) = first.filter(|f| f.end == start && self.last_target <= f.start) else {
            self.add_imm = Some(AddImm { start, end, op });
            return (start, None);
        };
        let header = self.encoding.header_size();
        for (at, op) in [(first.start, first.op), (start, op)] {
            if op == Opcode::I32SubSID {
                let rhs = at + header + Slot::SIZE;
                let k = i32::from_le_bytes(self.code[rhs..rhs + 4].try_into().expect("4 bytes"));
                self.code[rhs..rhs + 4].copy_from_slice(&k.wrapping_neg().to_le_bytes());
            }
        }
        self.rewrite_header(first.start, Opcode::I32AddSID2);
        self.code.drain(start..start + header);
        (start, Some(first.start))
    }

    /// Rewrites producer `p`, with other ops after it, into its `D` variant writing to `dst`:
    /// the ops after it move up to make room. `dst` is a stack home, which none of those ops
    /// reads or writes (the value that lives there is still in the accumulator), and none of
    /// them touches the accumulator, so writing `dst` earlier changes nothing else.
    fn fuse_spill_back(&mut self, p: Producer, dst: u32) {
        // Its one extra field, `dst`, is appended and rotated into place after the fields.
        self.rewrite_header(p.start, p.to_slot);
        self.put_slot(dst);
        self.code[p.end..].rotate_right(Slot::SIZE);
        self.shift_positions(p, Slot::SIZE);
    }

    /// After `by` bytes were inserted at the end of producer `p`: moves the code positions
    /// the peephole records hold past it, and drops those about `p` itself (now a `D` op that
    /// no fusion may remove).
    fn shift_positions(&mut self, p: Producer, by: usize) {
        let (start, at) = (p.start, p.end);
        shift_record(&mut self.pending, start, at, by);
        shift_record(&mut self.address_add, start, at, by);
        shift_record(&mut self.last_load, start, at, by);
        self.add_imm = None;
        self.global_get = None;
        self.global_step = None;
        shift_record(&mut self.step, start, at, by);
        shift_record(&mut self.increment, start, at, by);
        for q in &mut self.producers {
            shift_record(q, start, at, by);
        }
        let shift = |x: &mut usize| {
            if *x >= at {
                *x += by;
            }
        };
        if let Some((start, end)) = &mut self.last_copy {
            shift(start);
            shift(end);
        }
        if let Some(a) = &mut self.acc_slots {
            shift(&mut a.end);
        }
        if let Some((_, end)) = &mut self.acc_global {
            shift(end);
        }
    }

    /// Emits code that writes value `e` into slot `dst` (nothing if it is already there).
    pub(crate) fn write_to_slot(&mut self, e: Entry, dst: u32) {
        match e.loc {
            Loc::Slot(s) if s == dst => {}
            // The accumulator still holds the slot's value (just written from it): spill it,
            // which reads a register where a copy would reload what was just stored.
            Loc::Slot(s) if self.acc_holds_slot(s, e.ty.class()) => match self.take_last_copy() {
                // A copy just before: one op for both.
                Some(copy) => {
                    self.op(match e.ty.class() {
                        Class::Int => Opcode::CopySpillI,
                        Class::F32 => Opcode::CopySpillF32,
                        Class::F64 => Opcode::CopySpillF64,
                    });
                    self.code.extend_from_slice(&copy);
                    self.put_slot(dst);
                    self.acc_written_to([dst, s], e.ty.class());
                }
                None => self.spill(dst, e.ty.class(), s),
            },
            Loc::Slot(s) => {
                let end = self.code.len();
                match self.take_last_copy() {
                    // Two copies in a row become one op.
                    Some(first) => {
                        self.op(Opcode::Copy2);
                        self.code.extend_from_slice(&first);
                        self.put_slot(dst);
                        self.put_slot(s);
                    }
                    None => {
                        self.op(Opcode::Copy);
                        self.put_slot(dst);
                        self.put_slot(s);
                        self.last_copy = Some((end, self.code.len()));
                    }
                }
                self.acc_kept_across(end, dst);
            }
            Loc::Imm(bits) => {
                let end = self.code.len();
                self.op(Opcode::SetSlot);
                self.put_slot(dst);
                self.put(bits);
                self.acc_kept_across(end, dst);
            }
            Loc::Acc if self.fuse_spill(dst, e.ty.class()) => {
                self.acc_written_to([dst, dst], e.ty.class())
            }
            Loc::Acc => self.spill(dst, e.ty.class(), dst),
        }
    }

    /// When the last op emitted is a `Copy` with no branch target after it, takes it back out
    /// of the code and returns its fields (`dst`, `src`) for an op that does it and more.
    fn take_last_copy(&mut self) -> Option<[u8; 2 * Slot::SIZE]> {
        let end = self.code.len();
        let (start, copy_end) = self.last_copy.take()?;
        if copy_end != end || self.last_target == end {
            return None;
        }
        let mut fields = [0u8; 2 * Slot::SIZE];
        fields.copy_from_slice(&self.code[end - 2 * Slot::SIZE..end]);
        self.cut_code(start);
        Some(fields)
    }

    /// After an op that wrote slot `dst` and nothing else (the code before it ended at `end`):
    /// the accumulators are untouched, so what one held before the op it still holds, except
    /// that `dst` no longer has its value. `local.set $t (i64.add ..); local.set $a (local.get
    /// $b); local.set $b (local.get $t)` then reads `$t` from the accumulator.
    fn acc_kept_across(&mut self, end: usize, dst: u32) {
        let Some(mut a) = self.acc_slots else { return };
        if a.end != end || self.last_target == end {
            return;
        }
        a.slots = match a.slots {
            [x, y] if x == dst && y == dst => return,
            [x, y] if x == dst => [y, y],
            [x, y] if y == dst => [x, x],
            slots => slots,
        };
        a.end = self.code.len();
        self.acc_slots = Some(a);
    }

    /// Writes the accumulator of `class` to slot `dst`; the accumulator keeps the value, which
    /// slot `also` holds too (or pass `dst` again).
    fn spill(&mut self, dst: u32, class: Class, also: u32) {
        self.op(match class {
            Class::Int => Opcode::SpillI,
            Class::F32 => Opcode::SpillF32,
            Class::F64 => Opcode::SpillF64,
        });
        self.put_slot(dst);
        self.acc_written_to([dst, also], class);
    }

    /// Records that the op just emitted left the accumulator of `class` holding `slots`' value.
    pub(crate) fn acc_written_to(&mut self, slots: [u32; 2], class: Class) {
        self.acc_slots = Some(AccSlots {
            slots,
            class,
            end: self.code.len(),
        });
    }

    /// `loc`, or the accumulator where that holds the value of the slot `loc` names and no
    /// stack entry owns it (a register read instead of a reload of what was just stored).
    pub(crate) fn acc_for_slot(&self, loc: Loc, ty: Ty) -> Loc {
        match loc {
            Loc::Slot(s) if self.acc_holds_slot(s, ty.class()) && !self.acc_in_use(ty) => Loc::Acc,
            _ => loc,
        }
    }

    /// Reads one of an op's two operands (the first that can) from the accumulator that holds
    /// its slot's value, if the op has that form: `has_form(a's kind, b's kind)`. Two operands
    /// of one class never both come from its accumulator.
    pub(crate) fn operand_from_acc(
        &self,
        (a, a_ty): (&mut Loc, Ty),
        (b, b_ty): (&mut Loc, Ty),
        has_form: impl Fn(Kind, Kind) -> bool,
    ) {
        let one_acc = a_ty.class() == b_ty.class();
        if self.acc_for_slot(*a, a_ty) != *a
            && !(one_acc && *b == Loc::Acc)
            && has_form(Kind::Acc, b.kind())
        {
            *a = Loc::Acc;
        } else if self.acc_for_slot(*b, b_ty) != *b
            && !(one_acc && *a == Loc::Acc)
            && has_form(a.kind(), Kind::Acc)
        {
            *b = Loc::Acc;
        }
    }

    /// Whether the accumulator of `class` holds slot `slot`'s value: the last op wrote it from
    /// there, and no branch target came after.
    pub(crate) fn acc_holds_slot(&self, slot: u32, class: Class) -> bool {
        self.acc_held_slots(class)
            .is_some_and(|s| s.contains(&slot))
    }

    /// The slots whose value the accumulator of `class` holds: the last op wrote it from
    /// there, and no branch target came after.
    pub(crate) fn acc_held_slots(&self, class: Class) -> Option<[u32; 2]> {
        let end = self.code.len();
        (self.acc_slots)
            .filter(|a| a.class == class && a.end == end && self.last_target != end)
            .map(|a| a.slots)
    }

    /// Moves the entry at `pos` into its home slot.
    pub(crate) fn materialize(&mut self, pos: usize) {
        let e = self.stack[pos];
        let home = self.home(pos);
        if e.loc == Loc::Slot(home) {
            return;
        }
        self.write_to_slot(e, home);
        if e.loc == Loc::Acc {
            self.acc_owner[class_index(e.ty.class())] = None;
        }
        self.stack[pos].loc = Loc::Slot(home);
    }

    /// Moves every entry into its home slot (at block boundaries and before calls).
    pub(crate) fn materialize_all(&mut self) {
        for pos in 0..self.stack.len() {
            self.materialize(pos);
        }
    }

    /// Frees the accumulator of `class` by spilling the entry that holds it.
    pub(crate) fn reserve_acc(&mut self, class: Class) {
        if let Some(pos) = self.acc_owner[class_index(class)] {
            self.materialize(pos);
        }
    }

    /// Frees all accumulators (a call clobbers them).
    pub(crate) fn spill_accs(&mut self) {
        for class in [Class::Int, Class::F32, Class::F64] {
            self.reserve_acc(class);
        }
    }

    /// Turns a just-popped immediate into a slot operand by writing it to the home of the
    /// position it was popped from (free now). Other locations are returned as they are.
    pub(crate) fn no_imm(&mut self, e: Entry, pos: usize) -> Loc {
        match e.loc {
            Loc::Imm(_) => {
                let home = self.home(pos);
                self.write_to_slot(e, home);
                Loc::Slot(home)
            }
            loc => loc,
        }
    }

    /// Turns a just-popped value into a slot operand (see [`Self::no_imm`]).
    pub(crate) fn slot_of(&mut self, e: Entry, pos: usize) -> u32 {
        match e.loc {
            Loc::Slot(s) => s,
            _ => {
                let home = self.home(pos);
                self.write_to_slot(e, home);
                home
            }
        }
    }

    /// Before a local is written: materializes every stack entry that still reads it.
    pub(crate) fn detach_local(&mut self, local: u32) {
        for pos in 0..self.stack.len() {
            if self.stack[pos].loc == Loc::Slot(local) {
                self.materialize(pos);
            }
        }
    }
}

/// Drops `record` if the op it is about ended past `len`, where the code was just cut back to.
fn forget_past<T>(record: &mut Option<T>, len: usize, end: impl Fn(&T) -> usize) {
    if record.as_ref().is_some_and(|r| end(r) > len) {
        *record = None;
    }
}
