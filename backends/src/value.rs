//! How Wasm values sit in 64-bit slots and in the accumulators.
//!
//! A slot holds any value as a `u64`: i32 and f32 in the low 32 bits, references as
//! `store index + 1` with 0 for null. The integer accumulator holds i32, i64 and references;
//! f32 and f64 have accumulators of their own.

use crate::handlers::Regs;

/// A value type as handlers see it: where its accumulator is and how it sits in a slot.
pub trait Value: Copy {
    /// Reads the accumulator of this type's class.
    fn from_acc(r: &Regs) -> Self;
    /// Writes the accumulator of this type's class.
    fn to_acc(self, r: &mut Regs);
    /// Reads the value from a slot's bits.
    fn from_bits(bits: u64) -> Self;
    /// The value as slot bits.
    fn to_bits(self) -> u64;
}

macro_rules! int_value {
    ($($t:ty => $u:ty),*) => {$(
        impl Value for $t {
            #[inline(always)]
            fn from_acc(r: &Regs) -> Self { r.acc as $u as $t }
            #[inline(always)]
            fn to_acc(self, r: &mut Regs) { r.acc = self as $u as u64; }
            #[inline(always)]
            fn from_bits(bits: u64) -> Self { bits as $u as $t }
            #[inline(always)]
            fn to_bits(self) -> u64 { self as $u as u64 }
        }
    )*};
}
int_value!(i32 => u32, i64 => u64, u64 => u64);

impl Value for f32 {
    #[inline(always)]
    fn from_acc(r: &Regs) -> Self {
        r.f32a
    }
    #[inline(always)]
    fn to_acc(self, r: &mut Regs) {
        r.f32a = self;
    }
    #[inline(always)]
    fn from_bits(bits: u64) -> Self {
        f32::from_bits(bits as u32)
    }
    #[inline(always)]
    fn to_bits(self) -> u64 {
        u64::from(f32::to_bits(self))
    }
}

impl Value for f64 {
    #[inline(always)]
    fn from_acc(r: &Regs) -> Self {
        r.f64a
    }
    #[inline(always)]
    fn to_acc(self, r: &mut Regs) {
        r.f64a = self;
    }
    #[inline(always)]
    fn from_bits(bits: u64) -> Self {
        f64::from_bits(bits)
    }
    #[inline(always)]
    fn to_bits(self) -> u64 {
        f64::to_bits(self)
    }
}

/// A type stored in linear memory: little-endian, unaligned.
pub trait MemValue: Copy {
    /// Reads from `p`.
    ///
    /// # Safety
    /// `p` must point to `size_of::<Self>()` readable bytes.
    unsafe fn load(p: *const u8) -> Self;
    /// Writes to `p`.
    ///
    /// # Safety
    /// `p` must point to `size_of::<Self>()` writable bytes.
    unsafe fn store(self, p: *mut u8);
}

macro_rules! mem_value {
    ($($t:ty),*) => {$(
        impl MemValue for $t {
            #[inline(always)]
            unsafe fn load(p: *const u8) -> Self {
                // SAFETY: the caller checked the bounds; unaligned reads are allowed.
                <$t>::from_le_bytes(unsafe { core::ptr::read_unaligned(p.cast()) })
            }
            #[inline(always)]
            unsafe fn store(self, p: *mut u8) {
                // SAFETY: the caller checked the bounds; unaligned writes are allowed.
                unsafe { core::ptr::write_unaligned(p.cast(), self.to_le_bytes()) }
            }
        }
    )*};
}
mem_value!(i8, u8, i16, u16, i32, u32, i64, u64, f32, f64);
