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
