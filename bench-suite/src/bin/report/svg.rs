//! Bar charts of ratios as SVG, written by hand (rects, lines and text): no plotting dependency.
//! Ratios go on a log2 axis around 1, so that 2× slower and 2× faster are bars of one length.

use std::fmt::Write as _;

/// Horizontal bars: one group per row label, one bar per series in each group.
pub struct Chart<'a> {
    pub title: &'a str,
    /// A line under the title saying what the ratio is.
    pub subtitle: &'a str,
    pub series: &'a [String],
    /// (group label, one ratio per series; `None` where there is no measurement).
    pub groups: &'a [(String, Vec<Option<f64>>)],
}

const PALETTE: [&str; 12] = [
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
    "#bcbd22", "#17becf", "#393b79", "#637939",
];

const WIDTH: f64 = 960.0;
const LABEL: f64 = 170.0;
const PLOT_LEFT: f64 = LABEL + 20.0;
const PLOT_RIGHT: f64 = WIDTH - 70.0;
const BAR: f64 = 11.0;
const GAP: f64 = 2.0;
const GROUP_GAP: f64 = 12.0;
const LEGEND_ROW: f64 = 18.0;
/// Roughly the width of a character at the legend's font size.
const CHAR: f64 = 6.5;

impl Chart<'_> {
    pub fn render(&self) -> String {
        let (lo, hi) = self.axis();
        let x = |ratio: f64| PLOT_LEFT + (ratio.log2() - lo) / (hi - lo) * (PLOT_RIGHT - PLOT_LEFT);
        let longest = self
            .series
            .iter()
            .map(|s| s.chars().count())
            .max()
            .unwrap_or(0);
        let legend_column = 17.0 + longest as f64 * CHAR + 20.0;
        let columns = (((WIDTH - 24.0) / legend_column) as usize).max(1);
        let legend_rows = self.series.len().div_ceil(columns);
        let top = 56.0 + legend_rows as f64 * LEGEND_ROW + 22.0;
        let group_height = self.series.len() as f64 * (BAR + GAP) + GROUP_GAP;
        let bottom = top + self.groups.len() as f64 * group_height;
        let height = bottom + 30.0;

        let mut svg = String::new();
        let _ = write!(
            svg,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{height}\" \
             viewBox=\"0 0 {WIDTH} {height}\" font-family=\"sans-serif\" font-size=\"11\">\n\
             <rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n\
             <text x=\"12\" y=\"22\" font-size=\"16\" font-weight=\"bold\">{}</text>\n\
             <text x=\"12\" y=\"40\" fill=\"#555\">{}</text>\n",
            escape(self.title),
            escape(self.subtitle)
        );
        for (i, name) in self.series.iter().enumerate() {
            let lx = 12.0 + (i % columns) as f64 * legend_column;
            let ly = 56.0 + (i / columns) as f64 * LEGEND_ROW;
            let _ = writeln!(
                svg,
                "<rect x=\"{lx}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"{}\"/>\
                 <text x=\"{}\" y=\"{}\">{}</text>",
                ly - 10.0,
                color(i),
                lx + 17.0,
                ly,
                escape(name)
            );
        }
        // Grid: a line per power of two, labelled above and below the plot.
        for power in lo as i32..=hi as i32 {
            let gx = x(2f64.powi(power));
            let (stroke, width) = if power == 0 {
                ("#000", 1.2)
            } else {
                ("#ddd", 1.0)
            };
            let label = tick(power);
            let _ = writeln!(
                svg,
                "<line x1=\"{gx:.1}\" y1=\"{}\" x2=\"{gx:.1}\" y2=\"{bottom}\" stroke=\"{stroke}\" \
                 stroke-width=\"{width}\"/>\
                 <text x=\"{gx:.1}\" y=\"{}\" text-anchor=\"middle\" fill=\"#555\">{label}</text>\
                 <text x=\"{gx:.1}\" y=\"{}\" text-anchor=\"middle\" fill=\"#555\">{label}</text>",
                top - 14.0,
                top - 18.0,
                bottom + 14.0
            );
        }
        for (g, (label, ratios)) in self.groups.iter().enumerate() {
            let gy = top + g as f64 * group_height;
            let _ = writeln!(
                svg,
                "<text x=\"{LABEL}\" y=\"{:.1}\" text-anchor=\"end\" font-weight=\"bold\">{}</text>",
                gy + group_height / 2.0,
                escape(label)
            );
            for (i, ratio) in ratios.iter().enumerate() {
                let by = gy + i as f64 * (BAR + GAP);
                let Some(ratio) = ratio.filter(|r| r.is_finite() && *r > 0.0) else {
                    let _ = writeln!(
                        svg,
                        "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"9\" fill=\"#999\">{}: not run</text>",
                        x(1.0) + 3.0,
                        by + BAR - 2.0,
                        escape(&self.series[i])
                    );
                    continue;
                };
                let (a, b) = (x(1.0), x(ratio.clamp(2f64.powf(lo), 2f64.powf(hi))));
                let _ = writeln!(
                    svg,
                    "<rect x=\"{:.1}\" y=\"{by:.1}\" width=\"{:.1}\" height=\"{BAR}\" fill=\"{}\">\
                     <title>{}: {}</title></rect>\
                     <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"{}\" font-size=\"9\">{}</text>",
                    a.min(b),
                    (b - a).abs().max(1.0),
                    color(i),
                    escape(&self.series[i]),
                    crate::table::ratio(ratio),
                    if ratio >= 1.0 { b + 3.0 } else { b - 3.0 },
                    by + BAR - 2.0,
                    if ratio >= 1.0 { "start" } else { "end" },
                    crate::table::ratio(ratio)
                );
            }
        }
        svg.push_str("</svg>\n");
        svg
    }

    /// The axis range in powers of two: whole powers covering every ratio, at least ½ to 2.
    fn axis(&self) -> (f64, f64) {
        let logs = self
            .groups
            .iter()
            .flat_map(|(_, ratios)| ratios.iter().flatten())
            .filter(|r| r.is_finite() && **r > 0.0)
            .map(|r| r.log2());
        let (lo, hi) = logs.fold((-1.0f64, 1.0f64), |(lo, hi), l| (lo.min(l), hi.max(l)));
        (lo.floor().max(-8.0), hi.ceil().min(8.0))
    }
}

fn color(i: usize) -> &'static str {
    PALETTE[i % PALETTE.len()]
}

/// "1/4×", "1×", "8×".
fn tick(power: i32) -> String {
    match power {
        p if p < 0 => format!("1/{}×", 1u32 << -p),
        p => format!("{}×", 1u32 << p),
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
