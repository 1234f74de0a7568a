//! Medians and geometric means.

use std::time::Duration;

/// The median of `samples` (the midpoint of the middle two for an even count; the default,
/// zero, for none).
pub fn median<T: Midpoint>(samples: &[T]) -> T {
    let mut sorted = samples.to_vec();
    sorted.sort_unstable();
    let mid = sorted.len() / 2;
    match sorted.len() {
        0 => T::default(),
        n if n % 2 == 1 => sorted[mid],
        _ => sorted[mid - 1].midpoint(sorted[mid]),
    }
}

/// A measured quantity with a midpoint: times and byte counts.
pub trait Midpoint: Copy + Ord + Default {
    fn midpoint(self, other: Self) -> Self;
}

impl Midpoint for Duration {
    fn midpoint(self, other: Self) -> Self {
        (self + other) / 2
    }
}

impl Midpoint for usize {
    fn midpoint(self, other: Self) -> Self {
        usize::midpoint(self, other)
    }
}

/// The geometric mean, the one mean that treats ratios symmetrically (½ and 2 average to 1).
pub fn geomean(values: impl IntoIterator<Item = f64>) -> Option<f64> {
    let (sum, count) = values
        .into_iter()
        .fold((0.0, 0usize), |(sum, count), v| (sum + v.ln(), count + 1));
    (count > 0).then(|| (sum / count as f64).exp())
}
