//! A global variable: its bits and whether it may change.

/// A global owned by a store.
#[derive(Debug)]
pub struct GlobalEntity {
    /// The value as slot bits (see [`crate::value`]).
    pub value: u64,
    /// Whether `global.set` may change it.
    pub mutable: bool,
}
