//! Tables as the embedder sees them.

use crate::store::{StoreId, StoreInner, TableMeta};
use crate::{AsContext, AsContextMut, Error, Ref, Result, TableType, TrapCode};
use wasmloom_backends::store::TableEntity;

/// A table of some store.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct Table {
    pub(crate) store: StoreId,
    pub(crate) index: u32,
}

impl StoreInner {
    /// Adds a table with every entry set to the raw reference `init`; returns its store index.
    pub(crate) fn push_table(&mut self, ty: &TableType, init: u64) -> Result<u32> {
        if !ty.element().is_ref() {
            return Err(Error::ty(format!("a table cannot hold {}", ty.element())));
        }
        let entity = TableEntity::new(ty.minimum(), ty.maximum(), init).map_err(Error::limit)?;
        let index = self.core.tables.len() as u32;
        self.core.tables.push(Box::new(entity));
        self.tables.push(TableMeta {
            element: ty.element(),
            max: ty.maximum(),
        });
        Ok(index)
    }

    /// The current type of table `index`: its size as the minimum, its declared maximum.
    pub(crate) fn table_type(&self, index: u32) -> TableType {
        let meta = self.tables[index as usize];
        TableType::new(
            meta.element,
            self.core.tables[index as usize].len(),
            meta.max,
        )
    }
}

impl Table {
    /// A new table of type `ty` with every entry set to `init`.
    pub fn new(mut store: impl AsContextMut, ty: TableType, init: Ref) -> Result<Table> {
        let ctx = store.as_context_mut();
        let inner = &mut ctx.store.inner;
        check_ref(ty.element(), &init)?;
        let raw = init.to_raw(inner.id)?;
        let index = inner.push_table(&ty, raw)?;
        Ok(Table {
            store: inner.id,
            index,
        })
    }

    /// The current type: the current size as the minimum, and the declared maximum.
    ///
    /// # Panics
    /// If the table belongs to another store.
    pub fn ty(&self, store: impl AsContext) -> TableType {
        let ctx = store.as_context();
        ctx.store.inner.assert_owns(self.store, "Table");
        ctx.store.inner.table_type(self.index)
    }

    /// The number of entries.
    ///
    /// # Panics
    /// If the table belongs to another store.
    pub fn size(&self, store: impl AsContext) -> u64 {
        let ctx = store.as_context();
        ctx.store.inner.assert_owns(self.store, "Table");
        ctx.store.inner.core.tables[self.index as usize].len()
    }

    /// Entry `index`, or `None` when it is out of bounds or the table belongs to another store.
    pub fn get(&self, store: impl AsContext, index: u64) -> Option<Ref> {
        let ctx = store.as_context();
        let inner = &ctx.store.inner;
        inner.check(self.store, "Table").ok()?;
        let entity = &inner.core.tables[self.index as usize];
        let raw = *entity.elems.get(usize::try_from(index).ok()?)?;
        Some(Ref::from_raw(
            raw,
            inner.tables[self.index as usize].element,
            inner.id,
        ))
    }

    /// Sets entry `index`; fails when out of bounds or `value` has the wrong type.
    pub fn set(&self, mut store: impl AsContextMut, index: u64, value: Ref) -> Result<()> {
        let ctx = store.as_context_mut();
        let inner = &mut ctx.store.inner;
        inner.check(self.store, "Table")?;
        check_ref(inner.tables[self.index as usize].element, &value)?;
        let raw = value.to_raw(inner.id)?;
        let entity = &mut inner.core.tables[self.index as usize];
        let slot = usize::try_from(index)
            .ok()
            .and_then(|i| entity.elems.get_mut(i));
        *slot.ok_or(Error::trap(TrapCode::TableOutOfBounds))? = raw;
        Ok(())
    }

    /// Grows by `delta` entries set to `init`; returns the old size.
    pub fn grow(&self, mut store: impl AsContextMut, delta: u64, init: Ref) -> Result<u64> {
        let ctx = store.as_context_mut();
        let inner = &mut ctx.store.inner;
        inner.check(self.store, "Table")?;
        check_ref(inner.tables[self.index as usize].element, &init)?;
        let raw = init.to_raw(inner.id)?;
        let entity = &mut inner.core.tables[self.index as usize];
        entity.grow(delta, raw).ok_or_else(|| {
            Error::limit(format!(
                "cannot grow a table of {} entries by {delta} (maximum {})",
                entity.len(),
                entity.max()
            ))
        })
    }
}

/// Fails unless `value` fits a table of `element`s.
fn check_ref(element: crate::ValType, value: &Ref) -> Result<()> {
    if value.ty() == element {
        Ok(())
    } else {
        Err(Error::ty(format!(
            "a {} does not fit a table of {element}",
            value.ty()
        )))
    }
}
