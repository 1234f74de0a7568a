//! Locals, globals, constants, `drop` and `select`.

use super::stack::{Entry, Loc, Ty};
use super::{CompileError, FuncTranslator, ty_of};
use crate::isa::{Class, Opcode};
use wasmparser::Operator;

impl FuncTranslator<'_> {
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
                self.op(match ty.class() {
                    Class::Int => Opcode::GlobalGetI,
                    Class::F32 => Opcode::GlobalGetF32,
                    Class::F64 => Opcode::GlobalGetF64,
                });
                self.put(global_index);
                self.push_acc(ty);
            }
            Operator::GlobalSet { global_index } => {
                let e = self.pop();
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
