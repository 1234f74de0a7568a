//! The store: everything one "world" of instances owns (functions, memories, tables, globals,
//! host functions, host references, user data), and the context traits through which the API
//! reaches it from outside and from inside host functions.

use crate::func::HostFunc;
use crate::instance::InstanceMeta;
use crate::{Caller, Engine, Error, GlobalType, Result, ValType};
use core::any::Any;
use core::fmt;
use core::sync::atomic::{AtomicU64, Ordering};
use wasmloom_backends::exec::Exec;
use wasmloom_backends::store::StoreCore;

/// Identifies a store, so that handles used with the wrong one are caught.
#[doc(hidden)]
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct StoreId(u64);

impl StoreId {
    fn fresh() -> Self {
        static NEXT: AtomicU64 = AtomicU64::new(1);
        StoreId(NEXT.fetch_add(1, Ordering::Relaxed))
    }
}

/// The most host-to-Wasm re-entries nested in one another (each costs native stack).
pub(crate) const MAX_NESTED_CALLS: u32 = 128;
/// Idle executions kept for reuse.
const MAX_POOLED_EXECS: usize = 4;

/// What the runtime keeps about a table beside its entity.
#[derive(Copy, Clone, Debug)]
pub(crate) struct TableMeta {
    pub(crate) element: ValType,
    pub(crate) max: Option<u64>,
}

/// Idle executions, reused across calls.
#[derive(Default)]
pub(crate) struct ExecPool(Vec<Exec>);

// SAFETY: an idle `Exec` owns its value stack and frame list; its raw pointers are stale and
// are overwritten by `Exec::enter` before any use, so moving or sharing the pool between
// threads cannot reach anything through them.
unsafe impl Send for ExecPool {}
// SAFETY: as above; the pool is only touched through `&mut`.
unsafe impl Sync for ExecPool {}

/// The part of a store that does not depend on the user data type.
pub(crate) struct StoreInner {
    pub(crate) id: StoreId,
    pub(crate) engine: Engine,
    /// The entities guest code touches.
    pub(crate) core: StoreCore,
    /// Declared maximum of each memory, by store index.
    pub(crate) memory_max: Vec<Option<u64>>,
    /// Element type and declared maximum of each table, by store index.
    pub(crate) tables: Vec<TableMeta>,
    /// Type of each global, by store index.
    pub(crate) global_types: Vec<GlobalType>,
    /// Host values behind externrefs.
    pub(crate) externs: Vec<Box<dyn Any + Send + Sync>>,
    /// Exports of each instance, by store index (parallel to `core.instances`).
    pub(crate) instances: Vec<InstanceMeta>,
    execs: ExecPool,
    /// Host-to-Wasm re-entries currently running.
    pub(crate) nesting: u32,
}

impl StoreInner {
    /// Fails unless `id` is this store's.
    pub(crate) fn check(&self, id: StoreId, what: &str) -> Result<()> {
        if id == self.id {
            Ok(())
        } else {
            Err(Error::foreign(what))
        }
    }

    /// Panics unless `id` is this store's: for accessors whose signature cannot fail.
    #[track_caller]
    pub(crate) fn assert_owns(&self, id: StoreId, what: &str) {
        assert!(id == self.id, "this {what} belongs to another store");
    }

    /// An execution to run a call on.
    pub(crate) fn take_exec(&mut self) -> Exec {
        self.execs.0.pop().unwrap_or_else(|| {
            let config = self.engine.config();
            Exec::new(config.max_stack_slots, config.max_call_depth)
        })
    }

    /// Returns an execution to the pool.
    pub(crate) fn put_exec(&mut self, exec: Exec) {
        if self.execs.0.len() < MAX_POOLED_EXECS {
            self.execs.0.push(exec);
        }
    }
}

/// Owns instances and everything they create, plus the embedder's data `T`.
pub struct Store<T> {
    pub(crate) inner: StoreInner,
    /// Host functions, by the `host` index of `FuncEntity::Host`.
    pub(crate) hosts: Vec<HostFunc<T>>,
    data: T,
}

impl<T> fmt::Debug for Store<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Store")
            .field("id", &self.inner.id)
            .field("funcs", &self.inner.core.funcs.len())
            .field("instances", &self.inner.instances.len())
            .finish_non_exhaustive()
    }
}

impl<T> Store<T> {
    /// An empty store for `engine`, holding `data`.
    pub fn new(engine: &Engine, data: T) -> Self {
        let inner = StoreInner {
            id: StoreId::fresh(),
            engine: engine.clone(),
            core: StoreCore::default(),
            memory_max: Vec::new(),
            tables: Vec::new(),
            global_types: Vec::new(),
            externs: Vec::new(),
            instances: Vec::new(),
            execs: ExecPool::default(),
            nesting: 0,
        };
        Self {
            inner,
            hosts: Vec::new(),
            data,
        }
    }

    /// The engine.
    pub fn engine(&self) -> &Engine {
        &self.inner.engine
    }

    /// The user data.
    pub fn data(&self) -> &T {
        &self.data
    }

    /// The user data, writable.
    pub fn data_mut(&mut self) -> &mut T {
        &mut self.data
    }

