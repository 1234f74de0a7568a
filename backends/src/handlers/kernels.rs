//! Numeric kernels: the pure semantics of every Wasm numeric instruction, and of the value
//! conversions of memory loads and stores, written once and shared by every backend.

use super::round::Round;
use crate::trap::TrapCode;

/// Kernels that never trap: `$name(args: $t) -> Result<$out, TrapCode> { Ok($body) }`.
macro_rules! total {
    ($($name:ident($($arg:ident),+ : $t:ty) -> $out:ty = $body:expr;)*) => {$(
        #[inline(always)]
        pub fn $name($($arg: $t),+) -> Result<$out, TrapCode> {
            Ok($body)
        }
    )*};
}

/// Kernels that are a chain of `as` casts: `$name(x: $in) -> $out { x as $via.. as $out }`,
/// wrapped in `Ok` for the `unary` family and bare for the `load`/`store` families.
macro_rules! casts {
    (unary { $($name:ident($in:ty $(as $via:ty)*) -> $out:ty;)* }) => {
        total! { $($name(x: $in) -> $out = x $(as $via)* as $out;)* }
    };
    (memory { $($name:ident($in:ty $(as $via:ty)*) -> $out:ty;)* }) => {$(
        #[inline(always)]
        pub fn $name(x: $in) -> $out {
            x $(as $via)* as $out
        }
    )*};
}

/// Sets the quiet bit of a NaN `$x`: the rounding functions return a NaN operand as it is,
/// signalling or not, where Wasm wants an arithmetic (quiet) NaN.
macro_rules! quiet {
    ($f:ident, $x:expr) => {{
        let r: $f = $x;
        if r.is_nan() {
            <$f>::from_bits(r.to_bits() | <$f>::NAN.to_bits())
        } else {
            r
        }
    }};
}

/// The integer kernels of one width: `$t` is the Wasm integer, `$u` its unsigned view.
macro_rules! int_kernels {
    ($t:ident as $u:ident {
        add: $add:ident, sub: $sub:ident, mul: $mul:ident,
        div_s: $div_s:ident, div_u: $div_u:ident, rem_s: $rem_s:ident, rem_u: $rem_u:ident,
        and: $and:ident, or: $or:ident, xor: $xor:ident,
        shl: $shl:ident, shr_s: $shr_s:ident, shr_u: $shr_u:ident,
        rotl: $rotl:ident, rotr: $rotr:ident,
        eq: $eq:ident, ne: $ne:ident,
        lt_s: $lt_s:ident, lt_u: $lt_u:ident, gt_s: $gt_s:ident, gt_u: $gt_u:ident,
        le_s: $le_s:ident, le_u: $le_u:ident, ge_s: $ge_s:ident, ge_u: $ge_u:ident,
        clz: $clz:ident, ctz: $ctz:ident, popcnt: $popcnt:ident, eqz: $eqz:ident $(,)?
    }) => {
        total! {
            $add(a, b: $t) -> $t = a.wrapping_add(b);
            $sub(a, b: $t) -> $t = a.wrapping_sub(b);
            $mul(a, b: $t) -> $t = a.wrapping_mul(b);
            $and(a, b: $t) -> $t = a & b;
            $or(a, b: $t) -> $t = a | b;
            $xor(a, b: $t) -> $t = a ^ b;
            // `wrapping_sh*` masks the count to the width; rotation is modulo the width anyway.
            $shl(a, b: $t) -> $t = a.wrapping_shl(b as u32);
            $shr_s(a, b: $t) -> $t = a.wrapping_shr(b as u32);
            $shr_u(a, b: $t) -> $t = (a as $u).wrapping_shr(b as u32) as $t;
            $rotl(a, b: $t) -> $t = a.rotate_left(b as u32);
            $rotr(a, b: $t) -> $t = a.rotate_right(b as u32);
            $eq(a, b: $t) -> i32 = (a == b) as i32;
            $ne(a, b: $t) -> i32 = (a != b) as i32;
            $lt_s(a, b: $t) -> i32 = (a < b) as i32;
            $lt_u(a, b: $t) -> i32 = ((a as $u) < (b as $u)) as i32;
            $gt_s(a, b: $t) -> i32 = (a > b) as i32;
            $gt_u(a, b: $t) -> i32 = ((a as $u) > (b as $u)) as i32;
            $le_s(a, b: $t) -> i32 = (a <= b) as i32;
            $le_u(a, b: $t) -> i32 = ((a as $u) <= (b as $u)) as i32;
            $ge_s(a, b: $t) -> i32 = (a >= b) as i32;
            $ge_u(a, b: $t) -> i32 = ((a as $u) >= (b as $u)) as i32;
            $clz(a: $t) -> $t = a.leading_zeros() as $t;
            $ctz(a: $t) -> $t = a.trailing_zeros() as $t;
            $popcnt(a: $t) -> $t = a.count_ones() as $t;
            $eqz(a: $t) -> i32 = (a == 0) as i32;
        }

        /// Signed division: traps on a zero divisor and on `MIN / -1`.
        #[inline(always)]
        pub fn $div_s(a: $t, b: $t) -> Result<$t, TrapCode> {
            if b == 0 {
                return Err(TrapCode::IntegerDivisionByZero);
            }
            a.checked_div(b).ok_or(TrapCode::IntegerOverflow)
        }

        /// Unsigned division: traps on a zero divisor.
        #[inline(always)]
        pub fn $div_u(a: $t, b: $t) -> Result<$t, TrapCode> {
            match (a as $u).checked_div(b as $u) {
                Some(q) => Ok(q as $t),
                None => Err(TrapCode::IntegerDivisionByZero),
            }
        }

        /// Signed remainder: traps on a zero divisor; `MIN % -1` is 0.
        #[inline(always)]
        pub fn $rem_s(a: $t, b: $t) -> Result<$t, TrapCode> {
            if b == 0 {
                // Keeps the trap out of the fall-through (LLVM put it there for `rem`).
                core::hint::cold_path();
                return Err(TrapCode::IntegerDivisionByZero);
            }
            Ok(a.wrapping_rem(b))
        }

        /// Unsigned remainder: traps on a zero divisor.
        #[inline(always)]
        pub fn $rem_u(a: $t, b: $t) -> Result<$t, TrapCode> {
            match (a as $u).checked_rem(b as $u) {
                Some(r) => Ok(r as $t),
                None => {
                    core::hint::cold_path();
                    Err(TrapCode::IntegerDivisionByZero)
                }
            }
        }
    };
}

