//! wasmloom's backends: handler semantics written once ([`handlers`]), the machine state
//! ([`exec`]), the store entities handlers touch ([`store`]), and the dispatch modes
//! ([`dispatch`]) behind the [`backend::Backend`] trait.

#[cfg(not(any(feature = "loop-match")))]
compile_error!("wasmloom-backends needs at least one dispatch feature: `loop-match`");

pub mod backend;
pub mod dispatch;
pub mod exec;
pub mod handlers;
pub mod store;
pub mod trap;
pub mod value;
