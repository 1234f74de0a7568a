//! The `spectest` host module that the spec testsuite imports from.

use wasmloom::{
    Error, Global, GlobalType, Linker, Memory, MemoryType, Mutability, Ref, Store, Table,
    TableType, Val, ValType,
};

/// Defines `spectest`'s exports in `linker`, with its memory, table and globals in `store`:
/// `print*` (which print nothing: scripts are checked, not watched), `global_{i32,i64}` = 666,
/// `global_{f32,f64}` = 666.6, `table` (10..20 funcref) and `memory` (1..2 pages).
pub fn define<T: 'static>(linker: &mut Linker<T>, store: &mut Store<T>) -> Result<(), Error> {
    const M: &str = "spectest";
    linker.func_wrap(M, "print", || {})?;
    linker.func_wrap(M, "print_i32", |_: i32| {})?;
    linker.func_wrap(M, "print_i64", |_: i64| {})?;
    linker.func_wrap(M, "print_f32", |_: f32| {})?;
    linker.func_wrap(M, "print_f64", |_: f64| {})?;
    linker.func_wrap(M, "print_i32_f32", |_: i32, _: f32| {})?;
    linker.func_wrap(M, "print_f64_f64", |_: f64, _: f64| {})?;

    let globals = [
        ("global_i32", ValType::I32, Val::I32(666)),
        ("global_i64", ValType::I64, Val::I64(666)),
        ("global_f32", ValType::F32, Val::from(666.6f32)),
        ("global_f64", ValType::F64, Val::from(666.6f64)),
    ];
    for (name, ty, value) in globals {
        let global = Global::new(&mut *store, GlobalType::new(ty, Mutability::Const), value)?;
        linker.define(M, name, global)?;
    }

    let table = Table::new(
        &mut *store,
        TableType::new(ValType::FuncRef, 10, Some(20)),
        Ref::Func(None),
    )?;
    linker.define(M, "table", table)?;
    let memory = Memory::new(&mut *store, MemoryType::new(1, Some(2)))?;
    linker.define(M, "memory", memory)?;
    Ok(())
}
