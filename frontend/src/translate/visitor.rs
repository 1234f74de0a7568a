//! One pass over a body's operators: each is decoded once, straight into a call that validates
//! it and then translates it, without reading an [`Operator`] out of the reader first and
//! dispatching on it again for the validator.

use super::FuncTranslator;
use crate::module::ModuleInfo;
use crate::parse::invalid;
use crate::translate::CompileError;
use core::mem::ManuallyDrop;
use wasmparser::{
    FuncValidator, Operator, ValidatorResources, VisitOperator, VisitSimdOperator,
    for_each_visit_operator, for_each_visit_simd_operator,
};

/// Validates (given a validator) and translates each operator it is shown.
pub(super) struct ValidatingTranslator<'t, 'e, 'v> {
    pub translator: &'t mut FuncTranslator<'e>,
    pub info: &'t ModuleInfo,
    /// `None` when the body was validated before (a second translation).
    pub validator: Option<&'v mut FuncValidator<ValidatorResources>>,
    /// The code offset of the operator being visited, for the validator's errors.
    pub offset: u64,
}

/// Translates an operator of the named proposal. The proposals of Wasm 2.0 and tail calls get
/// `visit` inlined into their visit method, where the operator is a constant and only its own
/// arm is left (nbody's translation: 14% fewer instructions). The others (SIMD, threads, GC,
/// ...) share one out-of-line copy: inlined everywhere, the crate took three times as long to
/// build.
macro_rules! translate {
    (mvp, $($args:tt)*) => { translate!(@inline $($args)*) };
    (sign_extension, $($args:tt)*) => { translate!(@inline $($args)*) };
    (saturating_float_to_int, $($args:tt)*) => { translate!(@inline $($args)*) };
    (bulk_memory, $($args:tt)*) => { translate!(@inline $($args)*) };
    (reference_types, $($args:tt)*) => { translate!(@inline $($args)*) };
    (tail_call, $($args:tt)*) => { translate!(@inline $($args)*) };
    (@inline $translator:expr, $info:expr, $op:expr) => { $translator.visit($info, $op) };
    ($other:ident, $translator:expr, $info:expr, $op:expr) => {
        $translator.visit_outlined($info, $op)
    };
}

macro_rules! define_visit {
    ($( @$proposal:ident $op:ident $({ $($arg:ident: $argty:ty),* })? => $visit:ident ($($ann:tt)*))*) => {
        $(
            fn $visit(&mut self $($(, $arg: $argty)*)?) -> Self::Output {
                if let Some(validator) = self.validator.as_deref_mut() {
                    validator
                        .simd_visitor(self.offset)
                        .$visit($($($arg.clone()),*)?)
                        .map_err(invalid)?;
                }
                let op = ManuallyDrop::new(Operator::$op $({ $($arg),* })?);
                let translated = translate!($proposal, self.translator, self.info, &op);
                // Most operators own nothing to drop, and this variant is known here; the
                // generic `drop_in_place::<Operator>` was a call per operator (1.3% of
                // nbody's translation).
                if false $($(|| core::mem::needs_drop::<$argty>())*)? {
                    drop(ManuallyDrop::into_inner(op));
                }
                translated
            }
        )*
    };
}

// Immediates are cloned for the validator (most are `Copy`; tables of branch targets are
// readers, cheap to clone).
#[allow(clippy::clone_on_copy, clippy::redundant_clone)]
impl<'a> VisitOperator<'a> for ValidatingTranslator<'_, '_, '_> {
    type Output = Result<(), CompileError>;

    fn simd_visitor(&mut self) -> Option<&mut dyn VisitSimdOperator<'a, Output = Self::Output>> {
        Some(self)
    }

    for_each_visit_operator!(define_visit);
}

// SIMD is validated (so that a module without the feature gets the validator's error) and then
// refused by the translator.
#[allow(clippy::clone_on_copy, clippy::redundant_clone)]
impl<'a> VisitSimdOperator<'a> for ValidatingTranslator<'_, '_, '_> {
    for_each_visit_simd_operator!(define_visit);
}
