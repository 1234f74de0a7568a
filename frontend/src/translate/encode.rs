//! The last step of a function's translation. The translator writes ops with `u16` opcode
//! headers, whatever the backend, so that the finished code can be read back op by op; here it
//! is written again with the backend's headers, and each two ops in a row that the op list
//! pairs (its `pairs` section) become one superinstruction: the second's header is left out and
//! the first's names the pair. A pair is not made where a branch lands on its second op. Branch
//! offsets are then fixed for the ops' new positions.

use super::{Code, FuncTranslator};
use crate::isa::encoding::Encoding;
use crate::isa::{FieldKind, Offset, Opcode, Operand, Targets};

/// The size of the translator's op header, a `u16` opcode.
const HEADER: usize = 2;

/// Zero bytes put after a function's code before it is encoded, so that the fields of any op
/// short enough are copied as one block of this size.
const SLACK: usize = 32;

impl FuncTranslator<'_> {
    /// The finished function's code, in the backend's encoding.
    pub(crate) fn encode(&mut self) -> Code {
        let len = self.code.len();
        self.code.extend_from_slice(&[0; SLACK]);
        self.encoded.encode(&self.code, len, self.target)
    }
}

/// The output position of a recorded target that starts no op.
const NOWHERE: u32 = u32::MAX;

/// The buffers of the pass, kept from one function to the next.
pub(crate) struct Encoder {
    /// Every input position a branch lands on (sorted when the function is encoded).
    targets: Vec<u32>,
    /// The output position of each of `targets`, in the same order.
    moved: Vec<u32>,
    /// Each branch offset field of the output: its position, and its target in the input.
    fixups: Vec<(u32, u32)>,
    out: Vec<u8>,
}

impl Default for Encoder {
    /// Room for a typical function's branches from the start, as the translator's buffers
    /// have: growing them from empty, module after module, costs more than they weigh.
    fn default() -> Self {
        Encoder {
            targets: Vec::with_capacity(64),
            moved: Vec::with_capacity(64),
            fixups: Vec::with_capacity(64),
            out: Vec::new(),
        }
    }
}

impl Encoder {
    /// Bytes of room its buffers hold.
    pub(crate) fn capacity(&self) -> usize {
        self.out.capacity()
            + 4 * (self.targets.capacity() + self.moved.capacity())
            + 8 * self.fixups.capacity()
    }

    /// Forgets the branch targets of the last function.
    pub(crate) fn clear(&mut self) {
        self.targets.clear();
    }

    /// Records that a branch lands at `target`. The translator calls this for every offset it
    /// writes, so that this pass need not read the code twice; the list may also hold targets
    /// of code that was later cut or rewritten, which only keep a pair from being made there
    /// or name no op at all.
    pub(crate) fn lands(&mut self, target: usize) {
        self.targets.push(target as u32);
    }

    /// Re-encodes `padded[..len]`, a complete function with opcode headers followed by
    /// [`SLACK`] bytes, for `target`.
    pub(crate) fn encode(&mut self, padded: &[u8], len: usize, target: &dyn Encoding) -> Code {
        debug_assert!(padded.len() >= len + SLACK);
        self.targets.sort_unstable();
        self.targets.dedup();
        self.rewrite(padded, len, target);
        self.fix_offsets();
        Code::new(&self.out)
    }

    fn rewrite(&mut self, padded: &[u8], len: usize, target: &dyn Encoding) {
        let Encoder {
            targets,
            moved,
            fixups,
            out,
        } = self;
        let header = target.header_size();
        // At most an 8-byte header for each 2-byte one: room for the whole output, and for
        // the bytes that `append` writes past its end.
        out.clear();
        out.reserve(len * 4 + SLACK);
        moved.clear();
        fixups.clear();
        let code = &padded[..len];
        let mut landings = targets.iter().copied().peekable();
        // The op being written (a pair once others joined it), the op its header names, and
        // where that header is.
        let mut current: Option<(Opcode, Opcode, usize)> = None;
        let mut pos = 0;
        while pos < len {
            let op = opcode_at(code, pos);
            // Recorded targets inside the op before are stale (see `lands`).
            while landings.next_if(|&t| t < pos as u32).is_some() {
                moved.push(NOWHERE);
            }
            let landed = landings.next_if_eq(&(pos as u32)).is_some();
            if landed {
                moved.push(out.len() as u32);
            }
            let joined = match current {
                Some((first, _, _)) if !landed => Opcode::pair(first, op),
                _ => None,
            };
            match (joined, current) {
                (Some(pair), Some((_, written, at))) => current = Some((pair, written, at)),
                _ => {
                    finish(out, current, target);
                    current = Some((op, op, out.len()));
                    append::<8>(out, &target.header(op).to_le_bytes(), header);
                }
            }
            pos += HEADER;
            if let Some(size) = op.plain_size() {
                append::<SLACK>(out, &padded[pos..], size);
                pos += size;
                continue;
            }
            for_each_field(code, op, &mut pos, |field, kind| match kind {
                FieldKind::Bytes(n) => out.extend_from_slice(&code[field..field + n]),
                FieldKind::Offset => {
                    fixups.push((out.len() as u32, target_of(code, field)));
                    out.extend_from_slice(&[0; Offset::SIZE]);
                }
                FieldKind::Targets => out.extend_from_slice(&code[field..field + Targets::SIZE]),
            });
        }
        finish(out, current, target);
        // A branch past the last op (none today: every function ends in a return), and stale
        // targets past the end.
        for t in landings {
            moved.push(if t as usize == len {
                out.len() as u32
            } else {
                NOWHERE
            });
        }
    }

