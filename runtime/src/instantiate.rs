//! Instantiation, in Wasm 2.0 order: check and resolve imports, create the module's tables,
//! memories, functions and globals, build the instance's index spaces, then run the active
//! element segments, drop the declared ones, run the active data segments, and call the start
//! function. A trap in those last steps fails instantiation but keeps what was written.

use crate::func::call_raw;
use crate::instance::InstanceMeta;
use crate::store::StoreInner;
use crate::{
    Engine, Error, Extern, ExternType, Func, Global, Instance, Memory, Module, Result, Store,
    Table, TrapCode,
};
use std::sync::Arc;
use wasmloom_backends::store::{FuncEntity, InstanceData, StoreCore};
use wasmloom_frontend::module::{ConstExpr, ConstOp, DataMode, ElemMode, ExportKind, ImportKind};

/// The store indices an instance's index spaces resolve to.
#[derive(Default)]
struct Resolved {
    funcs: Vec<u32>,
    tables: Vec<u32>,
    memories: Vec<u32>,
    globals: Vec<u32>,
}

pub(crate) fn instantiate<T>(
    store: &mut Store<T>,
    module: &Module,
    imports: &[Extern],
) -> Result<Instance> {
    let m = &*module.inner;
    let info = &*m.info;
    let inner = &mut store.inner;
    if !Engine::same(&m.engine, &inner.engine) {
        return Err(Error::instantiate(
            "the module was compiled by another engine than the store's",
        ));
    }
    let mut r = resolve_imports(inner, module, imports)?;

    for ty in &m.tables {
        r.tables.push(inner.push_table(ty, 0)?);
    }
    for ty in &m.memories {
        r.memories.push(inner.push_memory(ty)?);
    }
    // Defined functions get the next store indices; their entities follow once the instance
    // data they point to exists.
    let first_func = inner.core.funcs.len() as u32;
    r.funcs
        .extend((0..info.code.len() as u32).map(|i| first_func + i));
    for (def, ty) in info.globals.iter().zip(&m.globals) {
        let value = eval_const(&def.init, &inner.core, &r)?;
        r.globals.push(inner.push_global(*ty, value));
    }
    let elems = info.elems.iter().map(|seg| {
        seg.items
            .iter()
            .map(|item| eval_const(item, &inner.core, &r))
            .collect()
    });
    let elems = elems.collect::<Result<Vec<Box<[u64]>>>>()?;

    let core = &mut inner.core;
    let data = InstanceData {
        funcs: r.funcs.clone(),
        tables: r
            .tables
            .iter()
            .map(|&t| &mut *core.tables[t as usize] as *mut _)
            .collect(),
        memories: r
            .memories
            .iter()
            .map(|&m| &mut *core.memories[m as usize] as *mut _)
            .collect(),
        globals: r
            .globals
            .iter()
            .map(|&g| &mut *core.globals[g as usize] as *mut _)
            .collect(),
        types: m.type_ids.clone(),
        elems,
        datas: info.datas.iter().map(|d| d.bytes.clone()).collect(),
        code_owner: Some(m.info.clone() as Arc<dyn core::any::Any + Send + Sync>),
        code_by_func: info
            .code
            .as_ptr()
            .wrapping_sub(info.num_imported_funcs as usize),
    };
    let inst_index = core.instances.len();
    core.instances.push(Box::new(data));
    let inst: *mut InstanceData = &mut *core.instances[inst_index];

    for (i, code) in info.code.iter().enumerate() {
        let ty_index = info
            .funcs
            .get(info.num_imported_funcs as usize + i)
            .copied();
        let ty = ty_index.and_then(|t| m.type_ids.get(t as usize)).copied();
        let ty =
            ty.ok_or_else(|| Error::instantiate(format!("defined function {i} has no type")))?;
        core.funcs.push(FuncEntity::Wasm { ty, inst, code });
    }
    let exports = exports(inner, module, &r)?;
    inner.instances.push(InstanceMeta::new(exports));
    let instance = Instance {
        store: inner.id,
        index: inst_index as u32,
    };

    init_elems(inner, module, &r, inst_index)?;
    init_datas(inner, module, &r, inst_index)?;
    if let Some(start) = info.start {
        let func = *r
            .funcs
            .get(start as usize)
            .ok_or_else(|| Error::instantiate("no start function"))?;
        call_raw(store, func, &mut [])?;
    }
    Ok(instance)
}

/// Checks each import against what the module expects, and collects their store indices.
fn resolve_imports(inner: &StoreInner, module: &Module, imports: &[Extern]) -> Result<Resolved> {
    let m = &*module.inner;
    let info = &*m.info;
    if imports.len() != info.imports.len() {
        return Err(Error::link(format!(
            "the module has {} imports but {} were given",
            info.imports.len(),
            imports.len()
        )));
    }
    let mut r = Resolved::default();
    for ((import, ext), required) in info.imports.iter().zip(imports).zip(&m.import_types) {
        inner.check(ext.store(), "import")?;
        let fits = match (&import.kind, required, ext) {
            (ImportKind::Func(ty), _, Extern::Func(f)) => {
                r.funcs.push(f.index);
                let expected = m.type_ids.get(*ty as usize).copied();
                Some(inner.core.funcs[f.index as usize].ty()) == expected
            }
            (_, ExternType::Table(req), Extern::Table(t)) => {
                r.tables.push(t.index);
                inner.table_type(t.index).matches(req)
            }
            (_, ExternType::Memory(req), Extern::Memory(mem)) => {
                r.memories.push(mem.index);
                inner.memory_type(mem.index).matches(req)
            }
            (_, ExternType::Global(req), Extern::Global(g)) => {
                r.globals.push(g.index);
                inner.global_types[g.index as usize] == *req
            }
            _ => false,
        };
        if !fits {
            return Err(Error::link(format!(
                "incompatible import type for `{}`.`{}` (expected a {})",
                import.module,
                import.name,
                required.kind_name()
            )));
        }
    }
    Ok(r)
}

