//! Control flow: blocks, branches, `br_table`, return, and compare+branch fusion.
//!
//! At every block boundary the stack is materialized: all values sit in their home slots, no
//! accumulator is live. A branch moves the values its target keeps into the target's slots
//! (home slots from the label's height up; slots `0..n` for a return).

use super::stack::{Entry, Loc, Ty, span_record};
use super::{FuncTranslator, ty_of};
use crate::isa::{
    Binary, BranchCmp, Class, Kind, LoadBranch, LoadBranchCmp, Offset, Opcode, Operand, Targets,
};
use crate::module::ModuleInfo;
use crate::parse::unsupported;
use crate::translate::CompileError;
use wasmparser::{BlockType, Operator};

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum LabelKind {
    Func,
    Block,
    Loop,
    If,
    Else,
}

/// An open block.
#[derive(Debug)]
pub(crate) struct Label {
    kind: LabelKind,
    /// Stack height below the block's parameters.
    height: usize,
    params: Vec<Ty>,
    results: Vec<Ty>,
    /// Loop head.
    start: usize,
    /// The last offset field of a forward branch to the block's end, if any. Until the end is
    /// known, each such field holds the position of the one before it (a chain through the
    /// code, so that a block allocates nothing for its branches).
    fixups: Option<usize>,
    /// The `if`'s branch to its `else` (or end).
    else_fixup: Option<usize>,
    /// The `if`'s parameters, saved for the `else` branch.
    saved_params: Vec<Entry>,
    entry_reachable: bool,
    /// Opened in unreachable code: nothing is emitted for it.
    dead: bool,
    /// A loop's first op, when it is a test and branch that a back-edge may copy.
    head: Option<LoopHead>,
}

/// A loop whose first op tests and branches (`while (i < n)`), which its back-edges copy
/// ([`FuncTranslator::emit_back_edge`]): one dispatch a turn instead of two (the `Br` and the
/// head).
#[derive(Copy, Clone, Debug)]
pub(crate) struct LoopHead {
    /// Code position just past the head op (its offset field is last).
    end: usize,
    /// The head's test as emitted: it branches when this holds. Only slots and constants: the
    /// copy reads them after the back-edge's moves, as the head would.
    test: Cond,
}

impl Label {
    pub(crate) fn func(results: Vec<Ty>) -> Self {
        Self::new(LabelKind::Func, 0, Vec::new(), results)
    }

    fn new(kind: LabelKind, height: usize, params: Vec<Ty>, results: Vec<Ty>) -> Self {
        Self {
            kind,
            height,
            params,
            results,
            start: 0,
            fixups: None,
            else_fixup: None,
            saved_params: Vec::new(),
            entry_reachable: true,
            dead: false,
            head: None,
        }
    }

    /// How many values a branch to this label carries.
    fn arity(&self) -> usize {
        if self.kind == LabelKind::Loop {
            self.params.len()
        } else {
            self.results.len()
        }
    }
}

/// A branch condition, possibly not yet emitted.
#[derive(Copy, Clone, Debug)]
pub(crate) enum Cond {
    /// An i32 that is true when not zero.
    Value(Loc),
    /// An i32 that is true when zero (an `i32.eqz` folded into the branch).
    Zero(Loc),
    /// A fused integer compare.
    Cmp(BranchCmp, Loc, Loc),
}

/// The last compare (or `i32.eqz`), emitted into the accumulator but still removable if the
/// next operator branches on it.
#[derive(Copy, Clone, Debug)]
pub(crate) struct Pending {
    /// Code position of the compare op, and just past it.
    start: usize,
    end: usize,
    /// Stack position of its result.
    pos: usize,
    cond: Cond,
}

span_record!(Pending);

