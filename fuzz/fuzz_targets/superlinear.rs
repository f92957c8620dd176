//! Hunts superlinear time: cleans an input repeated 8 times and 64 times (as text, or as HTML
//! when the first byte is odd) and fails when the work grows much faster than the input: `Work`
//! steps beyond 12x (per pass), or time beyond 4x that of eight runs of the 8 repetitions, the
//! fastest of three tries (time is noisy; a quadratic loop is not subtle at 64 repetitions).
//! The smaller input is already 8 repetitions, so that both are in the same steady state: with
//! fewer, a page's structure (which lines read as its article) can differ from the long one's,
//! and with it the work per line (regression: `superlinear_steady_state`, a page whose 4
//! repetitions took 4,713 steps and 32 took 51,355, while 32, 64, 128 and 256 double exactly).
#![no_main]

use std::sync::LazyLock;
use std::time::Instant;

use libfuzzer_sys::fuzz_target;
use unclutter::Cleaner;

static CLEANER: LazyLock<Cleaner> = LazyLock::new(Cleaner::new);

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else { return };
    let unit = String::from_utf8_lossy(&rest[..rest.len().min(1024)]);
    if unit.trim().is_empty() {
        return;
    }
    let html = mode % 2 == 1;
    let run = |n: usize| {
        let input = unit.repeat(n);
        let started = Instant::now();
        let work = if html { CLEANER.clean_html(&input).work() } else { CLEANER.clean(&input).work() };
        (work, started.elapsed().as_secs_f64())
    };
    let (w8, _) = run(8);
    let (w64, _) = run(64);
    // Time: the 64 repetitions against eight runs of 8, so that both measure the same amount
    // of input over about the same stretch of time, and a process preempted in between (several
    // fuzzers on two cores) slows both alike; the fastest of three tries counts.
    let eight_of_8 = || (0..8).map(|_| run(8).1).sum::<f64>();
    let (mut small, mut large) = (eight_of_8(), run(64).1);
    for _ in 0..2 {
        if large <= 4.0 * small + 0.05 {
            break;
        }
        small = small.min(eight_of_8());
        large = large.min(run(64).1);
    }
    // 12x, not 8x: a page's structure settles over the first few dozen repetitions (see the
    // regression test); a loop over pairs would show 64x.
    let steps_bound = (12 * w8.steps + 1024) * u64::from(w64.passes.max(1)) / u64::from(w8.passes.max(1));
    assert!(w64.steps <= steps_bound, "steps: {} for 64 repetitions, {} for 8", w64.steps, w8.steps);
    assert!(large <= 4.0 * small + 0.05, "time: {large:.4}s for 64 repetitions, {small:.4}s for 8 runs of 8");
});
