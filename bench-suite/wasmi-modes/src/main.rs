//! One Wasmi 2.0 build, in the dispatch mode its features select, measuring what the report asks:
//!
//! ```text
//! wasmi-runner mode                      prints the mode this binary was built with
//! wasmi-runner serve FILE [--setup]      one instance (after `setup`); for each `run` line on
//!                                        stdin, times one call of `run`: `run NANOS RESULT`
//! wasmi-runner translate FILE REPS BATCH times BATCH `Module::new`s in a row, REPS times:
//!                                        `translate NANOS`, the mean of each
//! ```
//!
//! `serve` lets the report interleave this process's runs with its own, on one ready instance
//! as it does in process. Translation is eager, as in the bench crate.

use std::io::{BufRead, Write};
use std::process::ExitCode;
use std::time::Instant;
use wasmi::{CompilationMode, Config, Engine, Linker, Module, Store};

fn mode() -> &'static str {
    match (
        cfg!(feature = "portable-dispatch"),
        cfg!(feature = "indirect-dispatch"),
    ) {
        (false, false) => "direct",
        (false, true) => "indirect",
        (true, false) => "portable",
        (true, true) => "portable-indirect",
    }
}

fn engine() -> Engine {
    let mut config = Config::default();
    config.compilation_mode(CompilationMode::Eager);
    Engine::new(&config)
}

fn serve(wasm: &[u8], setup: bool) -> Result<(), String> {
    let engine = engine();
    let module = Module::new(&engine, wasm).map_err(|e| e.to_string())?;
    let mut store = Store::new(&engine, ());
    let instance = Linker::<()>::new(&engine)
        .instantiate_and_start(&mut store, &module)
        .map_err(|e| e.to_string())?;
    if setup {
        let setup = instance.get_typed_func::<(), ()>(&store, "setup");
        setup
            .and_then(|f| f.call(&mut store, ()))
            .map_err(|e| e.to_string())?;
    }
    let run = instance
        .get_typed_func::<(), i64>(&store, "run")
        .map_err(|e| e.to_string())?;
    let mut stdout = std::io::stdout().lock();
    for line in std::io::stdin().lock().lines() {
        match line.map_err(|e| e.to_string())?.as_str() {
            "run" => {
                let start = Instant::now();
                let result = run.call(&mut store, ()).map_err(|e| e.to_string())?;
                let nanos = start.elapsed().as_nanos();
                writeln!(stdout, "run {nanos} {result}").map_err(|e| e.to_string())?;
                stdout.flush().map_err(|e| e.to_string())?;
            }
            other => return Err(format!("unknown request `{other}`")),
        }
    }
    Ok(())
}

fn translate(wasm: &[u8], reps: usize, batch: usize) -> Result<(), String> {
    let engine = engine();
    let batch = batch.max(1);
    for _ in 0..reps {
        let start = Instant::now();
        for _ in 0..batch {
            drop(Module::new(&engine, wasm).map_err(|e| e.to_string())?);
        }
        let nanos = start.elapsed().as_nanos() / batch as u128;
        println!("translate {nanos}");
    }
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let read = |file: &str| std::fs::read(file).map_err(|e| format!("{file}: {e}"));
    let outcome = match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["mode"] => {
            println!("{}", mode());
            Ok(())
        }
        ["serve", file] => read(file).and_then(|wasm| serve(&wasm, false)),
        ["serve", file, "--setup"] => read(file).and_then(|wasm| serve(&wasm, true)),
        ["translate", file, reps, batch] => {
            let reps = reps.parse().map_err(|e| format!("repetitions `{reps}`: {e}"));
            let batch = batch.parse().map_err(|e| format!("batch `{batch}`: {e}"));
            read(file).and_then(|wasm| translate(&wasm, reps?, batch?))
        }
        _ => Err("usage: wasmi-runner mode | serve FILE [--setup] | translate FILE REPS BATCH".into()),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("wasmi-runner ({}): {e}", mode());
            ExitCode::FAILURE
        }
    }
}
