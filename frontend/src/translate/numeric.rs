//! Numeric operators: every binary and unary op, by family and operand kinds.

use super::FuncTranslator;
use super::control::Cond;
use super::lookup::{binary_of, unary_of};
use super::stack::{CodeRecord, Entry, Loc, Ty, span_record};
use crate::isa::{Binary, Class, MulAdd, NumTy, Opcode, Unary};
use wasmparser::Operator;

/// The translator's type for a numeric result.
pub(crate) fn ty_of_num(t: NumTy) -> Ty {
    match t {
        NumTy::I32 => Ty::I32,
        NumTy::I64 => Ty::I64,
        NumTy::F32 => Ty::F32,
        NumTy::F64 => Ty::F64,
    }
}

/// The last `i32.add` of a slot and a slot or immediate, which a load or store right after it
/// can fold into its address.
#[derive(Copy, Clone, Debug)]
pub(crate) struct AddressAdd {
    /// Code position of the add, and just past it.
    pub start: usize,
    pub end: usize,
    /// A slot, and a slot or immediate.
    pub base: u32,
    pub index: Loc,
}

/// The last `i32.add` of a slot and an immediate or another slot (or `i32.sub` of an
/// immediate): if its result is written back to one of its slots, it is a loop counter's step,
/// which a branch right after can take in.
#[derive(Copy, Clone, Debug)]
pub(crate) struct Step {
    /// Code position of the op.
    pub start: usize,
    /// The slot stepped, and what is added to it: an immediate (a sub's negated) or a slot.
    pub var: u32,
    pub step: Loc,
}

impl Step {
    /// What the op adds to slot `dst`, if it is a step of `dst` (`j += i` adds slot `i` to
    /// `j`, and `j = i + j` too).
    pub(crate) fn of(&self, dst: u32) -> Option<Loc> {
        match self.step {
            _ if self.var == dst => Some(self.step),
            Loc::Slot(s) if s == dst => Some(Loc::Slot(self.var)),
            _ => None,
        }
    }
}

/// A loop counter's step, written back to its slot by the last op (`start..end`). When that
/// op was joined to an add before it, `pair` is where the pair starts: taking the step out
/// turns the pair back into that first add.
#[derive(Copy, Clone, Debug)]
pub(crate) struct Increment {
    pub start: usize,
    pub end: usize,
    pub var: u32,
    /// An immediate or a slot.
    pub step: Loc,
    pub pair: Option<usize>,
}

impl CodeRecord for Increment {
    fn start(&self) -> usize {
        self.start
    }
    fn positions(&mut self, f: &mut dyn FnMut(&mut usize)) {
        f(&mut self.start);
        f(&mut self.end);
        if let Some(pair) = &mut self.pair {
            f(pair);
        }
    }
}

/// An `I32AddSID` or `I32SubSID` (`op`) at `start..end`, which an add of an immediate right
/// after it may join into `I32AddSID2`.
#[derive(Copy, Clone, Debug)]
pub(crate) struct AddImm {
    pub start: usize,
    pub end: usize,
    pub op: Opcode,
}

span_record!(AddressAdd, AddImm);

impl CodeRecord for Step {
    fn start(&self) -> usize {
        self.start
    }
    fn positions(&mut self, f: &mut dyn FnMut(&mut usize)) {
        f(&mut self.start);
    }
}

/// Integer operations whose operands may be swapped.
fn commutes(b: Binary) -> bool {
    use Binary as B;
    matches!(
        b,
        B::I32Add
            | B::I32Mul
            | B::I32And
            | B::I32Or
            | B::I32Xor
            | B::I32Eq
            | B::I32Ne
            | B::I64Add
            | B::I64Mul
            | B::I64And
            | B::I64Or
            | B::I64Xor
            | B::I64Eq
            | B::I64Ne
    )
}

