//! The embedder API, end to end: modules in WAT, host functions, handles, errors.

use wasmloom::{
    Caller, Config, Dispatch, Engine, Error, ErrorKind, Extern, ExternRef, ExternType, Func,
    FuncType, Global, GlobalType, Instance, Linker, Memory, MemoryType, Module, Mutability, Ref,
    Store, Table, TableType, TrapCode, Val, ValType,
};

type R = Result<(), Error>;

fn setup<T>(data: T, wat: &str) -> Result<(Store<T>, Module), Error> {
    let engine = Engine::default();
    let module = Module::new(&engine, wat)?;
    Ok((Store::new(&engine, data), module))
}

fn instance<T>(store: &mut Store<T>, module: &Module) -> Result<Instance, Error> {
    Instance::new(store, module, &[])
}

#[test]
fn add_and_typed_func() -> R {
    let (mut store, module) = setup(
        (),
        r#"(module (func (export "add") (param i32 i32) (result i32)
              local.get 0 local.get 1 i32.add))"#,
    )?;
    let inst = instance(&mut store, &module)?;
    let add = inst.get_typed_func::<(i32, i32), i32>(&store, "add")?;
    assert_eq!(add.call(&mut store, (2, 40))?, 42);
    assert_eq!(add.call(&mut store, (i32::MAX, 1))?, i32::MIN);

    let f = inst.get_func(&store, "add").unwrap();
    assert_eq!(
        f.ty(&store),
        FuncType::new([ValType::I32, ValType::I32], [ValType::I32])
    );
    let mut out = [Val::I32(0)];
    f.call(&mut store, &[Val::I32(5), Val::I32(6)], &mut out)?;
    assert_eq!(out[0], Val::I32(11));
    Ok(())
}

#[test]
fn all_value_types_round_trip() -> R {
    let (mut store, module) = setup(
        (),
        r#"(module (func (export "id") (param i32 i64 f32 f64) (result f64 f32 i64 i32)
              local.get 3 local.get 2 local.get 1 local.get 0))"#,
    )?;
    let inst = instance(&mut store, &module)?;
    let id = inst.get_typed_func::<(i32, i64, f32, f64), (f64, f32, i64, i32)>(&store, "id")?;
    assert_eq!(
        id.call(&mut store, (-1, -2, 1.5, -2.25))?,
        (-2.25, 1.5, -2, -1)
    );
    Ok(())
}

#[test]
fn wrong_arguments_are_type_errors() -> R {
    let (mut store, module) = setup(
        (),
        r#"(module (func (export "f") (param i32) (result i32) local.get 0))"#,
    )?;
    let inst = instance(&mut store, &module)?;
    let f = inst.get_func(&store, "f").unwrap();
    let mut out = [Val::I32(0)];

    let err = f.call(&mut store, &[], &mut out).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Type(_)), "{err}");
    let err = f
        .call(&mut store, &[Val::I32(1), Val::I32(2)], &mut out)
        .unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Type(_)), "{err}");
    let err = f.call(&mut store, &[Val::I64(1)], &mut out).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Type(_)), "{err}");
    let err = f.call(&mut store, &[Val::I32(1)], &mut []).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Type(_)), "{err}");

    let err = inst.get_typed_func::<i64, i32>(&store, "f").unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Type(_)), "{err}");
    let err = inst.get_typed_func::<i32, ()>(&store, "f").unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Type(_)), "{err}");
    assert!(inst.get_typed_func::<i32, i32>(&store, "missing").is_err());
    Ok(())
}

#[test]
fn traps_carry_their_code() -> R {
    let (mut store, module) = setup(
        (),
        r#"(module
             (func (export "div") (param i32 i32) (result i32) local.get 0 local.get 1 i32.div_s)
             (func (export "unreachable") unreachable)
             (func $rec (export "recurse") call $rec))"#,
    )?;
    let inst = instance(&mut store, &module)?;
    let div = inst.get_typed_func::<(i32, i32), i32>(&store, "div")?;
    let err = div.call(&mut store, (1, 0)).unwrap_err();
    assert_eq!(err.as_trap_code(), Some(TrapCode::IntegerDivisionByZero));
    assert_eq!(err.to_string(), "integer divide by zero");
    let err = div.call(&mut store, (i32::MIN, -1)).unwrap_err();
    assert_eq!(err.as_trap_code(), Some(TrapCode::IntegerOverflow));

    let unreachable = inst.get_typed_func::<(), ()>(&store, "unreachable")?;
    assert_eq!(
        unreachable.call(&mut store, ()).unwrap_err().as_trap_code(),
        Some(TrapCode::Unreachable)
    );
    let recurse = inst.get_typed_func::<(), ()>(&store, "recurse")?;
    assert_eq!(
        recurse.call(&mut store, ()).unwrap_err().as_trap_code(),
        Some(TrapCode::StackOverflow)
    );
    // The store stays usable after traps.
    assert_eq!(div.call(&mut store, (7, 2))?, 3);
    Ok(())
}

