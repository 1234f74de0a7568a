//! Statically typed calls: the Rust types that stand for Wasm values ([`WasmTy`]), lists of
//! them ([`WasmTyList`]: `()`, a single value, or a tuple of up to 16), and [`TypedFunc`].

use crate::func::call_raw;
use crate::store::StoreId;
use crate::values::{extern_from_raw, extern_to_raw, func_from_raw, func_to_raw};
use crate::{AsContext, AsContextMut, Error, ExternRef, Func, Result, ValType};
use core::fmt;
use core::marker::PhantomData;

/// The most values a [`WasmTyList`] holds.
pub(crate) const MAX_TYPED_VALUES: usize = 16;

pub(crate) mod sealed {
    /// Keeps the value traits closed: their raw forms must match the backends' conventions.
    pub trait Sealed {}
}

/// A Rust type that stands for one Wasm value: `i32`, `i64`, `f32`, `f64`, `Option<Func>`
/// (funcref), `Option<ExternRef>` (externref).
pub trait WasmTy: sealed::Sealed + Sized + 'static {
    /// The Wasm type.
    #[doc(hidden)]
    fn valtype() -> ValType;
    /// The slot bits; fails for a reference into another store.
    #[doc(hidden)]
    fn into_raw(self, store: StoreId) -> Result<u64>;
    /// The value held in slot bits.
    #[doc(hidden)]
    fn from_raw(raw: u64, store: StoreId) -> Self;
}

macro_rules! num_ty {
    ($($t:ty => $vt:ident, |$v:ident| $to:expr, |$r:ident| $from:expr;)*) => {$(
        impl sealed::Sealed for $t {}
        impl WasmTy for $t {
            fn valtype() -> ValType {
                ValType::$vt
            }
            fn into_raw(self, _store: StoreId) -> Result<u64> {
                let $v = self;
                Ok($to)
            }
            fn from_raw($r: u64, _store: StoreId) -> Self {
                $from
            }
        }
    )*};
}

num_ty! {
    i32 => I32, |v| u64::from(v as u32), |r| r as u32 as i32;
    i64 => I64, |v| v as u64, |r| r as i64;
    f32 => F32, |v| u64::from(v.to_bits()), |r| f32::from_bits(r as u32);
    f64 => F64, |v| v.to_bits(), |r| f64::from_bits(r);
}

impl sealed::Sealed for Option<Func> {}
impl WasmTy for Option<Func> {
    fn valtype() -> ValType {
        ValType::FuncRef
    }
    fn into_raw(self, store: StoreId) -> Result<u64> {
        func_to_raw(self, store)
    }
    fn from_raw(raw: u64, store: StoreId) -> Self {
        func_from_raw(raw, store)
    }
}

impl sealed::Sealed for Option<ExternRef> {}
impl WasmTy for Option<ExternRef> {
    fn valtype() -> ValType {
        ValType::ExternRef
    }
    fn into_raw(self, store: StoreId) -> Result<u64> {
        extern_to_raw(self, store)
    }
    fn from_raw(raw: u64, store: StoreId) -> Self {
        extern_from_raw(raw, store)
    }
}

/// A list of Wasm values as one Rust type: `()`, a single [`WasmTy`], or a tuple of up to 16.
pub trait WasmTyList: Sized {
    /// How many values.
    #[doc(hidden)]
    const LEN: usize;
    /// Their types.
    #[doc(hidden)]
    fn types() -> Vec<ValType>;
    /// Writes the values to the first `LEN` slots of `raw`.
    #[doc(hidden)]
    fn store_raw(self, raw: &mut [u64], store: StoreId) -> Result<()>;
    /// Reads the values from the first `LEN` slots of `raw`.
    #[doc(hidden)]
    fn load_raw(raw: &[u64], store: StoreId) -> Self;
}

/// Parameters of a [`TypedFunc`].
pub trait WasmParams: WasmTyList {}
impl<L: WasmTyList> WasmParams for L {}

/// Results of a [`TypedFunc`] or of a host function.
pub trait WasmResults: WasmTyList {}
impl<L: WasmTyList> WasmResults for L {}

