//! Wasmi 2.0 in each of its dispatch modes. They are cargo features, chosen at build time, so
//! the runner in `bench-suite/wasmi-modes/` is built once per feature set and run as a child
//! process: `serve` keeps one instance per case and times one `run` per request, which lets
//! these runs interleave with the in-process ones.

use crate::interleave::Contender;
use crate::stats::median;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::time::Duration;

/// A Wasmi 2.0 dispatch mode, and the wasmloom mode built the same way.
pub struct Mode {
    /// The name in the tables: "wasmi2/indirect".
    pub name: &'static str,
    /// The cargo features of the runner that select it.
    pub features: &'static [&'static str],
    /// wasmloom's mode with the same code form and the same way to reach the next handler.
    pub counterpart: &'static str,
}

pub const MODES: [Mode; 4] = [
    Mode {
        name: "wasmi2/direct",
        features: &[],
        counterpart: "wasmloom/direct-threaded",
    },
    Mode {
        name: "wasmi2/indirect",
        features: &["indirect-dispatch"],
        counterpart: "wasmloom/indirect-threaded",
    },
    Mode {
        name: "wasmi2/portable",
        features: &["portable-dispatch"],
        counterpart: "wasmloom/loop-call",
    },
    Mode {
        name: "wasmi2/portable-indirect",
        features: &["portable-dispatch", "indirect-dispatch"],
        counterpart: "wasmloom/loop-match",
    },
];

/// A built runner for one mode.
pub struct Runner {
    pub mode: &'static Mode,
    binary: PathBuf,
}

/// Where the runners are built: the workspace's target directory, in a folder of their own.
pub fn target_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from);
    let suite = Path::new(env!("CARGO_MANIFEST_DIR"));
    target
        .unwrap_or_else(|| suite.join("../target"))
        .join("wasmi-modes")
}

/// Builds the runner for every mode (release profile, like the report); a mode whose build
/// fails is left out with the reason.
pub fn build_all() -> (Vec<Runner>, Vec<String>) {
    let (mut runners, mut failures) = (Vec::new(), Vec::new());
    for mode in &MODES {
        match build(mode) {
            Ok(binary) => runners.push(Runner { mode, binary }),
            Err(e) => failures.push(format!("{}: not built: {e}", mode.name)),
        }
    }
    (runners, failures)
}

fn build(mode: &'static Mode) -> Result<PathBuf, String> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("wasmi-modes/Cargo.toml");
    let target = target_dir();
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    eprintln!("building the Wasmi 2.0 runner for {} …", mode.name);
    // From the workspace's root, so that the runner gets the code generation flags of
    // `.cargo/config.toml` like everything else in the report.
    let status = Command::new(cargo)
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(".."))
        .args(["build", "--release", "--quiet", "--manifest-path"])
        .arg(&manifest)
        .arg("--target-dir")
        .arg(&target)
        .args(["--features", &mode.features.join(",")])
        .status()
        .map_err(|e| format!("cannot start cargo: {e}"))?;
    if !status.success() {
        return Err(format!("cargo build failed ({status})"));
    }
    // Every feature set builds the same file name: keep a copy per mode.
    let built = target.join("release/wasmi-runner");
    let kept = target.join(format!("wasmi-runner-{}", mode.name.replace('/', "-")));
    std::fs::copy(&built, &kept).map_err(|e| format!("{}: {e}", built.display()))?;
    Ok(kept)
}

impl Runner {
    /// A child process with `wasm` instantiated (and set up), ready to time `run`.
    pub fn serve(&self, wasm: &Path, setup: bool, expected: i64) -> Result<Served, String> {
        let mut command = Command::new(&self.binary);
        command.arg("serve").arg(wasm);
        if setup {
            command.arg("--setup");
        }
        let mut child = command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|e| format!("{}: {e}", self.binary.display()))?;
        let stdin = child.stdin.take().ok_or("no stdin")?;
        let stdout = BufReader::new(child.stdout.take().ok_or("no stdout")?);
        Ok(Served {
            name: self.key(),
            expected,
            child,
            stdin: Some(stdin),
            stdout,
        })
    }

    /// Its key in the measurements, apart from the in-process "wasmi2/direct".
    pub fn key(&self) -> String {
        format!("runner:{}", self.mode.name)
    }

    /// The median over `reps` measurements of the mean time of `batch` translations of `wasm`
    /// in a row, in one process.
    pub fn translate(&self, wasm: &Path, reps: usize, batch: usize) -> Result<Duration, String> {
        let output = Command::new(&self.binary)
            .arg("translate")
            .arg(wasm)
            .arg(reps.to_string())
            .arg(batch.to_string())
            .output()
            .map_err(|e| format!("{}: {e}", self.binary.display()))?;
        if !output.status.success() {
            return Err(String::from_utf8_lossy(&output.stderr).trim().to_string());
        }
        let text = String::from_utf8_lossy(&output.stdout);
        let times = text
            .lines()
            .map(|line| parse_nanos(line.strip_prefix("translate ")?))
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| format!("unexpected output: {text}"))?;
        Ok(median(&times))
    }
}

fn parse_nanos(text: &str) -> Option<Duration> {
    text.trim().parse().ok().map(Duration::from_nanos)
}

/// A runner process serving `run` requests for one case.
pub struct Served {
    name: String,
    expected: i64,
    child: Child,
    stdin: Option<ChildStdin>,
    stdout: BufReader<ChildStdout>,
}

impl Contender for Served {
    fn name(&self) -> String {
        self.name.clone()
    }

    fn measure(&mut self) -> Result<Duration, String> {
        let stdin = self.stdin.as_mut().ok_or("the runner has exited")?;
        writeln!(stdin, "run").map_err(|e| format!("the runner has exited: {e}"))?;
        let mut line = String::new();
        self.stdout
            .read_line(&mut line)
            .map_err(|e| e.to_string())?;
        let mut fields = line.split_whitespace();
        let (Some("run"), Some(nanos), Some(result)) =
            (fields.next(), fields.next(), fields.next())
        else {
            return Err("the runner failed (see its message above)".to_string());
        };
        let result: i64 = result
            .parse()
            .map_err(|_| format!("bad result `{result}`"))?;
        if result != self.expected {
            return Err(format!("run returned {result}, expected {}", self.expected));
        }
        parse_nanos(nanos).ok_or_else(|| format!("bad time `{nanos}`"))
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        // Closing its stdin ends the runner's request loop.
        self.stdin = None;
        let _ = self.child.wait();
    }
}
