//! The linker: a namespace of definitions by (module, name), from which imports are resolved.
//! Host functions defined here belong to no store until a module is instantiated with them.

use crate::func::{HostFunc, host_from_vals};
use crate::{
    AsContextMut, Caller, Engine, Error, Extern, Func, FuncType, Instance, IntoFunc, Module,
    Result, Val,
};
use std::collections::HashMap;

/// One definition.
enum Definition<T> {
    /// An extern of some store.
    Extern(Extern),
    /// A host function, added to a store each time a module that imports it is instantiated.
    Host(HostFunc<T>),
}

impl<T> Clone for Definition<T> {
    fn clone(&self) -> Self {
        match self {
            Definition::Extern(e) => Definition::Extern(e.clone()),
            Definition::Host(h) => Definition::Host(h.clone()),
        }
    }
}

/// Resolves imports by name, for stores with data `T`.
pub struct Linker<T> {
    engine: Engine,
    defs: HashMap<(String, String), Definition<T>>,
    shadowing: bool,
}

impl<T> Clone for Linker<T> {
    fn clone(&self) -> Self {
        Self {
            engine: self.engine.clone(),
            defs: self.defs.clone(),
            shadowing: self.shadowing,
        }
    }
}

impl<T> core::fmt::Debug for Linker<T> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let mut names: Vec<_> = self.defs.keys().map(|(m, n)| format!("{m}.{n}")).collect();
        names.sort();
        f.debug_struct("Linker")
            .field("definitions", &names)
            .finish_non_exhaustive()
    }
}

impl<T> Linker<T> {
    /// An empty linker.
    pub fn new(engine: &Engine) -> Self {
        Self {
            engine: engine.clone(),
            defs: HashMap::new(),
            shadowing: false,
        }
    }

    /// The engine.
    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    /// Whether a definition may replace an earlier one of the same name (default: no, that
    /// is an error).
    pub fn allow_shadowing(&mut self, yes: bool) -> &mut Self {
        self.shadowing = yes;
        self
    }

    fn insert(&mut self, module: &str, name: &str, def: Definition<T>) -> Result<&mut Self> {
        let key = (module.to_string(), name.to_string());
        if !self.shadowing && self.defs.contains_key(&key) {
            return Err(Error::link(format!(
                "`{module}`.`{name}` is already defined"
            )));
        }
        self.defs.insert(key, def);
        Ok(self)
    }

    /// Defines a host function from a Rust closure.
    pub fn func_wrap<Params, Results>(
        &mut self,
        module: &str,
        name: &str,
        f: impl IntoFunc<T, Params, Results>,
    ) -> Result<&mut Self> {
        let (ty, func) = f.into_func();
        self.insert(module, name, Definition::Host(HostFunc { func, ty }))
    }

    /// Defines a host function of signature `ty` working on [`Val`]s.
    pub fn func_new(
        &mut self,
        module: &str,
        name: &str,
        ty: FuncType,
        f: impl Fn(Caller<'_, T>, &[Val], &mut [Val]) -> Result<()> + Send + Sync + 'static,
    ) -> Result<&mut Self>
    where
        T: 'static,
    {
        let func = host_from_vals(ty.clone(), f);
        self.insert(module, name, Definition::Host(HostFunc { func, ty }))
    }

    /// Defines an extern of some store. Instantiating into another store fails.
    pub fn define(
        &mut self,
        module: &str,
        name: &str,
        item: impl Into<Extern>,
    ) -> Result<&mut Self> {
        self.insert(module, name, Definition::Extern(item.into()))
    }

    /// Defines every export of `instance` under the module name `module`.
    pub fn instance(
        &mut self,
        mut store: impl AsContextMut<Data = T>,
        module: &str,
        instance: Instance,
    ) -> Result<&mut Self> {
        let ctx = store.as_context_mut();
        ctx.store.inner.check(instance.store, "Instance")?;
        for (name, ext) in instance.exports(&ctx) {
            self.insert(module, &name, Definition::Extern(ext))?;
        }
        Ok(self)
    }

    /// The definition of `module`.`name`, as an extern of `store`.
    pub fn get(
        &self,
        mut store: impl AsContextMut<Data = T>,
        module: &str,
        name: &str,
    ) -> Option<Extern> {
        let def = self.defs.get(&(module.to_string(), name.to_string()))?;
        Some(self.materialize(&mut store, def))
    }

    fn materialize(&self, store: &mut impl AsContextMut<Data = T>, def: &Definition<T>) -> Extern {
        match def {
            Definition::Extern(e) => e.clone(),
            Definition::Host(h) => {
                Extern::Func(Func::from_host(store.as_context_mut().store, h.clone()))
            }
        }
    }

    /// Resolves the imports of `module`, instantiates it and runs its start function.
    pub fn instantiate(
        &self,
        mut store: impl AsContextMut<Data = T>,
        module: &Module,
    ) -> Result<Instance> {
        let mut imports = Vec::with_capacity(module.inner.info.imports.len());
        for import in module.imports() {
            let key = (import.module().to_string(), import.name().to_string());
            let Some(def) = self.defs.get(&key) else {
                return Err(Error::link(format!(
                    "unknown import: `{}`.`{}`",
                    import.module(),
                    import.name()
                )));
            };
            // Check host functions before adding them to the store, so a failed link leaves
            // nothing behind.
            if let Definition::Host(h) = def
                && import.ty.func() != Some(&h.ty)
            {
                return Err(Error::link(format!(
                    "incompatible import type for `{}`.`{}` (expected a {})",
                    import.module(),
                    import.name(),
                    import.ty.kind_name()
                )));
            }
            imports.push(self.materialize(&mut store, def));
        }
        Instance::new(store, module, &imports)
    }
}
