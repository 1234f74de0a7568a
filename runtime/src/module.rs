//! A compiled module: validated, translated for the engine's backend, with its import and export
//! types worked out once. Cheap to clone and instantiable any number of times.

use crate::types::{ExportType, ImportType};
use crate::{
    Engine, Error, ErrorKind, ExternType, FuncType, GlobalType, MemoryType, Result, TableType,
};
use core::fmt::Write as _;
use std::sync::Arc;
use wasmloom_frontend::ModuleInfo;
use wasmloom_frontend::module::{ExportKind, ImportKind};

/// A compiled module. Cheap to clone.
#[derive(Clone)]
pub struct Module {
    pub(crate) inner: Arc<ModuleInner>,
}

impl core::fmt::Debug for Module {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Module")
            .field("imports", &self.inner.info.imports.len())
            .field("exports", &self.inner.info.exports.len())
            .field("functions", &self.inner.info.funcs.len())
            .finish_non_exhaustive()
    }
}

/// Everything instantiation needs, computed once.
pub(crate) struct ModuleInner {
    pub(crate) engine: Engine,
    pub(crate) info: Arc<ModuleInfo>,
    /// Engine-wide id of each module type.
    pub(crate) type_ids: Vec<u32>,
    /// Expected type of each import, in order.
    pub(crate) import_types: Vec<ExternType>,
    /// Type of each export, in order.
    pub(crate) export_types: Vec<ExternType>,
    /// Types of the tables the module defines (not the imported ones).
    pub(crate) tables: Vec<TableType>,
    /// Types of the memories the module defines.
    pub(crate) memories: Vec<MemoryType>,
    /// Types of the globals the module defines.
    pub(crate) globals: Vec<GlobalType>,
}

impl Module {
    /// Compiles a module from the binary format, or (with the `wat` feature, on by default)
    /// from the text format.
    pub fn new(engine: &Engine, bytes: impl AsRef<[u8]>) -> Result<Module> {
        let bytes = bytes.as_ref();
        if bytes.starts_with(b"\0asm") {
            return Self::from_binary(engine, bytes);
        }
        #[cfg(feature = "wat")]
        {
            let wasm = wat::parse_bytes(bytes)
                .map_err(|e| Error::new(ErrorKind::Compile(e.to_string())))?;
            Self::from_binary(engine, &wasm)
        }
        #[cfg(not(feature = "wat"))]
        {
            Err(Error::new(ErrorKind::Compile(
                "not a WebAssembly binary (no `\\0asm` header); enable the `wat` feature to accept text"
                    .into(),
            )))
        }
    }

    /// Compiles a module from the binary format.
    pub fn from_binary(engine: &Engine, bytes: &[u8]) -> Result<Module> {
        let features = wasmloom_frontend::supported_features();
        let mut buffers = engine.take_buffers();
        let compiled = wasmloom_frontend::compile_reusing(
            bytes,
            features,
            engine.backend().encoding(),
            &mut buffers,
        );
        engine.keep_buffers(buffers);
        let info = compiled?;
        let inner = ModuleInner::new(engine.clone(), info)?;
        Ok(Module {
            inner: Arc::new(inner),
        })
    }

    /// The engine the module was compiled for.
    pub fn engine(&self) -> &Engine {
        &self.inner.engine
    }

