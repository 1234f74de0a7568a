//! Functions: the `Func` handle, host functions, and the driver that runs a call — it enters
//! the backend, and services every host call the guest makes until the entry function returns
//! or traps.

use crate::store::{MAX_NESTED_CALLS, StoreId};
use crate::typed::{TypedFunc, WasmParams, WasmResults};
use crate::{
    AsContext, AsContextMut, Caller, Error, FuncType, IntoFunc, Result, Store, TrapCode, Val,
};
use std::sync::Arc;
use wasmloom_backends::exec::{Exec, Stop};
use wasmloom_backends::store::{FuncEntity, InstanceData};

/// A host function on raw slots: arguments come in the slice, results go back to its start.
/// The slice has `max(params, results)` slots.
pub(crate) type HostFn<T> = Arc<dyn Fn(Caller<'_, T>, &mut [u64]) -> Result<()> + Send + Sync>;

/// A host function and its signature.
pub(crate) struct HostFunc<T> {
    pub(crate) func: HostFn<T>,
    pub(crate) ty: FuncType,
}

impl<T> Clone for HostFunc<T> {
    fn clone(&self) -> Self {
        Self {
            func: self.func.clone(),
            ty: self.ty.clone(),
        }
    }
}

/// A function of a store: a Wasm function of some instance, or a host function.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct Func {
    pub(crate) store: StoreId,
    pub(crate) index: u32,
}

impl Func {
    /// A host function from a Rust closure; its signature comes from the closure's types.
    pub fn wrap<T, P, R>(
        mut store: impl AsContextMut<Data = T>,
        f: impl IntoFunc<T, P, R>,
    ) -> Func {
        let (ty, func) = f.into_func();
        Func::from_host(store.as_context_mut().store, HostFunc { func, ty })
    }

    /// A host function of signature `ty` working on [`Val`]s.
    pub fn new<T: 'static>(
        mut store: impl AsContextMut<Data = T>,
        ty: FuncType,
        f: impl Fn(Caller<'_, T>, &[Val], &mut [Val]) -> Result<()> + Send + Sync + 'static,
    ) -> Func {
        let func = host_from_vals(ty.clone(), f);
        Func::from_host(store.as_context_mut().store, HostFunc { func, ty })
    }

    /// Adds a host function to the store.
    pub(crate) fn from_host<T>(store: &mut Store<T>, host: HostFunc<T>) -> Func {
        let ty = store.inner.engine.intern(&host.ty);
        let host_index = store.hosts.len() as u32;
        store.hosts.push(host);
        let index = store.inner.core.funcs.len() as u32;
        store.inner.core.funcs.push(FuncEntity::Host {
            ty,
            host: host_index,
        });
        Func {
            store: store.inner.id,
            index,
        }
    }

    /// The signature.
    ///
    /// # Panics
    /// If the function belongs to another store.
    pub fn ty(&self, store: impl AsContext) -> FuncType {
        let ctx = store.as_context();
        ctx.store.inner.assert_owns(self.store, "Func");
        func_type(ctx.store, self.index)
    }

    /// Calls the function. Fails with [`ErrorKind::Type`](crate::ErrorKind::Type) when the
    /// arguments do not match its parameters or `results` has the wrong length, with a trap
    /// when the guest traps, and with a host function's own error as it was returned.
    pub fn call(
        &self,
        mut store: impl AsContextMut,
        params: &[Val],
        results: &mut [Val],
    ) -> Result<()> {
        let ctx = store.as_context_mut();
        let store = ctx.store;
        store.inner.check(self.store, "Func")?;
        let ty = func_type(store, self.index);
        check_args(&ty, params)?;
        if results.len() != ty.results().len() {
            return Err(Error::ty(format!(
                "the function returns {} values but room for {} was given",
                ty.results().len(),
                results.len()
            )));
        }
        let id = store.inner.id;
        let mut raw = vec![0u64; ty.slots()];
        for (slot, param) in raw.iter_mut().zip(params) {
            *slot = param.to_raw(id)?;
        }
        call_raw(store, self.index, &mut raw)?;
        for ((out, &bits), &t) in results.iter_mut().zip(&raw).zip(ty.results()) {
            *out = Val::from_raw(bits, t, id);
        }
        Ok(())
    }

    /// This function with a static signature; fails if `P` and `R` do not match its type.
    pub fn typed<P: WasmParams, R: WasmResults>(
        &self,
        store: impl AsContext,
    ) -> Result<TypedFunc<P, R>> {
        TypedFunc::new(store, *self)
    }
}

/// The signature of store function `index`.
pub(crate) fn func_type<T>(store: &Store<T>, index: u32) -> FuncType {
    let inner = &store.inner;
    inner
        .engine
        .func_type(inner.core.funcs[index as usize].ty())
}

/// Checks argument count and types against `ty`.
fn check_args(ty: &FuncType, params: &[Val]) -> Result<()> {
    if params.len() != ty.params().len() {
        return Err(Error::ty(format!(
            "the function takes {} arguments but {} were given",
            ty.params().len(),
            params.len()
        )));
    }
    for (i, (param, &expected)) in params.iter().zip(ty.params()).enumerate() {
        if param.ty() != expected {
            return Err(Error::ty(format!(
                "argument {i} has type {} but the function expects {expected}",
                param.ty()
            )));
        }
    }
    Ok(())
}

