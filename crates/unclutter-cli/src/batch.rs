//! Work on every core, results in input order, memory bounded by a window of items in flight.

use std::io;

use rayon::prelude::*;

/// Items per window and worker: enough to keep every thread busy between two windows.
pub const PER_THREAD: usize = 64;
/// Bytes of input per window, at most (a window closes early when it holds this much).
pub const WINDOW_BYTES: usize = 32 << 20;

/// Takes windows of items from `next_window` until it gives an empty one, runs `work` over each
/// window's items on `pool`, and hands the results to `sink` in input order.
pub fn run_ordered<T: Send, U: Send>(
    pool: &rayon::ThreadPool,
    mut next_window: impl FnMut() -> io::Result<Vec<T>>,
    work: impl Fn(T) -> U + Sync,
    mut sink: impl FnMut(U) -> io::Result<()>,
) -> io::Result<()> {
    loop {
        let window = next_window()?;
        if window.is_empty() {
            return Ok(());
        }
        let results: Vec<U> = pool.install(|| window.into_par_iter().map(&work).collect());
        for result in results {
            sink(result)?;
        }
    }
}

/// A pool of `jobs` threads (0: one per core).
pub fn pool(jobs: usize) -> io::Result<rayon::ThreadPool> {
    rayon::ThreadPoolBuilder::new().num_threads(jobs).build().map_err(io::Error::other)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_input_order_across_windows() {
        let pool = pool(2).unwrap();
        let mut items = (0..1000u32).collect::<Vec<_>>().into_iter();
        let mut seen = Vec::new();
        run_ordered(
            &pool,
            || Ok(items.by_ref().take(37).collect()),
            |i| {
                // Uneven work, so that threads finish out of order.
                std::hint::black_box((0..(i % 7) * 1000).sum::<u32>());
                i
            },
            |r| {
                seen.push(r);
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(seen, (0..1000).collect::<Vec<_>>());
    }
}
