//! Superinstructions: an op made of two ops in a row (the op list's `pairs`) runs the first's
//! body, then the second's, with no dispatch between. Its fields are the first's, then the
//! second's, so each body reads its own as it would alone.

use super::{Flow, Regs};

/// An op's body as a type, so that a pair can name its two parts as type parameters.
pub trait Body {
    /// Runs the op whose fields are at `r.ip`.
    ///
    /// # Safety
    /// The code at `r.ip` must hold this op's fields, as the translator wrote them.
    unsafe fn run(r: &mut Regs) -> Flow;
}

/// Runs `First`, then `Second` unless `First` stopped. `First` falls through (the op list pairs
/// no branch, call or return as a first part), so `Second`'s fields follow its own.
///
/// # Safety
/// The code at `r.ip` must hold both ops' fields, the first's first.
#[inline(always)]
pub unsafe fn pair<First: Body, Second: Body>(r: &mut Regs) -> Flow {
    // SAFETY: the caller promises both ops' fields, in order.
    unsafe {
        match First::run(r) {
            Flow::Next => Second::run(r),
            stopped => stopped,
        }
    }
}

macro_rules! define_bodies {
    ($( $(#[$doc:meta])* $name:ident { $($f:ident : $t:ty),* } => $h:path [$($arg:path)?] ; )*) => {
        /// Every op's body as a [`Body`] type, named as the op.
        #[allow(non_camel_case_types)]
        pub mod body {
            #[allow(unused_imports)]
            use crate::handlers::{A, I, S, SI, SS, call, control, fused, kernels, memory, numeric, table, variable};
            use crate::handlers::{Flow, Regs};
            use super::Body;
            $(
                #[derive(Debug)]
                pub struct $name;
                impl Body for $name {
                    #[inline(always)]
                    unsafe fn run(r: &mut Regs) -> Flow {
                        // SAFETY: the caller promises this op's fields.
                        unsafe { $h(r $(, $arg)?) }
                    }
                }
            )*
        }
    };
}
wasmloom_frontend::for_each_op!(define_bodies);
