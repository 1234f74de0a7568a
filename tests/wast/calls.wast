;; Calls to functions the module defines (`Call`, `ReturnCall`: the callee's code is found
;; through the running instance) and to imported ones (`CallImport`, `ReturnCallImport`: through
;; the store, switching instance, memory and globals as needed), mixed in one module, with
;; imports first so that the defined functions' indices start above zero.

(module $lib
  (memory (export "mem") 1)
  (global $g (export "g") (mut i32) (i32.const 100))
  (func (export "store") (param $addr i32) (param $v i32)
    (i32.store (local.get $addr) (local.get $v)))
  (func (export "load") (param $addr i32) (result i32)
    (i32.load (local.get $addr)))
  ;; Reads its own memory and global, then calls back a defined function of its own.
  (func $twice (param $x i32) (result i32)
    (i32.mul (local.get $x) (i32.const 2)))
  (func (export "mix") (param $x i32) (result i32)
    (i32.add
      (call $twice (local.get $x))
      (i32.add (i32.load (i32.const 0)) (global.get $g))))
  ;; Counts down by tail calls to itself and ends in a defined callee.
  (func $down (export "down") (param $n i32) (result i32)
    (if (result i32) (i32.eqz (local.get $n))
      (then (call $twice (i32.const 21)))
      (else (return_call $down (i32.sub (local.get $n) (i32.const 1)))))))
(register "lib")

(module $user
  (import "lib" "store" (func $store (param i32 i32)))
  (import "lib" "load" (func $load (param i32) (result i32)))
  (import "lib" "mix" (func $mix (param i32) (result i32)))
  (import "lib" "down" (func $down (param i32) (result i32)))
  (import "spectest" "print_i32" (func $print (param i32)))
  ;; A memory and a global of its own, which the imported functions must not see.
  (memory 1)
  (global $g (mut i32) (i32.const 7))
  (func $local (param $x i32) (result i32)
    (i32.add (local.get $x) (i32.load (i32.const 0))))
  (func $sum (param $n i32) (result i32)
    (if (result i32) (i32.eqz (local.get $n))
      (then (i32.const 0))
      (else
        (i32.add (local.get $n) (call $sum (i32.sub (local.get $n) (i32.const 1)))))))
  (func (export "defined") (result i32)
    (i32.store (i32.const 0) (i32.const 5))
    (call $local (i32.const 1)))
  (func (export "recursive") (param i32) (result i32)
    (call $sum (local.get 0)))
  ;; Writes lib's memory, then its own, then reads both: each call runs on its own memory.
  (func (export "two-memories") (result i32)
    (call $store (i32.const 0) (i32.const 1000))
    (i32.store (i32.const 0) (i32.const 3))
    (i32.add (call $load (i32.const 0)) (i32.load (i32.const 0))))
  ;; After an imported call returns, this instance's memory and global are back in place.
  (func (export "after-import") (result i32)
    (i32.store (i32.const 0) (i32.const 9))
    (drop (call $mix (i32.const 1)))
    (i32.add (i32.load (i32.const 0)) (global.get $g)))
  (func (export "mix") (param i32) (result i32)
    (call $mix (local.get 0)))
  (func (export "host") (result i32)
    (i32.store (i32.const 0) (i32.const 5))
    (call $print (i32.const 42))
    (call $local (i32.const 2)))
  (func (export "tail-defined") (param i32) (result i32)
    (return_call $sum (local.get 0)))
  (func (export "tail-import") (param i32) (result i32)
    (return_call $down (local.get 0)))
  (func (export "tail-import-then-own") (result i32)
    (i32.store (i32.const 0) (i32.const 11))
    (i32.add (call $tail-mix (i32.const 2)) (i32.load (i32.const 0))))
  (func $tail-mix (param i32) (result i32)
    (return_call $mix (local.get 0)))
  (func (export "tail-host") (result i32)
    (call $tail-print)
    (i32.const 1))
  (func $tail-print
    (return_call $print (i32.const 7))))

(assert_return (invoke "defined") (i32.const 6))
(assert_return (invoke "recursive" (i32.const 100)) (i32.const 5050))
(assert_return (invoke "two-memories") (i32.const 1003))
;; lib's memory holds 1000 and its global 100: mix(1) = 2 + 1000 + 100.
(assert_return (invoke "mix" (i32.const 1)) (i32.const 1102))
(assert_return (invoke "after-import") (i32.const 16))
(assert_return (invoke "host") (i32.const 7))
(assert_return (invoke "tail-defined" (i32.const 10)) (i32.const 55))
(assert_return (invoke "tail-import" (i32.const 1000)) (i32.const 42))
;; mix(2) = 4 + 1000 + 100, then this instance's 11.
(assert_return (invoke "tail-import-then-own") (i32.const 1115))
(assert_return (invoke "tail-host") (i32.const 1))
;; Deep recursion through defined calls still ends in the stack-exhaustion trap.
(assert_exhaustion (invoke "recursive" (i32.const 10000000)) "call stack exhausted")
