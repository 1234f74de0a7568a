//! Runs any module with the CoreMark-minimal interface on every wasmloom dispatch mode, on
//! Wasmi 2.0 and (feature `peers`) on other interpreters, and puts the scores side by side.
//!
//! The interface: the module imports `env.clock_ms: [] -> [i64]` (milliseconds on a monotonic
//! clock) and exports `run: [] -> [f32]`, which returns the score. [`WORKLOAD`] is our own
//! workload with that interface (`guest/coremark.c`); it also exports `run_ms` and
//! `run_iterations` (see [`Entry`]) so that callers can choose how much work it does.
//!
//! ```
//! use wasmloom::Dispatch;
//! use wasmloom_coremark::{Entry, Outcome, Runtime, WORKLOAD, measure};
//!
//! let outcome = measure(Runtime::Wasmloom(Dispatch::LoopMatch), WORKLOAD, Entry::Iterations(8));
//! assert!(matches!(outcome, Outcome::Score(score) if score > 0.0));
//! ```

mod clock;
mod entry;
mod measure;
mod report;
mod runtime;
mod runtimes;

pub use clock::clock_ms;
pub use entry::Entry;
pub use measure::{Outcome, measure};
pub use report::{Row, table};
pub use runtime::Runtime;

/// Our CoreMark-style workload: `guest/coremark.c`, built by `guest/build.sh`.
pub const WORKLOAD: &[u8] = include_bytes!("../guest/coremark.wasm");

/// The error of a runtime that could not run the module.
pub type BoxError = Box<dyn std::error::Error>;
