//! Wasmi, default build: 2.0 (the reference) and, with the peers, 1.x. The two share their
//! embedding API, so one runner serves both crates.

macro_rules! wasmi_runner {
    ($module:ident, $krate:ident) => {
        pub(crate) mod $module {
            use crate::{BoxError, Entry, clock};
            use $krate::{Engine, Linker, Module, Store};

            pub(crate) fn run(wasm: &[u8], entry: Entry) -> Result<f32, BoxError> {
                let engine = Engine::default();
                let module = Module::new(&engine, wasm)?;
                let mut store = Store::new(&engine, ());
                let mut linker = Linker::new(&engine);
                linker.func_wrap(clock::MODULE, clock::NAME, clock::clock_ms)?;
                let instance = linker.instantiate_and_start(&mut store, &module)?;
                let score = match entry.arg() {
                    None => instance
                        .get_typed_func::<(), f32>(&store, entry.export())?
                        .call(&mut store, ())?,
                    Some(arg) => instance
                        .get_typed_func::<i32, f32>(&store, entry.export())?
                        .call(&mut store, arg)?,
                };
                Ok(score)
            }
        }
    };
}

wasmi_runner!(v2, wasmi);
#[cfg(feature = "peers")]
wasmi_runner!(v1, wasmi_v1);
