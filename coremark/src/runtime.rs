//! The runtimes a module can be measured on: their names, and which are compiled in.

use wasmloom::{Config, Dispatch, Engine};

/// One runtime (or one configuration of one).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Runtime {
    /// wasmloom in one dispatch mode.
    Wasmloom(Dispatch),
    /// Wasmi 2.0, default build: the reference the other scores are divided by.
    Wasmi,
    /// Wasmi 1.x (feature `peers`).
    WasmiV1,
    /// tinywasm (feature `peers`).
    Tinywasm,
    /// wasm3 through its Rust bindings (feature `peers`).
    Wasm3,
    /// makepad-stitch (feature `peers`).
    Stitch,
    /// Wasmtime's Pulley interpreter (feature `peers`).
    Pulley,
    /// Wasmtime with Cranelift: compiled code, the ceiling (feature `peers`).
    Cranelift,
}

impl Runtime {
    /// Every runtime, in the order the table lists them.
    pub const ALL: [Runtime; 11] = [
        Runtime::Wasmloom(Dispatch::DirectThreaded),
        Runtime::Wasmloom(Dispatch::IndirectThreaded),
        Runtime::Wasmloom(Dispatch::LoopCall),
        Runtime::Wasmloom(Dispatch::LoopMatch),
        Runtime::Wasmi,
        Runtime::WasmiV1,
        Runtime::Tinywasm,
        Runtime::Wasm3,
        Runtime::Stitch,
        Runtime::Pulley,
        Runtime::Cranelift,
    ];

    /// The name `--runtime` takes.
    pub fn name(self) -> &'static str {
        match self {
            Runtime::Wasmloom(mode) => mode.name(),
            Runtime::Wasmi => "wasmi",
            Runtime::WasmiV1 => "wasmi-v1",
            Runtime::Tinywasm => "tinywasm",
            Runtime::Wasm3 => "wasm3",
            Runtime::Stitch => "stitch",
            Runtime::Pulley => "pulley",
            Runtime::Cranelift => "cranelift",
        }
    }

    /// The name the table shows.
    pub fn label(self) -> String {
        match self {
            Runtime::Wasmloom(mode) => format!("wasmloom {mode}"),
            Runtime::Wasmi => "wasmi 2".into(),
            Runtime::WasmiV1 => "wasmi 1".into(),
            Runtime::Tinywasm => "tinywasm".into(),
            Runtime::Wasm3 => "wasm3".into(),
            Runtime::Stitch => "makepad-stitch".into(),
            Runtime::Pulley => "wasmtime pulley".into(),
            Runtime::Cranelift => "wasmtime cranelift".into(),
        }
    }

    /// Whether this is another project's runtime, other than the reference.
    pub fn is_peer(self) -> bool {
        !matches!(self, Runtime::Wasmloom(_) | Runtime::Wasmi)
    }

    /// Whether this build can run it (peers need the `peers` feature).
    pub fn is_compiled(self) -> bool {
        !self.is_peer() || cfg!(feature = "peers")
    }

    /// The runtimes this build can run.
    pub fn compiled() -> Vec<Runtime> {
        Self::ALL.into_iter().filter(|r| r.is_compiled()).collect()
    }

    /// The runtimes `names` select, in table order: each a [`name`](Runtime::name), or
    /// `wasmloom` for its four modes, or `peers` for every peer.
    pub fn select(names: &[String]) -> Result<Vec<Runtime>, String> {
        let mut wanted = Vec::new();
        for name in names {
            let matching: Vec<Runtime> = match name.as_str() {
                "wasmloom" => Dispatch::ALL.into_iter().map(Runtime::Wasmloom).collect(),
                "peers" => Self::ALL.into_iter().filter(|r| r.is_peer()).collect(),
                _ => Self::ALL.into_iter().filter(|r| r.name() == name).collect(),
            };
            if matching.is_empty() {
                let names: Vec<_> = Self::ALL.iter().map(|r| r.name()).collect();
                return Err(format!(
                    "unknown runtime `{name}` (expected wasmloom, peers, or one of: {})",
                    names.join(", ")
                ));
            }
            wanted.extend(matching);
        }
        Ok(Self::ALL
            .into_iter()
            .filter(|r| wanted.contains(r))
            .collect())
    }

    /// Anything the table should say about how this runtime runs: a wasmloom threaded mode
    /// that falls back to a loop in this build says so.
    pub fn note(self) -> Option<String> {
        let Runtime::Wasmloom(mode) = self else {
            return None;
        };
        let actual = Engine::new(Config::new().dispatch(mode)).ok()?.dispatch();
        (actual != mode).then(|| format!("runs as {actual}: no guaranteed tail calls here"))
    }
}