impl FuncTranslator<'_> {
    #[cfg_attr(not(debug_assertions), inline(always))]
    pub(crate) fn visit_numeric(&mut self, op: &Operator<'_>) -> bool {
        if let Some(b) = binary_of(op) {
            self.binary(b);
        } else if let Some(u) = unary_of(op) {
            self.unary(u);
        } else if let Operator::RefIsNull = op {
            self.unary(Unary::I64Eqz);
        } else {
            return false;
        }
        true
    }

    fn binary(&mut self, b: Binary) {
        let h = self.stack.len();
        let rhs = self.pop();
        let lhs = self.pop();
        let (mut lhs, mut rhs) = (lhs, rhs);
        if matches!(lhs.loc, Loc::Imm(_)) && !matches!(rhs.loc, Loc::Imm(_)) && commutes(b) {
            // The immediate goes right, where the `D` variants and the fusions expect it.
            core::mem::swap(&mut lhs, &mut rhs);
        }
        if self.square(b, lhs, rhs) || self.mul_add(b, lhs, rhs) {
            return;
        }
        let mut lhs_loc = lhs.loc;
        if matches!((lhs.loc, rhs.loc), (Loc::Imm(_), Loc::Imm(_))) {
            lhs_loc = self.no_imm(lhs, h - 2);
        }
        self.operand_from_acc_unless_fusable(b, lhs.ty, &mut lhs_loc, &mut rhs.loc);
        let (_, out) = b.types();
        self.reserve_acc(out.class());
        let start = self.code.len();
        let opcode = b
            .opcode(lhs_loc.kind(), rhs.loc.kind())
            .expect("operand kinds of one class");
        self.op(opcode);
        self.put_loc(lhs_loc, lhs.ty);
        self.put_loc(rhs.loc, rhs.ty);
        self.produced(
            start,
            b.opcode_to_slot(lhs_loc.kind(), rhs.loc.kind()),
            out.class(),
        );
        self.push_acc(ty_of_num(out));
        if let Some(cmp) = Self::branch_cmp(b) {
            self.set_pending(start, Cond::Cmp(cmp, lhs_loc, rhs.loc));
        }
        let step = match (b, lhs_loc, rhs.loc) {
            (Binary::I32Add, Loc::Slot(var), step @ (Loc::Imm(_) | Loc::Slot(_)))
            | (Binary::I32Add, step @ Loc::Imm(_), Loc::Slot(var)) => Some((var, step)),
            (Binary::I32Sub, Loc::Slot(var), Loc::Imm(k)) => {
                let k = (k as u32 as i32).wrapping_neg();
                Some((var, Loc::Imm(u64::from(k as u32))))
            }
            _ => None,
        };
        self.step = step.map(|(var, step)| Step { start, var, step });
        let global_step = match (b, lhs_loc, rhs.loc) {
            (Binary::I32Add, Loc::Acc, Loc::Imm(k)) => Some(k as u32 as i32),
            (Binary::I32Sub, Loc::Acc, Loc::Imm(k)) => Some((k as u32 as i32).wrapping_neg()),
            _ => None,
        };
        match global_step {
            Some(k) => self.global_added(start, k),
            None => self.global_step = None,
        }
        if b == Binary::I32Add {
            let operands = match (lhs_loc, rhs.loc) {
                (Loc::Slot(base), index @ (Loc::Slot(_) | Loc::Imm(_))) => Some((base, index)),
                (index @ Loc::Imm(_), Loc::Slot(base)) => Some((base, index)),
                _ => None,
            };
            self.address_add = operands.map(|(base, index)| AddressAdd {
                start,
                end: self.code.len(),
                base,
                index,
            });
        }
    }

    /// Emits a float `x * x` whose `x` the accumulator holds as one op on the accumulator:
    /// reading the slot just written (`local.tee x; local.get x; f64.mul`) would put a store
    /// and a load on the value's dependency chain. Returns whether it did.
    fn square(&mut self, b: Binary, lhs: Entry, rhs: Entry) -> bool {
        let (op, to_slot) = match b {
            Binary::F32Mul => (Opcode::F32SquareA, Opcode::F32SquareAD),
            Binary::F64Mul => (Opcode::F64SquareA, Opcode::F64SquareAD),
            _ => return false,
        };
        let class = lhs.ty.class();
        let held = |loc: Loc| matches!(loc, Loc::Slot(s) if self.acc_holds_slot(s, class));
        let one_value = match (lhs.loc, rhs.loc) {
            (Loc::Slot(a), Loc::Slot(b)) => a == b && held(lhs.loc),
            (Loc::Acc, other) | (other, Loc::Acc) => held(other),
            _ => false,
        };
        if !one_value {
            return false;
        }
        // A spill of another entry leaves the accumulator's value as it is.
        self.reserve_acc(class);
        let start = self.code.len();
        self.op(op);
        self.produced(start, Some(to_slot), class);
        self.push_acc(lhs.ty);
        true
    }

    /// Emits an add of a slot to the product a multiply just left in the accumulator as one
    /// multiply-add op, rewriting the multiply (`sum += a[i] * b[j]`: CoreMark's commonest
    /// pair, and every dot product). Returns whether it did.
    fn mul_add(&mut self, b: Binary, lhs: Entry, rhs: Entry) -> bool {
        let addend = match (lhs.loc, rhs.loc) {
            (Loc::Acc, Loc::Slot(s)) | (Loc::Slot(s), Loc::Acc) => s,
            _ => return false,
        };
        let class = lhs.ty.class();
        let Some((start, mul)) = self.last_producer(class) else {
            return false;
        };
        let Some((op, to_slot)) = MulAdd::of_multiply(b, mul) else {
            return false;
        };
        // The multiply's fields stay; the addend follows them.
        self.rewrite_header(start, op);
        self.put_slot(addend);
        let (start, to_slot) = self
            .take_load_into_mul_add(start, op, addend)
            .unwrap_or((start, to_slot));
        self.produced(start, Some(to_slot), class);
        self.push_acc(lhs.ty);
        true
    }

    /// An operand in the slot the accumulator was just written to (`local.tee`, a spill) is
    /// read from the accumulator instead: a register, not the value just stored. Operands of
    /// i32 adds, subs and compares stay in their slots, where the loop-step, address and
    /// compare+branch fusions look for them.
    fn operand_from_acc_unless_fusable(&self, b: Binary, ty: Ty, lhs: &mut Loc, rhs: &mut Loc) {
        let fusable = matches!(b, Binary::I32Add | Binary::I32Sub) || Self::branch_cmp(b).is_some();
        if ty.class() == Class::Int && fusable {
            return;
        }
        self.operand_from_acc((lhs, ty), (rhs, ty), |l, r| b.opcode(l, r).is_some());
    }

    fn unary(&mut self, u: Unary) {
        if u == Unary::I64ExtendI32U {
            // An i32 sits zero-extended in every location (accumulator, slot, immediate), so
            // widening it unsigned only changes its type.
            let e = self.pop();
            self.push(Entry {
                loc: e.loc,
                ty: Ty::I64,
            });
            return;
        }
        let h = self.stack.len();
        let src = self.pop();
        let loc = self.no_imm(src, h - 1);
        let (_, out) = u.types();
        self.reserve_acc(out.class());
        let start = self.code.len();
        self.op(u.opcode(loc.kind()).expect("no immediate"));
        self.put_loc(loc, src.ty);
        self.produced(start, u.opcode_to_slot(loc.kind()), out.class());
        self.push_acc(ty_of_num(out));
        if u == Unary::I32Eqz {
            self.set_pending(start, Cond::Zero(loc));
        }
    }
}
