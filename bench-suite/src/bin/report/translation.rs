//! Translation: time per MB of Wasm code section, and bytes of IR per byte of Wasm code, for the
//! largest guests and for a large generated module.

use crate::heap;
use crate::interleave::{Contender, interleave};
use crate::stats::median;
use crate::wasmi_modes::Runner;
use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::time::{Duration, Instant};
use wasmloom_bench_suite::cases::Case;
use wasmloom_bench_suite::runtime::Runtime;
use wasmloom_bench_suite::{generated, harness, wasm};

/// A module translated in the measurements.
pub struct Subject {
    pub name: String,
    pub wasm: Vec<u8>,
    /// Bytes of its code section.
    pub code_bytes: usize,
    /// Where the runners read it.
    pub path: PathBuf,
}

/// The `largest` guests by code size, then the generated module with `functions` functions.
pub fn subjects(
    cases: &[&Case],
    largest: usize,
    functions: usize,
    scratch: &Path,
) -> Result<Vec<Subject>, String> {
    let mut subjects = Vec::new();
    for case in cases {
        let wasm = harness::binary(case)?.into_owned();
        subjects.push((case.name.to_string(), wasm));
    }
    subjects.sort_by_key(|(_, wasm)| std::cmp::Reverse(wasm::code_section_size(wasm).ok()));
    subjects.truncate(largest);
    subjects.push((
        format!("generated-{functions}"),
        generated::module(functions),
    ));
    subjects
        .into_iter()
        .map(|(name, wasm)| {
            let code_bytes = wasm::code_section_size(&wasm)?;
            let path = scratch.join(format!("translate-{name}.wasm"));
            std::fs::write(&path, &wasm).map_err(|e| format!("{}: {e}", path.display()))?;
            Ok(Subject {
                name,
                wasm,
                code_bytes,
                path,
            })
        })
        .collect()
}

/// One runtime's translation of one subject.
#[derive(Clone, Copy)]
pub struct Translation {
    pub time: Duration,
    /// Bytes of translated code, where the runtime tells.
    pub code_size: Option<usize>,
    /// Heap bytes the compiled module keeps (median over the repetitions), for runtimes in this
    /// process.
    pub heap: Option<usize>,
}

impl Translation {
    /// Milliseconds per MB (10^6 bytes) of Wasm code.
    pub fn ms_per_mb(&self, code_bytes: usize) -> f64 {
        self.time.as_secs_f64() * 1e3 / (code_bytes as f64 / 1e6)
    }
}

/// Each runtime's (and runner's) translations, one entry per subject.
pub type Translations = Vec<(String, Vec<Result<Translation, String>>)>;

/// What the repetitions of one runtime's compile leave besides their times.
#[derive(Default)]
struct Kept {
    /// Bytes of translated code, where the runtime tells.
    code_size: Option<usize>,
    /// Heap bytes kept by each repetition's compiled module.
    heap: Vec<usize>,
}

struct Compile<'a> {
    runtime: &'a dyn Runtime,
    wasm: &'a [u8],
    /// Compiles timed together in one measurement.
    batch: usize,
    kept: Rc<RefCell<Kept>>,
}

/// How many compiles of a module with `code_bytes` of code one measurement times together:
/// enough for about 100 KB of code, so that a small module's measurement lasts a millisecond or
/// more rather than tens of microseconds, where a timer tick or an interrupt would show.
pub fn batch(code_bytes: usize) -> usize {
    (100_000 / code_bytes.max(1)).clamp(1, 64)
}

impl Contender for Compile<'_> {
    fn name(&self) -> String {
        self.runtime.name()
    }

    fn measure(&mut self) -> Result<Duration, String> {
        // A warm-up compile first, untimed: otherwise whichever runtime follows a big one in the
        // rotation (Cranelift's compile evicts the caches) runs cold and pays for it, up to 1.5×
        // on a small module, while the others run warm.
        drop(self.runtime.compile(self.wasm)?);
        let live = heap::live();
        let start = Instant::now();
        let compiled = self.runtime.compile(self.wasm)?;
        let mut elapsed = start.elapsed();
        let mut kept = self.kept.borrow_mut();
        kept.heap.push(heap::live().saturating_sub(live));
        kept.code_size = compiled.code_size();
        drop(compiled);
        let start = Instant::now();
        for _ in 1..self.batch {
            drop(self.runtime.compile(self.wasm)?);
        }
        elapsed += start.elapsed();
        Ok(elapsed / self.batch as u32)
    }
}

pub fn measure(
    subjects: &[Subject],
    runtimes: &[Box<dyn Runtime>],
    runners: &[Runner],
    reps: usize,
) -> Translations {
    let mut rows: Translations = runtimes.iter().map(|rt| (rt.name(), Vec::new())).collect();
    rows.extend(runners.iter().map(|runner| (runner.key(), Vec::new())));
    for subject in subjects {
        eprintln!(
            "translating {} ({} bytes of code) …",
            subject.name, subject.code_bytes
        );
        let kept: Vec<Rc<RefCell<Kept>>> = runtimes.iter().map(|_| Rc::default()).collect();
        let mut contenders: Vec<Box<dyn Contender>> = runtimes
            .iter()
            .zip(&kept)
            .map(|(runtime, kept)| {
                Box::new(Compile {
                    runtime: &**runtime,
                    wasm: &subject.wasm,
                    batch: batch(subject.code_bytes),
                    kept: Rc::clone(kept),
                }) as Box<dyn Contender>
            })
            .collect();
        let times = interleave(&mut contenders, reps);
        for ((row, time), kept) in rows.iter_mut().zip(times).zip(&kept) {
            let kept = kept.borrow();
            let heap = (!kept.heap.is_empty()).then(|| median(&kept.heap));
            row.1.push(time.map(|time| Translation {
                time,
                code_size: kept.code_size,
                heap,
            }));
        }
        for (row, runner) in rows[runtimes.len()..].iter_mut().zip(runners) {
            let time = runner.translate(&subject.path, reps, batch(subject.code_bytes));
            row.1.push(time.map(|time| Translation {
                time,
                code_size: None,
                heap: None,
            }));
        }
    }
    rows
}