    /// Consumes the store, returning the user data.
    pub fn into_data(self) -> T {
        self.data
    }
}

/// A shared borrow of a store.
pub struct StoreContext<'a, T> {
    pub(crate) store: &'a Store<T>,
}

/// An exclusive borrow of a store.
pub struct StoreContextMut<'a, T> {
    pub(crate) store: &'a mut Store<T>,
}

impl<T> Clone for StoreContext<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for StoreContext<'_, T> {}

impl<'a, T> StoreContext<'a, T> {
    /// The engine.
    pub fn engine(&self) -> &'a Engine {
        self.store.engine()
    }

    /// The user data.
    pub fn data(&self) -> &'a T {
        self.store.data()
    }
}

impl<T> StoreContextMut<'_, T> {
    /// The engine.
    pub fn engine(&self) -> &Engine {
        self.store.engine()
    }

    /// The user data.
    pub fn data(&self) -> &T {
        self.store.data()
    }

    /// The user data, writable.
    pub fn data_mut(&mut self) -> &mut T {
        self.store.data_mut()
    }
}

/// Anything that gives shared access to a store: `&Store<T>`, `&mut Store<T>`, `Caller`, ...
pub trait AsContext {
    /// The store's user data type.
    type Data;
    /// The store.
    fn as_context(&self) -> StoreContext<'_, Self::Data>;
}

/// Anything that gives exclusive access to a store: `&mut Store<T>`, `&mut Caller`, ...
pub trait AsContextMut: AsContext {
    /// The store.
    fn as_context_mut(&mut self) -> StoreContextMut<'_, Self::Data>;
}

impl<T> AsContext for Store<T> {
    type Data = T;
    fn as_context(&self) -> StoreContext<'_, T> {
        StoreContext { store: self }
    }
}

impl<T> AsContextMut for Store<T> {
    fn as_context_mut(&mut self) -> StoreContextMut<'_, T> {
        StoreContextMut { store: self }
    }
}

impl<T> AsContext for StoreContext<'_, T> {
    type Data = T;
    fn as_context(&self) -> StoreContext<'_, T> {
        *self
    }
}

impl<T> AsContext for StoreContextMut<'_, T> {
    type Data = T;
    fn as_context(&self) -> StoreContext<'_, T> {
        StoreContext { store: self.store }
    }
}

impl<T> AsContextMut for StoreContextMut<'_, T> {
    fn as_context_mut(&mut self) -> StoreContextMut<'_, T> {
        StoreContextMut { store: self.store }
    }
}

impl<T> AsContext for Caller<'_, T> {
    type Data = T;
    fn as_context(&self) -> StoreContext<'_, T> {
        StoreContext { store: self.store }
    }
}

impl<T> AsContextMut for Caller<'_, T> {
    fn as_context_mut(&mut self) -> StoreContextMut<'_, T> {
        StoreContextMut { store: self.store }
    }
}

impl<C: AsContext + ?Sized> AsContext for &C {
    type Data = C::Data;
    fn as_context(&self) -> StoreContext<'_, C::Data> {
        (**self).as_context()
    }
}

impl<C: AsContext + ?Sized> AsContext for &mut C {
    type Data = C::Data;
    fn as_context(&self) -> StoreContext<'_, C::Data> {
        (**self).as_context()
    }
}

impl<C: AsContextMut + ?Sized> AsContextMut for &mut C {
    fn as_context_mut(&mut self) -> StoreContextMut<'_, C::Data> {
        (**self).as_context_mut()
    }
}

impl<'a, T> From<&'a Store<T>> for StoreContext<'a, T> {
    fn from(store: &'a Store<T>) -> Self {
        StoreContext { store }
    }
}

impl<'a, T> From<&'a mut Store<T>> for StoreContext<'a, T> {
    fn from(store: &'a mut Store<T>) -> Self {
        StoreContext { store }
    }
}

impl<'a, T> From<&'a Caller<'_, T>> for StoreContext<'a, T> {
    fn from(caller: &'a Caller<'_, T>) -> Self {
        StoreContext {
            store: caller.store,
        }
    }
}

impl<'a, T> From<&'a mut Caller<'_, T>> for StoreContext<'a, T> {
    fn from(caller: &'a mut Caller<'_, T>) -> Self {
        StoreContext {
            store: caller.store,
        }
    }
}

impl<'a, T> From<&'a StoreContextMut<'_, T>> for StoreContext<'a, T> {
    fn from(ctx: &'a StoreContextMut<'_, T>) -> Self {
        StoreContext { store: ctx.store }
    }
}

impl<'a, T> From<&'a mut Store<T>> for StoreContextMut<'a, T> {
    fn from(store: &'a mut Store<T>) -> Self {
        StoreContextMut { store }
    }
}

impl<'a, T> From<&'a mut Caller<'_, T>> for StoreContextMut<'a, T> {
    fn from(caller: &'a mut Caller<'_, T>) -> Self {
        StoreContextMut {
            store: caller.store,
        }
    }
}

impl<'a, T> From<&'a mut StoreContextMut<'_, T>> for StoreContextMut<'a, T> {
    fn from(ctx: &'a mut StoreContextMut<'_, T>) -> Self {
        StoreContextMut { store: ctx.store }
    }
}
