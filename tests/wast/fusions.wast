;; wasmloom's own script: the translator's fusions, at their edges. Runs with the spec suite on
;; every dispatch mode (as `wasmloom/fusions.wast`).

;; An i32.add folded into a load's or store's address wraps at 2^32 before the offset is added,
;; exactly as the add would.
(module
  (memory 1)
  (data (i32.const 0) "\01\02\03\04\05\06\07\08")
  (func (export "load_ss") (param $p i32) (param $i i32) (result i32)
    (i32.load8_u (i32.add (local.get $p) (local.get $i))))
  (func (export "load_si") (param $p i32) (result i32)
    (i32.load8_u offset=1 (i32.add (local.get $p) (i32.const 4))))
  (func (export "load_is") (param $p i32) (result i32)
    (i32.load8_u (i32.add (i32.const 2) (local.get $p))))
  (func (export "load_ss_to_local") (param $p i32) (param $i i32) (result i32)
    (local $x i32)
    (local.set $x (i32.load16_u (i32.add (local.get $p) (local.get $i))))
    (local.get $x))
  (func (export "store_ss") (param $p i32) (param $i i32) (param $v i32) (result i32)
    (i32.store8 (i32.add (local.get $p) (local.get $i)) (local.get $v))
    (i32.load8_u (i32.const 0)))
  (func (export "store_si_imm") (param $p i32) (result i32)
    (i32.store8 offset=2 (i32.add (local.get $p) (i32.const 1)) (i32.const 99))
    (i32.load8_u (i32.const 2)))
  ;; The f64 accumulator is taken when the load comes: it spills first, then the load's result
  ;; is written to a local by the load itself.
  (func (export "load_ss_spill_then_tee") (param $p i32) (param $i i32) (param $a f64) (result f64)
    (local $x f64)
    (f64.add
      (f64.mul (local.get $a) (local.get $a))
      (local.tee $x (f64.load (i32.add (local.get $p) (local.get $i)))))
    (f64.add (local.get $x)))
  (func (export "store_ss_acc") (param $p i32) (param $i i32) (result f64)
    (f64.store (i32.add (local.get $p) (local.get $i)) (f64.mul (f64.const 1.5) (f64.const 3)))
    (f64.load (i32.const 16)))
)
(assert_return (invoke "load_ss" (i32.const 2) (i32.const 3)) (i32.const 6))
(assert_return (invoke "load_ss" (i32.const -1) (i32.const 1)) (i32.const 1))
(assert_return (invoke "load_ss" (i32.const -8) (i32.const 15)) (i32.const 8))
(assert_trap (invoke "load_ss" (i32.const 65535) (i32.const 1)) "out of bounds memory access")
(assert_return (invoke "load_si" (i32.const -4)) (i32.const 2))
(assert_return (invoke "load_si" (i32.const 0)) (i32.const 6))
(assert_trap (invoke "load_si" (i32.const 65531)) "out of bounds memory access")
(assert_return (invoke "load_is" (i32.const -2)) (i32.const 1))
(assert_return (invoke "load_ss_to_local" (i32.const -1) (i32.const 2)) (i32.const 0x0302))
(assert_return (invoke "store_ss" (i32.const -1) (i32.const 1) (i32.const 77)) (i32.const 77))
(assert_trap (invoke "store_ss" (i32.const 65536) (i32.const 0) (i32.const 1)) "out of bounds memory access")
(assert_return (invoke "store_si_imm" (i32.const 0)) (i32.const 3))
(assert_return (invoke "store_si_imm" (i32.const -1)) (i32.const 99))
(assert_return (invoke "store_ss_acc" (i32.const 8) (i32.const 8)) (f64.const 4.5))
(assert_return (invoke "load_ss_spill_then_tee" (i32.const 16) (i32.const 0) (f64.const 3)) (f64.const 18))