/// The float kernels of one width, `$f`.
macro_rules! float_kernels {
    ($f:ident {
        add: $add:ident, sub: $sub:ident, mul: $mul:ident, div: $div:ident,
        min: $min:ident, max: $max:ident, copysign: $copysign:ident,
        eq: $eq:ident, ne: $ne:ident, lt: $lt:ident, gt: $gt:ident, le: $le:ident, ge: $ge:ident,
        abs: $abs:ident, neg: $neg:ident, ceil: $ceil:ident, floor: $floor:ident,
        trunc: $trunc:ident, nearest: $nearest:ident, sqrt: $sqrt:ident $(,)?
    }) => {
        total! {
            $add(a, b: $f) -> $f = a + b;
            $sub(a, b: $f) -> $f = a - b;
            $mul(a, b: $f) -> $f = a * b;
            $div(a, b: $f) -> $f = a / b;
            // Wasm `min`/`max` propagate NaN (unlike `f32::min`) and order -0 below +0.
            $min(a, b: $f) -> $f = if a.is_nan() || b.is_nan() {
                a + b
            } else if a == b {
                if a.is_sign_negative() { a } else { b }
            } else if a < b {
                a
            } else {
                b
            };
            $max(a, b: $f) -> $f = if a.is_nan() || b.is_nan() {
                a + b
            } else if a == b {
                if a.is_sign_positive() { a } else { b }
            } else if a > b {
                a
            } else {
                b
            };
            // `copysign`, `abs` and `-` only touch the sign bit, keeping NaN payloads.
            $copysign(a, b: $f) -> $f = a.copysign(b);
            $eq(a, b: $f) -> i32 = (a == b) as i32;
            $ne(a, b: $f) -> i32 = (a != b) as i32;
            $lt(a, b: $f) -> i32 = (a < b) as i32;
            $gt(a, b: $f) -> i32 = (a > b) as i32;
            $le(a, b: $f) -> i32 = (a <= b) as i32;
            $ge(a, b: $f) -> i32 = (a >= b) as i32;
            $abs(x: $f) -> $f = x.abs();
            $neg(x: $f) -> $f = -x;
            $ceil(x: $f) -> $f = quiet!($f, x.ceil_inline());
            $floor(x: $f) -> $f = quiet!($f, x.floor_inline());
            $trunc(x: $f) -> $f = quiet!($f, x.trunc_inline());
            $nearest(x: $f) -> $f = quiet!($f, x.nearest_inline());
            $sqrt(x: $f) -> $f = x.sqrt();
        }
    };
}

// Multiply-adds, for the `mul_add` family; they never trap. The product is rounded before
// the sum (Rust never contracts `a * b + c` into one fused instruction), as the two Wasm ops
// compute it.

/// `a * b + c`, wrapping.
#[inline(always)]
pub fn i32_mul_add(a: i32, b: i32, c: i32) -> i32 {
    a.wrapping_mul(b).wrapping_add(c)
}

