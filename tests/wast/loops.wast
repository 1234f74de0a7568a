;; wasmloom's own script: loops whose first op tests and branches. Runs with the spec suite on
;; every dispatch mode (as `wasmloom/loops.wast`).
;;
;; A back-edge to such a loop carries a copy of its head: the opposite test, taken past the head
;; while the loop goes on, when the head's target is not known yet (`while (i < n)`); the head
;; itself, when its target is known and inside the loop (`if (n) { ...; again }`). Each case runs
;; zero, one, two and many turns, so that both the copy and the head take both of their ways.

(module
  ;; while (i < n) { sum += i; i++ }: a compare of two slots, its exit not known at the
  ;; back-edge.
  (func (export "slots") (param $n i32) (result i32)
    (local $i i32) (local $sum i32)
    (block $exit
      (loop $top
        (br_if $exit (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $sum (i32.add (local.get $sum) (local.get $i)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $top)))
    (local.get $sum))

  ;; A compare with a constant: turns while n > 5, down by one.
  (func (export "imm") (param $n i32) (result i32)
    (local $turns i32)
    (block $exit
      (loop $top
        (br_if $exit (i32.le_u (local.get $n) (i32.const 5)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (local.set $turns (i32.add (local.get $turns) (i32.const 1)))
        (br $top)))
    (local.get $turns))

  ;; An i64 compare with a constant wider than 32 bits.
  (func (export "wide") (param $x i64) (result i32)
    (local $turns i32)
    (block $exit
      (loop $top
        (br_if $exit (i64.ge_s (local.get $x) (i64.const 0x1_0000_0002)))
        (local.set $x (i64.add (local.get $x) (i64.const 1)))
        (local.set $turns (i32.add (local.get $turns) (i32.const 1)))
        (br $top)))
    (local.get $turns))

  ;; Tests of a slot: leave when it is zero, and when it is not.
  (func (export "zero") (param $n i32) (result i32)
    (local $turns i32)
    (block $exit
      (loop $top
        (br_if $exit (i32.eqz (local.get $n)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (local.set $turns (i32.add (local.get $turns) (i32.const 1)))
        (br $top)))
    (local.get $turns))
  (func (export "nonzero") (param $n i32) (result i32)
    (local $turns i32)
    (block $exit
      (loop $top
        (br_if $exit (local.get $n))
        (local.set $turns (i32.add (local.get $turns) (i32.const 1)))
        (local.set $n (i32.ge_u (local.get $turns) (i32.const 3)))
        (br $top)))
    (local.get $turns))

  ;; The head is an `if` whose end the back-edge is still inside.
  (func (export "if-open") (param $n i32) (result i32)
    (local $turns i32)
    (loop $top
      (if (local.get $n)
        (then
          (local.set $n (i32.sub (local.get $n) (i32.const 1)))
          (local.set $turns (i32.add (local.get $turns) (i32.const 1)))
          (br $top))))
    (local.get $turns))

  ;; The head is an `if` that ends before the back-edge: its target (the code after it) is
  ;; known and inside the loop, so the back-edge copies the head as it is.
  (func (export "if-closed") (param $n i32) (result i32)
    (local $turns i32)
    (loop $top
      (if (i32.lt_s (local.get $n) (i32.const 1))
        (then (return (local.get $turns))))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (local.set $turns (i32.add (local.get $turns) (i32.const 1)))
      (br $top))
    (i32.const -1))

  ;; Float heads: no opposite test (NaN fails both `<` and `>=`). With the exit not known, the
  ;; back-edge is a plain jump; with a known target, the head is copied as it is.
  (func (export "float-open") (param $x f64) (result i32)
    (local $turns i32)
    (block $exit
      (loop $top
        (br_if $exit (f64.ge (local.get $x) (f64.const 3)))
        (local.set $x (f64.add (local.get $x) (f64.const 1)))
        (local.set $turns (i32.add (local.get $turns) (i32.const 1)))
        (br_if $exit (i32.ge_u (local.get $turns) (i32.const 10)))
        (br $top)))
    (local.get $turns))
  (func (export "float-closed") (param $x f64) (result i32)
    (local $turns i32)
    (loop $top
      (if (f64.lt (local.get $x) (f64.const 3))
        (then
          (local.set $x (f64.add (local.get $x) (f64.const 1)))
          (local.set $turns (i32.add (local.get $turns) (i32.const 1)))))
      (br_if $top (i32.and
        (f64.lt (local.get $x) (f64.const 3))
        (i32.lt_u (local.get $turns) (i32.const 10)))))
    (local.get $turns))
  (func (export "float-if-closed") (param $x f64) (result i32)
    (local $turns i32)
    (loop $top
      (if (f64.ge (local.get $x) (f64.const 3))
        (then (return (local.get $turns))))
      (local.set $x (f64.add (local.get $x) (f64.const 1)))
      (local.set $turns (i32.add (local.get $turns) (i32.const 1)))
      (if (i32.ge_u (local.get $turns) (i32.const 10))
        (then (return (i32.const 99))))
      (br $top))
    (i32.const -1))

  ;; A loop with a parameter, which its head tests: the back-edge moves the new value into the
  ;; parameter's slot before the copy reads it.
  (func (export "param") (param $n i32) (result i32)
    (local $turns i32)
    (block $exit
      (i32.const 0)
      (loop $top (param i32)
        (br_if $exit)
        (local.set $turns (i32.add (local.get $turns) (i32.const 1)))
        (br $top (i32.ge_u (local.get $turns) (local.get $n)))))
    (local.get $turns))

  ;; A `br_if` back-edge that carries a value: its moves, then the copy, then the jump.
  (func (export "br-if-moves") (param $n i32) (result i32)
    (local $turns i32) (local $done i32)
    (block $exit
      (i32.const 0)
      (loop $top (param i32)
        (br_if $exit)
        (local.set $turns (i32.add (local.get $turns) (i32.const 1)))
        (local.set $done (i32.ge_u (local.get $turns) (local.get $n)))
        (br_if $top (local.get $done) (i32.lt_u (local.get $turns) (i32.const 100)))
        (drop)
        (local.set $turns (i32.const -1))))
    (local.get $turns))

  ;; `br_table` back to the loop, and out of it.
  (func (export "br-table") (param $n i32) (result i32)
    (local $turns i32)
    (block $exit
      (loop $top
        (br_if $exit (i32.ge_u (local.get $turns) (local.get $n)))
        (local.set $turns (i32.add (local.get $turns) (i32.const 1)))
        (br_table $top $exit $top (i32.rem_u (local.get $turns) (i32.const 3)))))
    (local.get $turns))

  ;; A block that opens where the loop does: the loop's head is still its first op.
  (func (export "block-at-head") (param $n i32) (result i32)
    (local $turns i32)
    (block $exit
      (loop $top
        (block $inner
          (br_if $exit (i32.eq (local.get $n) (local.get $turns)))
          (br_if $inner (i32.and (local.get $turns) (i32.const 1)))
          (local.set $n (i32.add (local.get $n) (i32.const 1))))
        (local.set $turns (i32.add (local.get $turns) (i32.const 2)))
        (br $top)))
    (local.get $turns))

  ;; A head that branches to its own loop: its target, the loop's start, is known but not past
  ;; the head, so the back-edge takes the opposite test.
  (func (export "self-head") (param $n i32) (result i32)
    (local $turns i32) (local $spin i32)
    (block $exit
      (loop $top
        (br_if $top (i32.lt_u (local.get $spin) (local.get $n)))
        (br_if $exit (i32.ge_u (local.get $turns) (i32.const 5)))
        (local.set $turns (i32.add (local.get $turns) (i32.const 1)))
        (local.set $spin (i32.add (local.get $spin) (i32.const 0)))
        (br $top)))
    (local.get $turns))

  ;; `return_call` of the function itself jumps to its start, whose head is an `if` that ends
  ;; before the jump (fib-tail's shape), or a compare that skips a return.
  (func $sum-to (export "sum-to") (param $n i32) (param $acc i64) (result i64)
    (if (i32.eqz (local.get $n)) (then (return (local.get $acc))))
    (return_call $sum-to
      (i32.sub (local.get $n) (i32.const 1))
      (i64.add (local.get $acc) (i64.extend_i32_u (local.get $n)))))
  (func $count-down (export "count-down") (param $n i32) (param $turns i32) (result i32)
    (br_if 0 (local.get $turns) (i32.le_s (local.get $n) (i32.const 0)))
    (return_call $count-down
      (i32.sub (local.get $n) (i32.const 2))
      (i32.add (local.get $turns) (i32.const 1))))
)

(assert_return (invoke "slots" (i32.const -3)) (i32.const 0))
(assert_return (invoke "slots" (i32.const 0)) (i32.const 0))
(assert_return (invoke "slots" (i32.const 1)) (i32.const 0))
(assert_return (invoke "slots" (i32.const 2)) (i32.const 1))
(assert_return (invoke "slots" (i32.const 100)) (i32.const 4950))

(assert_return (invoke "imm" (i32.const 0)) (i32.const 0))
(assert_return (invoke "imm" (i32.const 5)) (i32.const 0))
(assert_return (invoke "imm" (i32.const 6)) (i32.const 1))
(assert_return (invoke "imm" (i32.const 7)) (i32.const 2))
(assert_return (invoke "imm" (i32.const 105)) (i32.const 100))

(assert_return (invoke "wide" (i64.const 0x1_0000_0002)) (i32.const 0))
(assert_return (invoke "wide" (i64.const 0x1_0000_0001)) (i32.const 1))
(assert_return (invoke "wide" (i64.const 0x1_0000_0000)) (i32.const 2))
(assert_return (invoke "wide" (i64.const 0xffff_fff0)) (i32.const 18))
(assert_return (invoke "wide" (i64.const 0x7fff_ffff_ffff_ffff)) (i32.const 0))

(assert_return (invoke "zero" (i32.const 0)) (i32.const 0))
(assert_return (invoke "zero" (i32.const 1)) (i32.const 1))
(assert_return (invoke "zero" (i32.const 2)) (i32.const 2))
(assert_return (invoke "zero" (i32.const 30)) (i32.const 30))
(assert_return (invoke "nonzero" (i32.const 1)) (i32.const 0))
(assert_return (invoke "nonzero" (i32.const 0)) (i32.const 3))

(assert_return (invoke "if-open" (i32.const 0)) (i32.const 0))
(assert_return (invoke "if-open" (i32.const 1)) (i32.const 1))
(assert_return (invoke "if-open" (i32.const 2)) (i32.const 2))
(assert_return (invoke "if-open" (i32.const 25)) (i32.const 25))

(assert_return (invoke "if-closed" (i32.const -4)) (i32.const 0))
(assert_return (invoke "if-closed" (i32.const 0)) (i32.const 0))
(assert_return (invoke "if-closed" (i32.const 1)) (i32.const 1))
(assert_return (invoke "if-closed" (i32.const 2)) (i32.const 2))
(assert_return (invoke "if-closed" (i32.const 33)) (i32.const 33))

(assert_return (invoke "float-open" (f64.const 3)) (i32.const 0))
(assert_return (invoke "float-open" (f64.const 2)) (i32.const 1))
(assert_return (invoke "float-open" (f64.const 1)) (i32.const 2))
(assert_return (invoke "float-open" (f64.const -20)) (i32.const 10))
(assert_return (invoke "float-open" (f64.const nan)) (i32.const 10))
(assert_return (invoke "float-closed" (f64.const 3)) (i32.const 0))
(assert_return (invoke "float-closed" (f64.const 2)) (i32.const 1))
(assert_return (invoke "float-closed" (f64.const 0.5)) (i32.const 3))
(assert_return (invoke "float-closed" (f64.const nan)) (i32.const 0))
(assert_return (invoke "float-if-closed" (f64.const 3)) (i32.const 0))
(assert_return (invoke "float-if-closed" (f64.const 2)) (i32.const 1))
(assert_return (invoke "float-if-closed" (f64.const 0)) (i32.const 3))
(assert_return (invoke "float-if-closed" (f64.const nan)) (i32.const 99))
(assert_return (invoke "float-if-closed" (f64.const -inf)) (i32.const 99))

(assert_return (invoke "param" (i32.const 0)) (i32.const 1))
(assert_return (invoke "param" (i32.const 1)) (i32.const 1))
(assert_return (invoke "param" (i32.const 2)) (i32.const 2))
(assert_return (invoke "param" (i32.const 30)) (i32.const 30))

(assert_return (invoke "br-if-moves" (i32.const 0)) (i32.const 1))
(assert_return (invoke "br-if-moves" (i32.const 3)) (i32.const 3))
(assert_return (invoke "br-if-moves" (i32.const 200)) (i32.const -1))

(assert_return (invoke "br-table" (i32.const 0)) (i32.const 0))
(assert_return (invoke "br-table" (i32.const 1)) (i32.const 1))
(assert_return (invoke "br-table" (i32.const 2)) (i32.const 1))
(assert_return (invoke "br-table" (i32.const 5)) (i32.const 1))

(assert_return (invoke "block-at-head" (i32.const 0)) (i32.const 0))
(assert_return (invoke "block-at-head" (i32.const 3)) (i32.const 6))
(assert_return (invoke "block-at-head" (i32.const 1)) (i32.const 2))

(assert_return (invoke "self-head" (i32.const 0)) (i32.const 5))

(assert_return (invoke "sum-to" (i32.const 0) (i64.const 7)) (i64.const 7))
(assert_return (invoke "sum-to" (i32.const 1) (i64.const 0)) (i64.const 1))
(assert_return (invoke "sum-to" (i32.const 2) (i64.const 0)) (i64.const 3))
(assert_return (invoke "sum-to" (i32.const 100000) (i64.const 0)) (i64.const 5000050000))
(assert_return (invoke "count-down" (i32.const 0) (i32.const 0)) (i32.const 0))
(assert_return (invoke "count-down" (i32.const 1) (i32.const 0)) (i32.const 1))
(assert_return (invoke "count-down" (i32.const 4) (i32.const 0)) (i32.const 2))
(assert_return (invoke "count-down" (i32.const 1001) (i32.const 5)) (i32.const 506))