;; Results written straight to a local (the `D` variants) also stay in the accumulator.
(module
  (func (export "tee_twice") (param $a i32) (param $b i32) (result i32)
    (local $x i32) (local $y i32)
    (local.set $y (local.tee $x (i32.mul (local.get $a) (local.get $b))))
    (i32.add (local.get $x) (local.get $y)))
  (func (export "set_then_acc") (param $a f64) (result f64)
    (local $x f64)
    (local.set $x (f64.add (local.get $a) (f64.const 1)))
    (f64.mul (local.get $x) (local.get $x)))
  (func (export "compare_to_local") (param $a i32) (param $b i32) (result i32)
    (local $c i32)
    (local.set $c (i32.lt_s (local.get $a) (local.get $b)))
    (if (result i32) (local.get $c) (then (i32.const 10)) (else (i32.const 20))))
  (func (export "unary_to_local") (param $a i64) (result i64)
    (local $x i64)
    (local.set $x (i64.popcnt (local.get $a)))
    (i64.add (local.get $x) (i64.const 100)))
  (func (export "loop_counter") (param $n i32) (result i32)
    (local $i i32) (local $s i32)
    (loop $l
      (local.set $s (i32.add (local.get $s) (local.get $i)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
    (local.get $s))
)
(assert_return (invoke "tee_twice" (i32.const 6) (i32.const 7)) (i32.const 84))
(assert_return (invoke "set_then_acc" (f64.const 2)) (f64.const 9))
(assert_return (invoke "compare_to_local" (i32.const -1) (i32.const 1)) (i32.const 10))
(assert_return (invoke "compare_to_local" (i32.const 1) (i32.const -1)) (i32.const 20))
(assert_return (invoke "unary_to_local" (i64.const -1)) (i64.const 164))
(assert_return (invoke "loop_counter" (i32.const 100)) (i32.const 4950))

;; Float compares fused into branches: NaN fails every ordered compare, so an `if` (a branch on
;; the negation) must not turn `<` into `>=`.
(module
  (func (export "br_if_lt") (param $a f64) (param $b f64) (result i32)
    (block $yes (br_if $yes (f64.lt (local.get $a) (local.get $b))) (return (i32.const 0)))
    (i32.const 1))
  (func (export "if_lt") (param $a f64) (param $b f64) (result i32)
    (if (result i32) (f64.lt (local.get $a) (local.get $b)) (then (i32.const 1)) (else (i32.const 0))))
  (func (export "if_ge_imm") (param $a f32) (result i32)
    (if (result i32) (f32.ge (local.get $a) (f32.const 0)) (then (i32.const 1)) (else (i32.const 0))))
  (func (export "br_if_ne_imm_lhs") (param $a f32) (result i32)
    (block $yes (br_if $yes (f32.gt (f32.const 1) (local.get $a))) (return (i32.const 0)))
    (i32.const 1))
)
(assert_return (invoke "br_if_lt" (f64.const 1) (f64.const 2)) (i32.const 1))
(assert_return (invoke "br_if_lt" (f64.const 2) (f64.const 1)) (i32.const 0))
(assert_return (invoke "br_if_lt" (f64.const nan) (f64.const 1)) (i32.const 0))
(assert_return (invoke "if_lt" (f64.const 1) (f64.const 2)) (i32.const 1))
(assert_return (invoke "if_lt" (f64.const nan) (f64.const 2)) (i32.const 0))
(assert_return (invoke "if_lt" (f64.const 2) (f64.const nan)) (i32.const 0))
(assert_return (invoke "if_ge_imm" (f32.const 0)) (i32.const 1))
(assert_return (invoke "if_ge_imm" (f32.const -1)) (i32.const 0))
(assert_return (invoke "if_ge_imm" (f32.const nan)) (i32.const 0))
(assert_return (invoke "br_if_ne_imm_lhs" (f32.const 0)) (i32.const 1))
(assert_return (invoke "br_if_ne_imm_lhs" (f32.const 1)) (i32.const 0))
(assert_return (invoke "br_if_ne_imm_lhs" (f32.const nan)) (i32.const 0))

;; `global.get` right after `global.set` of the same global reuses the accumulator; of another
;; global, it must not.
(module
  (global $g (mut i32) (i32.const 0))
  (global $h (mut i32) (i32.const 5))
  (func (export "bump") (result i32)
    (global.set $g (i32.add (global.get $g) (i32.const 1)))
    (global.get $g))
  (func (export "other") (result i32)
    (global.set $g (i32.const 7))
    (global.set $g (i32.add (global.get $h) (i32.const 1)))
    (global.get $h))
  (func (export "across_block") (param $c i32) (result i32)
    (global.set $g (i32.const 40))
    (block $b
      (global.set $g (i32.add (global.get $g) (i32.const 2)))
      (br_if $b (local.get $c))
      (global.set $g (i32.const 1)))
    (global.get $g))
)
(assert_return (invoke "bump") (i32.const 1))
(assert_return (invoke "bump") (i32.const 2))
(assert_return (invoke "other") (i32.const 5))
(assert_return (invoke "across_block" (i32.const 0)) (i32.const 1))
(assert_return (invoke "across_block" (i32.const 1)) (i32.const 42))

;; One result returned by the return op itself; `i64.extend_i32_u` of a negative i32 only
;; changes its type, as an i32 sits zero-extended everywhere.
(module
  (func (export "ret_slot") (param $a i32) (param $b i32) (result i32) (local.get $b))
  (func (export "ret_imm") (param $a i32) (result i64)
    (if (local.get $a) (then (return (i64.const -3))))
    (i64.const 0x1_0000_0000))
  (func (export "extend_u") (param $a i32) (result i64)
    (i64.add (i64.extend_i32_u (i32.sub (local.get $a) (i32.const 1))) (i64.const 1)))
  (func (export "extend_u_imm") (result i64) (i64.extend_i32_u (i32.const -1)))
  (func (export "extend_u_local") (param $a i32) (result i64) (i64.extend_i32_u (local.get $a)))
)
(assert_return (invoke "ret_slot" (i32.const 1) (i32.const 2)) (i32.const 2))
(assert_return (invoke "ret_imm" (i32.const 1)) (i64.const -3))
(assert_return (invoke "ret_imm" (i32.const 0)) (i64.const 0x1_0000_0000))
(assert_return (invoke "extend_u" (i32.const 0)) (i64.const 0x1_0000_0000))
(assert_return (invoke "extend_u_imm") (i64.const 0xffff_ffff))
(assert_return (invoke "extend_u_local" (i32.const -2)) (i64.const 0xffff_fffe))

;; A loop counter's step fused with the compare and branch that test it.
(module
  (memory 1)
  (func (export "count_up_imm") (result i32)
    (local $i i32) (local $n i32)
    (loop $l
      (local.set $n (i32.add (local.get $n) (i32.const 3)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (i32.const 10))))
    (i32.add (local.get $n) (i32.mul (local.get $i) (i32.const 1000))))
  (func (export "count_up_slot") (param $n i32) (result i32)
    (local $i i32)
    (loop $l
      (local.set $i (i32.add (i32.const 2) (local.get $i)))
      (br_if $l (i32.gt_s (local.get $n) (local.get $i))))
    (local.get $i))
  (func (export "count_down") (param $n i32) (result i32)
    (local $s i32)
    (loop $l
      (local.set $s (i32.add (local.get $s) (local.get $n)))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br_if $l (local.get $n)))
    (local.get $s))
  (func (export "if_on_counter") (param $i i32) (result i32)
    (local.set $i (i32.add (local.get $i) (i32.const -1)))
    (if (result i32) (i32.eqz (local.get $i)) (then (i32.const 100)) (else (local.get $i))))
  (func (export "wraps") (param $i i32) (result i32)
    (local.set $i (i32.add (local.get $i) (i32.const 1)))
    (if (result i32) (i32.lt_s (local.get $i) (i32.const 0)) (then (i32.const 1)) (else (i32.const 0))))
  ;; An add folded into a load's address is not a step, though the load's result goes back to
  ;; the add's slot.
  (func (export "not_a_step") (param $p i32) (result i32)
    (memory.fill (i32.const 0) (i32.const 1) (i32.const 16))
    (block $b
      (local.set $p (i32.load8_u (i32.add (local.get $p) (i32.const 4))))
      (br_if $b (i32.le_u (local.get $p) (i32.const 0)))
      (return (local.get $p)))
    (i32.const 9))
  (func (export "tee_counter") (param $i i32) (result i32)
    (block $b
      (br_if $b (i32.ge_u (local.tee $i (i32.add (local.get $i) (i32.const 5))) (i32.const 7))))
    (local.get $i))
)
(assert_return (invoke "count_up_imm") (i32.const 10030))
(assert_return (invoke "count_up_slot" (i32.const 9)) (i32.const 10))
(assert_return (invoke "count_up_slot" (i32.const -5)) (i32.const 2))
(assert_return (invoke "count_down" (i32.const 10)) (i32.const 55))
(assert_return (invoke "if_on_counter" (i32.const 1)) (i32.const 100))
(assert_return (invoke "if_on_counter" (i32.const 5)) (i32.const 4))
(assert_return (invoke "wraps" (i32.const 0x7fffffff)) (i32.const 1))
(assert_return (invoke "wraps" (i32.const 5)) (i32.const 0))
(assert_return (invoke "not_a_step" (i32.const 0)) (i32.const 1))
(assert_return (invoke "tee_counter" (i32.const 1)) (i32.const 6))
(assert_return (invoke "tee_counter" (i32.const 3)) (i32.const 8))

;; Two copies in a row are one op; the second reads what the first wrote.
(module
  (func (export "swap_chain") (param $a i64) (param $b i64) (result i64)
    (local $t i64)
    (local.set $t (local.get $a))
    (local.set $a (local.get $b))
    (local.set $b (local.get $t))
    (local.set $t (local.get $a))
    (i64.sub (local.get $a) (i64.mul (local.get $b) (local.get $t))))
  (func (export "fib") (param $n i32) (result i64)
    (local $a i64) (local $b i64) (local $t i64)
    (local.set $b (i64.const 1))
    (block $done
      (br_if $done (i32.eqz (local.get $n)))
      (loop $l
        (local.set $t (i64.add (local.get $a) (local.get $b)))
        (local.set $a (local.get $b))
        (local.set $b (local.get $t))
        (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))
    (local.get $a))
)
(assert_return (invoke "swap_chain" (i64.const 3) (i64.const 5)) (i64.const -10))
(assert_return (invoke "fib" (i32.const 0)) (i64.const 0))
(assert_return (invoke "fib" (i32.const 10)) (i64.const 55))
(assert_return (invoke "fib" (i32.const 90)) (i64.const 2880067194370816120))

;; A float operand in a slot the accumulator was just written to is read from the accumulator,
;; on either side of a non-commutative op, but never across a branch target.
(module
  (func (export "tee_then_rhs") (param $a f64) (param $b f64) (result f64) (local $t f64) (local $u f64)
    (local.set $u (local.tee $t (f64.add (local.get $a) (local.get $b))))
    (f64.sub (local.get $b) (local.get $u)))
  (func (export "set_then_lhs") (param $a f64) (param $b f64) (result f64) (local $t f64)
    (local.set $t (f64.mul (local.get $a) (local.get $b)))
    (f64.sub (local.get $t) (local.get $a)))
  (func (export "set_then_loop") (param $a f32) (param $n i32) (result f32) (local $t f32)
    (local.set $t (f32.add (local.get $a) (f32.const 1)))
    (loop $l
      (local.set $t (f32.mul (local.get $t) (f32.const 2)))
      (drop (f32.sqrt (local.get $a)))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $t)))

(assert_return (invoke "tee_then_rhs" (f64.const 1.5) (f64.const 2.25)) (f64.const -1.5))
(assert_return (invoke "set_then_lhs" (f64.const 3) (f64.const 5)) (f64.const 12))
(assert_return (invoke "set_then_loop" (f32.const 3) (i32.const 3)) (f32.const 32))

;; The same for integer operands (other than those of i32 adds, subs and compares).
(module
  (func (export "set_then_i64_rhs") (param $a i64) (param $b i64) (result i64) (local $t i64)
    (local.set $t (i64.mul (local.get $a) (local.get $b)))
    (i64.sub (local.get $a) (local.get $t)))
  (func (export "tee_then_shift") (param $a i32) (param $b i32) (result i32) (local $t i32)
    (drop (local.tee $t (i32.xor (local.get $a) (local.get $b))))
    (i32.shl (local.get $b) (local.get $t))))

(assert_return (invoke "set_then_i64_rhs" (i64.const 7) (i64.const -3)) (i64.const 28))
(assert_return (invoke "tee_then_shift" (i32.const 6) (i32.const 3)) (i32.const 96))

;; Loads and stores read an address or value from the accumulator that holds its slot's value.
(module
  (memory 1)
  (func (export "tee_addr_load") (param $p i32) (result i32) (local $q i32)
    (i32.store (i32.const 40) (i32.const 0x01020304))
    (drop (local.tee $q (i32.mul (local.get $p) (i32.const 4))))
    (i32.load (local.get $q)))
  (func (export "tee_value_store") (param $x f64) (param $p i32) (result f64) (local $y f64)
    (local.set $y (f64.mul (local.get $x) (f64.const 3)))
    (f64.store (local.get $p) (local.get $y))
    (f64.load (i32.const 8)))
  (func (export "tee_addr_store") (param $p i32) (param $v i32) (result i32) (local $q i32)
    (local.set $q (i32.mul (local.get $p) (i32.const 2)))
    (i32.store (local.get $q) (local.get $v))
    (i32.load (i32.const 20))))

(assert_return (invoke "tee_addr_load" (i32.const 10)) (i32.const 0x01020304))
(assert_return (invoke "tee_value_store" (f64.const 1.5) (i32.const 8)) (f64.const 4.5))
(assert_return (invoke "tee_addr_store" (i32.const 10) (i32.const -9)) (i32.const -9))

;; A float multiply of the value the accumulator holds by itself (`local.tee $x; local.get $x`)
;; squares the accumulator; anything else multiplies as usual.
(module
  (func (export "f64_square") (param $a f64) (param $b f64) (result f64)
    (local $x f64)
    (f64.mul (local.tee $x (f64.add (local.get $a) (local.get $b))) (local.get $x)))
  (func (export "f32_square_to_local") (param $a f32) (param $b f32) (result f32)
    (local $x f32) (local $y f32)
    (local.set $y (f32.mul (local.tee $x (f32.sub (local.get $a) (local.get $b))) (local.get $x)))
    (f32.add (local.get $y) (local.get $x)))
  ;; The first operand is $x before the tee: not a square.
  (func (export "old_times_new") (param $x f64) (result f64)
    (f64.mul (local.get $x) (local.tee $x (f64.const 3))))
  ;; The accumulator holds $y when $x is squared.
  (func (export "square_of_other") (param $x f64) (param $a f64) (result f64)
    (local $y f64)
    (local.set $y (f64.add (local.get $a) (local.get $a)))
    (f64.add (f64.mul (local.get $x) (local.get $x)) (local.get $y)))
)
(assert_return (invoke "f64_square" (f64.const 1.5) (f64.const 1.5)) (f64.const 9))
(assert_return (invoke "f64_square" (f64.const -0) (f64.const -0)) (f64.const 0))
(assert_return (invoke "f64_square" (f64.const inf) (f64.const -inf)) (f64.const nan:arithmetic))
(assert_return (invoke "f64_square" (f64.const -1e200) (f64.const 0)) (f64.const inf))
(assert_return (invoke "f32_square_to_local" (f32.const 1) (f32.const 4)) (f32.const 6))
(assert_return (invoke "f32_square_to_local" (f32.const nan) (f32.const 0)) (f32.const nan:canonical))
(assert_return (invoke "old_times_new" (f64.const 2)) (f64.const 6))
(assert_return (invoke "square_of_other" (f64.const 3) (f64.const 0.5)) (f64.const 10))

;; Copies and constants written to slots leave the accumulators alone: a value just computed
;; into a local is still read from the accumulator after them, unless one of them overwrote
;; that local or a branch target came between. A copy followed by such a read is one op.
(module
  (func (export "rotate_i64") (param $a i64) (param $b i64) (result i64)
    (local $t i64)
    (local.set $t (i64.add (local.get $a) (local.get $b)))
    (local.set $a (local.get $b))
    (local.set $b (local.get $t))
    (i64.add (i64.mul (local.get $a) (i64.const 1000)) (local.get $b)))
  (func (export "rotate_f32") (param $a f32) (param $b f32) (result f32)
    (local $t f32)
    (local.set $t (f32.add (local.get $a) (local.get $b)))
    (local.set $a (local.get $b))
    (local.set $b (local.get $t))
    (f32.add (f32.mul (local.get $a) (f32.const 1000)) (local.get $b)))
  (func (export "rotate_f64") (param $a f64) (param $b f64) (result f64)
    (local $t f64)
    (local.set $t (f64.add (local.get $a) (local.get $b)))
    (local.set $a (local.get $b))
    (local.set $b (local.get $t))
    (f64.add (f64.mul (local.get $a) (f64.const 1000)) (local.get $b)))
  (func (export "fib") (param $n i32) (result i64)
    (local $a i64) (local $b i64) (local $t i64)
    (local.set $b (i64.const 1))
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $t (i64.add (local.get $a) (local.get $b)))
        (local.set $a (local.get $b))
        (local.set $b (local.get $t))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $next)))
    (local.get $a))
  ;; The copy overwrites the local whose value the accumulator holds.
  (func (export "copy_over_held") (param $a i64) (param $b i64) (result i64)
    (local $t i64)
    (local.set $t (i64.add (local.get $a) (local.get $b)))
    (local.set $t (local.get $a))
    (local.set $b (local.get $t))
    (local.get $b))
  ;; So does a constant.
  (func (export "const_over_held") (param $a i64) (param $b i64) (result i64)
    (local $t i64)
    (local.set $t (i64.add (local.get $a) (local.get $b)))
    (local.set $t (i64.const 5))
    (local.set $b (local.get $t))
    (local.get $b))
  ;; A branch target between: $t is the sum on one path and $a on the other.
  (func (export "target_between") (param $a i64) (param $b i64) (param $c i32) (result i64)
    (local $t i64)
    (local.set $t (i64.add (local.get $a) (local.get $b)))
    (block $l
      (br_if $l (local.get $c))
      (local.set $t (local.get $a)))
    (local.set $b (local.get $t))
    (local.get $b))
)
(assert_return (invoke "rotate_i64" (i64.const 3) (i64.const 4)) (i64.const 4007))
(assert_return (invoke "rotate_i64" (i64.const -1) (i64.const 0)) (i64.const -1))
(assert_return (invoke "rotate_f32" (f32.const 3) (f32.const 4)) (f32.const 4007))
(assert_return (invoke "rotate_f64" (f64.const 0.5) (f64.const 0.25)) (f64.const 250.75))
(assert_return (invoke "rotate_f64" (f64.const nan) (f64.const 1)) (f64.const nan:canonical))
(assert_return (invoke "fib" (i32.const 0)) (i64.const 0))
(assert_return (invoke "fib" (i32.const 1)) (i64.const 1))
(assert_return (invoke "fib" (i32.const 10)) (i64.const 55))
(assert_return (invoke "fib" (i32.const 93)) (i64.const 0xa94f_ad42_221f_2702))
(assert_return (invoke "copy_over_held" (i64.const 3) (i64.const 4)) (i64.const 3))
(assert_return (invoke "const_over_held" (i64.const 3) (i64.const 4)) (i64.const 5))
(assert_return (invoke "target_between" (i64.const 3) (i64.const 4) (i32.const 1)) (i64.const 7))
(assert_return (invoke "target_between" (i64.const 3) (i64.const 4) (i32.const 0)) (i64.const 3))