#[derive(Default)]
struct Host {
    calls: u32,
    log: Vec<String>,
}

#[test]
fn host_functions_see_memory_and_user_data() -> R {
    let engine = Engine::default();
    let module = Module::new(
        &engine,
        r#"(module
             (import "env" "log" (func $log (param i32 i32)))
             (import "env" "bump" (func $bump (param i64) (result i64)))
             (memory (export "memory") 1)
             (data (i32.const 16) "hello")
             (func (export "run") (result i64)
               (call $log (i32.const 16) (i32.const 5))
               (call $bump (i64.const 41))))"#,
    )?;
    let mut store = Store::new(&engine, Host::default());
    let mut linker = Linker::new(&engine);
    linker.func_wrap(
        "env",
        "log",
        |mut caller: Caller<'_, Host>, ptr: i32, len: i32| -> Result<(), Error> {
            let memory = caller
                .get_export("memory")
                .and_then(Extern::into_memory)
                .ok_or_else(|| Error::msg("no memory"))?;
            let mut buf = vec![0; len as usize];
            memory.read(&caller, ptr as usize, &mut buf)?;
            let text = String::from_utf8(buf).map_err(|e| Error::msg(e.to_string()))?;
            caller.data_mut().log.push(text);
            caller.data_mut().calls += 1;
            Ok(())
        },
    )?;
    linker.func_wrap("env", "bump", |mut caller: Caller<'_, Host>, x: i64| {
        caller.data_mut().calls += 1;
        x + 1
    })?;
    let inst = linker.instantiate(&mut store, &module)?;
    let run = inst.get_typed_func::<(), i64>(&store, "run")?;
    assert_eq!(run.call(&mut store, ())?, 42);
    assert_eq!(store.data().calls, 2);
    assert_eq!(store.data().log, ["hello"]);
    Ok(())
}

#[test]
fn host_errors_propagate_and_exit_codes() -> R {
    let engine = Engine::default();
    let module = Module::new(
        &engine,
        r#"(module
             (import "env" "fail" (func $fail (param i32)))
             (func (export "run") (param i32) (call $fail (local.get 0))))"#,
    )?;
    let mut store = Store::new(&engine, ());
    let mut linker = Linker::new(&engine);
    linker.func_wrap("env", "fail", |code: i32| -> Result<(), Error> {
        match code {
            0 => Ok(()),
            1 => Err(Error::msg("boom")),
            2 => Err(TrapCode::Unreachable.into()),
            n => Err(Error::i32_exit(n)),
        }
    })?;
    let inst = linker.instantiate(&mut store, &module)?;
    let run = inst.get_typed_func::<i32, ()>(&store, "run")?;
    run.call(&mut store, 0)?;
    let err = run.call(&mut store, 1).unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::Host("boom".into()));
    assert_eq!(
        run.call(&mut store, 2).unwrap_err().as_trap_code(),
        Some(TrapCode::Unreachable)
    );
    assert_eq!(
        run.call(&mut store, 7).unwrap_err().i32_exit_status(),
        Some(7)
    );
    Ok(())
}

#[test]
fn func_new_and_reentrant_host_calls() -> R {
    let engine = Engine::default();
    let module = Module::new(
        &engine,
        r#"(module
             (import "env" "twice" (func $twice (param i32) (result i32)))
             (func (export "inc") (param i32) (result i32) local.get 0 i32.const 1 i32.add)
             (func (export "run") (param i32) (result i32) (call $twice (local.get 0))))"#,
    )?;
    let mut store = Store::new(&engine, ());
    let mut linker = Linker::new(&engine);
    let ty = FuncType::new([ValType::I32], [ValType::I32]);
    linker.func_new(
        "env",
        "twice",
        ty,
        |mut caller: Caller<'_, ()>, args: &[Val], results: &mut [Val]| {
            // Calls back into the instance twice: re-entrancy.
            let inc = caller
                .get_export("inc")
                .and_then(Extern::into_func)
                .ok_or_else(|| Error::msg("no inc"))?;
            let inc = inc.typed::<i32, i32>(&caller)?;
            let x = args[0].i32().unwrap_or(0);
            let once = inc.call(&mut caller, x)?;
            results[0] = Val::I32(inc.call(&mut caller, once)?);
            Ok(())
        },
    )?;
    let inst = linker.instantiate(&mut store, &module)?;
    let run = inst.get_typed_func::<i32, i32>(&store, "run")?;
    assert_eq!(run.call(&mut store, 40)?, 42);

    // A host function called directly from the embedder.
    let direct = Func::wrap(&mut store, |a: i32, b: i32| (b, a));
    let mut out = [Val::I32(0), Val::I32(0)];
    direct.call(&mut store, &[Val::I32(1), Val::I32(2)], &mut out)?;
    assert_eq!(out, [Val::I32(2), Val::I32(1)]);
    Ok(())
}

