//! Linear memories as the embedder sees them.

use crate::store::{StoreContext, StoreContextMut, StoreId, StoreInner};
use crate::{AsContext, AsContextMut, Error, MemoryType, Result, TrapCode};
use wasmloom_backends::store::{MAX_PAGES, MemoryEntity, PAGE_SIZE};

/// A linear memory of some store.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct Memory {
    pub(crate) store: StoreId,
    pub(crate) index: u32,
}

impl StoreInner {
    /// Adds a memory; returns its store index.
    pub(crate) fn push_memory(&mut self, ty: &MemoryType) -> Result<u32> {
        let entity =
            MemoryEntity::new(ty.minimum(), ty.maximum(), MAX_PAGES).map_err(Error::limit)?;
        let index = self.core.memories.len() as u32;
        self.core.memories.push(Box::new(entity));
        self.memory_max.push(ty.maximum());
        Ok(index)
    }

    /// The current type of memory `index`: its size as the minimum, its declared maximum.
    pub(crate) fn memory_type(&self, index: u32) -> MemoryType {
        let pages = self.core.memories[index as usize].pages();
        MemoryType::new(pages, self.memory_max[index as usize])
    }
}

impl Memory {
    /// A new memory of type `ty`, zero-filled.
    pub fn new(mut store: impl AsContextMut, ty: MemoryType) -> Result<Memory> {
        let ctx = store.as_context_mut();
        let inner = &mut ctx.store.inner;
        let index = inner.push_memory(&ty)?;
        Ok(Memory {
            store: inner.id,
            index,
        })
    }

    fn entity<'a>(&self, inner: &'a StoreInner) -> &'a MemoryEntity {
        inner.assert_owns(self.store, "Memory");
        &inner.core.memories[self.index as usize]
    }

    fn entity_mut<'a>(&self, inner: &'a mut StoreInner) -> Result<&'a mut MemoryEntity> {
        inner.check(self.store, "Memory")?;
        Ok(&mut inner.core.memories[self.index as usize])
    }

    /// The current type: the current size as the minimum, and the declared maximum.
    ///
    /// # Panics
    /// If the memory belongs to another store.
    pub fn ty(&self, store: impl AsContext) -> MemoryType {
        let ctx = store.as_context();
        ctx.store.inner.assert_owns(self.store, "Memory");
        ctx.store.inner.memory_type(self.index)
    }

    /// The size in pages.
    ///
    /// # Panics
    /// If the memory belongs to another store.
    pub fn size(&self, store: impl AsContext) -> u64 {
        self.entity(&store.as_context().store.inner).pages()
    }

    /// The size in bytes.
    ///
    /// # Panics
    /// If the memory belongs to another store.
    pub fn data_size(&self, store: impl AsContext) -> usize {
        self.entity(&store.as_context().store.inner).data().len()
    }

    /// Grows by `delta` pages; returns the old size in pages.
    pub fn grow(&self, mut store: impl AsContextMut, delta: u64) -> Result<u64> {
        let ctx = store.as_context_mut();
        let entity = self.entity_mut(&mut ctx.store.inner)?;
        entity.grow(delta).ok_or_else(|| {
            Error::limit(format!(
                "cannot grow a memory of {} pages by {delta} (maximum {} pages of {PAGE_SIZE} bytes)",
                entity.pages(),
                entity.max_pages()
            ))
        })
    }

    /// Copies `buf.len()` bytes from address `offset` into `buf`.
    pub fn read(&self, store: impl AsContext, offset: usize, buf: &mut [u8]) -> Result<()> {
        let ctx = store.as_context();
        ctx.store.inner.check(self.store, "Memory")?;
        let data = ctx.store.inner.core.memories[self.index as usize].data();
        let src = range(offset, buf.len(), data.len()).map(|r| &data[r])?;
        buf.copy_from_slice(src);
        Ok(())
    }

    /// Copies `buf` to address `offset`.
    pub fn write(&self, mut store: impl AsContextMut, offset: usize, buf: &[u8]) -> Result<()> {
        let ctx = store.as_context_mut();
        let data = self.entity_mut(&mut ctx.store.inner)?.data_mut();
        let r = range(offset, buf.len(), data.len())?;
        data[r].copy_from_slice(buf);
        Ok(())
    }

    /// The bytes.
    ///
    /// # Panics
    /// If the memory belongs to another store.
    pub fn data<'a, T: 'a>(&self, store: impl Into<StoreContext<'a, T>>) -> &'a [u8] {
        self.entity(&store.into().store.inner).data()
    }

    /// The bytes, writable.
    ///
    /// # Panics
    /// If the memory belongs to another store.
    pub fn data_mut<'a, T: 'a>(&self, store: impl Into<StoreContextMut<'a, T>>) -> &'a mut [u8] {
        let inner = &mut store.into().store.inner;
        inner.assert_owns(self.store, "Memory");
        inner.core.memories[self.index as usize].data_mut()
    }
}

/// `offset..offset + len` if it lies within `size`, else the out-of-bounds trap.
fn range(offset: usize, len: usize, size: usize) -> Result<core::ops::Range<usize>> {
    match offset.checked_add(len) {
        Some(end) if end <= size => Ok(offset..end),
        _ => Err(Error::trap(TrapCode::MemoryOutOfBounds)),
    }
}