;; A float load whose result must leave the accumulator after integer ops were emitted writes it
;; to its stack home itself (the integer ops move up): `c[j] + a * b[j]`, with the address of
;; `b[j]` computed in between, and folded into the second load or not.
(module
  (memory 1)
  (data (i32.const 0) "\00\00\00\00\00\00\f8\3f")   ;; 1.5
  (data (i32.const 8) "\00\00\00\00\00\00\04\40")   ;; 2.5
  (data (i32.const 16) "\00\00\00\00\00\00\10\40")  ;; 4.0
  (func (export "mul_add") (param $c i32) (param $b i32) (param $i i32) (param $a f64) (result f64)
    (local $t i32)
    (f64.add
      (f64.load (local.get $c))
      (f64.mul
        (local.get $a)
        (f64.load (local.tee $t (i32.add (local.get $b) (local.get $i)))))))
  (func (export "mul_add_folded") (param $c i32) (param $b i32) (param $a f64) (result f64)
    (f64.add
      (f64.load (local.get $c))
      (f64.mul (local.get $a) (f64.load (i32.add (local.get $b) (i32.const 8))))))
  ;; Integer ops, a copy and a constant between; the integer results are still right after
  ;; their code moved.
  (func (export "between") (param $c i32) (param $b i32) (result f64)
    (local $x i32) (local $y i32)
    (f64.load (local.get $c))
    (local.set $x (i32.mul (local.get $b) (i32.const 3)))
    (local.set $y (local.get $b))
    (local.set $b (i32.const 16))
    (f64.sub (f64.load (local.get $b)))
    (f64.add (f64.convert_i32_s (i32.add (local.get $x) (local.get $y)))))
  ;; Written to a local instead, the value may not move up past the copy that saves the
  ;; local's old value (`local.get $x` is still on the stack).
  (func (export "to_local") (param $x f64) (param $p i32) (result f64)
    (local.get $x)
    (f64.load (local.get $p))
    (drop (i32.add (local.get $p) (i32.const 1)))
    (local.set $x)
    (f64.sub (local.get $x)))
)
(assert_return (invoke "mul_add" (i32.const 0) (i32.const 8) (i32.const 8) (f64.const 2)) (f64.const 9.5))
(assert_return (invoke "mul_add" (i32.const 16) (i32.const 0) (i32.const 0) (f64.const -1)) (f64.const 2.5))
(assert_trap (invoke "mul_add" (i32.const 0) (i32.const 65536) (i32.const 0) (f64.const 2)) "out of bounds memory access")
(assert_return (invoke "mul_add_folded" (i32.const 0) (i32.const 0) (f64.const 2)) (f64.const 6.5))
(assert_return (invoke "mul_add_folded" (i32.const 8) (i32.const 8) (f64.const 0.5)) (f64.const 4.5))
(assert_return (invoke "between" (i32.const 8) (i32.const 2)) (f64.const 6.5))
(assert_return (invoke "to_local" (f64.const 10) (i32.const 0)) (f64.const 8.5))