impl FuncTranslator<'_> {
    /// Records a just-emitted compare (`start..` in the code) as a branch candidate.
    pub(crate) fn set_pending(&mut self, start: usize, cond: Cond) {
        let pos = self.stack.len() - 1;
        self.pending = Some(Pending {
            start,
            end: self.code.len(),
            pos,
            cond,
        });
    }

    /// The fused branch op for an integer compare, if it has one.
    pub(crate) fn branch_cmp(op: Binary) -> Option<BranchCmp> {
        use BranchCmp as C;
        Some(match op {
            Binary::I32Eq => C::BrI32Eq,
            Binary::I32Ne => C::BrI32Ne,
            Binary::I32LtS => C::BrI32LtS,
            Binary::I32LtU => C::BrI32LtU,
            Binary::I32GtS => C::BrI32GtS,
            Binary::I32GtU => C::BrI32GtU,
            Binary::I32LeS => C::BrI32LeS,
            Binary::I32LeU => C::BrI32LeU,
            Binary::I32GeS => C::BrI32GeS,
            Binary::I32GeU => C::BrI32GeU,
            Binary::I64Eq => C::BrI64Eq,
            Binary::I64Ne => C::BrI64Ne,
            Binary::I64LtS => C::BrI64LtS,
            Binary::I64LtU => C::BrI64LtU,
            Binary::I64GtS => C::BrI64GtS,
            Binary::I64GtU => C::BrI64GtU,
            Binary::I64LeS => C::BrI64LeS,
            Binary::I64LeU => C::BrI64LeU,
            Binary::I64GeS => C::BrI64GeS,
            Binary::I64GeU => C::BrI64GeU,
            Binary::F32Eq => C::BrF32Eq,
            Binary::F32Ne => C::BrF32Ne,
            Binary::F32Lt => C::BrF32Lt,
            Binary::F32Gt => C::BrF32Gt,
            Binary::F32Le => C::BrF32Le,
            Binary::F32Ge => C::BrF32Ge,
            Binary::F64Eq => C::BrF64Eq,
            Binary::F64Ne => C::BrF64Ne,
            Binary::F64Lt => C::BrF64Lt,
            Binary::F64Gt => C::BrF64Gt,
            Binary::F64Le => C::BrF64Le,
            Binary::F64Ge => C::BrF64Ge,
            _ => return None,
        })
    }

    /// Pops the branch condition, un-emitting a pending compare so it can be fused.
    fn pop_cond(&mut self) -> Cond {
        let pos = self.stack.len() - 1;
        let e = self.pop();
        if let Some(p) = self.pending.take()
            && p.end == self.code.len()
            && p.pos == pos
            && e.loc == Loc::Acc
        {
            self.cut_code(p.start);
            self.address_add = None;
            self.step = None;
            return p.cond;
        }
        Cond::Value(self.no_imm(e, pos))
    }

    /// Emits a jump to `target` taken when `cond` holds (or fails, with `negate`), and returns
    /// the position of its offset field.
    fn emit_cond_jump(&mut self, cond: Cond, negate: bool) -> usize {
        if let Some(field) = self.emit_increment_jump(cond, negate) {
            return field;
        }
        let at = self.code.len();
        let head = match cond {
            Cond::Value(loc) | Cond::Zero(loc) => {
                let on_zero = matches!(cond, Cond::Zero(_)) != negate;
                let loc = self.held_in_acc(loc, Class::Int);
                if loc == Loc::Acc
                    && let Some(field) = self.emit_load_branch(on_zero)
                {
                    return field;
                }
                let op = match (loc, on_zero) {
                    (Loc::Acc, false) => Opcode::BrIfA,
                    (Loc::Acc, true) => Opcode::BrIfNotA,
                    (_, false) => Opcode::BrIfS,
                    (_, true) => Opcode::BrIfNotS,
                };
                self.op(op);
                self.put_loc(loc, Ty::I32);
                match (loc, on_zero) {
                    (Loc::Slot(_), false) => Some(Cond::Value(loc)),
                    (Loc::Slot(_), true) => Some(Cond::Zero(loc)),
                    _ => None,
                }
            }
            Cond::Cmp(cmp, lhs, rhs) if negate && negate_cmp(cmp).is_none() => {
                // A float compare has no negation (NaN fails both `<` and `>=`): compute it
                // into the accumulator, where the fusion took it from, and branch on zero.
                let (op, ty) = unfused_cmp(cmp);
                self.op(op
                    .opcode(lhs.kind(), rhs.kind())
                    .expect("the kinds it was emitted with"));
                self.put_loc(lhs, ty);
                self.put_loc(rhs, ty);
                self.op(Opcode::BrIfNotA);
                None
            }
            Cond::Cmp(cmp, lhs, rhs) => {
                let cmp = match negate {
                    true => negate_cmp(cmp).expect("checked above"),
                    false => cmp,
                };
                let class = unfused_cmp(cmp).1.class();
                let (lhs, rhs) = match (lhs, rhs) {
                    (Loc::Acc, _) | (_, Loc::Acc) => (lhs, rhs),
                    _ => match self.held_in_acc(lhs, class) {
                        Loc::Acc => (Loc::Acc, rhs),
                        _ => (lhs, self.held_in_acc(rhs, class)),
                    },
                };
                let (cmp, lhs, rhs) = match (lhs.kind(), rhs.kind()) {
                    (Kind::Slot, Kind::Acc) | (Kind::Imm, _) => (mirror_cmp(cmp), rhs, lhs),
                    _ => (cmp, lhs, rhs),
                };
                let ty = unfused_cmp(cmp).1;
                if lhs == Loc::Acc
                    && let Some(field) = self.emit_load_branch_cmp(cmp, rhs)
                {
                    return field;
                }
                self.op(cmp
                    .opcode(lhs.kind(), rhs.kind())
                    .expect("fusable operand kinds"));
                self.put_loc(lhs, ty);
                self.put_loc(rhs, ty);
                let copyable = lhs != Loc::Acc && rhs != Loc::Acc;
                copyable.then_some(Cond::Cmp(cmp, lhs, rhs))
            }
        };
        let field = self.offset_placeholder();
        if let Some(test) = head {
            self.note_loop_head(at, test);
        }
        field
    }

    /// Records the test and branch just emitted at `at` as the head of the loops that start
    /// there (a `block` may open at the same position inside a loop). The function's own
    /// label counts as a loop: a `return_call` of the function itself jumps to its start.
    fn note_loop_head(&mut self, at: usize, test: Cond) {
        let end = self.code.len();
        for label in self.labels.iter_mut().rev() {
            match label.kind {
                LabelKind::Loop | LabelKind::Func if label.start == at => {
                    label.head = Some(LoopHead { end, test });
                }
                LabelKind::Block if label.start == at => {}
                _ => break,
            }
        }
    }

    /// A jump back to label `idx`: a loop, or the function's start for a `return_call` of
    /// itself. When the loop's head tests and branches, the jump carries a copy of it, so that
    /// a turn runs one branch instead of two (the jump and the head).
    ///
    /// When the head's target is known and inside the loop, past the head and before the
    /// back-edge (`if (n) { ...; again }`), the copy is the head itself and the jump goes on
    /// where the head would fall through. Else the copy is the opposite test, taken past the
    /// head while the loop goes on, and the jump goes to the head, which then leaves the loop.
    /// A float compare has no opposite: there only the first form applies.
    pub(crate) fn emit_back_edge(&mut self, idx: usize) {
        let mut target = self.labels[idx].start;
        if let Some(head) = self.labels[idx].head {
            let here = self.code.len();
            let (negate, to, next) = match self.known_target(head.end - Offset::SIZE) {
                Some(t) if (head.end..here).contains(&t) => (false, t, head.end),
                _ => (true, head.end, target),
            };
            let float = matches!(head.test, Cond::Cmp(c, ..) if negate_cmp(c).is_none());
            if !(negate && float) {
                let field = self.emit_cond_jump(head.test, negate);
                self.patch(field, to);
                target = next;
            }
        }
        let field = self.emit_br();
        self.patch(field, target);
    }

    /// Emits an unconditional `Br`, recorded for jump threading; returns its offset field.
    fn emit_br(&mut self) -> usize {
        self.jump_emitted();
        self.op(Opcode::Br);
        self.offset_placeholder()
    }

    /// Where the branch with its offset field at `field` goes, if that is known yet: a forward
    /// branch waits in the chain of an open block until its end. Gives up (`None`) after a
    /// bounded walk of the chains; a chain runs from its last branch back to its first.
    fn known_target(&self, field: usize) -> Option<usize> {
        let mut budget = 64;
        for label in &self.labels {
            if label.else_fixup == Some(field) {
                return None;
            }
            let mut next = label.fixups;
            while let Some(f) = next.filter(|&f| f >= field) {
                budget -= 1;
                if f == field || budget == 0 {
                    return None;
                }
                next = (self.offset_field(f) as usize).checked_sub(1);
            }
        }
        Some((field as i64 + self.offset_field(field)) as usize)
    }

    /// If the last op loaded the i32 in the accumulator that a branch tests, makes it the load
    /// and the branch in one op (`p = p->next; if (p)`, `if (flags[i])`); returns the position
    /// of its offset field.
    fn emit_load_branch(&mut self, on_zero: bool) -> Option<usize> {
        let load = self.last_load.take()?;
        let end = self.code.len();
        if load.end != end || self.last_target == end {
            return None;
        }
        let op = LoadBranch::of(load.op, on_zero)?;
        self.rewrite_header(load.start, op);
        // The op is a branch now: no fusion may rewrite it as a producer.
        self.producers = [None; 3];
        Some(self.offset_placeholder())
    }

    /// If the last op loaded the i32 in the accumulator that `cmp` compares with `rhs`, makes
    /// it the load and the compare-and-branch in one op (`while (*p != '"')`, `a[i] == b[j]`);
    /// returns the position of its offset field.
    fn emit_load_branch_cmp(&mut self, cmp: BranchCmp, rhs: Loc) -> Option<usize> {
        let load = self.last_load.take()?;
        let end = self.code.len();
        if load.end != end || self.last_target == end {
            return None;
        }
        let op = LoadBranchCmp::of(load.op, cmp, rhs.kind())?;
        self.rewrite_header(load.start, op);
        self.producers = [None; 3];
        self.put_loc(rhs, Ty::I32);
        Some(self.offset_placeholder())
    }

    /// `loc`, or the accumulator when it still holds the value of that slot (the last op
    /// wrote it there): the branch reads a register, not the value just stored. Taken only
    /// here, once the compare and loop-step fusions (which match slots) had their chance.
    fn held_in_acc(&self, loc: Loc, class: Class) -> Loc {
        match loc {
            Loc::Slot(s) if self.acc_holds_slot(s, class) => Loc::Acc,
            loc => loc,
        }
    }

    /// If the last op steps a loop counter and `cond` tests that counter, replaces the op by
    /// one that steps, compares and jumps; returns the position of its offset field.
    fn emit_increment_jump(&mut self, cond: Cond, negate: bool) -> Option<usize> {
        let inc = self.increment.take()?;
        let end = self.code.len();
        if inc.end != end || self.last_target == end {
            return None;
        }
        let var = Loc::Slot(inc.var);
        let (cmp, rhs) = match cond {
            Cond::Value(loc) if loc == var => (BranchCmp::BrI32Ne, Loc::Imm(0)),
            Cond::Zero(loc) if loc == var => (BranchCmp::BrI32Eq, Loc::Imm(0)),
            Cond::Cmp(cmp, lhs, rhs) if lhs == var && rhs != var => (cmp, rhs),
            Cond::Cmp(cmp, lhs, rhs) if rhs == var && lhs != var => (mirror_cmp(cmp), lhs),
            _ => return None,
        };
        let cmp = if negate { negate_cmp(cmp)? } else { cmp };
        let op = cmp.opcode_increment(inc.step.kind(), rhs.kind())?;
        if let Some(pair) = inc.pair {
            self.rewrite_header(pair, Opcode::I32AddSID);
        }
        self.cut_code(inc.start);
        self.op(op);
        self.put_slot(inc.var);
        self.put_loc(inc.step, Ty::I32);
        self.put_loc(rhs, Ty::I32);
        Some(self.offset_placeholder())
    }

    pub(crate) fn offset_placeholder(&mut self) -> usize {
        let at = self.code.len();
        self.put(Offset(0));
        at
    }

    /// Points the offset field at `field` to `target`.
    pub(crate) fn patch(&mut self, field: usize, target: usize) {
        if target == self.code.len() {
            self.last_target = target;
        }
        self.encoded.lands(target);
        self.write_offset_field(field, target as i64 - field as i64);
    }

    /// The value in the offset field at `field`.
    pub(crate) fn offset_field(&self, field: usize) -> i64 {
        let mut bytes = [0; Offset::SIZE];
        bytes.copy_from_slice(&self.code[field..field + Offset::SIZE]);
        i64::from_le_bytes(bytes)
    }

    fn write_offset_field(&mut self, field: usize, value: i64) {
        self.code[field..field + Offset::SIZE].copy_from_slice(&value.to_le_bytes());
    }

    /// Writes the offset field of a jump to label `idx`: known for loops, a fixup otherwise.
    fn jump_field(&mut self, idx: usize, field: usize) {
        if self.labels[idx].kind == LabelKind::Loop {
            let start = self.labels[idx].start;
            self.patch(field, start);
        } else {
            self.add_fixup(idx, field);
        }
    }

    /// Links the offset field at `field` into label `idx`'s chain of forward branches.
    fn add_fixup(&mut self, idx: usize, field: usize) {
        // The field holds the previous link's position + 1; 0 ends the chain.
        let link = self.labels[idx].fixups.map_or(0, |f| f + 1);
        self.write_offset_field(field, link as i64);
        self.labels[idx].fixups = Some(field);
    }

    /// Points every forward branch in a chain (from [`Self::add_fixup`]) at `target`.
    fn patch_fixups(&mut self, mut next: Option<usize>, target: usize) {
        while let Some(field) = next {
            next = (self.offset_field(field) as usize).checked_sub(1);
            self.patch(field, target);
        }
    }

    /// First slot of the values a branch to label `idx` carries.
    fn dest_base(&self, idx: usize) -> u32 {
        match self.labels[idx].kind {
            LabelKind::Func => 0,
            _ => self.home(self.labels[idx].height),
        }
    }

    /// Materializes the carried values that the moves to `dest` would overwrite before they
    /// are read (only locals, for returns). Emitted on every path.
    pub(crate) fn prepare_moves(&mut self, dest: u32, n: usize) {
        let len = self.stack.len();
        for i in 0..n {
            if let Loc::Slot(s) = self.stack[len - n + i].loc
                && s >= dest
                && s < dest + i as u32
            {
                self.materialize(len - n + i);
            }
        }
    }

    /// Emits the moves of the top `n` values to `dest..`; leaves the virtual stack as it is.
    pub(crate) fn emit_moves(&mut self, dest: u32, n: usize) {
        let len = self.stack.len();
        for i in 0..n {
            let e = self.stack[len - n + i];
            self.write_to_slot(e, dest + i as u32);
        }
    }

    /// Whether a branch to label `idx` needs code besides the jump.
    fn needs_moves(&self, idx: usize) -> bool {
        if self.labels[idx].kind == LabelKind::Func {
            return true;
        }
        let (n, dest, len) = (
            self.labels[idx].arity(),
            self.dest_base(idx),
            self.stack.len(),
        );
        (0..n).any(|i| self.stack[len - n + i].loc != Loc::Slot(dest + i as u32))
    }

    /// Emits an unconditional branch to label `idx`, with its moves.
    fn emit_branch(&mut self, idx: usize) {
        let (n, dest) = (self.labels[idx].arity(), self.dest_base(idx));
        if self.labels[idx].kind == LabelKind::Func && n == 1 {
            // One result: the return op moves it (saves a `Copy` or `SetSlot`).
            match self.stack[self.stack.len() - 1].loc {
                Loc::Slot(src) if src != 0 => {
                    self.return_emitted(Some(src));
                    self.op(Opcode::ReturnS);
                    self.put_slot(src);
                    self.put(0u32);
                    return;
                }
                Loc::Imm(bits) => {
                    self.op(Opcode::ReturnI);
                    self.put(bits);
                    return;
                }
                _ => {}
            }
        }
        self.emit_moves(dest, n);
        if self.labels[idx].kind == LabelKind::Func {
            self.return_emitted(None);
            self.op(Opcode::Return);
        } else if self.labels[idx].kind == LabelKind::Loop {
            self.emit_back_edge(idx);
        } else {
            let field = self.emit_br();
            self.add_fixup(idx, field);
        }
    }

    fn label_index(&self, depth: u32) -> usize {
        self.labels.len() - 1 - depth as usize
    }

    fn block_type(info: &ModuleInfo, bt: BlockType) -> Result<(Vec<Ty>, Vec<Ty>), CompileError> {
        Ok(match bt {
            BlockType::Empty => (vec![], vec![]),
            BlockType::Type(t) => (vec![], vec![ty_of(t)?]),
            BlockType::FuncType(i) => {
                let ft = &info.types[i as usize];
                let params = ft
                    .params()
                    .iter()
                    .map(|&t| ty_of(t))
                    .collect::<Result<_, _>>()?;
                let results = ft
                    .results()
                    .iter()
                    .map(|&t| ty_of(t))
                    .collect::<Result<_, _>>()?;
                (params, results)
            }
        })
    }

    /// Control operators; `false` if `op` is not one.
    #[cfg_attr(not(debug_assertions), inline(always))]
    pub(crate) fn visit_control(
        &mut self,
        info: &ModuleInfo,
        op: &Operator<'_>,
    ) -> Result<bool, CompileError> {
        match *op {
            Operator::Nop => {}
            Operator::Unreachable => {
                self.op(Opcode::Unreachable);
                self.reachable = false;
            }
            Operator::Block { blockty } | Operator::Loop { blockty } => {
                let (params, results) = Self::block_type(info, blockty)?;
                self.materialize_all();
                let kind = if matches!(op, Operator::Loop { .. }) {
                    LabelKind::Loop
                } else {
                    LabelKind::Block
                };
                let mut label = Label::new(kind, self.stack.len() - params.len(), params, results);
                label.start = self.code.len();
                self.last_target = label.start;
                self.labels.push(label);
            }
            Operator::If { blockty } => {
                let (params, results) = Self::block_type(info, blockty)?;
                let cond = self.pop_cond();
                self.materialize_all();
                let height = self.stack.len() - params.len();
                let mut saved = Vec::new();
                for (i, &ty) in params.iter().enumerate() {
                    let slot = self.next_scratch;
                    self.next_scratch += 1;
                    self.write_to_slot(self.stack[height + i], slot);
                    saved.push(Entry {
                        loc: Loc::Slot(slot),
                        ty,
                    });
                }
                let field = self.emit_cond_jump(cond, true);
                let mut label = Label::new(LabelKind::If, height, params, results);
                label.else_fixup = Some(field);
                label.saved_params = saved;
                self.labels.push(label);
            }
            Operator::Else => self.visit_else(),
            Operator::End => self.visit_end(),
            Operator::Br { relative_depth } => {
                let idx = self.label_index(relative_depth);
                let n = self.labels[idx].arity();
                let dest = self.dest_base(idx);
                self.prepare_moves(dest, n);
                self.emit_branch(idx);
                self.reachable = false;
            }
            Operator::BrIf { relative_depth } => {
                let cond = self.pop_cond();
                let idx = self.label_index(relative_depth);
                if self.needs_moves(idx) {
                    let (n, dest) = (self.labels[idx].arity(), self.dest_base(idx));
                    self.prepare_moves(dest, n);
                    let skip = self.emit_cond_jump(cond, true);
                    self.emit_branch(idx);
                    let here = self.code.len();
                    self.patch(skip, here);
                } else {
                    let field = self.emit_cond_jump(cond, false);
                    self.jump_field(idx, field);
                }
            }
            Operator::BrTable { ref targets } => {
                let depths = targets
                    .targets()
                    .chain(core::iter::once(Ok(targets.default())))
                    .collect::<Result<Vec<u32>, _>>()
                    .map_err(crate::parse::invalid)?;
                self.visit_br_table(&depths);
            }
            Operator::Return => {
                let n = self.labels[0].results.len();
                self.prepare_moves(0, n);
                self.emit_branch(0);
                self.reachable = false;
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    fn visit_br_table(&mut self, depths: &[u32]) {
        let pos = self.stack.len() - 1;
        let index = self.pop();
        let index = self.no_imm(index, pos);
        if depths.iter().any(|&d| self.label_index(d) == 0) {
            let n = self.labels[0].results.len();
            self.prepare_moves(0, n);
        }
        self.op(if index == Loc::Acc {
            Opcode::BrTableA
        } else {
            Opcode::BrTableS
        });
        self.put_loc(index, Ty::I32);
        self.put(Targets(depths.len() as u32 - 1));
        let fields: Vec<usize> = depths.iter().map(|_| self.offset_placeholder()).collect();
        let mut stubs: Vec<(usize, usize)> = Vec::new();
        for (&depth, &field) in depths.iter().zip(&fields) {
            let idx = self.label_index(depth);
            if !self.needs_moves(idx) {
                self.jump_field(idx, field);
            } else if let Some(&(_, stub)) = stubs.iter().find(|(i, _)| *i == idx) {
                self.patch(field, stub);
            } else {
                let stub = self.code.len();
                self.patch(field, stub);
                self.emit_branch(idx);
                stubs.push((idx, stub));
            }
        }
        self.reachable = false;
    }

    fn visit_else(&mut self) {
        let idx = self.labels.len() - 1;
        if self.labels[idx].dead {
            return;
        }
        if self.reachable {
            let n = self.labels[idx].results.len();
            let height = self.labels[idx].height;
            for i in 0..n {
                self.materialize(height + i);
            }
            let field = self.emit_br();
            self.add_fixup(idx, field);
        }
        let label = &mut self.labels[idx];
        let else_fixup = label.else_fixup.take();
        label.kind = LabelKind::Else;
        let (height, saved, reachable) = (
            label.height,
            label.saved_params.clone(),
            label.entry_reachable,
        );
        if let Some(field) = else_fixup {
            let here = self.code.len();
            self.patch(field, here);
        }
        self.truncate(height);
        for e in saved {
            self.push(e);
        }
        self.reachable = reachable;
    }

    fn visit_end(&mut self) {
        let idx = self.labels.len() - 1;
        if self.labels[idx].dead {
            self.labels.pop();
            return;
        }
        if self.labels[idx].kind == LabelKind::Func {
            if self.reachable {
                let n = self.labels[0].results.len();
                self.prepare_moves(0, n);
                self.emit_branch(0);
            }
            self.labels.pop();
            return;
        }
        let height = self.labels[idx].height;
        if self.reachable {
            for i in 0..self.labels[idx].results.len() {
                self.materialize(height + i);
            }
        }
        let label = self.labels.pop().expect("validated: label stack not empty");
        let here = self.code.len();
        self.patch_fixups(label.fixups, here);
        if let Some(field) = label.else_fixup {
            self.patch(field, here);
        }
        let reachable = self.reachable
            || label.fixups.is_some()
            || (label.else_fixup.is_some() && label.entry_reachable);
        self.truncate(height);
        for (i, &ty) in label.results.iter().enumerate() {
            let home = self.home(height + i);
            self.push(Entry {
                loc: Loc::Slot(home),
                ty,
            });
        }
        self.reachable = reachable;
    }

    /// In unreachable code only the nesting of blocks matters.
    pub(crate) fn visit_unreachable(
        &mut self,
        info: &ModuleInfo,
        op: &Operator<'_>,
    ) -> Result<(), CompileError> {
        match *op {
            Operator::Block { blockty } | Operator::Loop { blockty } | Operator::If { blockty } => {
                let (params, results) = Self::block_type(info, blockty)?;
                let mut label = Label::new(LabelKind::Block, self.stack.len(), params, results);
                label.dead = true;
                label.entry_reachable = false;
                self.labels.push(label);
            }
            Operator::Else => self.visit_else(),
            Operator::End => self.visit_end(),
            Operator::Try { .. } | Operator::TryTable { .. } => {
                return Err(unsupported("exceptions are not supported yet"));
            }
            _ => {}
        }
        Ok(())
    }
}

/// The compare op of a fused branch, and its operand type.
fn unfused_cmp(c: BranchCmp) -> (Binary, Ty) {
    use BranchCmp as C;
    match c {
        C::BrI32Eq => (Binary::I32Eq, Ty::I32),
        C::BrI32Ne => (Binary::I32Ne, Ty::I32),
        C::BrI32LtS => (Binary::I32LtS, Ty::I32),
        C::BrI32LtU => (Binary::I32LtU, Ty::I32),
        C::BrI32GtS => (Binary::I32GtS, Ty::I32),
        C::BrI32GtU => (Binary::I32GtU, Ty::I32),
        C::BrI32LeS => (Binary::I32LeS, Ty::I32),
        C::BrI32LeU => (Binary::I32LeU, Ty::I32),
        C::BrI32GeS => (Binary::I32GeS, Ty::I32),
        C::BrI32GeU => (Binary::I32GeU, Ty::I32),
        C::BrI64Eq => (Binary::I64Eq, Ty::I64),
        C::BrI64Ne => (Binary::I64Ne, Ty::I64),
        C::BrI64LtS => (Binary::I64LtS, Ty::I64),
        C::BrI64LtU => (Binary::I64LtU, Ty::I64),
        C::BrI64GtS => (Binary::I64GtS, Ty::I64),
        C::BrI64GtU => (Binary::I64GtU, Ty::I64),
        C::BrI64LeS => (Binary::I64LeS, Ty::I64),
        C::BrI64LeU => (Binary::I64LeU, Ty::I64),
        C::BrI64GeS => (Binary::I64GeS, Ty::I64),
        C::BrI64GeU => (Binary::I64GeU, Ty::I64),
        C::BrF32Eq => (Binary::F32Eq, Ty::F32),
        C::BrF32Ne => (Binary::F32Ne, Ty::F32),
        C::BrF32Lt => (Binary::F32Lt, Ty::F32),
        C::BrF32Gt => (Binary::F32Gt, Ty::F32),
        C::BrF32Le => (Binary::F32Le, Ty::F32),
        C::BrF32Ge => (Binary::F32Ge, Ty::F32),
        C::BrF64Eq => (Binary::F64Eq, Ty::F64),
        C::BrF64Ne => (Binary::F64Ne, Ty::F64),
        C::BrF64Lt => (Binary::F64Lt, Ty::F64),
        C::BrF64Gt => (Binary::F64Gt, Ty::F64),
        C::BrF64Le => (Binary::F64Le, Ty::F64),
        C::BrF64Ge => (Binary::F64Ge, Ty::F64),
    }
}

/// The compare that holds exactly when `c` does not; floats have none (NaN is unordered).
fn negate_cmp(c: BranchCmp) -> Option<BranchCmp> {
    use BranchCmp as C;
    Some(match c {
        C::BrI32Eq => C::BrI32Ne,
        C::BrI32Ne => C::BrI32Eq,
        C::BrI32LtS => C::BrI32GeS,
        C::BrI32LtU => C::BrI32GeU,
        C::BrI32GtS => C::BrI32LeS,
        C::BrI32GtU => C::BrI32LeU,
        C::BrI32LeS => C::BrI32GtS,
        C::BrI32LeU => C::BrI32GtU,
        C::BrI32GeS => C::BrI32LtS,
        C::BrI32GeU => C::BrI32LtU,
        C::BrI64Eq => C::BrI64Ne,
        C::BrI64Ne => C::BrI64Eq,
        C::BrI64LtS => C::BrI64GeS,
        C::BrI64LtU => C::BrI64GeU,
        C::BrI64GtS => C::BrI64LeS,
        C::BrI64GtU => C::BrI64LeU,
        C::BrI64LeS => C::BrI64GtS,
        C::BrI64LeU => C::BrI64GtU,
        C::BrI64GeS => C::BrI64LtS,
        C::BrI64GeU => C::BrI64LtU,
        _ => return None,
    })
}

/// The compare that holds for swapped operands: `a < b` is `b > a`.
fn mirror_cmp(c: BranchCmp) -> BranchCmp {
    use BranchCmp as C;
    match c {
        C::BrI32LtS => C::BrI32GtS,
        C::BrI32LtU => C::BrI32GtU,
        C::BrI32GtS => C::BrI32LtS,
        C::BrI32GtU => C::BrI32LtU,
        C::BrI32LeS => C::BrI32GeS,
        C::BrI32LeU => C::BrI32GeU,
        C::BrI32GeS => C::BrI32LeS,
        C::BrI32GeU => C::BrI32LeU,
        C::BrI64LtS => C::BrI64GtS,
        C::BrI64LtU => C::BrI64GtU,
        C::BrI64GtS => C::BrI64LtS,
        C::BrI64GtU => C::BrI64LtU,
        C::BrI64LeS => C::BrI64GeS,
        C::BrI64LeU => C::BrI64GeU,
        C::BrI64GeS => C::BrI64LeS,
        C::BrI64GeU => C::BrI64LeU,
        C::BrF32Lt => C::BrF32Gt,
        C::BrF32Gt => C::BrF32Lt,
        C::BrF32Le => C::BrF32Ge,
        C::BrF32Ge => C::BrF32Le,
        C::BrF64Lt => C::BrF64Gt,
        C::BrF64Gt => C::BrF64Lt,
        C::BrF64Le => C::BrF64Ge,
        C::BrF64Ge => C::BrF64Le,
        same => same,
    }
}
