//! The dispatch modes: each a thin module that supplies the header encoding and the way from
//! one handler to the next. Handler bodies live in [`crate::handlers`].
//!
//! Where tail calls are not guaranteed (`build.rs`), a threaded mode is served by its
//! loop-driven twin with the same code form: direct threading by loop-call (handler addresses),
//! indirect threading by loop-match (opcodes). [`crate::backend::backend`] reports which runs.

#[cfg(any(
    feature = "direct-threaded",
    feature = "indirect-threaded",
    feature = "loop-call"
))]
mod abi;
#[cfg(any(feature = "direct-threaded", feature = "loop-call"))]
mod address;
#[cfg(all(wasmloom_tail_calls, feature = "direct-threaded"))]
pub mod direct_threaded;
#[cfg(all(wasmloom_tail_calls, feature = "indirect-threaded"))]
pub mod indirect_threaded;
#[cfg(any(
    feature = "loop-call",
    all(not(wasmloom_tail_calls), feature = "direct-threaded")
))]
pub mod loop_call;
#[cfg(any(
    feature = "loop-match",
    all(not(wasmloom_tail_calls), feature = "indirect-threaded")
))]
pub mod loop_match;
#[cfg(all(
    wasmloom_tail_calls,
    any(feature = "direct-threaded", feature = "indirect-threaded")
))]
pub mod threaded;
