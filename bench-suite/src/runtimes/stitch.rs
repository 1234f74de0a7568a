//! Stitch (makepad-stitch): threaded code by sibling calls, like wasmloom's direct-threaded mode.
//! It validates in `Module::new` but translates each function on its first call, per instance:
//! that translation is part of every measured `run`, and its `translate` is validation only.

use crate::calls;
use crate::runtime::{Calls, Compiled, Instance, Runtime, msg};
use makepad_stitch::{Engine, Func, Linker, Module, Store, Val};

pub struct Stitch;

impl Runtime for Stitch {
    fn name(&self) -> String {
        "stitch".to_string()
    }

    fn compile(&self, wasm: &[u8]) -> Result<Box<dyn Compiled>, String> {
        let engine = Engine::new();
        let module = Module::new(&engine, wasm).map_err(msg)?;
        Ok(Box::new(StitchModule { engine, module }))
    }

    fn calls(&self) -> Result<Box<dyn Calls>, String> {
        let engine = Engine::new();
        let module = Module::new(&engine, &calls::wasm()).map_err(msg)?;
        let mut store = Store::new(engine);
        let mut linker = Linker::new();
        let inc = Func::wrap(&mut store, calls::inc);
        linker.define(calls::HOST_MODULE, calls::HOST_FUNC, inc);
        let instance = linker.instantiate(&mut store, &module).map_err(msg)?;
        Ok(Box::new(StitchCalls {
            empty: export(&instance, "empty")?,
            call_host: export(&instance, "call_host")?,
            store,
        }))
    }
}

fn export(instance: &makepad_stitch::Instance, name: &str) -> Result<Func, String> {
    instance
        .exported_func(name)
        .ok_or_else(|| format!("no function export `{name}`"))
}

/// Calls `func` with `args` and returns its one i64 result (0 if it has none).
fn call(store: &mut Store, func: Func, args: &[Val]) -> Result<i64, String> {
    let mut results = [Val::I64(0)];
    let arity = func.type_(store).results().len().min(1);
    func.call(store, args, &mut results[..arity]).map_err(msg)?;
    results[0]
        .to_i64()
        .ok_or_else(|| "the result is not an i64".to_string())
}

struct StitchModule {
    engine: Engine,
    module: Module,
}

impl Compiled for StitchModule {
    fn instantiate(&self) -> Result<Box<dyn Instance>, String> {
        let mut store = Store::new(self.engine.clone());
        let instance = Linker::new()
            .instantiate(&mut store, &self.module)
            .map_err(msg)?;
        Ok(Box::new(StitchInstance {
            run: export(&instance, "run")?,
            instance,
            store,
        }))
    }
}

struct StitchInstance {
    store: Store,
    instance: makepad_stitch::Instance,
    run: Func,
}

impl Instance for StitchInstance {
    fn setup(&mut self) -> Result<(), String> {
        let setup = export(&self.instance, "setup")?;
        call(&mut self.store, setup, &[]).map(drop)
    }

    fn run(&mut self) -> Result<i64, String> {
        call(&mut self.store, self.run, &[])
    }
}

struct StitchCalls {
    store: Store,
    empty: Func,
    call_host: Func,
}

impl Calls for StitchCalls {
    fn empty(&mut self) -> Result<(), String> {
        call(&mut self.store, self.empty, &[]).map(drop)
    }

    fn call_host(&mut self, n: i64) -> Result<i64, String> {
        call(&mut self.store, self.call_host, &[Val::I64(n)])
    }
}