;; A multiply, then an add of a slot to its product: one multiply-add op, from each operand
;; kind of the multiply, into the accumulator or a local. The product is rounded before the
;; add, as by the two Wasm ops (a fused multiply-add would round once), and integers wrap.
(module
  (func (export "i32_mul_add_to_local") (param $a i32) (param $b i32) (param $s i32) (result i32)
    (local.set $s (i32.add (local.get $s) (i32.mul (local.get $a) (local.get $b))))
    (local.get $s))
  (func (export "i32_mul_add_imm") (param $a i32) (param $s i32) (result i32)
    (i32.add (i32.mul (local.get $a) (i32.const 0x10001)) (local.get $s)))
  (func (export "i64_mul_add_acc") (param $a i64) (param $b i64) (param $s i64) (result i64)
    (i64.add (local.get $s) (i64.mul (i64.add (local.get $a) (i64.const 1)) (local.get $b))))
  (func (export "i64_mul_add_acc_imm") (param $a i64) (param $s i64) (result i64)
    (i64.add (local.get $s) (i64.mul (i64.xor (local.get $a) (i64.const 1)) (i64.const 3))))
  (func (export "f64_mul_add") (param $x f64) (param $y f64) (param $c f64) (result f64)
    (f64.add (f64.mul (local.get $x) (local.get $y)) (local.get $c)))
  (func (export "f32_mul_add") (param $x f32) (param $y f32) (param $c f32) (result f32)
    (f32.add (local.get $c) (f32.mul (local.get $x) (local.get $y))))
  ;; The result stays in the accumulator for the next op.
  (func (export "i32_mul_add_then") (param $a i32) (param $b i32) (param $s i32) (result i32)
    (i32.xor (i32.add (i32.mul (local.get $a) (local.get $b)) (local.get $s)) (i32.const 1)))
  ;; The addend is the local the result goes to, and a factor too.
  (func (export "f64_accumulate") (param $s f64) (param $y f64) (result f64)
    (local.set $s (f64.add (local.get $s) (f64.mul (local.get $s) (local.get $y))))
    (local.get $s))
)
(assert_return (invoke "i32_mul_add_to_local" (i32.const 6) (i32.const 7) (i32.const 100)) (i32.const 142))
(assert_return (invoke "i32_mul_add_to_local" (i32.const 0x10000) (i32.const 0x10000) (i32.const 5)) (i32.const 5))
(assert_return (invoke "i32_mul_add_to_local" (i32.const -3) (i32.const 4) (i32.const 0x7fffffff)) (i32.const 0x7ffffff3))
(assert_return (invoke "i32_mul_add_imm" (i32.const 0x10000) (i32.const 1)) (i32.const 0x10001))
(assert_return (invoke "i32_mul_add_imm" (i32.const 2) (i32.const -1)) (i32.const 0x20001))
(assert_return (invoke "i64_mul_add_acc" (i64.const 1) (i64.const 0x4000000000000000) (i64.const 7)) (i64.const 0x8000000000000007))
(assert_return (invoke "i64_mul_add_acc" (i64.const -1) (i64.const 99) (i64.const -2)) (i64.const -2))
(assert_return (invoke "i64_mul_add_acc_imm" (i64.const 4) (i64.const 10)) (i64.const 25))
(assert_return (invoke "f64_mul_add" (f64.const 1.5) (f64.const 2) (f64.const 0.25)) (f64.const 3.25))
;; (1 + 2^-27)^2 rounds to 1 + 2^-26; a fused multiply-add would leave 2^-54.
(assert_return (invoke "f64_mul_add" (f64.const 0x1.0000002p+0) (f64.const 0x1.0000002p+0) (f64.const -0x1.0000004p+0)) (f64.const 0))
(assert_return (invoke "f64_mul_add" (f64.const inf) (f64.const 0) (f64.const 1)) (f64.const nan:arithmetic))
(assert_return (invoke "f64_mul_add" (f64.const 1e308) (f64.const 10) (f64.const -inf)) (f64.const nan:arithmetic))
(assert_return (invoke "f32_mul_add" (f32.const 3) (f32.const -0.5) (f32.const 1)) (f32.const -0.5))
;; (1 + 2^-13)^2 rounds to 1 + 2^-12 in f32; fused, 2^-26 would be left.
(assert_return (invoke "f32_mul_add" (f32.const 0x1.0008p+0) (f32.const 0x1.0008p+0) (f32.const -0x1.001p+0)) (f32.const 0))
(assert_return (invoke "i32_mul_add_then" (i32.const 5) (i32.const 5) (i32.const 1)) (i32.const 27))
(assert_return (invoke "f64_accumulate" (f64.const 3) (f64.const 2)) (f64.const 9))
(assert_return (invoke "f64_accumulate" (f64.const -0) (f64.const 1)) (f64.const -0))

