//! The engines under test, one file each. wasmloom and Wasmi 2.0 are always built; the peers
//! only with the `peers` feature, because of their build times and native dependencies.

use crate::runtime::Runtime;

mod wasmi2;
mod wasmloom;

#[cfg(feature = "peers")]
mod stitch;
#[cfg(feature = "peers")]
mod tinywasm;
#[cfg(feature = "peers")]
mod wasm3;
#[cfg(feature = "peers")]
mod wasmi1;
#[cfg(feature = "peers")]
mod wasmtime;

pub(crate) fn all() -> Vec<Box<dyn Runtime>> {
    let mut all: Vec<Box<dyn Runtime>> = Vec::new();
    for runtime in wasmloom::Wasmloom::all() {
        all.push(Box::new(runtime));
    }
    all.push(Box::new(wasmi2::Wasmi::default()));
    #[cfg(feature = "peers")]
    {
        all.push(Box::new(wasmi1::Wasmi::default()));
        all.push(Box::new(stitch::Stitch));
        all.push(Box::new(wasm3::Wasm3));
        all.push(Box::new(tinywasm::Tinywasm));
        all.extend(wasmtime::Wasmtime::both());
    }
    all
}
