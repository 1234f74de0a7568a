//! Calls: arguments go to consecutive home slots, which become the callee's first slots;
//! results come back in the same place.

use super::stack::{Entry, Loc};
use super::{CompileError, FuncTranslator, ty_of};
use crate::isa::Opcode;
use crate::module::ModuleInfo;
use wasmparser::{FuncType, Operator};

impl FuncTranslator<'_> {
    #[cfg_attr(not(debug_assertions), inline(always))]
    pub(crate) fn visit_call(
        &mut self,
        info: &ModuleInfo,
        op: &Operator<'_>,
    ) -> Result<bool, CompileError> {
        match *op {
            Operator::Call { function_index } => {
                let ty = &info.types[info.funcs[function_index as usize] as usize];
                let base = self.prepare_args(ty);
                self.op(if info.is_imported_func(function_index) {
                    Opcode::CallImport
                } else {
                    Opcode::Call
                });
                self.put(function_index);
                self.put_slot(self.home(base));
                self.push_results(ty, base)?;
            }
            Operator::CallIndirect {
                type_index,
                table_index,
            } => {
                let ty = &info.types[type_index as usize];
                let h = self.stack.len();
                let index = self.pop();
                let index = self.slot_of(index, h - 1);
                let base = self.prepare_args(ty);
                self.op(Opcode::CallIndirect);
                self.put(table_index);
                self.put(type_index);
                self.put_slot(index);
                self.put_slot(self.home(base));
                self.push_results(ty, base)?;
            }
            Operator::ReturnCall { function_index } => {
                let ty = &info.types[info.funcs[function_index as usize] as usize];
                self.tail_args(ty.params().len());
                if function_index == self.func_index && self.restart_body() {
                    return Ok(true);
                }
                self.op(if info.is_imported_func(function_index) {
                    Opcode::ReturnCallImport
                } else {
                    Opcode::ReturnCall
                });
                self.put(function_index);
                self.after_tail_call();
            }
            Operator::ReturnCallIndirect {
                type_index,
                table_index,
            } => {
                let n = info.types[type_index as usize].params().len();
                let h = self.stack.len();
                let index = self.pop();
                // Keep the index out of slots `0..n`, which the arguments overwrite; its home
                // is above them (the arguments sit below it on the stack).
                let index = match index.loc {
                    Loc::Slot(s) if s >= n as u32 => s,
                    _ => {
                        let home = self.home(h - 1);
                        self.write_to_slot(index, home);
                        home
                    }
                };
                self.tail_args(n);
                self.op(Opcode::ReturnCallIndirect);
                self.put(table_index);
                self.put(type_index);
                self.put_slot(index);
                self.after_tail_call();
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// Moves the top `n` values (a tail call's arguments) into slots `0..n`, as a return does.
    fn tail_args(&mut self, n: usize) {
        self.prepare_moves(0, n);
        self.emit_moves(0, n);
    }

    /// A tail call of the function itself, with its arguments in place, is a jump to the
    /// start of its body once its declared locals are zeroed again: the same frame, the same
    /// instance, and no call set-up to run (fib-tail: one op a turn cheaper). Declines (emits
    /// nothing) when there are too many locals to zero one op each.
    fn restart_body(&mut self) -> bool {
        const MAX_LOCALS_TO_ZERO: u32 = 4;
        let locals = self.num_params..self.locals.len() as u32;
        if locals.len() as u32 > MAX_LOCALS_TO_ZERO {
            return false;
        }
        for local in locals {
            let ty = self.locals[local as usize];
            self.write_to_slot(
                Entry {
                    loc: Loc::Imm(0),
                    ty,
                },
                local,
            );
        }
        self.emit_back_edge(0);
        self.reachable = false;
        true
    }

    /// After a tail call: a host callee comes back here with its results in slots `0..m`, and
    /// returns them; a Wasm callee never comes back.
    fn after_tail_call(&mut self) {
        self.op(Opcode::Return);
        self.reachable = false;
    }

    /// Puts the arguments in their home slots and frees the accumulators; returns the stack
    /// position of the first argument.
    fn prepare_args(&mut self, ty: &FuncType) -> usize {
        let base = self.stack.len() - ty.params().len();
        for pos in base..self.stack.len() {
            self.materialize(pos);
        }
        self.spill_accs();
        base
    }

    fn push_results(&mut self, ty: &FuncType, base: usize) -> Result<(), CompileError> {
        self.truncate(base);
        for (i, &r) in ty.results().iter().enumerate() {
            let home = self.home(base + i);
            self.push(Entry {
                loc: Loc::Slot(home),
                ty: ty_of(r)?,
            });
        }
        Ok(())
    }
}
