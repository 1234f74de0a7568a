//! Values as the embedder sees them, and their raw slot form (see `wasmloom_backends::value`):
//! i32 and f32 in the low 32 bits, references as `store index + 1` with 0 for null.

use crate::store::{StoreContext, StoreId};
use crate::{AsContextMut, Error, Func, Result, ValType};
use core::any::Any;

/// A value.
#[derive(Clone, Debug, PartialEq)]
pub enum Val {
    /// 32-bit integer.
    I32(i32),
    /// 64-bit integer.
    I64(i64),
    /// 32-bit float, as bits.
    F32(u32),
    /// 64-bit float, as bits.
    F64(u64),
    /// A function reference.
    FuncRef(Option<Func>),
    /// A host reference.
    ExternRef(Option<ExternRef>),
}

/// A reference: a table's element.
#[derive(Clone, Debug, PartialEq)]
pub enum Ref {
    /// A function reference.
    Func(Option<Func>),
    /// A host reference.
    Extern(Option<ExternRef>),
}

/// A reference to a host value owned by a store. Lives as long as the store.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct ExternRef {
    pub(crate) store: StoreId,
    pub(crate) index: u32,
}

impl ExternRef {
    /// Moves `value` into the store and returns a reference to it.
    pub fn new<T: Any + Send + Sync>(mut store: impl AsContextMut, value: T) -> ExternRef {
        let ctx = store.as_context_mut();
        let inner = &mut ctx.store.inner;
        let index = inner.externs.len() as u32;
        inner.externs.push(Box::new(value));
        ExternRef {
            store: inner.id,
            index,
        }
    }

    /// The host value.
    ///
    /// # Panics
    /// If the reference belongs to another store.
    pub fn data<'a, T: 'a>(
        &self,
        store: impl Into<StoreContext<'a, T>>,
    ) -> &'a (dyn Any + Send + Sync) {
        let store = store.into().store;
        store.inner.assert_owns(self.store, "ExternRef");
        &*store.inner.externs[self.index as usize]
    }
}

impl Val {
    /// The type of the value.
    pub fn ty(&self) -> ValType {
        match self {
            Val::I32(_) => ValType::I32,
            Val::I64(_) => ValType::I64,
            Val::F32(_) => ValType::F32,
            Val::F64(_) => ValType::F64,
            Val::FuncRef(_) => ValType::FuncRef,
            Val::ExternRef(_) => ValType::ExternRef,
        }
    }

    /// The zero value (or null) of `ty`; `None` for `v128`, which `Val` cannot hold yet.
    pub fn default_for(ty: ValType) -> Option<Val> {
        Some(match ty {
            ValType::I32 => Val::I32(0),
            ValType::I64 => Val::I64(0),
            ValType::F32 => Val::F32(0),
            ValType::F64 => Val::F64(0),
            ValType::FuncRef => Val::FuncRef(None),
            ValType::ExternRef => Val::ExternRef(None),
            ValType::V128 => return None,
        })
    }

    /// The i32, if this is one.
    pub fn i32(&self) -> Option<i32> {
        match *self {
            Val::I32(v) => Some(v),
            _ => None,
        }
    }

    /// The i64, if this is one.
    pub fn i64(&self) -> Option<i64> {
        match *self {
            Val::I64(v) => Some(v),
            _ => None,
        }
    }

    /// The f32, if this is one.
    pub fn f32(&self) -> Option<f32> {
        match *self {
            Val::F32(v) => Some(f32::from_bits(v)),
            _ => None,
        }
    }

    /// The f64, if this is one.
    pub fn f64(&self) -> Option<f64> {
        match *self {
            Val::F64(v) => Some(f64::from_bits(v)),
            _ => None,
        }
    }

    /// The function reference, if this is one.
    pub fn funcref(&self) -> Option<Option<&Func>> {
        match self {
            Val::FuncRef(f) => Some(f.as_ref()),
            _ => None,
        }
    }

    /// The host reference, if this is one.
    pub fn externref(&self) -> Option<Option<&ExternRef>> {
        match self {
            Val::ExternRef(e) => Some(e.as_ref()),
            _ => None,
        }
    }

