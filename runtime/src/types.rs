//! The types of values and of the four kinds of extern: functions, memories, tables, globals.

use crate::{Error, Result};
use core::fmt;
use std::sync::Arc;
use wasmloom_frontend::module as wp;

/// The type of a value.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum ValType {
    /// 32-bit integer.
    I32,
    /// 64-bit integer.
    I64,
    /// 32-bit float.
    F32,
    /// 64-bit float.
    F64,
    /// 128-bit vector (not executable yet).
    V128,
    /// A nullable function reference.
    FuncRef,
    /// A nullable host reference.
    ExternRef,
}

impl ValType {
    /// Whether this is a reference type.
    pub fn is_ref(self) -> bool {
        matches!(self, ValType::FuncRef | ValType::ExternRef)
    }

    pub(crate) fn from_wasm(ty: wp::ValType) -> Result<Self> {
        Ok(match ty {
            wp::ValType::I32 => ValType::I32,
            wp::ValType::I64 => ValType::I64,
            wp::ValType::F32 => ValType::F32,
            wp::ValType::F64 => ValType::F64,
            wp::ValType::V128 => {
                return Err(Error::unsupported("SIMD (v128) is not supported yet"));
            }
            wp::ValType::Ref(r) => Self::from_ref(r)?,
        })
    }

    pub(crate) fn from_ref(ty: wp::RefType) -> Result<Self> {
        if ty == wp::RefType::FUNCREF {
            Ok(ValType::FuncRef)
        } else if ty == wp::RefType::EXTERNREF {
            Ok(ValType::ExternRef)
        } else {
            Err(Error::unsupported(format!(
                "reference type {ty} is not supported"
            )))
        }
    }
}

impl fmt::Display for ValType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ValType::I32 => "i32",
            ValType::I64 => "i64",
            ValType::F32 => "f32",
            ValType::F64 => "f64",
            ValType::V128 => "v128",
            ValType::FuncRef => "funcref",
            ValType::ExternRef => "externref",
        })
    }
}

/// A function signature. Cheap to clone.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct FuncType {
    /// Parameters, then results.
    types: Arc<[ValType]>,
    num_params: usize,
}

impl FuncType {
    /// A signature with these parameters and results.
    pub fn new(
        params: impl IntoIterator<Item = ValType>,
        results: impl IntoIterator<Item = ValType>,
    ) -> Self {
        let mut types: Vec<ValType> = params.into_iter().collect();
        let num_params = types.len();
        types.extend(results);
        Self {
            types: types.into(),
            num_params,
        }
    }

    /// The parameter types.
    pub fn params(&self) -> &[ValType] {
        &self.types[..self.num_params]
    }

    /// The result types.
    pub fn results(&self) -> &[ValType] {
        &self.types[self.num_params..]
    }

    /// Raw slots a call needs: parameters go in, results come out, in the same slots.
    pub(crate) fn slots(&self) -> usize {
        self.num_params.max(self.types.len() - self.num_params)
    }

    pub(crate) fn from_wasm(ty: &wp::FuncType) -> Result<Self> {
        let params = ty.params().iter().map(|&t| ValType::from_wasm(t));
        let params = params.collect::<Result<Vec<_>>>()?;
        let results = ty.results().iter().map(|&t| ValType::from_wasm(t));
        let results = results.collect::<Result<Vec<_>>>()?;
        Ok(Self::new(params, results))
    }
}

impl fmt::Debug for FuncType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FuncType")
            .field("params", &self.params())
            .field("results", &self.results())
            .finish()
    }
}

impl fmt::Display for FuncType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let list = |ts: &[ValType]| {
            ts.iter()
                .map(|t| t.to_string())
                .collect::<Vec<_>>()
                .join(" ")
        };
        write!(
            f,
            "(func (param {}) (result {}))",
            list(self.params()),
            list(self.results())
        )
    }
}

/// Whether a global may change.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Mutability {
    /// Immutable.
    Const,
    /// Mutable.
    Var,
}

/// The type of a global.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct GlobalType {
    content: ValType,
    mutability: Mutability,
}

impl GlobalType {
    /// A global holding `content`.
    pub fn new(content: ValType, mutability: Mutability) -> Self {
        Self {
            content,
            mutability,
        }
    }

    /// The type of the value.
    pub fn content(&self) -> ValType {
        self.content
    }

    /// Whether it may change.
    pub fn mutability(&self) -> Mutability {
        self.mutability
    }

    pub(crate) fn from_wasm(ty: &wp::GlobalType) -> Result<Self> {
        if ty.shared {
            return Err(Error::unsupported("shared globals are not supported"));
        }
        let mutability = if ty.mutable {
            Mutability::Var
        } else {
            Mutability::Const
        };
        Ok(Self::new(ValType::from_wasm(ty.content_type)?, mutability))
    }
}

/// The type of a linear memory, in 64 KiB pages.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct MemoryType {
    min: u64,
    max: Option<u64>,
}

