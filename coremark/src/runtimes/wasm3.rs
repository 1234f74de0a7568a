//! wasm3, through its Rust bindings.

use crate::{BoxError, Entry, clock};
use wasm3::Environment;

/// The size of wasm3's value stack, in bytes.
const STACK_BYTES: u32 = 1 << 20;

pub(crate) fn run(wasm: &[u8], entry: Entry) -> Result<f32, BoxError> {
    let environment = Environment::new()?;
    let runtime = environment.create_runtime(STACK_BYTES)?;
    let mut module = runtime.parse_and_load_module(wasm.to_vec())?;
    module.link_closure(clock::MODULE, clock::NAME, |_, ()| Ok(clock::clock_ms()))?;
    let score = match entry.arg() {
        None => module.find_function::<(), f32>(entry.export())?.call()?,
        Some(arg) => module
            .find_function::<i32, f32>(entry.export())?
            .call(arg)?,
    };
    Ok(score)
}
