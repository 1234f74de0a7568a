;; Measures bare loop overhead with the counter in a function parameter rather than a local.
(module
  (func $count (param $i i32) (param $n i32) (result i32)
    (loop $next
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $next (i32.lt_u (local.get $i) (local.get $n))))
    (local.get $i))
  (func (export "run") (result i64)
    ;; Counts from 0 up to 40_000_000 and returns the final counter.
    (i64.extend_i32_u (call $count (i32.const 0) (i32.const 40000000)))))
