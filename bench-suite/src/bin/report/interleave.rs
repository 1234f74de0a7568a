//! Interleaved measurement: every repetition visits every contender once, starting one further
//! along each time, so that a slow drift of the machine (frequency, heat, a neighbour's load)
//! spreads over all contenders instead of landing on whichever ran last.

use crate::stats::median;
use std::time::Duration;

/// Something measured once per visit: a runtime's `run` on one instance, one translation, …
pub trait Contender {
    fn name(&self) -> String;
    /// One measurement; it also checks the result.
    fn measure(&mut self) -> Result<Duration, String>;
}

/// The median of `reps` measurements of each contender, or why one stopped (its first error).
pub fn interleave(
    contenders: &mut [Box<dyn Contender + '_>],
    reps: usize,
) -> Vec<Result<Duration, String>> {
    let n = contenders.len();
    let mut samples: Vec<Result<Vec<Duration>, String>> = vec![Ok(Vec::new()); n];
    for rep in 0..reps {
        for i in 0..n {
            let which = (i + rep) % n;
            if let Ok(times) = &mut samples[which] {
                match contenders[which].measure() {
                    Ok(time) => times.push(time),
                    Err(e) => samples[which] = Err(e),
                }
            }
        }
    }
    samples
        .into_iter()
        .map(|s| s.map(|times| median(&times)))
        .collect()
}
