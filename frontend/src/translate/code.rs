//! A function's encoded ops, starting on a cache line.
//!
//! Where an op falls against the 64-byte lines decides whether its fields straddle two lines,
//! and a load that straddles costs more. Left to the heap, a function's start moves with
//! whatever was allocated before it, so the same module ran at different speeds from one
//! instance to the next: loop-local's one-op loop took 87 or 157 ms (indirect-threaded) as its
//! start fell on a line's byte 48 or not. From a line's start, the layout is the translator's.

use core::fmt;
use core::ops::Deref;

/// The size of a cache line on the machines we run on (x86-64, most Arm cores).
const LINE: usize = 64;

/// Bytes of code, the first at a cache line's start.
#[derive(Default)]
pub struct Code {
    /// The code at `start..`, after up to 63 bytes of padding. A plain byte buffer with room to
    /// spare (one allocation, no aligned allocation, which costs more); it is never grown, so
    /// it never moves.
    buf: Vec<u8>,
    start: usize,
}

impl Code {
    pub fn new(bytes: &[u8]) -> Self {
        let mut buf: Vec<u8> = Vec::with_capacity(bytes.len() + LINE - 1);
        let start = buf.as_ptr().align_offset(LINE);
        buf.resize(start, 0);
        buf.extend_from_slice(bytes);
        Code { buf, start }
    }
}

impl Deref for Code {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        &self.buf[self.start..]
    }
}

impl Clone for Code {
    /// A clone has its own padding: its buffer starts elsewhere.
    fn clone(&self) -> Self {
        Code::new(self)
    }
}

impl fmt::Debug for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Code({} bytes)", self.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_bytes_and_starts_on_a_line() {
        for n in [0, 1, 63, 64, 65, 200] {
            let bytes: Vec<u8> = (0..n).map(|i| i as u8).collect();
            for code in [Code::new(&bytes), Code::new(&bytes).clone()] {
                assert_eq!(&*code, &bytes[..]);
                if n > 0 {
                    assert_eq!(code.as_ptr() as usize % LINE, 0, "{n} bytes");
                }
            }
        }
    }
}
