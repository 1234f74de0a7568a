//! The execution measurements: every case on every runtime (and every Wasmi 2.0 mode runner),
//! interleaved, each `run` checked.

use crate::interleave::{Contender, interleave};
use crate::wasmi_modes::Runner;
use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};
use wasmloom_bench_suite::cases::Case;
use wasmloom_bench_suite::harness::{self, Unfit};
use wasmloom_bench_suite::runtime::{Instance, Runtime};

/// Median run times by (case, runtime), and why the missing pairs are missing.
#[derive(Default)]
pub struct Times {
    pub median: BTreeMap<(String, String), Duration>,
    pub unfit: Vec<(String, String, Unfit)>,
}

impl Times {
    pub fn get(&self, case: &str, runtime: &str) -> Option<Duration> {
        self.median
            .get(&(case.to_string(), runtime.to_string()))
            .copied()
    }

    fn unfit(&mut self, case: &Case, runtime: String, unfit: Unfit) {
        eprintln!("  {runtime}: {unfit}");
        self.unfit.push((case.name.to_string(), runtime, unfit));
    }
}

/// `run` on one ready instance of a runtime.
struct InProcess<'a> {
    name: String,
    case: &'a Case,
    instance: Box<dyn Instance>,
}

impl Contender for InProcess<'_> {
    fn name(&self) -> String {
        self.name.clone()
    }

    fn measure(&mut self) -> Result<Duration, String> {
        let start = Instant::now();
        let result = self.instance.run();
        let elapsed = start.elapsed();
        match result? {
            r if r == self.case.expected => Ok(elapsed),
            r => Err(format!("run returned {r}, expected {}", self.case.expected)),
        }
    }
}

/// Measures `case` on every runtime and runner, `reps` times each, into `times`. `scratch` is a
/// directory for the module file the runners read.
pub fn measure_case(
    case: &Case,
    runtimes: &[Box<dyn Runtime>],
    runners: &[Runner],
    reps: usize,
    scratch: &Path,
    times: &mut Times,
) {
    eprintln!("{}:", case.name);
    let mut contenders: Vec<Box<dyn Contender + '_>> = Vec::new();
    for runtime in runtimes {
        match harness::check(&**runtime, case) {
            Ok(checked) => contenders.push(Box::new(InProcess {
                name: runtime.name(),
                case,
                instance: checked.instance,
            })),
            Err(unfit) => times.unfit(case, runtime.name(), unfit),
        }
    }
    if !runners.is_empty() {
        match write_module(case, scratch) {
            Ok(path) => {
                for runner in runners {
                    // The first run checks the result and warms up, as `harness::check` does.
                    let served = runner.serve(&path, case.has_setup, case.expected);
                    match served.and_then(|mut s| s.measure().map(|_| s)) {
                        Ok(served) => contenders.push(Box::new(served)),
                        Err(e) => times.unfit(case, runner.key(), Unfit::Failed(e)),
                    }
                }
            }
            Err(e) => eprintln!("  the Wasmi 2.0 mode runners are left out: {e}"),
        }
    }
    let medians = interleave(&mut contenders, reps);
    for (contender, median) in contenders.iter().zip(medians) {
        let name = contender.name();
        match median {
            Ok(median) => {
                eprintln!("  {name:<28} {}", crate::table::duration(median));
                times.median.insert((case.name.to_string(), name), median);
            }
            Err(e) => times.unfit(case, name, Unfit::Failed(e)),
        }
    }
}

/// The case's module in a file, for the runners.
fn write_module(case: &Case, scratch: &Path) -> Result<std::path::PathBuf, String> {
    let wasm = harness::binary(case)?;
    let path = scratch.join(format!("{}.wasm", case.name));
    std::fs::write(&path, &wasm).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(path)
}
