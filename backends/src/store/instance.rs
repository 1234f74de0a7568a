//! What a running function needs of its instance: the index spaces, resolved into the store.

use super::{GlobalEntity, MemoryEntity, TableEntity};
use std::sync::Arc;
use wasmloom_frontend::translate::CompiledFunc;

/// The resolved index spaces of one instance. Entities are boxed in the store, so the pointers
/// stay valid for the store's lifetime.
#[derive(Debug)]
pub struct InstanceData {
    /// Store function index by module function index.
    pub funcs: Vec<u32>,
    /// Tables by module table index.
    pub tables: Vec<*mut TableEntity>,
    /// Memories by module memory index.
    pub memories: Vec<*mut MemoryEntity>,
    /// Globals by module global index.
    pub globals: Vec<*mut GlobalEntity>,
    /// Engine-wide signature id by module type index.
    pub types: Vec<u32>,
    /// Element segments as raw references; emptied by `elem.drop`.
    pub elems: Vec<Box<[u64]>>,
    /// Data segments; emptied by `data.drop`.
    pub datas: Vec<Arc<[u8]>>,
    /// Keeps the module's compiled code alive while functions point into it.
    pub code_owner: Option<Arc<dyn core::any::Any + Send + Sync>>,
    /// The code of the functions the module defines, by module function index: the module's
    /// code list, offset back by its import count (so it is only read at defined indices).
    /// `Call` finds its callee here, without the store's function list.
    pub code_by_func: *const CompiledFunc,
}
