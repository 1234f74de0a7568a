//! The host function every runtime links as `env.clock_ms`.

use std::sync::OnceLock;
use std::time::Instant;

/// The import's module name.
pub(crate) const MODULE: &str = "env";
/// The import's field name.
pub(crate) const NAME: &str = "clock_ms";

/// Milliseconds since the first call, on a monotonic clock: `env.clock_ms: [] -> [i64]`.
pub fn clock_ms() -> i64 {
    static EPOCH: OnceLock<Instant> = OnceLock::new();
    let millis = EPOCH.get_or_init(Instant::now).elapsed().as_millis();
    i64::try_from(millis).unwrap_or(i64::MAX)
}
