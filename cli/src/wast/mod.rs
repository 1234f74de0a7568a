//! Runs `.wast` scripts (the spec testsuite's format) through the public `wasmloom` API only.
//!
//! Every directive counts once: passed, failed or excused (a failure listed in [`Excuses`]).
//! The rules, chosen so that the counts measure wasmloom rather than wording:
//!
//! - `assert_trap` / `assert_exhaustion` pass on a trap whose message contains the expected one;
//!   where the expected one only contains ours (the spec adds details, as in "uninitialized
//!   element 2"), the directive passes with a note in [`Report::wording`]. Another message, a
//!   missing trap, or an error that is not a trap, fails.
//! - `assert_invalid` / `assert_malformed` pass on any rejection, by the text parser (quoted
//!   modules) or by `Module::new`; a module that compiles fails the directive.
//! - `assert_unlinkable` passes on an instantiation error that is not a trap, by the same wording
//!   rule.
//! - `ref.extern N` arguments are host references carrying `N: u32`, compared by that `N`.

mod excuses;
mod panic;
mod report;
mod runner;
pub mod spectest;
mod values;

pub use excuses::Excuses;
pub use panic::catch_panic;
pub use report::{Failure, Report, Summary};
pub use runner::run_script;