    /// The slot bits of this value; fails for a reference into another store.
    pub(crate) fn to_raw(&self, store: StoreId) -> Result<u64> {
        Ok(match *self {
            Val::I32(v) => u64::from(v as u32),
            Val::I64(v) => v as u64,
            Val::F32(v) => u64::from(v),
            Val::F64(v) => v,
            Val::FuncRef(f) => func_to_raw(f, store)?,
            Val::ExternRef(e) => extern_to_raw(e, store)?,
        })
    }

    /// The value of type `ty` held in the slot bits `raw`.
    pub(crate) fn from_raw(raw: u64, ty: ValType, store: StoreId) -> Val {
        match ty {
            ValType::I32 => Val::I32(raw as u32 as i32),
            ValType::I64 => Val::I64(raw as i64),
            ValType::F32 => Val::F32(raw as u32),
            ValType::F64 | ValType::V128 => Val::F64(raw),
            ValType::FuncRef => Val::FuncRef(func_from_raw(raw, store)),
            ValType::ExternRef => Val::ExternRef(extern_from_raw(raw, store)),
        }
    }
}

impl Ref {
    /// The reference type.
    pub fn ty(&self) -> ValType {
        match self {
            Ref::Func(_) => ValType::FuncRef,
            Ref::Extern(_) => ValType::ExternRef,
        }
    }

    /// Whether this is a null reference.
    pub fn is_null(&self) -> bool {
        matches!(self, Ref::Func(None) | Ref::Extern(None))
    }

    /// The null reference of `ty`, if `ty` is a reference type.
    pub fn null(ty: ValType) -> Option<Ref> {
        match ty {
            ValType::FuncRef => Some(Ref::Func(None)),
            ValType::ExternRef => Some(Ref::Extern(None)),
            _ => None,
        }
    }

    pub(crate) fn to_raw(&self, store: StoreId) -> Result<u64> {
        match *self {
            Ref::Func(f) => func_to_raw(f, store),
            Ref::Extern(e) => extern_to_raw(e, store),
        }
    }

    pub(crate) fn from_raw(raw: u64, ty: ValType, store: StoreId) -> Ref {
        match ty {
            ValType::ExternRef => Ref::Extern(extern_from_raw(raw, store)),
            _ => Ref::Func(func_from_raw(raw, store)),
        }
    }
}

impl From<Ref> for Val {
    fn from(r: Ref) -> Val {
        match r {
            Ref::Func(f) => Val::FuncRef(f),
            Ref::Extern(e) => Val::ExternRef(e),
        }
    }
}

pub(crate) fn func_to_raw(f: Option<Func>, store: StoreId) -> Result<u64> {
    match f {
        None => Ok(0),
        Some(f) if f.store == store => Ok(u64::from(f.index) + 1),
        Some(_) => Err(Error::foreign("Func")),
    }
}

pub(crate) fn extern_to_raw(e: Option<ExternRef>, store: StoreId) -> Result<u64> {
    match e {
        None => Ok(0),
        Some(e) if e.store == store => Ok(u64::from(e.index) + 1),
        Some(_) => Err(Error::foreign("ExternRef")),
    }
}

pub(crate) fn func_from_raw(raw: u64, store: StoreId) -> Option<Func> {
    raw.checked_sub(1).map(|i| Func {
        store,
        index: i as u32,
    })
}

pub(crate) fn extern_from_raw(raw: u64, store: StoreId) -> Option<ExternRef> {
    raw.checked_sub(1).map(|i| ExternRef {
        store,
        index: i as u32,
    })
}

macro_rules! from_num {
    ($($t:ty => |$v:ident| $e:expr;)*) => {$(
        impl From<$t> for Val {
            fn from($v: $t) -> Val {
                $e
            }
        }
    )*};
}

from_num! {
    i32 => |v| Val::I32(v);
    i64 => |v| Val::I64(v);
    f32 => |v| Val::F32(v.to_bits());
    f64 => |v| Val::F64(v.to_bits());
    Func => |v| Val::FuncRef(Some(v));
    ExternRef => |v| Val::ExternRef(Some(v));
}