#[test]
fn link_errors() -> R {
    let engine = Engine::default();
    let module = Module::new(&engine, r#"(module (import "env" "f" (func (param i32))))"#)?;
    let mut store = Store::new(&engine, ());
    let mut linker = Linker::new(&engine);
    let err = linker.instantiate(&mut store, &module).unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::Link(m) if m.contains("unknown import")),
        "{err}"
    );
    linker.func_wrap("env", "f", |_: i64| {})?;
    let err = linker.instantiate(&mut store, &module).unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::Link(m) if m.contains("incompatible import type")),
        "{err}"
    );
    // Defining twice is an error unless shadowing is allowed.
    assert!(linker.func_wrap("env", "f", |_: i32| {}).is_err());
    linker
        .allow_shadowing(true)
        .func_wrap("env", "f", |_: i32| {})?;
    linker.instantiate(&mut store, &module)?;

    // Wrong kind, and too few imports.
    let memory = Memory::new(&mut store, MemoryType::new(1, None))?;
    let err = Instance::new(&mut store, &module, &[memory.into()]).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Link(_)), "{err}");
    assert!(Instance::new(&mut store, &module, &[]).is_err());
    Ok(())
}

#[test]
fn memory_read_write_grow() -> R {
    let (mut store, module) = setup(
        (),
        r#"(module
             (memory (export "mem") 1 3)
             (func (export "load") (param i32) (result i32) local.get 0 i32.load)
             (func (export "size") (result i32) memory.size)
             (func (export "grow") (param i32) (result i32) local.get 0 memory.grow))"#,
    )?;
    let inst = instance(&mut store, &module)?;
    let mem = inst.get_memory(&store, "mem").unwrap();
    assert_eq!(mem.size(&store), 1);
    assert_eq!(mem.data_size(&store), 65536);
    assert_eq!(mem.ty(&store), MemoryType::new(1, Some(3)));

    mem.write(&mut store, 100, &0x1234_5678u32.to_le_bytes())?;
    let load = inst.get_typed_func::<i32, i32>(&store, "load")?;
    assert_eq!(load.call(&mut store, 100)?, 0x1234_5678);
    let mut buf = [0u8; 2];
    mem.read(&store, 101, &mut buf)?;
    assert_eq!(buf, [0x56, 0x34]);
    assert_eq!(mem.data(&store)[100], 0x78);
    mem.data_mut(&mut store)[200] = 9;
    assert_eq!(load.call(&mut store, 200)?, 9);

    let err = mem.write(&mut store, 65535, &[1, 2]).unwrap_err();
    assert_eq!(err.as_trap_code(), Some(TrapCode::MemoryOutOfBounds));
    assert!(mem.read(&store, usize::MAX, &mut buf).is_err());

    assert_eq!(mem.grow(&mut store, 1)?, 1);
    let size = inst.get_typed_func::<(), i32>(&store, "size")?;
    assert_eq!(size.call(&mut store, ())?, 2);
    let grow = inst.get_typed_func::<i32, i32>(&store, "grow")?;
    assert_eq!(grow.call(&mut store, 1)?, 2);
    assert_eq!(grow.call(&mut store, 1)?, -1);
    assert!(mem.grow(&mut store, 1).is_err());
    assert_eq!(mem.size(&store), 3);
    // Guest code sees memory grown by the host.
    mem.write(&mut store, 3 * 65536 - 4, &7u32.to_le_bytes())?;
    assert_eq!(load.call(&mut store, 3 * 65536 - 4)?, 7);
    Ok(())
}

