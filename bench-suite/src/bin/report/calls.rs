//! Call overhead, per call: host to Wasm (an exported empty function) and Wasm to host (a guest
//! loop calling an imported function), interleaved over the runtimes like everything else.

use crate::interleave::{Contender, interleave};
use std::time::{Duration, Instant};
use wasmloom_bench_suite::calls::HOST_CALLS;
use wasmloom_bench_suite::harness::{self, Unfit};
use wasmloom_bench_suite::runtime::{Calls, Runtime};

/// Calls per measurement: enough for the clock to resolve a few nanoseconds per call.
const BATCH: i64 = 10 * HOST_CALLS;

/// A runtime's time per call in each direction.
pub struct CallTimes {
    pub runtime: String,
    pub host_to_wasm: Result<Duration, String>,
    pub wasm_to_host: Result<Duration, String>,
}

enum Direction {
    HostToWasm,
    WasmToHost,
}

struct CallContender {
    name: String,
    direction: Direction,
    calls: Box<dyn Calls>,
}

impl Contender for CallContender {
    fn name(&self) -> String {
        self.name.clone()
    }

    fn measure(&mut self) -> Result<Duration, String> {
        let start = Instant::now();
        match self.direction {
            Direction::HostToWasm => {
                for _ in 0..BATCH {
                    self.calls.empty()?;
                }
            }
            Direction::WasmToHost => match self.calls.call_host(BATCH)? {
                BATCH => {}
                other => return Err(format!("call_host({BATCH}) returned {other}")),
            },
        }
        Ok(start.elapsed() / BATCH as u32)
    }
}

pub fn measure(runtimes: &[Box<dyn Runtime>], reps: usize) -> Vec<CallTimes> {
    let mut results = Vec::new();
    let mut contenders: Vec<Box<dyn Contender>> = Vec::new();
    for runtime in runtimes {
        let name = runtime.name();
        // One instance per direction, so that each contender owns its own.
        let pair = harness::check_calls(&**runtime)
            .and_then(|a| Ok((a, harness::check_calls(&**runtime)?)));
        match pair {
            Ok((a, b)) => {
                for (direction, calls) in [(Direction::HostToWasm, a), (Direction::WasmToHost, b)] {
                    let name = name.clone();
                    contenders.push(Box::new(CallContender {
                        name,
                        direction,
                        calls,
                    }));
                }
            }
            Err(unfit) => {
                eprintln!("  {name}: {unfit}");
                let reason = |unfit: &Unfit| Err(unfit.to_string());
                results.push(CallTimes {
                    runtime: name,
                    host_to_wasm: reason(&unfit),
                    wasm_to_host: reason(&unfit),
                });
            }
        }
    }
    let medians = interleave(&mut contenders, reps);
    // The contenders come in pairs: host to Wasm, then Wasm to host, of one runtime.
    for (pair, times) in contenders.chunks(2).zip(medians.chunks(2)) {
        results.push(CallTimes {
            runtime: pair[0].name(),
            host_to_wasm: times[0].clone(),
            wasm_to_host: times[1].clone(),
        });
    }
    results
}
