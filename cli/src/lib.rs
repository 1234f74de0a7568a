//! The library half of `wasmloom-cli`: the `.wast` script runner behind `wasmloom wast`, also
//! used by the spec testsuite in `wasmloom-tests`. The command line itself lives in `main.rs`
//! and `cmd/`.

pub mod wast;
