//! The report: everything measured, as Markdown with SVG charts beside it.

use crate::BASELINE;
use crate::calls::CallTimes;
use crate::execute::Times;
use crate::stats::geomean;
use crate::svg::Chart;
use crate::table::{Table, duration, ratio, significant};
use crate::translation::{Subject, Translation, Translations};
use crate::wasmi_modes::Runner;
use std::fmt::Write as _;

/// Everything the report says.
pub struct Report<'a> {
    /// The header lines: machine, toolchain, commit, command.
    pub about: Vec<String>,
    /// In-process runtimes, in table order.
    pub runtimes: Vec<String>,
    pub notes: Vec<String>,
    pub cases: Vec<String>,
    pub reps: usize,
    pub times: Times,
    pub runners: &'a [Runner],
    pub calls: Vec<CallTimes>,
    pub subjects: &'a [Subject],
    pub translations: Translations,
    /// File names of the charts, beside the report: (ratios, same mode).
    pub charts: (String, String),
}

impl Report<'_> {
    pub fn markdown(&self) -> String {
        let mut md = String::from("# wasmloom benchmarks\n\n");
        for line in &self.about {
            let _ = writeln!(md, "- {line}");
        }
        for note in &self.notes {
            let _ = writeln!(md, "- Note: {note}");
        }
        md.push('\n');
        self.execution(&mut md);
        self.same_mode(&mut md);
        self.call_overhead(&mut md);
        self.translation(&mut md);
        self.unfit(&mut md);
        md
    }

    fn execution(&self, md: &mut String) {
        let _ = writeln!(
            md,
            "## Execution time\n\nMedian of {} runs of `run` on one ready instance per runtime, \
             the runtimes interleaved; every result checked.\n",
            self.reps
        );
        let mut table = Table::new(
            ["case"]
                .into_iter()
                .map(String::from)
                .chain(self.runtimes.clone()),
        );
        for case in &self.cases {
            let cells = self.runtimes.iter().map(|rt| {
                self.times
                    .get(case, rt)
                    .map_or_else(|| "—".to_string(), duration)
            });
            table.row([case.clone()].into_iter().chain(cells));
        }
        md.push_str(&table.render());

        let _ = writeln!(
            md,
            "\n## Ratio to Wasmi 2.0\n\nTime divided by `{BASELINE}`'s (its default build: \
             tail-call dispatch, handler addresses in the code); below 1 is faster.\n\n\
             ![ratios to Wasmi 2.0]({})\n",
            self.charts.0
        );
        let others = self.others();
        let mut table = Table::new(["case".to_string()].into_iter().chain(others.clone()));
        for case in &self.cases {
            let cells = others
                .iter()
                .map(|rt| self.ratio(case, rt).map_or_else(|| "—".to_string(), ratio));
            table.row([case.clone()].into_iter().chain(cells));
        }
        let means = others.iter().map(|rt| {
            self.geomean(rt)
                .map_or_else(|| "—".to_string(), |(g, _)| format!("**{}**", ratio(g)))
        });
        table.row(["**geometric mean**".to_string()].into_iter().chain(means));
        md.push_str(&table.render());

        md.push_str("\n### Geometric mean per runtime\n\nFastest first; over the cases both it and the baseline ran.\n\n");
        let mut ranked: Vec<_> = others
            .iter()
            .filter_map(|rt| self.geomean(rt).map(|(g, n)| (rt, g, n)))
            .collect();
        ranked.sort_by(|a, b| a.1.total_cmp(&b.1));
        let mut table = Table::new(["runtime", "geometric mean of ratios", "cases"]);
        for (rt, g, n) in ranked {
            table.row([rt.clone(), ratio(g), format!("{n} of {}", self.cases.len())]);
        }
        md.push_str(&table.render());
        md.push('\n');
    }

    fn same_mode(&self, md: &mut String) {
        if self.runners.is_empty() {
            md.push_str("## Same mode: wasmloom and Wasmi 2.0\n\nNot measured (`--no-wasmi-modes`, or the runners did not build).\n\n");
            return;
        }
        let _ = writeln!(
            md,
            "## Same mode: wasmloom and Wasmi 2.0\n\n\
             Wasmi 2.0's dispatch modes are build-time features, so each runs from its own build of \
             `bench-suite/wasmi-modes/` (a child process serving `run` requests, interleaved with the \
             rest). Pairs: direct-threaded / `direct` (default: tail calls, handler addresses), \
             indirect-threaded / `indirect-dispatch` (tail calls through a table of opcodes), \
             loop-call / `portable-dispatch` (a loop calling handler addresses), loop-match / \
             `portable-dispatch` + `indirect-dispatch` (a loop matching opcodes). Ratio = \
             wasmloom's time / Wasmi's; below 1 means wasmloom is faster.\n\n\
             ![same-mode ratios]({})\n",
            self.charts.1
        );
        let pairs: Vec<_> = self
            .runners
            .iter()
            .map(|r| (r.mode.counterpart, r.key(), r.mode.name))
            .collect();
        let header = pairs
            .iter()
            .map(|(ours, _, theirs)| format!("{} / {}", short(ours), short(theirs)));
        let mut table = Table::new(["case".to_string()].into_iter().chain(header));
        for case in &self.cases {
            let cells = pairs.iter().map(|(ours, key, _)| {
                self.pair_ratio(case, ours, key)
                    .map_or_else(|| "—".to_string(), ratio)
            });
            table.row([case.clone()].into_iter().chain(cells));
        }
        let means = pairs.iter().map(|(ours, key, _)| {
            let ratios = self
                .cases
                .iter()
                .filter_map(|c| self.pair_ratio(c, ours, key));
            geomean(ratios).map_or_else(|| "—".to_string(), |g| format!("**{}**", ratio(g)))
        });
        table.row(["**geometric mean**".to_string()].into_iter().chain(means));
        md.push_str(&table.render());

        let _ = writeln!(
            md,
            "\nWasmi 2.0 per mode, median time (the in-process `{BASELINE}` repeated as a check: \
             it should match the `direct` runner).\n"
        );
        let header = self.runners.iter().map(|r| r.mode.name.to_string());
        let mut table = Table::new(
            ["case".to_string()]
                .into_iter()
                .chain(header)
                .chain([format!("{BASELINE} (in process)")]),
        );
        for case in &self.cases {
            let cells = self
                .runners
                .iter()
                .map(|r| r.key())
                .chain([BASELINE.to_string()])
                .map(|key| {
                    self.times
                        .get(case, &key)
                        .map_or_else(|| "—".to_string(), duration)
                });
            table.row([case.clone()].into_iter().chain(cells));
        }
        md.push_str(&table.render());
        md.push('\n');
    }

    fn call_overhead(&self, md: &mut String) {
        md.push_str(
            "## Call overhead\n\nPer call, median over the repetitions: host to Wasm calls an exported \
             empty function; Wasm to host is a guest loop calling an imported `i64 -> i64` function.\n\n",
        );
        let mut table = Table::new(["runtime", "host → Wasm", "Wasm → host"]);
        for rt in &self.runtimes {
            let Some(times) = self.calls.iter().find(|c| &c.runtime == rt) else {
                continue;
            };
            let cell = |t: &Result<std::time::Duration, String>| {
                t.as_ref()
                    .map_or_else(|_| "—".to_string(), |d| duration(*d))
            };
            table.row([
                rt.clone(),
                cell(&times.host_to_wasm),
                cell(&times.wasm_to_host),
            ]);
        }
        md.push_str(&table.render());
        md.push('\n');
    }

    fn translation(&self, md: &mut String) {
        md.push_str(
            "## Translation\n\nParse, validate and translate (`compile`), median time per MB \
             (10^6 bytes) of Wasm code section, for the largest guests and a generated module. \
             Each measurement is an untimed compile of the module by the runtime, so that every \
             runtime is timed with warm caches, then enough timed compiles in a row for about \
             100 KB of code (at most 64), their mean taken. Not all alike: Stitch only \
             validates here (it translates each function on its first call); wasm3 only parses \
             (it compiles on first call); Cranelift compiles to machine code; Wasmi translates \
             eagerly (its default is lazy).\n\n",
        );
        let header: Vec<String> = self
            .subjects
            .iter()
            .map(|s| format!("{} ({} KB)", s.name, significant(s.code_bytes as f64 / 1e3)))
            .collect();
        let mut table = Table::new(["ms per MB".to_string()].into_iter().chain(header.clone()));
        for (rt, row) in &self.translations {
            let cells = row.iter().zip(self.subjects).map(|(t, s)| {
                t.as_ref().map_or_else(
                    |_| "—".to_string(),
                    |t| significant(t.ms_per_mb(s.code_bytes)),
                )
            });
            table.row([display_key(rt)].into_iter().chain(cells));
        }
        md.push_str(&table.render());

        md.push_str(
            "\nBytes of IR per byte of Wasm code (`Module::code_size`), wasmloom's backends only: \
             they differ by their op header (an 8-byte handler address or a 2-byte opcode).\n\n",
        );
        self.translation_bytes(md, "IR bytes / Wasm byte", &header, |t| t.code_size);
        md.push_str(
            "\nHeap bytes a compiled module keeps, per byte of Wasm code: the bytes live after \
             `compile` minus those before, counted by the report's allocator (median over the \
             repetitions), so every runtime in this process is measured alike. Module metadata \
             (types, exports, data segments) counts too; Wasmtime's machine code and Pulley \
             bytecode live in mapped memory, not on the heap.\n\n",
        );
        self.translation_bytes(md, "heap bytes / Wasm byte", &header, |t| t.heap);
        md.push('\n');
    }

    /// A table of bytes per Wasm byte, one row per runtime that has `bytes`.
    fn translation_bytes(
        &self,
        md: &mut String,
        title: &str,
        header: &[String],
        bytes: impl Fn(&Translation) -> Option<usize>,
    ) {
        let mut table = Table::new(
            [title.to_string()]
                .into_iter()
                .chain(header.iter().cloned()),
        );
        for (rt, row) in &self.translations {
            if row
                .iter()
                .all(|t| t.as_ref().map_or(true, |t| bytes(t).is_none()))
            {
                continue;
            }
            let cells = row.iter().zip(self.subjects).map(|(t, s)| {
                match t.as_ref().ok().and_then(&bytes) {
                    Some(size) => significant(size as f64 / s.code_bytes as f64),
                    None => "—".to_string(),
                }
            });
            table.row([display_key(rt)].into_iter().chain(cells));
        }
        md.push_str(&table.render());
    }

    fn unfit(&self, md: &mut String) {
        md.push_str("## Skipped and failed\n\n");
        if self.times.unfit.is_empty() {
            md.push_str("Every runtime ran every case.\n");
        }
        for (case, rt, unfit) in &self.times.unfit {
            let _ = writeln!(md, "- {case} on {}: {unfit}", display_key(rt));
        }
        for calls in &self.calls {
            if let Err(e) = &calls.host_to_wasm {
                let _ = writeln!(md, "- call overhead on {}: {e}", calls.runtime);
            }
        }
        for (rt, row) in &self.translations {
            for (t, s) in row.iter().zip(self.subjects) {
                if let Err(e) = t {
                    let _ = writeln!(md, "- translating {} on {}: {e}", s.name, display_key(rt));
                }
            }
        }
    }

    /// The two charts: ratios to the baseline, and the same-mode ratios.
    pub fn charts(&self) -> (String, String) {
        let series = self.others();
        let mut groups: Vec<(String, Vec<Option<f64>>)> = self
            .cases
            .iter()
            .map(|case| {
                (
                    case.clone(),
                    series.iter().map(|rt| self.ratio(case, rt)).collect(),
                )
            })
            .collect();
        groups.push((
            "geometric mean".into(),
            series
                .iter()
                .map(|rt| self.geomean(rt).map(|(g, _)| g))
                .collect(),
        ));
        let subtitle = format!("time / {BASELINE} time, log scale; left of 1× is faster");
        let ratios = Chart {
            title: "Execution time relative to Wasmi 2.0",
            subtitle: &subtitle,
            series: &series,
            groups: &groups,
        };

        let pairs: Vec<_> = self
            .runners
            .iter()
            .map(|r| (r.mode.counterpart, r.key(), r.mode.name))
            .collect();
        let series: Vec<String> = pairs
            .iter()
            .map(|(ours, _, theirs)| format!("{} / {}", short(ours), short(theirs)))
            .collect();
        let mut groups: Vec<(String, Vec<Option<f64>>)> = self
            .cases
            .iter()
            .map(|case| {
                let ratios = pairs
                    .iter()
                    .map(|(ours, key, _)| self.pair_ratio(case, ours, key));
                (case.clone(), ratios.collect())
            })
            .collect();
        groups.push((
            "geometric mean".into(),
            pairs
                .iter()
                .map(|(ours, key, _)| {
                    geomean(
                        self.cases
                            .iter()
                            .filter_map(|c| self.pair_ratio(c, ours, key)),
                    )
                })
                .collect(),
        ));
        let same_mode = Chart {
            title: "wasmloom relative to Wasmi 2.0, mode for mode",
            subtitle: "wasmloom time / Wasmi 2.0 time in the matching dispatch mode, log scale; left of 1× is faster",
            series: &series,
            groups: &groups,
        };
        (ratios.render(), same_mode.render())
    }

    /// The runtimes compared to the baseline.
    fn others(&self) -> Vec<String> {
        let others = self.runtimes.iter().filter(|rt| *rt != BASELINE);
        others.cloned().collect()
    }

    fn ratio(&self, case: &str, runtime: &str) -> Option<f64> {
        self.pair_ratio(case, runtime, BASELINE)
    }

    fn pair_ratio(&self, case: &str, ours: &str, theirs: &str) -> Option<f64> {
        let ours = self.times.get(case, ours)?.as_secs_f64();
        let theirs = self.times.get(case, theirs)?.as_secs_f64();
        (theirs > 0.0).then(|| ours / theirs)
    }

    /// The geometric mean of a runtime's ratios, and over how many cases.
    fn geomean(&self, runtime: &str) -> Option<(f64, usize)> {
        let ratios: Vec<f64> = self
            .cases
            .iter()
            .filter_map(|c| self.ratio(c, runtime))
            .collect();
        geomean(ratios.iter().copied()).map(|g| (g, ratios.len()))
    }
}

/// "direct-threaded" for "wasmloom/direct-threaded", "wasmi2 indirect" for "wasmi2/indirect".
fn short(name: &str) -> String {
    match name.split_once('/') {
        Some(("wasmloom", mode)) => mode.to_string(),
        Some((engine, mode)) => format!("{engine} {mode}"),
        None => name.to_string(),
    }
}

/// A runner's key ("runner:wasmi2/indirect") as a reader should see it.
fn display_key(key: &str) -> String {
    match key.strip_prefix("runner:") {
        Some(mode) => format!("{mode} (runner)"),
        None => key.to_string(),
    }
}
