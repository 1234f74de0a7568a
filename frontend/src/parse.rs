//! Module-level parsing: walks the sections once, validating as it goes, fills a
//! [`ModuleInfo`], and hands each function body to the translator.

use crate::isa::encoding::Encoding;
use crate::module::*;
use crate::translate::{Buffers, CompileError, CompileErrorKind, FuncTranslator};
use std::sync::Arc;
use wasmparser::{
    ElementItems, ElementKind, ExternalKind, Operator, Parser, Payload, TypeRef, ValidPayload,
    Validator, WasmFeatures,
};

pub(crate) fn invalid(e: wasmparser::BinaryReaderError) -> CompileError {
    CompileError {
        message: e.to_string(),
        kind: CompileErrorKind::Invalid,
    }
}

pub(crate) fn unsupported(what: impl Into<String>) -> CompileError {
    CompileError {
        message: what.into(),
        kind: CompileErrorKind::Unsupported,
    }
}

/// Parses, validates and translates `bytes` with the given features, encoding op headers for
/// the chosen backend.
pub fn compile(
    bytes: &[u8],
    features: WasmFeatures,
    encoding: &dyn Encoding,
) -> Result<ModuleInfo, CompileError> {
    compile_reusing(bytes, features, encoding, &mut Buffers::default())
}

/// [`compile`], in the buffers a compile before left in `buffers`; leaves its own there (after
/// an error, empty ones).
pub fn compile_reusing(
    bytes: &[u8],
    features: WasmFeatures,
    encoding: &dyn Encoding,
    buffers: &mut Buffers,
) -> Result<ModuleInfo, CompileError> {
    let mut validator = Validator::new_with_features(features);
    let mut info = ModuleInfo::default();
    let mut kept = core::mem::take(buffers);
    let mut allocs = core::mem::take(&mut kept.validator);
    let mut translator = FuncTranslator::new(encoding, &features, kept);
    let mut parser = Parser::new(0);
    parser.set_features(features);
    for payload in parser.parse_all(bytes) {
        let payload = payload.map_err(invalid)?;
        if let ValidPayload::Func(func, body) = validator.payload(&payload).map_err(invalid)? {
            let mut fv = func.into_validator(core::mem::take(&mut allocs));
            let index = info.num_imported_funcs as usize + info.code.len();
            let compiled = translator.translate(&info, index, &mut fv, &body)?;
            allocs = fv.into_allocations();
            info.code.push(compiled);
            continue;
        }
        read_section(&mut info, payload)?;
    }
    *buffers = translator.into_buffers(allocs);
    info.shrink_to_fit();
    Ok(info)
}

fn read_section(info: &mut ModuleInfo, payload: Payload<'_>) -> Result<(), CompileError> {
    match payload {
        Payload::TypeSection(reader) => {
            info.types.reserve_exact(room(&reader));
            for group in reader {
                for sub in group.map_err(invalid)?.into_types() {
                    match sub.composite_type.inner {
                        wasmparser::CompositeInnerType::Func(ft) => info.types.push(ft),
                        _ => return Err(unsupported("GC types are not supported yet")),
                    }
                }
            }
        }
        Payload::ImportSection(reader) => {
            info.imports.reserve_exact(room(&reader));
            for import in reader.into_imports() {
                let import = import.map_err(invalid)?;
                let kind = match import.ty {
                    TypeRef::Func(t) | TypeRef::FuncExact(t) => {
                        info.funcs.push(t);
                        info.num_imported_funcs += 1;
                        ImportKind::Func(t)
                    }
                    TypeRef::Table(t) => ImportKind::Table(t),
                    TypeRef::Memory(m) => ImportKind::Memory(m),
                    TypeRef::Global(g) => ImportKind::Global(g),
                    TypeRef::Tag(_) => {
                        return Err(unsupported("exception tags are not supported yet"));
                    }
                };
                info.imports.push(Import {
                    module: import.module.into(),
                    name: import.name.into(),
                    kind,
                });
            }
        }
        Payload::FunctionSection(reader) => {
            // One compiled body per entry follows: room for them all at once.
            let count = room(&reader);
            info.funcs.reserve_exact(count);
            info.code.reserve_exact(count);
            for ty in reader {
                info.funcs.push(ty.map_err(invalid)?);
            }
        }
        Payload::TableSection(reader) => {
            info.tables.reserve_exact(room(&reader));
            for table in reader {
                let table = table.map_err(invalid)?;
                if !matches!(table.init, wasmparser::TableInit::RefNull) {
                    return Err(unsupported("table initialisers are not supported yet"));
                }
                info.tables.push(table.ty);
            }
        }
        Payload::MemorySection(reader) => {
            info.memories.reserve_exact(room(&reader));
            for memory in reader {
                info.memories.push(memory.map_err(invalid)?);
            }
        }
        Payload::GlobalSection(reader) => {
            info.globals.reserve_exact(room(&reader));
            for global in reader {
                let global = global.map_err(invalid)?;
                let init = const_expr(&global.init_expr)?;
                info.globals.push(GlobalDef {
                    ty: global.ty,
                    init,
                });
            }
        }
        Payload::ExportSection(reader) => {
            info.exports.reserve_exact(room(&reader));
            for export in reader {
                let export = export.map_err(invalid)?;
                let kind = match export.kind {
                    ExternalKind::Func | ExternalKind::FuncExact => ExportKind::Func(export.index),
                    ExternalKind::Table => ExportKind::Table(export.index),
                    ExternalKind::Memory => ExportKind::Memory(export.index),
                    ExternalKind::Global => ExportKind::Global(export.index),
                    ExternalKind::Tag => {
                        return Err(unsupported("exception tags are not supported yet"));
                    }
                };
                info.exports.push(Export {
                    name: export.name.into(),
                    kind,
                });
            }
        }
        Payload::StartSection { func, .. } => info.start = Some(func),
        Payload::ElementSection(reader) => {
            info.elems.reserve_exact(room(&reader));
            for elem in reader {
                info.elems.push(elem_segment(elem.map_err(invalid)?)?);
            }
        }
        Payload::DataSection(reader) => {
            info.datas.reserve_exact(room(&reader));
            for data in reader {
                let data = data.map_err(invalid)?;
                let mode = match data.kind {
                    wasmparser::DataKind::Passive => DataMode::Passive,
                    wasmparser::DataKind::Active {
                        memory_index,
                        offset_expr,
                    } => DataMode::Active {
                        memory: memory_index,
                        offset: const_expr(&offset_expr)?,
                    },
                };
                info.datas.push(DataSegment {
                    mode,
                    bytes: Arc::from(data.data),
                });
            }
        }
        Payload::TagSection(_) => return Err(unsupported("exception tags are not supported yet")),
        _ => {}
    }
    Ok(())
}

