//! wasmloom's backends: handler semantics written once ([`handlers`]), the machine state
//! ([`exec`]), the store entities handlers touch ([`store`]), and the dispatch modes
//! ([`dispatch`]) behind the [`backend::Backend`] trait.

#![cfg_attr(wasmloom_become, feature(explicit_tail_calls))]
#![cfg_attr(wasmloom_become, allow(incomplete_features))]

#[cfg(not(any(
    feature = "direct-threaded",
    feature = "indirect-threaded",
    feature = "loop-call",
    feature = "loop-match"
)))]
compile_error!(
    "wasmloom-backends needs at least one dispatch feature: `direct-threaded`, \
     `indirect-threaded`, `loop-call` or `loop-match`"
);

pub mod backend;
pub mod dispatch;
pub mod exec;
pub mod handlers;
pub mod store;
pub mod trap;
pub mod value;

/// The rustc flags this crate was built with (`RUSTFLAGS` or the `rustflags` of a cargo
/// config), space-separated; empty when there were none. The workspace's `.cargo/config.toml`
/// sets code generation flags that loop-match in particular depends on.
pub const BUILD_RUSTFLAGS: &str = env!("WASMLOOM_RUSTFLAGS");
