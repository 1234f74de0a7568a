//! wasm3: the C interpreter (threaded code by tail calls) through the `wasm3` crate. Its module
//! cannot be instantiated twice, so `compile` only parses (to reject what wasm3 rejects) and each
//! instantiation parses and loads again; wasm3 translates a function on its first call, so that
//! work is part of the first measured `run` of every instance.

use crate::calls;
use crate::runtime::{Calls, Compiled, Instance, Runtime, msg};
use wasm3::{Environment, Function, Module, WasmArgs, WasmType};

/// Bytes of wasm3's value stack per instance (its default is 64 KiB, too small for deep guests).
const STACK_BYTES: u32 = 4 << 20;

pub struct Wasm3;

impl Runtime for Wasm3 {
    fn name(&self) -> String {
        "wasm3".to_string()
    }

    fn compile(&self, wasm: &[u8]) -> Result<Box<dyn Compiled>, String> {
        let env = Environment::new().map_err(msg)?;
        Module::parse(&env, wasm).map_err(msg)?;
        Ok(Box::new(Wasm3Module(wasm.to_vec())))
    }

    fn calls(&self) -> Result<Box<dyn Calls>, String> {
        let runtime = load(&calls::wasm(), |module| {
            module
                .link_closure::<i64, i64, _>(calls::HOST_MODULE, calls::HOST_FUNC, |_, x| {
                    Ok(calls::inc(x))
                })
                .map_err(msg)
        })?;
        Ok(Box::new(Wasm3Calls {
            empty: find(&runtime, "empty")?,
            call_host: find(&runtime, "call_host")?,
            _runtime: runtime,
        }))
    }
}

/// A runtime with `wasm` loaded into it, after `link` has linked its imports.
fn load(
    wasm: &[u8],
    link: impl FnOnce(&mut Module<'_>) -> Result<(), String>,
) -> Result<Box<wasm3::Runtime>, String> {
    let env = Environment::new().map_err(msg)?;
    let runtime = Box::new(env.create_runtime(STACK_BYTES).map_err(msg)?);
    let mut module = runtime.parse_and_load_module(wasm).map_err(msg)?;
    link(&mut module)?;
    Ok(runtime)
}

/// The export `name` of `runtime` (compiled by wasm3 on this first lookup), with the borrow's
/// lifetime erased so that it can be kept next to the runtime it points into.
fn find<Args: WasmArgs, Ret: WasmType>(
    runtime: &wasm3::Runtime,
    name: &str,
) -> Result<Function<'static, Args, Ret>, String> {
    // Through the module, not `Runtime::find_function`, which reports any failure to compile
    // the function as "not found".
    let module = runtime.modules().next().ok_or("no module loaded")?;
    let func = module.find_function::<Args, Ret>(name).map_err(msg)?;
    // SAFETY: callers use the function only while the boxed runtime it came from lives: they
    // call it at once, or keep it in the same struct as that box and never hand it out. The box
    // keeps the runtime at one address until then, so the reference inside never dangles.
    Ok(unsafe {
        std::mem::transmute::<Function<'_, Args, Ret>, Function<'static, Args, Ret>>(func)
    })
}

struct Wasm3Module(Vec<u8>);

impl Compiled for Wasm3Module {
    fn instantiate(&self) -> Result<Box<dyn Instance>, String> {
        let runtime = load(&self.0, |_| Ok(()))?;
        Ok(Box::new(Wasm3Instance {
            run: find(&runtime, "run")?,
            runtime,
        }))
    }
}

struct Wasm3Instance {
    run: Function<'static, (), i64>,
    runtime: Box<wasm3::Runtime>,
}

impl Instance for Wasm3Instance {
    fn setup(&mut self) -> Result<(), String> {
        find::<(), ()>(&self.runtime, "setup")?.call().map_err(msg)
    }

    fn run(&mut self) -> Result<i64, String> {
        self.run.call().map_err(msg)
    }
}

struct Wasm3Calls {
    empty: Function<'static, (), ()>,
    call_host: Function<'static, i64, i64>,
    _runtime: Box<wasm3::Runtime>,
}

impl Calls for Wasm3Calls {
    fn empty(&mut self) -> Result<(), String> {
        self.empty.call().map_err(msg)
    }

    fn call_host(&mut self, n: i64) -> Result<i64, String> {
        self.call_host.call(n).map_err(msg)
    }
}
