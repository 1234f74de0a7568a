//! wasmloom: a WebAssembly interpreter. This crate is the embedder API, shaped like Wasmtime's
//! and Wasmi's: an [`Engine`] compiles [`Module`]s for one dispatch backend; a [`Store`] owns
//! instances and everything they create; a [`Linker`] resolves imports by name; [`Func`],
//! [`TypedFunc`], [`Memory`], [`Table`] and [`Global`] are small handles into a store.
//!
//! ```
//! use wasmloom::{Caller, Engine, Linker, Module, Store};
//!
//! let engine = Engine::default();
//! let module = Module::new(&engine, r#"
//!     (module
//!       (import "host" "add" (func $add (param i32 i32) (result i32)))
//!       (func (export "run") (param i32) (result i32)
//!         (call $add (local.get 0) (i32.const 1))))
//! "#)?;
//! let mut store = Store::new(&engine, 0u32);
//! let mut linker = Linker::new(&engine);
//! linker.func_wrap("host", "add", |mut caller: Caller<'_, u32>, a: i32, b: i32| {
//!     *caller.data_mut() += 1;
//!     a + b
//! })?;
//! let instance = linker.instantiate(&mut store, &module)?;
//! let run = instance.get_typed_func::<i32, i32>(&store, "run")?;
//! assert_eq!(run.call(&mut store, 41)?, 42);
//! # Ok::<(), wasmloom::Error>(())
//! ```

mod caller;
mod config;
mod engine;
mod error;
mod externals;
mod func;
mod global;
mod instance;
mod instantiate;
mod into_func;
mod linker;
mod memory;
mod module;
mod store;
mod table;
mod typed;
mod types;
mod values;

pub use caller::Caller;
pub use config::Config;
pub use engine::Engine;
pub use error::{Error, ErrorKind, Result};
pub use externals::Extern;
pub use func::Func;
pub use global::Global;
pub use instance::Instance;
pub use into_func::{IntoFunc, WasmRet};
pub use linker::Linker;
pub use memory::Memory;
pub use module::Module;
pub use store::{AsContext, AsContextMut, Store, StoreContext, StoreContextMut};
pub use table::Table;
pub use typed::{TypedFunc, WasmParams, WasmResults, WasmTy, WasmTyList};
pub use types::{
    ExportType, ExternType, FuncType, GlobalType, ImportType, MemoryType, Mutability, TableType,
    ValType,
};
pub use values::{ExternRef, Ref, Val};
pub use wasmloom_backends::BUILD_RUSTFLAGS;
pub use wasmloom_backends::backend::Dispatch;
pub use wasmloom_backends::trap::TrapCode;