/// `a * b + c`, wrapping.
#[inline(always)]
pub fn i64_mul_add(a: i64, b: i64, c: i64) -> i64 {
    a.wrapping_mul(b).wrapping_add(c)
}

/// `a * b + c`, each step rounded.
#[inline(always)]
pub fn f32_mul_add(a: f32, b: f32, c: f32) -> f32 {
    a * b + c
}

/// `a * b + c`, each step rounded.
#[inline(always)]
pub fn f64_mul_add(a: f64, b: f64, c: f64) -> f64 {
    a * b + c
}

/// The multiply-add of each value type, for the `load_mul_add` family, whose entries name only
/// the load's conversion.
pub trait MulThenAdd: Sized {
    /// `a * b + c`, as the `mul_add` kernel of the type computes it.
    fn mul_then_add(a: Self, b: Self, c: Self) -> Self;
}

macro_rules! mul_then_add {
    ($($t:ty => $kernel:ident),*) => {$(
        impl MulThenAdd for $t {
            #[inline(always)]
            fn mul_then_add(a: Self, b: Self, c: Self) -> Self {
                $kernel(a, b, c)
            }
        }
    )*};
}
mul_then_add!(i32 => i32_mul_add, i64 => i64_mul_add, f32 => f32_mul_add, f64 => f64_mul_add);

/// Trapping float-to-int truncations: `$name(x: $f) -> $out`, valid when the truncated `x`
/// fits `$int` (`$out` itself, or its unsigned view).
macro_rules! trunc {
    ($($name:ident($f:ident) -> $out:ident as $int:ident;)*) => {$(
        #[inline(always)]
        pub fn $name(x: $f) -> Result<$out, TrapCode> {
            if x.is_nan() {
                return Err(TrapCode::BadConversionToInteger);
            }
            // `MIN` and `MAX + 1` are 0 or powers of two, so exact in either float type, and an
            // integral `t` fits iff `MIN <= t < MAX + 1`.
            let t = x.trunc_inline();
            if t >= <$int>::MIN as $f && t < (<$int>::MAX as u128 + 1) as $f {
                Ok(x as $int as $out)
            } else {
                Err(TrapCode::IntegerOverflow)
            }
        }
    )*};
}

int_kernels! {
    i32 as u32 {
        add: i32_add, sub: i32_sub, mul: i32_mul,
        div_s: i32_div_s, div_u: i32_div_u, rem_s: i32_rem_s, rem_u: i32_rem_u,
        and: i32_and, or: i32_or, xor: i32_xor,
        shl: i32_shl, shr_s: i32_shr_s, shr_u: i32_shr_u,
        rotl: i32_rotl, rotr: i32_rotr,
        eq: i32_eq, ne: i32_ne,
        lt_s: i32_lt_s, lt_u: i32_lt_u, gt_s: i32_gt_s, gt_u: i32_gt_u,
        le_s: i32_le_s, le_u: i32_le_u, ge_s: i32_ge_s, ge_u: i32_ge_u,
        clz: i32_clz, ctz: i32_ctz, popcnt: i32_popcnt, eqz: i32_eqz,
    }
}

int_kernels! {
    i64 as u64 {
        add: i64_add, sub: i64_sub, mul: i64_mul,
        div_s: i64_div_s, div_u: i64_div_u, rem_s: i64_rem_s, rem_u: i64_rem_u,
        and: i64_and, or: i64_or, xor: i64_xor,
        shl: i64_shl, shr_s: i64_shr_s, shr_u: i64_shr_u,
        rotl: i64_rotl, rotr: i64_rotr,
        eq: i64_eq, ne: i64_ne,
        lt_s: i64_lt_s, lt_u: i64_lt_u, gt_s: i64_gt_s, gt_u: i64_gt_u,
        le_s: i64_le_s, le_u: i64_le_u, ge_s: i64_ge_s, ge_u: i64_ge_u,
        clz: i64_clz, ctz: i64_ctz, popcnt: i64_popcnt, eqz: i64_eqz,
    }
}

float_kernels! {
    f32 {
        add: f32_add, sub: f32_sub, mul: f32_mul, div: f32_div,
        min: f32_min, max: f32_max, copysign: f32_copysign,
        eq: f32_eq, ne: f32_ne, lt: f32_lt, gt: f32_gt, le: f32_le, ge: f32_ge,
        abs: f32_abs, neg: f32_neg, ceil: f32_ceil, floor: f32_floor,
        trunc: f32_trunc, nearest: f32_nearest, sqrt: f32_sqrt,
    }
}

