//! What every bench, test and the report do before measuring: compile a case for a runtime,
//! instantiate it, and check its result once.

use crate::calls;
use crate::cases::Case;
use crate::runtime::{Calls, Compiled, Instance, Runtime};
use std::borrow::Cow;
use std::fmt;

/// Why a runtime does not take part in a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unfit {
    /// It cannot run it: a proposal it lacks, a module it rejects, an API limitation.
    Skipped(String),
    /// It ran it and failed: a trap, an error, or a wrong result. A bug somewhere.
    Failed(String),
}

impl fmt::Display for Unfit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unfit::Skipped(reason) => write!(f, "skipped: {reason}"),
            Unfit::Failed(reason) => write!(f, "FAILED: {reason}"),
        }
    }
}

/// The case's module in the binary format (a case may also be given as text).
pub fn binary(case: &Case) -> Result<Cow<'static, [u8]>, String> {
    wat::parse_bytes(case.wasm).map_err(|e| format!("{}: not a module: {e}", case.name))
}

/// An instance of `compiled` with the case's `setup` done: what a timed `run` starts from.
pub fn ready(compiled: &dyn Compiled, case: &Case) -> Result<Box<dyn Instance>, String> {
    let mut instance = compiled.instantiate()?;
    if case.has_setup {
        instance.setup()?;
    }
    Ok(instance)
}

/// `run`'s result, or an error if it is not the expected one.
pub fn checked_run(instance: &mut dyn Instance, case: &Case) -> Result<i64, String> {
    let result = instance.run()?;
    if result != case.expected {
        return Err(format!("run returned {result}, expected {}", case.expected));
    }
    Ok(result)
}

/// A case compiled for a runtime, and an instance of it whose `run` returned the expected
/// result once: what every measurement starts from.
pub struct Checked {
    pub compiled: Box<dyn Compiled>,
    pub instance: Box<dyn Instance>,
}

/// Compiles `case` for `runtime`, instantiates it and checks one `run`.
pub fn check(runtime: &dyn Runtime, case: &Case) -> Result<Checked, Unfit> {
    runtime.supports(case).map_err(Unfit::Skipped)?;
    let wasm = binary(case).map_err(Unfit::Failed)?;
    let compiled = runtime
        .compile(&wasm)
        .map_err(|e| Unfit::Skipped(format!("does not compile: {e}")))?;
    let mut instance = ready(&*compiled, case).map_err(Unfit::Failed)?;
    checked_run(&mut *instance, case).map_err(Unfit::Failed)?;
    Ok(Checked { compiled, instance })
}

/// The call-overhead module on `runtime`, checked once in both directions.
pub fn check_calls(runtime: &dyn Runtime) -> Result<Box<dyn Calls>, Unfit> {
    let mut instance = runtime.calls().map_err(Unfit::Skipped)?;
    instance.empty().map_err(Unfit::Failed)?;
    match instance
        .call_host(calls::HOST_CALLS)
        .map_err(Unfit::Failed)?
    {
        calls::HOST_CALLS => Ok(instance),
        other => Err(Unfit::Failed(format!(
            "call_host({}) returned {other}",
            calls::HOST_CALLS
        ))),
    }
}
