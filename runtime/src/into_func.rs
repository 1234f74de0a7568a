//! Rust closures as host functions: [`IntoFunc`] for closures of 0 to 16 [`WasmTy`] parameters,
//! with or without a leading [`Caller`], returning `()`, a value, a tuple, or a `Result` of
//! those.

use crate::func::HostFn;
use crate::typed::{WasmTy, WasmTyList, for_each_arity};
use crate::{Caller, Error, FuncType, Result};
use std::sync::Arc;

/// What a host closure may return: values ([`WasmTyList`]) or `Result<values, Error>`.
pub trait WasmRet {
    /// The values.
    #[doc(hidden)]
    type Ok: WasmTyList;
    /// The values, or the closure's error.
    #[doc(hidden)]
    fn into_result(self) -> Result<Self::Ok>;
}

impl<X: WasmTyList> WasmRet for X {
    type Ok = X;
    fn into_result(self) -> Result<X> {
        Ok(self)
    }
}

impl<X: WasmTyList> WasmRet for Result<X, Error> {
    type Ok = X;
    fn into_result(self) -> Result<X> {
        self
    }
}

/// A Rust closure that can become a host function of a store with data `T`. `Params` is the
/// tuple of its parameter types (with `Caller` first if it takes one); `Results` its return
/// type.
pub trait IntoFunc<T, Params, Results>: Send + Sync + 'static {
    /// The signature and the raw host function.
    #[doc(hidden)]
    fn into_func(self) -> (FuncType, HostFn<T>);
}

macro_rules! into_func {
    ($($t:ident $v:ident)*) => {
        impl<T: 'static, F, $($t,)* R> IntoFunc<T, ($($t,)*), R> for F
        where
            F: Fn($($t),*) -> R + Send + Sync + 'static,
            $($t: WasmTy,)*
            R: WasmRet,
        {
            fn into_func(self) -> (FuncType, HostFn<T>) {
                let ty = FuncType::new([$(<$t as WasmTy>::valtype()),*], R::Ok::types());
                let host = move |caller: Caller<'_, T>, raw: &mut [u64]| -> Result<()> {
                    let store = caller.store_id();
                    #[allow(unused_mut, unused_variables)]
                    let mut args = raw.iter().copied();
                    $(let $v = <$t as WasmTy>::from_raw(args.next().unwrap_or(0), store);)*
                    (self)($($v),*).into_result()?.store_raw(raw, store)
                };
                (ty, Arc::new(host))
            }
        }

        impl<T: 'static, F, $($t,)* R> IntoFunc<T, (Caller<'_, T>, $($t,)*), R> for F
        where
            F: Fn(Caller<'_, T>, $($t),*) -> R + Send + Sync + 'static,
            $($t: WasmTy,)*
            R: WasmRet,
        {
            fn into_func(self) -> (FuncType, HostFn<T>) {
                let ty = FuncType::new([$(<$t as WasmTy>::valtype()),*], R::Ok::types());
                let host = move |caller: Caller<'_, T>, raw: &mut [u64]| -> Result<()> {
                    let store = caller.store_id();
                    #[allow(unused_mut, unused_variables)]
                    let mut args = raw.iter().copied();
                    $(let $v = <$t as WasmTy>::from_raw(args.next().unwrap_or(0), store);)*
                    (self)(caller, $($v),*).into_result()?.store_raw(raw, store)
                };
                (ty, Arc::new(host))
            }
        }
    };
}
for_each_arity!(into_func);
