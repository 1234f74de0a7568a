;; Measures loop overhead with the counter in a mutable global (global.get / global.set each turn).
(module
  (global $i (mut i32) (i32.const 0))
  (func (export "run") (result i64)
    (global.set $i (i32.const 0))
    (loop $next
      (global.set $i (i32.add (global.get $i) (i32.const 1)))
      (br_if $next (i32.lt_u (global.get $i) (i32.const 40000000))))
    ;; The loop exits when the global reaches 40_000_000.
    (i64.extend_i32_u (global.get $i))))
