;; Measures bare loop overhead: a counter kept in a local, incremented and compared each turn.
(module
  (func (export "run") (result i64)
    (local $i i32)
    (loop $next
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $next (i32.lt_u (local.get $i) (i32.const 40000000))))
    ;; The loop exits when $i reaches 40_000_000.
    (i64.extend_i32_u (local.get $i))))
