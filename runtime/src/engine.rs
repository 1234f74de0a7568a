//! The engine: the configuration, the backend that runs code, and the registry that gives every
//! function signature an engine-wide id (what `call_indirect` compares).

use crate::{Config, Dispatch, Error, FuncType, Result};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use wasmloom_backends::backend::{Backend, backend};
use wasmloom_frontend::Buffers;

/// Compiles modules and runs them; shared by every module and store made with it. Cheap to
/// clone.
#[derive(Clone)]
pub struct Engine {
    inner: Arc<EngineInner>,
}

struct EngineInner {
    config: Config,
    backend: &'static dyn Backend,
    types: Mutex<TypeRegistry>,
    /// The translator's buffers from the last compile, for the next (`Module::new`): a small
    /// module then compiles in warm memory without growing them again. Compiles on several
    /// threads at once each take their own; only one set is kept.
    buffers: Mutex<Option<Buffers>>,
}

/// Interns function types: equal types get equal ids.
#[derive(Default)]
struct TypeRegistry {
    ids: HashMap<FuncType, u32>,
    types: Vec<FuncType>,
}

impl core::fmt::Debug for Engine {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Engine")
            .field("dispatch", &self.dispatch())
            .field("config", &self.inner.config)
            .finish_non_exhaustive()
    }
}

impl Default for Engine {
    fn default() -> Self {
        let backend = backend(Dispatch::default_compiled())
            .expect("wasmloom-backends always compiles in at least one backend");
        Self::with_backend(Config::default(), backend)
    }
}

impl Engine {
    /// An engine with `config`. Fails if the requested dispatch mode is not compiled in.
    pub fn new(config: &Config) -> Result<Engine> {
        let mode = config.dispatch.unwrap_or_else(Dispatch::default_compiled);
        let Some(backend) = backend(mode) else {
            let compiled: Vec<_> = Dispatch::compiled().iter().map(|d| d.name()).collect();
            return Err(Error::unsupported(format!(
                "dispatch mode `{mode}` is not compiled in (compiled in: {}); enable the \
                 `{mode}` feature of wasmloom",
                compiled.join(", ")
            )));
        };
        Ok(Self::with_backend(config.clone(), backend))
    }

    fn with_backend(config: Config, backend: &'static dyn Backend) -> Self {
        let types = Mutex::new(TypeRegistry::default());
        Self {
            inner: Arc::new(EngineInner {
                config,
                backend,
                types,
                buffers: Mutex::new(None),
            }),
        }
    }

    /// The dispatch mode that actually runs code.
    pub fn dispatch(&self) -> Dispatch {
        self.inner.backend.dispatch()
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// Whether two handles refer to the same engine.
    pub fn same(a: &Engine, b: &Engine) -> bool {
        Arc::ptr_eq(&a.inner, &b.inner)
    }

    pub(crate) fn backend(&self) -> &'static dyn Backend {
        self.inner.backend
    }

    /// The buffers the last compile left, or new ones.
    pub(crate) fn take_buffers(&self) -> Buffers {
        // Poisoning cannot leave them inconsistent: a compile empties them before use.
        let mut kept = self.inner.buffers.lock().unwrap_or_else(|p| p.into_inner());
        kept.take().unwrap_or_default()
    }

    /// Keeps `buffers` for the next compile, unless a huge function grew them.
    pub(crate) fn keep_buffers(&self, buffers: Buffers) {
        if buffers.worth_keeping() {
            *self.inner.buffers.lock().unwrap_or_else(|p| p.into_inner()) = Some(buffers);
        }
    }

    fn registry(&self) -> MutexGuard<'_, TypeRegistry> {
        // A panic while holding the lock cannot leave the registry inconsistent: every update
        // is a single push plus insert.
        self.inner
            .types
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The engine-wide id of `ty`.
    pub(crate) fn intern(&self, ty: &FuncType) -> u32 {
        let mut reg = self.registry();
        if let Some(&id) = reg.ids.get(ty) {
            return id;
        }
        let id = reg.types.len() as u32;
        reg.types.push(ty.clone());
        reg.ids.insert(ty.clone(), id);
        id
    }

    /// The type with engine-wide id `id`.
    pub(crate) fn func_type(&self, id: u32) -> FuncType {
        let reg = self.registry();
        match reg.types.get(id as usize) {
            Some(ty) => ty.clone(),
            None => unreachable!("type id {id} was not interned by this engine"),
        }
    }
}