    fn fix_offsets(&mut self) {
        for &(field, to) in &self.fixups {
            let landing = self
                .targets
                .binary_search(&to)
                .expect("every target is recorded");
            let to = self.moved[landing];
            assert!(to != NOWHERE, "a branch lands inside an op");
            let offset = i64::from(to) - i64::from(field);
            let field = field as usize;
            self.out[field..field + Offset::SIZE].copy_from_slice(&offset.to_le_bytes());
        }
    }
}

/// Appends the first `n` bytes of `src`. When `n <= N`, `src` has `N` bytes and `out` room for
/// `N` more, it copies `N` bytes, a fixed-size copy that is quicker than one of `n` bytes, into
/// `out`'s spare room, and `out`'s length moves by `n` only. Headers (`N` = 8) and most ops'
/// fields (`N` = [`SLACK`]) go this way.
#[inline(always)]
fn append<const N: usize>(out: &mut Vec<u8>, src: &[u8], n: usize) {
    if n <= N && src.len() >= N && out.capacity() - out.len() >= N {
        // SAFETY: `src` has `N` bytes to read and `out` room for `N` more (both checked just
        // above); of those, the first `n <= N` are initialized from `src` and become part of
        // `out`.
        unsafe {
            let end = out.as_mut_ptr().add(out.len());
            core::ptr::copy_nonoverlapping(src.as_ptr(), end, N);
            out.set_len(out.len() + n);
        }
    } else {
        append_slowly(out, &src[..n]);
    }
}

/// [`append`]'s other way, out of line: inlined, LLVM merged the two copies into one `memcpy`
/// call of variable size, and the quick way became that call.
#[cold]
#[inline(never)]
fn append_slowly(out: &mut Vec<u8>, bytes: &[u8]) {
    out.extend_from_slice(bytes);
}

/// Writes the header of the op whose header is at `at` again if others joined it: its header
/// names the op it started as. (Called for every op; only the test is inlined.)
#[inline(always)]
fn finish(out: &mut [u8], current: Option<(Opcode, Opcode, usize)>, target: &dyn Encoding) {
    if let Some((op, written, at)) = current
        && op != written
    {
        rewrite_header(out, op, at, target);
    }
}

/// Writes `op`'s header at `at`, over the one there.
#[inline(never)]
fn rewrite_header(out: &mut [u8], op: Opcode, at: usize, target: &dyn Encoding) {
    let bytes = target.header(op).to_le_bytes();
    // The two sizes there are spelled out: a copy of unknown size is a `memcpy` call.
    match target.header_size() {
        8 => out[at..at + 8].copy_from_slice(&bytes),
        2 => out[at..at + 2].copy_from_slice(&bytes[..2]),
        n => out[at..at + n].copy_from_slice(&bytes[..n]),
    }
}

/// The op whose header is at `pos`.
#[inline(always)]
fn opcode_at(code: &[u8], pos: usize) -> Opcode {
    let raw = u16::from_le_bytes([code[pos], code[pos + 1]]);
    Opcode::from_u16(raw).expect("the translator writes valid opcodes")
}

/// Where the branch offset field at `field` lands.
fn target_of(code: &[u8], field: usize) -> u32 {
    let bytes = code[field..field + Offset::SIZE]
        .try_into()
        .expect("8 bytes");
    (field as i64 + i64::from_le_bytes(bytes)) as u32
}