/// A raw host function that converts to and from [`Val`]s around `f`.
pub(crate) fn host_from_vals<T: 'static>(
    ty: FuncType,
    f: impl Fn(Caller<'_, T>, &[Val], &mut [Val]) -> Result<()> + Send + Sync + 'static,
) -> HostFn<T> {
    Arc::new(move |caller: Caller<'_, T>, raw: &mut [u64]| {
        let id = caller.store_id();
        let params: Vec<Val> = ty
            .params()
            .iter()
            .zip(raw.iter())
            .map(|(&t, &bits)| Val::from_raw(bits, t, id))
            .collect();
        let mut results: Vec<Val> = ty
            .results()
            .iter()
            .map(|&t| Val::default_for(t).unwrap_or(Val::I64(0)))
            .collect();
        f(caller, &params, &mut results)?;
        for (i, ((out, val), &expected)) in
            raw.iter_mut().zip(&results).zip(ty.results()).enumerate()
        {
            if val.ty() != expected {
                return Err(Error::ty(format!(
                    "host function result {i} has type {} but its signature says {expected}",
                    val.ty()
                )));
            }
            *out = val.to_raw(id)?;
        }
        Ok(())
    })
}

/// Calls store function `func` on raw slots: the arguments are in `raw` on entry, the results
/// at its start on return. `raw` must have `max(params, results)` slots of the right types.
pub(crate) fn call_raw<T>(store: &mut Store<T>, func: u32, raw: &mut [u64]) -> Result<()> {
    let Some(&entity) = store.inner.core.funcs.get(func as usize) else {
        return Err(Error::ty(format!("no function {func} in this store")));
    };
    match entity {
        FuncEntity::Host { host, .. } => call_host(store, host, core::ptr::null(), raw),
        FuncEntity::Wasm { code, .. } => {
            // SAFETY: `code` points into the module's `ModuleInfo`, kept alive by the
            // instance's `code_owner`, which the store owns.
            let (params, results) =
                unsafe { ((*code).num_params as usize, (*code).num_results as usize) };
            if raw.len() < params.max(results) {
                return Err(Error::ty("too few slots for the call"));
            }
            if store.inner.nesting >= MAX_NESTED_CALLS {
                return Err(Error::trap(TrapCode::StackOverflow));
            }
            store.inner.nesting += 1;
            let mut exec = store.inner.take_exec();
            let outcome = run(store, &mut exec, func, raw, params, results);
            store.inner.put_exec(exec);
            store.inner.nesting -= 1;
            outcome
        }
    }
}

/// Runs Wasm function `func` on `exec` until it returns or traps, servicing host calls.
fn run<T>(
    store: &mut Store<T>,
    exec: &mut Exec,
    func: u32,
    raw: &mut [u64],
    params: usize,
    results: usize,
) -> Result<()> {
    let backend = store.inner.engine.backend();
    // SAFETY: `func` is a Wasm function of this store (checked by the caller) and `raw` holds
    // its `params` arguments. The store outlives the call: we hold `&mut Store` throughout,
    // so it can neither move nor be dropped.
    unsafe { exec.enter(&mut store.inner.core, func, &raw[..params]) }.map_err(Error::trap)?;
    loop {
        // A host function may have used the store through `&mut`; hand the backend a pointer
        // derived after that.
        exec.store = &mut store.inner.core;
        // SAFETY: `exec` was prepared by `enter`, or stopped at a host call whose results are
        // now in place. Its code was encoded for this engine's backend: instantiation only
        // accepts modules compiled by the store's engine.
        unsafe { backend.run(exec) };
        match exec.stop {
            Stop::Return => {
                raw[..results].copy_from_slice(exec.results(results));
                return Ok(());
            }
            Stop::Trap(code) => return Err(Error::trap(code)),
            Stop::HostCall { func, base } => {
                let Some(&FuncEntity::Host { host, .. }) =
                    store.inner.core.funcs.get(func as usize)
                else {
                    return Err(Error::instantiate(format!(
                        "host call to non-host function {func}"
                    )));
                };
                let slots = store.hosts[host as usize].ty.slots();
                let room = (exec.stack_end() as usize).saturating_sub(base as usize) / 8;
                if room < slots {
                    return Err(Error::trap(TrapCode::StackOverflow));
                }
                // SAFETY: `base` points into `exec`'s value stack with at least `slots` slots
                // after it (checked just above). `exec` is stopped and nothing else touches its
                // stack until `run` resumes it, after this borrow ends.
                let args = unsafe { core::slice::from_raw_parts_mut(base, slots) };
                call_host(store, host, exec.inst(), args)?;
            }
        }
    }
}

/// Runs host function `host` on raw slots, called from instance `inst` (or null).
fn call_host<T>(
    store: &mut Store<T>,
    host: u32,
    inst: *const InstanceData,
    raw: &mut [u64],
) -> Result<()> {
    let func = store.hosts[host as usize].func.clone();
    func(Caller::new(store, inst), raw)
}
