//! Helpers for wasmloom's test suites: the Wasm 2.0 spec scripts (run by `tests/spec.rs`
//! through the shared runner in `wasmloom_cli::wast`) and the module mutator behind
//! `tests/mutate.rs`.

pub mod mutate;
pub mod sections;
pub mod suite;
