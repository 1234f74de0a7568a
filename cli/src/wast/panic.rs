//! Turns a panic inside the engine into a failed directive with the panic's location, instead of
//! a printed backtrace or an aborted run.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    /// Set while this thread runs inside `catch_panic`; the hook stays quiet then.
    static CATCHING: Cell<bool> = const { Cell::new(false) };
    /// The message and location of the last panic caught on this thread.
    static LAST: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Runs `f`; a panic becomes `Err("panicked at FILE:LINE:COL: MESSAGE")`.
///
/// Panics on other threads, or outside `catch_panic`, still reach the previous hook.
pub fn catch_panic<R>(f: impl FnOnce() -> R) -> Result<R, String> {
    install_hook();
    let was_catching = CATCHING.replace(true);
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    CATCHING.set(was_catching);
    result.map_err(|payload| LAST.take().unwrap_or_else(|| payload_message(&*payload)))
}

fn install_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if CATCHING.get() {
                // `{info}` is "panicked at FILE:LINE:COL:\nMESSAGE"; keep it on one line.
                LAST.set(Some(info.to_string().replace('\n', " ")));
            } else {
                previous(info);
            }
        }));
    });
}

fn payload_message(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "panicked".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::catch_panic;

    #[test]
    fn reports_message_and_location() {
        let err = catch_panic(|| panic!("boom {}", 7)).unwrap_err();
        assert!(err.contains("boom 7"), "{err}");
        assert!(err.contains("panic.rs"), "{err}");
        assert_eq!(catch_panic(|| 5), Ok(5));
    }
}
