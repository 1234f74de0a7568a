//! The interface every engine under test implements (the bench contract), and the list of the
//! engines this build has. One implementation per engine and mode lives in `runtimes/`.

use crate::cases::Case;
use crate::runtimes;

/// One engine in one configuration.
pub trait Runtime {
    /// The name in tables and benchmark ids: "wasmloom/direct-threaded", "wasmi2/direct", …
    fn name(&self) -> String;

    /// `Err(reason)` if this engine cannot run `case`; the harness then skips the pair and
    /// prints the reason. The default checks the case's proposals against [`Runtime::proposals`].
    fn supports(&self, case: &Case) -> Result<(), String> {
        let supported = self.proposals();
        let missing: Vec<_> = case
            .needs
            .iter()
            .filter(|proposal| !supported.contains(proposal))
            .copied()
            .collect();
        match missing.is_empty() {
            true => Ok(()),
            false => Err(format!("lacks the {} proposal(s)", missing.join(", "))),
        }
    }

    /// The proposals beyond Wasm 2.0 this engine runs, as `Case::needs` names them
    /// ("tail-call", "extended-const", …).
    fn proposals(&self) -> &'static [&'static str] {
        &[]
    }

    /// Parses, validates and translates a module (whatever of that the engine does before the
    /// first call).
    fn compile(&self, wasm: &[u8]) -> Result<Box<dyn Compiled>, String>;

    /// The call-overhead module ([`crate::calls`]) instantiated, its host function linked.
    fn calls(&self) -> Result<Box<dyn Calls>, String>;

    /// Something a reader of the results should know, e.g. that the engine runs another mode
    /// than its name says.
    fn note(&self) -> Option<String> {
        None
    }
}

/// A compiled module, ready to instantiate any number of times.
pub trait Compiled {
    fn instantiate(&self) -> Result<Box<dyn Instance>, String>;

    /// Bytes of translated code, where the engine can tell (the IR-size comparison).
    fn code_size(&self) -> Option<usize> {
        None
    }
}

/// An instance of a guest.
pub trait Instance {
    /// Calls the guest's `setup` export.
    fn setup(&mut self) -> Result<(), String>;
    /// Calls the guest's `run` export.
    fn run(&mut self) -> Result<i64, String>;
}

/// An instance of the call-overhead module.
pub trait Calls {
    /// Calls the exported empty function once (host to Wasm).
    fn empty(&mut self) -> Result<(), String>;
    /// Makes the guest call the imported host function `n` times (Wasm to host); the guest
    /// returns what the chained calls computed, which is `n`.
    fn call_host(&mut self, n: i64) -> Result<i64, String>;
}

/// Every runtime of this build: wasmloom in each dispatch mode and Wasmi 2.0 always, the other
/// engines with the `peers` feature.
pub fn runtimes() -> Vec<Box<dyn Runtime>> {
    runtimes::all()
}

/// Turns any error into the `String` the traits carry.
pub(crate) fn msg(error: impl std::fmt::Display) -> String {
    error.to_string()
}
