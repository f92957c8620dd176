//! Hunts superlinear time: cleans an input repeated 4 times and 32 times (as text, or as HTML
//! when the first byte is odd) and fails when the work grows much faster than the input: `Work`
//! steps beyond 8x (with a margin, per pass), or time beyond 8x with a wide margin (time is
//! noisy; a quadratic loop is not subtle at 32 repetitions).
#![no_main]

use std::sync::LazyLock;
use std::time::Instant;

use libfuzzer_sys::fuzz_target;
use unclutter::Cleaner;

static CLEANER: LazyLock<Cleaner> = LazyLock::new(Cleaner::new);

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else { return };
    let unit = String::from_utf8_lossy(&rest[..rest.len().min(2048)]);
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
    let (w4, t4) = run(4);
    let (w32, t32) = run(32);
    let steps_bound = (8 * w4.steps + w4.steps / 2 + 512) * u64::from(w32.passes.max(1)) / u64::from(w4.passes.max(1));
    assert!(w32.steps <= steps_bound, "steps: {} for 32 repetitions, {} for 4", w32.steps, w4.steps);
    assert!(t32 <= 8.0 * 4.0 * t4 + 0.05, "time: {t32:.4}s for 32 repetitions, {t4:.4}s for 4");
});
