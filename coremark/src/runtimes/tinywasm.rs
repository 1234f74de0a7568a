//! tinywasm, default build.

use crate::{BoxError, Entry, clock};
use tinywasm::{HostFunction, Imports, ModuleInstance, Store};

pub(crate) fn run(wasm: &[u8], entry: Entry) -> Result<f32, BoxError> {
    let module = tinywasm::parse_bytes(wasm)?;
    let mut store = Store::default();
    let mut imports = Imports::new();
    let clock_ms = HostFunction::from(&mut store, |_, ()| Ok(clock::clock_ms()));
    imports.define(clock::MODULE, clock::NAME, clock_ms);
    let instance = ModuleInstance::instantiate(&mut store, &module, Some(imports))?;
    let score = match entry.arg() {
        None => instance
            .func::<(), f32>(&store, entry.export())?
            .call(&mut store, ())?,
        Some(arg) => instance
            .func::<i32, f32>(&store, entry.export())?
            .call(&mut store, arg)?,
    };
    Ok(score)
}
