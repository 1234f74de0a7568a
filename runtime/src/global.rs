//! Globals as the embedder sees them.

use crate::store::{StoreId, StoreInner};
use crate::{AsContext, AsContextMut, Error, GlobalType, Mutability, Result, Val};
use wasmloom_backends::store::GlobalEntity;

/// A global of some store.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct Global {
    pub(crate) store: StoreId,
    pub(crate) index: u32,
}

impl StoreInner {
    /// Adds a global holding the raw value `value`; returns its store index.
    pub(crate) fn push_global(&mut self, ty: GlobalType, value: u64) -> u32 {
        let index = self.core.globals.len() as u32;
        let mutable = ty.mutability() == Mutability::Var;
        self.core
            .globals
            .push(Box::new(GlobalEntity { value, mutable }));
        self.global_types.push(ty);
        index
    }
}

impl Global {
    /// A new global of type `ty` holding `value`.
    pub fn new(mut store: impl AsContextMut, ty: GlobalType, value: Val) -> Result<Global> {
        let ctx = store.as_context_mut();
        let inner = &mut ctx.store.inner;
        check_val(ty, &value)?;
        let raw = value.to_raw(inner.id)?;
        let index = inner.push_global(ty, raw);
        Ok(Global {
            store: inner.id,
            index,
        })
    }

    /// The type.
    ///
    /// # Panics
    /// If the global belongs to another store.
    pub fn ty(&self, store: impl AsContext) -> GlobalType {
        let ctx = store.as_context();
        ctx.store.inner.assert_owns(self.store, "Global");
        ctx.store.inner.global_types[self.index as usize]
    }

    /// The value.
    ///
    /// # Panics
    /// If the global belongs to another store.
    pub fn get(&self, store: impl AsContext) -> Val {
        let ctx = store.as_context();
        let inner = &ctx.store.inner;
        inner.assert_owns(self.store, "Global");
        let raw = inner.core.globals[self.index as usize].value;
        Val::from_raw(
            raw,
            inner.global_types[self.index as usize].content(),
            inner.id,
        )
    }

    /// Sets the value; fails if the global is immutable or `value` has the wrong type.
    pub fn set(&self, mut store: impl AsContextMut, value: Val) -> Result<()> {
        let ctx = store.as_context_mut();
        let inner = &mut ctx.store.inner;
        inner.check(self.store, "Global")?;
        let ty = inner.global_types[self.index as usize];
        if ty.mutability() != Mutability::Var {
            return Err(Error::ty("cannot set an immutable global"));
        }
        check_val(ty, &value)?;
        inner.core.globals[self.index as usize].value = value.to_raw(inner.id)?;
        Ok(())
    }
}

/// Fails unless `value` has the content type of `ty`.
fn check_val(ty: GlobalType, value: &Val) -> Result<()> {
    if value.ty() == ty.content() {
        Ok(())
    } else {
        Err(Error::ty(format!(
            "a {} value does not fit a global of {}",
            value.ty(),
            ty.content()
        )))
    }
}