#[test]
fn globals_get_set() -> R {
    let (mut store, module) = setup(
        (),
        r#"(module
             (global $g (export "g") (mut i32) (i32.const 10))
             (global (export "c") f64 (f64.const 2.5))
             (func (export "get") (result i32) global.get $g)
             (func (export "set") (param i32) local.get 0 global.set $g))"#,
    )?;
    let inst = instance(&mut store, &module)?;
    let g = inst.get_global(&store, "g").unwrap();
    assert_eq!(g.get(&store), Val::I32(10));
    assert_eq!(g.ty(&store), GlobalType::new(ValType::I32, Mutability::Var));
    g.set(&mut store, Val::I32(20))?;
    let get = inst.get_typed_func::<(), i32>(&store, "get")?;
    assert_eq!(get.call(&mut store, ())?, 20);
    inst.get_typed_func::<i32, ()>(&store, "set")?
        .call(&mut store, 30)?;
    assert_eq!(g.get(&store), Val::I32(30));
    assert!(g.set(&mut store, Val::I64(1)).is_err());

    let c = inst.get_global(&store, "c").unwrap();
    assert_eq!(c.get(&store).f64(), Some(2.5));
    assert!(c.set(&mut store, Val::from(1.0f64)).is_err());

    let host = Global::new(
        &mut store,
        GlobalType::new(ValType::I64, Mutability::Const),
        Val::I64(5),
    )?;
    assert_eq!(host.get(&store), Val::I64(5));
    assert!(
        Global::new(
            &mut store,
            GlobalType::new(ValType::I64, Mutability::Const),
            Val::I32(5)
        )
        .is_err()
    );
    Ok(())
}

#[test]
fn tables_get_set_grow() -> R {
    let (mut store, module) = setup(
        (),
        r#"(module
             (type $t (func (result i32)))
             (table $tab (export "tab") 2 10 funcref)
             (func $one (result i32) i32.const 1)
             (func $two (export "two") (result i32) i32.const 2)
             (elem (i32.const 0) $one)
             (func (export "call") (param i32) (result i32) local.get 0 call_indirect (type $t))
             (func (export "size") (result i32) table.size $tab))"#,
    )?;
    let inst = instance(&mut store, &module)?;
    let tab = inst.get_table(&store, "tab").unwrap();
    assert_eq!(tab.size(&store), 2);
    assert_eq!(
        tab.ty(&store),
        TableType::new(ValType::FuncRef, 2, Some(10))
    );
    let call = inst.get_typed_func::<i32, i32>(&store, "call")?;
    assert_eq!(call.call(&mut store, 0)?, 1);
    assert_eq!(
        call.call(&mut store, 1).unwrap_err().as_trap_code(),
        Some(TrapCode::UninitializedElement)
    );
    assert_eq!(
        call.call(&mut store, 5).unwrap_err().as_trap_code(),
        Some(TrapCode::UndefinedElement)
    );

    assert!(matches!(tab.get(&store, 0), Some(Ref::Func(Some(_)))));
    assert_eq!(tab.get(&store, 1), Some(Ref::Func(None)));
    assert_eq!(tab.get(&store, 2), None);

    let two = inst.get_func(&store, "two").unwrap();
    tab.set(&mut store, 1, Ref::Func(Some(two)))?;
    assert_eq!(call.call(&mut store, 1)?, 2);
    assert!(tab.set(&mut store, 2, Ref::Func(None)).is_err());
    assert!(tab.set(&mut store, 0, Ref::Extern(None)).is_err());

    assert_eq!(tab.grow(&mut store, 3, Ref::Func(Some(two)))?, 2);
    assert_eq!(
        inst.get_typed_func::<(), i32>(&store, "size")?
            .call(&mut store, ())?,
        5
    );
    assert_eq!(call.call(&mut store, 4)?, 2);
    assert!(tab.grow(&mut store, 100, Ref::Func(None)).is_err());

    // A host function in a table: called through call_indirect.
    let host = Func::wrap(&mut store, || 7i32);
    tab.set(&mut store, 0, Ref::Func(Some(host)))?;
    assert_eq!(call.call(&mut store, 0)?, 7);
    // The wrong signature traps.
    let wrong = Func::wrap(&mut store, |x: i32| x);
    tab.set(&mut store, 0, Ref::Func(Some(wrong)))?;
    assert_eq!(
        call.call(&mut store, 0).unwrap_err().as_trap_code(),
        Some(TrapCode::IndirectCallTypeMismatch)
    );

    let ext = Table::new(
        &mut store,
        TableType::new(ValType::ExternRef, 1, None),
        Ref::Extern(None),
    )?;
    let r = ExternRef::new(&mut store, String::from("hi"));
    ext.set(&mut store, 0, Ref::Extern(Some(r)))?;
    let Some(Ref::Extern(Some(back))) = ext.get(&store, 0) else {
        panic!("expected an externref")
    };
    assert_eq!(
        back.data(&store)
            .downcast_ref::<String>()
            .map(String::as_str),
        Some("hi")
    );
    Ok(())
}