;; A load whose value a multiply-add takes as its multiplicand: one op, for each address kind
;; (acc, slot, slot + slot, slot + immediate) and each load, into the accumulator or a local.
;; Addresses wrap as `i32.add` does; a load out of bounds traps before anything is written.
(module
  (memory 1)
  (data (i32.const 0) "\03\00\ff\ff\00\80\ff\7f")   ;; i16: 3, -1, -32768, 32767
  (data (i32.const 8) "\ff\02")                       ;; u8: 255, 2
  (data (i32.const 16) "\00\00\01\00")               ;; i32: 0x10000
  (data (i32.const 24) "\00\00\00\00\00\00\00\40")   ;; i64: 0x4000000000000000
  (data (i32.const 32) "\00\04\80\3f")               ;; f32: 1 + 2^-13
  (data (i32.const 40) "\00\00\00\02\00\00\f0\3f")   ;; f64: 1 + 2^-27
  ;; CoreMark's unrolled dot product: i16 elements at base + immediate, into a local.
  (func (export "dot16") (param $p i32) (param $x i32) (param $y i32) (result i32)
    (local $s i32)
    (local.set $s (i32.add (local.get $s)
      (i32.mul (i32.load16_s (i32.add (local.get $p) (i32.const 2))) (local.get $x))))
    (local.set $s (i32.add (local.get $s)
      (i32.mul (local.get $y) (i32.load16_s (i32.add (local.get $p) (i32.const 4))))))
    (local.get $s))
  (func (export "sum16") (param $p i32) (param $n i32) (param $x i32) (result i32)
    (local $s i32)
    (loop $next
      (local.set $s (i32.add (local.get $s) (i32.mul (i32.load16_s (local.get $p)) (local.get $x))))
      (local.set $p (i32.add (local.get $p) (i32.const 2)))
      (br_if $next (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $s))
  ;; Bytes at base + slot index; the result stays in the accumulator for the next op.
  (func (export "bytes") (param $p i32) (param $i i32) (param $x i32) (param $s i32) (result i32)
    (i32.xor
      (i32.add (local.get $s) (i32.mul (i32.load8_u (i32.add (local.get $p) (local.get $i))) (local.get $x)))
      (i32.const 1)))
  (func (export "bytes_to_local") (param $p i32) (param $i i32) (param $x i32) (param $s i32) (result i32)
    (local.set $s (i32.add (local.get $s) (i32.mul (i32.load8_u (i32.add (local.get $p) (local.get $i))) (local.get $x))))
    (local.get $s))
  (func (export "next_op") (param $p i32) (param $x i32) (param $s i32) (result i32)
    (i32.xor (i32.xor (i32.xor
      (i32.add (local.get $s) (i32.mul (i32.load16_s (i32.and (local.get $p) (i32.const 6))) (local.get $x)))
      (i32.add (local.get $s) (i32.mul (i32.load16_s (local.get $p)) (local.get $x))))
      (i32.add (local.get $s) (i32.mul (i32.load16_s (i32.add (local.get $p) (i32.const 2))) (local.get $x))))
      (i32.const 1)))
  (func (export "signed_bytes") (param $p i32) (param $x i32) (param $s i32) (result i32)
    (i32.add (i32.mul (i32.load8_s offset=8 (local.get $p)) (local.get $x)) (local.get $s)))
  (func (export "halves") (param $p i32) (param $x i32) (param $s i32) (result i32)
    (i32.add (i32.mul (i32.load16_u (local.get $p)) (local.get $x)) (local.get $s)))
  ;; The address is computed into the accumulator.
  (func (export "word_at") (param $i i32) (param $x i32) (param $s i32) (result i32)
    (i32.or
      (i32.add (local.get $s) (i32.mul (i32.load (i32.shl (local.get $i) (i32.const 4))) (local.get $x)))
      (i32.const 0)))
  (func (export "i64_at") (param $p i32) (param $x i64) (param $s i64) (result i64)
    (i64.add (local.get $s) (i64.mul (i64.load offset=24 (local.get $p)) (local.get $x))))
  (func (export "f32_at") (param $p i32) (param $x f32) (param $c f32) (result f32)
    (f32.add (f32.mul (f32.load offset=32 (local.get $p)) (local.get $x)) (local.get $c)))
  (func (export "f64_at") (param $p i32) (param $x f64) (param $c f64) (result f64)
    (f64.add (local.get $c) (f64.mul (local.get $x) (f64.load offset=40 (local.get $p)))))
  ;; The loaded value is also kept in a local, or passes a block end: separate ops.
  (func (export "tee") (param $p i32) (param $x i32) (param $s i32) (result i32)
    (local $v i32)
    (local.set $s (i32.add (local.get $s) (i32.mul (local.tee $v (i32.load16_s (local.get $p))) (local.get $x))))
    (i32.add (local.get $s) (i32.mul (local.get $v) (i32.const 1000))))
  (func (export "after_block") (param $p i32) (param $x i32) (param $s i32) (result i32)
    (i32.add (local.get $s) (i32.mul (block (result i32) (i32.load16_s (local.get $p))) (local.get $x))))
)
(assert_return (invoke "dot16" (i32.const 0) (i32.const 10) (i32.const 3)) (i32.const -98314))
(assert_return (invoke "dot16" (i32.const -2) (i32.const 10) (i32.const 3)) (i32.const 27))
(assert_trap (invoke "dot16" (i32.const 65534) (i32.const 1) (i32.const 1)) "out of bounds memory access")
(assert_return (invoke "sum16" (i32.const 0) (i32.const 4) (i32.const 2)) (i32.const 2))
(assert_return (invoke "sum16" (i32.const 2) (i32.const 2) (i32.const 0x10000)) (i32.const 0x7fff0000))
(assert_return (invoke "bytes" (i32.const 8) (i32.const 0) (i32.const 2) (i32.const 1)) (i32.const 510))
(assert_return (invoke "bytes" (i32.const 8) (i32.const 1) (i32.const 2) (i32.const 1)) (i32.const 4))
(assert_return (invoke "bytes" (i32.const 9) (i32.const -1) (i32.const 1) (i32.const 0)) (i32.const 254))
(assert_return (invoke "bytes_to_local" (i32.const 8) (i32.const 1) (i32.const 3) (i32.const 1)) (i32.const 7))
;; (3 * 2 + 1) ^ (3 * 2 + 1) ^ (-1 * 2 + 1) ^ 1
(assert_return (invoke "next_op" (i32.const 0) (i32.const 2) (i32.const 1)) (i32.const -2))
(assert_return (invoke "signed_bytes" (i32.const 0) (i32.const 3) (i32.const 100)) (i32.const 97))
(assert_return (invoke "halves" (i32.const 2) (i32.const 2) (i32.const 0)) (i32.const 131070))
(assert_return (invoke "word_at" (i32.const 1) (i32.const 0x10000) (i32.const 5)) (i32.const 5))
(assert_return (invoke "word_at" (i32.const 1) (i32.const 3) (i32.const -1)) (i32.const 0x2ffff))
(assert_trap (invoke "word_at" (i32.const 4096) (i32.const 1) (i32.const 0)) "out of bounds memory access")
(assert_return (invoke "i64_at" (i32.const 0) (i64.const 2) (i64.const 7)) (i64.const 0x8000000000000007))
(assert_return (invoke "i64_at" (i32.const 0) (i64.const 4) (i64.const 7)) (i64.const 7))
;; Each step rounds: fused, the f32 would leave 2^-26 and the f64 2^-54.
(assert_return (invoke "f32_at" (i32.const 0) (f32.const 0x1.0008p+0) (f32.const -0x1.001p+0)) (f32.const 0))
(assert_return (invoke "f64_at" (i32.const 0) (f64.const 0x1.0000002p+0) (f64.const -0x1.0000004p+0)) (f64.const 0))
(assert_return (invoke "f64_at" (i32.const 0) (f64.const inf) (f64.const -inf)) (f64.const nan:arithmetic))
(assert_trap (invoke "f64_at" (i32.const 65500) (f64.const 1) (f64.const 1)) "out of bounds memory access")
(assert_return (invoke "tee" (i32.const 2) (i32.const 10) (i32.const 5)) (i32.const -1005))
(assert_return (invoke "after_block" (i32.const 4) (i32.const 2) (i32.const 1)) (i32.const -65535))

;; `global.get $g; i32.add/sub k; global.set $g` is one op, also when the sum is `local.tee`'d
;; or set to a local the `global.set` then reads (a stack pointer's bump). A sum set to
;; another global, an i64 global, or another value set keep separate ops.
(module
  (global $g (mut i32) (i32.const 0x7ffffffe))
  (global $h (mut i32) (i32.const 10))
  (global $w (mut i64) (i64.const 5))
  (func (export "bump") (result i32)
    (global.set $g (i32.add (global.get $g) (i32.const 1)))
    (global.get $g))
  (func (export "frame") (result i32)
    (local $fp i32)
    (global.set $h (local.tee $fp (i32.sub (global.get $h) (i32.const 16))))
    (i32.add (i32.mul (local.get $fp) (i32.const 1000)) (global.get $h)))
  (func (export "other") (result i32)
    (global.set $h (i32.add (global.get $g) (i32.const 2)))
    (global.get $h))
  (func (export "wide") (result i64)
    (global.set $w (i64.add (global.get $w) (i64.const 3)))
    (global.get $w))
  ;; A loop starts between the set and the next get.
  (func (export "count") (param $n i32) (result i32)
    (global.set $h (i32.const 0))
    (loop $next
      (global.set $h (i32.add (global.get $h) (i32.const 3)))
      (br_if $next (i32.lt_u (global.get $h) (local.get $n))))
    (global.get $h))
  (func (export "set_other_value") (param $x i32) (result i32)
    (local $fp i32)
    (local.set $fp (i32.sub (global.get $h) (i32.const 16)))
    (global.set $h (local.get $x))
    (i32.add (local.get $fp) (global.get $h)))
  (func (export "set_from_local") (result i32)
    (local $fp i32)
    (local.set $fp (i32.sub (global.get $h) (i32.const 16)))
    (global.set $h (local.get $fp))
    (i32.add (local.get $fp) (global.get $h)))
)
(assert_return (invoke "bump") (i32.const 0x7fffffff))
(assert_return (invoke "bump") (i32.const 0x80000000))
(assert_return (invoke "frame") (i32.const -6006))
(assert_return (invoke "frame") (i32.const -22022))
(assert_return (invoke "other") (i32.const 0x80000002))
(assert_return (invoke "bump") (i32.const 0x80000001))
(assert_return (invoke "wide") (i64.const 8))
(assert_return (invoke "wide") (i64.const 11))
(assert_return (invoke "count" (i32.const 10)) (i32.const 12))
(assert_return (invoke "set_other_value" (i32.const 100)) (i32.const 96))
(assert_return (invoke "set_from_local") (i32.const 168))

;; Two adds or subs of an immediate into slots in a row are one op (`p += 4; q -= 1`); the
;; second may read what the first wrote. A loop's counter step that a branch takes in leaves
;; the first add on its own again.
(module
  (func (export "steps") (param $p i32) (param $q i32) (result i32)
    (local.set $p (i32.add (local.get $p) (i32.const 4)))
    (local.set $q (i32.sub (local.get $q) (i32.const 0x80000000)))
    (i32.sub (local.get $p) (local.get $q)))
  (func (export "chained") (param $p i32) (result i32)
    (local $q i32)
    (local.set $p (i32.sub (local.get $p) (i32.const 3)))
    (local.set $q (i32.add (local.get $p) (i32.const -5)))
    (i32.mul (local.get $p) (local.get $q)))
  ;; The accumulator keeps the second sum.
  (func (export "then") (param $p i32) (param $q i32) (result i32)
    (local.set $p (i32.add (local.get $p) (i32.const 1)))
    (local.set $q (i32.sub (local.get $q) (i32.const 1)))
    (i32.xor (local.get $q) (i32.const 0xff)))
  ;; Copies bytes: both pointers step, then the counter, which the branch takes in.
  (func (export "copy") (param $dst i32) (param $src i32) (param $n i32) (result i32)
    (loop $next
      (i32.store8 (local.get $dst) (i32.load8_u (local.get $src)))
      (local.set $dst (i32.add (local.get $dst) (i32.const 1)))
      (local.set $src (i32.add (local.get $src) (i32.const 1)))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br_if $next (local.get $n)))
    (i32.add (i32.load (i32.const 8)) (local.get $dst)))
  ;; The loop branches on the second step's counter; the first still steps.
  (func (export "count") (param $n i32) (result i32)
    (local $i i32) (local $s i32)
    (loop $next
      (local.set $s (i32.add (local.get $s) (i32.const 3)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $next (i32.lt_u (local.get $i) (local.get $n))))
    (i32.add (i32.mul (local.get $i) (i32.const 1000)) (local.get $s)))
  ;; A loop starts between the two.
  (func (export "split") (param $n i32) (result i32)
    (local $i i32) (local $s i32)
    (local.set $s (i32.add (local.get $s) (i32.const 7)))
    (loop $next
      (local.set $i (i32.add (local.get $i) (i32.const 2)))
      (br_if $next (i32.lt_u (local.get $i) (local.get $n))))
    (i32.add (local.get $i) (local.get $s)))
  (memory 1)
  (data (i32.const 0) "\01\02\03\04")
)
(assert_return (invoke "steps" (i32.const 10) (i32.const 1)) (i32.const 0x8000000d))
(assert_return (invoke "steps" (i32.const -4) (i32.const 0x80000000)) (i32.const 0))
(assert_return (invoke "chained" (i32.const 10)) (i32.const 14))
(assert_return (invoke "chained" (i32.const 0)) (i32.const 24))
(assert_return (invoke "then" (i32.const 0) (i32.const 0)) (i32.const 0xffffff00))
(assert_return (invoke "copy" (i32.const 8) (i32.const 0) (i32.const 4)) (i32.const 0x0403020d))
(assert_return (invoke "count" (i32.const 5)) (i32.const 5015))
(assert_return (invoke "count" (i32.const 0)) (i32.const 1003))
(assert_return (invoke "split" (i32.const 5)) (i32.const 13))

;; A loop counter stepped by a slot (`j += i`, or `j = i + j`) and then compared and branched
;; on is one op too: the step is read before the counter is written, the bound after.
(module
  ;; Marks the multiples of $i from $j below $n; counts the marks.
  (func (export "stride") (param $j i32) (param $i i32) (param $n i32) (result i32)
    (local $c i32)
    (loop $next
      (local.set $c (i32.add (local.get $c) (i32.const 1)))
      (local.set $j (i32.add (local.get $j) (local.get $i)))
      (br_if $next (i32.lt_u (local.get $j) (local.get $n))))
    (i32.add (i32.mul (local.get $c) (i32.const 1000)) (local.get $j)))
  (func (export "stride_left") (param $j i32) (param $i i32) (result i32)
    (local $c i32)
    (loop $next
      (local.set $c (i32.add (local.get $c) (i32.const 1)))
      (local.set $j (i32.add (local.get $i) (local.get $j)))
      (br_if $next (i32.gt_s (i32.const 100) (local.get $j))))
    (i32.add (i32.mul (local.get $c) (i32.const 1000)) (local.get $j)))
  ;; Doubles $j until it passes $n.
  (func (export "doubling") (param $j i32) (param $n i32) (result i32)
    (local $c i32)
    (loop $next
      (local.set $c (i32.add (local.get $c) (i32.const 1)))
      (br_if $next (i32.le_u (local.tee $j (i32.add (local.get $j) (local.get $j))) (local.get $n))))
    (i32.add (i32.mul (local.get $c) (i32.const 1000)) (local.get $j)))
  ;; The bound is the step's slot; an `if` branches on the negated compare.
  (func (export "bound_is_step") (param $j i32) (param $i i32) (result i32)
    (local.set $j (i32.add (local.get $j) (local.get $i)))
    (if (result i32) (i32.lt_s (local.get $j) (local.get $i))
      (then (i32.const 1))
      (else (local.get $j))))
)
(assert_return (invoke "stride" (i32.const 4) (i32.const 2) (i32.const 10)) (i32.const 3010))
(assert_return (invoke "stride" (i32.const 4) (i32.const 2) (i32.const 0)) (i32.const 1006))
(assert_return (invoke "stride" (i32.const -4) (i32.const 3) (i32.const 5)) (i32.const 999))
(assert_return (invoke "stride_left" (i32.const 0) (i32.const 30)) (i32.const 4120))
(assert_return (invoke "stride_left" (i32.const 95) (i32.const 10)) (i32.const 1105))
(assert_return (invoke "doubling" (i32.const 1) (i32.const 100)) (i32.const 7128))
(assert_return (invoke "doubling" (i32.const 0x40000000) (i32.const 0x7fffffff)) (i32.const 0x800003e8))
(assert_return (invoke "bound_is_step" (i32.const -5) (i32.const 3)) (i32.const 1))
(assert_return (invoke "bound_is_step" (i32.const 5) (i32.const 3)) (i32.const 8))

;; A jump to a return becomes the return (with the copy before it, when the return reads what
;; the copy wrote), and a jump to a jump goes straight to its target.
(module
  (global $g (mut i32) (i32.const 0))
  (global $h (mut i32) (i32.const 0))
  (func $fib (export "fib") (param $n i32) (result i32)
    (if (result i32) (i32.lt_u (local.get $n) (i32.const 2))
      (then (local.get $n))
      (else (i32.add (call $fib (i32.sub (local.get $n) (i32.const 1)))
                     (call $fib (i32.sub (local.get $n) (i32.const 2)))))))
  (func (export "constant") (param $n i32) (result i32)
    (if (result i32) (local.get $n)
      (then (i32.const 7))
      (else (i32.mul (local.get $n) (i32.const 3)))))
  (func (export "nested") (param $a i32) (param $b i32) (result i32)
    (local $r i32)
    (if (local.get $a)
      (then (if (local.get $b)
        (then (local.set $r (i32.const 1)))
        (else (local.set $r (i32.const 2)))))
      (else (local.set $r (i32.const 3))))
    (local.get $r))
  ;; The result's home is slot 0: the jump goes to a plain `Return`.
  (func (export "home_zero") (result i32)
    (if (result i32) (global.get $g)
      (then (i32.const 5))
      (else (i32.const 6))))
  (func (export "no_result")
    (if (global.get $g)
      (then (global.set $h (i32.const 1)))
      (else (global.set $h (i32.const 2)))))
  (func (export "set_g") (param i32) (global.set $g (local.get 0)))
  (func (export "get_h") (result i32) (global.get $h))
)
(assert_return (invoke "fib" (i32.const 0)) (i32.const 0))
(assert_return (invoke "fib" (i32.const 1)) (i32.const 1))
(assert_return (invoke "fib" (i32.const 10)) (i32.const 55))
(assert_return (invoke "constant" (i32.const 1)) (i32.const 7))
(assert_return (invoke "constant" (i32.const 0)) (i32.const 0))
(assert_return (invoke "nested" (i32.const 1) (i32.const 1)) (i32.const 1))
(assert_return (invoke "nested" (i32.const 1) (i32.const 0)) (i32.const 2))
(assert_return (invoke "nested" (i32.const 0) (i32.const 1)) (i32.const 3))
(assert_return (invoke "home_zero") (i32.const 6))
(assert_return (invoke "no_result"))
(assert_return (invoke "get_h") (i32.const 2))
(assert_return (invoke "set_g" (i32.const 1)))
(assert_return (invoke "home_zero") (i32.const 5))
(assert_return (invoke "no_result"))
(assert_return (invoke "get_h") (i32.const 1))

;; A branch on a local that the last op just wrote reads the accumulator, which still holds
;; the value: as the condition, its negation, or either side of a compare (the right side
;; mirrors the compare).
(module
  (memory 1)
  (data (i32.const 0) "\08\00\00\00")
  (data (i32.const 8) "\10\00\00\00")
  (data (i32.const 24) "\00\00\00\00\00\00\e0\3f")   ;; 0.5
  (data (i32.const 32) "\00\00\00\00\00\00\00\40")   ;; 2.0
  (data (i32.const 40) "\00\00\00\00\00\00\f8\7f")   ;; NaN
  (data (i32.const 48) "\fb\ff\ff\ff")               ;; -5
  ;; Follows a list, p = *p until p is 0, counting the steps.
  (func (export "walk") (param $p i32) (result i32)
    (local $n i32)
    (loop $next
      (local.set $n (i32.add (local.get $n) (i32.const 1)))
      (local.set $p (i32.load (local.get $p)))
      (br_if $next (local.get $p)))
    (local.get $n))
  (func (export "walk_until_zero") (param $p i32) (result i32)
    (local $n i32)
    (block $done
      (loop $next
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (local.set $p (i32.load (local.get $p)))
        (br_if $done (i32.eqz (local.get $p)))
        (br $next)))
    (local.get $n))
  (func (export "greater_load") (param $a i32) (param $b i32) (result i32)
    (local $x i32) (local $y i32)
    (local.set $x (i32.load (local.get $a)))
    (local.set $y (i32.load (local.get $b)))
    (if (result i32) (i32.gt_s (local.get $x) (local.get $y))
      (then (local.get $x))
      (else (local.get $y))))
  (func (export "below_one") (param $a i32) (result i32)
    (local $f f64)
    (block $yes
      (local.set $f (f64.load (local.get $a)))
      (br_if $yes (f64.lt (local.get $f) (f64.const 1)))
      (return (i32.const 0)))
    (i32.const 1))
)
(assert_return (invoke "walk" (i32.const 0)) (i32.const 3))
(assert_return (invoke "walk" (i32.const 16)) (i32.const 1))
(assert_trap (invoke "walk" (i32.const 65534)) "out of bounds memory access")
(assert_return (invoke "walk_until_zero" (i32.const 0)) (i32.const 3))
(assert_return (invoke "walk_until_zero" (i32.const 8)) (i32.const 2))
(assert_return (invoke "greater_load" (i32.const 0) (i32.const 8)) (i32.const 16))
(assert_return (invoke "greater_load" (i32.const 8) (i32.const 0)) (i32.const 16))
(assert_return (invoke "greater_load" (i32.const 48) (i32.const 16)) (i32.const 0))
(assert_return (invoke "greater_load" (i32.const 0) (i32.const 48)) (i32.const 8))
(assert_return (invoke "below_one" (i32.const 24)) (i32.const 1))
(assert_return (invoke "below_one" (i32.const 32)) (i32.const 0))
(assert_return (invoke "below_one" (i32.const 40)) (i32.const 0))

;; A load whose i32 a branch tests at once is one op with the branch: the address in a slot,
;; a slot plus a slot or an immediate, the value also kept in a local or not, jumping on
;; non-zero or on zero (`if` jumps on zero); a label between the two keeps them apart.
(module
  (memory 1)
  (data (i32.const 0) "\01\00\02\00\00\03")
  (data (i32.const 16) "\00\00\00\00\07\00\00\00")
  ;; Counts the non-zero bytes of flags[0..n).
  (func (export "count_set") (param $n i32) (result i32)
    (local $i i32) (local $c i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (block $skip
          (br_if $skip (i32.eqz (i32.load8_u (i32.add (local.get $i) (i32.const 0)))))
          (local.set $c (i32.add (local.get $c) (i32.const 1))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $c))
  ;; The same through `if`, with the byte index as base + index.
  (func (export "count_set_if") (param $base i32) (param $n i32) (result i32)
    (local $i i32) (local $c i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (if (i32.load8_u (i32.add (local.get $base) (local.get $i)))
          (then (local.set $c (i32.add (local.get $c) (i32.const 1)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $c))
  ;; Is the word at p + 4 non-zero? The loaded value is kept in a local too.
  (func (export "word_set") (param $p i32) (result i32)
    (local $v i32)
    (block $yes
      (br_if $yes (local.tee $v (i32.load offset=4 (local.get $p))))
      (return (i32.sub (local.get $v) (i32.const 1))))
    (local.get $v))
  ;; Is the word at p zero? base + immediate index.
  (func (export "word_zero") (param $p i32) (result i32)
    (block $zero
      (br_if $zero (i32.eqz (i32.load (i32.add (local.get $p) (i32.const 16)))))
      (return (i32.const 0)))
    (i32.const 1))
  ;; Is the word at p non-zero? The address alone.
  (func (export "word_nonzero") (param $p i32) (result i32)
    (block $yes
      (br_if $yes (i32.load (local.get $p)))
      (return (i32.const 0)))
    (i32.const 1))
  ;; A label between the load and the branch: the branch tests whatever reaches it.
  (func (export "joined") (param $p i32) (param $skip i32) (result i32)
    (block $yes
      (i32.const 0)
      (if (param i32) (result i32) (i32.eqz (local.get $skip))
        (then (drop) (i32.load (local.get $p))))
      (br_if $yes)
      (return (i32.const 0)))
    (i32.const 1))
)
(assert_return (invoke "count_set" (i32.const 6)) (i32.const 3))
(assert_return (invoke "count_set" (i32.const 2)) (i32.const 1))
(assert_return (invoke "count_set" (i32.const 0)) (i32.const 0))
(assert_trap (invoke "count_set" (i32.const 65537)) "out of bounds memory access")
(assert_return (invoke "count_set_if" (i32.const 0) (i32.const 6)) (i32.const 3))
(assert_return (invoke "count_set_if" (i32.const 2) (i32.const 4)) (i32.const 2))
(assert_trap (invoke "count_set_if" (i32.const 65535) (i32.const 2)) "out of bounds memory access")
(assert_return (invoke "word_set" (i32.const 16)) (i32.const 7))
(assert_return (invoke "word_set" (i32.const 12)) (i32.const -1))
(assert_trap (invoke "word_set" (i32.const 65532)) "out of bounds memory access")
(assert_return (invoke "word_zero" (i32.const 0)) (i32.const 1))
(assert_return (invoke "word_zero" (i32.const 4)) (i32.const 0))
(assert_trap (invoke "word_zero" (i32.const 65520)) "out of bounds memory access")
(assert_return (invoke "joined" (i32.const 20) (i32.const 0)) (i32.const 1))
(assert_return (invoke "joined" (i32.const 16) (i32.const 0)) (i32.const 0))
(assert_return (invoke "joined" (i32.const 20) (i32.const 1)) (i32.const 0))
(assert_return (invoke "word_nonzero" (i32.const 20)) (i32.const 1))
(assert_return (invoke "word_nonzero" (i32.const 16)) (i32.const 0))
(assert_trap (invoke "word_nonzero" (i32.const -1)) "out of bounds memory access")

;; A load whose i32 a compare-and-branch tests at once is one op with it: the value on the
;; left (a compare with the load on the right is mirrored; `if` negates), a slot or an
;; immediate on the right, the value kept in a local or not. A byte is zero-extended first.
(module
  (memory 1)
  (data (i32.const 0) "abcab\ff\00")
  (data (i32.const 16) "\fe\ff\ff\ff\05\00\00\00")   ;; -2, 5
  ;; Length of the common prefix of the strings at a and b (at most n).
  (func (export "common") (param $a i32) (param $b i32) (param $n i32) (result i32)
    (local $i i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (br_if $done (i32.ne (i32.load8_u (i32.add (local.get $a) (local.get $i)))
                             (i32.load8_u (i32.add (local.get $b) (local.get $i)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $i))
  ;; Index of the first byte c at or after p (an immediate compare; the byte kept).
  (func (export "find_c") (param $p i32) (result i32)
    (local $c i32)
    (block $found
      (loop $next
        (br_if $found (i32.eq (local.tee $c (i32.load8_u (local.get $p))) (i32.const 99)))
        (br_if $found (i32.eqz (local.get $c)))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $next)))
    (local.get $p))
  ;; Is the byte at p + 5 above 127, unsigned and signed? (0xff is 255, not -1.)
  (func (export "high_u") (param $p i32) (result i32)
    (block $yes
      (br_if $yes (i32.gt_u (i32.load8_u offset=5 (local.get $p)) (i32.const 127)))
      (return (i32.const 0)))
    (i32.const 1))
  (func (export "high_s") (param $p i32) (result i32)
    (block $yes
      (br_if $yes (i32.gt_s (i32.load8_u (i32.add (local.get $p) (i32.const 5))) (i32.const 127)))
      (return (i32.const 0)))
    (i32.const 1))
  ;; The word at p against x: signed below through `if` (a negated compare), and x above the
  ;; word (mirrored), the word kept in a local for the result.
  (func (export "below_s") (param $p i32) (param $x i32) (result i32)
    (if (result i32) (i32.lt_s (i32.load (local.get $p)) (local.get $x))
      (then (i32.const 1))
      (else (i32.const 0))))
  (func (export "above_u") (param $p i32) (param $x i32) (result i32)
    (local $w i32)
    (block $yes
      (br_if $yes (i32.gt_u (local.get $x) (local.tee $w (i32.load (local.get $p)))))
      (return (i32.sub (i32.const 0) (local.get $w))))
    (local.get $w))
  ;; A label between the load and the compare: the compare tests whatever reaches it.
  (func (export "joined_cmp") (param $p i32) (param $skip i32) (result i32)
    (block $yes
      (i32.const 5)
      (if (param i32) (result i32) (i32.eqz (local.get $skip))
        (then (drop) (i32.load (local.get $p))))
      (br_if $yes (i32.eq (i32.const 5)))
      (return (i32.const 0)))
    (i32.const 1))
)
(assert_return (invoke "common" (i32.const 0) (i32.const 3) (i32.const 10)) (i32.const 2))
(assert_return (invoke "common" (i32.const 0) (i32.const 0) (i32.const 4)) (i32.const 4))
(assert_return (invoke "common" (i32.const 1) (i32.const 4) (i32.const 10)) (i32.const 1))
(assert_trap (invoke "common" (i32.const 65535) (i32.const 65535) (i32.const 3)) "out of bounds memory access")
(assert_return (invoke "find_c" (i32.const 0)) (i32.const 2))
(assert_return (invoke "find_c" (i32.const 3)) (i32.const 6))
(assert_trap (invoke "find_c" (i32.const 65536)) "out of bounds memory access")
(assert_return (invoke "high_u" (i32.const 0)) (i32.const 1))
(assert_return (invoke "high_u" (i32.const 1)) (i32.const 0))
(assert_trap (invoke "high_u" (i32.const 65531)) "out of bounds memory access")
(assert_return (invoke "high_s" (i32.const 0)) (i32.const 1))
(assert_return (invoke "high_s" (i32.const 2)) (i32.const 0))
(assert_return (invoke "below_s" (i32.const 16) (i32.const -1)) (i32.const 1))
(assert_return (invoke "below_s" (i32.const 16) (i32.const -2)) (i32.const 0))
(assert_return (invoke "below_s" (i32.const 20) (i32.const 6)) (i32.const 1))
(assert_trap (invoke "below_s" (i32.const 65533) (i32.const 0)) "out of bounds memory access")
(assert_return (invoke "above_u" (i32.const 20) (i32.const 6)) (i32.const 5))
(assert_return (invoke "above_u" (i32.const 20) (i32.const 5)) (i32.const -5))
(assert_return (invoke "above_u" (i32.const 16) (i32.const -1)) (i32.const -2))
(assert_return (invoke "above_u" (i32.const 16) (i32.const 7)) (i32.const 2))
(assert_return (invoke "joined_cmp" (i32.const 20) (i32.const 0)) (i32.const 1))
(assert_return (invoke "joined_cmp" (i32.const 16) (i32.const 0)) (i32.const 0))
(assert_return (invoke "joined_cmp" (i32.const 16) (i32.const 1)) (i32.const 1))

;; A load-multiply-add whose addend the accumulator held before the load (the running sum the
;; op before wrote to its local) adds the accumulator: the sum stays in the register. Each
;; step still rounds (floats) and wraps (integers) as the Wasm ops do.
(module
  (memory 1)
  (data (i32.const 0) "\01\00\02\00\ff\ff\00\80")          ;; i16: 1, 2, -1, -32768
  (data (i32.const 16) "\00\00\00\00\00\00\f0\3f")         ;; f64 1.0
  (data (i32.const 24) "\00\00\00\00\00\00\30\43")         ;; f64 2^52
  ;; sum = a[0]*x; sum += a[1]*y; sum += a[2]*z; sum += a[3]*w (i16 loads, base + imm index)
  (func (export "dot4") (param $p i32) (param $x i32) (param $y i32) (param $z i32) (param $w i32) (result i32)
    (local $sum i32)
    (local.set $sum (i32.mul (i32.load16_s (local.get $p)) (local.get $x)))
    (local.set $sum (i32.add (i32.mul (i32.load16_s (i32.add (local.get $p) (i32.const 2))) (local.get $y)) (local.get $sum)))
    (local.set $sum (i32.add (i32.mul (i32.load16_s (i32.add (local.get $p) (i32.const 4))) (local.get $z)) (local.get $sum)))
    (i32.add (i32.mul (i32.load16_s (i32.add (local.get $p) (i32.const 6))) (local.get $w)) (local.get $sum)))
  ;; The addend is another local than the one the accumulator holds: it stays a slot.
  (func (export "other") (param $p i32) (param $x i32) (result i32)
    (local $a i32) (local $b i32)
    (local.set $b (i32.const 100))
    (local.set $a (i32.mul (i32.load16_s (local.get $p)) (local.get $x)))
    (i32.add (i32.mul (i32.load16_s (local.get $p)) (local.get $x)) (local.get $b)))
  ;; c = c + a * b in f64 with the address in a slot, rounded after the multiply.
  (func (export "fma_like") (param $p i32) (param $q i32) (param $b f64) (result f64)
    (local $c f64)
    (local.set $c (f64.load (local.get $q)))
    (f64.add (f64.mul (f64.load (local.get $p)) (local.get $b)) (local.get $c)))
  ;; A loop start between two steps: the second reads its addend from the slot.
  (func (export "loop_sum") (param $p i32) (param $n i32) (result i32)
    (local $sum i32)
    (local.set $sum (i32.const 0))
    (loop $next
      (local.set $sum (i32.add (i32.mul (i32.load16_s (local.get $p)) (i32.const 3)) (local.get $sum)))
      (local.set $p (i32.add (local.get $p) (i32.const 2)))
      (br_if $next (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $sum))
)
(assert_return (invoke "dot4" (i32.const 0) (i32.const 1) (i32.const 10) (i32.const 100) (i32.const 1000)) (i32.const -32768079))
(assert_return (invoke "dot4" (i32.const 0) (i32.const 0x7fffffff) (i32.const 1) (i32.const 0) (i32.const 0)) (i32.const -2147483647))
(assert_trap (invoke "dot4" (i32.const 65530) (i32.const 1) (i32.const 1) (i32.const 1) (i32.const 1)) "out of bounds memory access")
(assert_return (invoke "other" (i32.const 2) (i32.const 7)) (i32.const 114))
(assert_return (invoke "fma_like" (i32.const 24) (i32.const 16) (f64.const 1)) (f64.const 0x1.0000000000001p52))
(assert_return (invoke "fma_like" (i32.const 16) (i32.const 24) (f64.const 0.5)) (f64.const 0x1p52))
(assert_return (invoke "loop_sum" (i32.const 0) (i32.const 4)) (i32.const -98298))
(assert_return (invoke "loop_sum" (i32.const 0) (i32.const 2)) (i32.const 9))

;; Select reads both values before the condition picks one: either arm, one slot for both
;; arms, a result written back into an operand, with the condition in the accumulator or in a
;; slot, for each class.
(module
  (func (export "select_i32_acc_cond") (param $a i32) (param $b i32) (param $c i32) (result i32)
    (local $x i32)
    (local.set $x (select (local.get $a) (local.get $b) (i32.eqz (local.get $c))))
    (i32.add (local.get $x) (local.get $x)))
  (func (export "select_i64_slot_cond") (param $a i64) (param $b i64) (param $c i32) (result i64)
    (local $x i64)
    (local.set $x (select (local.get $a) (local.get $b) (local.get $c)))
    (i64.sub (local.get $x) (i64.const 1)))
  (func (export "select_f32_acc_cond") (param $a f32) (param $b f32) (param $c i32) (result f32)
    (local $x f32)
    (local.set $x (select (local.get $a) (local.get $b) (i32.eqz (local.get $c))))
    (f32.mul (local.get $x) (f32.const 2)))
  (func (export "select_f32_slot_cond") (param $a f32) (param $b f32) (param $c i32) (result f32)
    (local $x f32)
    (local.set $x (select (local.get $a) (local.get $b) (local.get $c)))
    (local.get $x))
  (func (export "select_f64_acc_cond") (param $a f64) (param $b f64) (param $c i32) (result f64)
    (local $x f64)
    (f64.add (local.tee $x (select (local.get $a) (local.get $b) (i32.eqz (local.get $c))))
             (local.get $x)))
  (func (export "select_f64_slot_cond") (param $a f64) (param $b f64) (param $c i32) (result f64)
    (local $x f64)
    (local.set $x (select (local.get $a) (local.get $b) (local.get $c)))
    (local.get $x))
  ;; Writes back into one of its own operands, and picks from one slot for both arms.
  (func (export "select_into_operand") (param $a i32) (param $b i32) (param $c i32) (result i32)
    (local.set $a (select (local.get $b) (local.get $a) (local.get $c)))
    (local.set $b (select (local.get $a) (local.get $a) (i32.eqz (local.get $c))))
    (i32.sub (local.get $a) (local.get $b)))
  ;; CoreMark's crc step: shift, conditional xor, loop.
  (func (export "crc_bits") (param $crc i32) (param $n i32) (result i32)
    (local $s i32) (local $x i32)
    (loop $l
      (local.set $s (i32.shl (local.get $crc) (i32.const 1)))
      (local.set $x (i32.xor (local.get $s) (i32.const 4129)))
      (local.set $crc (i32.and (i32.const 0xffff)
        (select (local.get $x) (local.get $s)
          (i32.lt_s (i32.extend16_s (local.get $crc)) (i32.const 0)))))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $crc))
)
(assert_return (invoke "select_i32_acc_cond" (i32.const 3) (i32.const 5) (i32.const 0)) (i32.const 6))
(assert_return (invoke "select_i32_acc_cond" (i32.const 3) (i32.const 5) (i32.const 7)) (i32.const 10))
(assert_return (invoke "select_i64_slot_cond" (i64.const -4) (i64.const 9) (i32.const 1)) (i64.const -5))
(assert_return (invoke "select_i64_slot_cond" (i64.const -4) (i64.const 9) (i32.const 0)) (i64.const 8))
(assert_return (invoke "select_f32_acc_cond" (f32.const 1.5) (f32.const -2) (i32.const 0)) (f32.const 3))
(assert_return (invoke "select_f32_acc_cond" (f32.const 1.5) (f32.const -2) (i32.const 1)) (f32.const -4))
(assert_return (invoke "select_f32_slot_cond" (f32.const nan:0x200000) (f32.const 0) (i32.const 1)) (f32.const nan:0x200000))
(assert_return (invoke "select_f32_slot_cond" (f32.const nan:0x200000) (f32.const -0) (i32.const 0)) (f32.const -0))
(assert_return (invoke "select_f64_acc_cond" (f64.const 0.25) (f64.const 8) (i32.const 0)) (f64.const 0.5))
(assert_return (invoke "select_f64_acc_cond" (f64.const 0.25) (f64.const 8) (i32.const -1)) (f64.const 16))
(assert_return (invoke "select_f64_slot_cond" (f64.const 1e300) (f64.const -1e-300) (i32.const 2)) (f64.const 1e300))
(assert_return (invoke "select_f64_slot_cond" (f64.const 1e300) (f64.const -1e-300) (i32.const 0)) (f64.const -1e-300))
(assert_return (invoke "select_into_operand" (i32.const 10) (i32.const 20) (i32.const 1)) (i32.const 0))
(assert_return (invoke "select_into_operand" (i32.const 10) (i32.const 20) (i32.const 0)) (i32.const 0))
(assert_return (invoke "crc_bits" (i32.const 0x8001) (i32.const 1)) (i32.const 0x1023))
(assert_return (invoke "crc_bits" (i32.const 0x1234) (i32.const 1)) (i32.const 0x2468))
(assert_return (invoke "crc_bits" (i32.const 0xffff) (i32.const 16)) (i32.const 0x1d0f))
