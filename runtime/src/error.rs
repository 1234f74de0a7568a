//! The one error type of the API, and what kind of failure it reports.

use crate::TrapCode;
use core::fmt;

/// What went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorKind {
    /// The guest trapped. `Display` gives the spec message, e.g. "integer divide by zero".
    Trap(TrapCode),
    /// The module is malformed or invalid (the validator's message).
    Compile(String),
    /// The module is valid but uses something wasmloom does not execute.
    Unsupported(String),
    /// An import is missing or has the wrong type.
    Link(String),
    /// Instantiation failed for a reason other than a trap or a link error.
    Instantiate(String),
    /// A wrong argument count or type, a wrong typed-function signature, or an object used with
    /// a store it does not belong to.
    Type(String),
    /// A host function's own error.
    Host(String),
    /// The guest asked to exit with this status (WASI `proc_exit`).
    Exit(i32),
    /// A resource limit was reached.
    Limit(String),
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::Trap(code) => write!(f, "{code}"),
            ErrorKind::Exit(status) => write!(f, "exited with status {status}"),
            ErrorKind::Compile(m)
            | ErrorKind::Unsupported(m)
            | ErrorKind::Link(m)
            | ErrorKind::Instantiate(m)
            | ErrorKind::Type(m)
            | ErrorKind::Host(m)
            | ErrorKind::Limit(m) => f.write_str(m),
        }
    }
}

/// An error from any fallible call of the API.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

/// The result type of the API.
pub type Result<T, E = Error> = core::result::Result<T, E>;

impl Error {
    /// An error of the given kind.
    pub fn new(kind: ErrorKind) -> Self {
        Self { kind }
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// The trap code, if this error is a trap.
    pub fn as_trap_code(&self) -> Option<TrapCode> {
        match self.kind {
            ErrorKind::Trap(code) => Some(code),
            _ => None,
        }
    }

    /// A host function's own error with a message.
    pub fn msg(text: impl Into<String>) -> Self {
        Self::new(ErrorKind::Host(text.into()))
    }

    /// The guest exits with `status` (WASI `proc_exit`).
    pub fn i32_exit(status: i32) -> Self {
        Self::new(ErrorKind::Exit(status))
    }

    /// The exit status, if this error is an exit.
    pub fn i32_exit_status(&self) -> Option<i32> {
        match self.kind {
            ErrorKind::Exit(status) => Some(status),
            _ => None,
        }
    }

    pub(crate) fn trap(code: TrapCode) -> Self {
        Self::new(ErrorKind::Trap(code))
    }

    pub(crate) fn link(text: impl Into<String>) -> Self {
        Self::new(ErrorKind::Link(text.into()))
    }

    pub(crate) fn instantiate(text: impl Into<String>) -> Self {
        Self::new(ErrorKind::Instantiate(text.into()))
    }

    pub(crate) fn ty(text: impl Into<String>) -> Self {
        Self::new(ErrorKind::Type(text.into()))
    }

    pub(crate) fn limit(text: impl Into<String>) -> Self {
        Self::new(ErrorKind::Limit(text.into()))
    }

    pub(crate) fn unsupported(text: impl Into<String>) -> Self {
        Self::new(ErrorKind::Unsupported(text.into()))
    }

    /// An object of one store used with another.
    pub(crate) fn foreign(what: &str) -> Self {
        Self::ty(format!("this {what} belongs to another store"))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.kind.fmt(f)
    }
}

impl std::error::Error for Error {}

impl From<TrapCode> for Error {
    fn from(code: TrapCode) -> Self {
        Self::trap(code)
    }
}

impl From<ErrorKind> for Error {
    fn from(kind: ErrorKind) -> Self {
        Self::new(kind)
    }
}

impl From<wasmloom_frontend::CompileError> for Error {
    fn from(e: wasmloom_frontend::CompileError) -> Self {
        use wasmloom_frontend::translate::CompileErrorKind;
        Self::new(match e.kind {
            CompileErrorKind::Invalid => ErrorKind::Compile(e.message),
            CompileErrorKind::Unsupported => ErrorKind::Unsupported(e.message),
            CompileErrorKind::Limit => ErrorKind::Limit(e.message),
        })
    }
}
