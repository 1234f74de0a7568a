//! The side-by-side table: each runtime's score and its ratio to Wasmi 2.0's.

use crate::{Outcome, Runtime};
use std::fmt::Write;

/// One line of the table.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// Who ran the module.
    pub runtime: Runtime,
    /// What came of it.
    pub outcome: Outcome,
}

/// The table, one line per row: runtime, score, ratio to Wasmi 2.0 (when it ran and
/// validated), then a note, the failed validation, or the reason a peer was skipped.
pub fn table(rows: &[Row]) -> String {
    let reference = rows.iter().find_map(|row| match row.outcome {
        Outcome::Score(score) if row.runtime == Runtime::Wasmi => Some(score),
        _ => None,
    });
    let width = rows
        .iter()
        .map(|row| row.runtime.label().len())
        .chain(["runtime".len()])
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<width$}  {:>12}  {:>8}",
        "runtime", "score", "vs wasmi"
    );
    for row in rows {
        let label = row.runtime.label();
        let (score, ratio, remark) = match &row.outcome {
            Outcome::Score(score) => {
                let ratio = reference.map_or("-".into(), |r| format!("{:.2}x", score / r));
                (format!("{score:.1}"), ratio, row.runtime.note())
            }
            Outcome::Invalid(score) => (
                "-".into(),
                "-".into(),
                Some(format!("FAILED validation (returned {score})")),
            ),
            Outcome::Error(reason) if row.runtime.is_peer() => {
                ("-".into(), "-".into(), Some(format!("skipped: {reason}")))
            }
            Outcome::Error(reason) => ("-".into(), "-".into(), Some(format!("ERROR: {reason}"))),
        };
        let _ = write!(out, "{label:<width$}  {score:>12}  {ratio:>8}");
        if let Some(remark) = remark {
            let _ = write!(out, "  {remark}");
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasmloom::Dispatch;

    #[test]
    fn ratios_are_to_wasmi_and_failures_say_why() {
        let rows = [
            Row {
                runtime: Runtime::Wasmloom(Dispatch::LoopMatch),
                outcome: Outcome::Score(300.0),
            },
            Row {
                runtime: Runtime::Wasmi,
                outcome: Outcome::Score(200.0),
            },
            Row {
                runtime: Runtime::Tinywasm,
                outcome: Outcome::Error("no SIMD".into()),
            },
            Row {
                runtime: Runtime::Wasmloom(Dispatch::LoopCall),
                outcome: Outcome::Invalid(-7.0),
            },
        ];
        let table = table(&rows);
        let lines: Vec<&str> = table.lines().collect();
        assert!(lines[1].starts_with("wasmloom loop-match") && lines[1].ends_with("1.50x"));
        assert!(lines[2].ends_with("1.00x"));
        assert!(lines[3].ends_with("skipped: no SIMD"));
        assert!(lines[4].ends_with("FAILED validation (returned -7)"));
    }
}
