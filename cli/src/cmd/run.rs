//! `wasmloom run`: compile a module, instantiate it, call one function, print its results.

use super::args::RunOptions;
use super::{engine, value};
use memmap2::Mmap;
use std::fs::File;
use std::process::ExitCode;
use wasmloom::{ExternType, Linker, Module, Store, Val};

pub fn run(opts: &RunOptions) -> Result<ExitCode, String> {
    let engine = engine(opts.dispatch)?;
    let path = opts.file.display();
    let file = File::open(&opts.file).map_err(|e| format!("cannot open {path}: {e}"))?;
    // SAFETY: the mapping is only read, and only while `bytes` lives, within this call. Another
    // process truncating or rewriting the file meanwhile is outside what we guard against (as
    // with any mmap-reading tool); the module is compiled before anything runs.
    let bytes = unsafe { Mmap::map(&file) }.map_err(|e| format!("cannot map {path}: {e}"))?;
    let module = Module::new(&engine, &*bytes).map_err(|e| format!("{path}: {e}"))?;
    if opts.dump {
        print!("{}", module.dump());
        return Ok(ExitCode::SUCCESS);
    }

    // No imports are provided yet: name the first one rather than fail somewhere less clear.
    if let Some(import) = module.imports().next() {
        return Err(format!(
            "unknown import: `{}`.`{}` (`wasmloom run` provides no imports yet; WASI preview 1 is planned)",
            import.module(),
            import.name()
        ));
    }
    let mut store = Store::new(&engine, ());
    let linker = Linker::new(&engine);
    let instance = linker
        .instantiate(&mut store, &module)
        .map_err(|e| format!("cannot instantiate {path}: {e}"))?;

    let name = function_name(&module, opts.invoke.as_deref())?;
    let func = instance
        .get_func(&store, &name)
        .ok_or_else(|| format!("`{name}` is not an exported function"))?;
    let ty = func.ty(&store);
    if opts.args.len() != ty.params().len() {
        return Err(format!(
            "`{name}` takes {} argument(s) ({}), {} given",
            ty.params().len(),
            ty.params()
                .iter()
                .map(|t| format!("{t:?}").to_lowercase())
                .collect::<Vec<_>>()
                .join(", "),
            opts.args.len()
        ));
    }
    let params = ty
        .params()
        .iter()
        .zip(&opts.args)
        .map(|(t, a)| value::parse(*t, a))
        .collect::<Result<Vec<_>, _>>()?;
    let mut results = ty
        .results()
        .iter()
        .map(|t| {
            Val::default_for(*t)
                .ok_or_else(|| format!("`{name}` returns a {t:?}, which cannot be printed yet"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    match func.call(&mut store, &params, &mut results) {
        Ok(()) => {
            for r in &results {
                println!("{}", value::show(r));
            }
            Ok(ExitCode::SUCCESS)
        }
        // `proc_exit` (WASI, later) ends the program with its status rather than as an error.
        Err(e) => match (e.i32_exit_status(), e.as_trap_code()) {
            (Some(status), _) => Ok(ExitCode::from(status as u8)),
            (None, Some(_)) => Err(format!("`{name}` trapped: {e}")),
            (None, None) => Err(format!("`{name}` failed: {e}")),
        },
    }
}

/// `--invoke`'s name, else `_start`, else `main`, among the exported functions.
fn function_name(module: &Module, invoke: Option<&str>) -> Result<String, String> {
    if let Some(name) = invoke {
        return Ok(name.to_string());
    }
    let funcs: Vec<String> = module
        .exports()
        .filter(|e| matches!(e.ty(), ExternType::Func(_)))
        .map(|e| e.name().to_string())
        .collect();
    ["_start", "main"].into_iter().find(|n| funcs.iter().any(|f| f == n)).map(String::from).ok_or_else(|| {
        format!(
            "no function to run: pass --invoke NAME (the module exports neither `_start` nor `main`; exported functions: {})",
            if funcs.is_empty() { "none".to_string() } else { funcs.join(", ") }
        )
    })
}