#[test]
fn externrefs_through_wasm() -> R {
    let (mut store, module) = setup(
        (),
        r#"(module (func (export "id") (param externref) (result externref) local.get 0)
                   (func (export "is_null") (param externref) (result i32) local.get 0 ref.is_null))"#,
    )?;
    let inst = instance(&mut store, &module)?;
    let id = inst.get_typed_func::<Option<ExternRef>, Option<ExternRef>>(&store, "id")?;
    let r = ExternRef::new(&mut store, 99u64);
    let back = id.call(&mut store, Some(r))?.expect("non-null");
    assert_eq!(back.data(&store).downcast_ref::<u64>(), Some(&99));
    assert_eq!(id.call(&mut store, None)?, None);
    let is_null = inst.get_typed_func::<Option<ExternRef>, i32>(&store, "is_null")?;
    assert_eq!(is_null.call(&mut store, None)?, 1);
    assert_eq!(is_null.call(&mut store, Some(r))?, 0);
    Ok(())
}

#[test]
fn cross_instance_imports() -> R {
    let engine = Engine::default();
    let provider = Module::new(
        &engine,
        r#"(module
             (memory (export "memory") 1)
             (global (export "base") i32 (i32.const 8))
             (func (export "store") (param i32 i32) local.get 0 local.get 1 i32.store)
             (func (export "double") (param i32) (result i32) local.get 0 i32.const 2 i32.mul))"#,
    )?;
    let user = Module::new(
        &engine,
        r#"(module
             (import "p" "memory" (memory 1))
             (import "p" "store" (func $store (param i32 i32)))
             (import "p" "double" (func $double (param i32) (result i32)))
             (import "p" "base" (global $base i32))
             (func (export "run") (param i32) (result i32)
               (call $store (global.get $base) (call $double (local.get 0)))
               (i32.load (global.get $base))))"#,
    )?;
    let mut store = Store::new(&engine, ());
    let mut linker = Linker::new(&engine);
    let p = linker.instantiate(&mut store, &provider)?;
    linker.instance(&mut store, "p", p)?;
    let u = linker.instantiate(&mut store, &user)?;
    let run = u.get_typed_func::<i32, i32>(&store, "run")?;
    assert_eq!(run.call(&mut store, 21)?, 42);
    // The value landed in the provider's memory.
    let mem = p.get_memory(&store, "memory").unwrap();
    let mut buf = [0u8; 4];
    mem.read(&store, 8, &mut buf)?;
    assert_eq!(i32::from_le_bytes(buf), 42);

    // The same through Instance::new with explicit imports.
    let imports: Vec<Extern> = user
        .imports()
        .map(|i| p.get_export(&store, i.name()).expect("provider export"))
        .collect();
    let u2 = Instance::new(&mut store, &user, &imports)?;
    assert_eq!(
        u2.get_typed_func::<i32, i32>(&store, "run")?
            .call(&mut store, 5)?,
        10
    );

    // Module introspection.
    let kinds: Vec<_> = user
        .imports()
        .map(|i| (i.module(), i.name(), i.ty()))
        .collect();
    assert_eq!(
        kinds[0],
        ("p", "memory", ExternType::Memory(MemoryType::new(1, None)))
    );
    let exports: Vec<_> = provider.exports().map(|e| e.name().to_string()).collect();
    assert_eq!(exports, ["memory", "base", "store", "double"]);
    assert_eq!(p.exports(&store).len(), 4);
    Ok(())
}