/// Calls `f` with the position and kind of each field of `op` (at `*pos`, its header read),
/// each entry of a `br_table` as an `Offset`; leaves `*pos` past the op.
#[inline(always)]
fn for_each_field(code: &[u8], op: Opcode, pos: &mut usize, mut f: impl FnMut(usize, FieldKind)) {
    for &kind in op.field_kinds() {
        f(*pos, kind);
        match kind {
            FieldKind::Bytes(n) => *pos += n,
            FieldKind::Offset => *pos += Offset::SIZE,
            FieldKind::Targets => {
                let count = u32::from_le_bytes(code[*pos..*pos + 4].try_into().expect("4 bytes"));
                *pos += Targets::SIZE;
                for _ in 0..=count {
                    f(*pos, FieldKind::Offset);
                    *pos += Offset::SIZE;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::isa::encoding::OpcodeHeader;
    use crate::isa::{Slot, disasm};

    /// Whether `op` always goes on to the op after its fields (or stops with a trap): no
    /// branch, call or return.
    fn falls_through(op: Opcode) -> bool {
        let branches = op
            .field_kinds()
            .iter()
            .any(|k| matches!(k, FieldKind::Offset | FieldKind::Targets));
        let leaves = ["Return", "Call"].iter().any(|p| op.name().starts_with(p));
        !branches && !leaves
    }

    #[test]
    fn a_pair_starts_with_ops_that_fall_through() {
        for &op in Opcode::ALL {
            if let Some((first, _)) = op.parts() {
                let mut parts = Vec::new();
                first.plain_parts(&mut parts);
                for part in parts {
                    assert!(
                        falls_through(part),
                        "{}: {} does not fall through",
                        op.name(),
                        part.name()
                    );
                }
            }
        }
    }

    /// A field to write: a slot, an `i32`, or a branch offset.
    enum F {
        S(u32),
        I(i32),
        O(i64),
    }

    /// Writes `op` with `fields` in the translator's encoding.
    fn put(code: &mut Vec<u8>, op: Opcode, fields: &[F]) {
        OpcodeHeader.write_header(op, code);
        for f in fields {
            match *f {
                F::S(s) => Slot(s).encode(code),
                F::I(v) => v.encode(code),
                F::O(o) => Offset(o).encode(code),
            }
        }
    }

    /// `code` encoded for `target`, with branches landing at `landings`, disassembled.
    fn encode(code: &[u8], landings: &[usize], target: &dyn Encoding) -> String {
        let mut padded = code.to_vec();
        padded.extend_from_slice(&[0; SLACK]);
        let mut encoder = Encoder::default();
        for &at in landings {
            encoder.lands(at);
        }
        let out = encoder.encode(&padded, code.len(), target);
        disasm::disassemble(&out, target).expect("valid code")
    }

    /// An 8-byte header, as the address-header backends have.
    struct Wide;
    impl Encoding for Wide {
        fn header_size(&self) -> usize {
            8
        }
        fn header(&self, op: Opcode) -> u64 {
            op as u64 | 0xabcd << 48
        }
        fn read_header(&self, code: &[u8]) -> Option<Opcode> {
            let raw = u64::from_le_bytes(code.get(..8)?.try_into().ok()?);
            Opcode::from_u16(raw as u16)
        }
    }

    #[test]
    fn pairs_join_unless_a_branch_lands_between() {
        // A sub and a load that would join, but a loop's branch lands on the load; the loop's
        // add joins its branch, and the add after the loop joins the return.
        assert!(Opcode::pair(Opcode::I32SubSID, Opcode::I32LoadSD).is_some());
        let mut code = Vec::new();
        put(&mut code, Opcode::I32SubSID, &[F::S(0), F::I(1), F::S(0)]);
        put(&mut code, Opcode::I32LoadSD, &[F::S(1), F::I(4), F::S(2)]);
        put(&mut code, Opcode::I32AddSID, &[F::S(3), F::I(1), F::S(3)]);
        put(
            &mut code,
            Opcode::BrI32NeIncI,
            &[F::S(4), F::I(-1), F::I(0), F::O(14 - 56)],
        );
        put(&mut code, Opcode::I32AddSSD, &[F::S(0), F::S(2), F::S(0)]);
        put(&mut code, Opcode::ReturnS, &[F::S(0), F::I(0)]);
        assert_eq!(code.len(), 88);
        for target in [&OpcodeHeader as &dyn Encoding, &Wide] {
            let h = target.header_size();
            let back = -2 * h as i64 - 36;
            let expected = format!(
                "     0: I32SubSID lhs=s0, rhs=1, dst=s0\n\
                 {:6}: I32LoadSD addr=s1, end=4, dst=s2\n\
                 {:6}: I32AddSIDThenBrI32NeIncI lhs=s3, rhs=1, dst=s3 | var=s4, step=-1, rhs=0, offset={back:+}\n\
                 {:6}: I32AddSSDThenReturnS lhs=s0, rhs=s2, dst=s0 | src=s0, pad=0\n",
                h + 12,
                2 * h + 24,
                3 * h + 56,
            );
            assert_eq!(encode(&code, &[14, 100], target), expected);
        }
    }
}
