//! The commands of the `wasmloom` binary.

pub mod args;
pub mod run;
mod value;
pub mod wast;

use wasmloom::{Config, Dispatch, Engine};

/// An engine running `dispatch` (default: the fastest mode compiled in). Says so on stderr when
/// the mode that actually runs differs from the one asked for.
fn engine(dispatch: Option<Dispatch>) -> Result<Engine, String> {
    let Some(mode) = dispatch else {
        return Ok(Engine::default());
    };
    let engine =
        Engine::new(Config::new().dispatch(mode)).map_err(|e| format!("--dispatch {mode}: {e}"))?;
    if engine.dispatch() != mode {
        eprintln!(
            "note: --dispatch {mode} falls back to {} in this build",
            engine.dispatch()
        );
    }
    Ok(engine)
}
