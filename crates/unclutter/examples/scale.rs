//! Time and peak memory at growing input sizes: `cargo run --release --example scale [-- MB...]`
//! (default 1 10 100). Each size runs in a fresh child process, so its peak resident memory
//! (VmHWM, Linux) is its own. The input is the corpus (articles and whole-page dumps) repeated.

use std::process::Command;
use std::time::Instant;

fn corpus() -> String {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus");
    let mut files = Vec::new();
    let mut dirs = vec![std::path::PathBuf::from(root)];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).expect("corpus is readable") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.to_string_lossy().ends_with(".in.txt") {
                files.push(path);
            }
        }
    }
    files.sort();
    files.iter().map(|p| std::fs::read_to_string(p).expect("utf-8") + "\n").collect()
}

fn peak_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn child(megabytes: usize) {
    let unit = corpus();
    let input = unit.repeat((megabytes << 20) / unit.len() + 1);
    let cleaner = unclutter::Cleaner::new();
    let before = peak_kib().unwrap_or(0);
    let started = Instant::now();
    let cleaned = cleaner.clean(&input);
    let kept = cleaned.text();
    let seconds = started.elapsed().as_secs_f64();
    let after = peak_kib().unwrap_or(0);
    println!(
        "{:>7.1} MB  {:>7.3} s  {:>6.1} MB/s  peak {:>7.1} MB (input and output {:.1} MB)  {} removals",
        input.len() as f64 / 1e6,
        seconds,
        input.len() as f64 / 1e6 / seconds,
        after.max(before) as f64 / 1024.0,
        (input.len() + kept.len()) as f64 / 1e6,
        cleaned.removals().len()
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, mb] = args.as_slice() {
        if flag == "--child" {
            child(mb.parse().expect("a size in MB"));
            return;
        }
    }
    let sizes: Vec<usize> =
        if args.is_empty() { vec![1, 10, 100] } else { args.iter().map(|a| a.parse().expect("sizes in MB")).collect() };
    let me = std::env::current_exe().expect("own path");
    for mb in sizes {
        let status = Command::new(&me).args(["--child", &mb.to_string()]).status().expect("child runs");
        assert!(status.success(), "size {mb} MB failed");
    }
}
