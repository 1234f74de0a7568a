//! Deterministic mutation of module binaries: truncation, bit flips, byte insertion, deletion
//! and overwrites, driven by a small PRNG so that a failing case is reproducible from its index.

/// SplitMix64: tiny, fast, and good enough to spread mutations (no `rand` needed).
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}

/// Bytes that LEB128 lengths, counts and opcodes react to.
const INTERESTING: [u8; 8] = [0x00, 0x01, 0x40, 0x7f, 0x80, 0xff, 0x0b, 0x41];

/// A copy of `module` with one random mutation, sometimes two or three: a single small change
/// keeps more mutants valid enough to reach the translator and instantiation.
pub fn mutate(rng: &mut Rng, module: &[u8]) -> Vec<u8> {
    let mut bytes = module.to_vec();
    let count = match rng.below(8) {
        0 => 3,
        1 | 2 => 2,
        _ => 1,
    };
    for _ in 0..count {
        mutate_once(rng, &mut bytes);
    }
    bytes
}

fn mutate_once(rng: &mut Rng, bytes: &mut Vec<u8>) {
    let len = bytes.len();
    let at = rng.below(len + 1);
    match rng.below(12) {
        // Truncation rejects almost always, so it is the rarest.
        0 => bytes.truncate(at),
        1..=3 if len > 0 => {
            let i = rng.below(len);
            bytes[i] ^= 1 << rng.below(8);
        }
        4 | 5 => {
            let byte = rng.next_u64() as u8;
            bytes.insert(at, byte);
        }
        6 | 7 if at < len => {
            let end = (at + 1 + rng.below(4)).min(len);
            bytes.drain(at..end);
        }
        8..=10 if at < len => bytes[at] = INTERESTING[rng.below(INTERESTING.len())],
        _ => {
            let byte = INTERESTING[rng.below(INTERESTING.len())];
            bytes.insert(at, byte);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Rng, mutate};

    #[test]
    fn deterministic_and_changing() {
        let module = b"\0asm\x01\0\0\0\x01\x04\x01\x60\0\0".to_vec();
        let run = |seed| {
            let mut rng = Rng::new(seed);
            (0..50)
                .map(|_| mutate(&mut rng, &module))
                .collect::<Vec<_>>()
        };
        let a = run(7);
        assert_eq!(a, run(7));
        assert!(a.iter().any(|m| *m != module));
    }
}
