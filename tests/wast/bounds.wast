;; Bounds checks: an access's code holds its static offset plus its size (`end`), so these
;; test the last byte in and the first byte out for each size, and offsets so large that the
;; sum leaves 32 bits (translated as a trap whatever the address).

(module
  (memory 1)
  (data (i32.const 65528) "\01\02\03\04\05\06\07\08")

  (func (export "load8") (param $a i32) (result i32) (i32.load8_u offset=1 (local.get $a)))
  (func (export "load16") (param $a i32) (result i32) (i32.load16_u offset=2 (local.get $a)))
  (func (export "load32") (param $a i32) (result i32) (i32.load offset=4 (local.get $a)))
  (func (export "load64") (param $a i32) (result i64) (i64.load offset=8 (local.get $a)))
  (func (export "store64") (param $a i32) (result i64)
    (i64.store offset=8 (local.get $a) (i64.const 0x1122334455667788))
    (i64.load offset=8 (local.get $a)))

  ;; The largest offset whose end still fits 32 bits, then the smallest that does not.
  (func (export "load32_fits") (param $a i32) (result i32)
    (i32.load offset=0xfffffffb (local.get $a)))
  (func (export "load32_past") (param $a i32) (result i32)
    (i32.load offset=0xfffffffd (local.get $a)))
  (func (export "store8_past") (param $a i32)
    (i32.store8 offset=0xffffffff (local.get $a) (i32.const 1)))

  ;; Code after an access that always traps: never run, but translated and validated.
  (func (export "after_past") (param $a i32) (result i32)
    (block $b (result i32)
      (drop (i64.load offset=0xfffffff9 (local.get $a)))
      (drop (br_if $b (i32.const 7) (local.get $a)))
      (i32.const 8)))
  (func (export "past_in_dead_arm") (param $a i32) (result i32)
    (if (result i32) (local.get $a)
      (then (i32.const 1))
      (else (i32.load offset=0xffffffff (local.get $a)))))
)

(assert_return (invoke "load8" (i32.const 65534)) (i32.const 8))
(assert_trap (invoke "load8" (i32.const 65535)) "out of bounds memory access")
(assert_return (invoke "load16" (i32.const 65532)) (i32.const 0x0807))
(assert_trap (invoke "load16" (i32.const 65533)) "out of bounds memory access")
(assert_return (invoke "load32" (i32.const 65528)) (i32.const 0x08070605))
(assert_trap (invoke "load32" (i32.const 65529)) "out of bounds memory access")
(assert_return (invoke "load64" (i32.const 65520)) (i64.const 0x0807060504030201))
(assert_trap (invoke "load64" (i32.const 65521)) "out of bounds memory access")
(assert_trap (invoke "load64" (i32.const -1)) "out of bounds memory access")
(assert_return (invoke "store64" (i32.const 65520)) (i64.const 0x1122334455667788))
(assert_trap (invoke "store64" (i32.const 65521)) "out of bounds memory access")
(assert_trap (invoke "load32_fits" (i32.const 0)) "out of bounds memory access")
(assert_trap (invoke "load32_past" (i32.const 0)) "out of bounds memory access")
(assert_trap (invoke "store8_past" (i32.const 0)) "out of bounds memory access")
(assert_trap (invoke "after_past" (i32.const 0)) "out of bounds memory access")
(assert_trap (invoke "after_past" (i32.const 1)) "out of bounds memory access")
(assert_return (invoke "past_in_dead_arm" (i32.const 1)) (i32.const 1))
(assert_trap (invoke "past_in_dead_arm" (i32.const 0)) "out of bounds memory access")
