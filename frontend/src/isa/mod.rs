//! The instruction set: operand types, the opcode enum and the family tables, all derived from
//! the one list in [`ops`].

pub mod disasm;
pub mod encoding;
pub mod ops;

use core::fmt::Write as _;

/// A 64-bit cell of the current frame: parameters, then locals, then the operand stack.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Slot(pub u32);

/// A branch distance in bytes, relative to the position of the offset field itself.
///
/// Eight bytes, not four: a taken branch computes the next `ip` from this field, and every op
/// after it waits for that `ip`. A plain 64-bit load is a cycle quicker than the
/// sign-extending load a 32-bit offset needs (on the Xeon this was measured on, 1.52 against
/// 1.77 ns for a chain of such branches), and in a tight loop that chain is the loop's time.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Offset(pub i64);

/// A `br_table` operand: the count `n` of explicit targets, followed in the code by `n + 1`
/// [`Offset`]s (the last is the default target).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Targets(pub u32);

/// What the code holds in one field, as far as moving code around is concerned.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum FieldKind {
    /// Bytes that mean the same wherever they are.
    Bytes(usize),
    /// An [`Offset`]: a branch distance from the field itself.
    Offset,
    /// [`Targets`]: a count `n`, then `n + 1` [`Offset`]s.
    Targets,
}

/// A value that an op carries inline in the code.
pub trait Operand: Copy {
    /// Encoded size in bytes (for [`Targets`], the size of the count alone).
    const SIZE: usize;
    /// What the field is to code that moves it.
    const KIND: FieldKind = FieldKind::Bytes(Self::SIZE);
    /// Appends the little-endian encoding.
    fn encode(self, out: &mut Vec<u8>);
    /// Reads the value at `p`.
    ///
    /// # Safety
    /// `p` must point to `SIZE` readable bytes written by [`Operand::encode`] for this type.
    unsafe fn decode(p: *const u8) -> Self;
    /// Renders the operand at the start of `code` for the disassembler; returns the text and
    /// the bytes consumed, or `None` when `code` is too short.
    fn show(code: &[u8]) -> Option<(String, usize)>;
}

macro_rules! plain_operand {
    ($($t:ty => |$v:ident| $raw:expr, $back:expr, $fmt:literal $(, $kind:ident)?;)*) => {$(
        impl Operand for $t {
            const SIZE: usize = core::mem::size_of::<$t>();
            $(const KIND: FieldKind = FieldKind::$kind;)?
            #[inline(always)]
            fn encode(self, out: &mut Vec<u8>) {
                let $v = self;
                out.extend_from_slice(&$raw.to_le_bytes());
            }
            #[inline(always)]
            unsafe fn decode(p: *const u8) -> Self {
                // SAFETY: the caller promises `SIZE` readable bytes at `p`; reads are unaligned.
                let $v = unsafe { core::ptr::read_unaligned(p.cast()) };
                $back
            }
            fn show(code: &[u8]) -> Option<(String, usize)> {
                let bytes = code.get(..Self::SIZE)?;
                // SAFETY: `bytes` holds exactly `SIZE` bytes.
                let value = unsafe { <$t as Operand>::decode(bytes.as_ptr()) };
                Some((format!($fmt, value), Self::SIZE))
            }
        }
    )*};
}

plain_operand! {
    u32 => |v| v, u32::from_le(v), "{}";
    u64 => |v| v, u64::from_le(v), "{:#x}";
    i32 => |v| v, i32::from_le(v), "{}";
    i64 => |v| v, i64::from_le(v), "{}";
    f32 => |v| v.to_bits(), f32::from_bits(u32::from_le(v)), "{:?}";
    f64 => |v| v.to_bits(), f64::from_bits(u64::from_le(v)), "{:?}";
    Slot => |v| v.0, Slot(u32::from_le(v)), "{}";
    Offset => |v| v.0, Offset(i64::from_le(v)), "{:+}", Offset;
}

impl core::fmt::Display for Slot {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "s{}", self.0)
    }
}

