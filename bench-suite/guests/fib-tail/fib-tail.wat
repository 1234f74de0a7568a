;; Measures tail calls (return_call, tail-call proposal): fib(n) mod 2^64 by accumulator calls.
(module
  (func $fib (param $n i32) (param $a i64) (param $b i64) (result i64)
    ;; fib(n) with (a, b) = (fib(k), fib(k + 1)): each call steps k by one, wrapping mod 2^64.
    (if (result i64) (i32.eqz (local.get $n))
      (then (local.get $a))
      (else
        (return_call $fib
          (i32.sub (local.get $n) (i32.const 1))
          (local.get $b)
          (i64.add (local.get $a) (local.get $b))))))
  (func (export "run") (result i64)
    ;; The same n as fib-iterative, which must give the same result.
    (call $fib (i32.const 20000000) (i64.const 0) (i64.const 1))))
