//! From a Wasm operator to its op family. The families are named after the Wasm operators, so
//! this mapping is derived from the op list.

use crate::isa::{Binary, Load, Store, Unary};
use wasmparser::{MemArg, Operator};

macro_rules! define_lookup {
    (
        [$($unused:tt)*]
        plain { $($plain:tt)* }
        binary { $( $b:ident ($bin:ident -> $bout:ident) = $bk:ident; )* }
        unary { $( $u:ident ($uin:ident -> $uout:ident) = $uk:ident; )* }
        load { $( $l:ident ($lmem:ident -> $lout:ident) = $lk:ident; )* }
        store { $( $s:ident ($sin:ident -> $smem:ident) = $sk:ident; )* }
        branch_cmp { $($cmp:tt)* }
        increment_branch { $($inc:tt)* }
        mul_add { $($mul_add:tt)* }
        load_branch { $($load_branch:tt)* }
        load_cmp_branch { $($load_cmp_branch:tt)* }
        load_mul_add { $($load_mul_add:tt)* }
        pairs { $($pairs:tt)* }
    ) => {
        /// The binary family of `op`.
        #[inline(always)]
        pub(crate) fn binary_of(op: &Operator<'_>) -> Option<Binary> {
            Some(match op { $(Operator::$b => Binary::$b,)* _ => return None })
        }

        /// The unary family of `op`.
        #[inline(always)]
        pub(crate) fn unary_of(op: &Operator<'_>) -> Option<Unary> {
            Some(match op { $(Operator::$u => Unary::$u,)* _ => return None })
        }

        /// The load family of `op`, with its memory argument.
        #[inline(always)]
        pub(crate) fn load_of(op: &Operator<'_>) -> Option<(Load, MemArg)> {
            Some(match *op { $(Operator::$l { memarg } => (Load::$l, memarg),)* _ => return None })
        }

        /// The store family of `op`, with its memory argument.
        #[inline(always)]
        pub(crate) fn store_of(op: &Operator<'_>) -> Option<(Store, MemArg)> {
            Some(match *op { $(Operator::$s { memarg } => (Store::$s, memarg),)* _ => return None })
        }
    };
}

crate::with_op_families!([define_lookup] []);