impl core::fmt::Display for Offset {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{:+}", self.0)
    }
}

impl Operand for Targets {
    const SIZE: usize = 4;
    const KIND: FieldKind = FieldKind::Targets;
    fn encode(self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.0.to_le_bytes());
    }
    #[inline(always)]
    unsafe fn decode(p: *const u8) -> Self {
        // SAFETY: the caller promises 4 readable bytes at `p`.
        Targets(u32::from_le(unsafe { core::ptr::read_unaligned(p.cast()) }))
    }
    fn show(code: &[u8]) -> Option<(String, usize)> {
        let count = u32::from_le_bytes(code.get(..4)?.try_into().ok()?) as usize;
        let mut text = String::from("[");
        for i in 0..=count {
            let at = 4 + i * Offset::SIZE;
            let off = i64::from_le_bytes(code.get(at..at + Offset::SIZE)?.try_into().ok()?);
            let _ = write!(text, "{}{off:+}", if i == 0 { "" } else { " " });
        }
        text.push(']');
        Some((text, 4 + (count + 1) * Offset::SIZE))
    }
}

/// The value class of an operand or result: which accumulator holds it.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Class {
    /// i32, i64 and references: the integer accumulator.
    Int,
    /// f32: the f32 accumulator.
    F32,
    /// f64: the f64 accumulator.
    F64,
}

/// A numeric value type, as named in the op list.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum NumTy {
    /// i32.
    I32,
    /// i64.
    I64,
    /// f32.
    F32,
    /// f64.
    F64,
}

impl NumTy {
    /// Which accumulator holds it.
    pub fn class(self) -> Class {
        match self {
            NumTy::I32 | NumTy::I64 => Class::Int,
            NumTy::F32 => Class::F32,
            NumTy::F64 => Class::F64,
        }
    }
}

/// Maps the Rust types named in the op list to their value type.
pub trait HasTy {
    /// The value type.
    const TY: NumTy;
}

macro_rules! has_ty {
    ($($t:ty => $c:ident),*) => {$( impl HasTy for $t { const TY: NumTy = NumTy::$c; } )*};
}
has_ty!(i32 => I32, i64 => I64, f32 => F32, f64 => F64);

/// The pairs of the op list by their first op: the pairs starting with op `o` are
/// `pairs[start[o]..start[o + 1]]`, each as (second, pair).
struct PairTable<const N: usize, const OPS: usize> {
    start: [u16; OPS],
    pairs: [(u16, u16); N],
}

impl<const N: usize, const OPS: usize> PairTable<N, OPS> {
    /// Built at compile time from `(first, second, pair)` triples.
    const fn new(list: &[(Opcode, Opcode, Opcode)]) -> Self {
        // How many pairs start with each op, then where each op's run starts.
        let mut start = [0u16; OPS];
        let mut i = 0;
        while i < N {
            start[list[i].0 as usize + 1] += 1;
            i += 1;
        }
        let mut o = 1;
        while o < OPS {
            start[o] += start[o - 1];
            o += 1;
        }
        let mut next = start;
        let mut pairs = [(0u16, 0u16); N];
        let mut i = 0;
        while i < N {
            let (first, second, pair) = list[i];
            pairs[next[first as usize] as usize] = (second as u16, pair as u16);
            next[first as usize] += 1;
            i += 1;
        }
        PairTable { start, pairs }
    }

    #[inline]
    fn get(&self, first: Opcode, second: Opcode) -> Option<Opcode> {
        let run = self.start[first as usize] as usize..self.start[first as usize + 1] as usize;
        let &(_, pair) = self.pairs[run].iter().find(|&&(s, _)| s == second as u16)?;
        Opcode::from_u16(pair)
    }
}

