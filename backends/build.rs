//! Decides whether threaded dispatch may rely on tail calls.
//!
//! Stable Rust has no guaranteed tail calls; LLVM turns a call in tail position into a jump
//! (sibling-call optimisation) at opt-level 2 or more on the targets below. Elsewhere — an
//! embedder's debug build, another architecture — the threaded modes fall back to their
//! loop-driven twins so that they can never overflow the native stack. On nightly,
//! `--cfg wasmloom_become` switches to `become`, which guarantees the tail call everywhere.

use std::env;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(wasmloom_tail_calls)");
    println!("cargo::rustc-check-cfg=cfg(wasmloom_become)");
    println!("cargo::rerun-if-changed=build.rs");
    let opt = env::var("OPT_LEVEL").unwrap_or_default();
    let arch = env::var("CARGO_CFG_TARGET_ARCH").unwrap_or_default();
    let rustflags: Vec<String> = env::var("CARGO_ENCODED_RUSTFLAGS")
        .unwrap_or_default()
        .split('\x1f')
        .filter(|f| !f.is_empty())
        .map(str::to_owned)
        .collect();
    // For `BUILD_RUSTFLAGS`: the report says which code generation flags it measured.
    println!(
        "cargo::rustc-env=WASMLOOM_RUSTFLAGS={}",
        rustflags.join(" ")
    );
    let become_ = rustflags.iter().any(|f| f.contains("wasmloom_become"));
    let sibling_calls =
        matches!(opt.as_str(), "2" | "3") && matches!(arch.as_str(), "x86_64" | "aarch64");
    if become_ || sibling_calls {
        println!("cargo::rustc-cfg=wasmloom_tail_calls");
    }
}