#[test]
fn memory_import_limits() -> R {
    let engine = Engine::default();
    let module = Module::new(&engine, r#"(module (import "m" "mem" (memory 2 4)))"#)?;
    let mut store = Store::new(&engine, ());
    let small = Memory::new(&mut store, MemoryType::new(1, Some(4)))?;
    let unbounded = Memory::new(&mut store, MemoryType::new(2, None))?;
    let fits = Memory::new(&mut store, MemoryType::new(3, Some(4)))?;
    assert!(Instance::new(&mut store, &module, &[small.into()]).is_err());
    assert!(Instance::new(&mut store, &module, &[unbounded.into()]).is_err());
    Instance::new(&mut store, &module, &[fits.into()])?;
    // Growing makes the small one fit: the current size counts.
    small.grow(&mut store, 1)?;
    Instance::new(&mut store, &module, &[small.into()])?;
    Ok(())
}

#[test]
fn start_function_runs_at_instantiation() -> R {
    let (mut store, module) = setup(
        (),
        r#"(module
             (global $g (export "g") (mut i32) (i32.const 1))
             (func $start global.get $g i32.const 41 i32.add global.set $g)
             (start $start))"#,
    )?;
    let inst = instance(&mut store, &module)?;
    assert_eq!(
        inst.get_global(&store, "g").unwrap().get(&store),
        Val::I32(42)
    );

    let (mut store, module) = setup((), r#"(module (func $s unreachable) (start $s))"#)?;
    let err = instance(&mut store, &module).unwrap_err();
    assert_eq!(err.as_trap_code(), Some(TrapCode::Unreachable));
    Ok(())
}

#[test]
fn segment_traps_keep_earlier_writes() -> R {
    let engine = Engine::default();
    let mut store = Store::new(&engine, ());
    let memory = Memory::new(&mut store, MemoryType::new(1, None))?;
    let module = Module::new(
        &engine,
        r#"(module
             (import "m" "mem" (memory 1))
             (data (i32.const 0) "ok")
             (data (i32.const 65535) "too long"))"#,
    )?;
    let err = Instance::new(&mut store, &module, &[memory.into()]).unwrap_err();
    assert_eq!(err.as_trap_code(), Some(TrapCode::MemoryOutOfBounds));
    assert_eq!(&memory.data(&store)[..2], b"ok");

    let table = Table::new(
        &mut store,
        TableType::new(ValType::FuncRef, 1, None),
        Ref::Func(None),
    )?;
    let module = Module::new(
        &engine,
        r#"(module (import "m" "tab" (table 1 funcref)) (func $f) (elem (i32.const 1) $f))"#,
    )?;
    let err = Instance::new(&mut store, &module, &[table.into()]).unwrap_err();
    assert_eq!(err.as_trap_code(), Some(TrapCode::TableOutOfBounds));
    Ok(())
}

#[test]
fn global_initialisers() -> R {
    let engine = Engine::default();
    let module = Module::new(
        &engine,
        r#"(module
             (import "m" "base" (global $base i32))
             (global $a (export "a") i32 (global.get $base))
             (global (export "b") i32 (global.get $base))
             (global (export "c") i64 (i64.const 42))
             (global (export "f") funcref (ref.func $f))
             (func $f (export "f_fn") (result i32) i32.const 3))"#,
    )?;
    let mut store = Store::new(&engine, ());
    let base = Global::new(
        &mut store,
        GlobalType::new(ValType::I32, Mutability::Const),
        Val::I32(5),
    )?;
    let inst = Instance::new(&mut store, &module, &[base.into()])?;
    let get = |store: &Store<()>, name: &str| inst.get_global(store, name).unwrap().get(store);
    assert_eq!(get(&store, "a"), Val::I32(5));
    assert_eq!(get(&store, "b"), Val::I32(5));
    assert_eq!(get(&store, "c"), Val::I64(42));
    let Val::FuncRef(Some(f)) = get(&store, "f") else {
        panic!("expected a funcref")
    };
    assert_eq!(f, inst.get_func(&store, "f_fn").unwrap());
    assert_eq!(f.typed::<(), i32>(&store)?.call(&mut store, ())?, 3);
    Ok(())
}

#[test]
fn handles_from_another_store_are_errors() -> R {
    let engine = Engine::default();
    let module = Module::new(
        &engine,
        r#"(module (func (export "f")) (memory (export "m") 1))"#,
    )?;
    let mut a = Store::new(&engine, ());
    let mut b = Store::new(&engine, ());
    let inst = Instance::new(&mut a, &module, &[])?;
    let f = inst.get_func(&a, "f").unwrap();
    let m = inst.get_memory(&a, "m").unwrap();
    assert!(f.call(&mut b, &[], &mut []).is_err());
    assert!(m.write(&mut b, 0, &[1]).is_err());
    assert!(inst.get_export(&b, "f").is_none());
    assert!(f.typed::<(), ()>(&b).is_err());
    let g = Global::new(
        &mut b,
        GlobalType::new(ValType::FuncRef, Mutability::Var),
        Val::FuncRef(None),
    )?;
    assert!(g.set(&mut b, Val::FuncRef(Some(f))).is_err());
    Ok(())
}