/// The total size of `kinds`, or `u8::MAX` when one is a branch offset (or a pair, which has
/// no fields of its own).
const fn plain_size(kinds: &[FieldKind]) -> u8 {
    let mut size = 0;
    let mut i = 0;
    while i < kinds.len() {
        match kinds[i] {
            FieldKind::Bytes(n) => size += n,
            FieldKind::Offset | FieldKind::Targets => return u8::MAX,
        }
        i += 1;
    }
    size as u8
}

/// Renders one operand for the disassembler.
pub type ShowFn = fn(&[u8]) -> Option<(String, usize)>;

macro_rules! define_opcode {
    ($( $(#[$doc:meta])* $name:ident { $($f:ident : $t:ty),* } => $h:path [$($arg:path)?] ; )*) => {
        /// Every IR op, numbered in list order.
        #[repr(u16)]
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
        pub enum Opcode {
            $( $(#[$doc])* $name, )*
        }

        impl Opcode {
            /// Every op, indexed by its `u16` value.
            pub const ALL: &'static [Opcode] = &[$(Opcode::$name),*];

            /// The op numbered `x`, if any.
            pub fn from_u16(x: u16) -> Option<Opcode> {
                Self::ALL.get(usize::from(x)).copied()
            }

            /// The name used in dumps.
            pub fn name(self) -> &'static str {
                match self { $(Opcode::$name => stringify!($name),)* }
            }

            /// The operand fields in encoding order: name and renderer (none for a pair:
            /// its fields are those of its [`parts`](Opcode::parts)).
            pub fn fields(self) -> &'static [(&'static str, ShowFn)] {
                match self { $(Opcode::$name => &[$((stringify!($f), <$t as Operand>::show as ShowFn)),*],)* }
            }

            /// What each field is, in encoding order (none for a pair, as [`fields`](Opcode::fields)).
            #[inline]
            pub fn field_kinds(self) -> &'static [FieldKind] {
                match self { $(Opcode::$name => &[$(<$t as Operand>::KIND),*],)* }
            }

            /// The size of the op's fields when none is a branch offset (most ops), so that
            /// code can be copied without reading them one by one.
            #[inline]
            pub fn plain_size(self) -> Option<usize> {
                static SIZES: &[u8] = &[$(const { plain_size(&[$(<$t as Operand>::KIND),*]) }),*];
                match SIZES[self as usize] {
                    u8::MAX => None,
                    n => Some(usize::from(n)),
                }
            }
        }
    };
}

crate::for_each_op!(define_opcode);

impl Opcode {
    /// Appends the plain ops this op runs, in order: itself, or its parts' if it is a pair.
    pub fn plain_parts(self, out: &mut Vec<Opcode>) {
        match self.parts() {
            Some((first, second)) => {
                first.plain_parts(out);
                second.plain_parts(out);
            }
            None => out.push(self),
        }
    }
}

