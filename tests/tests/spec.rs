//! The Wasm 2.0 spec testsuite on every dispatch mode compiled in: one run per (mode, script).
//!
//! A custom harness (`harness = false`). It prints a table of each run's directive counts and
//! ends with the line `N passed, M failed` (directives), exiting non-zero on any failure.
//!
//! - Arguments filter runs by substring of `MODE/FILE`:
//!   `cargo test -p wasmloom-tests --test spec -- loop-match/i32`.
//! - `--list` lists the runs; `--verbose` prints every failure and wording note (default: the
//!   first few failures of each run).
//! - `WASMLOOM_SPEC_TIMEOUT` (seconds, default 300) bounds one run: a hung script is named and
//!   the test fails at once instead of stalling CI.

use std::process::ExitCode;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant};
use wasmloom::{Config, Dispatch, Engine};
use wasmloom_cli::wast::{Excuses, Failure, Report, Summary, run_script};
use wasmloom_tests::suite::{self, Script};

/// Failures printed per run without `--verbose`.
const SHOWN_FAILURES: usize = 8;
/// Worker threads get a large stack: a debug build recurses deeper than the 2 MiB default allows.
const WORKER_STACK: usize = 64 << 20;

/// One run: a script on a dispatch mode.
struct Job {
    mode: Dispatch,
    script: Script,
}

impl Job {
    fn name(&self) -> String {
        format!("{}/{}", self.mode, self.script.name)
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str| args.iter().any(|a| a == name);
    let verbose = flag("--verbose");
    let filters = filters(&args);

    let excuses = match Excuses::parse(suite::EXCUSED) {
        Ok(excuses) => excuses,
        Err(e) => {
            eprintln!("tests/spec-excused.txt: {e}");
            return ExitCode::FAILURE;
        }
    };
    let jobs: Vec<Job> = Dispatch::compiled()
        .into_iter()
        .flat_map(|mode| {
            suite::wasm_v2()
                .into_iter()
                .map(move |script| Job { mode, script })
        })
        .filter(|job| filters.is_empty() || filters.iter().any(|f| job.name().contains(f)))
        .collect();
    if flag("--list") {
        for job in &jobs {
            println!("{}: test", job.name());
        }
        return ExitCode::SUCCESS;
    }

    let modes: Vec<String> = Dispatch::compiled().iter().map(|m| m.to_string()).collect();
    println!(
        "spec testsuite (Wasm 2.0): {} runs; modes compiled in: {}",
        jobs.len(),
        modes.join(", ")
    );
    let reports = run_all(&jobs, &excuses);

    let mut summary = Summary::default();
    for (job, report) in jobs.iter().zip(reports) {
        print_notes(job, &report, verbose);
        summary.add(job.name(), report);
    }
    print!("\n{}", summary.table());
    let (passed, failed, excused) = summary.totals();
    if excused > 0 {
        println!("{excused} excused (tests/spec-excused.txt)");
    }
    println!("{passed} passed, {failed} failed");
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// The positional arguments; libtest-style options (which `cargo test -- ...` may pass to every
/// test binary) are skipped, with the value of those that take one.
fn filters(args: &[String]) -> Vec<String> {
    const WITH_VALUE: [&str; 5] = [
        "--test-threads",
        "--skip",
        "--color",
        "--format",
        "--logfile",
    ];
    let mut out = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        if WITH_VALUE.contains(&arg.as_str()) {
            it.next();
        } else if !arg.starts_with('-') {
            out.push(arg.clone());
        }
    }
    out
}

/// Runs the jobs on one worker per core, with a watchdog that ends the process if a run hangs.
fn run_all(jobs: &[Job], excuses: &Excuses) -> Vec<Report> {
    let timeout = std::env::var("WASMLOOM_SPEC_TIMEOUT")
        .ok()
        .and_then(|s| s.parse().ok())
        .map_or(Duration::from_secs(300), Duration::from_secs);
    let workers = thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(jobs.len())
        .max(1);
    let next = AtomicUsize::new(0);
    let finished = AtomicUsize::new(0);
    let reports: Vec<Mutex<Option<Report>>> = jobs.iter().map(|_| Mutex::new(None)).collect();
    // Per worker: (job index, directive index, when the job started).
    let progress: Vec<Mutex<Option<(usize, usize, Instant)>>> =
        (0..workers).map(|_| Mutex::new(None)).collect();

    thread::scope(|scope| {
        for slot in &progress {
            let (next, finished, reports) = (&next, &finished, &reports);
            let work = move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(job) = jobs.get(i) else { break };
                    let started = Instant::now();
                    *slot.lock().unwrap() = Some((i, 0, started));
                    let report = run_job(job, excuses, &mut |d| {
                        *slot.lock().unwrap() = Some((i, d, started))
                    });
                    *slot.lock().unwrap() = None;
                    *reports[i].lock().unwrap() = Some(report);
                    finished.fetch_add(1, Ordering::Relaxed);
                }
            };
            thread::Builder::new()
                .stack_size(WORKER_STACK)
                .spawn_scoped(scope, work)
                .expect("spawn a worker");
        }
        while finished.load(Ordering::Relaxed) < jobs.len() {
            thread::sleep(Duration::from_millis(100));
            for slot in &progress {
                if let Some((i, directive, started)) = *slot.lock().unwrap()
                    && started.elapsed() > timeout
                {
                    let job = &jobs[i];
                    eprintln!(
                        "timeout: {} has run for over {}s; it is at directive #{directive} \
                         (set WASMLOOM_SPEC_TIMEOUT to allow longer)",
                        job.name(),
                        timeout.as_secs()
                    );
                    println!("0 passed, 1 failed");
                    std::process::exit(1);
                }
            }
        }
    });
    reports
        .into_iter()
        .map(|r| r.into_inner().unwrap().expect("every job ran"))
        .collect()
}

fn run_job(job: &Job, excuses: &Excuses, progress: &mut dyn FnMut(usize)) -> Report {
    match Engine::new(Config::new().dispatch(job.mode)) {
        Ok(engine) => run_script(
            &engine,
            &job.script.name,
            job.script.text,
            excuses,
            progress,
        ),
        Err(e) => Report {
            failed: 1,
            failures: vec![Failure {
                index: 0,
                line: 1,
                column: 1,
                kind: "engine",
                reason: e.to_string(),
            }],
            ..Report::default()
        },
    }
}

fn print_notes(job: &Job, report: &Report, verbose: bool) {
    let shown = if verbose {
        report.failures.len()
    } else {
        SHOWN_FAILURES
    };
    for failure in report.failures.iter().take(shown) {
        println!("FAIL {}:{failure}", job.name());
    }
    if report.failures.len() > shown {
        println!(
            "FAIL {}: ... and {} more (--verbose shows all)",
            job.name(),
            report.failures.len() - shown
        );
    }
    if verbose {
        for note in &report.wording {
            println!("msg≠ {}:{note}", job.name());
        }
    }
    for index in &report.stale_excuses {
        println!(
            "note: {}:{index} passes now: remove it from tests/spec-excused.txt",
            job.script.name
        );
    }
}
