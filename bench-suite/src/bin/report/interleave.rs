//! Interleaved measurement: every repetition visits every contender once, in an order shuffled
//! afresh each time, so that a slow drift of the machine (frequency, heat, a neighbour's load)
//! spreads over all contenders instead of landing on whichever ran last, and so that no
//! contender always follows the same one: whatever runs just before leaves the caches and branch
//! predictors in its own state (a plain rotation kept every neighbour fixed: the runtime after
//! Cranelift's compile was timed 1.1–1.4× slower in the translation table than apart from it).

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
    let mut order: Vec<usize> = (0..n).collect();
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    for _ in 0..reps {
        shuffle(&mut order, &mut seed);
        for &which in &order {
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

/// Fisher–Yates with a fixed-seed xorshift generator: the orders differ from one repetition to
/// the next but every report draws the same ones.
fn shuffle(order: &mut [usize], seed: &mut u64) {
    for i in (1..order.len()).rev() {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        order.swap(i, (*seed % (i as u64 + 1)) as usize);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_order_is_a_permutation_and_neighbours_change() {
        let mut order: Vec<usize> = (0..11).collect();
        let mut seed = 1;
        let mut before_first = std::collections::HashSet::new();
        for _ in 0..11 {
            shuffle(&mut order, &mut seed);
            let mut sorted = order.clone();
            sorted.sort_unstable();
            assert_eq!(sorted, (0..11).collect::<Vec<_>>());
            let at = order.iter().position(|&c| c == 0).unwrap();
            before_first.insert(at.checked_sub(1).map(|i| order[i]));
        }
        assert!(
            before_first.len() > 3,
            "contender 0 follows {before_first:?}"
        );
    }
}