#[test]
fn compile_errors() {
    let engine = Engine::default();
    let err = Module::new(&engine, "(module (func (result i32)))").unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Compile(_)), "{err}");
    let err = Module::new(&engine, "(module (func").unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Compile(_)), "{err}");
    let err = Module::from_binary(&engine, b"\0asm\x02\0\0\0").unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Compile(_)), "{err}");
}

#[test]
fn dump_lists_every_function() -> R {
    let engine = Engine::default();
    let module = Module::new(
        &engine,
        r#"(module (import "m" "f" (func)) (func (result i32) i32.const 1) (func))"#,
    )?;
    let text = module.dump();
    assert!(text.contains("func[1] (frame"), "{text}");
    assert!(text.contains("func[2] (frame"), "{text}");
    assert!(!text.contains("func[0]"), "{text}");
    Ok(())
}

/// `c[j] + a * b[j]` with `b[j]`'s address computed after `c[j]` was loaded: the first load
/// writes its stack home itself rather than a spill op after the address, whether the address
/// add is folded into the second load or kept (then the fusion reaches back across it;
/// `fusions.wast` checks the results).
#[test]
fn a_float_load_spilled_after_integer_ops_writes_its_slot_itself() -> R {
    let engine = Engine::default();
    let module = Module::new(
        &engine,
        r#"(module (memory 1)
             (func (param $c i32) (param $b i32) (param $i i32) (param $a f64) (result f64)
               (f64.add
                 (f64.load (local.get $c))
                 (f64.mul (local.get $a) (f64.load (i32.add (local.get $b) (local.get $i))))))
             (func (param $c i32) (param $b i32) (param $i i32) (param $a f64) (result f64)
               (f64.add
                 (f64.load (local.get $c))
                 (f64.mul
                   (local.get $a)
                   (f64.load (local.tee $i (i32.add (local.get $b) (local.get $i))))))))"#,
    )?;
    let text = module.dump();
    assert_eq!(text.matches("F64LoadSD addr=s0").count(), 2, "{text}");
    assert!(text.contains("I32AddSSD"), "{text}");
    assert!(!text.contains("Spill"), "{text}");
    Ok(())
}

#[test]
fn every_compiled_dispatch_mode_runs() -> R {
    for mode in Dispatch::compiled() {
        let engine = Engine::new(Config::new().dispatch(mode))?;
        let module = Module::new(
            &engine,
            r#"(module (func $fac (export "fac") (param i64) (result i64)
                 (if (result i64) (i64.eqz (local.get 0))
                   (then (i64.const 1))
                   (else (i64.mul (local.get 0) (call $fac (i64.sub (local.get 0) (i64.const 1))))))))"#,
        )?;
        let mut store = Store::new(&engine, ());
        let inst = Instance::new(&mut store, &module, &[])?;
        let fac = inst.get_typed_func::<i64, i64>(&store, "fac")?;
        assert_eq!(
            fac.call(&mut store, 20)?,
            2_432_902_008_176_640_000,
            "{mode}"
        );
    }
    Ok(())
}

#[test]
fn uncompiled_dispatch_mode_is_an_error() {
    for mode in Dispatch::ALL {
        let result = Engine::new(Config::new().dispatch(mode));
        assert_eq!(
            result.is_ok(),
            Dispatch::compiled().contains(&mode),
            "{mode}"
        );
    }
}

#[test]
fn call_depth_limit_traps_cleanly() -> R {
    let engine = Engine::new(Config::new().max_call_depth(100))?;
    let module = Module::new(
        &engine,
        r#"(module (func $f (export "f") (param i32) (result i32)
             (if (result i32) (local.get 0)
               (then (i32.add (i32.const 1) (call $f (i32.sub (local.get 0) (i32.const 1)))))
               (else (i32.const 0)))))"#,
    )?;
    let mut store = Store::new(&engine, ());
    let inst = Instance::new(&mut store, &module, &[])?;
    let f = inst.get_typed_func::<i32, i32>(&store, "f")?;
    assert_eq!(f.call(&mut store, 50)?, 50);
    assert_eq!(
        f.call(&mut store, 1000).unwrap_err().as_trap_code(),
        Some(TrapCode::StackOverflow)
    );
    assert_eq!(f.call(&mut store, 10)?, 10);
    Ok(())
}

