//! wasmloom in one of its four dispatch modes.

use crate::calls;
use crate::runtime::{Calls, Compiled, Instance, Runtime, msg};
use wasmloom::{Config, Dispatch, Engine, Linker, Module, Store, TypedFunc};

/// wasmloom with one dispatch mode.
#[derive(Clone)]
pub struct Wasmloom {
    mode: Dispatch,
    engine: Engine,
}

impl Wasmloom {
    /// One runtime per dispatch mode compiled in (this crate enables all four).
    pub fn all() -> Vec<Wasmloom> {
        let mut all = Vec::new();
        for mode in Dispatch::ALL {
            match Engine::new(Config::new().dispatch(mode)) {
                Ok(engine) => all.push(Wasmloom { mode, engine }),
                Err(e) => eprintln!("wasmloom/{mode}: left out: {e}"),
            }
        }
        all
    }

    fn instantiate(
        &self,
        module: &Module,
        linker: &Linker<()>,
    ) -> Result<(Store<()>, wasmloom::Instance), String> {
        let mut store = Store::new(&self.engine, ());
        let instance = linker.instantiate(&mut store, module).map_err(msg)?;
        Ok((store, instance))
    }
}

impl Runtime for Wasmloom {
    fn name(&self) -> String {
        format!("wasmloom/{}", self.mode)
    }

    fn proposals(&self) -> &'static [&'static str] {
        // What `wasmloom_frontend::supported_features` enables beyond Wasm 2.0.
        &["tail-call"]
    }

    fn note(&self) -> Option<String> {
        let runs = self.engine.dispatch();
        (runs != self.mode).then(|| {
            format!(
                "{} runs as {runs}: this build does not guarantee tail calls",
                self.name()
            )
        })
    }

    fn compile(&self, wasm: &[u8]) -> Result<Box<dyn Compiled>, String> {
        let module = Module::new(&self.engine, wasm).map_err(msg)?;
        Ok(Box::new(LoomModule {
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
        let (store, instance) = self.instantiate(&module, &linker)?;
        let empty = instance.get_typed_func(&store, "empty").map_err(msg)?;
        let call_host = instance.get_typed_func(&store, "call_host").map_err(msg)?;
        Ok(Box::new(LoomCalls {
            store,
            empty,
            call_host,
        }))
    }
}

struct LoomModule {
    runtime: Wasmloom,
    module: Module,
}

impl Compiled for LoomModule {
    fn instantiate(&self) -> Result<Box<dyn Instance>, String> {
        let linker = Linker::new(&self.runtime.engine);
        let (store, instance) = self.runtime.instantiate(&self.module, &linker)?;
        let run = instance.get_typed_func(&store, "run").map_err(msg)?;
        Ok(Box::new(LoomInstance {
            store,
            instance,
            run,
        }))
    }

    fn code_size(&self) -> Option<usize> {
        Some(self.module.code_size())
    }
}

struct LoomInstance {
    store: Store<()>,
    instance: wasmloom::Instance,
    run: TypedFunc<(), i64>,
}

impl Instance for LoomInstance {
    fn setup(&mut self) -> Result<(), String> {
        let setup = self.instance.get_typed_func::<(), ()>(&self.store, "setup");
        setup.and_then(|f| f.call(&mut self.store, ())).map_err(msg)
    }

    fn run(&mut self) -> Result<i64, String> {
        self.run.call(&mut self.store, ()).map_err(msg)
    }
}

struct LoomCalls {
    store: Store<()>,
    empty: TypedFunc<(), ()>,
    call_host: TypedFunc<i64, i64>,
}

impl Calls for LoomCalls {
    fn empty(&mut self) -> Result<(), String> {
        self.empty.call(&mut self.store, ()).map_err(msg)
    }

    fn call_host(&mut self, n: i64) -> Result<i64, String> {
        self.call_host.call(&mut self.store, n).map_err(msg)
    }
}