float_kernels! {
    f64 {
        add: f64_add, sub: f64_sub, mul: f64_mul, div: f64_div,
        min: f64_min, max: f64_max, copysign: f64_copysign,
        eq: f64_eq, ne: f64_ne, lt: f64_lt, gt: f64_gt, le: f64_le, ge: f64_ge,
        abs: f64_abs, neg: f64_neg, ceil: f64_ceil, floor: f64_floor,
        trunc: f64_trunc, nearest: f64_nearest, sqrt: f64_sqrt,
    }
}

trunc! {
    i32_trunc_f32_s(f32) -> i32 as i32;
    i32_trunc_f32_u(f32) -> i32 as u32;
    i32_trunc_f64_s(f64) -> i32 as i32;
    i32_trunc_f64_u(f64) -> i32 as u32;
    i64_trunc_f32_s(f32) -> i64 as i64;
    i64_trunc_f32_u(f32) -> i64 as u64;
    i64_trunc_f64_s(f64) -> i64 as i64;
    i64_trunc_f64_u(f64) -> i64 as u64;
}

// Rust's float-to-int `as` saturates and maps NaN to 0, exactly `trunc_sat`; its int-to-float
// `as` rounds to nearest, ties to even, exactly `convert`.
casts! {
    unary {
        i32_extend8_s(i32 as i8) -> i32;
        i32_extend16_s(i32 as i16) -> i32;
        i64_extend8_s(i64 as i8) -> i64;
        i64_extend16_s(i64 as i16) -> i64;
        i64_extend32_s(i64 as i32) -> i64;
        i32_wrap_i64(i64) -> i32;
        i64_extend_i32_s(i32) -> i64;
        i64_extend_i32_u(i32 as u32) -> i64;
        f32_convert_i32_s(i32) -> f32;
        f32_convert_i32_u(i32 as u32) -> f32;
        f32_convert_i64_s(i64) -> f32;
        f32_convert_i64_u(i64 as u64) -> f32;
        f32_demote_f64(f64) -> f32;
        f64_convert_i32_s(i32) -> f64;
        f64_convert_i32_u(i32 as u32) -> f64;
        f64_convert_i64_s(i64) -> f64;
        f64_convert_i64_u(i64 as u64) -> f64;
        f64_promote_f32(f32) -> f64;
        i32_trunc_sat_f32_s(f32) -> i32;
        i32_trunc_sat_f32_u(f32 as u32) -> i32;
        i32_trunc_sat_f64_s(f64) -> i32;
        i32_trunc_sat_f64_u(f64 as u32) -> i32;
        i64_trunc_sat_f32_s(f32) -> i64;
        i64_trunc_sat_f32_u(f32 as u64) -> i64;
        i64_trunc_sat_f64_s(f64) -> i64;
        i64_trunc_sat_f64_u(f64 as u64) -> i64;
    }
}

total! {
    i32_reinterpret_f32(x: f32) -> i32 = x.to_bits() as i32;
    i64_reinterpret_f64(x: f64) -> i64 = x.to_bits() as i64;
    f32_reinterpret_i32(x: i32) -> f32 = f32::from_bits(x as u32);
    f64_reinterpret_i64(x: i64) -> f64 = f64::from_bits(x as u64);
}

/// A full-width load: the value as stored.
#[inline(always)]
pub fn load_same<T>(x: T) -> T {
    x
}

/// A full-width store: the value as given.
#[inline(always)]
pub fn store_same<T>(x: T) -> T {
    x
}

