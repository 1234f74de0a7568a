//! Rounding to an integral float without a call into libm.
//!
//! Without SSE4.1 (not in the x86-64 baseline) Rust's `floor`, `ceil`, `trunc` and
//! `round_ties_even` are calls to libm. A call clobbers every vector register and most integer
//! ones, and loop-match keeps its registers in machine registers only while no op in its loop
//! calls out (`dispatch/loop_match.rs`). These round with integer and float arithmetic, in line.

/// Rounding of one float type; NaN comes back as it went in (the kernels quiet it).
pub trait Round: Sized {
    /// Toward zero.
    fn trunc_inline(self) -> Self;
    /// Toward negative infinity.
    fn floor_inline(self) -> Self;
    /// Toward positive infinity.
    fn ceil_inline(self) -> Self;
    /// To the nearest integer, ties to even.
    fn nearest_inline(self) -> Self;
}

macro_rules! round {
    ($f:ident, $bits:ident, $mantissa:literal, $bias:literal) => {
        impl Round for $f {
            #[inline(always)]
            fn trunc_inline(self) -> $f {
                let bits = self.to_bits();
                let exponent = ((bits >> $mantissa) & ((1 << (<$bits>::BITS - 1 - $mantissa)) - 1))
                    as i32
                    - $bias;
                if exponent >= $mantissa {
                    // Integral already, infinite or NaN.
                    self
                } else if exponent < 0 {
                    // |x| < 1: zero of x's sign.
                    <$f>::from_bits(bits & (1 << (<$bits>::BITS - 1)))
                } else {
                    let fraction: $bits = ((1 << $mantissa) - 1) >> exponent;
                    <$f>::from_bits(bits & !fraction)
                }
            }

            #[inline(always)]
            fn floor_inline(self) -> $f {
                let t = self.trunc_inline();
                // Exact: |t| < 2^mantissa whenever it differs from x.
                if t > self { t - 1.0 } else { t }
            }

            #[inline(always)]
            fn ceil_inline(self) -> $f {
                let t = self.trunc_inline();
                if t < self { t + 1.0 } else { t }
            }

            #[inline(always)]
            fn nearest_inline(self) -> $f {
                // 2^mantissa: the sum has no fraction bits left, and the addition rounds to
                // nearest, ties to even, as the default rounding mode does.
                const TWO_POW: $f = (1u64 << $mantissa) as $f;
                let a = self.abs();
                if a < TWO_POW {
                    ((a + TWO_POW) - TWO_POW).copysign(self)
                } else {
                    // Integral already, infinite or NaN.
                    self
                }
            }
        }
    };
}

round!(f32, u32, 23, 127);
round!(f64, u64, 52, 1023);

#[cfg(test)]
mod tests {
    use super::Round;

    /// `$x` rounds as libm rounds it, each way; a NaN may come back with other payload bits.
    macro_rules! agrees {
        ($x:expr) => {{
            let x = $x;
            for (name, ours, libm) in [
                ("trunc", x.trunc_inline(), x.trunc()),
                ("floor", x.floor_inline(), x.floor()),
                ("ceil", x.ceil_inline(), x.ceil()),
                ("nearest", x.nearest_inline(), x.round_ties_even()),
            ] {
                assert!(
                    ours.to_bits() == libm.to_bits() || ours.is_nan() && libm.is_nan(),
                    "{name} {x:e}"
                );
            }
        }};
    }

    /// Edge values and 200,000 pseudo-random ones (bit patterns, and values of every
    /// magnitude near the integers) round as libm does, in both widths.
    #[test]
    fn agrees_with_libm() {
        let mut values: Vec<f64> = vec![
            0.0,
            -0.0,
            0.5,
            -0.5,
            1.5,
            -1.5,
            2.5,
            -2.5,
            0.49999999999999994,
            -0.49999999999999994,
            4503599627370495.5,
            -4503599627370495.5,
            4503599627370496.0,
            9007199254740993.0,
            8388607.5,
            -8388607.5,
            8388608.0,
            f64::MIN_POSITIVE,
            1e-310,
            f64::MAX,
            f64::MIN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            0.9999999999999999,
        ];
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..100_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            values.push(f64::from_bits(state));
            values.push((state >> 11) as f64 / (1u64 << (state % 60)) as f64 - 1e6);
        }
        for &x in &values {
            agrees!(x);
            agrees!(x as f32);
            agrees!(f32::from_bits(x.to_bits() as u32));
        }
    }
}
