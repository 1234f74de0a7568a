//! The dispatch modes: each a thin module that supplies the header encoding and the way from
//! one handler to the next. Handler bodies live in [`crate::handlers`].

#[cfg(feature = "loop-match")]
pub mod loop_match;
