//! Locals, globals, constants, `drop` and `select`.

use super::stack::{Entry, Loc, Ty};
use super::{CompileError, FuncTranslator, ty_of};
use crate::isa::{Class, Opcode};
use wasmparser::Operator;

/// A `global.get` of an i32 global into the accumulator.
#[derive(Copy, Clone, Debug)]
pub(crate) struct GlobalGet {
    /// Code position of the op, and just past it.
    pub start: usize,
    pub end: usize,
    pub global: u32,
}

/// `global.get $global` then an add of the immediate `step` to it, from `start` to `end`;
/// `dst` is the local or home the sum was written to as well (the add's `D` variant).
#[derive(Copy, Clone, Debug)]
pub(crate) struct GlobalStep {
    pub start: usize,
    pub end: usize,
    pub global: u32,
    pub step: i32,
    pub dst: Option<u32>,
}

impl FuncTranslator<'_> {
    #[cfg_attr(not(debug_assertions), inline(always))]
    pub(crate) fn visit_variable(&mut self, op: &Operator<'_>) -> Result<bool, CompileError> {
        match *op {
            Operator::LocalGet { local_index } => {
                let ty = self.locals[local_index as usize];
                self.push(Entry {
                    loc: Loc::Slot(local_index),
                    ty,
                });
            }
            Operator::LocalSet { local_index } => self.local_set(local_index, false),
            Operator::LocalTee { local_index } => self.local_set(local_index, true),
            Operator::GlobalGet { global_index } => {
                let ty = self.globals[global_index as usize];
                if self.acc_holds_global(global_index, ty) {
                    self.push_acc(ty);
                    return Ok(true);
                }
                self.reserve_acc(ty.class());
                let start = self.code.len();
                self.op(match ty.class() {
                    Class::Int => Opcode::GlobalGetI,
                    Class::F32 => Opcode::GlobalGetF32,
                    Class::F64 => Opcode::GlobalGetF64,
                });
                self.put(global_index);
                self.push_acc(ty);
                self.global_get = (ty == Ty::I32).then_some(GlobalGet {
                    start,
                    end: self.code.len(),
                    global: global_index,
                });
            }
            Operator::GlobalSet { global_index } => {
                let e = self.pop();
                if self.global_step_set(global_index, e.loc) {
                    return Ok(true);
                }
                let op = match (e.loc, e.ty.class()) {
                    (Loc::Acc, Class::Int) => Opcode::GlobalSetAI,
                    (Loc::Acc, Class::F32) => Opcode::GlobalSetAF32,
                    (Loc::Acc, Class::F64) => Opcode::GlobalSetAF64,
                    (Loc::Slot(_), _) => Opcode::GlobalSetS,
                    (Loc::Imm(_), _) => Opcode::GlobalSetI,
                };
                self.op(op);
                self.put(global_index);
                // Slot and immediate forms move raw 64-bit patterns.
                self.put_loc(e.loc, Ty::I64);
                if e.loc == Loc::Acc {
                    self.acc_global = Some((global_index, self.code.len()));
                }
            }
            Operator::I32Const { value } => self.push_imm(u64::from(value as u32), Ty::I32),
            Operator::I64Const { value } => self.push_imm(value as u64, Ty::I64),
            Operator::F32Const { value } => self.push_imm(u64::from(value.bits()), Ty::F32),
            Operator::F64Const { value } => self.push_imm(value.bits(), Ty::F64),
            Operator::Drop => {
                self.pop();
            }
            Operator::Select => self.select(None),
            Operator::TypedSelect { ty } => self.select(Some(ty_of(ty)?)),
            Operator::TypedSelectMulti { .. } => {
                return Err(crate::parse::unsupported(
                    "multi-value select is not supported yet",
                ));
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// Whether the accumulator of `ty`'s class still holds global `global`: it was just set
    /// from there, and no op or branch target came after.
    fn acc_holds_global(&self, global: u32, ty: Ty) -> bool {
        let end = self.code.len();
        self.acc_global == Some((global, end)) && self.last_target != end && !self.acc_in_use(ty)
    }

    /// Records an add of `step` to the i32 global just read (the add ran from `start` to the
    /// end of code), for a `global.set` of the sum to fold it in.
    pub(crate) fn global_added(&mut self, start: usize, step: i32) {
        let get = self.global_get.take();
        self.global_step = get
            .filter(|g| g.end == start && self.last_target <= g.start)
            .map(|g| GlobalStep {
                start: g.start,
                end: self.code.len(),
                global: g.global,
                step,
                dst: None,
            });
    }

    /// Emits `global.set $global` of `value` as one op with the `global.get $global` and the
    /// add just before it, if `value` is their sum (in the accumulator, or in the local it was
    /// tee'd to). Returns whether it did.
    fn global_step_set(&mut self, global: u32, value: Loc) -> bool {
        let Some(g) = self.global_step.take() else {
            return false;
        };
        let sum_is_value = match (value, g.dst) {
            (Loc::Acc, None) => true,
            (Loc::Slot(s), Some(dst)) => s == dst,
            _ => false,
        };
        let end = self.code.len();
        if g.global != global || g.end != end || self.last_target >= end || !sum_is_value {
            return false;
        }
        self.cut_code(g.start);
        let start = self.code.len();
        self.op(match g.dst {
            Some(_) => Opcode::GlobalI32AddID,
            None => Opcode::GlobalI32AddI,
        });
        self.put(global);
        self.put(g.step);
        match g.dst {
            Some(dst) => {
                self.put_slot(dst);
                self.acc_written_to([dst, dst], Class::Int);
            }
            None => {
                self.acc_slots = None;
                self.produced(start, Some(Opcode::GlobalI32AddID), Class::Int);
            }
        }
        self.acc_global = Some((global, self.code.len()));
        true
    }

    fn push_imm(&mut self, bits: u64, ty: Ty) {
        self.push(Entry {
            loc: Loc::Imm(bits),
            ty,
        });
    }

    fn local_set(&mut self, local: u32, tee: bool) {
        let e = self.pop();
        self.detach_local(local);
        self.write_to_slot(e, local);
        if tee {
            self.push(Entry {
                loc: Loc::Slot(local),
                ty: e.ty,
            });
        }
    }

    fn select(&mut self, ty: Option<Ty>) {
        let h = self.stack.len();
        let cond = self.pop();
        let b = self.pop();
        let a = self.pop();
        let ty = ty.unwrap_or(a.ty);
        let b = self.slot_of(b, h - 2);
        let a = self.slot_of(a, h - 3);
        let cond = self.no_imm(cond, h - 1);
        self.reserve_acc(ty.class());
        let with_acc = cond == Loc::Acc;
        self.op(match (ty.class(), with_acc) {
            (Class::Int, true) => Opcode::SelectIA,
            (Class::Int, false) => Opcode::SelectIS,
            (Class::F32, true) => Opcode::SelectF32A,
            (Class::F32, false) => Opcode::SelectF32S,
            (Class::F64, true) => Opcode::SelectF64A,
            (Class::F64, false) => Opcode::SelectF64S,
        });
        self.put_loc(cond, Ty::I32);
        self.put_slot(a);
        self.put_slot(b);
        self.push_acc(ty);
    }
}
