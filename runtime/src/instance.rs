//! Instances as the embedder sees them: a handle, and the exports the store keeps for it.

use crate::store::StoreId;
use crate::typed::{WasmParams, WasmResults};
use crate::{
    AsContext, AsContextMut, Error, Extern, Func, Global, Memory, Module, Result, Table, TypedFunc,
};
use std::collections::HashMap;

/// An instance of a module in some store.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct Instance {
    pub(crate) store: StoreId,
    pub(crate) index: u32,
}

/// What the store keeps about an instance beside its `InstanceData`: the exports.
#[derive(Default)]
pub(crate) struct InstanceMeta {
    exports: Vec<(String, Extern)>,
    by_name: HashMap<String, usize>,
}

impl InstanceMeta {
    pub(crate) fn new(exports: Vec<(String, Extern)>) -> Self {
        let by_name = exports
            .iter()
            .enumerate()
            .map(|(i, (name, _))| (name.clone(), i))
            .collect();
        Self { exports, by_name }
    }

    /// The export `name`.
    pub(crate) fn get(&self, name: &str) -> Option<&Extern> {
        self.by_name.get(name).map(|&i| &self.exports[i].1)
    }
}

impl Instance {
    /// Instantiates `module` with `imports`, given in the order of [`Module::imports`]: checks
    /// their types, creates the module's own entities, initialises tables and memories from
    /// the active segments, and runs the start function. A trap during initialisation fails
    /// with an error whose [`Error::as_trap_code`] is `Some`; what was written before it stays
    /// written.
    pub fn new(
        mut store: impl AsContextMut,
        module: &Module,
        imports: &[Extern],
    ) -> Result<Instance> {
        crate::instantiate::instantiate(store.as_context_mut().store, module, imports)
    }

    /// The export `name`, or `None` if there is none (or the instance belongs to another
    /// store).
    pub fn get_export(&self, store: impl AsContext, name: &str) -> Option<Extern> {
        let ctx = store.as_context();
        let inner = &ctx.store.inner;
        inner.check(self.store, "Instance").ok()?;
        inner.instances.get(self.index as usize)?.get(name).cloned()
    }

    /// The function export `name`.
    pub fn get_func(&self, store: impl AsContext, name: &str) -> Option<Func> {
        self.get_export(store, name)?.into_func()
    }

    /// The memory export `name`.
    pub fn get_memory(&self, store: impl AsContext, name: &str) -> Option<Memory> {
        self.get_export(store, name)?.into_memory()
    }

    /// The table export `name`.
    pub fn get_table(&self, store: impl AsContext, name: &str) -> Option<Table> {
        self.get_export(store, name)?.into_table()
    }

    /// The global export `name`.
    pub fn get_global(&self, store: impl AsContext, name: &str) -> Option<Global> {
        self.get_export(store, name)?.into_global()
    }

    /// The function export `name` with signature `P -> R`.
    pub fn get_typed_func<P: WasmParams, R: WasmResults>(
        &self,
        store: impl AsContext,
        name: &str,
    ) -> Result<TypedFunc<P, R>> {
        let ctx = store.as_context();
        let func = self.get_func(ctx, name).ok_or_else(|| {
            Error::instantiate(format!("the instance has no function export `{name}`"))
        })?;
        func.typed(ctx)
    }

    /// Every export, in the module's order.
    pub fn exports(&self, store: impl AsContext) -> Vec<(String, Extern)> {
        let ctx = store.as_context();
        let inner = &ctx.store.inner;
        if inner.check(self.store, "Instance").is_err() {
            return Vec::new();
        }
        inner
            .instances
            .get(self.index as usize)
            .map(|meta| meta.exports.clone())
            .unwrap_or_default()
    }
}
