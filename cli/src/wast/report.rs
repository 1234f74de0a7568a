//! What a script run comes to: counts, failures, and a per-file summary table.

use std::fmt::{self, Write as _};

/// The outcome of one script.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// Directives that did what the script expects.
    pub passed: usize,
    /// Directives that did not, and are not excused.
    pub failed: usize,
    /// Directives that did not, and are listed in the excuse list.
    pub excused: usize,
    /// The failed directives (not the excused ones).
    pub failures: Vec<Failure>,
    /// Passed traps whose message differs from the expected one (`reason` says how).
    pub wording: Vec<Failure>,
    /// Excused directives that passed: their excuse should be removed.
    pub stale_excuses: Vec<usize>,
}

/// One directive that failed (or passed with a note), and where it is.
#[derive(Clone, Debug)]
pub struct Failure {
    /// 0-based position among the script's directives: the excuse list's INDEX.
    pub index: usize,
    /// 1-based line of the directive.
    pub line: usize,
    /// 1-based column of the directive.
    pub column: usize,
    /// The directive's keyword, e.g. `assert_return`.
    pub kind: &'static str,
    /// What went wrong.
    pub reason: String,
}

impl fmt::Display for Failure {
    /// `LINE:COL: #INDEX KIND: REASON`, meant to be prefixed by the script's path.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: #{} {}: {}",
            self.line, self.column, self.index, self.kind, self.reason
        )
    }
}

/// Rows of (name, report) and their totals, printed as a table.
#[derive(Clone, Debug, Default)]
pub struct Summary {
    rows: Vec<(String, Report)>,
}

impl Summary {
    /// Adds one script's report under `name` (e.g. `loop-match/i32.wast`).
    pub fn add(&mut self, name: impl Into<String>, report: Report) {
        self.rows.push((name.into(), report));
    }

    /// The rows, in the order they were added.
    pub fn rows(&self) -> &[(String, Report)] {
        &self.rows
    }

    /// Total (passed, failed, excused) over all rows.
    pub fn totals(&self) -> (usize, usize, usize) {
        self.rows.iter().fold((0, 0, 0), |(p, f, e), (_, r)| {
            (p + r.passed, f + r.failed, e + r.excused)
        })
    }

    /// The table: one row per script, then the totals. `msg≠` counts passed traps whose wording
    /// differs from the spec's.
    pub fn table(&self) -> String {
        let width = self
            .rows
            .iter()
            .map(|(n, _)| n.len())
            .chain([5])
            .max()
            .unwrap_or(5);
        let mut out = format!(
            "{:<width$}  {:>7}  {:>7}  {:>7}  {:>5}\n",
            "file", "passed", "failed", "excused", "msg≠"
        );
        for (name, r) in &self.rows {
            let mark = if r.failed > 0 { "FAIL" } else { "ok" };
            let counts = [r.passed, r.failed, r.excused, r.wording.len()];
            table_row(&mut out, width, name, counts, mark);
        }
        let (p, f, e) = self.totals();
        let w = self.rows.iter().map(|(_, r)| r.wording.len()).sum();
        table_row(&mut out, width, "total", [p, f, e, w], "");
        out
    }
}

fn table_row(out: &mut String, width: usize, name: &str, counts: [usize; 4], mark: &str) {
    let [p, f, e, w] = counts;
    let _ = writeln!(
        out,
        "{name:<width$}  {p:>7}  {f:>7}  {e:>7}  {w:>5}  {mark}"
    );
}