macro_rules! define_families {
    (
        [$($unused:tt)*]
        plain { $($plain:tt)* }
        binary { $( $b:ident ($bin:ident -> $bout:ident) = $bk:ident; )* }
        unary { $( $u:ident ($uin:ident -> $uout:ident) = $uk:ident; )* }
        load { $( $l:ident ($lmem:ident -> $lout:ident) = $lk:ident; )* }
        store { $( $s:ident ($sin:ident -> $smem:ident) = $sk:ident; )* }
        branch_cmp { $( $c:ident ($cin:ident) = $ck:ident; )* }
        increment_branch { $( $n:ident = $nk:ident; )* }
        mul_add { $( $ma:ident ($mt:ident from $mb:ident, $madd:ident) = $mk:ident; )* }
        load_branch { $( $lb:ident ($lbm:ident -> $lbt:ident) = $lbk:ident; )* }
        load_cmp_branch { $( $lc:ident ($lcm:ident) { $( $lcc:ident = $lck:ident; )* } )* }
        load_mul_add { $( $lm:ident ($lmm:ident -> $lmt:ident from $lml:ident, $lmma:ident) = $lmk:ident; )* }
        pairs { $( $pa:ident + $pb:ident; )* }
    ) => { pastey::paste! {
        /// A binary operation; [`Binary::opcode`] picks the variant for the operand kinds.
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
        pub enum Binary { $($b,)* }
        impl Binary {
            /// The variant that reads `lhs` and `rhs` from the given kinds.
            pub fn opcode(self, lhs: Kind, rhs: Kind) -> Option<Opcode> {
                use Kind::*;
                Some(match self {$(
                    Binary::$b => match (lhs, rhs) {
                        (Acc, Slot) => Opcode::[<$b AS>],
                        (Slot, Acc) => Opcode::[<$b SA>],
                        (Slot, Slot) => Opcode::[<$b SS>],
                        (Acc, Imm) => Opcode::[<$b AI>],
                        (Slot, Imm) => Opcode::[<$b SI>],
                        (Imm, Acc) => Opcode::[<$b IA>],
                        (Imm, Slot) => Opcode::[<$b IS>],
                        _ => return None,
                    },
                )*})
            }
            /// The variant that also writes its result to a slot (`D`), if the kinds have one.
            pub fn opcode_to_slot(self, lhs: Kind, rhs: Kind) -> Option<Opcode> {
                use Kind::*;
                Some(match self {$(
                    Binary::$b => match (lhs, rhs) {
                        (Acc, Slot) => Opcode::[<$b ASD>],
                        (Slot, Acc) => Opcode::[<$b SAD>],
                        (Slot, Slot) => Opcode::[<$b SSD>],
                        (Acc, Imm) => Opcode::[<$b AID>],
                        (Slot, Imm) => Opcode::[<$b SID>],
                        _ => return None,
                    },
                )*})
            }
            /// Operand and result types.
            pub fn types(self) -> (NumTy, NumTy) {
                match self { $(Binary::$b => (<$bin as HasTy>::TY, <$bout as HasTy>::TY),)* }
            }
        }

        /// A unary operation or conversion.
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
        pub enum Unary { $($u,)* }
        impl Unary {
            /// The variant that reads its operand from `src`.
            pub fn opcode(self, src: Kind) -> Option<Opcode> {
                Some(match self {$(
                    Unary::$u => match src {
                        Kind::Acc => Opcode::[<$u A>],
                        Kind::Slot => Opcode::[<$u S>],
                        Kind::Imm => return None,
                    },
                )*})
            }
            /// The variant that also writes its result to a slot (`D`).
            pub fn opcode_to_slot(self, src: Kind) -> Option<Opcode> {
                Some(match self {$(
                    Unary::$u => match src {
                        Kind::Acc => Opcode::[<$u AD>],
                        Kind::Slot => Opcode::[<$u SD>],
                        Kind::Imm => return None,
                    },
                )*})
            }
            /// Operand and result types.
            pub fn types(self) -> (NumTy, NumTy) {
                match self { $(Unary::$u => (<$uin as HasTy>::TY, <$uout as HasTy>::TY),)* }
            }
        }

        /// A load from memory 0.
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
        pub enum Load { $($l,)* }
        impl Load {
            /// The variant that reads the address from `addr`.
            pub fn opcode(self, addr: Kind) -> Option<Opcode> {
                Some(match self {$(
                    Load::$l => match addr {
                        Kind::Acc => Opcode::[<$l A>],
                        Kind::Slot => Opcode::[<$l S>],
                        Kind::Imm => return None,
                    },
                )*})
            }
            /// The variant that also writes its result to a slot (`D`).
            pub fn opcode_to_slot(self, addr: Kind) -> Option<Opcode> {
                Some(match self {$(
                    Load::$l => match addr {
                        Kind::Acc => Opcode::[<$l AD>],
                        Kind::Slot => Opcode::[<$l SD>],
                        Kind::Imm => return None,
                    },
                )*})
            }
            /// The variant whose address is slot `base` + `index` (a slot or an immediate),
            /// with `to_slot` the `D` variant.
            pub fn opcode_indexed(self, index: Kind, to_slot: bool) -> Option<Opcode> {
                Some(match self {$(
                    Load::$l => match (index, to_slot) {
                        (Kind::Slot, false) => Opcode::[<$l SS>],
                        (Kind::Imm, false) => Opcode::[<$l SI>],
                        (Kind::Slot, true) => Opcode::[<$l SSD>],
                        (Kind::Imm, true) => Opcode::[<$l SID>],
                        (Kind::Acc, _) => return None,
                    },
                )*})
            }
            /// The result type.
            pub fn result(self) -> NumTy {
                match self { $(Load::$l => <$lout as HasTy>::TY,)* }
            }
            /// How many bytes it reads.
            pub fn size(self) -> u32 {
                match self { $(Load::$l => size_of::<$lmem>() as u32,)* }
            }
        }

        /// A store to memory 0.
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
        pub enum Store { $($s,)* }
        impl Store {
            /// The variant for the address and value kinds (the address is never an immediate).
            pub fn opcode(self, addr: Kind, value: Kind) -> Option<Opcode> {
                use Kind::*;
                Some(match self {$(
                    Store::$s => match (addr, value) {
                        (Acc, Acc) => Opcode::[<$s AA>],
                        (Acc, Slot) => Opcode::[<$s AS>],
                        (Acc, Imm) => Opcode::[<$s AI>],
                        (Slot, Acc) => Opcode::[<$s SA>],
                        (Slot, Slot) => Opcode::[<$s SS>],
                        (Slot, Imm) => Opcode::[<$s SI>],
                        _ => return None,
                    },
                )*})
            }
        }

        impl Store {
            /// How many bytes it writes.
            pub fn size(self) -> u32 {
                match self { $(Store::$s => size_of::<$smem>() as u32,)* }
            }
            /// The variant whose address is slot `base` + `index` (a slot or an immediate).
            pub fn opcode_indexed(self, index: Kind, value: Kind) -> Option<Opcode> {
                use Kind::*;
                Some(match self {$(
                    Store::$s => match (index, value) {
                        (Slot, Acc) => Opcode::[<$s SSA>],
                        (Slot, Slot) => Opcode::[<$s SSS>],
                        (Slot, Imm) => Opcode::[<$s SSI>],
                        (Imm, Acc) => Opcode::[<$s SIA>],
                        (Imm, Slot) => Opcode::[<$s SIS>],
                        (Imm, Imm) => Opcode::[<$s SII>],
                        _ => return None,
                    },
                )*})
            }
        }

        impl Opcode {
            /// The two ops a superinstruction is made of (the op list's `pairs`), or `None`.
            pub const fn parts(self) -> Option<(Opcode, Opcode)> {
                match self {
                    $( Opcode::[<$pa Then $pb>] => Some((Opcode::$pa, Opcode::$pb)), )*
                    _ => None,
                }
            }

            /// The superinstruction that runs `first`, then `second`, if the list has one. A
            /// look-up in a table made at compile time (the pairs starting with `first`, few
            /// for any op), for the translator asks it once per op.
            #[inline]
            pub fn pair(first: Opcode, second: Opcode) -> Option<Opcode> {
                const LIST: &[(Opcode, Opcode, Opcode)] =
                    &[$( (Opcode::$pa, Opcode::$pb, Opcode::[<$pa Then $pb>]), )*];
                static TABLE: PairTable<{ LIST.len() }, { Opcode::ALL.len() + 1 }> =
                    PairTable::new(LIST);
                TABLE.get(first, second)
            }

            /// The one accumulator class a binary, unary, load, store, multiply-add or
            /// load-multiply-add op works in, when its operands and result are all of one class
            /// (an address is an integer); `None` for mixed ops such as conversions and float
            /// loads, and for every other op.
            pub fn sole_class(self) -> Option<Class> {
                let one = |a: NumTy, b: NumTy| (a.class() == b.class()).then_some(a.class());
                match self {
                    $(
                        Opcode::[<$b AS>] | Opcode::[<$b SA>] | Opcode::[<$b SS>]
                        | Opcode::[<$b AI>] | Opcode::[<$b SI>] | Opcode::[<$b IA>]
                        | Opcode::[<$b IS>] | Opcode::[<$b ASD>] | Opcode::[<$b SAD>]
                        | Opcode::[<$b SSD>] | Opcode::[<$b AID>] | Opcode::[<$b SID>] => {
                            one(<$bin as HasTy>::TY, <$bout as HasTy>::TY)
                        }
                    )*
                    $(
                        Opcode::[<$u A>] | Opcode::[<$u S>] | Opcode::[<$u AD>]
                        | Opcode::[<$u SD>] => one(<$uin as HasTy>::TY, <$uout as HasTy>::TY),
                    )*
                    $(
                        Opcode::[<$l A>] | Opcode::[<$l S>] | Opcode::[<$l AD>]
                        | Opcode::[<$l SD>] | Opcode::[<$l SS>] | Opcode::[<$l SI>]
                        | Opcode::[<$l SSD>] | Opcode::[<$l SID>] => {
                            one(NumTy::I32, <$lout as HasTy>::TY)
                        }
                    )*
                    $(
                        Opcode::[<$ma AS>] | Opcode::[<$ma SS>] | Opcode::[<$ma AI>]
                        | Opcode::[<$ma SI>] | Opcode::[<$ma ASD>] | Opcode::[<$ma SSD>]
                        | Opcode::[<$ma AID>] | Opcode::[<$ma SID>] => Some(<$mt as HasTy>::TY.class()),
                    )*
                    $(
                        Opcode::[<$lm A>] | Opcode::[<$lm AD>] => one(NumTy::I32, <$lmt as HasTy>::TY),
                        Opcode::[<$lm S>] | Opcode::[<$lm SS>] | Opcode::[<$lm SI>] | Opcode::[<$lm SD>]
                        | Opcode::[<$lm SSD>] | Opcode::[<$lm SID>] => Some(<$lmt as HasTy>::TY.class()),
                    )*
                    $(
                        Opcode::[<$s AA>] | Opcode::[<$s AS>] | Opcode::[<$s AI>]
                        | Opcode::[<$s SA>] | Opcode::[<$s SS>] | Opcode::[<$s SI>]
                        | Opcode::[<$s SSA>] | Opcode::[<$s SSS>] | Opcode::[<$s SSI>]
                        | Opcode::[<$s SIA>] | Opcode::[<$s SIS>] | Opcode::[<$s SII>] => {
                            one(<$sin as HasTy>::TY, NumTy::I32)
                        }
                    )*
                    _ => None,
                }
            }
        }

        /// A multiply whose product is added to a slot, in one op.
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
        pub enum MulAdd { $($ma,)* }
        impl MulAdd {
            /// The multiply-add that takes in a multiply before `add`, the multiply given as
            /// its `D` variant (how the translator records the op that produced an
            /// accumulator): the variant leaving its result in the accumulator, and its `D`
            /// variant. The multiply's fields come first in both, in the same order (`SA`
            /// commutes into `AS`: one slot field).
            pub fn of_multiply(add: Binary, mul_to_slot: Opcode) -> Option<(Opcode, Opcode)> {
                Some(match (add, mul_to_slot) {
                    $(
                        (Binary::$madd, Opcode::[<$mb ASD>] | Opcode::[<$mb SAD>]) => (Opcode::[<$ma AS>], Opcode::[<$ma ASD>]),
                        (Binary::$madd, Opcode::[<$mb SSD>]) => (Opcode::[<$ma SS>], Opcode::[<$ma SSD>]),
                        (Binary::$madd, Opcode::[<$mb AID>]) => (Opcode::[<$ma AI>], Opcode::[<$ma AID>]),
                        (Binary::$madd, Opcode::[<$mb SID>]) => (Opcode::[<$ma SI>], Opcode::[<$ma SID>]),
                    )*
                    _ => return None,
                })
            }
        }

        /// An i32 load whose value a conditional branch tests, in one op.
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
        pub enum LoadBranch { $($lb,)* }
        impl LoadBranch {
            /// The op that does `load` (a variant with a slot address, perhaps `D`), then
            /// jumps when the value is zero (`on_zero`) or not: its fields are the load's, then
            /// the jump's offset.
            pub fn of(load: Opcode, on_zero: bool) -> Option<Opcode> {
                Some(match (load, on_zero) {
                    $(
                        (Opcode::[<$lb S>], false) => Opcode::[<$lb SBrIf>],
                        (Opcode::[<$lb SS>], false) => Opcode::[<$lb SSBrIf>],
                        (Opcode::[<$lb SI>], false) => Opcode::[<$lb SIBrIf>],
                        (Opcode::[<$lb SD>], false) => Opcode::[<$lb SDBrIf>],
                        (Opcode::[<$lb SSD>], false) => Opcode::[<$lb SSDBrIf>],
                        (Opcode::[<$lb SID>], false) => Opcode::[<$lb SIDBrIf>],
                        (Opcode::[<$lb S>], true) => Opcode::[<$lb SBrIfNot>],
                        (Opcode::[<$lb SS>], true) => Opcode::[<$lb SSBrIfNot>],
                        (Opcode::[<$lb SI>], true) => Opcode::[<$lb SIBrIfNot>],
                        (Opcode::[<$lb SD>], true) => Opcode::[<$lb SDBrIfNot>],
                        (Opcode::[<$lb SSD>], true) => Opcode::[<$lb SSDBrIfNot>],
                        (Opcode::[<$lb SID>], true) => Opcode::[<$lb SIDBrIfNot>],
                    )*
                    _ => return None,
                })
            }
        }

        /// An i32 load whose value a compare-and-branch tests, in one op.
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
        pub enum LoadBranchCmp { $($lc,)* }
        impl LoadBranchCmp {
            /// The op that does `load` (a variant with a slot address, perhaps `D`), then
            /// jumps when `cmp(value, rhs)` holds, `rhs` a slot or an immediate: its fields are
            /// the load's, then `rhs`, then the jump's offset.
            pub fn of(load: Opcode, cmp: BranchCmp, rhs: Kind) -> Option<Opcode> {
                Some(match (load, cmp, rhs) {
                    $($(
                        (Opcode::[<$lc S>], BranchCmp::$lcc, Kind::Slot) => Opcode::[<$lc S $lcc S>],
                        (Opcode::[<$lc S>], BranchCmp::$lcc, Kind::Imm) => Opcode::[<$lc S $lcc I>],
                        (Opcode::[<$lc SD>], BranchCmp::$lcc, Kind::Slot) => Opcode::[<$lc SD $lcc S>],
                        (Opcode::[<$lc SD>], BranchCmp::$lcc, Kind::Imm) => Opcode::[<$lc SD $lcc I>],
                        (Opcode::[<$lc SS>], BranchCmp::$lcc, Kind::Slot) => Opcode::[<$lc SS $lcc S>],
                        (Opcode::[<$lc SS>], BranchCmp::$lcc, Kind::Imm) => Opcode::[<$lc SS $lcc I>],
                        (Opcode::[<$lc SSD>], BranchCmp::$lcc, Kind::Slot) => Opcode::[<$lc SSD $lcc S>],
                        (Opcode::[<$lc SSD>], BranchCmp::$lcc, Kind::Imm) => Opcode::[<$lc SSD $lcc I>],
                        (Opcode::[<$lc SI>], BranchCmp::$lcc, Kind::Slot) => Opcode::[<$lc SI $lcc S>],
                        (Opcode::[<$lc SI>], BranchCmp::$lcc, Kind::Imm) => Opcode::[<$lc SI $lcc I>],
                        (Opcode::[<$lc SID>], BranchCmp::$lcc, Kind::Slot) => Opcode::[<$lc SID $lcc S>],
                        (Opcode::[<$lc SID>], BranchCmp::$lcc, Kind::Imm) => Opcode::[<$lc SID $lcc I>],
                    )*)*
                    _ => return None,
                })
            }
        }

        /// A load whose value is the multiplicand of a multiply-add, in one op.
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
        pub enum LoadMulAdd { $($lm,)* }
        impl LoadMulAdd {
            /// The op that does `load` (a variant leaving its value in the accumulator), then
            /// `mul_add` (an `AS` variant, whose accumulator operand is that value): the variant
            /// leaving its result in the accumulator, and its `D` variant. The load's fields
            /// come first, then the multiply-add's.
            pub fn of(load: Opcode, mul_add: Opcode) -> Option<(Opcode, Opcode)> {
                Some(match (load, mul_add) {
                    $(
                        (Opcode::[<$lml A>], Opcode::[<$lmma AS>]) => (Opcode::[<$lm A>], Opcode::[<$lm AD>]),
                        (Opcode::[<$lml S>], Opcode::[<$lmma AS>]) => (Opcode::[<$lm S>], Opcode::[<$lm SD>]),
                        (Opcode::[<$lml SS>], Opcode::[<$lmma AS>]) => (Opcode::[<$lm SS>], Opcode::[<$lm SSD>]),
                        (Opcode::[<$lml SI>], Opcode::[<$lmma AS>]) => (Opcode::[<$lm SI>], Opcode::[<$lm SID>]),
                    )*
                    _ => return None,
                })
            }

            /// The variant of `fused` (a load-multiply-add with a slot address, no `D`) that
            /// takes its addend from the accumulator instead of a slot, and its `D` variant.
            /// Its fields are `fused`'s without the addend.
            pub fn addend_in_acc(fused: Opcode) -> Option<(Opcode, Opcode)> {
                Some(match fused {
                    $(
                        Opcode::[<$lm S>] => (Opcode::[<$lm SAcc>], Opcode::[<$lm SAccD>]),
                        Opcode::[<$lm SS>] => (Opcode::[<$lm SSAcc>], Opcode::[<$lm SSAccD>]),
                        Opcode::[<$lm SI>] => (Opcode::[<$lm SIAcc>], Opcode::[<$lm SIAccD>]),
                    )*
                    _ => return None,
                })
            }
        }

        /// A compare fused with a conditional branch.
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
        pub enum BranchCmp { $($c,)* }
        impl BranchCmp {
            /// The variant for the operand kinds (`lhs` is never an immediate).
            pub fn opcode(self, lhs: Kind, rhs: Kind) -> Option<Opcode> {
                use Kind::*;
                Some(match self {$(
                    BranchCmp::$c => match (lhs, rhs) {
                        (Acc, Slot) => Opcode::[<$c AS>],
                        (Slot, Slot) => Opcode::[<$c SS>],
                        (Acc, Imm) => Opcode::[<$c AI>],
                        (Slot, Imm) => Opcode::[<$c SI>],
                        _ => return None,
                    },
                )*})
            }
            /// The op that first adds a `step` (an immediate or a slot) to the i32 in a slot,
            /// then compares it with `rhs` (a slot or an immediate) and branches; i32 compares
            /// only.
            pub fn opcode_increment(self, step: Kind, rhs: Kind) -> Option<Opcode> {
                Some(match (self, step, rhs) {
                    $(
                        (BranchCmp::$n, Kind::Imm, Kind::Slot) => Opcode::[<$n IncS>],
                        (BranchCmp::$n, Kind::Imm, Kind::Imm) => Opcode::[<$n IncI>],
                        (BranchCmp::$n, Kind::Slot, Kind::Slot) => Opcode::[<$n StepS>],
                        (BranchCmp::$n, Kind::Slot, Kind::Imm) => Opcode::[<$n StepI>],
                    )*
                    _ => return None,
                })
            }
        }
    }};
}

crate::with_op_families!([define_families] []);

/// Where an op reads one operand from.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// The accumulator of the operand's class.
    Acc,
    /// A frame slot.
    Slot,
    /// An immediate in the code.
    Imm,
}
