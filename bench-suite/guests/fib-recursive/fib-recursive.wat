;; Measures calls and returns: naive doubly recursive Fibonacci, fib(33).
(module
  (func $fib (param $n i32) (result i32)
    (if (result i32) (i32.lt_u (local.get $n) (i32.const 2))
      (then (local.get $n))
      (else
        (i32.add
          (call $fib (i32.sub (local.get $n) (i32.const 1)))
          (call $fib (i32.sub (local.get $n) (i32.const 2)))))))
  (func (export "run") (result i64)
    ;; fib(33) = 3524578, reached through 11_405_773 calls of $fib.
    (i64.extend_i32_u (call $fib (i32.const 33)))))