#[test]
fn deep_host_reentrancy_traps_cleanly() -> R {
    let engine = Engine::default();
    let module = Module::new(
        &engine,
        r#"(module
             (import "env" "down" (func $down (param i32) (result i32)))
             (func (export "f") (param i32) (result i32)
               (if (result i32) (local.get 0)
                 (then (call $down (i32.sub (local.get 0) (i32.const 1))))
                 (else (i32.const 0)))))"#,
    )?;
    let mut store = Store::new(&engine, ());
    let mut linker = Linker::new(&engine);
    linker.func_wrap(
        "env",
        "down",
        |mut caller: Caller<'_, ()>, n: i32| -> Result<i32, Error> {
            let f = caller
                .get_export("f")
                .and_then(Extern::into_func)
                .ok_or_else(|| Error::msg("no f"))?;
            Ok(f.typed::<i32, i32>(&caller)?.call(&mut caller, n)? + 1)
        },
    )?;
    let inst = linker.instantiate(&mut store, &module)?;
    let f = inst.get_typed_func::<i32, i32>(&store, "f")?;
    assert_eq!(f.call(&mut store, 20)?, 20);
    assert_eq!(
        f.call(&mut store, 100_000).unwrap_err().as_trap_code(),
        Some(TrapCode::StackOverflow)
    );
    assert_eq!(f.call(&mut store, 3)?, 3);
    Ok(())
}

#[test]
fn handles_are_thread_safe() {
    fn send_sync<X: Send + Sync>() {}
    send_sync::<Engine>();
    send_sync::<Module>();
    send_sync::<Store<u32>>();
    send_sync::<Linker<u32>>();
    send_sync::<Error>();
    send_sync::<Func>();
    send_sync::<Extern>();
    send_sync::<Val>();
}

/// The module of `tests/wast/pairs.wast` (which checks its results on every mode) is translated
/// into the superinstructions that script is about, and the sub and load that a loop's
/// back-edge lands between stay apart.
#[test]
fn pairs_wast_forms_its_pairs() -> R {
    let script = include_str!("../../tests/wast/pairs.wast");
    let start = script.find("(module").expect("a module");
    let end = start + script[start..].find("\n)\n").expect("the module's end") + 2;
    let engine = Engine::default();
    let text = Module::new(&engine, &script[start..end])?.dump();
    for pair in [
        "I32SubSIDThenCall",
        "I32SubSIDThenI32LoadSD",
        "I32LoadSDThenI32StoreSS",
        "I32SubSIThenBrTableA",
        "I32AddSIDThenBrI32NeIncI",
    ] {
        assert!(text.contains(pair), "{pair} missing:\n{text}");
    }
    let loop_fn = &text[text.rfind("func[").expect("functions")..];
    assert!(loop_fn.contains("I32SubSID lhs=s0"), "{loop_fn}");
    assert!(loop_fn.contains("I32LoadSD addr=s1"), "{loop_fn}");
    Ok(())
}

/// An engine keeps the translator's buffers from one compile for the next: nothing of one
/// module (its globals' types, a failed compile's half-written state) may reach the next.
#[test]
fn compiles_in_a_row_on_one_engine_stay_apart() -> R {
    let modules = [
        (
            r#"(module (global $g (mut i64) (i64.const 7))
               (func (export "get") (result f64) (f64.convert_i64_s (global.get $g))))"#,
            7.0,
        ),
        (
            r#"(module (global $g f64 (f64.const 2.5))
               (func (export "get") (result f64) (f64.add (global.get $g) (global.get $g))))"#,
            5.0,
        ),
        (
            r#"(module (global $a i32 (i32.const 1)) (global $b f64 (f64.const 0.5))
               (func (export "get") (result f64) (f64.mul (global.get $b) (f64.const 3))))"#,
            1.5,
        ),
    ];
    for mode in Dispatch::compiled() {
        let engine = Engine::new(Config::new().dispatch(mode))?;
        let mut store = Store::new(&engine, ());
        // A compile that fails first: it leaves nothing behind either.
        let broken = Module::new(
            &engine,
            r#"(module (global $g f32 (f32.const 1))
                 (func (export "get") (result i32) (global.get $g)))"#,
        );
        assert!(
            broken.is_err(),
            "{mode}: an f32 global read as i32 validated"
        );
        for (round, (wat, expected)) in modules.iter().enumerate() {
            let module = Module::new(&engine, wat)?;
            let inst = Instance::new(&mut store, &module, &[])?;
            let get = inst.get_typed_func::<(), f64>(&store, "get")?;
            assert_eq!(
                get.call(&mut store, ())?,
                *expected,
                "{mode}, module {round}"
            );
        }
    }
    Ok(())
}
