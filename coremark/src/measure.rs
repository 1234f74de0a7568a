//! One run of a module on one runtime, and what its score says.

use crate::{Entry, Runtime, runtimes};
use std::any::Any;
use std::panic::{self, AssertUnwindSafe};

/// What one runtime made of a module.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// The module validated its results and scored this (iterations per second).
    Score(f32),
    /// The module ran but reported a failed validation: a score that is not positive (our
    /// workload returns -1 - the CRC it computed) or not finite.
    Invalid(f32),
    /// The runtime could not run the module, and why: not compiled in, a missing export, a
    /// feature it lacks, a trap, a panic.
    Error(String),
}

/// Runs `wasm` on `runtime`: compiles, links `env.clock_ms`, instantiates and calls `entry`. A
/// panic inside the runtime is caught and reported as an [`Outcome::Error`].
pub fn measure(runtime: Runtime, wasm: &[u8], entry: Entry) -> Outcome {
    let run = panic::catch_unwind(AssertUnwindSafe(|| runtimes::run(runtime, wasm, entry)));
    match run {
        Ok(Ok(score)) if score.is_finite() && score > 0.0 => Outcome::Score(score),
        Ok(Ok(score)) => Outcome::Invalid(score),
        Ok(Err(error)) => Outcome::Error(error.to_string()),
        Err(payload) => Outcome::Error(format!("panicked: {}", panic_message(&*payload))),
    }
}

fn panic_message(payload: &(dyn Any + Send)) -> &str {
    if let Some(message) = payload.downcast_ref::<&str>() {
        message
    } else if let Some(message) = payload.downcast_ref::<String>() {
        message
    } else {
        "(no message)"
    }
}
