//! A parsed, validated and translated module: everything the runtime needs to instantiate it.

use crate::translate::CompiledFunc;
use std::sync::Arc;
pub use wasmparser::{FuncType, GlobalType, MemoryType, RefType, TableType, ValType};

/// One operation of a constant expression (global initialisers, segment offsets and items).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ConstOp {
    /// Push an i32.
    I32(i32),
    /// Push an i64.
    I64(i64),
    /// Push an f32 (bits).
    F32(u32),
    /// Push an f64 (bits).
    F64(u64),
    /// Push a null reference.
    RefNull,
    /// Push a reference to module function `idx`.
    RefFunc(u32),
    /// Push the value of module global `idx`.
    GlobalGet(u32),
    /// Extended constants: i32 add.
    I32Add,
    /// i32 sub.
    I32Sub,
    /// i32 mul.
    I32Mul,
    /// i64 add.
    I64Add,
    /// i64 sub.
    I64Sub,
    /// i64 mul.
    I64Mul,
}

/// A constant expression, as a little stack program.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConstExpr(pub Vec<ConstOp>);

/// What an import expects.
#[derive(Debug, Clone)]
pub enum ImportKind {
    /// A function of module type index `.0`.
    Func(u32),
    /// A table.
    Table(TableType),
    /// A memory.
    Memory(MemoryType),
    /// A global.
    Global(GlobalType),
}

/// An import.
#[derive(Debug, Clone)]
pub struct Import {
    /// The module name.
    pub module: String,
    /// The field name.
    pub name: String,
    /// What is expected.
    pub kind: ImportKind,
}

/// The kind of an export, with its index in the module's index space.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    /// A function.
    Func(u32),
    /// A table.
    Table(u32),
    /// A memory.
    Memory(u32),
    /// A global.
    Global(u32),
}

/// An export.
#[derive(Debug, Clone)]
pub struct Export {
    /// The export name.
    pub name: String,
    /// What is exported.
    pub kind: ExportKind,
}

/// A global defined by the module.
#[derive(Debug, Clone)]
pub struct GlobalDef {
    /// Its type.
    pub ty: GlobalType,
    /// Its initial value.
    pub init: ConstExpr,
}

/// How an element segment is used.
#[derive(Debug, Clone)]
pub enum ElemMode {
    /// Used by `table.init`.
    Passive,
    /// Only declares functions for `ref.func`; dropped at instantiation.
    Declared,
    /// Copied into `table` at `offset` during instantiation, then dropped.
    Active {
        /// The table index.
        table: u32,
        /// The start index.
        offset: ConstExpr,
    },
}

/// An element segment.
#[derive(Debug, Clone)]
pub struct ElemSegment {
    /// How it is used.
    pub mode: ElemMode,
    /// The reference type of its items.
    pub ty: RefType,
    /// The items, each a constant expression yielding a reference.
    pub items: Vec<ConstExpr>,
}

/// How a data segment is used.
#[derive(Debug, Clone)]
pub enum DataMode {
    /// Used by `memory.init`.
    Passive,
    /// Copied into `memory` at `offset` during instantiation, then dropped.
    Active {
        /// The memory index.
        memory: u32,
        /// The start address.
        offset: ConstExpr,
    },
}

/// A data segment.
#[derive(Debug, Clone)]
pub struct DataSegment {
    /// How it is used.
    pub mode: DataMode,
    /// The bytes.
    pub bytes: Arc<[u8]>,
}

/// A validated and translated module.
#[derive(Debug, Default)]
pub struct ModuleInfo {
    /// Function types by type index.
    pub types: Vec<FuncType>,
    /// Imports in order.
    pub imports: Vec<Import>,
    /// Type index of every function, imported ones first.
    pub funcs: Vec<u32>,
    /// Number of imported functions.
    pub num_imported_funcs: u32,
    /// Tables defined by the module (imported ones are in `imports`).
    pub tables: Vec<TableType>,
    /// Memories defined by the module.
    pub memories: Vec<MemoryType>,
    /// Globals defined by the module.
    pub globals: Vec<GlobalDef>,
    /// Exports.
    pub exports: Vec<Export>,
    /// The start function.
    pub start: Option<u32>,
    /// Element segments.
    pub elems: Vec<ElemSegment>,
    /// Data segments.
    pub datas: Vec<DataSegment>,
    /// Code of the defined functions, in order (function `num_imported_funcs + i`).
    pub code: Vec<CompiledFunc>,
}

impl ModuleInfo {
    /// Whether function `index` is imported (imports come first in the index space).
    pub fn is_imported_func(&self, index: u32) -> bool {
        index < self.num_imported_funcs
    }

    /// Gives back the spare capacity the lists grew while parsing: a compiled module is kept
    /// for as long as it is used, and on a small module the slack is a good part of its heap.
    pub(crate) fn shrink_to_fit(&mut self) {
        self.types.shrink_to_fit();
        self.imports.shrink_to_fit();
        self.funcs.shrink_to_fit();
        self.tables.shrink_to_fit();
        self.memories.shrink_to_fit();
        self.globals.shrink_to_fit();
        self.exports.shrink_to_fit();
        self.elems.shrink_to_fit();
        self.datas.shrink_to_fit();
        self.code.shrink_to_fit();
    }
}
