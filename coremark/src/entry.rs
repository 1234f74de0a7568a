//! Which export a run calls, and with what argument.

/// How much work to ask of the module. Every CoreMark-interface module has `run`; our
/// workload also has the other two.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry {
    /// `run: [] -> [f32]`: the module decides (our workload measures for two seconds).
    Run,
    /// `run_ms: [i32] -> [f32]`: measure for about this many milliseconds.
    Millis(i32),
    /// `run_iterations: [i32] -> [f32]`: run this many iterations (our workload rounds up to
    /// whole cycles of 8).
    Iterations(i32),
}

impl Entry {
    /// The name of the export to call.
    pub fn export(self) -> &'static str {
        match self {
            Entry::Run => "run",
            Entry::Millis(_) => "run_ms",
            Entry::Iterations(_) => "run_iterations",
        }
    }

    /// The argument to pass: none for `run`, one `i32` for the others.
    pub fn arg(self) -> Option<i32> {
        match self {
            Entry::Run => None,
            Entry::Millis(n) | Entry::Iterations(n) => Some(n),
        }
    }
}
