;; Measures a tight loop of i64 arithmetic and local moves: fib(n) mod 2^64, iteratively.
(module
  (func $fib (param $n i32) (result i64)
    (local $a i64) (local $b i64) (local $t i64)
    ;; (a, b) = (fib(0), fib(1)); each turn: (a, b) = (b, a + b), wrapping mod 2^64.
    (local.set $b (i64.const 1))
    (if (local.get $n)
      (then
        (loop $next
          (local.set $t (i64.add (local.get $a) (local.get $b)))
          (local.set $a (local.get $b))
          (local.set $b (local.get $t))
          (br_if $next (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))))
    (local.get $a))
  (func (export "run") (result i64)
    ;; The same n as fib-tail, which must give the same result.
    (call $fib (i32.const 20000000))))
