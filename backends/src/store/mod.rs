//! The entities a store owns, as handlers see them. The runtime wraps these in its API types.

mod global;
mod instance;
mod memory;
mod table;

pub use global::GlobalEntity;
pub use instance::InstanceData;
pub use memory::{MAX_PAGES, MemoryEntity, PAGE_SIZE};
pub use table::{MAX_TABLE_LEN, TableEntity};

use wasmloom_frontend::translate::CompiledFunc;

/// A function: compiled Wasm code bound to its instance, or a host function.
#[derive(Debug, Clone, Copy)]
pub enum FuncEntity {
    /// A Wasm function.
    Wasm {
        /// Engine-wide signature id.
        ty: u32,
        /// The instance it runs in.
        inst: *mut InstanceData,
        /// Its code, owned by the instance's `code_owner`.
        code: *const CompiledFunc,
    },
    /// A host function; the runtime knows how to call `host`.
    Host {
        /// Engine-wide signature id.
        ty: u32,
        /// The runtime's index of the host closure.
        host: u32,
    },
}

impl FuncEntity {
    /// The engine-wide signature id.
    pub fn ty(&self) -> u32 {
        match *self {
            FuncEntity::Wasm { ty, .. } | FuncEntity::Host { ty, .. } => ty,
        }
    }
}

/// Everything a store owns that guest code can touch. Entities are never freed before the
/// store, and the boxed ones never move.
#[derive(Debug, Default)]
pub struct StoreCore {
    /// Functions, by store function index.
    pub funcs: Vec<FuncEntity>,
    /// Memories.
    pub memories: Vec<Box<MemoryEntity>>,
    /// Tables.
    pub tables: Vec<Box<TableEntity>>,
    /// Globals.
    pub globals: Vec<Box<GlobalEntity>>,
    /// Instances.
    pub instances: Vec<Box<InstanceData>>,
}

// SAFETY: the raw pointers in a `StoreCore` point only into boxes this same store owns, so
// moving the store to another thread moves everything they point to with it.
unsafe impl Send for StoreCore {}
// SAFETY: shared access never writes through the pointers; writes need `&mut StoreCore`.
unsafe impl Sync for StoreCore {}