impl<X: WasmTy> WasmTyList for X {
    const LEN: usize = 1;
    fn types() -> Vec<ValType> {
        vec![X::valtype()]
    }
    fn store_raw(self, raw: &mut [u64], store: StoreId) -> Result<()> {
        if let Some(slot) = raw.first_mut() {
            *slot = self.into_raw(store)?;
        }
        Ok(())
    }
    fn load_raw(raw: &[u64], store: StoreId) -> Self {
        X::from_raw(raw.first().copied().unwrap_or(0), store)
    }
}

/// Calls `$m!` with 0, 1, ..., 16 `Type value` pairs: the one place arities are spelled out.
macro_rules! for_each_arity {
    ($m:ident) => {
        for_each_arity!(@ $m []
            [A1 a1 A2 a2 A3 a3 A4 a4 A5 a5 A6 a6 A7 a7 A8 a8
             A9 a9 A10 a10 A11 a11 A12 a12 A13 a13 A14 a14 A15 a15 A16 a16]);
    };
    (@ $m:ident [$($done:tt)*] []) => {
        $m!($($done)*);
    };
    (@ $m:ident [$($done:tt)*] [$t:ident $v:ident $($rest:tt)*]) => {
        $m!($($done)*);
        for_each_arity!(@ $m [$($done)* $t $v] [$($rest)*]);
    };
}
pub(crate) use for_each_arity;

macro_rules! tuple_list {
    ($($t:ident $v:ident)*) => {
        impl<$($t: WasmTy),*> WasmTyList for ($($t,)*) {
            const LEN: usize = 0 $(+ { let _ = stringify!($t); 1 })*;
            fn types() -> Vec<ValType> {
                vec![$(<$t as WasmTy>::valtype()),*]
            }
            #[allow(unused_variables, unused_mut)]
            fn store_raw(self, raw: &mut [u64], store: StoreId) -> Result<()> {
                let ($($v,)*) = self;
                let mut slots = raw.iter_mut();
                $(
                    if let Some(slot) = slots.next() {
                        *slot = $v.into_raw(store)?;
                    }
                )*
                Ok(())
            }
            #[allow(unused_variables, unused_mut, clippy::unused_unit)]
            fn load_raw(raw: &[u64], store: StoreId) -> Self {
                let mut slots = raw.iter().copied();
                ($(<$t as WasmTy>::from_raw(slots.next().unwrap_or(0), store),)*)
            }
        }
    };
}
for_each_arity!(tuple_list);

/// A function with a signature known at compile time: calls skip the dynamic type checks and
/// the [`Val`](crate::Val) conversions.
pub struct TypedFunc<P, R> {
    func: Func,
    _signature: PhantomData<fn(P) -> R>,
}

impl<P, R> Clone for TypedFunc<P, R> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<P, R> Copy for TypedFunc<P, R> {}

impl<P, R> fmt::Debug for TypedFunc<P, R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TypedFunc")
            .field("func", &self.func)
            .finish()
    }
}

impl<P: WasmParams, R: WasmResults> TypedFunc<P, R> {
    /// `func` as a typed function; fails unless its signature is `P -> R`.
    pub(crate) fn new(store: impl AsContext, func: Func) -> Result<Self> {
        let ctx = store.as_context();
        ctx.store.inner.check(func.store, "Func")?;
        let ty = crate::func::func_type(ctx.store, func.index);
        let (params, results) = (P::types(), R::types());
        if ty.params() != params.as_slice() || ty.results() != results.as_slice() {
            let want = crate::FuncType::new(params, results);
            return Err(Error::ty(format!("the function has type {ty}, not {want}")));
        }
        Ok(Self {
            func,
            _signature: PhantomData,
        })
    }

    /// Calls the function.
    pub fn call(&self, mut store: impl AsContextMut, params: P) -> Result<R> {
        let ctx = store.as_context_mut();
        let store = ctx.store;
        store.inner.check(self.func.store, "TypedFunc")?;
        let id = store.inner.id;
        let mut raw = [0u64; MAX_TYPED_VALUES];
        let n = P::LEN.max(R::LEN).min(MAX_TYPED_VALUES);
        params.store_raw(&mut raw[..n], id)?;
        call_raw(store, self.func.index, &mut raw[..n])?;
        Ok(R::load_raw(&raw[..n], id))
    }

    /// The untyped function.
    pub fn func(&self) -> &Func {
        &self.func
    }
}