/// The instance's exports as externs of the store.
fn exports(inner: &StoreInner, module: &Module, r: &Resolved) -> Result<Vec<(String, Extern)>> {
    let store = inner.id;
    let info = &*module.inner.info;
    let mut out = Vec::with_capacity(info.exports.len());
    for export in &info.exports {
        let missing =
            || Error::instantiate(format!("export `{}` refers to a missing item", export.name));
        let get = |list: &[u32], i: u32| list.get(i as usize).copied().ok_or_else(missing);
        let ext = match export.kind {
            ExportKind::Func(i) => Extern::Func(Func {
                store,
                index: get(&r.funcs, i)?,
            }),
            ExportKind::Table(i) => Extern::Table(Table {
                store,
                index: get(&r.tables, i)?,
            }),
            ExportKind::Memory(i) => Extern::Memory(Memory {
                store,
                index: get(&r.memories, i)?,
            }),
            ExportKind::Global(i) => Extern::Global(Global {
                store,
                index: get(&r.globals, i)?,
            }),
        };
        out.push((export.name.clone(), ext));
    }
    Ok(out)
}

/// Copies each active element segment into its table (as `table.init` then `elem.drop`), and
/// drops the declared ones.
fn init_elems(inner: &mut StoreInner, module: &Module, r: &Resolved, inst: usize) -> Result<()> {
    for (i, seg) in module.inner.info.elems.iter().enumerate() {
        match &seg.mode {
            ElemMode::Passive => continue,
            ElemMode::Declared => {}
            ElemMode::Active { table, offset } => {
                let offset = eval_const(offset, &inner.core, r)? as u32 as usize;
                let table = *r
                    .tables
                    .get(*table as usize)
                    .ok_or_else(|| Error::instantiate("no such table"))?;
                let core = &mut inner.core;
                let items = &core.instances[inst].elems[i];
                let elems = &mut core.tables[table as usize].elems;
                match offset.checked_add(items.len()) {
                    Some(end) if end <= elems.len() => elems[offset..end].copy_from_slice(items),
                    _ => return Err(Error::trap(TrapCode::TableOutOfBounds)),
                }
            }
        }
        inner.core.instances[inst].elems[i] = Box::new([]);
    }
    Ok(())
}

/// Copies each active data segment into its memory (as `memory.init` then `data.drop`).
fn init_datas(inner: &mut StoreInner, module: &Module, r: &Resolved, inst: usize) -> Result<()> {
    for (i, seg) in module.inner.info.datas.iter().enumerate() {
        let DataMode::Active { memory, offset } = &seg.mode else {
            continue;
        };
        let offset = eval_const(offset, &inner.core, r)? as u32 as usize;
        let memory = *r
            .memories
            .get(*memory as usize)
            .ok_or_else(|| Error::instantiate("no such memory"))?;
        let bytes = &seg.bytes;
        let data = inner.core.memories[memory as usize].data_mut();
        match offset.checked_add(bytes.len()) {
            Some(end) if end <= data.len() => data[offset..end].copy_from_slice(bytes),
            _ => return Err(Error::trap(TrapCode::MemoryOutOfBounds)),
        }
        inner.core.instances[inst].datas[i] = Arc::from(&[][..]);
    }
    Ok(())
}

/// Evaluates a constant expression to slot bits. `global.get` reads the globals resolved so
/// far (imported ones and earlier definitions); `ref.func` uses the resolved function indices.
fn eval_const(expr: &ConstExpr, core: &StoreCore, r: &Resolved) -> Result<u64> {
    let malformed = || Error::instantiate("malformed constant expression");
    let mut stack: Vec<u64> = Vec::with_capacity(4);
    for op in &expr.0 {
        let value = match *op {
            ConstOp::I32(v) => u64::from(v as u32),
            ConstOp::I64(v) => v as u64,
            ConstOp::F32(bits) => u64::from(bits),
            ConstOp::F64(bits) => bits,
            ConstOp::RefNull => 0,
            ConstOp::RefFunc(f) => u64::from(*r.funcs.get(f as usize).ok_or_else(malformed)?) + 1,
            ConstOp::GlobalGet(g) => {
                let g = *r.globals.get(g as usize).ok_or_else(malformed)?;
                core.globals[g as usize].value
            }
            ConstOp::I32Add | ConstOp::I32Sub | ConstOp::I32Mul => {
                let (b, a) = (
                    stack.pop().ok_or_else(malformed)? as u32,
                    stack.pop().ok_or_else(malformed)? as u32,
                );
                u64::from(match *op {
                    ConstOp::I32Add => a.wrapping_add(b),
                    ConstOp::I32Sub => a.wrapping_sub(b),
                    _ => a.wrapping_mul(b),
                })
            }
            ConstOp::I64Add | ConstOp::I64Sub | ConstOp::I64Mul => {
                let (b, a) = (
                    stack.pop().ok_or_else(malformed)?,
                    stack.pop().ok_or_else(malformed)?,
                );
                match *op {
                    ConstOp::I64Add => a.wrapping_add(b),
                    ConstOp::I64Sub => a.wrapping_sub(b),
                    _ => a.wrapping_mul(b),
                }
            }
        };
        stack.push(value);
    }
    match stack[..] {
        [value] => Ok(value),
        _ => Err(malformed()),
    }
}
