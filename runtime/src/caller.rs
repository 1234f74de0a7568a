//! What a host function receives: the store (so it can call back into Wasm, read memory, ...)
//! and the instance that called it.

use crate::store::StoreId;
use crate::{Engine, Extern, Store};
use wasmloom_backends::store::InstanceData;

/// The store and calling instance, handed to a host function.
pub struct Caller<'a, T> {
    pub(crate) store: &'a mut Store<T>,
    /// The instance of the calling Wasm function; null when the embedder called the host
    /// function directly. Only compared, never dereferenced.
    pub(crate) inst: *const InstanceData,
}

impl<T> core::fmt::Debug for Caller<'_, T> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Caller")
            .field("store", &self.store)
            .finish_non_exhaustive()
    }
}

impl<'a, T> Caller<'a, T> {
    pub(crate) fn new(store: &'a mut Store<T>, inst: *const InstanceData) -> Self {
        Self { store, inst }
    }

    pub(crate) fn store_id(&self) -> StoreId {
        self.store.inner.id
    }

    /// The user data.
    pub fn data(&self) -> &T {
        self.store.data()
    }

    /// The user data, writable.
    pub fn data_mut(&mut self) -> &mut T {
        self.store.data_mut()
    }

    /// The engine.
    pub fn engine(&self) -> &Engine {
        self.store.engine()
    }

    /// The export `name` of the calling instance; `None` if there is no such export or the
    /// host function was called directly by the embedder.
    pub fn get_export(&self, name: &str) -> Option<Extern> {
        if self.inst.is_null() {
            return None;
        }
        let inner = &self.store.inner;
        let index = inner
            .core
            .instances
            .iter()
            .position(|i| core::ptr::eq(&**i, self.inst))?;
        inner.instances.get(index)?.get(name).cloned()
    }
}