// Narrow loads extend (by the signedness of the memory type); narrow stores wrap.
casts! {
    memory {
        i32_from_i8(i8) -> i32;
        i32_from_u8(u8) -> i32;
        i32_from_i16(i16) -> i32;
        i32_from_u16(u16) -> i32;
        i64_from_i8(i8) -> i64;
        i64_from_u8(u8) -> i64;
        i64_from_i16(i16) -> i64;
        i64_from_u16(u16) -> i64;
        i64_from_i32(i32) -> i64;
        i64_from_u32(u32) -> i64;
        i32_to_u8(i32) -> u8;
        i32_to_u16(i32) -> u16;
        i64_to_u8(i64) -> u8;
        i64_to_u16(i64) -> u16;
        i64_to_u32(i64) -> u32;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use TrapCode::IntegerOverflow as Overflow;
    use TrapCode::{BadConversionToInteger as Nan, IntegerDivisionByZero as DivZero};

    #[test]
    fn division_traps() {
        assert_eq!(i32_div_s(7, 0), Err(DivZero));
        assert_eq!(i32_div_s(i32::MIN, -1), Err(Overflow));
        assert_eq!(i32_div_s(-7, 2), Ok(-3));
        assert_eq!(i32_div_u(-1, 0), Err(DivZero));
        assert_eq!(i32_div_u(-1, 2), Ok(0x7fff_ffff));
        assert_eq!(i32_rem_s(7, 0), Err(DivZero));
        assert_eq!(i32_rem_s(i32::MIN, -1), Ok(0));
        assert_eq!(i32_rem_s(-7, 2), Ok(-1));
        assert_eq!(i32_rem_u(7, 0), Err(DivZero));
        assert_eq!(i32_rem_u(-1, 10), Ok(5)); // 4294967295 % 10

        assert_eq!(i64_div_s(7, 0), Err(DivZero));
        assert_eq!(i64_div_s(i64::MIN, -1), Err(Overflow));
        assert_eq!(i64_div_s(i64::MIN, 2), Ok(i64::MIN / 2));
        assert_eq!(i64_div_u(1, 0), Err(DivZero));
        assert_eq!(i64_div_u(i64::MIN, -1), Ok(0));
        assert_eq!(i64_rem_s(1, 0), Err(DivZero));
        assert_eq!(i64_rem_s(i64::MIN, -1), Ok(0));
        assert_eq!(i64_rem_u(1, 0), Err(DivZero));
        assert_eq!(i64_rem_u(-1, 10), Ok(5)); // 18446744073709551615 % 10
    }

    #[test]
    fn shifts_mask_the_count() {
        assert_eq!(i32_shl(1, 33), Ok(2));
        assert_eq!(i32_shr_s(i32::MIN, 31), Ok(-1));
        assert_eq!(i32_shr_s(i32::MIN, 32), Ok(i32::MIN));
        assert_eq!(i32_shr_u(i32::MIN, -1), Ok(1));
        assert_eq!(i32_rotl(0x8000_0001_u32 as i32, 33), Ok(3));
        assert_eq!(i32_rotr(1, -1), Ok(2));
        assert_eq!(i64_shl(1, 65), Ok(2));
        assert_eq!(i64_shr_u(-1, 127), Ok(1));
        assert_eq!(i64_shr_s(-2, 64), Ok(-2));
        assert_eq!(i64_rotl(i64::MIN, 1), Ok(1));
        assert_eq!(i64_rotr(1, 65), Ok(i64::MIN));
    }

    #[test]
    fn integer_compares_and_bit_counts() {
        assert_eq!(i32_lt_s(-1, 0), Ok(1));
        assert_eq!(i32_lt_u(-1, 0), Ok(0));
        assert_eq!(i32_ge_u(-1, 0), Ok(1));
        assert_eq!(i64_gt_u(-1, 1), Ok(1));
        assert_eq!(i64_le_s(-1, 1), Ok(1));
        assert_eq!(i64_ne(3, 3), Ok(0));
        assert_eq!(i32_eqz(0), Ok(1));
        assert_eq!(i64_eqz(i64::MIN), Ok(0));
        assert_eq!(i32_clz(0), Ok(32));
        assert_eq!(i64_ctz(0), Ok(64));
        assert_eq!(i64_popcnt(-1), Ok(64));
        assert_eq!(i32_mul(0x1000_0000, 16), Ok(0));
        assert_eq!(i64_add(i64::MAX, 1), Ok(i64::MIN));
    }

    /// The spec testsuite's boundary cases for every trapping truncation.
    #[test]
    fn trunc_boundaries() {
        assert_eq!(i32_trunc_f32_s(-2147483648.0), Ok(i32::MIN));
        assert_eq!(i32_trunc_f32_s(2147483520.0), Ok(2147483520));
        assert_eq!(i32_trunc_f32_s(2147483648.0), Err(Overflow));
        assert_eq!(i32_trunc_f32_s(-2147483904.0), Err(Overflow));
        assert_eq!(i32_trunc_f32_s(-1.9), Ok(-1));

        assert_eq!(i32_trunc_f32_u(-0.9), Ok(0));
        assert_eq!(i32_trunc_f32_u(4294967040.0), Ok(-256));
        assert_eq!(i32_trunc_f32_u(4294967296.0), Err(Overflow));
        assert_eq!(i32_trunc_f32_u(-1.0), Err(Overflow));

        assert_eq!(i32_trunc_f64_s(-2147483648.9), Ok(i32::MIN));
        assert_eq!(i32_trunc_f64_s(2147483647.9), Ok(i32::MAX));
        assert_eq!(i32_trunc_f64_s(2147483648.0), Err(Overflow));
        assert_eq!(i32_trunc_f64_s(-2147483649.0), Err(Overflow));

        assert_eq!(i32_trunc_f64_u(-0.9), Ok(0));
        assert_eq!(i32_trunc_f64_u(4294967295.9), Ok(-1));
        assert_eq!(i32_trunc_f64_u(4294967296.0), Err(Overflow));
        assert_eq!(i32_trunc_f64_u(-1.0), Err(Overflow));

        assert_eq!(i64_trunc_f32_s(-9223372036854775808.0), Ok(i64::MIN));
        assert_eq!(
            i64_trunc_f32_s(9223371487098961920.0),
            Ok(9223371487098961920)
        );
        assert_eq!(i64_trunc_f32_s(9223372036854775808.0), Err(Overflow));
        assert_eq!(i64_trunc_f32_s(-9223373136366403584.0), Err(Overflow));

        assert_eq!(i64_trunc_f32_u(-0.9), Ok(0));
        assert_eq!(i64_trunc_f32_u(18446742974197923840.0), Ok(-1099511627776));
        assert_eq!(i64_trunc_f32_u(18446744073709551616.0), Err(Overflow));
        assert_eq!(i64_trunc_f32_u(-1.0), Err(Overflow));

        assert_eq!(i64_trunc_f64_s(-9223372036854775808.0), Ok(i64::MIN));
        assert_eq!(
            i64_trunc_f64_s(9223372036854774784.0),
            Ok(9223372036854774784)
        );
        assert_eq!(i64_trunc_f64_s(9223372036854775808.0), Err(Overflow));
        assert_eq!(i64_trunc_f64_s(-9223372036854777856.0), Err(Overflow));

        assert_eq!(i64_trunc_f64_u(-0.9), Ok(0));
        assert_eq!(i64_trunc_f64_u(18446744073709549568.0), Ok(-2048));
        assert_eq!(i64_trunc_f64_u(18446744073709551616.0), Err(Overflow));
        assert_eq!(i64_trunc_f64_u(-1.0), Err(Overflow));
    }

    #[test]
    fn trunc_nan_and_infinities() {
        for x in [f32::NAN, -f32::NAN, f32::from_bits(0x7fa0_0000)] {
            assert_eq!(i32_trunc_f32_s(x), Err(Nan));
            assert_eq!(i32_trunc_f32_u(x), Err(Nan));
            assert_eq!(i64_trunc_f32_s(x), Err(Nan));
            assert_eq!(i64_trunc_f32_u(x), Err(Nan));
        }
        for x in [f64::NAN, -f64::NAN, f64::from_bits(0x7ff4_0000_0000_0000)] {
            assert_eq!(i32_trunc_f64_s(x), Err(Nan));
            assert_eq!(i32_trunc_f64_u(x), Err(Nan));
            assert_eq!(i64_trunc_f64_s(x), Err(Nan));
            assert_eq!(i64_trunc_f64_u(x), Err(Nan));
        }
        assert_eq!(i32_trunc_f32_s(f32::NEG_INFINITY), Err(Overflow));
        assert_eq!(i32_trunc_f64_u(f64::INFINITY), Err(Overflow));
        assert_eq!(i64_trunc_f32_u(f32::NEG_INFINITY), Err(Overflow));
        assert_eq!(i64_trunc_f64_s(f64::INFINITY), Err(Overflow));
    }

    /// Every float within a few ulps of each truncation's bounds agrees with a reference that
    /// does the range check in `i128`.
    #[test]
    fn trunc_matches_wide_reference() {
        fn reference(t: f64, min: i128, max: i128) -> Result<i128, TrapCode> {
            let v = t.trunc() as i128; // exact: every bound is far below 2^127
            if (min..=max).contains(&v) {
                Ok(v)
            } else {
                Err(Overflow)
            }
        }
        macro_rules! sweep {
            ($($kernel:ident($f:ident) as $int:ident;)*) => {$(
                let (min, max) = (<$int>::MIN as i128, <$int>::MAX as i128);
                for centre in [min as $f, max as $f, -1.0, 0.0, (min - 1) as $f, (max + 1) as $f] {
                    let mut x = centre;
                    for _ in 0..8 {
                        x = x.next_down();
                    }
                    for _ in 0..16 {
                        let want = reference(x as f64, min, max).map(|v| v as $int);
                        let got = $kernel(x).map(|v| v as $int);
                        assert_eq!(got, want, "{}({x:?})", stringify!($kernel));
                        x = x.next_up();
                    }
                }
            )*};
        }
        sweep! {
            i32_trunc_f32_s(f32) as i32;
            i32_trunc_f32_u(f32) as u32;
            i32_trunc_f64_s(f64) as i32;
            i32_trunc_f64_u(f64) as u32;
            i64_trunc_f32_s(f32) as i64;
            i64_trunc_f32_u(f32) as u64;
            i64_trunc_f64_s(f64) as i64;
            i64_trunc_f64_u(f64) as u64;
        }
    }

    #[test]
    fn trunc_sat_saturates() {
        assert_eq!(i32_trunc_sat_f32_s(f32::NAN), Ok(0));
        assert_eq!(i32_trunc_sat_f32_s(3e9), Ok(i32::MAX));
        assert_eq!(i32_trunc_sat_f32_s(f32::NEG_INFINITY), Ok(i32::MIN));
        assert_eq!(i32_trunc_sat_f32_u(-1.0), Ok(0));
        assert_eq!(i32_trunc_sat_f32_u(f32::INFINITY), Ok(-1));
        assert_eq!(i32_trunc_sat_f64_s(-2147483649.0), Ok(i32::MIN));
        assert_eq!(i32_trunc_sat_f64_u(4294967295.9), Ok(-1));
        assert_eq!(i32_trunc_sat_f64_u(-f64::NAN), Ok(0));
        assert_eq!(i64_trunc_sat_f32_s(-1.5), Ok(-1));
        assert_eq!(i64_trunc_sat_f32_u(2e19), Ok(-1));
        assert_eq!(i64_trunc_sat_f64_s(f64::INFINITY), Ok(i64::MAX));
        assert_eq!(i64_trunc_sat_f64_s(f64::NAN), Ok(0));
        assert_eq!(i64_trunc_sat_f64_u(-0.9), Ok(0));
        assert_eq!(i64_trunc_sat_f64_u(9223372036854775808.0), Ok(i64::MIN));
    }

    #[test]
    fn min_max_nan_and_signed_zeros() {
        assert!(f32_min(f32::NAN, 1.0).unwrap().is_nan());
        assert!(f32_min(1.0, -f32::NAN).unwrap().is_nan());
        assert!(f32_max(f32::NEG_INFINITY, f32::NAN).unwrap().is_nan());
        assert!(f64_min(f64::NAN, f64::NEG_INFINITY).unwrap().is_nan());
        assert!(f64_max(0.0, f64::NAN).unwrap().is_nan());
        assert!(f64_max(f64::NAN, f64::NAN).unwrap().is_nan());

        let bits32 = |r: Result<f32, TrapCode>| r.unwrap().to_bits();
        let bits64 = |r: Result<f64, TrapCode>| r.unwrap().to_bits();
        for (a, b) in [(-0.0f32, 0.0), (0.0, -0.0)] {
            assert_eq!(bits32(f32_min(a, b)), (-0.0f32).to_bits());
            assert_eq!(bits32(f32_max(a, b)), 0.0f32.to_bits());
            let (a, b) = (f64::from(a), f64::from(b));
            assert_eq!(bits64(f64_min(a, b)), (-0.0f64).to_bits());
            assert_eq!(bits64(f64_max(a, b)), 0.0f64.to_bits());
        }
        assert_eq!(f32_min(-1.0, 2.0), Ok(-1.0));
        assert_eq!(f32_max(-1.0, 2.0), Ok(2.0));
        assert_eq!(f64_min(f64::INFINITY, -3.0), Ok(-3.0));
        assert_eq!(f64_max(f64::NEG_INFINITY, -3.0), Ok(-3.0));
    }

    #[test]
    fn nearest_rounds_ties_to_even() {
        for (x, want) in [
            (0.5, 0.0),
            (1.5, 2.0),
            (2.5, 2.0),
            (-2.5, -2.0),
            (-3.5, -4.0),
        ] {
            assert_eq!(f32_nearest(x), Ok(want));
            assert_eq!(f64_nearest(x as f64), Ok(want as f64));
        }
        assert_eq!(f32_nearest(-0.5).unwrap().to_bits(), (-0.0f32).to_bits());
        assert_eq!(f64_nearest(-0.5).unwrap().to_bits(), (-0.0f64).to_bits());
        assert_eq!(f64_nearest(4503599627370497.0), Ok(4503599627370497.0));
    }

    #[test]
    fn rounding_quiets_signalling_nans() {
        let snan32 = f32::from_bits(0xffa0_0000);
        for op in [f32_ceil, f32_floor, f32_trunc, f32_nearest] {
            assert_eq!(op(snan32).unwrap().to_bits(), 0xffe0_0000);
        }
        let snan64 = f64::from_bits(0x7ff4_0000_0000_0000);
        for op in [f64_ceil, f64_floor, f64_trunc, f64_nearest] {
            assert_eq!(op(snan64).unwrap().to_bits(), 0x7ffc_0000_0000_0000);
        }
        assert_eq!(f32_floor(-0.5).unwrap().to_bits(), (-1.0f32).to_bits());
        assert_eq!(f64_ceil(-0.5).unwrap().to_bits(), (-0.0f64).to_bits());
        assert_eq!(f32_trunc(f32::NEG_INFINITY), Ok(f32::NEG_INFINITY));
    }

    #[test]
    fn sign_ops_keep_nan_payloads() {
        let nan = f32::from_bits(0x7fa0_0001);
        assert_eq!(f32_neg(nan).unwrap().to_bits(), 0xffa0_0001);
        assert_eq!(
            f32_abs(f32::from_bits(0xffa0_0001)).unwrap().to_bits(),
            0x7fa0_0001
        );
        assert_eq!(f32_copysign(nan, -1.0).unwrap().to_bits(), 0xffa0_0001);
        let nan = f64::from_bits(0x7ff4_0000_0000_0001);
        assert_eq!(f64_neg(nan).unwrap().to_bits(), 0xfff4_0000_0000_0001);
        assert_eq!(f64_copysign(1.0, -0.0), Ok(-1.0));
        assert_eq!(f64_abs(-0.0).unwrap().to_bits(), 0);
    }

    #[test]
    fn float_compares_with_nan() {
        assert_eq!(f32_eq(f32::NAN, f32::NAN), Ok(0));
        assert_eq!(f32_ne(f32::NAN, f32::NAN), Ok(1));
        assert_eq!(f64_lt(f64::NAN, 1.0), Ok(0));
        assert_eq!(f64_ge(1.0, f64::NAN), Ok(0));
        assert_eq!(f64_eq(-0.0, 0.0), Ok(1));
        assert_eq!(f32_le(-0.0, 0.0), Ok(1));
    }

    #[test]
    fn conversions_round_correctly() {
        // From the spec testsuite: double rounding through f64 would give other results.
        assert_eq!(
            f32_convert_i64_u(0x8000_0080_0000_0001_u64 as i64),
            Ok(f32::from_bits(0x5f00_0001))
        );
        assert_eq!(f32_convert_i64_s(9007199791611905), Ok(9007200328482816.0));
        assert_eq!(f32_convert_i32_u(-1), Ok(4294967296.0));
        assert_eq!(f64_convert_i64_u(-1), Ok(18446744073709551616.0));
        assert_eq!(f64_convert_i32_u(i32::MIN), Ok(2147483648.0));
        assert_eq!(f64_convert_i64_s(9007199254740993), Ok(9007199254740992.0));
        assert_eq!(f32_demote_f64(f64::MAX), Ok(f32::INFINITY));
        assert_eq!(
            f64_promote_f32(f32::MIN_POSITIVE),
            Ok(f32::MIN_POSITIVE as f64)
        );
    }

    #[test]
    fn integer_width_changes() {
        assert_eq!(i32_wrap_i64(0x1_8000_0000), Ok(i32::MIN));
        assert_eq!(i64_extend_i32_s(-1), Ok(-1));
        assert_eq!(i64_extend_i32_u(-1), Ok(0xffff_ffff));
        assert_eq!(i32_extend8_s(0x80), Ok(-128));
        assert_eq!(i32_extend16_s(0x1_7fff), Ok(0x7fff));
        assert_eq!(i64_extend8_s(0xff), Ok(-1));
        assert_eq!(i64_extend16_s(0x8000), Ok(-32768));
        assert_eq!(i64_extend32_s(0x1_8000_0000), Ok(i32::MIN as i64));
    }

    #[test]
    fn reinterpret_is_bitwise() {
        assert_eq!(i32_reinterpret_f32(-0.0), Ok(i32::MIN));
        assert_eq!(
            i64_reinterpret_f64(f64::from_bits(0x7ff4_0000_0000_0001)),
            Ok(0x7ff4_0000_0000_0001)
        );
        assert_eq!(
            f32_reinterpret_i32(0x7fa0_0001).unwrap().to_bits(),
            0x7fa0_0001
        );
        assert_eq!(f64_reinterpret_i64(-1).unwrap().to_bits(), u64::MAX);
    }

    #[test]
    fn loads_extend_and_stores_wrap() {
        assert_eq!(i32_from_i8(-1), -1);
        assert_eq!(i32_from_u8(0xff), 0xff);
        assert_eq!(i32_from_i16(i16::MIN), -32768);
        assert_eq!(i32_from_u16(0x8000), 0x8000);
        assert_eq!(i64_from_i8(-128), -128);
        assert_eq!(i64_from_u8(0x80), 0x80);
        assert_eq!(i64_from_i16(-2), -2);
        assert_eq!(i64_from_u16(0xffff), 0xffff);
        assert_eq!(i64_from_i32(i32::MIN), i32::MIN as i64);
        assert_eq!(i64_from_u32(u32::MAX), 0xffff_ffff);
        assert_eq!(i32_to_u8(0x1234), 0x34);
        assert_eq!(i32_to_u16(-1), 0xffff);
        assert_eq!(i64_to_u8(-1), 0xff);
        assert_eq!(i64_to_u16(0x1_2345), 0x2345);
        assert_eq!(i64_to_u32(0x1_2345_6789), 0x2345_6789);
        assert_eq!(load_same(-1i64), -1);
        assert_eq!(store_same(1.5f32).to_bits(), 1.5f32.to_bits());
    }
}