    /// The imports, in order.
    pub fn imports(&self) -> impl Iterator<Item = ImportType<'_>> {
        let inner = &*self.inner;
        inner
            .info
            .imports
            .iter()
            .zip(&inner.import_types)
            .map(|(import, ty)| ImportType {
                module: &import.module,
                name: &import.name,
                ty,
            })
    }

    /// The exports, in order.
    pub fn exports(&self) -> impl Iterator<Item = ExportType<'_>> {
        let inner = &*self.inner;
        inner
            .info
            .exports
            .iter()
            .zip(&inner.export_types)
            .map(|(export, ty)| ExportType {
                name: &export.name,
                ty,
            })
    }

    /// The bytes of encoded IR of every defined function, summed: how large the code form of
    /// the engine's backend is (the benchmark suite compares it across backends).
    pub fn code_size(&self) -> usize {
        self.inner
            .info
            .code
            .iter()
            .map(|func| func.code.len())
            .sum()
    }

    /// The IR of every defined function, disassembled: for `wasmloom run --dump`.
    pub fn dump(&self) -> String {
        let info = &self.inner.info;
        let encoding = self.inner.engine.backend().encoding();
        let mut out = String::new();
        for (i, func) in info.code.iter().enumerate() {
            let index = info.num_imported_funcs as usize + i;
            let _ = writeln!(out, "func[{index}] (frame {} slots):", func.frame_size);
            match wasmloom_frontend::isa::disasm::disassemble(&func.code, encoding) {
                Ok(text) => out.push_str(&text),
                Err(text) => {
                    out.push_str(&text);
                    out.push('\n');
                }
            }
        }
        out
    }
}

impl ModuleInner {
    fn new(engine: Engine, info: ModuleInfo) -> Result<Self> {
        let malformed = || Error::instantiate("the compiled module refers to a missing type");
        let types = info
            .types
            .iter()
            .map(FuncType::from_wasm)
            .collect::<Result<Vec<_>>>()?;
        let type_ids = types.iter().map(|ty| engine.intern(ty)).collect();
        let func_type = |func: u32| -> Result<FuncType> {
            let ty = *info.funcs.get(func as usize).ok_or_else(malformed)?;
            types.get(ty as usize).cloned().ok_or_else(malformed)
        };

        // The index spaces: imports first, then the module's own definitions.
        let (mut all_tables, mut all_memories, mut all_globals) =
            (Vec::new(), Vec::new(), Vec::new());
        let mut import_types = Vec::with_capacity(info.imports.len());
        for import in &info.imports {
            import_types.push(match &import.kind {
                ImportKind::Func(ty) => {
                    ExternType::Func(types.get(*ty as usize).cloned().ok_or_else(malformed)?)
                }
                ImportKind::Table(t) => {
                    all_tables.push(TableType::from_wasm(t)?);
                    ExternType::Table(TableType::from_wasm(t)?)
                }
                ImportKind::Memory(m) => {
                    all_memories.push(MemoryType::from_wasm(m)?);
                    ExternType::Memory(MemoryType::from_wasm(m)?)
                }
                ImportKind::Global(g) => {
                    all_globals.push(GlobalType::from_wasm(g)?);
                    ExternType::Global(GlobalType::from_wasm(g)?)
                }
            });
        }
        let tables = info
            .tables
            .iter()
            .map(TableType::from_wasm)
            .collect::<Result<Vec<_>>>()?;
        let memories = info
            .memories
            .iter()
            .map(MemoryType::from_wasm)
            .collect::<Result<Vec<_>>>()?;
        let globals = info
            .globals
            .iter()
            .map(|g| GlobalType::from_wasm(&g.ty))
            .collect::<Result<Vec<_>>>()?;
        all_tables.extend_from_slice(&tables);
        all_memories.extend_from_slice(&memories);
        all_globals.extend_from_slice(&globals);

        let mut export_types = Vec::with_capacity(info.exports.len());
        for export in &info.exports {
            let missing =
                || Error::instantiate(format!("export `{}` refers to a missing item", export.name));
            export_types.push(match export.kind {
                ExportKind::Func(f) => ExternType::Func(func_type(f)?),
                ExportKind::Table(t) => {
                    ExternType::Table(*all_tables.get(t as usize).ok_or_else(missing)?)
                }
                ExportKind::Memory(m) => {
                    ExternType::Memory(*all_memories.get(m as usize).ok_or_else(missing)?)
                }
                ExportKind::Global(g) => {
                    ExternType::Global(*all_globals.get(g as usize).ok_or_else(missing)?)
                }
            });
        }

        Ok(Self {
            engine,
            info: Arc::new(info),
            type_ids,
            import_types,
            export_types,
            tables,
            memories,
            globals,
        })
    }
}
