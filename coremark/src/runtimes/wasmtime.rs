//! Wasmtime, compiling either to Pulley bytecode (its interpreter) or to machine code with
//! Cranelift. Sequential compilation (the `parallel-compilation` feature is off).

use crate::{BoxError, Entry, clock};
use wasmtime::{Config, Engine, Linker, Module, Store};

/// What Wasmtime compiles the module to.
pub(crate) enum Compiler {
    /// Pulley bytecode, run by Wasmtime's interpreter.
    Pulley,
    /// Host machine code.
    Cranelift,
}

pub(crate) fn run(compiler: Compiler, wasm: &[u8], entry: Entry) -> Result<f32, BoxError> {
    let mut config = Config::new();
    if let Compiler::Pulley = compiler {
        config.target(if cfg!(target_pointer_width = "64") {
            "pulley64"
        } else {
            "pulley32"
        })?;
    }
    let engine = Engine::new(&config)?;
    let module = Module::new(&engine, wasm)?;
    let mut store = Store::new(&engine, ());
    let mut linker = Linker::new(&engine);
    linker.func_wrap(clock::MODULE, clock::NAME, clock::clock_ms)?;
    let instance = linker.instantiate(&mut store, &module)?;
    let score = match entry.arg() {
        None => instance
            .get_typed_func::<(), f32>(&mut store, entry.export())?
            .call(&mut store, ())?,
        Some(arg) => instance
            .get_typed_func::<i32, f32>(&mut store, entry.export())?
            .call(&mut store, arg)?,
    };
    Ok(score)
}
