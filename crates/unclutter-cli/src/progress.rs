//! A progress bar on stderr when it is a terminal (indicatif): records, MB/s, and the ETA when
//! the input's size is known. Silent otherwise.

use std::cell::Cell;
use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

pub struct Progress {
    bar: Option<ProgressBar>,
    records: Cell<u64>,
}

impl Progress {
    /// A bar over `total` bytes (a spinner when unknown), shown only when stderr is a terminal
    /// and `enabled`.
    pub fn new(total: Option<u64>, enabled: bool) -> Progress {
        if !enabled || !std::io::stderr().is_terminal() {
            return Progress { bar: None, records: Cell::new(0) };
        }
        let bar = match total {
            Some(total) => ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr()).with_style(
                ProgressStyle::with_template("{bar:30} {bytes}/{total_bytes} {binary_bytes_per_sec} ETA {eta} {msg}")
                    .expect("a valid template"),
            ),
            None => ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()).with_style(
                ProgressStyle::with_template("{spinner} {bytes} {binary_bytes_per_sec} {msg}")
                    .expect("a valid template"),
            ),
        };
        Progress { bar: Some(bar), records: Cell::new(0) }
    }

    /// Counts one more record (or file), of `bytes` of input.
    pub fn advance(&self, bytes: u64) {
        if let Some(bar) = &self.bar {
            let records = self.records.get() + 1;
            self.records.set(records);
            bar.inc(bytes);
            if records % 64 == 0 {
                bar.set_message(format!("{records} records"));
            }
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
