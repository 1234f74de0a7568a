;; wasmloom's own script: the frame's layout. Runs with the spec suite on every dispatch mode
;; (as `wasmloom/frame.wast`).

;; An `if` with parameters saves them in scratch slots for its `else`. The slots must not be the
;; homes of values below the `if` on the stack (the translator sizes them in a second pass).
(module
  (func (export "if_param_over_value") (param $a i32) (param $c i32) (result i32)
    (i32.mul (local.get $a) (i32.const 3))
    (i32.add (local.get $a) (i32.const 1))
    (local.get $c)
    (if (param i32) (result i32)
      (then (i32.const 10) (i32.add))
      (else (i32.const 20) (i32.sub)))
    (i32.add))
  (func (export "if_params_two_deep") (param $a i64) (param $c i32) (result i64)
    (i64.add (local.get $a) (i64.const 1))
    (i64.mul (local.get $a) (i64.const 2))
    (i64.mul (local.get $a) (i64.const 3))
    (local.get $c)
    (if (param i64 i64) (result i64)
      (then (i64.sub))
      (else (i64.add)))
    (if (param i64) (result i64) (local.get $c)
      (then (i64.const 100) (i64.add))
      (else (i64.const 7) (i64.mul)))
    (i64.sub)))

(assert_return (invoke "if_param_over_value" (i32.const 5) (i32.const 1)) (i32.const 31))
(assert_return (invoke "if_param_over_value" (i32.const 5) (i32.const 0)) (i32.const 1))
(assert_return (invoke "if_params_two_deep" (i64.const 5) (i32.const 1)) (i64.const -89))
(assert_return (invoke "if_params_two_deep" (i64.const 5) (i32.const 0)) (i64.const -169))

;; A `return_call` of the function itself reuses the frame: it is a jump to the body's start,
;; after the declared locals are zeroed (with up to four of them; more keep the call).
(module
  (import "spectest" "global_i32" (global $g i32))
  ;; Counts the turns that found every local zero, then dirties them all.
  (func $four (export "four") (param $n i32) (param $zeros i32) (param $ext externref)
    (result i32)
    (local $a i32) (local $b i64) (local $c f64) (local $r externref)
    (if (i32.and
          (i32.and (i32.eqz (local.get $a)) (i64.eqz (local.get $b)))
          (i32.and (f64.eq (local.get $c) (f64.const 0)) (ref.is_null (local.get $r))))
      (then (local.set $zeros (i32.add (local.get $zeros) (i32.const 1)))))
    (local.set $a (i32.const 7))
    (local.set $b (i64.const -1))
    (local.set $c (f64.const 2.5))
    (local.set $r (local.get $ext))
    (if (i32.eqz (local.get $n)) (then (return (local.get $zeros))))
    (return_call $four (i32.sub (local.get $n) (i32.const 1)) (local.get $zeros) (local.get $ext)))
  (func $five (export "five") (param $n i32) (param $zeros i32) (result i32)
    (local $a i32) (local $b i32) (local $c i32) (local $d i32) (local $e i64)
    (if (i64.eqz (i64.add (i64.extend_i32_u
          (i32.or (i32.or (local.get $a) (local.get $b)) (i32.or (local.get $c) (local.get $d))))
          (local.get $e)))
      (then (local.set $zeros (i32.add (local.get $zeros) (i32.const 1)))))
    (local.set $a (i32.const 1)) (local.set $b (i32.const 2)) (local.set $c (i32.const 3))
    (local.set $d (i32.const 4)) (local.set $e (i64.const 5))
    (if (i32.eqz (local.get $n)) (then (return (local.get $zeros))))
    (return_call $five (i32.sub (local.get $n) (i32.const 1)) (local.get $zeros)))
  ;; The arguments swap the parameters: each is read before the other is overwritten. A value
  ;; below them on the stack, and the call inside a block and a loop, change nothing.
  (func $swap (export "swap") (param $n i32) (param $x i64) (param $y i64) (result i64)
    (if (i32.eqz (local.get $n)) (then (return (i64.sub (local.get $x) (local.get $y)))))
    (i64.const 99)
    (block (param i64) (result i64)
      (loop (param i64) (result i64)
        (return_call $swap
          (i32.sub (local.get $n) (i32.const 1)) (local.get $y) (local.get $x)))))
  ;; A million turns run in one frame.
  (func $count (export "count") (param $n i32) (param $acc i64) (result i64)
    (if (i32.eqz (local.get $n)) (then (return (local.get $acc))))
    (return_call $count (i32.sub (local.get $n) (i32.const 1))
      (i64.add (local.get $acc) (i64.extend_i32_u (local.get $n)))))
  ;; With an import before them, function indices count it: a tail call of another function is
  ;; not taken for one of itself.
  (func $other (param i32) (result i32) (i32.add (local.get 0) (global.get $g)))
  (func (export "calls_other") (param $n i32) (result i32)
    (return_call $other (i32.mul (local.get $n) (i32.const 10)))))

(assert_return (invoke "four" (i32.const 5) (i32.const 0) (ref.extern 1)) (i32.const 6))
(assert_return (invoke "five" (i32.const 5) (i32.const 0)) (i32.const 6))
(assert_return (invoke "swap" (i32.const 0) (i64.const 10) (i64.const 3)) (i64.const 7))
(assert_return (invoke "swap" (i32.const 1) (i64.const 10) (i64.const 3)) (i64.const -7))
(assert_return (invoke "swap" (i32.const 4) (i64.const 10) (i64.const 3)) (i64.const 7))
(assert_return (invoke "swap" (i32.const 5) (i64.const 10) (i64.const 3)) (i64.const -7))
(assert_return (invoke "count" (i32.const 1000000) (i64.const 0)) (i64.const 500000500000))
(assert_return (invoke "calls_other" (i32.const 4)) (i32.const 706))
