//! Trap codes: why a guest stopped abnormally.

use core::fmt;

/// The reason for a trap. `Display` gives the wording of the spec testsuite.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TrapCode {
    /// `unreachable` was executed.
    Unreachable,
    /// Signed division overflow (`INT_MIN / -1`) or a float-to-int conversion out of range.
    IntegerOverflow,
    /// Integer division or remainder by zero.
    IntegerDivisionByZero,
    /// A float-to-int conversion of NaN.
    BadConversionToInteger,
    /// A memory access, or a bulk memory op, out of bounds.
    MemoryOutOfBounds,
    /// A table access, or a bulk table op, out of bounds.
    TableOutOfBounds,
    /// `call_indirect` with an index past the table's end.
    UndefinedElement,
    /// `call_indirect` through a null entry.
    UninitializedElement,
    /// `call_indirect` to a function of another signature.
    IndirectCallTypeMismatch,
    /// A null reference where a non-null one was needed.
    NullReference,
    /// The call-depth limit or the value stack was exhausted.
    StackOverflow,
    /// The fuel given to the store ran out.
    OutOfFuel,
}

impl TrapCode {
    /// The message used by the spec testsuite.
    pub fn message(self) -> &'static str {
        match self {
            TrapCode::Unreachable => "unreachable",
            TrapCode::IntegerOverflow => "integer overflow",
            TrapCode::IntegerDivisionByZero => "integer divide by zero",
            TrapCode::BadConversionToInteger => "invalid conversion to integer",
            TrapCode::MemoryOutOfBounds => "out of bounds memory access",
            TrapCode::TableOutOfBounds => "out of bounds table access",
            TrapCode::UndefinedElement => "undefined element",
            TrapCode::UninitializedElement => "uninitialized element",
            TrapCode::IndirectCallTypeMismatch => "indirect call type mismatch",
            TrapCode::NullReference => "null reference",
            TrapCode::StackOverflow => "call stack exhausted",
            TrapCode::OutOfFuel => "all fuel consumed",
        }
    }
}

impl fmt::Display for TrapCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message())
    }
}

impl std::error::Error for TrapCode {}
