//! makepad-stitch. Its handlers rely on sibling-call optimisation, with no fallback: without
//! optimisation every executed instruction takes native stack, and a run overflows it.

use crate::{BoxError, Entry, clock};
use makepad_stitch::{Engine, Func, Linker, Module, Store, Val};

pub(crate) fn run(wasm: &[u8], entry: Entry) -> Result<f32, BoxError> {
    if cfg!(debug_assertions) {
        return Err("needs an optimised build (--release): it overflows the stack without".into());
    }
    let mut store = Store::new(Engine::new());
    let module = Module::new(store.engine(), wasm)?;
    let clock_ms = Func::wrap(&mut store, clock::clock_ms);
    let mut linker = Linker::new();
    linker.define(clock::MODULE, clock::NAME, clock_ms);
    let instance = linker.instantiate(&mut store, &module)?;
    let run = instance
        .exported_func(entry.export())
        .ok_or_else(|| format!("no exported function `{}`", entry.export()))?;
    let args: Vec<Val> = entry.arg().map(Val::I32).into_iter().collect();
    let mut results = [Val::F32(0.0)];
    run.call(&mut store, &args, &mut results)?;
    match results {
        [Val::F32(score)] => Ok(score),
        _ => Err(format!("`{}` does not return an f32", entry.export()).into()),
    }
}
