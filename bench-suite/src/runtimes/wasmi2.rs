//! Wasmi 2.0, the reference, in its default build: tail-call dispatch with handler addresses
//! in the code ("direct"). Its other dispatch modes are build-time features, measured by the
//! separate runner in `bench-suite/wasmi-modes/`. Wasmi 1.x has the same embedding API, so
//! `wasmi1.rs` expands the same `wasmi_runtime!` for its crate.

/// The runtime for one Wasmi crate (`$wasmi`), named `$name`, with its proposals.
macro_rules! wasmi_runtime {
    ($wasmi:ident, $name:literal, $proposals:expr) => {
        use crate::calls;
        use crate::runtime::{Calls, Compiled, Instance, Runtime, msg};
        use $wasmi::{CompilationMode, Config, Engine, Linker, Module, Store, TypedFunc};

        /// One Wasmi engine. Translation is eager, as in every other engine measured, so
        /// that `compile` does all the work and `run` none of it.
        #[derive(Clone)]
        pub struct Wasmi {
            engine: Engine,
        }

        impl Default for Wasmi {
            fn default() -> Self {
                let mut config = Config::default();
                config.compilation_mode(CompilationMode::Eager);
                Self {
                    engine: Engine::new(&config),
                }
            }
        }

        impl Wasmi {
            fn instantiate(
                &self,
                module: &Module,
                linker: &Linker<()>,
            ) -> Result<(Store<()>, $wasmi::Instance), String> {
                let mut store = Store::new(&self.engine, ());
                let instance = linker
                    .instantiate_and_start(&mut store, module)
                    .map_err(msg)?;
                Ok((store, instance))
            }
        }

        impl Runtime for Wasmi {
            fn name(&self) -> String {
                $name.to_string()
            }

            fn proposals(&self) -> &'static [&'static str] {
                $proposals
            }

            fn compile(&self, wasm: &[u8]) -> Result<Box<dyn Compiled>, String> {
                let module = Module::new(&self.engine, wasm).map_err(msg)?;
                Ok(Box::new(WasmiModule {
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
                Ok(Box::new(WasmiCalls {
                    store,
                    empty,
                    call_host,
                }))
            }
        }

        struct WasmiModule {
            runtime: Wasmi,
            module: Module,
        }

        impl Compiled for WasmiModule {
            fn instantiate(&self) -> Result<Box<dyn Instance>, String> {
                let linker = Linker::new(&self.runtime.engine);
                let (store, instance) = self.runtime.instantiate(&self.module, &linker)?;
                let run = instance.get_typed_func(&store, "run").map_err(msg)?;
                Ok(Box::new(WasmiInstance {
                    store,
                    instance,
                    run,
                }))
            }
        }

        struct WasmiInstance {
            store: Store<()>,
            instance: $wasmi::Instance,
            run: TypedFunc<(), i64>,
        }

        impl Instance for WasmiInstance {
            fn setup(&mut self) -> Result<(), String> {
                let setup = self.instance.get_typed_func::<(), ()>(&self.store, "setup");
                let setup = setup.map_err(msg)?;
                setup.call(&mut self.store, ()).map_err(msg)
            }

            fn run(&mut self) -> Result<i64, String> {
                self.run.call(&mut self.store, ()).map_err(msg)
            }
        }

        struct WasmiCalls {
            store: Store<()>,
            empty: TypedFunc<(), ()>,
            call_host: TypedFunc<i64, i64>,
        }

        impl Calls for WasmiCalls {
            fn empty(&mut self) -> Result<(), String> {
                self.empty.call(&mut self.store, ()).map_err(msg)
            }

            fn call_host(&mut self, n: i64) -> Result<i64, String> {
                self.call_host.call(&mut self.store, n).map_err(msg)
            }
        }
    };
}

#[cfg(feature = "peers")]
pub(crate) use wasmi_runtime;

wasmi_runtime!(
    wasmi,
    "wasmi2/direct",
    &["tail-call", "extended-const", "multi-memory", "memory64"]
);
