;; wasmloom's own script: superinstructions (two ops in a row run as one, `FirstThenSecond`),
;; at their edges. Runs with the spec suite on every dispatch mode (as `wasmloom/pairs.wast`);
;; `runtime/tests/api.rs` checks that these functions are translated into the pairs named here.

(module
  (memory 1)
  (data (i32.const 0) "\01\00\00\00\02\00\00\00")
  ;; I32SubSIDThenCall: the call's return address is past the pair.
  (func $fib (export "fib") (param $n i32) (result i32)
    (if (result i32) (i32.lt_u (local.get $n) (i32.const 2))
      (then (local.get $n))
      (else (i32.add (call $fib (i32.sub (local.get $n) (i32.const 1)))
                     (call $fib (i32.sub (local.get $n) (i32.const 2)))))))
  ;; I32SubSIDThenI32LoadSD: a trap in the second part.
  (func (export "sub_load") (param $n i32) (param $p i32) (result i32)
    (local $x i32)
    (local.set $n (i32.sub (local.get $n) (i32.const 1)))
    (local.set $x (i32.load (local.get $p)))
    (i32.add (local.get $n) (local.get $x)))
  ;; I32LoadSDThenI32StoreSS: a trap in the first part; the store must not happen.
  (func (export "load_store") (param $p i32) (param $q i32) (param $v i32) (result i32)
    (local $x i32)
    (local.set $x (i32.load (local.get $p)))
    (i32.store (local.get $q) (local.get $v))
    (local.get $x))
  (func (export "peek") (param $p i32) (result i32) (i32.load (local.get $p)))
  ;; I32SubSIThenBrTableA: a branch as the second part, every target and the default.
  (func (export "switch") (param $c i32) (result i32)
    (block $d (block $b (block $a
      (br_table $a $b $d (i32.sub (local.get $c) (i32.const 10))))
      (return (i32.const 100)))
      (return (i32.const 200)))
    (i32.const 300))
  ;; The sub and the load would join, but the loop's back-edge lands on the load: they stay
  ;; two ops, and each turn runs the load alone.
  (func (export "sub_then_loop") (param $n i32) (param $p i32) (result i32)
    (local $x i32) (local $sum i32)
    (local.set $n (i32.sub (local.get $n) (i32.const 1)))
    (loop $l
      (local.set $x (i32.load (local.get $p)))
      (local.set $sum (i32.add (local.get $sum) (local.get $x)))
      (local.set $p (i32.add (local.get $p) (i32.const 4)))
      (br_if $l (i32.ne (local.tee $n (i32.sub (local.get $n) (i32.const 1))) (i32.const -1))))
    (local.get $sum))
)
(assert_return (invoke "fib" (i32.const 0)) (i32.const 0))
(assert_return (invoke "fib" (i32.const 1)) (i32.const 1))
(assert_return (invoke "fib" (i32.const 20)) (i32.const 6765))
(assert_return (invoke "sub_load" (i32.const 10) (i32.const 4)) (i32.const 11))
(assert_return (invoke "sub_load" (i32.const 0) (i32.const 0)) (i32.const 0))
(assert_trap (invoke "sub_load" (i32.const 10) (i32.const 65533)) "out of bounds memory access")
(assert_return (invoke "load_store" (i32.const 0) (i32.const 16) (i32.const 7)) (i32.const 1))
(assert_return (invoke "peek" (i32.const 16)) (i32.const 7))
(assert_trap (invoke "load_store" (i32.const 65536) (i32.const 16) (i32.const 9)) "out of bounds memory access")
(assert_return (invoke "peek" (i32.const 16)) (i32.const 7))
(assert_trap (invoke "load_store" (i32.const 0) (i32.const 65534) (i32.const 9)) "out of bounds memory access")
(assert_return (invoke "switch" (i32.const 10)) (i32.const 100))
(assert_return (invoke "switch" (i32.const 11)) (i32.const 200))
(assert_return (invoke "switch" (i32.const 12)) (i32.const 300))
(assert_return (invoke "switch" (i32.const 9)) (i32.const 300))
(assert_return (invoke "switch" (i32.const -1)) (i32.const 300))
(assert_return (invoke "sub_then_loop" (i32.const 3) (i32.const 0)) (i32.const 3))
(assert_return (invoke "sub_then_loop" (i32.const 1) (i32.const 4)) (i32.const 2))