impl MemoryType {
    /// A memory of at least `min` pages and at most `max`.
    pub fn new(min: u64, max: Option<u64>) -> Self {
        Self { min, max }
    }

    /// The minimum size in pages (for an existing memory: its current size).
    pub fn minimum(&self) -> u64 {
        self.min
    }

    /// The maximum size in pages, if any.
    pub fn maximum(&self) -> Option<u64> {
        self.max
    }

    pub(crate) fn from_wasm(ty: &wp::MemoryType) -> Result<Self> {
        if ty.memory64 || ty.shared || ty.page_size_log2.is_some() {
            return Err(Error::unsupported(
                "memory64, shared memories and custom page sizes are not supported yet",
            ));
        }
        Ok(Self::new(ty.initial, ty.maximum))
    }

    /// Whether a memory of type `self` may be imported where `required` is expected.
    pub(crate) fn matches(&self, required: &MemoryType) -> bool {
        limits_match(self.min, self.max, required.min, required.max)
    }
}

/// The type of a table.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct TableType {
    element: ValType,
    min: u64,
    max: Option<u64>,
}

impl TableType {
    /// A table of `element` references, with at least `min` entries and at most `max`.
    pub fn new(element: ValType, min: u64, max: Option<u64>) -> Self {
        Self { element, min, max }
    }

    /// The type of the references.
    pub fn element(&self) -> ValType {
        self.element
    }

    /// The minimum size (for an existing table: its current size).
    pub fn minimum(&self) -> u64 {
        self.min
    }

    /// The maximum size, if any.
    pub fn maximum(&self) -> Option<u64> {
        self.max
    }

    pub(crate) fn from_wasm(ty: &wp::TableType) -> Result<Self> {
        if ty.table64 || ty.shared {
            return Err(Error::unsupported(
                "64-bit and shared tables are not supported yet",
            ));
        }
        Ok(Self::new(
            ValType::from_ref(ty.element_type)?,
            ty.initial,
            ty.maximum,
        ))
    }

    /// Whether a table of type `self` may be imported where `required` is expected.
    pub(crate) fn matches(&self, required: &TableType) -> bool {
        self.element == required.element
            && limits_match(self.min, self.max, required.min, required.max)
    }
}

/// Limits subtyping: at least the required minimum, and within the required maximum if any.
fn limits_match(min: u64, max: Option<u64>, req_min: u64, req_max: Option<u64>) -> bool {
    min >= req_min
        && match req_max {
            None => true,
            Some(req_max) => max.is_some_and(|max| max <= req_max),
        }
}

/// The type of an extern.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ExternType {
    /// A function.
    Func(FuncType),
    /// A linear memory.
    Memory(MemoryType),
    /// A table.
    Table(TableType),
    /// A global.
    Global(GlobalType),
}

impl ExternType {
    /// The function type, if this is one.
    pub fn func(&self) -> Option<&FuncType> {
        match self {
            ExternType::Func(t) => Some(t),
            _ => None,
        }
    }

    /// The memory type, if this is one.
    pub fn memory(&self) -> Option<&MemoryType> {
        match self {
            ExternType::Memory(t) => Some(t),
            _ => None,
        }
    }

    /// The table type, if this is one.
    pub fn table(&self) -> Option<&TableType> {
        match self {
            ExternType::Table(t) => Some(t),
            _ => None,
        }
    }

    /// The global type, if this is one.
    pub fn global(&self) -> Option<&GlobalType> {
        match self {
            ExternType::Global(t) => Some(t),
            _ => None,
        }
    }

    /// The kind as a word, for messages.
    pub(crate) fn kind_name(&self) -> &'static str {
        match self {
            ExternType::Func(_) => "function",
            ExternType::Memory(_) => "memory",
            ExternType::Table(_) => "table",
            ExternType::Global(_) => "global",
        }
    }
}

/// An import of a module: where it comes from and what it must be.
#[derive(Clone, Debug)]
pub struct ImportType<'a> {
    pub(crate) module: &'a str,
    pub(crate) name: &'a str,
    pub(crate) ty: &'a ExternType,
}

impl<'a> ImportType<'a> {
    /// The module name.
    pub fn module(&self) -> &'a str {
        self.module
    }

    /// The field name.
    pub fn name(&self) -> &'a str {
        self.name
    }

    /// What is expected.
    pub fn ty(&self) -> ExternType {
        self.ty.clone()
    }
}

/// An export of a module: its name and type.
#[derive(Clone, Debug)]
pub struct ExportType<'a> {
    pub(crate) name: &'a str,
    pub(crate) ty: &'a ExternType,
}

impl<'a> ExportType<'a> {
    /// The export name.
    pub fn name(&self) -> &'a str {
        self.name
    }

    /// What is exported.
    pub fn ty(&self) -> ExternType {
        self.ty.clone()
    }
}
