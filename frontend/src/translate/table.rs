//! Table and reference operators.

use super::FuncTranslator;
use super::stack::{Entry, Loc, Ty};
use crate::isa::{Class, Opcode};
use wasmparser::Operator;

impl FuncTranslator<'_> {
    #[cfg_attr(not(debug_assertions), inline(always))]
    pub(crate) fn visit_table(&mut self, op: &Operator<'_>) -> bool {
        match *op {
            Operator::TableGet { table } => {
                self.slots_op(Opcode::TableGet, &[table], 1, Some(Ty::Ref));
            }
            Operator::TableSet { table } => self.slots_op(Opcode::TableSet, &[table], 2, None),
            Operator::TableSize { table } => {
                self.reserve_acc(Class::Int);
                self.op(Opcode::TableSize);
                self.put(table);
                self.push_acc(Ty::I32);
            }
            Operator::TableGrow { table } => {
                self.slots_op(Opcode::TableGrow, &[table], 2, Some(Ty::I32));
            }
            Operator::TableFill { table } => self.slots_op(Opcode::TableFill, &[table], 3, None),
            Operator::TableCopy {
                dst_table,
                src_table,
            } => {
                self.slots_op(Opcode::TableCopy, &[dst_table, src_table], 3, None);
            }
            Operator::TableInit { elem_index, table } => {
                self.slots_op(Opcode::TableInit, &[table, elem_index], 3, None);
            }
            Operator::ElemDrop { elem_index } => {
                self.op(Opcode::ElemDrop);
                self.put(elem_index);
            }
            Operator::RefNull { .. } => self.push(Entry {
                loc: Loc::Imm(0),
                ty: Ty::Ref,
            }),
            Operator::RefFunc { function_index } => {
                self.reserve_acc(Class::Int);
                self.op(Opcode::RefFunc);
                self.put(function_index);
                self.push_acc(Ty::Ref);
            }
            _ => return false,
        }
        true
    }
}
