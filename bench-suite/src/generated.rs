//! A large generated module for the translation measurements: thousands of functions with the
//! mix real compiled code has (integer and float arithmetic, locals, loads and stores, branches,
//! loops, `br_table`, calls). Written as WebAssembly text, so the generator reads like the code
//! it makes. It is only translated, never run.

use std::fmt::Write as _;

/// The module's function count in the report.
pub const FUNCTIONS: usize = 4000;

/// A deterministic module of `functions` functions.
pub fn module(functions: usize) -> Vec<u8> {
    let mut text = String::from("(module\n  (memory 1)\n");
    let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
    for index in 0..functions {
        function(&mut text, index, &mut rng);
    }
    let _ = writeln!(
        text,
        "  (export \"last\" (func $f{}))\n)",
        functions.max(1) - 1
    );
    wat::parse_str(&text).expect("the generated module is valid text")
}

/// `$f<index>: [i32 i32] -> [i32]`, 8 to 23 statements, each leaving the stack empty.
fn function(out: &mut String, index: usize, rng: &mut XorShift) {
    let _ = writeln!(
        out,
        "  (func $f{index} (param $a i32) (param $b i32) (result i32) \
         (local $x i32) (local $y i64) (local $z f64)"
    );
    for label in 0..8 + rng.below(16) {
        statement(out, index, label, rng);
    }
    out.push_str(
        "    (i32.add (i32.add (local.get $x) (i32.wrap_i64 (local.get $y)))\n             \
         (i32.trunc_sat_f64_s (local.get $z))))\n",
    );
}

fn statement(out: &mut String, index: usize, label: u64, rng: &mut XorShift) {
    let c = rng.below(1 << 12);
    let _ = match rng.below(9) {
        0 => writeln!(
            out,
            "    (local.set $x (i32.add (i32.mul (local.get $a) (i32.const {c})) (local.get $x)))"
        ),
        1 => writeln!(
            out,
            "    (local.set $y (i64.xor (i64.extend_i32_u (local.get $x)) \
             (i64.shl (local.get $y) (i64.const {}))))",
            c % 63
        ),
        2 => writeln!(
            out,
            "    (local.set $z (f64.add (f64.mul (local.get $z) (f64.const 0.5)) \
             (f64.convert_i32_s (local.get $b))))"
        ),
        3 => writeln!(
            out,
            "    (if (i32.lt_s (local.get $x) (i32.const {c}))\n      \
             (then (local.set $x (i32.sub (local.get $x) (local.get $b))))\n      \
             (else (local.set $b (i32.rotl (local.get $b) (i32.const 3)))))"
        ),
        4 => writeln!(
            out,
            "    (i32.store offset={c} (i32.and (local.get $a) (i32.const 0xfffc)) (local.get $x))"
        ),
        5 => writeln!(
            out,
            "    (local.set $x (i32.add (local.get $x) \
             (i32.load offset={c} (i32.and (local.get $b) (i32.const 0xfffc)))))"
        ),
        6 => writeln!(
            out,
            "    (block $done{label} (loop $next{label}\n      \
             (br_if $done{label} (i32.eqz (local.get $b)))\n      \
             (local.set $x (i32.add (local.get $x) (local.get $b)))\n      \
             (local.set $b (i32.sub (local.get $b) (i32.const 1)))\n      \
             (br $next{label})))"
        ),
        7 if index > 0 => writeln!(
            out,
            "    (local.set $x (call $f{} (local.get $x) (local.get $a)))",
            rng.below(index as u64)
        ),
        _ => writeln!(
            out,
            "    (block $t0_{label} (block $t1_{label} (block $t2_{label}\n      \
             (br_table $t0_{label} $t1_{label} $t2_{label} (i32.and (local.get $x) (i32.const 3))))\n      \
             (local.set $x (i32.xor (local.get $x) (i32.const {c}))))\n      \
             (local.set $a (i32.shr_u (local.get $a) (i32.const 1))))"
        ),
    };
}

/// A tiny deterministic generator: the module must be the same on every machine and run.
struct XorShift(u64);

impl XorShift {
    /// A value in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}
