//! The `Backend` trait: what a dispatch mode supplies (the op header encoding and the loop that
//! runs handlers), and the registry of modes compiled into this build.

use crate::exec::Exec;
use core::fmt;
use core::str::FromStr;
use wasmloom_frontend::isa::encoding::Encoding;

/// A dispatch technique.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Dispatch {
    /// Code holds handler addresses; each handler tail-calls the next.
    DirectThreaded,
    /// Code holds `u16` opcodes; each handler tail-calls `TABLE[opcode]`.
    IndirectThreaded,
    /// Code holds handler addresses; a loop calls each handler, which returns.
    LoopCall,
    /// Code holds `u16` opcodes; one loop matches on them with handlers inlined.
    LoopMatch,
}

impl Dispatch {
    /// All four modes, fastest first (the order the default is chosen in).
    pub const ALL: [Dispatch; 4] = [
        Dispatch::DirectThreaded,
        Dispatch::IndirectThreaded,
        Dispatch::LoopMatch,
        Dispatch::LoopCall,
    ];

    /// The name used by the CLI and `Config`.
    pub fn name(self) -> &'static str {
        match self {
            Dispatch::DirectThreaded => "direct-threaded",
            Dispatch::IndirectThreaded => "indirect-threaded",
            Dispatch::LoopCall => "loop-call",
            Dispatch::LoopMatch => "loop-match",
        }
    }

    /// The modes compiled into this build, fastest first.
    pub fn compiled() -> Vec<Dispatch> {
        Self::ALL
            .into_iter()
            .filter(|d| backend(*d).is_some())
            .collect()
    }

    /// The fastest mode compiled in, preferring modes that run as themselves (a threaded mode
    /// that falls back to its loop twin is slower than the other loop).
    pub fn default_compiled() -> Dispatch {
        let compiled = Self::compiled();
        let native = compiled
            .iter()
            .find(|&&d| backend(d).is_some_and(|b| b.dispatch() == d));
        *native.unwrap_or(&compiled[0])
    }
}

impl fmt::Display for Dispatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Dispatch {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Self::ALL
            .into_iter()
            .find(|d| d.name() == s)
            .ok_or_else(|| {
                let names: Vec<_> = Self::ALL.iter().map(|d| d.name()).collect();
                format!(
                    "unknown dispatch mode `{s}` (expected one of: {})",
                    names.join(", ")
                )
            })
    }
}

/// A dispatch mode: the op header it encodes, and the loop that runs handlers.
pub trait Backend: Send + Sync {
    /// Which mode this is.
    fn dispatch(&self) -> Dispatch;
    /// How this mode encodes op headers.
    fn encoding(&self) -> &dyn Encoding;
    /// Runs `exec` until it stops; the reason is left in `exec.stop`.
    ///
    /// # Safety
    /// `exec` must be prepared by `Exec::enter` (or stopped at a host call and given its
    /// results), its store valid, and all code in it produced with this backend's encoding.
    unsafe fn run(&self, exec: *mut Exec);
}

/// The backend that serves `mode`, if `mode` is compiled in. Without guaranteed tail calls a
/// threaded mode is served by its loop twin; the returned backend's
/// [`Backend::dispatch`] says which mode actually runs.
pub fn backend(mode: Dispatch) -> Option<&'static dyn Backend> {
    use crate::dispatch::*;
    match mode {
        #[cfg(all(wasmloom_tail_calls, feature = "direct-threaded"))]
        Dispatch::DirectThreaded => Some(&direct_threaded::DirectThreaded),
        #[cfg(all(not(wasmloom_tail_calls), feature = "direct-threaded"))]
        Dispatch::DirectThreaded => Some(&loop_call::LoopCall),
        #[cfg(all(wasmloom_tail_calls, feature = "indirect-threaded"))]
        Dispatch::IndirectThreaded => Some(&indirect_threaded::IndirectThreaded),
        #[cfg(all(not(wasmloom_tail_calls), feature = "indirect-threaded"))]
        Dispatch::IndirectThreaded => Some(&loop_match::LoopMatch),
        #[cfg(feature = "loop-call")]
        Dispatch::LoopCall => Some(&loop_call::LoopCall),
        #[cfg(feature = "loop-match")]
        Dispatch::LoopMatch => Some(&loop_match::LoopMatch),
        #[allow(unreachable_patterns)]
        _ => None,
    }
}
