//! Markdown tables, and the number formats used in them.

use std::time::Duration;

/// A table: a header row and rows of cells; the first column is left-aligned, the rest right.
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new(header: impl IntoIterator<Item = impl Into<String>>) -> Self {
        Self {
            header: header.into_iter().map(Into::into).collect(),
            rows: Vec::new(),
        }
    }

    pub fn row(&mut self, cells: impl IntoIterator<Item = impl Into<String>>) {
        self.rows.push(cells.into_iter().map(Into::into).collect());
    }

    /// The table as Markdown, columns padded so that the source reads as a table too.
    pub fn render(&self) -> String {
        let columns = self.header.len();
        let width = |col: usize| {
            let cells = self.rows.iter().filter_map(|row| row.get(col));
            cells
                .chain([&self.header[col]])
                .map(|cell| cell.chars().count())
                .max()
                .unwrap_or(0)
                .max(3)
        };
        let widths: Vec<usize> = (0..columns).map(width).collect();
        let line = |cells: &[String]| {
            let padded = (0..columns).map(|col| {
                let cell = cells.get(col).map_or("", String::as_str);
                match col {
                    0 => format!("{cell:<w$}", w = widths[col]),
                    _ => format!("{cell:>w$}", w = widths[col]),
                }
            });
            format!("| {} |\n", padded.collect::<Vec<_>>().join(" | "))
        };
        let rule = (0..columns).map(|col| match col {
            0 => format!(":{}", "-".repeat(widths[col] - 1)),
            _ => format!("{}:", "-".repeat(widths[col] - 1)),
        });
        let mut out = line(&self.header);
        out.push_str(&format!("| {} |\n", rule.collect::<Vec<_>>().join(" | ")));
        for row in &self.rows {
            out.push_str(&line(row));
        }
        out
    }
}

/// A duration with three significant digits and a unit that fits: "812 µs", "1.24 s".
pub fn duration(d: Duration) -> String {
    let nanos = d.as_nanos() as f64;
    let (value, unit) = match nanos {
        n if n >= 1e9 => (n / 1e9, "s"),
        n if n >= 1e6 => (n / 1e6, "ms"),
        n if n >= 1e3 => (n / 1e3, "µs"),
        // Whole nanoseconds are all a `Duration` holds.
        n => return format!("{n:.0} ns"),
    };
    format!("{} {unit}", significant(value))
}

/// A ratio, as "0.85×".
pub fn ratio(r: f64) -> String {
    format!("{}×", significant(r))
}

/// Three significant digits, without trailing noise: 1.23, 12.3, 123.
pub fn significant(v: f64) -> String {
    match v.abs() {
        a if a >= 100.0 => format!("{v:.0}"),
        a if a >= 10.0 => format!("{v:.1}"),
        a if a >= 1.0 => format!("{v:.2}"),
        _ => format!("{v:.3}"),
    }
}
