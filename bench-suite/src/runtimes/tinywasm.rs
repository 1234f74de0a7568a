//! tinywasm: a small, portable interpreter (a `match` loop over its own IR).

use crate::calls;
use crate::runtime::{Calls, Compiled, Instance, Runtime, msg};
use tinywasm::{FunctionTyped, HostFunction, Imports, Module, ModuleInstance, Store};

pub struct Tinywasm;

impl Runtime for Tinywasm {
    fn name(&self) -> String {
        "tinywasm".to_string()
    }

    fn proposals(&self) -> &'static [&'static str] {
        &[
            "tail-call",
            "extended-const",
            "multi-memory",
            "memory64",
            "custom-page-sizes",
            "wide-arithmetic",
        ]
    }

    fn compile(&self, wasm: &[u8]) -> Result<Box<dyn Compiled>, String> {
        let module = tinywasm::parse_bytes(wasm).map_err(msg)?;
        Ok(Box::new(TinyModule(module)))
    }

    fn calls(&self) -> Result<Box<dyn Calls>, String> {
        let module = tinywasm::parse_bytes(&calls::wasm()).map_err(msg)?;
        let mut store = Store::default();
        let inc = HostFunction::from(&mut store, |_, x: i64| Ok(calls::inc(x)));
        let mut imports = Imports::new();
        imports.define(calls::HOST_MODULE, calls::HOST_FUNC, inc);
        let instance =
            ModuleInstance::instantiate(&mut store, &module, Some(imports)).map_err(msg)?;
        Ok(Box::new(TinyCalls {
            empty: instance.func(&store, "empty").map_err(msg)?,
            call_host: instance.func(&store, "call_host").map_err(msg)?,
            store,
        }))
    }
}

struct TinyModule(Module);

impl Compiled for TinyModule {
    fn instantiate(&self) -> Result<Box<dyn Instance>, String> {
        let mut store = Store::default();
        let instance = ModuleInstance::instantiate(&mut store, &self.0, None).map_err(msg)?;
        Ok(Box::new(TinyInstance {
            run: instance.func(&store, "run").map_err(msg)?,
            instance,
            store,
        }))
    }
}

struct TinyInstance {
    store: Store,
    instance: ModuleInstance,
    run: FunctionTyped<(), i64>,
}

impl Instance for TinyInstance {
    fn setup(&mut self) -> Result<(), String> {
        let setup: FunctionTyped<(), ()> = self.instance.func(&self.store, "setup").map_err(msg)?;
        setup.call(&mut self.store, ()).map_err(msg)
    }

    fn run(&mut self) -> Result<i64, String> {
        self.run.call(&mut self.store, ()).map_err(msg)
    }
}

struct TinyCalls {
    store: Store,
    empty: FunctionTyped<(), ()>,
    call_host: FunctionTyped<i64, i64>,
}

impl Calls for TinyCalls {
    fn empty(&mut self) -> Result<(), String> {
        self.empty.call(&mut self.store, ()).map_err(msg)
    }

    fn call_host(&mut self, n: i64) -> Result<i64, String> {
        self.call_host.call(&mut self.store, n).map_err(msg)
    }
}
