//! The calling convention of handler functions, shared by the modes that call or tail-call
//! handlers through addresses (threaded modes and loop-call): System V on x86-64, so that the
//! machine registers travel in argument registers; the C convention elsewhere.

/// Declares a function with the handler calling convention.
#[cfg(target_arch = "x86_64")]
#[macro_export]
#[doc(hidden)]
macro_rules! __handler_fn {
    ($(#[$m:meta])* $vis:vis $name:ident($($arg:ident: $t:ty),*) $(-> $ret:ty)? $body:block) => {
        $(#[$m])* $vis unsafe extern "sysv64" fn $name($($arg: $t),*) $(-> $ret)? $body
    };
}

/// Declares a function with the handler calling convention.
#[cfg(not(target_arch = "x86_64"))]
#[macro_export]
#[doc(hidden)]
macro_rules! __handler_fn {
    ($(#[$m:meta])* $vis:vis $name:ident($($arg:ident: $t:ty),*) $(-> $ret:ty)? $body:block) => {
        $(#[$m])* $vis unsafe extern "C" fn $name($($arg: $t),*) $(-> $ret)? $body
    };
}
