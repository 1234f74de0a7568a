//! The report's command line.

use std::path::PathBuf;

pub const USAGE: &str = "\
usage: report [--quick] [--reps N] [--cases A,B,..] [--runtimes PART,..] [--no-wasmi-modes] [--out DIR]

Runs every case on every runtime (interleaved: each repetition visits every runtime once),
checks every result, and writes DIR/<date>-<machine>.md with SVG charts beside it.

  --quick            3 repetitions instead of 11, the generated module at a quarter size
  --reps N           repetitions of each measurement (its median is reported)
  --cases A,B        only these cases (exact names)
  --runtimes P,Q     only runtimes whose name contains P or Q (wasmi2/direct, the baseline, stays)
  --no-wasmi-modes   do not build and run Wasmi 2.0's other dispatch modes
  --out DIR          where to write (default: bench-suite/results)";

pub struct Options {
    pub quick: bool,
    pub reps: usize,
    pub cases: Option<Vec<String>>,
    pub runtimes: Option<Vec<String>>,
    pub wasmi_modes: bool,
    pub out: PathBuf,
}

impl Options {
    pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Self, String> {
        let mut options = Options {
            quick: false,
            reps: 0,
            cases: None,
            runtimes: None,
            wasmi_modes: true,
            out: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("results"),
        };
        let mut args = args.into_iter();
        let list = |value: String| value.split(',').map(str::to_string).collect();
        while let Some(arg) = args.next() {
            let mut value = || args.next().ok_or(format!("{arg} needs a value"));
            match arg.as_str() {
                "--quick" => options.quick = true,
                "--reps" => {
                    let reps = value()?;
                    options.reps = reps.parse().map_err(|_| format!("--reps {reps}"))?;
                }
                "--cases" => options.cases = Some(list(value()?)),
                "--runtimes" => options.runtimes = Some(list(value()?)),
                "--no-wasmi-modes" => options.wasmi_modes = false,
                "--out" => options.out = PathBuf::from(value()?),
                "-h" | "--help" => return Err(USAGE.to_string()),
                other => return Err(format!("unknown argument `{other}`\n\n{USAGE}")),
            }
        }
        if options.reps == 0 {
            options.reps = if options.quick { 3 } else { 11 };
        }
        Ok(options)
    }

    pub fn wants_case(&self, name: &str) -> bool {
        self.cases
            .as_ref()
            .is_none_or(|cases| cases.iter().any(|c| c == name))
    }

    pub fn wants_runtime(&self, name: &str) -> bool {
        name == crate::BASELINE
            || self
                .runtimes
                .as_ref()
                .is_none_or(|parts| parts.iter().any(|p| name.contains(p.as_str())))
    }
}