/// How many entries to make room for: the count the section declares, but no more than its
/// byte length, as every entry takes a byte at least (a forged count must not reserve gigabytes).
fn room<T>(reader: &wasmparser::SectionLimited<'_, T>) -> usize {
    let bytes = reader.range();
    let len = usize::try_from(bytes.end.saturating_sub(bytes.start)).unwrap_or(usize::MAX);
    (reader.count() as usize).min(len)
}

fn elem_segment(elem: wasmparser::Element<'_>) -> Result<ElemSegment, CompileError> {
    let mode = match elem.kind {
        ElementKind::Passive => ElemMode::Passive,
        ElementKind::Declared => ElemMode::Declared,
        ElementKind::Active {
            table_index,
            offset_expr,
        } => ElemMode::Active {
            table: table_index.unwrap_or(0),
            offset: const_expr(&offset_expr)?,
        },
    };
    let (ty, items) = match elem.items {
        ElementItems::Functions(funcs) => {
            let items = funcs
                .into_iter()
                .map(|f| f.map(|f| ConstExpr(vec![ConstOp::RefFunc(f)])))
                .collect::<Result<_, _>>()
                .map_err(invalid)?;
            (RefType::FUNCREF, items)
        }
        ElementItems::Expressions(ty, exprs) => {
            let mut items = Vec::new();
            for e in exprs {
                items.push(const_expr(&e.map_err(invalid)?)?);
            }
            (ty, items)
        }
    };
    Ok(ElemSegment { mode, ty, items })
}

/// Reads a constant expression (already validated) into our little stack program.
fn const_expr(expr: &wasmparser::ConstExpr<'_>) -> Result<ConstExpr, CompileError> {
    // Most are one constant or `global.get`, then `end`.
    let mut ops = Vec::with_capacity(1);
    let mut reader = expr.get_operators_reader();
    while !reader.eof() {
        let op = match reader.read().map_err(invalid)? {
            Operator::I32Const { value } => ConstOp::I32(value),
            Operator::I64Const { value } => ConstOp::I64(value),
            Operator::F32Const { value } => ConstOp::F32(value.bits()),
            Operator::F64Const { value } => ConstOp::F64(value.bits()),
            Operator::RefNull { .. } => ConstOp::RefNull,
            Operator::RefFunc { function_index } => ConstOp::RefFunc(function_index),
            Operator::GlobalGet { global_index } => ConstOp::GlobalGet(global_index),
            Operator::I32Add => ConstOp::I32Add,
            Operator::I32Sub => ConstOp::I32Sub,
            Operator::I32Mul => ConstOp::I32Mul,
            Operator::I64Add => ConstOp::I64Add,
            Operator::I64Sub => ConstOp::I64Sub,
            Operator::I64Mul => ConstOp::I64Mul,
            Operator::End => break,
            other => {
                return Err(unsupported(format!(
                    "constant expression operator {other:?}"
                )));
            }
        };
        ops.push(op);
    }
    Ok(ConstExpr(ops))
}
