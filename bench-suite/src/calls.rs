//! The call-overhead module: an exported empty function (host to Wasm) and a loop that calls an
//! imported host function (Wasm to host). Every runtime links the same host function, `x + 1`,
//! so a loop of `n` chained calls starting from 0 returns `n`: the result proves the calls ran.

/// The import's module and name.
pub const HOST_MODULE: &str = "host";
pub const HOST_FUNC: &str = "inc";

/// Host calls per `call_host` in the benches: enough to dwarf the one host-to-Wasm call that
/// starts the loop.
pub const HOST_CALLS: i64 = 1000;

const WAT: &str = r#"
(module
  (import "host" "inc" (func $inc (param i64) (result i64)))
  (func (export "empty"))
  (func (export "call_host") (param $n i64) (result i64)
    (local $acc i64)
    (block $done
      (loop $next
        (br_if $done (i64.eqz (local.get $n)))
        (local.set $acc (call $inc (local.get $acc)))
        (local.set $n (i64.sub (local.get $n) (i64.const 1)))
        (br $next)))
    (local.get $acc)))
"#;

/// The host function every runtime links.
pub fn inc(x: i64) -> i64 {
    x + 1
}

/// The module in the binary format.
pub fn wasm() -> Vec<u8> {
    wat::parse_str(WAT).expect("the call-overhead module is valid text")
}
