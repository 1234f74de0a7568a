//! The guest programs: one `Case` per directory of `bench-suite/guests/`, each a module built
//! from our own C or WAT source by `scripts/build-guests` and committed beside it.
//!
//! Every guest imports nothing and exports `run: [] -> [i64]`; a case with `has_setup` also
//! exports `setup: [] -> []`, called once after instantiation and not timed (its `run` calls it
//! too if nobody did, so `wasmloom run --invoke run` gives the same result). `run` may be called
//! any number of times on one instance and returns `expected` every time.
//!
//! Each `expected` is computed independently of any interpreter: for a C guest, the same source
//! built natively with gcc (`scripts/build-guests --native` rebuilds and compares them all); for
//! a WAT guest, by hand, as each comment says.

/// One guest program.
pub struct Case {
    /// The directory name under `bench-suite/guests/`, and the name in benchmark ids.
    pub name: &'static str,
    /// The module, in the binary format (text is accepted too).
    pub wasm: &'static [u8],
    /// Whether the module exports `setup`, to be called once before the timed `run`s.
    pub has_setup: bool,
    /// What `run` returns.
    pub expected: i64,
    /// The proposals beyond Wasm 2.0 the module uses, e.g. "tail-call".
    pub needs: &'static [&'static str],
}

macro_rules! guest {
    ($name:literal) => {
        include_bytes!(concat!("../guests/", $name, "/", $name, ".wasm"))
    };
}

pub static CASES: &[Case] = &[
    // Counter loops: 40_000_000 turns each, returning the final counter.
    Case {
        name: "loop-local",
        wasm: guest!("loop-local"),
        has_setup: false,
        expected: 40_000_000,
        needs: &[],
    },
    Case {
        name: "loop-param",
        wasm: guest!("loop-param"),
        has_setup: false,
        expected: 40_000_000,
        needs: &[],
    },
    Case {
        name: "loop-global",
        wasm: guest!("loop-global"),
        has_setup: false,
        expected: 40_000_000,
        needs: &[],
    },
    // fib(33) = 3_524_578 (11_405_773 calls).
    Case {
        name: "fib-recursive",
        wasm: guest!("fib-recursive"),
        has_setup: false,
        expected: 3_524_578,
        needs: &[],
    },
    // fib(20_000_000) mod 2^64, read as an i64: the recurrence (a, b) -> (b, a + b) stepped
    // 20_000_000 times from (0, 1) with wrapping adds (by hand, in exact integer arithmetic
    // reduced mod 2^64). fib-tail computes the same number by tail calls.
    Case {
        name: "fib-iterative",
        wasm: guest!("fib-iterative"),
        has_setup: false,
        expected: -70_318_061_090_422_843,
        needs: &[],
    },
    Case {
        name: "fib-tail",
        wasm: guest!("fib-tail"),
        has_setup: false,
        expected: -70_318_061_090_422_843,
        needs: &["tail-call"],
    },
    // Quicksort of 400_000 pseudo-random i32s; a position-weighted checksum of the result.
    Case {
        name: "sort",
        wasm: guest!("sort"),
        has_setup: false,
        expected: -4_822_991_078_880_170_776,
        needs: &[],
    },
    // The primes below 8_000_000.
    Case {
        name: "sieve",
        wasm: guest!("sieve"),
        has_setup: false,
        expected: 539_777,
        needs: &[],
    },
    // 200 x 200 f64 matrix product; 8 x a weighted sum of its entries (exact).
    Case {
        name: "matmul",
        wasm: guest!("matmul"),
        has_setup: false,
        expected: -763,
        needs: &[],
    },
    // Five bodies, 100_000 steps; energy x 1e9, truncated.
    Case {
        name: "nbody",
        wasm: guest!("nbody"),
        has_setup: false,
        expected: -721_426,
        needs: &[],
    },
    // 160 passes of a BLAKE2b-shaped compression function over 16 KiB; the folded digest.
    Case {
        name: "hash",
        wasm: guest!("hash"),
        has_setup: false,
        expected: -7_868_345_565_286_256_526,
        needs: &[],
    },
    // Points of a 320 x 240 grid still bounded after 200 iterations.
    Case {
        name: "mandelbrot",
        wasm: guest!("mandelbrot"),
        has_setup: false,
        expected: 16_339,
        needs: &[],
    },
    // N = 350, 10 rounds of power iteration; the norm x 1e9, truncated.
    Case {
        name: "spectral-norm",
        wasm: guest!("spectral-norm"),
        has_setup: false,
        expected: 1_274_224_046,
        needs: &[],
    },
    // LZ77 round trip of 524_273 bytes of text (237_280 compressed); size ^ FNV-1a.
    Case {
        name: "compress",
        wasm: guest!("compress"),
        has_setup: true,
        expected: -7_686_491_016_359_360_547,
        needs: &[],
    },
    // lines << 44 | words << 22 | chars = 44_136 lines, 487_701 words, 2_825_835 characters
    // (2_999_987 bytes), as `wc -l -w -m` also counts them.
    Case {
        name: "word-count",
        wasm: guest!("word-count"),
        has_setup: true,
        expected: 776_450_768_825_425_515,
        needs: &[],
    },
    // A 4 MiB document of 17_273 records; the hash of every value, key and structure.
    Case {
        name: "json",
        wasm: guest!("json"),
        has_setup: true,
        expected: -2_595_240_237_873_336_983,
        needs: &[],
    },
    // 800_000 random memory.fill / memory.copy in 1 MiB; a hash of the arena.
    Case {
        name: "bulk-memory",
        wasm: guest!("bulk-memory"),
        has_setup: false,
        expected: -3_225_851_935_663_828_019,
        needs: &[],
    },
];
