//! Wasmtime, twice: with Pulley, its portable interpreter (a peer), and with Cranelift, native
//! code (the ceiling an interpreter is measured against).

use crate::calls;
use crate::runtime::{Calls, Compiled, Instance, Runtime, msg};
use wasmtime::{Config, Engine, Linker, Module, Store, TypedFunc};

#[derive(Clone)]
pub struct Wasmtime {
    name: &'static str,
    engine: Engine,
}

impl Wasmtime {
    /// Pulley and Cranelift; a configuration that fails to build is left out with the reason.
    pub fn both() -> Vec<Box<dyn Runtime>> {
        let configs: [(&'static str, Option<&str>); 2] = [
            ("wasmtime/pulley", Some("pulley64")),
            ("wasmtime/cranelift", None),
        ];
        let mut both: Vec<Box<dyn Runtime>> = Vec::new();
        for (name, target) in configs {
            match Self::engine(target) {
                Ok(engine) => both.push(Box::new(Wasmtime { name, engine })),
                Err(e) => eprintln!("{name}: left out: {e}"),
            }
        }
        both
    }

    fn engine(target: Option<&str>) -> Result<Engine, String> {
        let mut config = Config::new();
        if let Some(target) = target {
            config.target(target).map_err(msg)?;
        }
        Engine::new(&config).map_err(msg)
    }

    fn instantiate(
        &self,
        module: &Module,
        linker: &Linker<()>,
    ) -> Result<(Store<()>, wasmtime::Instance), String> {
        let mut store = Store::new(&self.engine, ());
        let instance = linker.instantiate(&mut store, module).map_err(msg)?;
        Ok((store, instance))
    }
}

impl Runtime for Wasmtime {
    fn name(&self) -> String {
        self.name.to_string()
    }

    fn proposals(&self) -> &'static [&'static str] {
        &[
            "tail-call",
            "extended-const",
            "multi-memory",
            "memory64",
            "relaxed-simd",
            "custom-page-sizes",
            "wide-arithmetic",
        ]
    }

    fn compile(&self, wasm: &[u8]) -> Result<Box<dyn Compiled>, String> {
        let module = Module::new(&self.engine, wasm).map_err(msg)?;
        Ok(Box::new(WasmtimeModule {
            runtime: self.clone(),
            module,
        }))
    }

    fn calls(&self) -> Result<Box<dyn Calls>, String> {
        let module = Module::new(&self.engine, calls::wasm()).map_err(msg)?;
        let mut linker = Linker::new(&self.engine);
        linker
            .func_wrap(calls::HOST_MODULE, calls::HOST_FUNC, calls::inc)
            .map_err(msg)?;
        let (mut store, instance) = self.instantiate(&module, &linker)?;
        let empty = instance.get_typed_func(&mut store, "empty").map_err(msg)?;
        let call_host = instance
            .get_typed_func(&mut store, "call_host")
            .map_err(msg)?;
        Ok(Box::new(WasmtimeCalls {
            store,
            empty,
            call_host,
        }))
    }
}

struct WasmtimeModule {
    runtime: Wasmtime,
    module: Module,
}

impl Compiled for WasmtimeModule {
    fn instantiate(&self) -> Result<Box<dyn Instance>, String> {
        let linker = Linker::new(&self.runtime.engine);
        let (mut store, instance) = self.runtime.instantiate(&self.module, &linker)?;
        let run = instance.get_typed_func(&mut store, "run").map_err(msg)?;
        Ok(Box::new(WasmtimeInstance {
            store,
            instance,
            run,
        }))
    }
}

struct WasmtimeInstance {
    store: Store<()>,
    instance: wasmtime::Instance,
    run: TypedFunc<(), i64>,
}

impl Instance for WasmtimeInstance {
    fn setup(&mut self) -> Result<(), String> {
        let setup = self
            .instance
            .get_typed_func::<(), ()>(&mut self.store, "setup")
            .map_err(msg)?;
        setup.call(&mut self.store, ()).map_err(msg)
    }

    fn run(&mut self) -> Result<i64, String> {
        self.run.call(&mut self.store, ()).map_err(msg)
    }
}

struct WasmtimeCalls {
    store: Store<()>,
    empty: TypedFunc<(), ()>,
    call_host: TypedFunc<i64, i64>,
}

impl Calls for WasmtimeCalls {
    fn empty(&mut self) -> Result<(), String> {
        self.empty.call(&mut self.store, ()).map_err(msg)
    }

    fn call_host(&mut self, n: i64) -> Result<i64, String> {
        self.call_host.call(&mut self.store, n).map_err(msg)
    }
}
